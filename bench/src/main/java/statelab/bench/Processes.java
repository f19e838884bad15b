package statelab.bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process the bench starts, so that none outlives it: each is stopped (with its descendants: make's
 * terraform, dynalite's node) when it is done, and by the shutdown hook if the bench is interrupted.
 */
final class Processes {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    /** Once set (by the shutdown hook), only this thread may start processes: the main thread's next step may not. */
    private static volatile Thread closer;

    private Processes() {
    }

    static Process track(Process process) {
        Thread onlyStarter = closer;
        if (onlyStarter != null && onlyStarter != Thread.currentThread()) {
            process.destroyForcibly();
            throw new IllegalStateException("the bench is being stopped");
        }
        RUNNING.add(process);
        process.onExit().thenRun(() -> RUNNING.remove(process));
        return process;
    }

    /** SIGTERM to the process and its descendants, then SIGKILL to what is left after {@code graceMillis}. */
    static void stop(Process process, long graceMillis) {
        if (process == null) {
            return;
        }
        var descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        RUNNING.remove(process);
    }

    static void stopAll() {
        for (Process process : Set.copyOf(RUNNING)) {
            stop(process, 2_000);
        }
    }

    /**
     * After an interrupt: from now on only the calling thread may start processes. Every running one gets SIGTERM
     * (with its descendants: terraform then ends cleanly, writing its state) and {@code graceMillis} to end, then
     * SIGKILL.
     */
    static void stopAll(long graceMillis) {
        closer = Thread.currentThread();
        for (Process process : Set.copyOf(RUNNING)) {
            stop(process, graceMillis);
        }
    }
}
