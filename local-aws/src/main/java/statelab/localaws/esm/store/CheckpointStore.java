package statelab.localaws.esm.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import statelab.localaws.store.JsonFileStore;

/** The checkpoints of every mapping, one file per mapping and shard, written atomically. Thread-safe. */
public final class CheckpointStore {
    private final JsonFileStore<ShardCheckpoint> files;

    public CheckpointStore(Path folder) {
        this.files = new JsonFileStore<>(folder, ShardCheckpoint.class);
    }

    public Optional<ShardCheckpoint> read(String mappingUuid, String shardId) {
        return files.read(key(mappingUuid, shardId));
    }

    public void write(ShardCheckpoint checkpoint) {
        files.write(key(checkpoint.mappingUuid(), checkpoint.shardId()), checkpoint);
    }

    public List<ShardCheckpoint> readAll(String mappingUuid) {
        return files.keys().stream().filter(k -> k.startsWith(mappingUuid + "/"))
                .flatMap(k -> files.read(k).stream()).toList();
    }

    public void deleteAll(String mappingUuid) {
        for (String key : files.keys()) {
            if (key.startsWith(mappingUuid + "/")) {
                files.delete(key);
            }
        }
    }

    /** Removes the checkpoints of mappings that no longer exist (a delete interrupted by a kill). */
    public void deleteAllExcept(java.util.Set<String> mappingUuids) {
        for (String key : files.keys()) {
            int slash = key.indexOf('/');
            if (slash < 0 || !mappingUuids.contains(key.substring(0, slash))) {
                files.delete(key);
            }
        }
    }

    private static String key(String mappingUuid, String shardId) {
        return mappingUuid + "/" + shardId;
    }
}
