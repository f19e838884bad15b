package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import statelab.verify.testing.Await;
import statelab.verify.testing.Emulators;
import statelab.verify.testing.LocalAwsProcess;
import statelab.verify.testing.StatelabRoot;

/**
 * verify-lab, the real jar started as a user starts it (endpoint from {@code AWS_ENDPOINT_URL}), against local-aws
 * running the real StateLambda package: a pass, a fail (a function that drops records), a preflight failure. The
 * lab's resources are made here with the SDK, throwaway ones per test (Terraform's own run is {@code make e2e}).
 *
 * <p>Skipped while {@code local-aws/target/local-aws.jar} or {@code handler/target/state-lambda.zip} is not built;
 * {@code -Dstatelab.requireLocalAws=true} turns that skip into a failure. {@code -Dstatelab.localAwsEndpoint=URL} runs
 * them against a local-aws that is already running.
 */
class LocalAwsLabIT {
    static final String HANDLER = "statelab.handler.StateLambda::handleRequest";
    private static final AtomicInteger LABS = new AtomicInteger();
    /** names unique per run, for a local-aws that outlives the tests (-Dstatelab.localAwsEndpoint) */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @TempDir
    static Path dir;

    static LocalAwsProcess localAws;
    static KinesisClient kinesis;
    static DynamoDbClient dynamoDb;
    static LambdaClient lambda;
    static IamClient iam;
    static String roleArn;

