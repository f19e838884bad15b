package statelab.localaws.esm.worker;

import java.time.Duration;

/** A stop request that every wait of a worker honours at once: pauses end early instead of being interrupted. */
final class StopSignal {
    private volatile boolean stopped;

    boolean stopped() {
        return stopped;
    }

    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    /** Waits up to {@code duration}; false when stopped (before or during the wait). */
    synchronized boolean pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (!stopped) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                wait(Math.max(1, left / 1_000_000), 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Ends a current pause early without stopping (new work arrived). */
    synchronized void wake() {
        notifyAll();
    }
}
