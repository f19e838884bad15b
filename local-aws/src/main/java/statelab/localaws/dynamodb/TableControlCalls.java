package statelab.localaws.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Map;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.protocol.Input;
import statelab.localaws.protocol.Json;
import statelab.localaws.store.JsonFileStore;

/**
 * The table control calls dynalite lacks (or answers with a constant) that Terraform's
 * {@code aws_dynamodb_table} makes on every read: time to live, point-in-time recovery (continuous backups),
 * Kinesis streaming destinations, resource policy, contributor insights. Settings are persisted per table;
 * the features themselves are not emulated (no item expires, no backup is taken), which the README says.
 */
final class TableControlCalls {
    private final DynamoDbService service;
    private final JsonFileStore<TableSettings> store;
    private final Clock clock;

    TableControlCalls(DynamoDbService service, JsonFileStore<TableSettings> store, Clock clock) {
        this.service = service;
        this.store = store;
        this.clock = clock;
    }

    void register(Map<String, DynamoDbService.LocalOperation> operations) {
        operations.put("DescribeTimeToLive", this::describeTimeToLive);
        operations.put("UpdateTimeToLive", this::updateTimeToLive);
        operations.put("DescribeContinuousBackups", this::describeContinuousBackups);
        operations.put("UpdateContinuousBackups", this::updateContinuousBackups);
        operations.put("DescribeKinesisStreamingDestination", this::describeKinesisStreamingDestination);
        operations.put("GetResourcePolicy", this::getResourcePolicy);
        operations.put("DescribeContributorInsights", this::describeContributorInsights);
    }

    private AwsResponse describeTimeToLive(AwsRequest request, Input input) {
        String table = input.requiredString("TableName");
        DynamoDbService.DescribedTable described = service.describe(request, table);
        if (!described.exists()) {
            return described.errorResponse();
        }
        TableSettings settings = settings(table);
        ObjectNode description = Json.object().put("TimeToLiveStatus", settings.ttlEnabled() ? "ENABLED" : "DISABLED");
        if (settings.ttlEnabled()) {
            description.put("AttributeName", settings.ttlAttribute());
        }
        ObjectNode body = Json.object();
        body.set("TimeToLiveDescription", description);
        return DynamoDbService.ok(body);
    }

    private AwsResponse updateTimeToLive(AwsRequest request, Input input) {
        String table = input.requiredString("TableName");
        ObjectNode specification = input.optionalObject("TimeToLiveSpecification")
                .orElseThrow(() -> Input.missing("TimeToLiveSpecification"));
        Input spec = new Input(specification);
        boolean enabled = spec.optionalBoolean("Enabled").orElseThrow(() -> Input.missing("timeToLiveSpecification.enabled"));
        String attribute = spec.optionalString("AttributeName")
                .orElseThrow(() -> Input.missing("timeToLiveSpecification.attributeName"));
        if (attribute.isEmpty() || attribute.length() > 255) {
            throw AwsException.validation("1 validation error detected: Value '" + attribute
                    + "' at 'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must have length"
                    + " between 1 and 255");
        }
        DynamoDbService.DescribedTable described = service.describe(request, table);
        if (!described.exists()) {
            return described.errorResponse();
        }
        TableSettings settings = settings(table);
        if (enabled && settings.ttlEnabled()) {
            throw AwsException.validation("TimeToLive is already enabled");
        }
        if (!enabled && !settings.ttlEnabled()) {
            throw AwsException.validation("TimeToLive is already disabled");
        }
        if (!enabled && !attribute.equals(settings.ttlAttribute())) {
            throw AwsException.validation("TimeToLive is active on a different AttributeName: current AttributeName is "
                    + settings.ttlAttribute());
        }
        store.write(table, settings.withTtl(enabled, enabled ? attribute : null));
        ObjectNode body = Json.object();
        body.putObject("TimeToLiveSpecification").put("Enabled", enabled).put("AttributeName", attribute);
        return DynamoDbService.ok(body);
    }

    private AwsResponse describeContinuousBackups(AwsRequest request, Input input) {
        String table = input.requiredString("TableName");
        DynamoDbService.DescribedTable described = service.describe(request, table);
        if (!described.exists()) {
            return described.errorResponse();
        }
        return DynamoDbService.ok(continuousBackups(settings(table)));
    }

    private AwsResponse updateContinuousBackups(AwsRequest request, Input input) {
        String table = input.requiredString("TableName");
        Input spec = new Input(input.optionalObject("PointInTimeRecoverySpecification")
                .orElseThrow(() -> Input.missing("PointInTimeRecoverySpecification")));
        boolean enabled = spec.optionalBoolean("PointInTimeRecoveryEnabled")
                .orElseThrow(() -> Input.missing("pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled"));
        int days = spec.intInRange("RecoveryPeriodInDays", 35, 1, 35);
        DynamoDbService.DescribedTable described = service.describe(request, table);
        if (!described.exists()) {
            // AWS names this error differently for the backup calls
            throw new AwsException(400, "TableNotFoundException", "Table not found: " + table);
        }
        TableSettings settings = settings(table).withPitr(enabled, days);
        store.write(table, settings);
        return DynamoDbService.ok(continuousBackups(settings));
    }

    private ObjectNode continuousBackups(TableSettings settings) {
        ObjectNode body = Json.object();
        ObjectNode description = body.putObject("ContinuousBackupsDescription");
        description.put("ContinuousBackupsStatus", "ENABLED");
        ObjectNode pitr = description.putObject("PointInTimeRecoveryDescription");
        pitr.put("PointInTimeRecoveryStatus", settings.pitrEnabled() ? "ENABLED" : "DISABLED");
        if (settings.pitrEnabled()) {
            double now = clock.millis() / 1000.0;
            pitr.put("RecoveryPeriodInDays", settings.pitrRecoveryDays());
            pitr.put("EarliestRestorableDateTime", now);
            pitr.put("LatestRestorableDateTime", now);
        }
        return body;
    }

    private AwsResponse describeKinesisStreamingDestination(AwsRequest request, Input input) {
        String table = input.requiredString("TableName");
        DynamoDbService.DescribedTable described = service.describe(request, table);
        if (!described.exists()) {
            return described.errorResponse();
        }
        ObjectNode body = Json.object().put("TableName", table);
        body.putArray("KinesisDataStreamDestinations");
        return DynamoDbService.ok(body);
    }

    /** No table has a resource policy here: AWS's answer for that case. */
    private AwsResponse getResourcePolicy(AwsRequest request, Input input) {
        String arn = input.requiredString("ResourceArn");
        String table = arn.contains(":table/") ? arn.substring(arn.indexOf(":table/") + 7).split("/")[0] : arn;
        DynamoDbService.DescribedTable described = service.describe(request, table);
        if (!described.exists()) {
            return described.errorResponse();
        }
        throw new AwsException(400, "PolicyNotFoundException",
                "Resource-based policy not found for the provided ResourceArn: " + arn);
    }

    private AwsResponse describeContributorInsights(AwsRequest request, Input input) {
        String table = input.requiredString("TableName");
        DynamoDbService.DescribedTable described = service.describe(request, table);
        if (!described.exists()) {
            return described.errorResponse();
        }
        return DynamoDbService.ok(Json.object().put("TableName", table).put("ContributorInsightsStatus", "DISABLED"));
    }

    private TableSettings settings(String table) {
        return store.read(table).orElse(TableSettings.DEFAULTS);
    }
}
