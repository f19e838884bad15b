package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statelab.verify.testing.FakeLambda;
import statelab.verify.testing.StreamConsumer;

/**
 * verify-lab against real servers: kinesis-mock and dynalite started here, the function played by a test consumer,
 * the Lambda and Logs control planes by {@link FakeLambda}. Pass, fail and preflight failure, end to end through the
 * command line factory.
 */
class EmulatorLabIT {
    @TempDir
    static Path dir;

    static EmulatorLab emulatorLab;

    @BeforeAll
    static void startServers() {
        emulatorLab = new EmulatorLab(dir);
    }

    @AfterAll
    static void stopServers() {
        if (emulatorLab != null) {
            emulatorLab.close();
        }
    }

    @Test
    @SuppressWarnings("try") // the consumer only has to run while verify-lab does
    void aLabThatAppliesEveryRecordPassesAndTheReportCountsWhatWasSent() throws Exception {
        EmulatorLab.Lab lab = emulatorLab.newLab();
        EmulatorLab.Run run;
        try (StreamConsumer consumer = emulatorLab.consumer(lab, n -> false)) {
            run = emulatorLab.run("--outputs", lab.outputs().toString(), "--count", "1000", "--duplicates", "100",
                    "--out-of-order", "60", "--updates", "80", "--bad", "30", "--timeout", "60s", "--json");
        }
        assertEquals(ExitCode.PASS, run.exitCode(), run::toString);
        JsonNode report = JsonMapper.builder().build().readTree(run.out());
        assertEquals("pass", report.get("result").asText());
        JsonNode sent = report.get("sent");
        assertEquals(1000 + 100 + 60 + 80 + 30, sent.get("records").asInt());
        assertEquals(1000, sent.get("newTrades").asInt());
        assertEquals(100, sent.get("duplicates").asInt());
        assertEquals(60, sent.get("outOfOrder").asInt());
        assertEquals(80, sent.get("updates").asInt());
        assertEquals(30, sent.get("bad").asInt());
        assertEquals(2, sent.get("recordsPerShard").size(), "records reached both shards");
        JsonNode table = report.get("table");
        assertEquals(1000, table.get("expected").asInt());
        assertEquals(1000, table.get("found").asInt());
        assertEquals(0, table.get("wrongVersionOrValue").asInt() + table.get("missing").asInt()
                + table.get("unexpected").asInt());
        assertEquals(1000, report.get("latencySeconds").get("count").asInt());
        assertEquals("OK", report.get("mapping").get("lastProcessingResult").asText());
        assertTrue(report.get("functionErrors").isNull(), "errors are only looked up on failure");
    }

    @Test
    @SuppressWarnings("try")
    void aFunctionThatDropsRecordsFailsWithMissingTradesAndItsRecentErrors() {
        EmulatorLab.Lab lab = emulatorLab.newLab();
        emulatorLab.lambda.log("{\"level\":\"ERROR\",\"event\":\"write_failed\",\"error\":\"dropped on purpose\"}");
        EmulatorLab.Run run;
        // the wait must outlast the consumer under load: it ends at the timeout anyway (20 trades never arrive)
        try (StreamConsumer consumer = emulatorLab.consumer(lab, n -> n % 10 == 0)) {
            run = emulatorLab.run("--outputs", lab.outputs().toString(), "--count", "200", "--timeout", "15s");
        }
        assertEquals(ExitCode.FAIL, run.exitCode(), run::toString);
        assertTrue(run.out().startsWith("verify-lab: FAIL  20 of 200 trades are not at their latest version"),
                run.out());
        assertTrue(run.out().contains("missing 20"), run.out());
        assertTrue(run.out().contains("dropped on purpose"), "the function's recent errors are shown: " + run.out());
    }

    @Test
    void aStreamThatDoesNotExistIsAPreflightFailureInOneSentence() {
        EmulatorLab.Lab lab = emulatorLab.newLab();
        EmulatorLab.Run run = emulatorLab.run("--outputs", lab.outputs().toString(), "--stream", "NoSuchStream");
        assertEquals(ExitCode.PREFLIGHT, run.exitCode(), run::toString);
        assertEquals("verify-lab: Stream NoSuchStream does not exist in us-east-1 at AWS: run make apply.\n",
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void aDisabledMappingIsAPreflightFailureThatQuotesItsStateTransitionReason() {
        EmulatorLab.Lab lab = emulatorLab.newLab();
        emulatorLab.lambda.putMapping(new FakeLambda.Mapping(lab.mappingUuid(), lab.function(), lab.streamArn(),
                "Disabled", "User action", "PROBLEM: Function call failed"));
        EmulatorLab.Run run = emulatorLab.run("--outputs", lab.outputs().toString());
        assertEquals(ExitCode.PREFLIGHT, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("verify-lab: The mapping from " + lab.stream() + " to " + lab.function()
                + " is Disabled, not Enabled (StateTransitionReason: User action)"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void preflightAloneChecksEverythingAndPutsNothing() {
        EmulatorLab.Lab lab = emulatorLab.newLab();
        EmulatorLab.Run run = emulatorLab.run("preflight", "--outputs", lab.outputs().toString());
        assertEquals(ExitCode.PASS, run.exitCode(), run::toString);
        assertEquals(4, run.out().lines().filter(line -> line.startsWith("ok  ")).count(), run.out());
        assertEquals(0, emulatorLab.kinesis.listShards(r -> r.streamName(lab.stream())).shards().stream()
                .mapToLong(shard -> emulatorLab.kinesis.getRecords(g -> g.shardIterator(emulatorLab.kinesis
                        .getShardIterator(i -> i.streamName(lab.stream()).shardId(shard.shardId())
                                .shardIteratorType("TRIM_HORIZON")).shardIterator())).records().size())
                .sum());
    }
}
