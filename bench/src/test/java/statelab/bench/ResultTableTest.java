package statelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {
    static final Machine MACHINE = new Machine(2, "OpenJDK 17", "Linux", 24000L, List.of(1.5, 2.0, 3.25), "abc123",
            false);

    static BenchResult result(Figures.Handler handler, Figures.Apply apply, Figures.EndToEnd endToEnd,
            Figures.ColdStart coldStart, List<Figures.PhaseError> errors) {
        return new BenchResult(BenchResult.SCHEMA_VERSION, "2026-12-04T20:00:00Z", "2026-12-04T20:03:00Z", 180,
                MACHINE, List.of(1.0, 1.0, 1.0), Map.of("count", 2000), handler, apply, endToEnd, coldStart, 22.4,
                Ratios.of(handler, apply, endToEnd, coldStart), List.of("a note"), errors, "/tmp/logs");
    }

    @Test
    void everyFigureHasARowWithItsBaselineAndRatio() {
        String table = ResultTable.render(result(RatiosTest.handler(), RatiosTest.apply(), RatiosTest.endToEnd(),
                RatiosTest.coldStart(), List.of()));

        assertTrue(table.contains("2 cores, load average 1.50 2.00 3.25 at the start"), table);
        assertTrue(table.contains("sequential PutItem: 556 records/s"), table);
        assertTrue(table.contains("3.00x"), table); // handler records/s
        assertTrue(table.contains("direct path, no Lambda: 500 trades/s"), table);
        assertTrue(table.contains("3.00x / 2.50x"), table); // latency p50 / p99
        assertTrue(table.contains("apply, nothing to change: 9.0 s"), table);
        assertTrue(table.contains("trivial Java function: 250 ms"), table);
        assertTrue(table.contains("make destroy"), table);
        assertTrue(table.contains("note: a note"), table);
    }

    @Test
    void theHandlersTimeInTheLabsWarmRunIsSetBesideItsTimeInProcess() {
        List<LambdaReport> reports = List.of(new LambdaReport(100, "cold", 2000, 1500.0),
                new LambdaReport(5_000, "w1", 410, null), new LambdaReport(5_100, "w2", 390, null));
        List<LabLog.BatchSummaryLine> summaries = List.of(new LabLog.BatchSummaryLine(101, 100, 100, 1900),
                new LabLog.BatchSummaryLine(5_001, 100, 100, 400), new LabLog.BatchSummaryLine(5_101, 100, 100, 380));
        Figures.LabInvocations lab = Figures.LabInvocations.of(new LabLog(reports, summaries), 4_000, 6_000);
        Figures.ColdStart cold = RatiosTest.coldStart();
        Figures.ColdStart withLab = new Figures.ColdStart(cold.rounds(), cold.stateLambda(), cold.trivial(), lab);

        BenchResult result = result(RatiosTest.handler(), RatiosTest.apply(), RatiosTest.endToEnd(), withLab,
                List.of());
        String table = ResultTable.render(result);

        // in process: 300 records in 0.18 s = 60 ms per 100; in the lab 390 ms per 100
        assertEquals(6.5, result.ratio(Ratios.LAB_HANDLER).value(), 1e-9);
        assertTrue(table.contains("390 ms (2 batches of 100)"), table);
        assertTrue(table.contains("in process 60.0 ms, direct path 150 ms"), table);
        assertTrue(table.contains("1500 ms"), table);
    }

    @Test
    void failedPhasesAreShownAsSuchAndListedAtTheEnd() {
        String table = ResultTable.render(result(RatiosTest.handler(), null, null, null,
                List.of(new Figures.PhaseError("make apply", "make apply failed (exit 2)"))));

        assertTrue(table.lines().anyMatch(line -> line.startsWith("end to end through local-aws")
                && line.contains("not measured")), table);
        assertTrue(table.contains("FAILED make apply: make apply failed (exit 2)"), table);
    }

    @Test
    void theJsonHasEverySectionAndTheRatiosWithTheirMeaning() throws Exception {
        BenchResult result = result(RatiosTest.handler(), RatiosTest.apply(), RatiosTest.endToEnd(),
                RatiosTest.coldStart(), List.of());
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(result));

        assertEquals(1, json.path("schemaVersion").asInt());
        assertEquals(2, json.path("machine").path("cores").asInt());
        assertEquals(60.0, json.path("handler").path("stateLambda").path("batchMillis").path("p50").asDouble(), 1e-9);
        assertEquals(1.5, json.path("endToEnd").path("warm").path("p50Seconds").asDouble(), 1e-9);
        assertEquals(45.0, json.path("apply").path("fromNothing").path("seconds").asDouble(), 1e-9);
        assertEquals(650.0, json.path("coldStart").path("stateLambda").path("init").path("p50").asDouble(), 1e-9);
        JsonNode first = json.path("ratios").get(0);
        assertEquals(Ratios.HANDLER_RECORDS_PER_SECOND, first.path("name").asText());
        assertTrue(first.path("meaning").asText().contains("higher") || first.path("meaning").asText().contains("above"));
    }
}
