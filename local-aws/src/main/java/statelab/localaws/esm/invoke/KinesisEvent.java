package statelab.localaws.esm.invoke;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import statelab.localaws.esm.model.StreamArn;
import statelab.localaws.esm.reader.StreamRecord;
import statelab.localaws.protocol.Json;

/**
 * The event Lambda sends a function for a Kinesis batch (kinesis-esm-semantics.md §1), byte for byte: each
 * record is serialized once, in AWS's field order, and an event is the records joined in
 * {@code {"Records":[...]}}, so that its exact size is known before it is sent (the 6 MB limit).
 */
public final class KinesisEvent {
    /** The synchronous invocation payload limit: 6 MiB (the runtime emulator allows 100 bytes more). */
    public static final long MAX_PAYLOAD_BYTES = 6L * 1024 * 1024;

    private static final byte[] OPEN = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.UTF_8);

    private KinesisEvent() {
    }

    /** One record of the event, as JSON bytes. */
    public static byte[] serialize(StreamRecord record, StreamArn stream, String roleArn) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(record.data().length * 4 / 3 + 600);
        try (JsonGenerator json = Json.MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeObjectFieldStart("kinesis");
            json.writeStringField("kinesisSchemaVersion", "1.0");
            json.writeStringField("partitionKey", record.partitionKey());
            json.writeStringField("sequenceNumber", record.sequenceNumber().text());
            json.writeStringField("data", Base64.getEncoder().encodeToString(record.data()));
            json.writeFieldName("approximateArrivalTimestamp");
            json.writeNumber(epochSeconds(record.arrivalMillis()));
            json.writeEndObject();
            json.writeStringField("eventSource", "aws:kinesis");
            json.writeStringField("eventVersion", "1.0");
            json.writeStringField("eventID", record.shardId() + ":" + record.sequenceNumber().text());
            json.writeStringField("eventName", "aws:kinesis:record");
            json.writeStringField("invokeIdentityArn", roleArn);
            json.writeStringField("awsRegion", stream.region());
            json.writeStringField("eventSourceARN", stream.arn());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The event of these serialized records. */
    public static byte[] assemble(List<byte[]> records) {
        byte[] event = new byte[Math.toIntExact(sizeOf(records))];
        System.arraycopy(OPEN, 0, event, 0, OPEN.length);
        int at = OPEN.length;
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                event[at++] = ',';
            }
            byte[] record = records.get(i);
            System.arraycopy(record, 0, event, at, record.length);
            at += record.length;
        }
        System.arraycopy(CLOSE, 0, event, at, CLOSE.length);
        return event;
    }

    /** The size of the event of these serialized records. */
    public static long sizeOf(List<byte[]> records) {
        long size = OPEN.length + CLOSE.length + Math.max(0, records.size() - 1);
        for (byte[] record : records) {
            size += record.length;
        }
        return size;
    }

    /**
     * How many of these records, from the first, make an event of at most {@code maxRecords} records and
     * {@code maxBytes} bytes; at least 1 when there is any (a record too big alone is the caller's problem).
     */
    public static int howManyFit(List<byte[]> records, int maxRecords, long maxBytes) {
        long size = OPEN.length + CLOSE.length;
        int count = 0;
        for (byte[] record : records) {
            if (count == maxRecords) {
                break;
            }
            long grown = size + record.length + (count > 0 ? 1 : 0);
            if (count > 0 && grown > maxBytes) {
                break;
            }
            size = grown;
            count++;
        }
        return count;
    }

    /**
     * Epoch seconds with the milliseconds as a fraction, as AWS writes {@code approximateArrivalTimestamp} and
     * {@code LastModified}: {@code 1733300000.123}, {@code 1733300000.1}, {@code 1733300000.0}.
     */
    public static String epochSeconds(long epochMillis) {
        BigDecimal seconds = BigDecimal.valueOf(epochMillis, 3).stripTrailingZeros();
        if (seconds.scale() < 1) {
            seconds = seconds.setScale(1);
        }
        return seconds.toPlainString();
    }
}
