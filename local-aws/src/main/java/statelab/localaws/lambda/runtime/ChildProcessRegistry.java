package statelab.localaws.lambda.runtime;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import statelab.localaws.store.JsonFileStore;

/**
 * The execution environments' JVMs, recorded in the data directory while they run, so that a local-aws that was
 * killed -9 finds and stops the ones it left behind when it starts again. A pid alone could have been reused by
 * then: a leftover is stopped only if its start time and command line still match.
 */
final class ChildProcessRegistry {
    private static final System.Logger LOG = System.getLogger(ChildProcessRegistry.class.getName());

    record Child(long pid, long startEpochMillis) {
    }

    private final JsonFileStore<Child> store;

    ChildProcessRegistry(Path folder) {
        this.store = new JsonFileStore<>(folder, Child.class);
    }

    void record(Process process) {
        store.write(Long.toString(process.pid()), new Child(process.pid(), startMillis(process.toHandle()).orElse(0L)));
    }

    void forget(long pid) {
        store.delete(Long.toString(pid));
    }

    /** Stops every recorded child that is still running; returns how many were stopped. */
    int reapLeftovers() {
        int reaped = 0;
        for (String key : store.keys()) {
            Optional<Child> child;
            try {
                child = store.read(key);
            } catch (UncheckedIOException e) {
                store.delete(key);
                continue;
            }
            if (child.isPresent() && stopIfOurs(child.get())) {
                reaped++;
            }
            store.delete(key);
        }
        return reaped;
    }

    private static boolean stopIfOurs(Child child) {
        Optional<ProcessHandle> handle = ProcessHandle.of(child.pid());
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        ProcessHandle process = handle.get();
        boolean sameStart = startMillis(process).map(start -> start == child.startEpochMillis()).orElse(false);
        boolean runtimeCommand = process.info().commandLine().map(line -> line.contains(LaunchSpec.RUNTIME_MAIN))
                .orElse(false);
        if (!sameStart || !runtimeCommand) {
            return false;
        }
        LOG.log(System.Logger.Level.INFO, "stopping execution environment pid " + child.pid()
                + " left over by a previous local-aws");
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "leftover pid " + child.pid() + " did not stop: " + e);
        }
        return true;
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli);
    }
}
