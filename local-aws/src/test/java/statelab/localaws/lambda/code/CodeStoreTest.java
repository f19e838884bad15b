package statelab.localaws.lambda.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statelab.localaws.testfunctions.TestFunctionZip;

class CodeStoreTest {
    @TempDir
    Path dir;

    private static byte[] zip(String content) {
        return TestFunctionZip.zip(Map.of("Handler.class", content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPackageIsKeptByItsDigestAndUnpackedAsTheTaskRoot() throws Exception {
        CodeStore store = new CodeStore(dir, ZipLimits.LAMBDA);
        byte[] zip = zip("one");
        CodeStore.StoredCode stored = store.store(zip);
        assertEquals(CodeSha256.of(zip), stored.sha256());
        assertEquals(zip.length, stored.size());
        assertTrue(Files.isRegularFile(store.zipFile(stored.sha256())));
        assertEquals("one", Files.readString(store.taskRoot(stored.sha256()).resolve("Handler.class")));
    }

    @Test
    void aMissingTaskRootIsUnpackedAgainFromTheKeptZip() throws Exception {
        CodeStore store = new CodeStore(dir, ZipLimits.LAMBDA);
        CodeSha256 sha = store.store(zip("two")).sha256();
        CodeStore.deleteTree(store.taskRoot(sha));
        assertEquals("two", Files.readString(store.taskRoot(sha).resolve("Handler.class")));
    }

    @Test
    void aRefusedPackageLeavesNothingBehind() throws Exception {
        CodeStore store = new CodeStore(dir, ZipLimits.LAMBDA);
        byte[] bad = TestFunctionZip.zip(Map.of("../escape", new byte[1]));
        assertThrows(UnsafeZipException.class, () -> store.store(bad));
        try (var files = Files.list(dir.resolve("packages"))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void garbageCollectionKeepsOnlyThePackagesInUse() throws Exception {
        CodeStore store = new CodeStore(dir, ZipLimits.LAMBDA);
        CodeSha256 kept = store.store(zip("kept")).sha256();
        CodeSha256 dropped = store.store(zip("dropped")).sha256();
        store.taskRoot(dropped);
        store.collectGarbage(Set.of(kept.hex()));
        assertTrue(Files.exists(store.zipFile(kept)));
        assertFalse(Files.exists(store.zipFile(dropped)));
        assertFalse(Files.exists(dir.resolve("extracted").resolve(dropped.hex())));
    }
}
