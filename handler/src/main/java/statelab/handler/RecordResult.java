package statelab.handler;

/**
 * The outcome of one record.
 *
 * @param tradeId null when the record never parsed into a trade
 * @param detail  why it was rejected or failed; null when it was written or a duplicate
 */
record RecordResult(RecordRef record, String tradeId, Outcome outcome, String detail) {
}
