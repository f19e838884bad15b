package statelab.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The pinned dynalite of {@code emulators/}, started by the bench with node on a free loopback port, in memory
 * (no --path), stopped by {@link #close()}: the DynamoDB the handler throughput is measured against.
 */
final class DynaliteServer implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(30);

    private final Process process;
    private final URI endpoint;
    private final DynamoDbClient admin;

    private DynaliteServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.admin = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                .build();
    }

    static DynaliteServer start(String node, Path emulatorsDir, Path log) throws IOException, InterruptedException {
        Path cli = emulatorsDir.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(cli + " is missing: run make emulators first");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = Processes.track(new ProcessBuilder(List.of(node, cli.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start());
        DynaliteServer server = new DynaliteServer(process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            if (!process.isAlive()) {
                server.close();
                throw new IllegalStateException("dynalite exited at start: " + ChildJvm.lastLines(log, 5));
            }
            try {
                server.admin.listTables();
                return server;
            } catch (SdkException notYet) {
                if (System.nanoTime() > deadline) {
                    server.close();
                    throw new IllegalStateException("dynalite did not answer within " + STARTUP.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
        }
    }

    URI endpoint() {
        return endpoint;
    }

    /** An empty table shaped like StateTable: partition key id (S), on demand. */
    void createTable(String name) {
        createStateTable(admin, name);
    }

    static void createStateTable(DynamoDbClient dynamoDb, String name) {
        dynamoDb.createTable(table -> table.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        try {
            // not the SDK's waiter: it sleeps 20 s after a first CREATING
            Await.until("table " + name + " ACTIVE", Duration.ofSeconds(30), 100, () -> dynamoDb
                    .describeTable(describe -> describe.tableName(name)).table().tableStatus() == TableStatus.ACTIVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close();
        Processes.stop(process, 5_000);
    }
}
