package statelab.verify;

/**
 * One record to put on the stream.
 *
 * @param trade index of the trade in {@link Workload#expected()}, or -1 for a bad record that names no good trade
 * @param carriesExpected true when this record holds the trade's expected end state (its latest version, or an exact
 *     duplicate of it): once accepted by Kinesis, the trade's latency clock starts
 * @param detail for a bad record, what is wrong with it; otherwise empty
 */
public record OutgoingRecord(RecordKind kind, String partitionKey, byte[] data, int trade, boolean carriesExpected,
        String detail) {
}
