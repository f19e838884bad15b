package statelab.localaws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.LocalAwsHarness;

class DynamoDbIT {
    @TempDir
    static Path dataDir;
    static LocalAwsHarness local;
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        local = LocalAwsHarness.start(dataDir);
        dynamo = local.client(DynamoDbClient.builder());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        local.close();
    }

    static TableDescription createTable(String name, boolean withStream) {
        TableDescription created = dynamo.createTable(r -> {
            r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build());
            if (withStream) {
                r.streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
            }
        }).tableDescription();
        Await.until("table " + name + " is active", Duration.ofSeconds(30), () -> dynamo.describeTable(r -> r.tableName(name))
                .table().tableStatus() == TableStatus.ACTIVE);
        return created;
    }

    @Test
    void itemsGoThroughToDynalite() {
        createTable("items", false);
        dynamo.putItem(r -> r.tableName("items").item(Map.of("id", AttributeValue.fromS("t-1"),
                "Version", AttributeValue.fromN("3"))));
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName("items")
                .key(Map.of("id", AttributeValue.fromS("t-1")))).item();
        assertEquals("3", item.get("Version").n());
        AwsServiceException conditional = assertThrows(AwsServiceException.class, () -> dynamo.updateItem(r -> r
                .tableName("items").key(Map.of("id", AttributeValue.fromS("t-1")))
                .updateExpression("SET #v = :v").conditionExpression("attribute_not_exists(id) OR #v < :v")
                .expressionAttributeNames(Map.of("#v", "Version"))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN("2")))));
        assertEquals("ConditionalCheckFailedException", conditional.awsErrorDetails().errorCode());
    }

    @Test
    void timeToLiveIsKeptPerTableAndValidatedAsAwsDoes() {
        createTable("ttl", false);
        assertEquals(TimeToLiveStatus.DISABLED, dynamo.describeTimeToLive(r -> r.tableName("ttl"))
                .timeToLiveDescription().timeToLiveStatus());
        dynamo.updateTimeToLive(r -> r.tableName("ttl").timeToLiveSpecification(s -> s.enabled(true).attributeName("expires")));
        var description = dynamo.describeTimeToLive(r -> r.tableName("ttl")).timeToLiveDescription();
        assertEquals(TimeToLiveStatus.ENABLED, description.timeToLiveStatus());
        assertEquals("expires", description.attributeName());
        AwsServiceException again = assertThrows(AwsServiceException.class, () -> dynamo.updateTimeToLive(r -> r
                .tableName("ttl").timeToLiveSpecification(s -> s.enabled(true).attributeName("expires"))));
        assertEquals("ValidationException", again.awsErrorDetails().errorCode());
        assertThrows(ResourceNotFoundException.class, () -> dynamo.describeTimeToLive(r -> r.tableName("no-such-table")));
    }

    @Test
    void pointInTimeRecoveryIsKeptPerTable() {
        createTable("pitr", false);
        assertEquals(PointInTimeRecoveryStatus.DISABLED, dynamo.describeContinuousBackups(r -> r.tableName("pitr"))
                .continuousBackupsDescription().pointInTimeRecoveryDescription().pointInTimeRecoveryStatus());
        dynamo.updateContinuousBackups(r -> r.tableName("pitr")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true)));
        var pitr = dynamo.describeContinuousBackups(r -> r.tableName("pitr")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
        assertEquals(PointInTimeRecoveryStatus.ENABLED, pitr.pointInTimeRecoveryStatus());
        assertEquals(35, pitr.recoveryPeriodInDays());
    }

    @Test
    void theOtherControlReadsTerraformMakesAreAnswered() {
        TableDescription table = createTable("control", false);
        assertTrue(dynamo.describeKinesisStreamingDestination(r -> r.tableName("control"))
                .kinesisDataStreamDestinations().isEmpty());
        AwsServiceException noPolicy = assertThrows(AwsServiceException.class,
                () -> dynamo.getResourcePolicy(r -> r.resourceArn(table.tableArn())));
        assertEquals("PolicyNotFoundException", noPolicy.awsErrorDetails().errorCode());
        dynamo.tagResource(r -> r.resourceArn(table.tableArn()).tags(Tag.builder().key("lab").value("x").build()));
        assertEquals("x", dynamo.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags().get(0).value());
    }

    @Test
    void tagsGivenAtCreationAreKept() {
        TableDescription table = dynamo.createTable(r -> r.tableName("tagged").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .tags(Tag.builder().key("Project").value("statelab").build())).tableDescription();
        assertEquals(java.util.List.of(Tag.builder().key("Project").value("statelab").build()),
                dynamo.listTagsOfResource(r -> r.resourceArn(table.tableArn())).tags());
    }

    @Test
    void aTableStreamIsShownWithItsArnAndCanBeTurnedOff() {
        TableDescription created = createTable("streamed", true);
        assertTrue(created.streamSpecification().streamEnabled());
        TableDescription described = dynamo.describeTable(r -> r.tableName("streamed")).table();
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, described.streamSpecification().streamViewType());
        assertTrue(described.latestStreamArn().startsWith(described.tableArn() + "/stream/"), described.latestStreamArn());

        dynamo.updateTable(r -> r.tableName("streamed").streamSpecification(s -> s.streamEnabled(false)));
        TableDescription after = dynamo.describeTable(r -> r.tableName("streamed")).table();
        assertNull(after.latestStreamArn());
        assertFalse(after.streamSpecification() != null && Boolean.TRUE.equals(after.streamSpecification().streamEnabled()));
    }

    @Test
    void deletingATableDropsItsLocalSettings() {
        createTable("dropped", false);
        dynamo.updateTimeToLive(r -> r.tableName("dropped").timeToLiveSpecification(s -> s.enabled(true).attributeName("e")));
        dynamo.deleteTable(r -> r.tableName("dropped"));
        Await.until("table dropped is gone", Duration.ofSeconds(30),
                () -> !dynamo.listTables().tableNames().contains("dropped"));
        createTable("dropped", false);
        assertEquals(TimeToLiveStatus.DISABLED, dynamo.describeTimeToLive(r -> r.tableName("dropped"))
                .timeToLiveDescription().timeToLiveStatus());
    }

    @Test
    void anOperationNeitherDynaliteNorLocalAwsImplementsIsRefusedByName() {
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> dynamo.createBackup(r -> r.tableName("items").backupName("b")));
        assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("CreateBackup"));
    }
}
