package statelab.localaws.esm.reader;

import java.util.List;
import statelab.localaws.esm.model.StreamArn;

/**
 * Reading a Kinesis stream the way a mapping needs to: shards with their lineage, iterators, records. Tests
 * replace it to make rare failures (an expired iterator) happen on demand.
 *
 * <p>Every method may throw {@link StreamUnavailableException} (the emulator is down or restarting: try again
 * later) or {@link StreamNotFoundException}.
 */
public interface StreamReader {

    boolean streamExists(StreamArn stream);

    List<ShardInfo> listShards(StreamArn stream);

    /** @throws PositionNotFoundException when an {@link ShardPosition.AfterSequence} record no longer exists */
    String openIterator(StreamArn stream, String shardId, ShardPosition position);

    /** @throws IteratorExpiredException when the iterator is too old (Kinesis: 5 minutes) */
    ReadResult read(StreamArn stream, String shardId, String iterator, int limit);

    /** The stream's shards or its iterator could not be reached right now; nothing is lost by trying again. */
    final class StreamUnavailableException extends RuntimeException {
        public StreamUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    final class StreamNotFoundException extends RuntimeException {
        public StreamNotFoundException(String message) {
            super(message);
        }
    }

    final class IteratorExpiredException extends RuntimeException {
        public IteratorExpiredException(String message) {
            super(message);
        }
    }

    /** The record a checkpoint names is gone (trimmed by retention, or the emulator lost it). */
    final class PositionNotFoundException extends RuntimeException {
        public PositionNotFoundException(String message) {
            super(message);
        }
    }
}
