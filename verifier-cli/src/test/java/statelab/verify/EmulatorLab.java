package statelab.verify;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import statelab.verify.testing.Await;
import statelab.verify.testing.Emulators;
import statelab.verify.testing.FakeLambda;
import statelab.verify.testing.StreamConsumer;

/**
 * A lab made of real kinesis-mock and dynalite, a {@link FakeLambda} control plane and a {@link StreamConsumer} in
 * place of the function: what the integration tests run verify-lab against until local-aws serves all of it. Each
 * {@link #newLab} makes its own stream (2 shards), table and Terraform outputs file.
 */
final class EmulatorLab implements AutoCloseable {
    private static final AtomicInteger LABS = new AtomicInteger();

    final Emulators emulators;
    final FakeLambda lambda;
    final KinesisClient kinesis;
    final DynamoDbClient dynamoDb;
    private final Path dir;

    /** The result of one verify-lab invocation. */
    record Run(int exitCode, String out, String err) {
    }

    /** One lab's resources. */
    record Lab(String stream, String streamArn, String table, String function, String mappingUuid, Path outputs) {
    }

    EmulatorLab(Path dir) {
        this.dir = dir;
        this.emulators = Emulators.start(dir.resolve("emulators"));
        this.lambda = new FakeLambda();
        this.kinesis = emulators.kinesisClient();
        this.dynamoDb = emulators.dynamoDbClient();
    }

    /** A stream, a table, a function with an Enabled mapping, and the outputs file that names them. */
    Lab newLab() {
        int n = LABS.incrementAndGet();
        String stream = "IncomingDataStream-" + n;
        String table = "StateTable-" + n;
        String function = "StateLambda-" + n;
        kinesis.createStream(r -> r.streamName(stream).shardCount(2));
        Await.until("stream " + stream + " is ACTIVE", Duration.ofSeconds(30), () -> kinesis
                .describeStreamSummary(r -> r.streamName(stream)).streamDescriptionSummary().streamStatus()
                == StreamStatus.ACTIVE);
        String streamArn = kinesis.describeStreamSummary(r -> r.streamName(stream)).streamDescriptionSummary()
                .streamARN();
        dynamoDb.createTable(r -> r.tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build()));
        Await.until(table + " is ACTIVE", Duration.ofSeconds(30), () -> dynamoDb.describeTable(
                r -> r.tableName(table)).table().tableStatus() == TableStatus.ACTIVE);
        lambda.addFunction(function);
        String uuid = UUID.randomUUID().toString();
        lambda.putMapping(new FakeLambda.Mapping(uuid, function, streamArn, "Enabled", "User action", "OK"));
        Path outputs = dir.resolve("outputs-" + n + ".json");
        write(outputs, """
                {
                  "region_name": {"sensitive": false, "type": "string", "value": "us-east-1"},
                  "stream_name": {"sensitive": false, "type": "string", "value": "%s"},
                  "stream_arn": {"sensitive": false, "type": "string", "value": "%s"},
                  "table_name": {"sensitive": false, "type": "string", "value": "%s"},
                  "function_name": {"sensitive": false, "type": "string", "value": "%s"},
                  "event_source_mapping_uuid": {"sensitive": false, "type": "string", "value": "%s"},
                  "shard_count": {"sensitive": false, "type": "number", "value": 2}
                }
                """.formatted(stream, streamArn, table, function, uuid));
        return new Lab(stream, streamArn, table, function, uuid, outputs);
    }

    /** The test's stand-in for the function, reading this lab's stream into its table. */
    StreamConsumer consumer(Lab lab, IntPredicate drop) {
        return StreamConsumer.start(kinesis, dynamoDb, lab.stream(), lab.table(), drop);
    }

    /** Runs verify-lab in this JVM, through the same factory {@code main} uses, with captured output. */
    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SdkClients clients = new SdkClients(Map.of(
                "kinesis", emulators.kinesis(),
                "dynamodb", emulators.dynamodb(),
                "lambda", lambda.endpoint(),
                "logs", lambda.endpoint()));
        int exitCode = VerifyLab.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                Environment.of(Map.of(), false), clients).execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        lambda.close();
        kinesis.close();
        dynamoDb.close();
        emulators.close();
    }
}
