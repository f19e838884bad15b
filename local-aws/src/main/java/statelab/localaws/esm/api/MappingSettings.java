package statelab.localaws.esm.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import statelab.localaws.edge.AwsException;
import statelab.localaws.esm.model.MappingConfig;
import statelab.localaws.protocol.Input;

/**
 * Reads the tunable members of Create and UpdateEventSourceMapping with AWS's ranges and messages. A member
 * that is absent keeps its current value (the default on Create).
 */
final class MappingSettings {
    static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

    /** SQS queues, SNS topics and S3 buckets: what an on-failure destination of a stream mapping may be */
    private static final Pattern DESTINATION = Pattern.compile(
            "arn:aws[a-zA-Z-]*:(?:sqs|sns):[a-z0-9-]+:\\d{12}:[a-zA-Z0-9_.-]{1,256}|arn:aws[a-zA-Z-]*:s3:::[a-z0-9.-]{3,63}");

    private MappingSettings() {
    }

    static MappingConfig read(Input in, MappingConfig current) {
        MappingConfig config = current;
        if (in.has("BatchSize")) {
            config = config.withBatchSize(in.intInRange("BatchSize", 0, 1, 10_000));
        }
        if (in.has("MaximumBatchingWindowInSeconds")) {
            config = config.withMaximumBatchingWindowInSeconds(in.intInRange("MaximumBatchingWindowInSeconds", 0, 0, 300));
        }
        if (in.has("ParallelizationFactor")) {
            config = config.withParallelizationFactor(in.intInRange("ParallelizationFactor", 0, 1, 10));
        }
        if (in.has("MaximumRetryAttempts")) {
            config = config.withMaximumRetryAttempts(in.intInRange("MaximumRetryAttempts", 0, -1, 10_000));
        }
        if (in.has("MaximumRecordAgeInSeconds")) {
            int age = in.intInRange("MaximumRecordAgeInSeconds", 0, -1, 604_800);
            if (age >= 0 && age < 60) {
                throw AwsException.invalidParameter("MaximumRecordAgeInSeconds must be -1 (no limit) or between 60 and"
                        + " 604800, not " + age + ".");
            }
            config = config.withMaximumRecordAgeInSeconds(age);
        }
        if (in.has("BisectBatchOnFunctionError")) {
            config = config.withBisectBatchOnFunctionError(in.optionalBoolean("BisectBatchOnFunctionError").orElseThrow());
        }
        if (in.has("FunctionResponseTypes")) {
            config = config.withReportBatchItemFailures(reportBatchItemFailures(in.optionalStringList("FunctionResponseTypes")
                    .orElseThrow()));
        }
        if (in.has("DestinationConfig")) {
            config = config.withOnFailureDestination(onFailureDestination(in.optionalObject("DestinationConfig").orElseThrow()));
        }
        if (in.has("TumblingWindowInSeconds")) {
            in.intInRange("TumblingWindowInSeconds", 0, 0, 900); // > 0 is refused as not emulated
        }
        return config;
    }

    private static boolean reportBatchItemFailures(List<String> types) {
        for (String type : types) {
            if (!REPORT_BATCH_ITEM_FAILURES.equals(type)) {
                throw AwsException.validation("1 validation error detected: Value '" + types + "' at"
                        + " 'functionResponseTypes' failed to satisfy constraint: Member must satisfy constraint: [Member"
                        + " must satisfy enum value set: [" + REPORT_BATCH_ITEM_FAILURES + "]]");
            }
        }
        if (types.size() > 1) {
            throw AwsException.validation("1 validation error detected: Value '" + types + "' at 'functionResponseTypes'"
                    + " failed to satisfy constraint: Member must have length less than or equal to 1");
        }
        return !types.isEmpty();
    }

    /** @return the destination ARN, or null for none ({@code {}}, {@code {"OnFailure": {}}}, an empty ARN) */
    private static String onFailureDestination(ObjectNode config) {
        JsonNode onSuccess = config.get("OnSuccess");
        if (onSuccess != null && !onSuccess.isNull() && !(onSuccess.isObject() && onSuccess.isEmpty())) {
            throw AwsException.invalidParameter("Unsupported DestinationConfig parameter for given event source mapping type.");
        }
        JsonNode onFailure = config.get("OnFailure");
        if (onFailure == null || onFailure.isNull()) {
            return null;
        }
        if (!onFailure.isObject()) {
            throw AwsException.malformedBody("'DestinationConfig.OnFailure' must be an object");
        }
        Optional<String> destination = new Input((ObjectNode) onFailure).optionalString("Destination");
        if (destination.isEmpty() || destination.get().isEmpty()) {
            return null;
        }
        if (!DESTINATION.matcher(destination.get()).matches()) {
            throw AwsException.invalidParameter("The provided destination config DestinationConfig(onFailure="
                    + destination.get() + ") is invalid: an on-failure destination of a Kinesis mapping must be the ARN"
                    + " of an SQS queue, an SNS topic or an S3 bucket.");
        }
        return destination.get();
    }
}
