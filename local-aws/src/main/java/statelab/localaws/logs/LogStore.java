package statelab.localaws.logs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import statelab.localaws.store.JsonFileStore;
import statelab.localaws.store.KeyCodec;

/**
 * CloudWatch Logs' state under the data folder: groups and streams as small JSON files (JsonFileStore),
 * events as one append-only JSON-lines file per stream ({@link EventFile}). Per-stream statistics are
 * derived from the events once and kept in memory. Structure changes (groups, streams) take one lock;
 * appends to different streams run in parallel.
 */
final class LogStore {
    private final Path folder;
    private final JsonFileStore<LogGroupRecord> groups;
    private final Map<String, JsonFileStore<LogStreamRecord>> streamStores = new ConcurrentHashMap<>();
    private final Map<String, StreamStats> stats = new ConcurrentHashMap<>();
    private final Map<String, Object> streamLocks = new ConcurrentHashMap<>();
    private final Object structure = new Object();

    LogStore(Path folder) {
        this.folder = folder;
        this.groups = new JsonFileStore<>(folder.resolve("groups"), LogGroupRecord.class);
    }

    Object structureLock() {
        return structure;
    }

    Optional<LogGroupRecord> group(String name) {
        return groups.read(name);
    }

    LogGroupRecord requireGroup(String name) {
        return group(name).orElseThrow(() -> LogsErrors.notFound("The specified log group does not exist."));
    }

    List<LogGroupRecord> groups() {
        return groups.readAll();
    }

    void saveGroup(LogGroupRecord group) {
        groups.write(group.name(), group);
    }

    /** Deletes a group with all its streams and events. */
    void deleteGroup(String name) {
        synchronized (structure) {
            groups.delete(name);
            streamStores.remove(name);
            stats.keySet().removeIf(key -> key.startsWith(name + '\u0000'));
            deleteTree(streamFolder(name));
            deleteTree(eventFolder(name));
        }
    }

    Optional<LogStreamRecord> stream(String group, String stream) {
        return streams(group).read(stream);
    }

    LogStreamRecord requireStream(String group, String stream) {
        return stream(group, stream).orElseThrow(() -> LogsErrors.notFound("The specified log stream does not exist."));
    }

    List<LogStreamRecord> streamsOf(String group) {
        return streams(group).readAll();
    }

    void saveStream(String group, LogStreamRecord stream) {
        streams(group).write(stream.name(), stream);
    }

    void deleteStream(String group, String stream) {
        synchronized (lockOf(group, stream)) {
            streams(group).delete(stream);
            stats.remove(key(group, stream));
            try {
                Files.deleteIfExists(eventFile(group, stream));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Appends events (seq numbers are assigned here) and returns the stream's statistics after them. */
    StreamStats append(String group, String stream, List<StoredEvent> events) {
        synchronized (lockOf(group, stream)) {
            StreamStats current = statsOf(group, stream);
            List<StoredEvent> numbered = new ArrayList<>(events.size());
            long seq = current.eventCount();
            for (StoredEvent event : events) {
                StoredEvent withSeq = new StoredEvent(event.timestamp(), event.ingestionTime(), event.message(), seq++);
                numbered.add(withSeq);
                current = current.plus(withSeq);
            }
            new EventFile(eventFile(group, stream)).append(numbered);
            stats.put(key(group, stream), current);
            return current;
        }
    }

    /** The stream's events ordered by timestamp (then by arrival). */
    List<StoredEvent> events(String group, String stream) {
        List<StoredEvent> events;
        synchronized (lockOf(group, stream)) {
            events = new EventFile(eventFile(group, stream)).readAll();
        }
        events.sort(Comparator.comparingLong(StoredEvent::timestamp).thenComparingLong(StoredEvent::seq));
        return events;
    }

    StreamStats statsOf(String group, String stream) {
        return stats.computeIfAbsent(key(group, stream), k -> {
            StreamStats computed = StreamStats.EMPTY;
            for (StoredEvent event : new EventFile(eventFile(group, stream)).readAll()) {
                computed = computed.plus(event);
            }
            return computed;
        });
    }

    /** Bytes of all events of a group (DescribeLogGroups' storedBytes). */
    long storedBytes(String group) {
        return streamsOf(group).stream().mapToLong(s -> statsOf(group, s.name()).storedBytes()).sum();
    }

    private JsonFileStore<LogStreamRecord> streams(String group) {
        return streamStores.computeIfAbsent(group, g -> new JsonFileStore<>(streamFolder(g), LogStreamRecord.class));
    }

    private Object lockOf(String group, String stream) {
        return streamLocks.computeIfAbsent(key(group, stream), k -> new Object());
    }

    private static String key(String group, String stream) {
        return group + '\u0000' + stream;
    }

    private Path streamFolder(String group) {
        return folder.resolve("streams").resolve(KeyCodec.encode(group));
    }

    private Path eventFolder(String group) {
        return folder.resolve("events").resolve(KeyCodec.encode(group));
    }

    private Path eventFile(String group, String stream) {
        return eventFolder(group).resolve(KeyCodec.encode(stream) + ".jsonl");
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
