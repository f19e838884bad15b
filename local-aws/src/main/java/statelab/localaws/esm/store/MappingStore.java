package statelab.localaws.esm.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import statelab.localaws.esm.model.Mapping;
import statelab.localaws.store.JsonFileStore;

/** Every event source mapping, one JSON file each, written atomically: they survive a restart of local-aws. */
public final class MappingStore {
    private final JsonFileStore<Mapping> files;

    public MappingStore(Path folder) {
        this.files = new JsonFileStore<>(folder, Mapping.class);
    }

    public Optional<Mapping> read(String uuid) {
        return files.read(uuid);
    }

    public void write(Mapping mapping) {
        files.write(mapping.uuid(), mapping);
    }

    public void delete(String uuid) {
        files.delete(uuid);
    }

    public List<Mapping> readAll() {
        return files.readAll();
    }
}
