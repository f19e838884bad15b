package statelab.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * {@code <data dir>/local-aws.pid}: the pid and endpoint of the local-aws serving that data folder. A file
 * whose pid is no longer a local-aws (it died, or the pid was reused) counts as absent.
 */
final class PidFile {
    static final String FILE_NAME = "local-aws.pid";
    /** What a local-aws process's command line contains, to tell it from another process with a reused pid. */
    private static final List<String> MARKERS = List.of("local-aws", "statelab.localaws.LocalAws");

    record Entry(long pid, String endpoint) {
    }

    private final Path file;

    PidFile(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    /** The entry when the recorded process is alive and looks like local-aws. */
    Optional<Entry> live() {
        return read().filter(entry -> ProcessHandle.of(entry.pid())
                .filter(ProcessHandle::isAlive)
                .filter(PidFile::looksLikeLocalAws)
                .isPresent());
    }

    Optional<Entry> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Entry(Long.parseLong(lines.get(0).trim()), lines.size() > 1 ? lines.get(1).trim() : ""));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void write(long pid, String endpoint) {
        Path temp = file.resolveSibling(FILE_NAME + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(temp, pid + "\n" + endpoint + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Removes the file if it still names this pid (a newer local-aws may have taken over). */
    void removeIfOwnedBy(long pid) {
        if (read().map(entry -> entry.pid() == pid).orElse(false)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // nothing to do on the way out
            }
        }
    }

    void removeStale() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }

    private static boolean looksLikeLocalAws(ProcessHandle process) {
        return process.info().commandLine().map(line -> MARKERS.stream().anyMatch(line::contains)).orElse(true);
    }
}
