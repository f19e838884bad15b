package statelab.localaws.lambda.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a deployment package without trusting it: no absolute paths, no {@code ..}, no links, a bounded
 * number of entries, at most 250 MB once inflated (counted while writing, never taken from the headers) and no
 * entry that inflates suspiciously far. Every refusal is one sentence a user can act on.
 */
public final class SafeZipExtractor {
    private final ZipLimits limits;

    public SafeZipExtractor(ZipLimits limits) {
        this.limits = limits;
    }

    /** Checks names, links and the entry count from the zip's directory, before anything touches the disk. */
    public void inspect(byte[] zip) throws UnsafeZipException {
        List<ZipDirectory.Entry> entries = ZipDirectory.read(zip, limits.maxEntries());
        for (ZipDirectory.Entry entry : entries) {
            checkName(entry.name());
            if (entry.symlink()) {
                throw new UnsafeZipException("the zip contains a symbolic link (" + entry.name()
                        + "); local-aws does not extract links");
            }
        }
    }

    /**
     * Extracts {@code zipFile} into {@code target} (which must be empty or absent); on any refusal the partial
     * output is left for the caller to delete.
     *
     * @return the number of bytes written
     */
    public long extract(Path zipFile, Path target) throws UnsafeZipException, IOException {
        inspect(Files.readAllBytes(zipFile));
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        long total = 0;
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = destinationOf(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                if (destination.equals(root)) {
                    throw new UnsafeZipException("the zip entry " + entry.getName() + " has no file name");
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = zip.getInputStream(entry);
                        OutputStream out = Files.newOutputStream(destination)) {
                    total = copyBounded(entry, in, out, total);
                }
            }
        } catch (ZipException e) {
            throw new UnsafeZipException("it is not a valid zip file (" + e.getMessage() + ")");
        }
        return total;
    }

    private long copyBounded(ZipEntry entry, InputStream in, OutputStream out, long totalSoFar)
            throws IOException, UnsafeZipException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        long total = totalSoFar;
        long compressed = Math.max(entry.getCompressedSize(), 1);
        int read;
        while ((read = in.read(buffer)) > 0) {
            written += read;
            total += read;
            if (total > limits.maxUncompressedBytes()) {
                throw new UnsafeZipException("the unzipped package is larger than " + limits.maxUncompressedBytes()
                        + " bytes (Lambda's limit for an unzipped deployment package)");
            }
            if (written > limits.ratioFloorBytes() && written / compressed > limits.maxEntryRatio()) {
                throw new UnsafeZipException("the zip entry " + entry.getName() + " inflates more than "
                        + limits.maxEntryRatio() + " times its compressed size; it looks like a zip bomb");
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    private Path destinationOf(Path root, String name) throws UnsafeZipException {
        checkName(name);
        Path destination = root.resolve(name).normalize();
        if (!destination.startsWith(root)) {
            throw new UnsafeZipException("the zip entry " + name + " would be written outside its folder");
        }
        return destination;
    }

    private static void checkName(String name) throws UnsafeZipException {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new UnsafeZipException("the zip has an entry with an empty or invalid name");
        }
        if (name.startsWith("/") || name.startsWith("\\") || (name.length() > 1 && name.charAt(1) == ':')) {
            throw new UnsafeZipException("the zip entry " + name + " has an absolute path");
        }
        // backslashes count as separators too: a zip made on Windows may use them
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw new UnsafeZipException("the zip entry " + name + " climbs out of its folder with '..'");
            }
        }
    }
}
