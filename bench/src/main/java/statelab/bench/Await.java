package statelab.bench;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A bounded wait that ends on a condition, polling every {@code pollMillis}. */
final class Await {
    private Await() {
    }

    static void until(String what, Duration timeout, long pollMillis, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": not within " + timeout.toSeconds() + " s");
            }
            Thread.sleep(pollMillis);
        }
    }
}
