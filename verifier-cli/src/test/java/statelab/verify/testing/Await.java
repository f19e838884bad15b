package statelab.verify.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits that end as soon as a condition holds: never a fixed sleep. */
public final class Await {
    private Await() {
    }

    /** Checks {@code condition} every 50 ms until it holds; fails naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, Duration.ofMillis(50), condition);
    }

    /** The same, with {@code pause} between checks: for a condition whose check itself loads the server. */
    public static void until(String what, Duration timeout, Duration pause, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what, last);
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what, e);
            }
        }
    }
}
