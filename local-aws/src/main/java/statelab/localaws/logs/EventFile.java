package statelab.localaws.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import statelab.localaws.protocol.Json;

/**
 * A stream's events as JSON lines, appended (never rewritten) and forced to disk once per batch. A line cut
 * short by a crash mid-append is skipped on read, so a kill -9 loses at most the batch being written.
 */
final class EventFile {
    private final Path file;

    EventFile(Path file) {
        this.file = file;
    }

    /** Appends events whose {@code seq} the caller assigned, and fsyncs. */
    void append(List<StoredEvent> events) {
        StringBuilder lines = new StringBuilder();
        for (StoredEvent event : events) {
            ObjectNode line = Json.object().put("t", event.timestamp()).put("i", event.ingestionTime())
                    .put("m", event.message());
            lines.append(line).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            // READ for the last-byte check; writes go at the end explicitly (the caller holds the stream's lock)
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                if (endsMidLine(channel)) {
                    lines.insert(0, '\n');
                }
                ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                long position = channel.size();
                while (bytes.hasRemaining()) {
                    position += channel.write(bytes, position);
                }
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    /** True when a crash left half a line at the end: the next append must start on a line of its own. */
    private static boolean endsMidLine(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size == 0) {
            return false;
        }
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0) != '\n';
    }

    /** Every complete event in file order, numbered from 0. */
    List<StoredEvent> readAll() {
        List<StoredEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                StoredEvent event = parse(line, events.size());
                if (event != null) {
                    events.add(event);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return events;
    }

    private static StoredEvent parse(String line, long seq) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            if (node == null || !node.has("t") || !node.has("m")) {
                return null;
            }
            return new StoredEvent(node.get("t").asLong(), node.path("i").asLong(), node.get("m").asText(), seq);
        } catch (IOException e) {
            return null;
        }
    }
}
