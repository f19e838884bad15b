package statelab.localaws.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root the build passes as {@code -Dstatelab.root}, and the folders tests need from it. */
public final class StatelabRoot {
    private StatelabRoot() {
    }

    public static Path path() {
        String root = System.getProperty("statelab.root");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("system property statelab.root is not set (the parent pom passes it to"
                    + " surefire and failsafe; set it when running tests another way)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** {@code <root>/emulators}, with its node_modules installed (else a message saying how to install them). */
    public static Path emulatorsDir() {
        Path dir = path().resolve("emulators");
        if (!Files.isDirectory(dir.resolve("node_modules").resolve("kinesis-local"))
                || !Files.isDirectory(dir.resolve("node_modules").resolve("dynalite"))) {
            throw new IllegalStateException("the emulators are not installed in " + dir + ": run `make emulators`"
                    + " (or `cd emulators && npm ci`) first");
        }
        return dir;
    }
}
