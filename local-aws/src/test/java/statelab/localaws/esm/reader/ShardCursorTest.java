package statelab.localaws.esm.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.esm.model.StreamArn;

/** The cursor keeps its place through every way an iterator breaks. */
class ShardCursorTest {
    private static final StreamArn STREAM = StreamArn.parse("arn:aws:kinesis:us-east-1:000000000000:stream/s").orElseThrow();

    /**
     * A shard of records 1..n in memory. An iterator is "position:index"; failures are injected by the test.
     */
    private static final class FakeShard implements StreamReader {
        final List<StreamRecord> records = new ArrayList<>();
        final List<ShardPosition> opened = new ArrayList<>();
        int expireNextReads;
        int unavailableNextReads;
        boolean forgetSequenceNumbers;
        boolean closed;

        void put(int count) {
            int first = records.size() + 1;
            for (int i = first; i < first + count; i++) {
                records.add(new StreamRecord("shardId-0", SequenceNumber.of(Integer.toString(i)), "k", new byte[0], i));
            }
        }

        @Override
        public boolean streamExists(StreamArn stream) {
            return true;
        }

        @Override
        public List<ShardInfo> listShards(StreamArn stream) {
            return List.of(new ShardInfo("shardId-0", null, null));
        }

        @Override
        public String openIterator(StreamArn stream, String shardId, ShardPosition position) {
            opened.add(position);
            if (position instanceof ShardPosition.AfterSequence after) {
                if (forgetSequenceNumbers) {
                    throw new PositionNotFoundException("gone");
                }
                return "it:" + Integer.parseInt(after.sequenceNumber().text());
            }
            if (position instanceof ShardPosition.Latest) {
                return "it:" + records.size();
            }
            return "it:0";
        }

        @Override
        public ReadResult read(StreamArn stream, String shardId, String iterator, int limit) {
            if (unavailableNextReads > 0) {
                unavailableNextReads--;
                throw new StreamUnavailableException("kinesis-mock restarting", null);
            }
            if (expireNextReads > 0) {
                expireNextReads--;
                throw new IteratorExpiredException("expired");
            }
            int from = Integer.parseInt(iterator.substring(3));
            int to = Math.min(records.size(), from + limit);
            boolean end = closed && to == records.size();
            return new ReadResult(List.copyOf(records.subList(from, to)), end ? null : "it:" + to, 0);
        }
    }

    private static List<String> sequences(ShardCursor.Page page) {
        return page.records().stream().map(r -> r.sequenceNumber().text()).toList();
    }

    @Test
    void readsForwardPageByPage() {
        FakeShard shard = new FakeShard();
        shard.put(5);
        ShardCursor cursor = new ShardCursor(shard, STREAM, "shardId-0", new ShardPosition.TrimHorizon());
        assertEquals(List.of("1", "2", "3"), sequences(cursor.next(3)));
        assertEquals(List.of("4", "5"), sequences(cursor.next(3)));
        assertEquals(List.of(), sequences(cursor.next(3)));
        shard.put(1);
        assertEquals(List.of("6"), sequences(cursor.next(3)));
    }

    @Test
    void anExpiredIteratorIsReopenedAfterTheLastRecordHandedOutWithoutLosingOrRepeatingOne() {
        FakeShard shard = new FakeShard();
        shard.put(4);
        ShardCursor cursor = new ShardCursor(shard, STREAM, "shardId-0", new ShardPosition.TrimHorizon());
        assertEquals(List.of("1", "2"), sequences(cursor.next(2)));
        shard.expireNextReads = 1; // an idle night later
        assertEquals(List.of("3", "4"), sequences(cursor.next(2)));
        assertEquals(new ShardPosition.AfterSequence(SequenceNumber.of("2")), shard.opened.get(shard.opened.size() - 1));
    }

    @Test
    void anUnavailableStreamIsReportedAndTheNextReadReopensFromTheSamePlace() {
        FakeShard shard = new FakeShard();
        shard.put(3);
        ShardCursor cursor = new ShardCursor(shard, STREAM, "shardId-0", new ShardPosition.TrimHorizon());
        assertEquals(List.of("1"), sequences(cursor.next(1)));
        shard.unavailableNextReads = 2;
        assertThrows(StreamReader.StreamUnavailableException.class, () -> cursor.next(1));
        assertThrows(StreamReader.StreamUnavailableException.class, () -> cursor.next(1));
        assertEquals(List.of("2", "3"), sequences(cursor.next(5)));
        assertEquals(new ShardPosition.AfterSequence(SequenceNumber.of("1")), shard.opened.get(shard.opened.size() - 1));
    }

    @Test
    void aCheckpointThatNoLongerExistsFallsBackToTrimHorizonAndSkipsWhatWasAlreadyHandedOut() {
        FakeShard shard = new FakeShard();
        shard.put(6);
        shard.forgetSequenceNumbers = true;
        ShardCursor cursor = new ShardCursor(shard, STREAM, "shardId-0",
                new ShardPosition.AfterSequence(SequenceNumber.of("4")));
        assertEquals(List.of("5", "6"), sequences(cursor.next(10)));
        assertEquals(new ShardPosition.TrimHorizon(), shard.opened.get(shard.opened.size() - 1));
    }

    @Test
    void aClosedShardEndsWhenItsLastRecordIsRead() {
        FakeShard shard = new FakeShard();
        shard.put(2);
        shard.closed = true;
        ShardCursor cursor = new ShardCursor(shard, STREAM, "shardId-0", new ShardPosition.TrimHorizon());
        ShardCursor.Page first = cursor.next(1);
        assertEquals(List.of("1"), sequences(first));
        ShardCursor.Page last = cursor.next(1);
        assertEquals(List.of("2"), sequences(last));
        assertTrue(last.shardEnded());
        assertTrue(cursor.ended());
    }
}
