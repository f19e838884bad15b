package statelab.localaws.dynamodb;

/**
 * What local-aws keeps for a table beyond what dynalite stores: settings of DynamoDB features dynalite does
 * not have (time to live, point-in-time recovery, the stream specification). Persisted per table name.
 *
 * @param streamLabel the timestamp label of the current stream, null when the stream is off
 */
public record TableSettings(boolean ttlEnabled, String ttlAttribute, boolean pitrEnabled, int pitrRecoveryDays,
        boolean streamEnabled, String streamViewType, String streamLabel) {

    public static final TableSettings DEFAULTS = new TableSettings(false, null, false, 35, false, null, null);

    public TableSettings withTtl(boolean enabled, String attribute) {
        return new TableSettings(enabled, attribute, pitrEnabled, pitrRecoveryDays, streamEnabled, streamViewType, streamLabel);
    }

    public TableSettings withPitr(boolean enabled, int recoveryDays) {
        return new TableSettings(ttlEnabled, ttlAttribute, enabled, recoveryDays, streamEnabled, streamViewType, streamLabel);
    }

    public TableSettings withStream(boolean enabled, String viewType, String label) {
        return new TableSettings(ttlEnabled, ttlAttribute, pitrEnabled, pitrRecoveryDays, enabled, viewType, label);
    }
}
