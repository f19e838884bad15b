package statelab.verify;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows how far a run is while it waits: a live bar redrawn in place on a terminal, a plain line every few seconds
 * otherwise (CI logs, pipes). Written to stderr, so stdout carries only the report.
 */
public interface Progress {

    /** Where the run is now. */
    record Snapshot(int found, int expected, int recordsPut, int recordsTotal, double seconds) {
    }

    void update(Snapshot snapshot);

    /** The run is over: a bar clears its line. */
    void finish();

    static Progress forOutput(PrintWriter err, boolean terminal) {
        return terminal ? new Bar(err) : new Lines(err, LINE_INTERVAL_SECONDS);
    }

    double LINE_INTERVAL_SECONDS = 5;

    /** A bar redrawn on one line with a carriage return, at most 10 times a second. */
    final class Bar implements Progress {
        static final int WIDTH = 30;
        private final PrintWriter err;
        private long lastDrawNanos;
        private int lastLength;

        Bar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void update(Snapshot s) {
            long now = System.nanoTime();
            if (now - lastDrawNanos < 100_000_000L && s.found() < s.expected()) {
                return;
            }
            lastDrawNanos = now;
            int filled = s.expected() == 0 ? WIDTH : (int) ((long) WIDTH * s.found() / s.expected());
            String line = String.format(Locale.ROOT, "[%s%s] %d/%d trades in StateTable, %d/%d records put, %.1f s",
                    "#".repeat(filled), ".".repeat(WIDTH - filled), s.found(), s.expected(), s.recordsPut(),
                    s.recordsTotal(), s.seconds());
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            err.flush();
            lastLength = line.length();
        }

        @Override
        public void finish() {
            if (lastLength > 0) {
                err.print("\r" + " ".repeat(lastLength) + "\r");
                err.flush();
            }
        }
    }

    /** One plain line every {@code intervalSeconds}. */
    final class Lines implements Progress {
        private final PrintWriter err;
        private final double intervalSeconds;
        private double nextAt;

        Lines(PrintWriter err, double intervalSeconds) {
            this.err = err;
            this.intervalSeconds = intervalSeconds;
            this.nextAt = intervalSeconds;
        }

        @Override
        public void update(Snapshot s) {
            if (s.seconds() < nextAt) {
                return;
            }
            while (nextAt <= s.seconds()) {
                nextAt += intervalSeconds;
            }
            err.printf(Locale.ROOT, "verify-lab: %d/%d trades in StateTable at their latest version, %d/%d records "
                    + "put, %.0f s%n", s.found(), s.expected(), s.recordsPut(), s.recordsTotal(), s.seconds());
            err.flush();
        }

        @Override
        public void finish() {
        }
    }
}
