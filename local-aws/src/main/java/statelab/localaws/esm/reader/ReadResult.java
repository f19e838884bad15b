package statelab.localaws.esm.reader;

import java.util.List;

/**
 * One GetRecords answer.
 *
 * @param nextIterator null when the shard is closed and every record has been read
 * @param millisBehindLatest how far the read is from the tip; 0 = caught up
 */
public record ReadResult(List<StreamRecord> records, String nextIterator, long millisBehindLatest) {
}
