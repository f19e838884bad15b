package statelab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The table `make bench` prints: one row per figure, its baseline from the same run, and the ratio. */
final class ResultTable {
    private final List<String[]> rows = new ArrayList<>();

    private ResultTable() {
    }

    static String render(BenchResult result) {
        ResultTable table = new ResultTable();
        table.row("figure", "measured", "baseline (same run)", "ratio");
        table.handler(result);
        table.endToEnd(result);
        table.labWarmRun(result);
        table.apply(result);
        table.coldStart(result);
        if (result.destroySeconds() != null) {
            table.row("make destroy", Format.seconds(result.destroySeconds()), "", "");
        }
        StringBuilder out = new StringBuilder(header(result)).append("\n\n").append(table.text());
        for (String note : result.notes()) {
            out.append("\nnote: ").append(note);
        }
        for (Figures.PhaseError error : result.errors()) {
            out.append("\nFAILED ").append(error.phase()).append(": ").append(error.message());
        }
        return out.toString();
    }

    private static String header(BenchResult result) {
        Machine machine = result.machine();
        String load = machine.loadAverageAtStart().isEmpty() ? "unknown"
                : machine.loadAverageAtStart().stream().map(Format::number).collect(Collectors.joining(" "));
        String loadEnd = result.loadAverageAtEnd() == null || result.loadAverageAtEnd().isEmpty() ? ""
                : ", " + result.loadAverageAtEnd().stream().map(Format::number).collect(Collectors.joining(" "))
                        + " at the end";
        return String.format(Locale.ROOT, "make bench %s, %s in all%n%d cores, load average %s at the start%s;"
                        + " %s; git %s%s",
                result.startedAt(), Format.seconds(result.totalSeconds()), machine.cores(), load, loadEnd,
                machine.java(), machine.gitCommit() == null ? "?" : machine.gitCommit(),
                Boolean.TRUE.equals(machine.gitUncommittedChanges()) ? " (with uncommitted changes)" : "");
    }

    private void handler(BenchResult result) {
        Figures.Handler handler = result.handler();
        if (handler == null) {
            row("handler, batch of 100", "not measured", "", "");
            return;
        }
        Figures.Throughput measured = handler.stateLambda();
        Figures.Throughput baseline = handler.baseline();
        row("handler, batch of " + handler.batchSize() + " new trades, in process",
                Format.rate(measured.recordsPerSecond()) + " records/s (" + Format.rate(measured.batchesPerSecond())
                        + " batches/s)",
                "sequential PutItem: " + Format.rate(baseline.recordsPerSecond()) + " records/s",
                ratio(result, Ratios.HANDLER_RECORDS_PER_SECOND));
        row("  ms per batch p50 / p99 (" + measured.batches() + " batches)",
                millisPair(measured.batchMillis()), millisPair(baseline.batchMillis()),
                ratio(result, Ratios.HANDLER_BATCH_P50));
    }

    private void endToEnd(BenchResult result) {
        Figures.EndToEnd e2e = result.endToEnd();
        if (e2e == null) {
            row("end to end through local-aws", "not measured", "", "");
            return;
        }
        RunFigure warm = e2e.warm();
        RunFigure direct = e2e.direct();
        row("end to end, verify-lab --count " + e2e.count() + ", warm",
                warm == null ? "failed" : Format.rate(warm.tradesPerSecond()) + " trades/s" + (warm.putRecordsPerSecond()
                        == null ? "" : " (put " + Format.rate(warm.putRecordsPerSecond()) + "/s)"),
                direct == null ? "direct path: failed"
                        : "direct path, no Lambda: " + Format.rate(direct.tradesPerSecond()) + " trades/s",
                ratio(result, Ratios.E2E_THROUGHPUT));
        row("  latency put to seen, p50 / p99",
                warm == null ? "" : secondsPair(warm.p50Seconds(), warm.p99Seconds()),
                direct == null ? "" : secondsPair(direct.p50Seconds(), direct.p99Seconds()),
                join(ratio(result, Ratios.E2E_LATENCY_P50), ratio(result, Ratios.E2E_LATENCY_P99)));
        RunFigure cold = e2e.cold();
        if (cold != null) {
            row("  first run after apply (cold function)",
                    Format.rate(cold.tradesPerSecond()) + " trades/s, " + secondsPair(cold.p50Seconds(),
                            cold.p99Seconds()),
                    warm == null ? "" : "the warm run",
                    join(ratio(result, Ratios.E2E_COLD_THROUGHPUT), ratio(result, Ratios.E2E_COLD_LATENCY_P50)));
        }
    }

