package statelab.handler;

/** A record that is not a valid trade, and why. */
record Rejection(RecordRef record, String reason) {
}
