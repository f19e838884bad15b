package statelab.handler;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Kinesis events as Lambda sends them: the JSON of kinesis-esm-semantics.md section 1, turned into
 * {@link KinesisEvent} by AWS's own event serializer (the one the Java runtime uses), never built with setters.
 */
final class KinesisEvents {
    static final String SHARD_ID = "shardId-000000000000";
    static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/IncomingDataStream";
    private static final BigInteger FIRST_SEQUENCE_NUMBER =
            new BigInteger("49656998740915620376437497262283590519658290443913986050");
    private static final BigInteger SEQUENCE_STEP = new BigInteger("1180591620717411303424");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final PojoSerializer<KinesisEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(KinesisEvent.class, KinesisEvents.class.getClassLoader());

    private KinesisEvents() {
    }

    /** A fixture from src/test/resources/events. */
    static KinesisEvent load(String name) {
        return EventLoader.loadKinesisEvent("events/" + name);
    }

    /** The sequence number of the record at {@code position} of a stream written by {@link #json}. */
    static String sequenceNumber(int position) {
        return FIRST_SEQUENCE_NUMBER.add(SEQUENCE_STEP.multiply(BigInteger.valueOf(position))).toString();
    }

    /** An event whose records carry these payloads, at stream positions {@code firstPosition}, +1, ... */
    static KinesisEvent of(int firstPosition, List<byte[]> payloads) {
        return SERIALIZER.fromJson(json(firstPosition, payloads));
    }

    static KinesisEvent of(List<byte[]> payloads) {
        return of(0, payloads);
    }

    /** The records of {@code event} from the one with this sequence number on: what the mapping redelivers. */
    static KinesisEvent from(KinesisEvent event, String sequenceNumber) {
        List<KinesisEventRecord> rest = new ArrayList<>();
        boolean found = false;
        for (KinesisEventRecord record : event.getRecords()) {
            found |= record.getKinesis().getSequenceNumber().equals(sequenceNumber);
            if (found) {
                rest.add(record);
            }
        }
        if (!found) {
            throw new AssertionError("no record with sequence number " + sequenceNumber);
        }
        KinesisEvent remainder = new KinesisEvent();
        remainder.setRecords(rest);
        return remainder;
    }

    static String json(int firstPosition, List<byte[]> payloads) {
        ObjectNode event = MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (int i = 0; i < payloads.size(); i++) {
            String sequenceNumber = sequenceNumber(firstPosition + i);
            ObjectNode record = records.addObject();
            ObjectNode kinesis = record.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", sha256Hex(payloads.get(i)));
            kinesis.put("sequenceNumber", sequenceNumber);
            kinesis.put("data", Base64.getEncoder().encodeToString(payloads.get(i)));
            kinesis.put("approximateArrivalTimestamp", 1733300000.123 + (firstPosition + i) / 1000.0);
            record.put("eventSource", "aws:kinesis");
            record.put("eventVersion", "1.0");
            record.put("eventID", SHARD_ID + ":" + sequenceNumber);
            record.put("eventName", "aws:kinesis:record");
            record.put("invokeIdentityArn", "arn:aws:iam::123456789012:role/StateLambdaRole");
            record.put("awsRegion", "us-east-1");
            record.put("eventSourceARN", STREAM_ARN);
        }
        return event.toString();
    }

    // the workshop's generator uses the SHA-256 hex of the message as partition key
    private static String sha256Hex(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