    private void apply(BenchResult result) {
        Figures.Apply apply = result.apply();
        if (apply == null || apply.fromNothing() == null) {
            row("make apply, local", apply == null ? "not measured" : "failed", "", "");
            return;
        }
        ApplyFigure first = apply.fromNothing();
        ApplyFigure again = apply.nothingToChange();
        row("make apply, local, from nothing", Format.seconds(first.seconds()),
                again == null ? "" : "apply, nothing to change: " + Format.seconds(again.seconds()),
                ratio(result, Ratios.APPLY));
        row("  build / local-aws start / terraform", steps(first), again == null ? "" : steps(again), "");
        first.resourceSeconds().entrySet().stream().max(Map.Entry.comparingByValue())
                .ifPresent(slowest -> row("  slowest resource", slowest.getKey() + " " + slowest.getValue() + " s", "",
                        ""));
    }

    private void coldStart(BenchResult result) {
        Figures.ColdStart cold = result.coldStart();
        if (cold == null) {
            row("cold start (Init Duration)", "not measured", "", "");
            return;
        }
        Figures.FunctionColdStarts state = cold.stateLambda();
        Figures.FunctionColdStarts trivial = cold.trivial();
        if (state != null) {
            row("cold start: Init Duration p50 (" + state.initMillis().size() + " cold starts)",
                    Format.millis(state.init().p50()) + " (max " + Format.millis(state.init().max()) + ")",
                    trivial == null ? "" : "trivial Java function: " + Format.millis(trivial.init().p50()),
                    ratio(result, Ratios.COLD_START_INIT));
            row("  first invocation Duration p50", Format.millis(state.firstInvoke().p50()),
                    trivial == null ? "" : Format.millis(trivial.firstInvoke().p50()), "");
            row("  cold Invoke round trip p50", Format.millis(Summary.of(state.invokeRoundTripMillis()).p50()),
                    trivial == null ? "" : Format.millis(Summary.of(trivial.invokeRoundTripMillis()).p50()),
                    ratio(result, Ratios.COLD_START_ROUND_TRIP));
        }
        Figures.LabInvocations lab = cold.lab();
        if (lab != null && !lab.initMillis().isEmpty()) {
            row("  in the lab: Init Duration (first run)",
                    lab.initMillis().stream().map(millis -> String.format(Locale.ROOT, "%.0f", millis))
                            .collect(Collectors.joining(", ")) + " ms"
                            + (lab.initMillis().size() > 1 ? " (" + lab.initMillis().size() + " at once)" : ""),
                    "", "");
        }
    }

    /** The handler's own time in the lab's warm run, beside the in-process and direct-path figures. */
    private void labWarmRun(BenchResult result) {
        Figures.ColdStart cold = result.coldStart();
        Figures.WarmRun warm = cold == null || cold.lab() == null ? null : cold.lab().warmRun();
        if (warm == null) {
            return;
        }
        List<String> baselines = new ArrayList<>();
        if (result.handler() != null) {
            baselines.add("in process " + Format.millis(100_000 / result.handler().stateLambda().recordsPerSecond()));
        }
        Double direct = result.endToEnd() == null ? null : result.endToEnd().directPathHandlerMillisPer100();
        if (direct != null) {
            baselines.add("direct path " + Format.millis(direct));
        }
        row("  handler time per 100 records, warm run",
                String.format(Locale.ROOT, "%s (%d batches of %.0f)", Format.millis(warm.handlerMillisPer100Records()),
                        warm.invocations(), warm.recordsPerInvocation()),
                String.join(", ", baselines), ratio(result, Ratios.LAB_HANDLER));
    }

    private static String steps(ApplyFigure figure) {
        return String.format(Locale.ROOT, "%s / %s / %s s", seconds(figure.buildSeconds()),
                seconds(figure.localAwsStartSeconds()), seconds(figure.terraformSeconds()));
    }

    private static String seconds(Double value) {
        return value == null ? "?" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String millisPair(Summary summary) {
        return String.format(Locale.ROOT, "%.0f / %.0f ms", summary.p50(), summary.p99());
    }

    private static String secondsPair(double p50, double p99) {
        return String.format(Locale.ROOT, "%.2f / %.2f s", p50, p99);
    }

    private static String ratio(BenchResult result, String name) {
        Ratio ratio = result.ratio(name);
        return ratio == null ? "" : ratio.text();
    }

    private static String join(String first, String second) {
        if (first.isEmpty() || second.isEmpty()) {
            return first + second;
        }
        return first + " / " + second;
    }

    private void row(String... cells) {
        rows.add(cells);
    }

    private String text() {
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row[i]));
                if (i < row.length - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                out.append("-".repeat(widths[0] + widths[1] + widths[2] + widths[3] + 6)).append('\n');
            }
        }
        return out.toString();
    }
}
