package statelab.bench;

/** A line of a command's output and when it came, in milliseconds after the command started. */
record TimedLine(long millis, String text) {
}
