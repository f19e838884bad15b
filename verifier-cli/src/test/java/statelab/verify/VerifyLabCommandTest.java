package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line through the factory {@code main} uses, with captured output: options, exit codes, messages. */
class VerifyLabCommandTest {
    @TempDir
    Path dir;

    private final Map<String, String> environment = new HashMap<>();

    record Run(int exitCode, String out, String err) {
    }

    /** Fails the test if a command reaches AWS when it should have stopped before. */
    static final AwsClients.Factory NO_AWS = target -> {
        throw new AssertionError("no AWS client may be created");
    };

    Run run(AwsClients.Factory clients, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = VerifyLab.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                Environment.of(environment, false), clients).execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    Run run(String... args) {
        return run(NO_AWS, args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--count banana                  | verify-lab: Invalid value for option '--count': 'banana' is not a whole number; see verify-lab --help",
        "--count -1                      | verify-lab: --count must be between 1 and 1000000, was -1; see verify-lab --help",
        "--count 0                       | verify-lab: --count must be between 1 and 1000000, was 0; see verify-lab --help",
        "--count 99999999999             | verify-lab: Invalid value for option '--count': '99999999999' is not a whole number; see verify-lab --help",
        "--count 10 --duplicates 11      | verify-lab: --duplicates must be between 0 and --count (10), was 11; see verify-lab --help",
        "--out-of-order -2               | verify-lab: --out-of-order must be between 0 and --count (100), was -2; see verify-lab --help",
        "--updates 101                   | verify-lab: --updates must be between 0 and --count (100), was 101; see verify-lab --help",
        "--bad x                         | verify-lab: Invalid value for option '--bad': 'x' is not a whole number; see verify-lab --help",
        "--timeout soon                  | verify-lab: Invalid value for option '--timeout': 'soon' is not a duration (examples: 120, 90s, 5m); see verify-lab --help",
        "--timeout 0                     | verify-lab: Invalid value for option '--timeout': '0' is zero: give the lab some time (e.g. 120s); see verify-lab --help",
        "--seed 1.5                      | verify-lab: Invalid value for option '--seed': '1.5' is not a whole number (a seed is a 64-bit integer); see verify-lab --help",
        "--counts 5                      | verify-lab: Unknown options: '--counts', '5' (did you mean --count?); see verify-lab --help",
        "--count                         | verify-lab: Missing required parameter for option '--count' (N); see verify-lab --help",
        "preflight --count 5             | verify-lab preflight: Unknown options: '--count', '5'; see verify-lab preflight --help",
    })
    void aBadCommandLineIsOneLineAndExitCode2(String args, String message) {
        Run run = run(args.strip().split(" +"));
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertEquals(message + "\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void helpTeachesWithExamplesAndEveryExitCode() {
        Run run = run("--help");
        assertEquals(ExitCode.PASS, run.exitCode());
        for (String expected : new String[] {"Usage: verify-lab", "Examples:", "./verify-lab --count 10000 "
                + "--duplicates 500 --out-of-order 300 --bad 50", "Exit codes:", "  0   StateTable holds every trade",
            "  1   the lab did not reach", "  2   usage error", "  3   preflight failed", "preflight",
            "--endpoint-url", "--profile", "--json", "(default: 100", "(default: 120s)"}) {
            assertTrue(run.out().contains(expected), expected + " in:\n" + run.out());
        }
        assertEquals("", run.err());
    }

    @Test
    void withoutOutputsOrNamesThereIsNoLabToVerify() {
        Run run = run();
        assertEquals(ExitCode.PREFLIGHT, run.exitCode());
        assertEquals("verify-lab: No lab to verify: start verify-lab with ./verify-lab after make apply (it passes "
                + "the Terraform outputs), or name the resources with --stream, --table, --function.\n", run.err());
    }

    @Test
    void emptyTerraformOutputsMeanNoLabIsApplied() throws IOException {
        Path outputs = Files.writeString(dir.resolve("outputs.json"), "{}\n");
        environment.put(Environment.OUTPUTS, outputs.toString());
        Run run = run();
        assertEquals(ExitCode.PREFLIGHT, run.exitCode());
        assertEquals("verify-lab: No lab is applied (Terraform has no outputs): run make apply, or name the "
                + "resources with --stream, --table, --function.\n", run.err());
        assertEquals("", run.out());
    }

    @Test
    void onAwsTheAdviceNamesTheTarget() {
        environment.put(Environment.OUTPUTS, dir.resolve("absent.json").toString());
        environment.put(Environment.TARGET, "aws");
        Run run = run();
        assertEquals(ExitCode.PREFLIGHT, run.exitCode());
        assertEquals("verify-lab: There are no Terraform outputs at " + dir.resolve("absent.json") + ": run make "
                + "apply TARGET=aws, or name the resources with --stream, --table and --function.\n", run.err());
    }

    @Test
    void aPreflightFailureWithJsonIsAlsoOneObjectOnStdout() throws IOException {
        Path outputs = Files.writeString(dir.resolve("outputs.json"), "{}");
        Run run = run("--outputs", outputs.toString(), "--json");
        assertEquals(ExitCode.PREFLIGHT, run.exitCode());
        assertTrue(run.out().startsWith("{\"result\":\"preflight_failed\",\"exitCode\":3,\"summary\":\"No lab is "
                + "applied"), run.out());
        assertEquals(1, run.out().lines().count());
    }

    @Test
    void anUnreachableEndpointIsAPreflightFailureThatSaysToStartLocalAws() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Run run = run(new SdkClients(), "--stream", "s", "--table", "t", "--function", "f", "--region", "us-east-1",
                "--endpoint-url", "http://127.0.0.1:" + closedPort);
        assertEquals(ExitCode.PREFLIGHT, run.exitCode(), run::toString);
        assertEquals("verify-lab: Cannot reach http://127.0.0.1:" + closedPort + " (ConnectException): start "
                + "local-aws with make apply.\n", run.err());
    }

    @Test
    void stackTracesOnlyWithVerbose() throws IOException {
        Path outputs = Files.writeString(dir.resolve("outputs.json"), "not json");
        Run quiet = run("--outputs", outputs.toString());
        assertEquals(ExitCode.PREFLIGHT, quiet.exitCode());
        assertEquals(1, quiet.err().lines().count(), quiet.err());
        assertFalse(quiet.err().contains("\tat "), quiet.err());

        Run verbose = run("--outputs", outputs.toString(), "-v");
        assertEquals(ExitCode.PREFLIGHT, verbose.exitCode());
        assertTrue(verbose.err().startsWith(quiet.err()), verbose.err());
        assertTrue(verbose.err().contains("\tat statelab.verify."), verbose.err());
    }

    @Test
    void anUnexpectedErrorIsOneLineThatPointsToVerbose() {
        AwsClients.Factory broken = target -> {
            throw new IllegalStateException("boom");
        };
        Run run = run(broken, "--stream", "s", "--table", "t", "--function", "f");
        assertEquals(ExitCode.FAIL, run.exitCode());
        assertEquals("verify-lab: unexpected error: java.lang.IllegalStateException: boom (run with -v for the stack "
                + "trace)\n", run.err());
    }

    @Test
    void theVersionComesFromTheBuild() {
        Run run = run("--version");
        assertEquals(ExitCode.PASS, run.exitCode());
        assertTrue(run.out().startsWith("verify-lab "), run.out());
    }
}
