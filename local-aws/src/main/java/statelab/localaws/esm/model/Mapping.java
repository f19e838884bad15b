package statelab.localaws.esm.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * One event source mapping as local-aws keeps it (one JSON file each): what the API reports plus what the
 * poller needs to survive a restart (the moment LATEST was resolved). Immutable; changes make copies.
 *
 * @param functionArn as AWS reports it: unqualified for a bare name, qualified when a version or alias was given
 * @param startingPositionTimestampMillis only for AT_TIMESTAMP, else null
 * @param enabled what the owner asked for; {@code state} says where the mapping is on its way there
 * @param latestResolvedAtMillis for LATEST: when the mapping first reached Enabled, the instant LATEST stands for
 *     (so that a restart before the first record does not move it); null before that and for other positions
 */
public record Mapping(String uuid, String region, String functionArn, String eventSourceArn,
        StartingPosition startingPosition, Long startingPositionTimestampMillis, MappingConfig config, boolean enabled,
        MappingState state, String stateTransitionReason, String lastProcessingResult, long lastModifiedMillis,
        long createdMillis, Long latestResolvedAtMillis, Map<String, String> tags) {

    public static final String USER_ACTION = "User action";
    public static final String NO_RECORDS_PROCESSED = "No records processed";

    public Mapping {
        tags = tags == null ? Map.of() : Map.copyOf(new TreeMap<>(tags));
    }

    public Mapping withState(MappingState newState, long nowMillis) {
        return new Mapping(uuid, region, functionArn, eventSourceArn, startingPosition, startingPositionTimestampMillis,
                config, enabled, newState, USER_ACTION, lastProcessingResult, nowMillis, createdMillis,
                latestResolvedAtMillis, tags);
    }

    /** The owner's update: new settings, the function it calls, and whether it should run. */
    public Mapping withChanges(String newFunctionArn, MappingConfig newConfig, boolean newEnabled, MappingState newState,
            long nowMillis) {
        return new Mapping(uuid, region, newFunctionArn, eventSourceArn, startingPosition, startingPositionTimestampMillis,
                newConfig, newEnabled, newState, USER_ACTION, lastProcessingResult, nowMillis, createdMillis,
                latestResolvedAtMillis, tags);
    }

    /** A state change made by local-aws itself (Creating -> Enabled): LastModified stays the owner's. */
    public Mapping settledAs(MappingState newState) {
        return new Mapping(uuid, region, functionArn, eventSourceArn, startingPosition, startingPositionTimestampMillis,
                config, enabled, newState, USER_ACTION, lastProcessingResult, lastModifiedMillis, createdMillis,
                latestResolvedAtMillis, tags);
    }

    public Mapping withLastProcessingResult(String result) {
        return new Mapping(uuid, region, functionArn, eventSourceArn, startingPosition, startingPositionTimestampMillis,
                config, enabled, state, stateTransitionReason, result, lastModifiedMillis, createdMillis,
                latestResolvedAtMillis, tags);
    }

    public Mapping withLatestResolvedAt(long millis) {
        return new Mapping(uuid, region, functionArn, eventSourceArn, startingPosition, startingPositionTimestampMillis,
                config, enabled, state, stateTransitionReason, lastProcessingResult, lastModifiedMillis, createdMillis,
                millis, tags);
    }

    public Mapping withTags(Map<String, String> newTags) {
        return new Mapping(uuid, region, functionArn, eventSourceArn, startingPosition, startingPositionTimestampMillis,
                config, enabled, state, stateTransitionReason, lastProcessingResult, lastModifiedMillis, createdMillis,
                latestResolvedAtMillis, newTags);
    }

    public StreamArn stream() {
        return StreamArn.parse(eventSourceArn).orElseThrow(
                () -> new IllegalStateException("mapping " + uuid + " has no Kinesis stream ARN: " + eventSourceArn));
    }
}
