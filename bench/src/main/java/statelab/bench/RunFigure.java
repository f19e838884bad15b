package statelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One end-to-end run: trades through the pipeline per second, and the latency of a trade from the put that Kinesis
 * accepted to the read that saw it in the table. From verify-lab's {@code --json} report, or from the direct path.
 */
public record RunFigure(String what, int trades, double tradesPerSecond, double seconds, double p50Seconds,
        double p95Seconds, double p99Seconds, double maxSeconds, Double putSeconds, Double putRecordsPerSecond) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** verify-lab's JSON report of a pass (anything else is refused with its summary). */
    static RunFigure fromVerifyLab(String what, String json) {
        JsonNode report;
        try {
            report = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("verify-lab's output is not JSON: " + abbreviate(json), e);
        }
        if (report == null || !report.isObject()) {
            throw new IllegalStateException("verify-lab printed no JSON report: " + abbreviate(json));
        }
        if (!"pass".equals(report.path("result").asText())) {
            throw new IllegalStateException("verify-lab did not pass (" + report.path("result").asText("?") + "): "
                    + report.path("summary").asText(""));
        }
        JsonNode latency = report.path("latencySeconds");
        JsonNode throughput = report.path("throughput");
        JsonNode sent = report.path("sent");
        return new RunFigure(what,
                report.path("table").path("found").asInt(),
                required(throughput, "tradesPerSecond"),
                required(throughput, "endToEndSeconds"),
                required(latency, "p50"), required(latency, "p95"), required(latency, "p99"), required(latency, "max"),
                sent.path("putSeconds").isNumber() ? sent.path("putSeconds").asDouble() : null,
                sent.path("recordsPerSecond").isNumber() ? sent.path("recordsPerSecond").asDouble() : null);
    }

    static RunFigure fromDirectPath(String what, DirectPathWorker.Samples samples) {
        Summary latency = Summary.of(samples.latencyMillis());
        return new RunFigure(what, samples.count(), samples.count() / samples.seconds(), samples.seconds(),
                latency.p50() / 1000, latency.p95() / 1000, latency.p99() / 1000, latency.max() / 1000,
                samples.putSeconds(), samples.count() / samples.putSeconds());
    }

    private static double required(JsonNode node, String field) {
        if (!node.path(field).isNumber()) {
            throw new IllegalStateException("verify-lab's report has no number " + field);
        }
        return node.path(field).asDouble();
    }

    private static String abbreviate(String text) {
        String flat = text.strip().replace('\n', ' ');
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
    }
}
