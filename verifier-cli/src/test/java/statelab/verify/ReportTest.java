package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {
    static final Report.Lab LAB = new Report.Lab("IncomingDataStream", 2, "StateLambda", "StateTable", "us-east-1",
            "http://127.0.0.1:4566");

    static Report.Sent sent(int trades, int duplicates, int outOfOrder, int updates, int bad) {
        Map<RecordKind, Integer> kinds = new EnumMap<>(RecordKind.class);
        kinds.put(RecordKind.NEW, trades);
        kinds.put(RecordKind.DUPLICATE, duplicates);
        kinds.put(RecordKind.OUT_OF_ORDER, outOfOrder);
        kinds.put(RecordKind.UPDATE, updates);
        kinds.put(RecordKind.BAD, bad);
        int total = trades + duplicates + outOfOrder + updates + bad;
        return new Report.Sent(kinds, total, 22, 3, 2.5, Map.of("shardId-000000000001", total / 2,
                "shardId-000000000000", total - total / 2));
    }

    static Report passing() {
        return new Report(true, LAB, sent(10000, 500, 300, 0, 50),
                new Report.Table(10000, 10000, 0, 0, 0, List.of()),
                new Percentiles(10000, 0.412, 1.2, 1.61, 2.049), 3.1, 5.25,
                new Report.Mapping("4c3a1e57-0000-4000-8000-000000000001", "Enabled", "OK", null), null,
                new Report.Seed(123456789, false), 120, List.of());
    }

    static Report failing() {
        return new Report(false, LAB, sent(100, 0, 0, 0, 0),
                new Report.Table(100, 97, 1, 2, 1, List.of(
                        new Report.Problem("wrong", "id-1", "Version 1 (expected 2)"),
                        new Report.Problem("missing", "id-2", "expected Version 1, Value 12.50"))),
                new Percentiles(97, 0.5, 0.9, 1.0, 1.1), 120.02, 1.5,
                new Report.Mapping("uuid-1", "Enabled", "PROBLEM: Function call failed", null),
                new Report.FunctionErrors("/aws/lambda/StateLambda", 7,
                        List.of("2026-12-04T19:40:01Z  {\"level\":\"ERROR\",\"event\":\"write_failed\"}"), null),
                new Report.Seed(42, true), 120, List.of("a note"));
    }

    @Test
    void aPassIsOneVerdictLineThenOneLinePerTopic() {
        assertEquals("""
                verify-lab: PASS  StateTable holds all 10000 trades at their latest version, and nothing else.

                lab          IncomingDataStream (2 shards) -> StateLambda -> StateTable   us-east-1, http://127.0.0.1:4566
                sent         10850 records in 22 PutRecords calls, 2.50 s (4340 records/s), 3 entries retried
                             10000 new trades, 0 updates, 500 duplicates, 300 out-of-order, 50 bad
                             per shard: shardId-000000000000 5425, shardId-000000000001 5425
                StateTable   expected 10000, found 10000, wrong version or value 0, missing 0, unexpected 0
                latency      first seen after put: p50 0.41 s, p95 1.20 s, p99 1.61 s, max 2.05 s
                throughput   10000 trades at their expected state 5.25 s after the first put: 1905 trades/s end to end
                mapping      Enabled, LastProcessingResult OK   4c3a1e57-0000-4000-8000-000000000001
                seed         123456789 (repeat this data with --seed 123456789)
                """, ReportText.render(passing()));
    }

    @Test
    void aFailureSaysHowManyTradesAreOffShowsExamplesAndTheFunctionsErrors() {
        String text = ReportText.render(failing());
        assertTrue(text.startsWith("verify-lab: FAIL  3 of 100 trades are not at their latest version and 1 item "
                + "exists for bad records after waiting 120.0 s (--timeout 120.0 s).\n"), text);
        assertTrue(text.contains("StateTable   expected 100, found 97, wrong version or value 1, missing 2, "
                + "unexpected 1\n"), text);
        assertTrue(text.contains("             wrong      id-1  Version 1 (expected 2)\n"), text);
        assertTrue(text.contains("             missing    id-2  expected Version 1, Value 12.50\n"), text);
        assertTrue(text.contains("             ... and 2 more\n"), text);
        assertTrue(text.contains("mapping      Enabled, LastProcessingResult PROBLEM: Function call failed"), text);
        assertTrue(text.contains("errors       from /aws/lambda/StateLambda, last 7 min:\n"
                + "             2026-12-04T19:40:01Z  {\"level\":\"ERROR\",\"event\":\"write_failed\"}\n"), text);
        assertTrue(text.contains("seed         42\n"), "a given seed needs no hint: " + text);
        assertTrue(text.contains("note         a note\n"), text);
    }

    @Test
    void theJsonReportIsOneObjectWithEveryCount() throws Exception {
        String json = ReportJson.render(failing());
        assertEquals(1, json.lines().count(), "one line, one object");
        JsonNode root = JsonMapper.builder().build().readTree(json);
        assertEquals("fail", root.get("result").asText());
        assertEquals(1, root.get("exitCode").asInt());
        assertEquals(100, root.get("table").get("expected").asInt());
        assertEquals(97, root.get("table").get("found").asInt());
        assertEquals(1, root.get("table").get("wrongVersionOrValue").asInt());
        assertEquals(2, root.get("table").get("missing").asInt());
        assertEquals(1, root.get("table").get("unexpected").asInt());
        assertEquals("id-1", root.get("table").get("examples").get(0).get("id").asText());
        assertEquals(0.9, root.get("latencySeconds").get("p95").asDouble());
        assertEquals("PROBLEM: Function call failed", root.get("mapping").get("lastProcessingResult").asText());
        assertEquals(1, root.get("functionErrors").get("lines").size());
        assertEquals(42, root.get("seed").get("value").asLong());
        assertTrue(root.get("seed").get("given").asBoolean());
    }

    @Test
    void theJsonReportOfAPassCountsWhatWasSent() throws Exception {
        JsonNode root = JsonMapper.builder().build().readTree(ReportJson.render(passing()));
        assertEquals("pass", root.get("result").asText());
        assertEquals(0, root.get("exitCode").asInt());
        JsonNode sent = root.get("sent");
        assertEquals(10850, sent.get("records").asInt());
        assertEquals(10000, sent.get("newTrades").asInt());
        assertEquals(500, sent.get("duplicates").asInt());
        assertEquals(300, sent.get("outOfOrder").asInt());
        assertEquals(50, sent.get("bad").asInt());
        assertEquals(4340.0, sent.get("recordsPerSecond").asDouble());
        assertEquals(5425, sent.get("recordsPerShard").get("shardId-000000000000").asInt());
        assertTrue(root.get("functionErrors").isNull());
        assertEquals(2.049, root.get("latencySeconds").get("max").asDouble());
    }

    @Test
    void percentilesUseTheNearestRank() {
        double[] samples = new double[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i;
        }
        Percentiles p = Percentiles.of(samples);
        assertEquals(50, p.p50());
        assertEquals(95, p.p95());
        assertEquals(99, p.p99());
        assertEquals(100, p.max());
        assertEquals(7, Percentiles.of(new double[] {7}).p99());
        assertEquals(null, Percentiles.of(new double[0]));
    }
}
