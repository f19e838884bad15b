package statelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatiosTest {

    static Figures.Handler handler() {
        return new Figures.Handler("loop", "dynalite", 100, 10, 5, List.of("-XX:+UseSerialGC"), 240,
                Figures.Throughput.of("StateLambda", List.of(50.0, 60.0, 70.0), 100),
                Figures.Throughput.of("PutItem", List.of(150.0, 180.0, 210.0), 100));
    }

    static Figures.EndToEnd endToEnd() {
        RunFigure warm = new RunFigure("warm run", 2000, 400, 5, 1.5, 2.0, 2.5, 2.6, 3.0, 666.0);
        RunFigure cold = new RunFigure("cold run", 2000, 200, 10, 6.0, 7.0, 7.5, 7.6, 3.0, 666.0);
        RunFigure direct = new RunFigure("direct path", 2000, 500, 4, 0.5, 0.8, 1.0, 1.1, 2.0, 1000.0);
        return new Figures.EndToEnd(2000, warm, cold, direct, 150.0);
    }

    static Figures.Apply apply() {
        return new Figures.Apply(new ApplyFigure(45, 3.0, 1.5, 40.5, 7, 0, 0, Map.of()),
                new ApplyFigure(9, 4.0, 0.0, 5.0, 0, 0, 0, Map.of()));
    }

    static Figures.ColdStart coldStart() {
        List<LambdaReport> stateReports = List.of(new LambdaReport(1, "a", 320, 700.0),
                new LambdaReport(2, "b", 330, 650.0), new LambdaReport(3, "c", 20, null));
        List<LambdaReport> trivialReports = List.of(new LambdaReport(1, "d", 18, 250.0),
                new LambdaReport(2, "e", 19, 260.0));
        return new Figures.ColdStart(2,
                Figures.FunctionColdStarts.of("copy", "h", stateReports, List.of(1000.0, 1100.0)),
                Figures.FunctionColdStarts.of("trivial", "n", trivialReports, List.of(280.0, 300.0)), null);
    }

    @Test
    void everyFigureOverItsBaseline() {
        List<Ratio> ratios = Ratios.of(handler(), apply(), endToEnd(), coldStart());
        BenchResultFixture result = new BenchResultFixture(ratios);

        // 300 records in 0.18 s vs 300 in 0.54 s
        assertEquals(3.0, result.value(Ratios.HANDLER_RECORDS_PER_SECOND), 1e-9);
        assertEquals(60.0 / 180.0, result.value(Ratios.HANDLER_BATCH_P50), 1e-9);
        assertEquals(0.8, result.value(Ratios.E2E_THROUGHPUT), 1e-9);
        assertEquals(3.0, result.value(Ratios.E2E_LATENCY_P50), 1e-9);
        assertEquals(2.5, result.value(Ratios.E2E_LATENCY_P99), 1e-9);
        assertEquals(4.0, result.value(Ratios.E2E_COLD_LATENCY_P50), 1e-9);
        assertEquals(0.5, result.value(Ratios.E2E_COLD_THROUGHPUT), 1e-9);
        assertEquals(5.0, result.value(Ratios.APPLY), 1e-9);
        // p50 of {650, 700} is 650; of {250, 260} is 250; only cold REPORT lines count
        assertEquals(2.6, result.value(Ratios.COLD_START_INIT), 1e-9);
        assertEquals(1000.0 / 280.0, result.value(Ratios.COLD_START_ROUND_TRIP), 1e-9);
    }

    @Test
    void aMissingFigureGivesNoRatioInsteadOfAWrongOne() {
        Figures.EndToEnd withoutDirectPath = new Figures.EndToEnd(2000, endToEnd().warm(), endToEnd().cold(), null, null);
        List<Ratio> ratios = Ratios.of(null, null, withoutDirectPath, null);
        BenchResultFixture result = new BenchResultFixture(ratios);

        assertNull(result.ratio(Ratios.HANDLER_RECORDS_PER_SECOND));
        assertNull(result.ratio(Ratios.E2E_THROUGHPUT));
        assertEquals(4.0, result.value(Ratios.E2E_COLD_LATENCY_P50), 1e-9);
        assertEquals(2, ratios.size());
    }

    @Test
    void aZeroBaselineIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Ratio.of("x", 1, 0, "x"));
    }

    @Test
    void ratiosAreWrittenWithTwoDecimalsBelowTenAndOneAbove() {
        assertEquals("2.68x", Ratio.of("x", 2.6789, 1, "x").text());
        assertEquals("0.35x", Ratio.of("x", 0.351, 1, "x").text());
        assertEquals("12.3x", Ratio.of("x", 12.34, 1, "x").text());
    }

    /** A result holding only ratios, to look them up by name as the table does. */
    record BenchResultFixture(List<Ratio> ratios) {
        Ratio ratio(String name) {
            return ratios.stream().filter(ratio -> ratio.name().equals(name)).findFirst().orElse(null);
        }

        double value(String name) {
            return ratio(name).value();
        }
    }
}
