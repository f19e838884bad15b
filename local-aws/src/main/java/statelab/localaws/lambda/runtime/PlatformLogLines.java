package statelab.localaws.lambda.runtime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The lines Lambda itself writes to a function's log, worded and tab-separated as AWS writes them, so that log
 * parsers and people used to CloudWatch read them unchanged.
 */
public final class PlatformLogLines {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /**
     * What the REPORT line says about one invocation.
     *
     * @param initDurationMillis null unless the invocation started a new environment
     * @param status null on success (AWS then prints no Status), else {@code timeout} or {@code error}
     * @param errorType printed after an error status (e.g. {@code Runtime.ExitError}), null otherwise
     */
    public record Report(String requestId, double durationMillis, int memorySizeMb, long maxMemoryUsedMb,
            Double initDurationMillis, String status, String errorType) {
    }

    private PlatformLogLines() {
    }

    public static String start(String requestId) {
        return "START RequestId: " + requestId + " Version: $LATEST";
    }

    public static String end(String requestId) {
        return "END RequestId: " + requestId;
    }

    public static String report(Report report) {
        StringBuilder line = new StringBuilder("REPORT RequestId: ").append(report.requestId())
                .append("\tDuration: ").append(millis(report.durationMillis())).append(" ms")
                .append("\tBilled Duration: ").append(billedMillis(report.durationMillis())).append(" ms")
                .append("\tMemory Size: ").append(report.memorySizeMb()).append(" MB")
                .append("\tMax Memory Used: ").append(report.maxMemoryUsedMb()).append(" MB");
        if (report.initDurationMillis() != null) {
            line.append("\tInit Duration: ").append(millis(report.initDurationMillis())).append(" ms");
        }
        if (report.status() != null) {
            line.append("\tStatus: ").append(report.status());
            if (report.errorType() != null) {
                line.append("\tError Type: ").append(report.errorType());
            }
        }
        return line.toString();
    }

    /** The line AWS writes when an environment's init fails, before the invocation's own lines. */
    public static String initReport(double initDurationMillis, String errorType) {
        return "INIT_REPORT Init Duration: " + millis(initDurationMillis) + " ms\tPhase: init\tStatus: error\tError Type: "
                + errorType;
    }

    public static String timedOut(Instant at, String requestId, int timeoutSeconds) {
        return ISO_MILLIS.format(at) + " " + requestId + " " + timedOutMessage(timeoutSeconds);
    }

    public static String timedOutMessage(int timeoutSeconds) {
        return String.format(Locale.ROOT, "Task timed out after %.2f seconds", (double) timeoutSeconds);
    }

    public static String exitedMessage(int exitCode) {
        return "Runtime exited with error: exit status " + exitCode;
    }

    /** Lambda bills whole milliseconds, rounded up, and at least one. */
    public static long billedMillis(double durationMillis) {
        return Math.max(1, (long) Math.ceil(durationMillis));
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
