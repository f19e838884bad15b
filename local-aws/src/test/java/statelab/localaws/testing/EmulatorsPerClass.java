package statelab.localaws.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import statelab.localaws.emulators.EmulatorSupervisor;

/**
 * One pair of real emulators shared by every test of a class (starting them takes seconds), stopped and their data
 * removed after the class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatorsPerClass EMULATORS = new EmulatorsPerClass();
 * ... EMULATORS.get().kinesis() ...
 * }</pre>
 */
public final class EmulatorsPerClass implements BeforeAllCallback, AfterAllCallback {
    private Path dataDir;
    private EmulatorSupervisor supervisor;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("emulators-" + context.getRequiredTestClass().getSimpleName() + "-");
        supervisor = TestEmulators.start(dataDir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (supervisor != null) {
                supervisor.close();
            }
        } finally {
            if (dataDir != null) {
                try (Stream<Path> files = Files.walk(dataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }

    /** The running emulators (only between the class's before-all and after-all). */
    public EmulatorSupervisor get() {
        if (supervisor == null) {
            throw new IllegalStateException("the emulators start before the class's first test");
        }
        return supervisor;
    }
}
