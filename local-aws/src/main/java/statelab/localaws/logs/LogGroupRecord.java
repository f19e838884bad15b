package statelab.localaws.logs;

import java.util.Map;
import java.util.TreeMap;

/** A log group as stored. {@code retentionInDays} is null when events never expire. */
public record LogGroupRecord(String name, long creationTime, Integer retentionInDays, Map<String, String> tags) {
    public LogGroupRecord {
        tags = new TreeMap<>(tags);
    }

    LogGroupRecord withRetention(Integer days) {
        return new LogGroupRecord(name, creationTime, days, tags);
    }

    LogGroupRecord withTags(Map<String, String> newTags) {
        return new LogGroupRecord(name, creationTime, retentionInDays, newTags);
    }
}
