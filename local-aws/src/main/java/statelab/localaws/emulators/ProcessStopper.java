package statelab.localaws.emulators;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and everything it started: SIGTERM to the process alone (so that it can stop its own
 * children in order), a bounded wait, then SIGKILL; descendants still alive after that are stopped too.
 */
public final class ProcessStopper {
    private ProcessStopper() {
    }

    /** @return true when the process (and its descendants) are gone */
    public static boolean stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean gone = awaitExit(process, grace);
        if (!gone) {
            process.destroyForcibly();
            gone = awaitExit(process, Duration.ofSeconds(5));
        }
        for (ProcessHandle child : descendants) {
            child.destroy();
            if (!awaitExit(child, Duration.ofSeconds(2))) {
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
