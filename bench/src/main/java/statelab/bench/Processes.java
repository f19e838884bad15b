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

    private Processes() {
    }

    static Process track(Process process) {
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
}
