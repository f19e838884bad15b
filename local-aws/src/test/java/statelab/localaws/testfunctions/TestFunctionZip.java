package statelab.localaws.testfunctions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packages test handlers as a Lambda deployment zip, the way a real Java function is packaged: the compiled
 * classes of the handlers' package at the root, and {@code lib/} with aws-lambda-java-core, aws-lambda-java-events
 * and joda-time (which the runtime's event serialiser loads from the function's class path), all taken from the
 * test class path. The zip is byte-for-byte reproducible (sorted entries, fixed times), so its CodeSha256 is stable.
 *
 * <pre>{@code
 * byte[] zip = TestFunctionZip.of(EchoHandler.class);                // handler "statelab.localaws.testfunctions.EchoHandler"
 * lambda.createFunction(b -> b.code(c -> c.zipFile(SdkBytes.fromByteArray(zip))) ...);
 * }</pre>
 */
public final class TestFunctionZip {
    private static final long FIXED_TIME = 1_700_000_000_000L;
    private static final String[] LIBRARY_CLASSES = {
        "com.amazonaws.services.lambda.runtime.Context",
        "com.amazonaws.services.lambda.runtime.events.KinesisEvent",
        "org.joda.time.DateTime",
    };

    private TestFunctionZip() {
    }

    /** A zip holding every class of the handlers' packages (this helper excluded) plus the libraries above. */
    public static byte[] of(Class<?>... handlers) {
        return of(java.util.Map.of(), handlers);
    }

    /** The same with extra files (name to content), e.g. to make a package that differs but runs the same. */
    public static byte[] of(java.util.Map<String, byte[]> extraFiles, Class<?>... handlers) {
        TreeMap<String, byte[]> entries = new TreeMap<>(extraFiles);
        for (Class<?> handler : handlers) {
            addPackage(entries, handler);
        }
        for (String libraryClass : LIBRARY_CLASSES) {
            Path jar = codeSource(loadClass(libraryClass));
            entries.put("lib/" + jar.getFileName(), read(jar));
        }
        return zip(entries);
    }

    /** Writes {@link #of} to a file (for Terraform-like callers that take a path). */
    public static Path write(Path file, Class<?>... handlers) {
        try {
            return Files.write(file, of(handlers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The handler string for a class: {@code package.Class} (the runtime finds handleRequest itself). */
    public static String handler(Class<?> handlerClass) {
        return handlerClass.getName();
    }

    /** A zip of exactly the given entries (name to content), for tests that craft packages. */
    public static byte[] zip(java.util.Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(FIXED_TIME);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void addPackage(TreeMap<String, byte[]> entries, Class<?> handler) {
        Path root = codeSource(handler);
        String packagePath = handler.getPackageName().replace('.', '/');
        Path folder = root.resolve(packagePath);
        List<Path> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.getFileName().toString().endsWith(".class"))
                    .filter(file -> !file.getFileName().toString().startsWith(TestFunctionZip.class.getSimpleName()))
                    .forEach(classes::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        for (Path file : classes) {
            entries.put(packagePath + "/" + file.getFileName(), read(file));
        }
    }

    private static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }

    private static Class<?> loadClass(String name) {
        try {
            return Class.forName(name, false, TestFunctionZip.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " is not on the test class path (test-scope dependency missing)", e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
