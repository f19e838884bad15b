package statelab.localaws.emulators;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import statelab.localaws.store.JsonFileStore;

/**
 * The emulator processes this data folder has running, on disk, so that a local-aws killed with -9 (whose
 * children live on) can find and stop them at its next start. A recorded pid is only killed when that
 * process is still running the recorded script: pids are reused.
 */
final class ChildRecords {
    private static final System.Logger LOG = System.getLogger(ChildRecords.class.getName());

    /** One running child: its pid and the script that identifies it as ours. */
    record Child(long pid, String script) {
    }

    private final JsonFileStore<Child> store;

    ChildRecords(Path folder) {
        this.store = new JsonFileStore<>(folder, Child.class);
    }

    void remember(String name, Process process, Path script) {
        store.write(name, new Child(process.pid(), script.toString()));
    }

    void forget(String name) {
        store.delete(name);
    }

    /** Stops every recorded child that still runs its script (left by a local-aws that did not close). */
    void reapLeftovers() {
        for (String name : store.keys()) {
            Optional<Child> child = store.read(name);
            child.flatMap(c -> ProcessHandle.of(c.pid()).filter(handle -> runs(handle, c.script())))
                    .ifPresent(handle -> {
                        LOG.log(System.Logger.Level.WARNING, "stopping leftover " + name + " emulator (pid "
                                + handle.pid() + ") of a local-aws that did not shut down");
                        ProcessStopper.stop(handle, Duration.ofSeconds(5));
                    });
            store.delete(name);
        }
    }

    private static boolean runs(ProcessHandle handle, String script) {
        return handle.isAlive() && handle.info().commandLine().map(line -> line.contains(script)).orElse(false);
    }
}
