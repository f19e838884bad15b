package statelab.bench;

import java.util.ArrayList;
import java.util.List;

/** The ratios of a run: each figure over its baseline from the same run (README.md says why each baseline). */
final class Ratios {
    static final String HANDLER_RECORDS_PER_SECOND = "handler.recordsPerSecond";
    static final String HANDLER_BATCH_P50 = "handler.batchMillisP50";
    static final String E2E_THROUGHPUT = "endToEnd.throughput";
    static final String E2E_LATENCY_P50 = "endToEnd.latencyP50";
    static final String E2E_LATENCY_P99 = "endToEnd.latencyP99";
    static final String E2E_COLD_LATENCY_P50 = "endToEnd.coldRunLatencyP50";
    static final String E2E_COLD_THROUGHPUT = "endToEnd.coldRunThroughput";
    static final String LAB_HANDLER = "endToEnd.labHandlerMillisPer100";
    static final String APPLY = "apply.fromNothing";
    static final String COLD_START_INIT = "coldStart.initDurationP50";
    static final String COLD_START_ROUND_TRIP = "coldStart.invokeRoundTripP50";

    private Ratios() {
    }

    static List<Ratio> of(Figures.Handler handler, Figures.Apply apply, Figures.EndToEnd endToEnd,
            Figures.ColdStart coldStart) {
        List<Ratio> ratios = new ArrayList<>();
        if (handler != null) {
            ratios.add(Ratio.of(HANDLER_RECORDS_PER_SECOND, handler.stateLambda().recordsPerSecond(),
                    handler.baseline().recordsPerSecond(),
                    "StateLambda records/s ÷ sequential unconditional PutItem records/s, same trades, same dynalite"
                            + " (above 1: the handler writes faster)"));
            ratios.add(Ratio.of(HANDLER_BATCH_P50, handler.stateLambda().batchMillis().p50(),
                    handler.baseline().batchMillis().p50(),
                    "StateLambda p50 ms per batch of 100 ÷ sequential PutItem p50 (below 1: the handler is faster)"));
        }
        if (endToEnd != null && endToEnd.warm() != null && endToEnd.direct() != null) {
            ratios.add(Ratio.of(E2E_THROUGHPUT, endToEnd.warm().tradesPerSecond(), endToEnd.direct().tradesPerSecond(),
                    "trades/s through the lab (warm verify-lab run) ÷ trades/s of the direct path without Lambda"
                            + " (1 = the mapping and Lambda cost no throughput)"));
            ratios.add(Ratio.of(E2E_LATENCY_P50, endToEnd.warm().p50Seconds(), endToEnd.direct().p50Seconds(),
                    "p50 put-to-seen latency through the lab ÷ the direct path's (what polling, the mapping and the"
                            + " invoke add; lower is better)"));
            ratios.add(Ratio.of(E2E_LATENCY_P99, endToEnd.warm().p99Seconds(), endToEnd.direct().p99Seconds(),
                    "p99 latency through the lab ÷ the direct path's"));
        }
        if (endToEnd != null && endToEnd.warm() != null && endToEnd.cold() != null) {
            ratios.add(Ratio.of(E2E_COLD_LATENCY_P50, endToEnd.cold().p50Seconds(), endToEnd.warm().p50Seconds(),
                    "p50 latency of the first run after apply (cold function) ÷ the warm run's"));
            ratios.add(Ratio.of(E2E_COLD_THROUGHPUT, endToEnd.cold().tradesPerSecond(),
                    endToEnd.warm().tradesPerSecond(), "trades/s of the first run after apply ÷ the warm run's"));
        }
        Figures.WarmRun labWarmRun = coldStart == null || coldStart.lab() == null ? null : coldStart.lab().warmRun();
        if (labWarmRun != null && handler != null) {
            ratios.add(Ratio.of(LAB_HANDLER, labWarmRun.handlerMillisPer100Records(),
                    100_000 / handler.stateLambda().recordsPerSecond(),
                    "StateLambda's own ms per 100 records in the lab's warm run (its batch_summary lines) ÷ in process"
                            + " against the bench's dynalite: the same code, in the lab's environment (contention,"
                            + " local-aws's proxy and its persistent dynalite)"));
        }
        if (apply != null && apply.fromNothing() != null && apply.nothingToChange() != null) {
            ratios.add(Ratio.of(APPLY, apply.fromNothing().seconds(), apply.nothingToChange().seconds(),
                    "make apply from nothing ÷ make apply with nothing to change (the fixed cost of build, plan and"
                            + " refresh)"));
        }
        if (coldStart != null && coldStart.stateLambda() != null && coldStart.trivial() != null) {
            ratios.add(Ratio.of(COLD_START_INIT, coldStart.stateLambda().init().p50(), coldStart.trivial().init().p50(),
                    "StateLambda Init Duration p50 ÷ a trivial Java function's, both cold-started one at a time"
                            + " on the same local-aws (what the handler's init adds to the JVM and runtime)"));
            ratios.add(Ratio.of(COLD_START_ROUND_TRIP,
                    Summary.of(coldStart.stateLambda().invokeRoundTripMillis()).p50(),
                    Summary.of(coldStart.trivial().invokeRoundTripMillis()).p50(),
                    "cold Invoke round trip p50, StateLambda (one trade) ÷ the trivial function"));
        }
        return ratios;
    }
}
