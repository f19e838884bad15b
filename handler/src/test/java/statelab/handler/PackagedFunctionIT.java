package statelab.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import statelab.trade.Trade;

/**
 * The deployment package Terraform uploads, run the way Lambda runs it: a fresh JVM whose class path is the unzipped
 * package (classes at the root, jars under lib/), configured by environment variables only. This is also the proof
 * that the AWS SDK we ship (2.59.1) takes the DynamoDB endpoint from {@code AWS_ENDPOINT_URL}, which is how local-aws
 * points the function at itself: the handler's code never reads that variable.
 */
@ExtendWith(DynaliteExtension.class)
class PackagedFunctionIT {
    static final Path ZIP = Path.of("target", "state-lambda.zip");

    @TempDir
    static Path unzipped;

    @BeforeAll
    static void unzipThePackage() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = unzipped.resolve(entry.getName()).normalize();
                if (!target.startsWith(unzipped)) {
                    throw new IOException("entry outside the package: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    @Test
    void theZipHasTheClassesAtItsRootAndTheDependenciesUnderLib() throws IOException {
        assertTrue(Files.isRegularFile(unzipped.resolve("statelab/handler/StateLambda.class")));
        List<String> jars;
        try (var lib = Files.list(unzipped.resolve("lib"))) {
            jars = lib.map(path -> path.getFileName().toString()).sorted().toList();
        }
        for (String needed : List.of("trade-model-", "dynamodb-", "url-connection-client-", "aws-lambda-java-core-",
                "aws-lambda-java-events-", "joda-time-", "jackson-databind-")) {
            assertTrue(jars.stream().anyMatch(jar -> jar.startsWith(needed)), needed + " missing from " + jars);
        }
        for (String unwanted : List.of("netty", "apache-client", "apache5-client", "httpclient", "httpcore", "junit",
                "aws-lambda-java-tests", "aws-lambda-java-serialization", "opentest4j")) {
            assertFalse(jars.stream().anyMatch(jar -> jar.contains(unwanted)), unwanted + " shipped in " + jars);
        }
        try (var classes = Files.walk(unzipped.resolve("statelab"))) {
            assertFalse(classes.anyMatch(path -> path.getFileName().toString().endsWith("Test.class")
                    || path.getFileName().toString().endsWith("IT.class")), "test classes shipped");
        }
    }

    @Test
    void thePackagedFunctionTakesItsEndpointFromAwsEndpointUrl(Dynalite dynalite, @TempDir Path work)
            throws Exception {
        String table = dynalite.createStateTable();
        Trade trade = new Trades(1).next();
        Result result = run(work, List.of(trade), Map.of(
                "AWS_ENDPOINT_URL", dynalite.endpoint().toString(),
                "STATE_TABLE_NAME", table));

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.stdout().contains("RESPONSE {\"batchItemFailures\":[]}"), result.toString());
        assertTrue(result.stdout().contains("\"event\":\"batch_summary\""), result.toString());
        assertEquals(StoredTrade.expected(List.of(trade)), StoredTrade.table(dynalite, table));
        System.out.println("packaged function, fresh JVM: " + result.timing());
    }

    @Test
    void theServiceSpecificAwsEndpointUrlDynamodbWorksToo(Dynalite dynalite, @TempDir Path work) throws Exception {
        String table = dynalite.createStateTable();
        Trade trade = new Trades(2).next();
        Result result = run(work, List.of(trade), Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", dynalite.endpoint().toString(),
                "STATE_TABLE_NAME", table));

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(StoredTrade.expected(List.of(trade)), StoredTrade.table(dynalite, table));
    }

    @Test
    void aBadFailureInjectionPercentIsAClearInitError(@TempDir Path work) throws Exception {
        Result result = run(work, List.of(new Trades(3).next()), Map.of(
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
                "FAILURE_INJECTION_PERCENT", "five"));

        assertNotEquals(0, result.exitCode());
        assertTrue(result.stderr().contains("InvalidConfigurationException: FAILURE_INJECTION_PERCENT must be a whole"
                + " number from 0 to 100, was 'five'"), result.toString());
    }

    private record Result(int exitCode, String stdout, String stderr) {
        String timing() {
            return stdout.lines().filter(line -> line.startsWith("TIMING ")).findFirst().orElse("no timing");
        }
    }

    /** Runs the unzipped package in a fresh JVM with nothing in its environment but Lambda's variables and ours. */
    private static Result run(Path work, List<Trade> trades, Map<String, String> variables)
            throws IOException, InterruptedException, URISyntaxException {
        Path event = work.resolve("event.json");
        Files.writeString(event, KinesisEvents.json(0, Trades.messages(trades)), StandardCharsets.UTF_8);

        List<String> classPath = List.of(
                unzipped.toString(),
                unzipped.resolve("lib").toString() + File.separator + "*",
                // the stand-in for Lambda's runtime: PackagedFunctionMain and AWS's event serializer, nothing else
                codeSourceOf(PackagedFunctionMain.class),
                codeSourceOf(LambdaEventSerializers.class));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // what AWS recommends for a short-lived JVM's start-up
                "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", String.join(File.pathSeparator, classPath),
                PackagedFunctionMain.class.getName(), event.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(work.resolve("stdout.txt").toFile())
                .redirectError(work.resolve("stderr.txt").toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(lambdaVariables(work));
        environment.putAll(variables);

        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the packaged function did not finish within 90 s");
        }
        return new Result(process.exitValue(),
                Files.readString(work.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(work.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    /** What Lambda (and local-aws) put in a function's environment that the handler depends on. */
    private static Map<String, String> lambdaVariables(Path work) {
        Map<String, String> variables = new HashMap<>();
        variables.put("AWS_REGION", Dynalite.REGION);
        variables.put("AWS_DEFAULT_REGION", Dynalite.REGION);
        variables.put("AWS_ACCESS_KEY_ID", "test");
        variables.put("AWS_SECRET_ACCESS_KEY", "test");
        variables.put("AWS_SESSION_TOKEN", "test-session");
        variables.put("AWS_LAMBDA_FUNCTION_NAME", "StateLambda");
        // no developer's ~/.aws/config (it may carry an endpoint_url of its own) in this run
        variables.put("AWS_CONFIG_FILE", work.resolve("no-aws-config").toString());
        variables.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-aws-credentials").toString());
        return variables;
    }

    private static String codeSourceOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
