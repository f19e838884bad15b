package statelab.localaws.emulators;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a process and everything it started: SIGTERM, a bounded wait, then SIGKILL. */
public final class ProcessStopper {
    private ProcessStopper() {
    }

    /** @return true when the process (and its descendants) are gone */
    public static boolean stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        boolean gone = awaitExit(process, grace);
        if (!gone) {
            process.destroyForcibly();
            gone = awaitExit(process, Duration.ofSeconds(5));
        }
        for (ProcessHandle child : descendants) {
            if (!awaitExit(child, Duration.ofSeconds(1))) {
                child.destroyForcibly();
                awaitExit(child, Duration.ofSeconds(2));
            }
        }
        return gone;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        if (!process.isAlive()) {
            return true;
        }
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }
}
