package statelab.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report as one JSON object ({@code --json}); field names are a contract for scripts (README.md lists them).
 * Durations are seconds, rates per second.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ReportJson() {
    }

    public static String render(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("result", report.passed() ? "pass" : "fail");
        root.put("exitCode", report.passed() ? ExitCode.PASS : ExitCode.FAIL);
        root.put("summary", ReportText.headline(report));
        Report.Lab lab = report.lab();
        root.putObject("lab")
                .put("stream", lab.stream())
                .put("openShards", lab.openShards())
                .put("function", lab.function())
                .put("table", lab.table())
                .put("region", lab.region())
                .put("endpoint", lab.endpoint());
        Report.Sent sent = report.sent();
        ObjectNode sentNode = root.putObject("sent");
        sentNode.put("records", sent.total())
                .put("newTrades", sent.count(RecordKind.NEW))
                .put("updates", sent.count(RecordKind.UPDATE))
                .put("duplicates", sent.count(RecordKind.DUPLICATE))
                .put("outOfOrder", sent.count(RecordKind.OUT_OF_ORDER))
                .put("bad", sent.count(RecordKind.BAD))
                .put("putRecordsCalls", sent.calls())
                .put("retriedEntries", sent.retriedEntries())
                .put("putSeconds", round(sent.putSeconds()))
                .put("recordsPerSecond", round(sent.recordsPerSecond()));
        ObjectNode shards = sentNode.putObject("recordsPerShard");
        new TreeMap<>(sent.recordsPerShard()).forEach(shards::put);
        Report.Table table = report.table();
        ObjectNode tableNode = root.putObject("table");
        tableNode.put("expected", table.expected())
                .put("found", table.found())
                .put("wrongVersionOrValue", table.wrong())
                .put("missing", table.missing())
                .put("unexpected", table.unexpected());
        ArrayNode examples = tableNode.putArray("examples");
        for (Report.Problem problem : table.examples()) {
            examples.addObject().put("kind", problem.kind()).put("id", problem.id()).put("detail", problem.detail());
        }
        Percentiles latency = report.latency();
        if (latency == null) {
            root.putNull("latencySeconds");
        } else {
            root.putObject("latencySeconds")
                    .put("count", latency.count())
                    .put("p50", round(latency.p50()))
                    .put("p95", round(latency.p95()))
                    .put("p99", round(latency.p99()))
                    .put("max", round(latency.max()));
        }
        root.putObject("throughput")
                .put("endToEndSeconds", round(report.endToEndSeconds()))
                .put("tradesPerSecond", round(report.endToEndTradesPerSecond()));
        root.put("waitedSeconds", round(report.waitedSeconds()));
        root.put("timeoutSeconds", round(report.timeoutSeconds()));
        Report.Mapping mapping = report.mapping();
        if (mapping == null) {
            root.putNull("mapping");
        } else {
            root.putObject("mapping")
                    .put("uuid", mapping.uuid())
                    .put("state", mapping.state())
                    .put("lastProcessingResult", mapping.lastProcessingResult())
                    .put("stateTransitionReason", mapping.stateTransitionReason());
        }
        Report.FunctionErrors errors = report.functionErrors();
        if (errors == null) {
            root.putNull("functionErrors");
        } else {
            ObjectNode errorsNode = root.putObject("functionErrors");
            errorsNode.put("logGroup", errors.logGroup()).put("minutes", errors.minutes()).put("note", errors.note());
            ArrayNode lines = errorsNode.putArray("lines");
            errors.lines().forEach(lines::add);
        }
        root.putObject("seed").put("value", report.seed().value()).put("given", report.seed().given());
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        return write(root);
    }

    /** The object printed with {@code --json} when there is no report: a usage, preflight or run error. */
    public static String error(String result, int exitCode, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("result", result);
        root.put("exitCode", exitCode);
        root.put("summary", message);
        return write(root);
    }

    /** The object {@code verify-lab preflight --json} prints when every check passed. */
    public static String preflight(Preflight.Result result, Map<String, String> lab) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("result", "pass");
        root.put("exitCode", ExitCode.PASS);
        ObjectNode labNode = root.putObject("lab");
        lab.forEach(labNode::put);
        labNode.put("streamArn", result.streamArn());
        labNode.put("openShards", result.openShards());
        labNode.put("mappingUuid", result.mappingUuid());
        ArrayNode checks = root.putArray("checks");
        result.checks().forEach(checks::add);
        return write(root);
    }

    private static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3f", value));
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
