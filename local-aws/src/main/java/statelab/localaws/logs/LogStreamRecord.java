package statelab.localaws.logs;

/** A log stream as stored: its name and when it was made. Event statistics are derived from its events. */
public record LogStreamRecord(String name, long creationTime) {
}
