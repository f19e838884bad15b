package statelab.localaws.lambda.code;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a zip's central directory: the entry names and the Unix file modes that {@code java.util.zip} does not
 * expose, so that links can be refused by name instead of being written out as files. Only what safety checks
 * need; the extraction itself uses {@link java.util.zip.ZipFile}, which reads the same central directory.
 */
final class ZipDirectory {
    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_EOCD_SIGNATURE = 0x06064b50;
    private static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
    private static final int EOCD_MIN_SIZE = 22;
    private static final int MADE_BY_UNIX = 3;
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SYMLINK_TYPE = 0120000;

    record Entry(String name, boolean symlink) {
    }

    private ZipDirectory() {
    }

    /** @throws UnsafeZipException when the bytes are not a zip or its directory is damaged */
    static List<Entry> read(byte[] zip, int maxEntries) throws UnsafeZipException {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = findEndOfCentralDirectory(buffer);
        long entryCount = Short.toUnsignedInt(buffer.getShort(eocd + 10));
        long directoryOffset = Integer.toUnsignedLong(buffer.getInt(eocd + 16));
        if (entryCount == 0xFFFF || directoryOffset == 0xFFFFFFFFL) {
            int locator = eocd - 20;
            if (locator < 0 || buffer.getInt(locator) != ZIP64_LOCATOR_SIGNATURE) {
                throw new UnsafeZipException("the zip's directory is damaged (zip64 locator missing)");
            }
            long zip64Eocd = buffer.getLong(locator + 8);
            if (zip64Eocd < 0 || zip64Eocd > zip.length - 56 || buffer.getInt((int) zip64Eocd) != ZIP64_EOCD_SIGNATURE) {
                throw new UnsafeZipException("the zip's directory is damaged (zip64 end record missing)");
            }
            entryCount = buffer.getLong((int) zip64Eocd + 32);
            directoryOffset = buffer.getLong((int) zip64Eocd + 48);
        }
        if (entryCount > maxEntries || entryCount < 0) {
            throw new UnsafeZipException("the zip has " + Long.toUnsignedString(entryCount) + " entries; at most "
                    + maxEntries + " are accepted");
        }
        List<Entry> entries = new ArrayList<>((int) entryCount);
        long position = directoryOffset;
        for (long i = 0; i < entryCount; i++) {
            if (position < 0 || position > zip.length - 46 || buffer.getInt((int) position) != CENTRAL_HEADER_SIGNATURE) {
                throw new UnsafeZipException("the zip's directory is damaged (entry " + i + " is unreadable)");
            }
            int at = (int) position;
            int madeBy = Short.toUnsignedInt(buffer.getShort(at + 4)) >>> 8;
            int nameLength = Short.toUnsignedInt(buffer.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(buffer.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(buffer.getShort(at + 32));
            long externalAttributes = Integer.toUnsignedLong(buffer.getInt(at + 38));
            if (at + 46L + nameLength > zip.length) {
                throw new UnsafeZipException("the zip's directory is damaged (entry " + i + " name is cut off)");
            }
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            int mode = (int) (externalAttributes >>> 16);
            boolean symlink = madeBy == MADE_BY_UNIX && (mode & FILE_TYPE_MASK) == SYMLINK_TYPE;
            entries.add(new Entry(name, symlink));
            position += 46L + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    private static int findEndOfCentralDirectory(ByteBuffer buffer) throws UnsafeZipException {
        int limit = buffer.capacity();
        if (limit < EOCD_MIN_SIZE) {
            throw new UnsafeZipException("it is not a zip file (" + limit + " bytes)");
        }
        // the record sits at the very end, followed only by a comment of at most 65535 bytes
        int lowest = Math.max(0, limit - EOCD_MIN_SIZE - 0xFFFF);
        for (int at = limit - EOCD_MIN_SIZE; at >= lowest; at--) {
            if (buffer.getInt(at) == EOCD_SIGNATURE
                    && at + EOCD_MIN_SIZE + Short.toUnsignedInt(buffer.getShort(at + 20)) == limit) {
                return at;
            }
        }
        throw new UnsafeZipException("it is not a zip file (no end of central directory record)");
    }
}
