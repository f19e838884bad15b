package statelab.localaws.lambda.runtime;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import statelab.localaws.spi.LogWriter;

/**
 * One environment's log stream in CloudWatch Logs ({@code /aws/lambda/<name>}, one stream per environment), and
 * the running invocation's share of it, whose last 4 KB Invoke returns with {@code LogType: Tail}. Appends are
 * serialised, so lines keep the order in which they were written.
 */
final class FunctionLog {
    static final int TAIL_BYTES = 4096;
    private static final System.Logger LOG = System.getLogger(FunctionLog.class.getName());

    private final LogWriter writer;
    private final String group;
    private final String stream;
    private final Clock clock;
    private Deque<String> invocationLines;
    private int invocationBytes;

    FunctionLog(LogWriter writer, String group, String stream, Clock clock) {
        this.writer = writer;
        this.group = group;
        this.stream = stream;
        this.clock = clock;
    }

    String stream() {
        return stream;
    }

    /** From now on lines also count as the running invocation's (for its log tail). */
    synchronized void beginInvocation() {
        invocationLines = new ArrayDeque<>();
        invocationBytes = 0;
    }

    /** Ends the invocation's share and returns the base64 of its last 4 KB, as {@code X-Amz-Log-Result}. */
    synchronized String endInvocation() {
        Deque<String> lines = invocationLines;
        invocationLines = null;
        if (lines == null) {
            return Base64.getEncoder().encodeToString(new byte[0]);
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(line -> text.append(line).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, bytes.length - TAIL_BYTES);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, from, bytes.length));
    }

    synchronized void append(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        if (invocationLines != null) {
            for (String line : lines) {
                invocationLines.addLast(line);
                invocationBytes += line.length() + 1;
            }
            // keep a little more than the tail needs; characters may be several bytes
            while (invocationLines.size() > 1 && invocationBytes - invocationLines.peekFirst().length() - 1
                    > 4 * TAIL_BYTES) {
                invocationBytes -= invocationLines.removeFirst().length() + 1;
            }
        }
        long now = clock.millis();
        List<LogWriter.LogEvent> events = new ArrayList<>(lines.size());
        for (String line : lines) {
            events.add(new LogWriter.LogEvent(now, line));
        }
        try {
            writer.append(group, stream, events);
        } catch (RuntimeException e) {
            // a logging failure must not fail the function's invocation
            LOG.log(System.Logger.Level.WARNING, "cannot write to log group " + group + ": " + e);
        }
    }

    void append(String line) {
        append(List.of(line));
    }
}
