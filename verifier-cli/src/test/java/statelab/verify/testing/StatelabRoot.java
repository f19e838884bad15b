package statelab.verify.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root the parent pom passes as {@code -Dstatelab.root}, and what tests need from it. */
public final class StatelabRoot {
    private StatelabRoot() {
    }

    public static Path path() {
        String root = System.getProperty("statelab.root");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("system property statelab.root is not set (the parent pom passes it to "
                    + "surefire and failsafe; set it when running tests another way)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** {@code <root>/emulators}, with kinesis-local and dynalite installed. */
    public static Path emulatorsDir() {
        Path dir = path().resolve("emulators");
        if (!Files.isRegularFile(dir.resolve("node_modules/kinesis-local/main.js"))
                || !Files.isRegularFile(dir.resolve("node_modules/dynalite/cli.js"))) {
            throw new IllegalStateException("the emulators are not installed in " + dir + ": run `make emulators` "
                    + "(or `cd emulators && npm ci`) first");
        }
        return dir;
    }
}
