package statelab.localaws.lambda.code;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.UUID;

/**
 * Deployment packages on disk, addressed by their SHA-256: {@code packages/<hex>.zip} as uploaded (kept so that
 * the code survives a restart and can be downloaded) and {@code extracted/<hex>/} unpacked, the task root of every
 * execution environment running that code. Two functions with the same zip share both.
 */
public final class CodeStore {
    private final Path packages;
    private final Path extracted;
    private final SafeZipExtractor extractor;

    /** What was stored: the package's identity and size. */
    public record StoredCode(CodeSha256 sha256, long size) {
    }

    public CodeStore(Path folder, ZipLimits limits) {
        this.packages = folder.resolve("packages");
        this.extracted = folder.resolve("extracted");
        this.extractor = new SafeZipExtractor(limits);
        try {
            Files.createDirectories(packages);
            Files.createDirectories(extracted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    /**
     * Checks, keeps and unpacks a package. Unpacking here, not at the first invoke, is what lets
     * CreateFunction refuse a bad zip with a clear error.
     *
     * @throws UnsafeZipException when the zip is refused; nothing is left on disk then
     */
    public synchronized StoredCode store(byte[] zip) throws UnsafeZipException {
        extractor.inspect(zip);
        CodeSha256 sha = CodeSha256.of(zip);
        Path zipFile = zipFile(sha);
        try {
            if (!Files.exists(zipFile)) {
                writeAtomically(zipFile, zip);
            }
            unpack(sha);
        } catch (UnsafeZipException e) {
            deleteQuietly(zipFile);
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the package " + sha.hex(), e);
        }
        return new StoredCode(sha, zip.length);
    }

    /** The task root of this code, unpacked again if it went missing (a crash while unpacking, a cleaned disk). */
    public synchronized Path taskRoot(CodeSha256 sha) {
        try {
            return unpack(sha);
        } catch (UnsafeZipException e) {
            throw new IllegalStateException("the stored package " + sha.hex() + " no longer unpacks: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the package " + sha.hex(), e);
        }
    }

    public Path zipFile(CodeSha256 sha) {
        return packages.resolve(sha.hex() + ".zip");
    }

    /** Removes every package (and its unpacked folder) whose hex digest is not in {@code inUse}. */
    public synchronized void collectGarbage(Set<String> hexInUse) {
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(packages, "*.zip")) {
            for (Path zip : zips) {
                String hex = zip.getFileName().toString().replace(".zip", "");
                if (!hexInUse.contains(hex)) {
                    deleteTree(extracted.resolve(hex));
                    Files.deleteIfExists(zip);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + packages, e);
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(extracted)) {
            for (Path folder : folders) {
                String name = folder.getFileName().toString();
                if (name.startsWith(".") || !hexInUse.contains(name)) {
                    deleteTree(folder);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + extracted, e);
        }
    }

    private Path unpack(CodeSha256 sha) throws UnsafeZipException, IOException {
        Path done = extracted.resolve(sha.hex());
        if (Files.isDirectory(done)) {
            return done;
        }
        // unpack beside, then rename: a half-unpacked folder never looks finished
        Path partial = extracted.resolve("." + sha.hex() + "-" + UUID.randomUUID());
        try {
            extractor.extract(zipFile(sha), partial);
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteTree(partial);
        }
        return done;
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, bytes);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: garbage collection removes it later
        }
    }

    /** Deletes a folder tree without following links (a link inside is removed, never what it points to). */
    public static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
