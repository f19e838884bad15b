package statelab.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda {@code REPORT} line, as AWS and local-aws write it: {@code REPORT RequestId: <id>\tDuration: 12.34 ms\t
 * Billed Duration: 13 ms\tMemory Size: 1024 MB\tMax Memory Used: 160 MB\tInit Duration: 2571.43 ms}. Init Duration
 * is there only on the first invocation of an execution environment (a cold start).
 */
public record LambdaReport(long timestampMillis, String requestId, double durationMillis, Double initDurationMillis) {
    private static final Pattern REQUEST_ID = Pattern.compile("^REPORT RequestId: (\\S+)");
    private static final Pattern DURATION = Pattern.compile("(?:^|\\t)Duration: ([0-9.]+) ms");
    private static final Pattern INIT_DURATION = Pattern.compile("\\tInit Duration: ([0-9.]+) ms");

    static Optional<LambdaReport> parse(long timestampMillis, String message) {
        String line = message.strip();
        Matcher id = REQUEST_ID.matcher(line);
        Matcher duration = DURATION.matcher(line);
        if (!id.find() || !duration.find()) {
            return Optional.empty();
        }
        Matcher init = INIT_DURATION.matcher(line);
        return Optional.of(new LambdaReport(timestampMillis, id.group(1), Double.parseDouble(duration.group(1)),
                init.find() ? Double.valueOf(init.group(1)) : null));
    }

    boolean cold() {
        return initDurationMillis != null;
    }
}
