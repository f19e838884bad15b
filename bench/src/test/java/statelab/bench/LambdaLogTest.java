package statelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaLogTest {
    static final String COLD = "REPORT RequestId: 23da270b-b2dc-4f31-82d0-525b575f3764\tDuration: 2763.89 ms\t"
            + "Billed Duration: 2764 ms\tMemory Size: 1024 MB\tMax Memory Used: 167 MB\tInit Duration: 2571.43 ms";
    static final String WARM = "REPORT RequestId: 69d75330-3a37-4924-98e7-3c7b3e0aade4\tDuration: 41.05 ms\t"
            + "Billed Duration: 42 ms\tMemory Size: 1024 MB\tMax Memory Used: 166 MB";

    @Test
    void aColdReportLineHasAnInitDuration() {
        LambdaReport report = LambdaReport.parse(5, COLD).orElseThrow();

        assertEquals("23da270b-b2dc-4f31-82d0-525b575f3764", report.requestId());
        assertEquals(2763.89, report.durationMillis(), 1e-9);
        assertEquals(2571.43, report.initDurationMillis(), 1e-9);
        assertEquals(5, report.timestampMillis());
        assertTrue(report.cold());
    }

    @Test
    void aWarmOneHasNoneAndItsDurationIsNotTheBilledOne() {
        LambdaReport report = LambdaReport.parse(0, WARM + "\tStatus: error\tError Type: Runtime.ExitError")
                .orElseThrow();

        assertEquals(41.05, report.durationMillis(), 1e-9);
        assertNull(report.initDurationMillis());
    }

    @Test
    void otherLinesAreNoReports() {
        assertTrue(LambdaReport.parse(0, "START RequestId: x Version: $LATEST").isEmpty());
        assertTrue(LambdaReport.parse(0, "{\"event\":\"batch_summary\"} REPORT").isEmpty());
    }

    @Test
    void theWarmRunIsTheWindowOfReportsAndBatchSummaries() {
        List<LambdaReport> reports = new ArrayList<>();
        List<LabLog.BatchSummaryLine> summaries = new ArrayList<>();
        LabLog.add(1_000, COLD, reports, summaries);
        LabLog.add(1_001, "{\"level\":\"INFO\",\"event\":\"batch_summary\",\"shardId\":\"s\",\"records\":100,"
                + "\"written\":100,\"duplicateOrStale\":0,\"rejected\":0,\"failed\":0,\"millis\":900}", reports, summaries);
        LabLog.add(5_000, WARM, reports, summaries);
        LabLog.add(5_001, "{\"level\":\"INFO\",\"event\":\"batch_summary\",\"shardId\":\"s\",\"records\":100,"
                + "\"written\":100,\"duplicateOrStale\":0,\"rejected\":0,\"failed\":0,\"millis\":30}", reports, summaries);
        LabLog.add(5_002, WARM, reports, summaries);
        LabLog.add(5_003, "{\"level\":\"INFO\",\"event\":\"batch_summary\",\"shardId\":\"s\",\"records\":50,"
                + "\"written\":50,\"duplicateOrStale\":0,\"rejected\":0,\"failed\":0,\"millis\":15}", reports, summaries);
        LabLog.add(5_004, "SLF4J: Failed to load class \"org.slf4j.impl.StaticLoggerBinder\".", reports, summaries);

        Figures.LabInvocations lab = Figures.LabInvocations.of(new LabLog(reports, summaries), 4_000, 6_000);

        assertEquals(3, lab.invocations());
        assertEquals(List.of(2571.43), lab.initMillis());
        assertEquals(2, lab.warmRun().invocations());
        assertEquals(0, lab.warmRun().coldStarts());
        assertEquals(75.0, lab.warmRun().recordsPerInvocation(), 1e-9);
        assertEquals(41.05, lab.warmRun().durationMillis().p50(), 1e-9);
        assertEquals(15.0, lab.warmRun().handlerMillis().p50(), 1e-9);
        assertEquals(30.0, lab.warmRun().handlerMillisPer100Records(), 1e-9);
    }
}
