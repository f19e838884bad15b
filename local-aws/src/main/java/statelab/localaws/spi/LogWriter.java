package statelab.localaws.spi;

import java.util.List;

/** Appends lines to CloudWatch Logs, creating the stream (and, as Lambda does, the group) when missing. */
public interface LogWriter {

    void append(String groupName, String streamName, List<LogEvent> events);

    record LogEvent(long timestampMillis, String message) {
    }
}
