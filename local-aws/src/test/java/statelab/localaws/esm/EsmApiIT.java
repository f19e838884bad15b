package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.DeleteEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceInUseException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingResponse;
import statelab.localaws.config.Setting;
import statelab.localaws.protocol.Json;
import statelab.localaws.testing.EmulatorsPerClass;

/** The mapping API as the real SDK's LambdaClient (and Terraform) sees it: shapes, defaults, states, errors. */
class EsmApiIT {
    private static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:fn";

    @RegisterExtension
    static final EmulatorsPerClass EMULATORS = new EmulatorsPerClass();

    @TempDir
    Path dataDir;
    EsmTestbed bed;
    String stream;

    @BeforeEach
    void start() {
        bed = new EsmTestbed(EMULATORS.get(), dataDir);
        bed.functions.define("fn");
        bed.functions.define("other");
        stream = streamNamed("api-" + Long.toHexString(System.nanoTime()));
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private String streamNamed(String name) {
        return bed.createStream(name, 1);
    }

    private CreateEventSourceMappingResponse create() {
        return bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                .startingPosition("TRIM_HORIZON"));
    }

    private JsonNode rawGet(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(bed.endpoint.resolve(path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(response.body());
    }

    private static <T extends LambdaException> T assertRefused(Class<T> type, int status, String code, String message,
            Executable call) {
        T e = assertThrows(type, call);
        assertEquals(status, e.statusCode());
        assertEquals(code, e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains(message), e.awsErrorDetails().errorMessage());
        return e;
    }

    @Test
    void createAnswers202WithEveryKeyPresentAtAwsDefaults() throws Exception {
        CreateEventSourceMappingResponse created = create();
        assertEquals(202, created.sdkHttpResponse().statusCode());
        assertEquals(100, created.batchSize());
        assertEquals(false, created.bisectBatchOnFunctionError());
        assertNull(created.destinationConfig().onFailure().destination());
        assertEquals(stream, created.eventSourceArn());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:event-source-mapping:" + created.uuid(),
                created.eventSourceMappingArn());
        assertEquals(FUNCTION_ARN, created.functionArn());
        assertEquals(List.of(), created.functionResponseTypesAsStrings());
        assertTrue(Duration.between(created.lastModified(), Instant.now()).abs().getSeconds() < 60);
        assertEquals("No records processed", created.lastProcessingResult());
        assertEquals(0, created.maximumBatchingWindowInSeconds());
        assertEquals(-1, created.maximumRecordAgeInSeconds());
        assertEquals(-1, created.maximumRetryAttempts());
        assertEquals(1, created.parallelizationFactor());
        assertEquals("TRIM_HORIZON", created.startingPositionAsString());
        assertEquals("Creating", created.state());
        assertEquals("User action", created.stateTransitionReason());
        assertEquals(0, created.tumblingWindowInSeconds());
        assertTrue(created.uuid().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));

        bed.awaitState(created.uuid(), "Enabled");
        JsonNode raw = rawGet("/2015-03-31/event-source-mappings/" + created.uuid());
        Set<String> keys = new TreeSet<>();
        raw.fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(List.of("BatchSize", "BisectBatchOnFunctionError", "DestinationConfig", "EventSourceArn",
                "EventSourceMappingArn", "FunctionArn", "FunctionResponseTypes", "LastModified", "LastProcessingResult",
                "MaximumBatchingWindowInSeconds", "MaximumRecordAgeInSeconds", "MaximumRetryAttempts",
                "ParallelizationFactor", "StartingPosition", "State", "StateTransitionReason", "TumblingWindowInSeconds",
                "UUID")), keys);
        assertEquals("{\"OnFailure\":{}}", raw.get("DestinationConfig").toString());
        assertTrue(raw.get("LastModified").isNumber(), "LastModified is epoch seconds");
        assertEquals("User action", raw.get("StateTransitionReason").textValue());
    }

    @Test
    void aMappingSettlesEnabledOrDisabledAsAsked() {
        String enabled = create().uuid();
        String disabled = bed.lambda.createEventSourceMapping(b -> b.functionName("other").eventSourceArn(stream)
                .startingPosition("LATEST").enabled(false)).uuid();
        bed.awaitState(enabled, "Enabled");
        bed.awaitState(disabled, "Disabled");
    }

    @Test
    void everySettingRoundTripsExactlyAsTerraformWroteIt() {
        Instant at = Instant.parse("2026-12-01T10:15:30Z");
        CreateEventSourceMappingResponse created = bed.lambda.createEventSourceMapping(b -> b.functionName(FUNCTION_ARN)
                .eventSourceArn(stream).startingPosition("AT_TIMESTAMP").startingPositionTimestamp(at).batchSize(250)
                .maximumBatchingWindowInSeconds(5).parallelizationFactor(3).maximumRetryAttempts(4)
                .maximumRecordAgeInSeconds(3600).bisectBatchOnFunctionError(true)
                .functionResponseTypesWithStrings("ReportBatchItemFailures")
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:us-east-1:000000000000:dlq")))
                .tags(Map.of("Project", "statelab")));
        bed.awaitState(created.uuid(), "Enabled");
        var read = bed.get(created.uuid());
        assertEquals(at, read.startingPositionTimestamp());
        assertEquals(250, read.batchSize());
        assertEquals(5, read.maximumBatchingWindowInSeconds());
        assertEquals(3, read.parallelizationFactor());
        assertEquals(4, read.maximumRetryAttempts());
        assertEquals(3600, read.maximumRecordAgeInSeconds());
        assertEquals(true, read.bisectBatchOnFunctionError());
        assertEquals(List.of("ReportBatchItemFailures"), read.functionResponseTypesAsStrings());
        assertEquals("arn:aws:sqs:us-east-1:000000000000:dlq", read.destinationConfig().onFailure().destination());
        assertEquals(FUNCTION_ARN, read.functionArn());
        assertEquals(Map.of("Project", "statelab"), bed.lambda.listTags(b -> b.resource(read.eventSourceMappingArn())).tags());
    }

    @Test
    void aQualifiedFunctionNameGivesAQualifiedFunctionArn() {
        var created = bed.lambda.createEventSourceMapping(b -> b.functionName("fn:$LATEST").eventSourceArn(stream)
                .startingPosition("LATEST"));
        assertEquals(FUNCTION_ARN + ":$LATEST", created.functionArn());
    }

    @Test
    void tagsOfAMappingAreListedAddedAndRemoved() {
        String arn = create().eventSourceMappingArn();
        assertEquals(Map.of(), bed.lambda.listTags(b -> b.resource(arn)).tags());
        bed.lambda.tagResource(b -> b.resource(arn).tags(Map.of("a", "1", "b", "2")));
        bed.lambda.untagResource(b -> b.resource(arn).tagKeys("a"));
        assertEquals(Map.of("b", "2"), bed.lambda.listTags(b -> b.resource(arn).build()).tags());
        assertRefused(ResourceNotFoundException.class, 404, "ResourceNotFoundException", "does not exist",
                () -> bed.lambda.listTags(b -> b.resource("arn:aws:lambda:us-east-1:000000000000:event-source-mapping:"
                        + "00000000-0000-4000-8000-000000000000")));
    }

    @Test
    void listPagesWithAMarkerAndFiltersByFunctionAndSource() {
        String first = create().uuid();
        String second = bed.lambda.createEventSourceMapping(b -> b.functionName("other").eventSourceArn(stream)
                .startingPosition("LATEST")).uuid();
        String otherStream = streamNamed("api-other-" + Long.toHexString(System.nanoTime()));
        String third = bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(otherStream)
                .startingPosition("LATEST")).uuid();

        ListEventSourceMappingsResponse page1 = bed.lambda.listEventSourceMappings(b -> b.maxItems(2));
        assertEquals(List.of(first, second), page1.eventSourceMappings().stream().map(m -> m.uuid()).toList());
        ListEventSourceMappingsResponse page2 = bed.lambda.listEventSourceMappings(b -> b.maxItems(2).marker(page1.nextMarker()));
        assertEquals(List.of(third), page2.eventSourceMappings().stream().map(m -> m.uuid()).toList());
        assertNull(page2.nextMarker());

        List<String> all = new ArrayList<>();
        bed.lambda.listEventSourceMappingsPaginator(b -> b.maxItems(1)).eventSourceMappings().forEach(m -> all.add(m.uuid()));
        assertEquals(List.of(first, second, third), all);

        assertEquals(List.of(first, third), bed.lambda.listEventSourceMappings(b -> b.functionName("fn"))
                .eventSourceMappings().stream().map(m -> m.uuid()).toList());
        assertEquals(List.of(first, third), bed.lambda.listEventSourceMappings(b -> b.functionName(FUNCTION_ARN))
                .eventSourceMappings().stream().map(m -> m.uuid()).toList());
        assertEquals(List.of(first, second), bed.lambda.listEventSourceMappings(b -> b.eventSourceArn(stream))
                .eventSourceMappings().stream().map(m -> m.uuid()).toList());
        assertEquals(List.of(first), bed.lambda.listEventSourceMappings(b -> b.eventSourceArn(stream).functionName("fn"))
                .eventSourceMappings().stream().map(m -> m.uuid()).toList());
    }

    @Test
    void updateAnswers202UpdatingAndSettlesWithTheNewValues() {
        String uuid = create().uuid();
        bed.awaitState(uuid, "Enabled");
        UpdateEventSourceMappingResponse updated = bed.lambda.updateEventSourceMapping(b -> b.uuid(uuid).batchSize(7)
                .maximumRetryAttempts(3).functionName("other"));
        assertEquals(202, updated.sdkHttpResponse().statusCode());
        assertEquals("Updating", updated.state());
        bed.awaitState(uuid, "Enabled");
        var read = bed.get(uuid);
        assertEquals(7, read.batchSize());
        assertEquals(3, read.maximumRetryAttempts());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:other", read.functionArn());
        assertEquals("Disabling", bed.lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(false)).state());
        bed.awaitState(uuid, "Disabled");
        assertEquals("Enabling", bed.lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(true)).state());
        bed.awaitState(uuid, "Enabled");
        bed.lambda.updateEventSourceMapping(b -> b.uuid(uuid).destinationConfig(d -> d.onFailure(f -> f.destination(""))));
    }

    @Test
    void deleteAnswers202DeletingAndThenTheMappingIsGone() {
        String uuid = create().uuid();
        bed.awaitState(uuid, "Enabled");
        DeleteEventSourceMappingResponse deleted = bed.lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
        assertEquals(202, deleted.sdkHttpResponse().statusCode());
        assertEquals("Deleting", deleted.state());
        statelab.localaws.testing.Await.until("the mapping is gone", EsmTestbed.WAIT, () -> {
            try {
                bed.get(uuid);
                return false;
            } catch (ResourceNotFoundException e) {
                return true;
            }
        });
    }

    @Test
    void anUnknownUuidIs404OnGetUpdateAndDelete() {
        String unknown = "00000000-0000-4000-8000-000000000000";
        for (Executable call : List.<Executable>of(() -> bed.get(unknown),
                () -> bed.lambda.updateEventSourceMapping(b -> b.uuid(unknown).batchSize(5)),
                () -> bed.lambda.deleteEventSourceMapping(b -> b.uuid(unknown)))) {
            assertRefused(ResourceNotFoundException.class, 404, "ResourceNotFoundException",
                    "The resource you requested does not exist.", call);
        }
    }

    @Test
    void aSecondMappingOfTheSameFunctionAndStreamIsAConflict() {
        String uuid = create().uuid();
        assertRefused(ResourceConflictException.class, 409, "ResourceConflictException",
                "The event source arn (\" " + stream + " \") and function (\" fn \") provided mapping already exists."
                        + " Please update or delete the existing mapping with UUID " + uuid, this::create);
    }

    @Test
    void aMissingStreamOrFunctionIsRefused() {
        String missing = "arn:aws:kinesis:us-east-1:000000000000:stream/no-such-stream";
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "Stream not found: " + missing, () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn")
                        .eventSourceArn(missing).startingPosition("LATEST")));
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "Function does not exist", () -> bed.lambda.createEventSourceMapping(b -> b.functionName("ghost")
                        .eventSourceArn(stream).startingPosition("LATEST")));
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "Function does not exist", () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn:live")
                        .eventSourceArn(stream).startingPosition("LATEST")));
    }

    @Test
    void startingPositionIsValidatedAsAwsDoes() {
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must"
                        + " not be null.", () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn")
                                .eventSourceArn(stream)));
        assertRefused(LambdaException.class, 400, "ValidationException",
                "Value 'FIRST' at 'startingPosition' failed to satisfy constraint: Member must satisfy enum value set:"
                        + " [LATEST, AT_TIMESTAMP, TRIM_HORIZON]", () -> bed.lambda.createEventSourceMapping(b -> b
                                .functionName("fn").eventSourceArn(stream).startingPosition("FIRST")));
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "StartingPositionTimestamp must be provided", () -> bed.lambda.createEventSourceMapping(b -> b
                        .functionName("fn").eventSourceArn(stream).startingPosition("AT_TIMESTAMP")));
    }

    @Test
    void outOfRangeSettingsAreRefusedWithTheirConstraint() {
        assertRefused(LambdaException.class, 400, "ValidationException", "Member must have value less than or equal to 10000",
                () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                        .startingPosition("LATEST").batchSize(10_001)));
        assertRefused(LambdaException.class, 400, "ValidationException", "greater than or equal to 1",
                () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                        .startingPosition("LATEST").parallelizationFactor(0)));
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "MaximumRecordAgeInSeconds must be -1 (no limit) or between 60 and 604800",
                () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                        .startingPosition("LATEST").maximumRecordAgeInSeconds(30)));
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "Unsupported DestinationConfig parameter for given event source mapping type.",
                () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                        .startingPosition("LATEST").destinationConfig(d -> d.onSuccess(s -> s.destination(
                                "arn:aws:sqs:us-east-1:000000000000:ok")))));
    }

    @Test
    void optionsLocalAwsDoesNotEmulateAreRefusedByNameAtCreation() {
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "local-aws does not emulate event filtering (FilterCriteria)",
                () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                        .startingPosition("LATEST").filterCriteria(f -> f.filters(x -> x.pattern("{\"data\":{}}")))));
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "local-aws does not emulate tumbling windows (TumblingWindowInSeconds)",
                () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                        .startingPosition("LATEST").tumblingWindowInSeconds(60)));
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "(KMSKeyArn)", () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                        .startingPosition("LATEST").kmsKeyArn("arn:aws:kms:us-east-1:000000000000:key/k")));
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "enhanced fan-out", () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn")
                        .eventSourceArn(stream + "/consumer/c:1").startingPosition("LATEST")));
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "Amazon SQS queues", () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn")
                        .eventSourceArn("arn:aws:sqs:us-east-1:000000000000:q")));
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "DynamoDB Streams", () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn")
                        .eventSourceArn("arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026-01-01T00:00:00.000")
                        .startingPosition("LATEST")));
        assertRefused(InvalidParameterValueException.class, 400, "InvalidParameterValueException",
                "Unrecognized event source.", () -> bed.lambda.createEventSourceMapping(b -> b.functionName("fn")
                        .startingPosition("LATEST")));
    }

    @Test
    void aMappingCannotBeUpdatedWhileItIsBeingCreated() {
        bed.close();
        bed = new EsmTestbed(EMULATORS.get(), dataDir.resolve("slow"), Clock.systemUTC(), r -> r,
                Map.of(Setting.ESM_STATE_DELAY_MILLIS, "3000"));
        bed.functions.define("fn");
        String uuid = create().uuid();
        assertRefused(ResourceInUseException.class, 400, "ResourceInUseException", "Creating",
                () -> bed.lambda.updateEventSourceMapping(b -> b.uuid(uuid).batchSize(5)));
        bed.awaitState(uuid, "Enabled");
        bed.lambda.updateEventSourceMapping(b -> b.uuid(uuid).batchSize(5));
        assertRefused(ResourceInUseException.class, 400, "ResourceInUseException", "Updating",
                () -> bed.lambda.deleteEventSourceMapping(b -> b.uuid(uuid)));
    }

    @Test
    void mappingsAndTheirSettingsSurviveARestart() {
        String uuid = bed.lambda.createEventSourceMapping(b -> b.functionName("fn").eventSourceArn(stream)
                .startingPosition("TRIM_HORIZON").batchSize(42).tags(Map.of("k", "v"))).uuid();
        bed.awaitState(uuid, "Enabled");
        bed.stopMappings();
        bed.startMappings();
        var read = bed.get(uuid);
        assertEquals(42, read.batchSize());
        assertEquals("Enabled", read.state());
        assertEquals(Map.of("k", "v"), bed.lambda.listTags(b -> b.resource(read.eventSourceMappingArn())).tags());
    }
}
