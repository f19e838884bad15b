package statelab.localaws.logs;

/** What DescribeLogStreams reports about a stream's events; null timestamps while it has none. */
record StreamStats(Long firstEventTimestamp, Long lastEventTimestamp, Long lastIngestionTime, long storedBytes,
        long eventCount) {
    static final StreamStats EMPTY = new StreamStats(null, null, null, 0, 0);

    StreamStats plus(StoredEvent event) {
        long first = firstEventTimestamp == null ? event.timestamp() : Math.min(firstEventTimestamp, event.timestamp());
        long last = lastEventTimestamp == null ? event.timestamp() : Math.max(lastEventTimestamp, event.timestamp());
        long ingested = lastIngestionTime == null ? event.ingestionTime() : Math.max(lastIngestionTime, event.ingestionTime());
        return new StreamStats(first, last, ingested, storedBytes + event.message().length() + 26L, eventCount + 1);
    }
}
