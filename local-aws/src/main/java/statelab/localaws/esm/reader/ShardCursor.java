package statelab.localaws.esm.reader;

import java.util.ArrayList;
import java.util.List;
import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.esm.model.StreamArn;

/**
 * Reads one shard forward from a position, keeping its place across everything that breaks an iterator: an
 * expired iterator (Kinesis expires them after 5 minutes, so an idle night would otherwise leave a dead
 * trigger), a restarted kinesis-mock (new port, iterators it no longer understands), a checkpointed record that
 * is gone. Its place is always the last sequence number it handed out, never an iterator: iterators are
 * re-opened from it, and records at or before it are never handed out twice by the cursor.
 *
 * <p>Not thread-safe: one reader thread per shard owns it.
 */
public final class ShardCursor {
    private static final System.Logger LOG = System.getLogger(ShardCursor.class.getName());

    private final StreamReader reader;
    private final StreamArn stream;
    private final String shardId;
    private ShardPosition position;
    private SequenceNumber lastHandedOut;
    private String iterator;
    private boolean ended;

    /** @param start where to begin; an {@link ShardPosition.AfterSequence} also becomes the floor */
    public ShardCursor(StreamReader reader, StreamArn stream, String shardId, ShardPosition start) {
        this.reader = reader;
        this.stream = stream;
        this.shardId = shardId;
        this.position = start;
        if (start instanceof ShardPosition.AfterSequence after) {
            this.lastHandedOut = after.sequenceNumber();
        }
    }

    /** One page of records after the cursor's place (possibly none). */
    public record Page(List<StreamRecord> records, boolean shardEnded, long millisBehindLatest) {
    }

    /**
     * Reads the next page. On {@link StreamReader.StreamUnavailableException} or
     * {@link StreamReader.StreamNotFoundException} the iterator is dropped (the next call re-opens it from the
     * cursor's place) and the exception is passed on, for the caller to back off.
     */
    public Page next(int limit) {
        if (ended) {
            return new Page(List.of(), true, 0);
        }
        ReadResult result;
        try {
            if (iterator == null) {
                iterator = open();
            }
            try {
                result = reader.read(stream, shardId, iterator, limit);
            } catch (StreamReader.IteratorExpiredException e) {
                LOG.log(System.Logger.Level.INFO, shardId + " of " + stream.streamName()
                        + ": iterator expired, re-opening it after " + describePlace());
                iterator = open();
                result = reader.read(stream, shardId, iterator, limit);
            }
        } catch (RuntimeException e) {
            iterator = null;
            throw e;
        }
        List<StreamRecord> fresh = new ArrayList<>(result.records().size());
        for (StreamRecord record : result.records()) {
            if (lastHandedOut == null || record.sequenceNumber().isAfter(lastHandedOut)) {
                fresh.add(record);
            }
        }
        if (!fresh.isEmpty()) {
            lastHandedOut = fresh.get(fresh.size() - 1).sequenceNumber();
            position = new ShardPosition.AfterSequence(lastHandedOut);
        }
        iterator = result.nextIterator();
        ended = iterator == null;
        return new Page(fresh, ended, result.millisBehindLatest());
    }

    public boolean ended() {
        return ended;
    }

    private String open() {
        try {
            return reader.openIterator(stream, shardId, position);
        } catch (StreamReader.PositionNotFoundException e) {
            // The record we stand after is gone: trimmed by retention (everything left is newer), or lost by an
            // emulator that restarted from older data. Read from the oldest record and skip what we handed out.
            LOG.log(System.Logger.Level.WARNING, shardId + " of " + stream.streamName() + ": " + describePlace()
                    + " is no longer in the stream; reading from TRIM_HORIZON and skipping records up to it");
            position = new ShardPosition.TrimHorizon();
            return reader.openIterator(stream, shardId, position);
        }
    }

    private String describePlace() {
        return lastHandedOut == null ? "the starting position " + position : "sequence number " + lastHandedOut;
    }
}