    record Lab(String stream, String table, String function, String mappingUuid, Path outputs) {
    }

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void startLocalAws() {
        Path jar = LocalAwsProcess.jar();
        Path zip = handlerZip();
        boolean built = (Files.isRegularFile(jar) || LocalAwsProcess.givenEndpoint() != null)
                && Files.isRegularFile(zip);
        if (!Boolean.getBoolean("statelab.requireLocalAws")) {
            Assumptions.assumeTrue(built, "local-aws is not built yet (" + jar + ", " + zip + ")");
        }
        assertTrue(built, "-Dstatelab.requireLocalAws=true but " + jar + " or " + zip + " is missing");
        // its data and log under target/ (a folder per run), kept for a post-mortem; mvn clean removes them
        Path data = StatelabRoot.path().resolve("verifier-cli/target/local-aws-it/" + RUN);
        localAws = LocalAwsProcess.start(data);
        kinesis = Emulators.configure(KinesisClient.builder(), localAws.endpoint()).build();
        dynamoDb = Emulators.configure(DynamoDbClient.builder(), localAws.endpoint()).build();
        lambda = Emulators.configure(LambdaClient.builder(), localAws.endpoint()).build();
        iam = Emulators.configure(IamClient.builder(), localAws.endpoint())
                .region(software.amazon.awssdk.regions.Region.AWS_GLOBAL).build();
        roleArn = iam.createRole(r -> r.roleName("verify-lab-it-" + RUN).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},
                "Action":"sts:AssumeRole"}]}""")).role().arn();
    }

    @AfterAll
    static void stopLocalAws() {
        for (AutoCloseable client : new AutoCloseable[] {kinesis, dynamoDb, lambda, iam, localAws}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception e) {
                    // closing clients and the server at the end of the class: nothing to do
                }
            }
        }
    }

    @Test
    void theStateLambdaPackageOnLocalAwsPassesWithDuplicatesStaleVersionsAndBadRecords() throws Exception {
        Lab lab = newLab(Map.of(), 10, true, true);
        Run run = verifyLab(lab, "--count", "1000", "--duplicates", "50", "--out-of-order", "30", "--updates", "30",
                "--bad", "24", "--json");
        assertEquals(ExitCode.PASS, run.exitCode(), () -> run + "\nlocal-aws log: " + localAws.log());
        JsonNode report = JsonMapper.builder().build().readTree(run.out());
        assertEquals(1000, report.get("table").get("found").asInt());
        assertEquals(1134, report.get("sent").get("records").asInt());
        assertEquals("Enabled", report.get("mapping").get("state").asText());
    }

    @Test
    void aFunctionThatDropsRecordsFailsAndTheReportShowsItsErrors() {
        // every invocation fails on purpose, and the mapping neither retries nor splits: every record is dropped
        Lab lab = newLab(Map.of("FAILURE_INJECTION_PERCENT", "100"), 0, false, true);
        Run run = verifyLab(lab, "--count", "200", "--timeout", "15s");
        assertEquals(ExitCode.FAIL, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("verify-lab: FAIL  200 of 200 trades are not at their latest version"),
                run.out());
        assertTrue(run.out().contains("failure_injected"), "the function's errors from its log: " + run.out());
    }

    @Test
    void aDisabledMappingIsAPreflightFailureInOneSentence() {
        Lab lab = newLab(Map.of(), 10, true, false);
        Run run = verifyLab(lab);
        assertEquals(ExitCode.PREFLIGHT, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("verify-lab: The mapping from " + lab.stream() + " to " + lab.function()
                + " is Disabled, not Enabled"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aStreamThatIsNotThereIsAPreflightFailureThatSaysToApply() {
        Lab lab = newLab(Map.of(), 10, true, true);
        Run run = verifyLab(lab, "--stream", "NoSuchStream");
        assertEquals(ExitCode.PREFLIGHT, run.exitCode(), run::toString);
        assertEquals("verify-lab: Stream NoSuchStream does not exist in us-east-1 at " + localAws.endpoint()
                + ": run make apply.\n", run.err());
    }

    /** A stream, a table, the StateLambda package as a function, and a mapping as terraform/ makes it. */
    private static Lab newLab(Map<String, String> functionEnvironment, int retries, boolean bisect, boolean enabled) {
        int n = LABS.incrementAndGet();
        String stream = "IncomingDataStream-" + RUN + "-" + n;
        String table = "StateTable-" + RUN + "-" + n;
        String function = "StateLambda-" + RUN + "-" + n;
        kinesis.createStream(r -> r.streamName(stream).shardCount(2));
        Await.until(stream + " is ACTIVE", Duration.ofSeconds(60), () -> kinesis.describeStreamSummary(
                r -> r.streamName(stream)).streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
        String streamArn = kinesis.describeStreamSummary(r -> r.streamName(stream)).streamDescriptionSummary()
                .streamARN();
        dynamoDb.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build()));
        // (the SDK's waiter polls every 20 s; a new table here is ACTIVE within a second)
        Await.until(table + " is ACTIVE", Duration.ofSeconds(60), () -> dynamoDb.describeTable(
                r -> r.tableName(table)).table().tableStatus() == TableStatus.ACTIVE);
        Map<String, String> variables = new java.util.HashMap<>(functionEnvironment);
        variables.put("STATE_TABLE_NAME", table);
        byte[] code;
        try {
            code = Files.readAllBytes(handlerZip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        lambda.createFunction(r -> r.functionName(function).runtime(Runtime.JAVA21).handler(HANDLER).role(roleArn)
                .memorySize(512).timeout(60).code(c -> c.zipFile(SdkBytes.fromByteArray(code)))
                .environment(e -> e.variables(variables)));
        Await.until(function + " is Active", Duration.ofSeconds(60), () -> lambda.getFunctionConfiguration(
                r -> r.functionName(function)).state() == State.ACTIVE);
        String uuid = lambda.createEventSourceMapping(r -> r.functionName(function).eventSourceArn(streamArn)
                .batchSize(100).startingPosition("TRIM_HORIZON").enabled(enabled)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                .bisectBatchOnFunctionError(bisect).maximumRetryAttempts(retries)).uuid();
        String settled = enabled ? "Enabled" : "Disabled";
        Await.until("mapping " + uuid + " is " + settled, Duration.ofSeconds(60),
                () -> settled.equals(lambda.getEventSourceMapping(r -> r.uuid(uuid)).state()));
        Path outputs = dir.resolve("outputs-" + n + ".json");
        try {
            Files.writeString(outputs, """
                    {
                      "region_name": {"sensitive": false, "type": "string", "value": "us-east-1"},
                      "stream_name": {"sensitive": false, "type": "string", "value": "%s"},
                      "table_name": {"sensitive": false, "type": "string", "value": "%s"},
                      "function_name": {"sensitive": false, "type": "string", "value": "%s"},
                      "event_source_mapping_uuid": {"sensitive": false, "type": "string", "value": "%s"},
                      "log_group_name": {"sensitive": false, "type": "string", "value": "/aws/lambda/%s"}
                    }
                    """.formatted(stream, table, function, uuid, function));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Lab(stream, table, function, uuid, outputs);
    }

    /** Runs target/verify-lab/verify-lab.jar as the launcher does for TARGET=local. */
    private static Run verifyLab(Lab lab, String... args) {
        Path jar = StatelabRoot.path().resolve("verifier-cli/target/verify-lab/verify-lab.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString(), "--outputs", lab.outputs().toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("VERIFY_LAB_"));
            environment.put("AWS_ENDPOINT_URL", localAws.endpoint().toString());
            environment.put("AWS_ACCESS_KEY_ID", "test");
            environment.put("AWS_SECRET_ACCESS_KEY", "test");
            environment.put("AWS_REGION", "us-east-1");
            environment.put("VERIFY_LAB_TARGET", "local");
            Process process = builder.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("verify-lab did not finish in 5 minutes: " + Files.readString(err));
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Path handlerZip() {
        return StatelabRoot.path().resolve("handler/target/state-lambda.zip");
    }
}
