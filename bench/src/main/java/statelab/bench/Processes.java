package statelab.bench;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Every process the bench starts, so that none outlives it: each is stopped (with its descendants: make's
 * terraform, dynalite's node) when it is done, and by the shutdown hook if the bench is interrupted.
 */
final class Processes {
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    /** Processes that must not be cut short (make apply/destroy: terraform would lose what it is creating). */
    private static final Set<Process> LET_FINISH = ConcurrentHashMap.newKeySet();
    /** Once set (by the shutdown hook), only this thread may start processes: the main thread's next step may not. */
    private static volatile Thread closer;

    private Processes() {
    }

    static Process track(Process process) {
        return track(process, false);
    }

    /** {@code letFinish}: after an interrupt, wait for it to end by itself before stopping it (see stopAll). */
    static Process track(Process process, boolean letFinish) {
        Thread onlyStarter = closer;
        if (onlyStarter != null && onlyStarter != Thread.currentThread()) {
            process.destroyForcibly();
            throw new IllegalStateException("the bench is being stopped");
        }
        RUNNING.add(process);
        if (letFinish) {
            LET_FINISH.add(process);
        }
        process.onExit().thenRun(() -> {
            RUNNING.remove(process);
            LET_FINISH.remove(process);
        });
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
     * After an interrupt: from now on only the calling thread may start processes. Those tracked with
     * {@code letFinish} (make apply or destroy) get up to {@code finishMillis} to end by themselves: a terraform
     * stopped in the middle of creating a resource leaves it out of its state, and so behind after make destroy.
     * Then every running process gets SIGTERM (with its descendants) and a few seconds, then SIGKILL.
     */
    static void stopAll(long finishMillis, Consumer<String> say) {
        closer = Thread.currentThread();
        for (Process process : Set.copyOf(RUNNING)) {
            if (!LET_FINISH.contains(process)) {
                stop(process, 2_000);
            }
        }
        long deadline = System.nanoTime() + finishMillis * 1_000_000;
        for (Process process : Set.copyOf(LET_FINISH)) {
            say.accept("waiting up to " + finishMillis / 1000 + " s for " + process.info().commandLine().orElse("make")
                    + " to finish, so that Terraform's state stays whole");
            try {
                process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Process process : Set.copyOf(RUNNING)) {
            stop(process, 30_000);
        }
    }
}
