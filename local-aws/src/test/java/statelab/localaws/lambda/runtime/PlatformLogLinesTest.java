package statelab.localaws.lambda.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlatformLogLinesTest {
    private static final String ID = "8f5a5c2a-1111-2222-3333-444455556666";

    @Test
    void startAndEndLinesAreWordedAsAwsWritesThem() {
        assertEquals("START RequestId: " + ID + " Version: $LATEST", PlatformLogLines.start(ID));
        assertEquals("END RequestId: " + ID, PlatformLogLines.end(ID));
    }

    @Test
    void aColdReportHasInitDurationAndTabSeparatedFields() {
        String line = PlatformLogLines.report(new PlatformLogLines.Report(ID, 12.344, 512, 87, 456.781, null, null));
        assertEquals("REPORT RequestId: " + ID + "\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 512 MB"
                + "\tMax Memory Used: 87 MB\tInit Duration: 456.78 ms", line);
    }

    @Test
    void aWarmReportHasNoInitDuration() {
        String line = PlatformLogLines.report(new PlatformLogLines.Report(ID, 3.0, 128, 60, null, null, null));
        assertEquals("REPORT RequestId: " + ID + "\tDuration: 3.00 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB"
                + "\tMax Memory Used: 60 MB", line);
    }

    @Test
    void aTimeoutAndARuntimeErrorSayTheirStatus() {
        assertEquals("REPORT RequestId: " + ID + "\tDuration: 3000.52 ms\tBilled Duration: 3001 ms\tMemory Size: 128 MB"
                + "\tMax Memory Used: 60 MB\tStatus: timeout", PlatformLogLines.report(
                        new PlatformLogLines.Report(ID, 3000.517, 128, 60, null, "timeout", null)));
        assertEquals("REPORT RequestId: " + ID + "\tDuration: 5.00 ms\tBilled Duration: 5 ms\tMemory Size: 128 MB"
                + "\tMax Memory Used: 60 MB\tStatus: error\tError Type: Runtime.ExitError", PlatformLogLines.report(
                        new PlatformLogLines.Report(ID, 5.0, 128, 60, null, "error", "Runtime.ExitError")));
    }

    @Test
    void billedDurationRoundsUpToWholeMillisecondsAndIsNeverZero() {
        assertEquals(1, PlatformLogLines.billedMillis(0.01));
        assertEquals(13, PlatformLogLines.billedMillis(12.01));
        assertEquals(12, PlatformLogLines.billedMillis(12.0));
    }

    @Test
    void theTimeoutLineCarriesTimestampRequestIdAndSeconds() {
        assertEquals("2026-12-04T10:00:00.123Z " + ID + " Task timed out after 3.00 seconds",
                PlatformLogLines.timedOut(Instant.parse("2026-12-04T10:00:00.123Z"), ID, 3));
        assertEquals("Runtime exited with error: exit status 3", PlatformLogLines.exitedMessage(3));
        assertEquals("INIT_REPORT Init Duration: 10.50 ms\tPhase: init\tStatus: error\tError Type: Runtime.Unknown",
                PlatformLogLines.initReport(10.5, "Runtime.Unknown"));
    }

    @Test
    void theLogStreamIsDatedAndNamesTheVersionAndTheEnvironment() {
        assertEquals("2026/12/04/[$LATEST]0123456789abcdef0123456789abcdef",
                LogStreamName.of(Instant.parse("2026-12-04T23:59:59Z"), "0123456789abcdef0123456789abcdef"));
    }
}
