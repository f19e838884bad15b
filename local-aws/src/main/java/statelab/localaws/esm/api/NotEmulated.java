package statelab.localaws.esm.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import statelab.localaws.edge.AwsException;

/**
 * THE list of event source mapping options local-aws does not emulate (mirrored in local-aws/README.md, "Not
 * emulated"). A request that sets one is refused with an error naming it, never accepted and ignored. An option
 * present with an empty value ({@code "FilterCriteria": {}}, {@code "KMSKeyArn": ""}) means "none" and passes:
 * that is how Terraform clears them.
 */
public final class NotEmulated {

    private record Option(String what, Predicate<JsonNode> isSet) {
    }

    private static final Map<String, Option> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("FilterCriteria", new Option("event filtering", v -> nonEmpty(v.get("Filters"))));
        OPTIONS.put("KMSKeyArn", new Option("encryption of filter criteria with a customer managed key", NotEmulated::nonEmpty));
        OPTIONS.put("MetricsConfig", new Option("event source mapping metrics", v -> nonEmpty(v.get("Metrics"))));
        OPTIONS.put("ProvisionedPollerConfig", new Option("provisioned mode pollers", NotEmulated::nonEmpty));
        OPTIONS.put("LoggingConfig", new Option("event source mapping logging configuration", NotEmulated::nonEmpty));
        OPTIONS.put("TumblingWindowInSeconds", new Option("tumbling windows", v -> v.isNumber() && v.asLong() > 0));
        OPTIONS.put("ScalingConfig", new Option("maximum concurrency (an Amazon SQS option)", NotEmulated::nonEmpty));
        OPTIONS.put("Queues", new Option("Amazon MQ sources", NotEmulated::nonEmpty));
        OPTIONS.put("Topics", new Option("Apache Kafka sources", NotEmulated::nonEmpty));
        OPTIONS.put("SourceAccessConfigurations", new Option("source access configurations (Amazon MQ, Kafka)",
                NotEmulated::nonEmpty));
        OPTIONS.put("SelfManagedEventSource", new Option("self-managed Apache Kafka sources", NotEmulated::nonEmpty));
        OPTIONS.put("SelfManagedKafkaEventSourceConfig", new Option("self-managed Apache Kafka sources",
                NotEmulated::nonEmpty));
        OPTIONS.put("AmazonManagedKafkaEventSourceConfig", new Option("Amazon MSK sources", NotEmulated::nonEmpty));
        OPTIONS.put("DocumentDBEventSourceConfig", new Option("Amazon DocumentDB sources", NotEmulated::nonEmpty));
    }

    /** Event sources other than Kinesis data streams, by the service in their ARN. */
    private static final Map<String, String> OTHER_SOURCES = Map.of(
            "sqs", "Amazon SQS queues",
            "dynamodb", "DynamoDB Streams",
            "kafka", "Amazon MSK clusters",
            "mq", "Amazon MQ brokers",
            "rds", "Amazon DocumentDB streams");

    private NotEmulated() {
    }

    /** @throws AwsException InvalidParameterValueException naming the first option the request sets */
    public static void refuseOptions(ObjectNode request) {
        for (Map.Entry<String, Option> option : OPTIONS.entrySet()) {
            JsonNode value = request.get(option.getKey());
            if (value != null && !value.isNull() && option.getValue().isSet().test(value)) {
                throw refused(option.getValue().what() + " (" + option.getKey() + ")");
            }
        }
    }

    /**
     * @throws AwsException InvalidParameterValueException for an event source local-aws cannot poll: another
     *     service's ARN or a Kinesis consumer ARN (enhanced fan-out)
     */
    public static void refuseEventSource(String eventSourceArn) {
        String[] parts = eventSourceArn.split(":", 6);
        if (parts.length >= 6 && parts[0].equals("arn")) {
            String service = parts[2];
            if (service.equals("kinesis") && parts[5].contains("/consumer/")) {
                throw refused("enhanced fan-out: Kinesis stream consumers as event sources (" + eventSourceArn
                        + "); map the stream ARN instead");
            }
            if (service.equals("dynamodb") && !parts[5].contains("/stream/")) {
                return; // not a stream ARN at all: the caller reports it as unrecognized
            }
            String other = OTHER_SOURCES.get(service);
            if (other != null) {
                throw refused("event source mappings for " + other + " (" + eventSourceArn
                        + "); only Kinesis data streams are supported");
            }
        }
    }

    private static AwsException refused(String what) {
        return AwsException.invalidParameter("local-aws does not emulate " + what
                + ". See \"Not emulated\" in local-aws/README.md.");
    }

    private static boolean nonEmpty(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isTextual()) {
            return !value.textValue().isEmpty();
        }
        if (value.isContainerNode()) {
            return !value.isEmpty();
        }
        return true;
    }
}
