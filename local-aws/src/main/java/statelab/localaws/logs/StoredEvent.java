package statelab.localaws.logs;

/**
 * One log event as kept on disk (one JSON line) and handed around.
 *
 * @param seq its position in the stream's file (0-based), which makes event ids and tokens stable
 */
public record StoredEvent(long timestamp, long ingestionTime, String message, long seq) {
}
