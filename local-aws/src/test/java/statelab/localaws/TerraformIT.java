package statelab.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import statelab.localaws.testfunctions.KinesisBatchHandler;
import statelab.localaws.testfunctions.TestFunctionZip;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.AwsClients;
import statelab.localaws.testing.ServeProcess;
import statelab.localaws.testing.StatelabRoot;

/**
 * The repository's terraform/ against the packaged local-aws run as a process: apply, a plan that shows no
 * changes, destroy; then nothing of the lab is left and, once local-aws stops, none of its child processes.
 * Uses a copy of terraform/ (never a colleague's state) and the provider mirror in TF_PLUGIN_DIR or
 * /opt/tf-plugins when there is one. The function package is handler/target/state-lambda.zip when it was
 * built, else a test function's zip (the function is created, never invoked here).
 */
class TerraformIT {
    @TempDir
    Path dir;

    @Test
    void applyThenAPlanWithNoChangesThenDestroyLeavesNothingBehind() throws Exception {
        Path workDir = copyOfTerraformFolder();
        Path packagePath = functionPackage();
        List<Long> children = new ArrayList<>();
        ServeProcess local = ServeProcess.start(dir.resolve("data"));
        try {
            Map<String, String> env = Map.of("AWS_ENDPOINT_URL", local.endpoint().toString(),
                    "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "us-east-1",
                    "AWS_DEFAULT_REGION", "us-east-1", "TF_IN_AUTOMATION", "1");
            String packageVar = "-var=lambda_package_path=" + packagePath;
            terraform(workDir, env, 0, init());
            terraform(workDir, env, 0, "apply", "-auto-approve", "-input=false", packageVar);
            local.process().descendants().forEach(child -> children.add(child.pid()));
            terraform(workDir, env, 0, "plan", "-detailed-exitcode", "-input=false", packageVar);
            terraform(workDir, env, 0, "destroy", "-auto-approve", "-input=false", packageVar);
            local.process().descendants().forEach(child -> children.add(child.pid()));
            assertNothingLeft(local);
        } finally {
            assertTrue(local.terminate(Duration.ofSeconds(60)), "local-aws did not stop on SIGTERM");
            local.close();
        }
        assertTrue(children.size() >= 2, "expected at least the two emulators as children: " + children);
        for (long pid : children) {
            assertFalse(Files.exists(Path.of("/proc", Long.toString(pid))), "child process " + pid + " survived");
        }
    }

    private void assertNothingLeft(ServeProcess local) {
        try (LambdaClient lambda = AwsClients.configure(LambdaClient.builder(), local.endpoint()).build();
                IamClient iam = AwsClients.configure(IamClient.builder(), local.endpoint()).build();
                CloudWatchLogsClient logs = AwsClients.configure(CloudWatchLogsClient.builder(), local.endpoint()).build();
                KinesisClient kinesis = AwsClients.configure(KinesisClient.builder(), local.endpoint()).build();
                DynamoDbClient dynamo = AwsClients.configure(DynamoDbClient.builder(), local.endpoint()).build()) {
            assertEquals(List.of(), lambda.listFunctions().functions());
            assertEquals(List.of(), lambda.listEventSourceMappings().eventSourceMappings());
            assertEquals(List.of(), iam.listRoles().roles());
            assertEquals(List.of(), logs.describeLogGroups().logGroups());
            Await.until("no stream is left", Duration.ofSeconds(30), () -> kinesis.listStreams().streamNames().isEmpty());
            Await.until("no table is left", Duration.ofSeconds(30), () -> dynamo.listTables().tableNames().isEmpty());
        }
    }

    private Path copyOfTerraformFolder() throws IOException {
        Path source = StatelabRoot.path().resolve("terraform");
        Path copy = Files.createDirectories(dir.resolve("terraform"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(source, "*.tf")) {
            for (Path file : files) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private Path functionPackage() {
        Path built = StatelabRoot.path().resolve("handler").resolve("target").resolve("state-lambda.zip");
        return Files.isRegularFile(built) ? built
                : TestFunctionZip.write(dir.resolve("function.zip"), KinesisBatchHandler.class);
    }

    /** Offline from a provider mirror when there is one (TF_PLUGIN_DIR, /opt/tf-plugins), else the registry. */
    private static String[] init() {
        String pluginDir = System.getenv("TF_PLUGIN_DIR");
        if (pluginDir == null && Files.isDirectory(Path.of("/opt/tf-plugins"))) {
            pluginDir = "/opt/tf-plugins";
        }
        return pluginDir == null ? new String[] {"init", "-input=false"}
                : new String[] {"init", "-input=false", "-plugin-dir=" + pluginDir};
    }

    private void terraform(Path workDir, Map<String, String> env, int expectedExit, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(List.of(args));
        Path log = dir.resolve("terraform-" + args[0] + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Set<String> drop = new HashSet<>(List.of("AWS_PROFILE", "AWS_SESSION_TOKEN", "TF_WORKSPACE", "TF_DATA_DIR"));
        builder.environment().keySet().removeIf(drop::contains);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("terraform " + args[0] + " did not finish in 10 minutes");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
        assertEquals(expectedExit, process.exitValue(), "terraform " + String.join(" ", args) + ":\n" + output);
    }
}
