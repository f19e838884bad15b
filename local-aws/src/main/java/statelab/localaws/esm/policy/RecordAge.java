package statelab.localaws.esm.policy;

import statelab.localaws.esm.model.MappingConfig;

/** MaximumRecordAgeInSeconds: a record older than this is dropped before an invocation (-1: never). Pure. */
public final class RecordAge {
    private RecordAge() {
    }

    public static boolean isExpired(long arrivalMillis, long nowMillis, int maximumRecordAgeInSeconds) {
        return maximumRecordAgeInSeconds != MappingConfig.UNLIMITED
                && nowMillis - arrivalMillis > maximumRecordAgeInSeconds * 1000L;
    }
}
