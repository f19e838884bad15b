package statelab.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The report for people: a verdict line, then one labelled line per topic. */
public final class ReportText {
    static final int LABEL_WIDTH = 12;

    private ReportText() {
    }

    public static String render(Report report) {
        StringBuilder out = new StringBuilder();
        out.append("verify-lab: ").append(report.passed() ? "PASS  " : "FAIL  ").append(headline(report))
                .append("\n\n");
        Report.Lab lab = report.lab();
        line(out, "lab", lab.stream() + " (" + plural(lab.openShards(), "shard") + ") -> " + lab.function() + " -> "
                + lab.table() + "   " + (lab.region() != null ? lab.region() + ", " : "") + lab.endpoint());
        Report.Sent sent = report.sent();
        line(out, "sent", plural(sent.total(), "record") + " in " + plural(sent.calls(), "PutRecords call") + ", "
                + seconds(sent.putSeconds()) + " (" + rate(sent.recordsPerSecond()) + " records/s), "
                + plural(sent.retriedEntries(), "entry", "entries") + " retried");
        line(out, "", sent.count(RecordKind.NEW) + " new trades, " + sent.count(RecordKind.UPDATE) + " updates, "
                + sent.count(RecordKind.DUPLICATE) + " duplicates, " + sent.count(RecordKind.OUT_OF_ORDER)
                + " out-of-order, " + sent.count(RecordKind.BAD) + " bad");
        if (!sent.recordsPerShard().isEmpty()) {
            line(out, "", "per shard: " + sent.recordsPerShard().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", ")));
        }
        Report.Table table = report.table();
        line(out, "StateTable", "expected " + table.expected() + ", found " + table.found()
                + ", wrong version or value " + table.wrong() + ", missing " + table.missing() + ", unexpected "
                + table.unexpected());
        int shown = 0;
        for (Report.Problem problem : table.examples()) {
            line(out, "", String.format(Locale.ROOT, "%-10s %s  %s", problem.kind(), problem.id(), problem.detail()));
            shown++;
        }
        int problems = table.wrong() + table.missing() + table.unexpected();
        if (problems > shown && shown > 0) {
            line(out, "", "... and " + (problems - shown) + " more");
        }
        Percentiles latency = report.latency();
        line(out, "latency", latency == null ? "no trade reached its expected state"
                : "first seen after put: p50 " + seconds(latency.p50()) + ", p95 " + seconds(latency.p95())
                        + ", p99 " + seconds(latency.p99()) + ", max " + seconds(latency.max()));
        line(out, "throughput", plural(table.found(), "trade") + " at their expected state "
                + seconds(report.endToEndSeconds()) + " after the first put: " + rate(report.endToEndTradesPerSecond())
                + " trades/s end to end");
        Report.Mapping mapping = report.mapping();
        if (mapping != null) {
            String reason = mapping.stateTransitionReason() == null ? ""
                    : " (StateTransitionReason: " + mapping.stateTransitionReason() + ")";
            line(out, "mapping", mapping.state() + ", LastProcessingResult " + mapping.lastProcessingResult()
                    + reason + "   " + mapping.uuid());
        }
        Report.FunctionErrors errors = report.functionErrors();
        if (errors != null) {
            line(out, "errors", "from " + errors.logGroup() + ", last " + errors.minutes() + " min"
                    + (errors.note() != null ? ": " + errors.note()
                            : errors.lines().isEmpty() ? ": none found" : ":"));
            for (String logLine : errors.lines()) {
                line(out, "", logLine);
            }
        }
        Report.Seed seed = report.seed();
        line(out, "seed", seed.value() + (seed.given() ? "" : " (repeat this data with --seed " + seed.value() + ")"));
        for (String note : report.notes()) {
            line(out, "note", note);
        }
        return out.toString();
    }

    static String headline(Report report) {
        Report.Table table = report.table();
        if (report.passed()) {
            return "StateTable holds all " + plural(table.expected(), "trade") + " at their latest version, and "
                    + "nothing else.";
        }
        List<String> parts = new ArrayList<>();
        int off = table.expected() - table.found();
        if (off > 0) {
            parts.add(off + " of " + plural(table.expected(), "trade") + " are not at their latest version");
        }
        if (table.unexpected() > 0) {
            parts.add(plural(table.unexpected(), "item") + (table.unexpected() == 1 ? " exists" : " exist")
                    + " for bad records");
        }
        return String.join(" and ", parts) + " after waiting " + seconds(report.waitedSeconds())
                + " (--timeout " + seconds(report.timeoutSeconds()) + ").";
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append(String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s %s", label, text).stripTrailing())
                .append('\n');
    }

    static String plural(int count, String noun) {
        return plural(count, noun, noun + "s");
    }

    static String plural(int count, String singular, String pluralForm) {
        return count + " " + (count == 1 ? singular : pluralForm);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, seconds < 10 ? "%.2f s" : "%.1f s", seconds);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }
}
