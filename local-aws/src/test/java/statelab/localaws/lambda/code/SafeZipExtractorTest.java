package statelab.localaws.lambda.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statelab.localaws.testfunctions.TestFunctionZip;

class SafeZipExtractorTest {
    @TempDir
    Path dir;

    private static byte[] zip(String... namesAndContents) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            entries.put(namesAndContents[i], namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return TestFunctionZip.zip(entries);
    }

    private String refusal(ZipLimits limits, byte[] zip) throws IOException {
        Path file = Files.write(dir.resolve("package.zip"), zip);
        Path target = dir.resolve("out");
        UnsafeZipException e = assertThrows(UnsafeZipException.class,
                () -> new SafeZipExtractor(limits).extract(file, target));
        return e.getMessage();
    }

    @Test
    void aNormalPackageIsExtractedWithItsFolders() throws Exception {
        Path file = Files.write(dir.resolve("package.zip"), zip("Handler.class", "abc", "lib/dep.jar", "defg"));
        long written = new SafeZipExtractor(ZipLimits.LAMBDA).extract(file, dir.resolve("out"));
        assertEquals(7, written);
        assertEquals("abc", Files.readString(dir.resolve("out/Handler.class")));
        assertEquals("defg", Files.readString(dir.resolve("out/lib/dep.jar")));
    }

    @Test
    void entriesClimbingOutOfTheFolderAreRefused() throws Exception {
        for (String name : new String[] {"../evil.txt", "lib/../../evil.txt", "..\\evil.txt", "a/..\\..\\evil"}) {
            String message = refusal(ZipLimits.LAMBDA, zip(name, "x"));
            assertTrue(message.contains("'..'"), name + ": " + message);
        }
        assertFalse(Files.exists(dir.resolve("evil.txt")));
    }

    @Test
    void absolutePathsAreRefused() throws Exception {
        for (String name : new String[] {"/etc/evil", "\\evil", "C:/evil"}) {
            String message = refusal(ZipLimits.LAMBDA, zip(name, "x"));
            assertTrue(message.contains("absolute path"), name + ": " + message);
        }
    }

    @Test
    void symbolicLinksAreRefusedByName() throws Exception {
        byte[] zip = markAsUnixSymlink(zip("link", "/etc/passwd"));
        String message = refusal(ZipLimits.LAMBDA, zip);
        assertTrue(message.contains("symbolic link (link)"), message);
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnythingIsWritten() throws Exception {
        String message = refusal(new ZipLimits(1_000_000, 3, 200, 1024), zip("a", "1", "b", "2", "c", "3", "d", "4"));
        assertTrue(message.contains("4 entries; at most 3"), message);
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aPackageLargerThanTheLimitOnceInflatedIsRefused() throws Exception {
        byte[] random = new byte[5000];
        new Random(1).nextBytes(random);
        Map<String, byte[]> entries = Map.of("a.bin", random, "b.bin", random);
        String message = refusal(new ZipLimits(8000, 10, 1_000_000, 1024), TestFunctionZip.zip(entries));
        assertTrue(message.contains("larger than 8000 bytes"), message);
    }

    @Test
    void anEntryThatInflatesSuspiciouslyFarIsTreatedAsABomb() throws Exception {
        byte[] zeros = new byte[8 * 1024 * 1024];
        String message = refusal(ZipLimits.LAMBDA, TestFunctionZip.zip(Map.of("zeros.bin", zeros)));
        assertTrue(message.contains("zip bomb"), message);
    }

    @Test
    void bytesThatAreNoZipAreRefused() throws Exception {
        String message = refusal(ZipLimits.LAMBDA, "this is not a zip file at all".getBytes(StandardCharsets.UTF_8));
        assertTrue(message.contains("not a zip"), message);
    }

    /** Sets the entry's central directory record to "made by Unix" with mode 0120777 (a symbolic link). */
    static byte[] markAsUnixSymlink(byte[] zip) {
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at < zip.length - 46; at++) {
            if (buffer.getInt(at) == 0x02014b50) {
                buffer.put(at + 5, (byte) 3);
                buffer.putInt(at + 38, 0120777 << 16);
                return zip;
            }
        }
        throw new IllegalStateException("no central directory record");
    }
}
