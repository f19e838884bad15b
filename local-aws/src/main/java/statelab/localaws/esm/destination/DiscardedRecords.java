package statelab.localaws.esm.destination;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import statelab.localaws.esm.invoke.BatchRecord;
import statelab.localaws.esm.invoke.KinesisEvent;
import statelab.localaws.esm.reader.StreamRecord;
import statelab.localaws.protocol.Json;

/**
 * Where records a mapping gives up go: always one structured JSON line in the local-aws log (mapping, shard,
 * first and last sequence number, count, reason), and, when the mapping has an on-failure destination, AWS's
 * failure record appended to {@code <data>/esm/on-failure/<destination>.jsonl}.
 *
 * <p>Why a file and not the destination: local-aws emulates neither SQS, SNS nor S3, so there is no queue, topic
 * or bucket to deliver to. Refusing the option would make Terraform that declares a destination unusable
 * locally and hide the failure record; writing the exact record AWS would send to a file named after the
 * destination keeps it observable. local-aws/README.md says so in its "Not emulated" section.
 */
public final class DiscardedRecords {
    private static final System.Logger LOG = System.getLogger(DiscardedRecords.class.getName());

    private final Path folder;

    /** @param folder where destination files are written ({@code <data>/esm/on-failure}) */
    public DiscardedRecords(Path folder) {
        this.folder = folder;
    }

    /** What the worker knows about a discard. */
    public record Discard(String mappingUuid, String functionArn, String streamArn, String destination,
            String condition, int invokeCount, String functionError, List<BatchRecord> records) {
    }

    /** The file an on-failure destination's records go to. */
    public Path fileOf(String destination) {
        StringBuilder name = new StringBuilder();
        for (char c : destination.toCharArray()) {
            name.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' ? c : '_');
        }
        return folder.resolve(name + ".jsonl");
    }

    public void report(Discard discard, long nowMillis) {
        List<StreamRecord> records = discard.records().stream().map(BatchRecord::record).toList();
        StreamRecord first = records.get(0);
        ObjectNode line = Json.object();
        line.put("event", "esm_records_discarded");
        line.put("mapping", discard.mappingUuid());
        line.put("functionArn", discard.functionArn());
        line.put("stream", discard.streamArn());
        line.put("shard", first.shardId());
        line.put("firstSequenceNumber", first.sequenceNumber().text());
        line.put("lastSequenceNumber", records.get(records.size() - 1).sequenceNumber().text());
        line.put("count", records.size());
        line.put("reason", discard.condition());
        line.put("approximateInvokeCount", discard.invokeCount());
        if (discard.functionError() != null) {
            line.put("functionError", discard.functionError());
        }
        if (discard.destination() != null) {
            line.put("destination", discard.destination());
            line.put("destinationFile", fileOf(discard.destination()).toString());
        }
        LOG.log(System.Logger.Level.WARNING, line.toString());
        if (discard.destination() != null) {
            ObjectNode failure = FailureRecord.of(discard.condition(), UUID.randomUUID().toString(),
                    discard.functionArn(), discard.invokeCount(), discard.functionError(), discard.streamArn(),
                    records, nowMillis);
            if (discard.destination().startsWith("arn:aws:s3:") || discard.destination().contains(":s3:::")) {
                failure.set("payload", event(discard.records()));
            }
            append(fileOf(discard.destination()), failure);
        }
    }

    private static JsonNode event(List<BatchRecord> records) {
        try {
            return Json.MAPPER.readTree(KinesisEvent.assemble(records.stream().map(BatchRecord::json).toList()));
        } catch (IOException e) {
            throw new IllegalStateException("the event we built is not JSON", e);
        }
    }

    private synchronized void append(Path file, ObjectNode failure) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write((failure.toString() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot write the failure record to " + file + ": " + e.getMessage());
        }
    }
}
