package statelab.localaws.esm.model;

/**
 * What a mapping's owner can tune with Create and Update, with AWS's defaults. Immutable: an update makes a new
 * one, and a running worker picks the new one up at its next batch.
 *
 * @param maximumRetryAttempts -1 = retry until the records expire
 * @param maximumRecordAgeInSeconds -1 = no age limit
 * @param onFailureDestination null when none is configured
 */
public record MappingConfig(int batchSize, int maximumBatchingWindowInSeconds, int parallelizationFactor,
        int maximumRetryAttempts, int maximumRecordAgeInSeconds, boolean bisectBatchOnFunctionError,
        boolean reportBatchItemFailures, String onFailureDestination) {

    public static final int UNLIMITED = -1;

    public static MappingConfig defaults() {
        return new MappingConfig(100, 0, 1, UNLIMITED, UNLIMITED, false, false, null);
    }

    public MappingConfig withBatchSize(int value) {
        return new MappingConfig(value, maximumBatchingWindowInSeconds, parallelizationFactor, maximumRetryAttempts,
                maximumRecordAgeInSeconds, bisectBatchOnFunctionError, reportBatchItemFailures, onFailureDestination);
    }

    public MappingConfig withMaximumBatchingWindowInSeconds(int value) {
        return new MappingConfig(batchSize, value, parallelizationFactor, maximumRetryAttempts,
                maximumRecordAgeInSeconds, bisectBatchOnFunctionError, reportBatchItemFailures, onFailureDestination);
    }

    public MappingConfig withParallelizationFactor(int value) {
        return new MappingConfig(batchSize, maximumBatchingWindowInSeconds, value, maximumRetryAttempts,
                maximumRecordAgeInSeconds, bisectBatchOnFunctionError, reportBatchItemFailures, onFailureDestination);
    }

    public MappingConfig withMaximumRetryAttempts(int value) {
        return new MappingConfig(batchSize, maximumBatchingWindowInSeconds, parallelizationFactor, value,
                maximumRecordAgeInSeconds, bisectBatchOnFunctionError, reportBatchItemFailures, onFailureDestination);
    }

    public MappingConfig withMaximumRecordAgeInSeconds(int value) {
        return new MappingConfig(batchSize, maximumBatchingWindowInSeconds, parallelizationFactor, maximumRetryAttempts,
                value, bisectBatchOnFunctionError, reportBatchItemFailures, onFailureDestination);
    }

    public MappingConfig withBisectBatchOnFunctionError(boolean value) {
        return new MappingConfig(batchSize, maximumBatchingWindowInSeconds, parallelizationFactor, maximumRetryAttempts,
                maximumRecordAgeInSeconds, value, reportBatchItemFailures, onFailureDestination);
    }

    public MappingConfig withReportBatchItemFailures(boolean value) {
        return new MappingConfig(batchSize, maximumBatchingWindowInSeconds, parallelizationFactor, maximumRetryAttempts,
                maximumRecordAgeInSeconds, bisectBatchOnFunctionError, value, onFailureDestination);
    }

    public MappingConfig withOnFailureDestination(String value) {
        return new MappingConfig(batchSize, maximumBatchingWindowInSeconds, parallelizationFactor, maximumRetryAttempts,
                maximumRecordAgeInSeconds, bisectBatchOnFunctionError, reportBatchItemFailures, value);
    }
}
