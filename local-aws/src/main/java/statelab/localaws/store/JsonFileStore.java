package statelab.localaws.store;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import statelab.localaws.protocol.Json;

/**
 * Keeps one kind of record as one JSON file per key in a folder of the data directory, written atomically
 * (temporary file, fsync, rename) so that a kill -9 at any moment leaves either the old or the new version,
 * never half a file. Keys are encoded so that any name is a safe file name.
 */
public final class JsonFileStore<T> {
    private final Path folder;
    private final JavaType type;

    public JsonFileStore(Path folder, Class<T> type) {
        this.folder = folder;
        this.type = Json.MAPPER.constructType(type);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data folder " + folder, e);
        }
    }

    public Path folder() {
        return folder;
    }

    public Optional<T> read(String key) {
        Path file = fileOf(key);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public void write(String key, T value) {
        Path file = fileOf(key);
        Path temp = folder.resolve("." + file.getFileName() + ".tmp");
        try {
            Files.write(temp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(fileOf(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + fileOf(key), e);
        }
    }

    /** Every stored record, in file-name order. */
    public List<T> readAll() {
        List<T> all = new ArrayList<>();
        for (String key : keys()) {
            read(key).ifPresent(all::add);
        }
        return all;
    }

    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                keys.add(KeyCodec.decode(name.substring(0, name.length() - ".json".length())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        keys.sort(null);
        return keys;
    }

    private Path fileOf(String key) {
        return folder.resolve(KeyCodec.encode(key) + ".json");
    }
}
