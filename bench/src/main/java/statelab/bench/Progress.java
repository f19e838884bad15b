package statelab.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines on stderr, with the time since the bench started: {@code bench [1:05] make apply ...}. */
final class Progress {
    private final long start = System.nanoTime();
    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    void say(String message) {
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        out.printf(Locale.ROOT, "bench [%d:%02d] %s%n", seconds / 60, seconds % 60, message);
        out.flush();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
