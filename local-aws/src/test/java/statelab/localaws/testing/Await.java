package statelab.localaws.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits that end as soon as a condition holds: never a fixed sleep. */
public final class Await {
    private Await() {
    }

    /** Polls {@code condition} every 50 ms until it holds; fails with {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("timed out after " + timeout + " waiting until " + what, e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting until " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what);
            }
        }
    }
}
