package statelab.localaws.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileStoreTest {

    record Thing(String name, int count) {
    }

    @Test
    void recordsSurviveANewStoreOnTheSameFolderAndAnyKeyIsSafe(@TempDir Path dir) throws Exception {
        String awkward = "arn:aws:lambda:us-east-1:000000000000:function:../../etc/passwd";
        new JsonFileStore<>(dir, Thing.class).write(awkward, new Thing("a", 1));
        new JsonFileStore<>(dir, Thing.class).write("plain", new Thing("b", 2));

        JsonFileStore<Thing> reopened = new JsonFileStore<>(dir, Thing.class);
        assertEquals(Optional.of(new Thing("a", 1)), reopened.read(awkward));
        assertEquals(List.of(awkward, "plain"), reopened.keys());
        try (var files = Files.list(dir)) {
            assertTrue(files.allMatch(f -> f.getParent().equals(dir)), "every file stays inside the folder");
        }
        assertTrue(reopened.delete(awkward));
        assertEquals(List.of(new Thing("b", 2)), reopened.readAll());
    }
}
