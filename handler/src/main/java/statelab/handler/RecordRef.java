package statelab.handler;

/**
 * Where a record sits: its position in the event (Lambda delivers a shard's records in ascending sequence order,
 * so position order is stream order) and the sequence number the mapping knows it by.
 */
record RecordRef(int position, String sequenceNumber) {
}
