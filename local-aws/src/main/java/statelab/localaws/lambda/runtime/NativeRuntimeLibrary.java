package statelab.localaws.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The runtime interface client's JNI library, unpacked once by local-aws. Left to itself, the client copies it to
 * the fixed path {@code /tmp/.libaws-lambda-jni.so} on every start, so two environments starting together could
 * load a half-written copy; given a ready file (a system property), they load that one instead.
 */
final class NativeRuntimeLibrary {
    private NativeRuntimeLibrary() {
    }

    /**
     * @return the unpacked library, or null when the runtime jar or a library for this platform is missing (the
     *     client then unpacks its own)
     */
    static Path prepare(Path runtimeLib, Path folder) {
        Path jar = findRuntimeJar(runtimeLib);
        String entryName = "jni/libaws-lambda-jni." + platform() + ".so";
        if (jar == null) {
            return null;
        }
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                return null;
            }
            Files.createDirectories(folder);
            String version = jar.getFileName().toString().replace(".jar", "");
            Path target = folder.resolve(version + "-" + entryName.substring("jni/".length()));
            if (Files.exists(target) && Files.size(target) == entry.getSize()) {
                return target;
            }
            Path temp = folder.resolve("." + UUID.randomUUID() + ".so");
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, temp);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime interface client's native library from " + jar, e);
        }
    }

    private static Path findRuntimeJar(Path runtimeLib) {
        if (!Files.isDirectory(runtimeLib)) {
            return null;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(runtimeLib,
                "aws-lambda-java-runtime-interface-client*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runtimeLib, e);
        }
        return null;
    }

    /** The library's name for this platform: glibc or musl, x86_64 or aarch_64. */
    static String platform() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "aarch_64" : "x86_64";
        boolean musl = Files.exists(Path.of("/lib/ld-musl-x86_64.so.1"))
                || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
        return (musl ? "linux_musl-" : "linux-") + cpu;
    }
}
