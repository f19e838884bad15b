package statelab.handler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A real DynamoDB-compatible server for the integration tests: the pinned dynalite from {@code emulators/}, started
 * with node on a free loopback port, in memory, stopped by {@link #close()}.
 */
final class Dynalite implements AutoCloseable {
    static final String REGION = "us-east-1";
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final Process process;
    private final URI endpoint;
    private final Path logFile;
    private final DynamoDbClient admin;

    private Dynalite(Process process, URI endpoint, Path logFile) {
        this.process = process;
        this.endpoint = endpoint;
        this.logFile = logFile;
        this.admin = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)))
                .build();
    }

    /** Starts dynalite from {@code <root>/emulators}; {@code root} is the repository (system property statelab.root). */
    static Dynalite start(Path root) throws IOException {
        Path cli = root.resolve("emulators/node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException(cli + " is missing: run `cd " + root.resolve("emulators")
                    + " && npm ci` (or `make emulators`) once");
        }
        int port = freeLoopbackPort();
        Path logFile = Files.createDirectories(Path.of("target")).resolve("dynalite-" + port + ".log");
        Process process = new ProcessBuilder(List.of("node", cli.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"))
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        Dynalite dynalite = new Dynalite(process, URI.create("http://127.0.0.1:" + port), logFile);
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        dynalite.awaitAnswer();
        return dynalite;
    }

    private void awaitAnswer() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with " + process.exitValue() + ": " + log());
            }
            try {
                admin.listTables();
                return;
            } catch (SdkException notYet) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("dynalite did not answer within " + STARTUP_TIMEOUT + ": " + log(),
                            notYet);
                }
                sleep(50);
            }
        }
    }

    URI endpoint() {
        return endpoint;
    }

    DynamoDbClient admin() {
        return admin;
    }

    /** A new, empty table shaped like StateTable (partition key id, string; on demand), under a fresh name. */
    String createStateTable() {
        String name = "StateTable-" + TABLES.incrementAndGet();
        admin.createTable(table -> table.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        admin.waiter().waitUntilTableExists(request -> request.tableName(name));
        return name;
    }

    /** Every item of the table, by id, read consistently. */
    Map<String, Map<String, AttributeValue>> items(String table) {
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        admin.scanPaginator(scan -> scan.tableName(table).consistentRead(true))
                .items()
                .forEach(item -> items.put(item.get("id").s(), item));
        return items;
    }

    @Override
    public void close() {
        admin.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private String log() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
