package statelab.bench;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Kinesis events as the event source mapping hands them to the function: one shard per event, each record with its
 * event ID ({@code <shard>:<sequence number>}), sequence number, partition key and data.
 */
final class KinesisEvents {
    static final String REGION = "us-east-1";
    static final String SYNTHETIC_STREAM_ARN = "arn:aws:kinesis:us-east-1:000000000000:stream/BenchStream";
    static final String SYNTHETIC_SHARD = "shardId-000000000000";
    private static final BigInteger FIRST_SEQUENCE_NUMBER =
            new BigInteger("49656998740915620376437497262283590519658290443913986050");
    private static final BigInteger SEQUENCE_STEP = new BigInteger("1180591620717411303424");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One record of an event. */
    record EventRecord(String sequenceNumber, String partitionKey, byte[] data, Instant arrival) {
    }

    private KinesisEvents() {
    }

    /** A stream position's sequence number, for events that never went through Kinesis. */
    static String syntheticSequenceNumber(long position) {
        return FIRST_SEQUENCE_NUMBER.add(SEQUENCE_STEP.multiply(BigInteger.valueOf(position))).toString();
    }

    static KinesisEvent of(String streamArn, String shardId, List<EventRecord> records) {
        List<KinesisEventRecord> eventRecords = new ArrayList<>(records.size());
        for (EventRecord record : records) {
            KinesisEvent.Record kinesis = new KinesisEvent.Record();
            kinesis.setKinesisSchemaVersion("1.0");
            kinesis.setSequenceNumber(record.sequenceNumber());
            kinesis.setPartitionKey(record.partitionKey());
            kinesis.setData(ByteBuffer.wrap(record.data()));
            kinesis.setApproximateArrivalTimestamp(Date.from(record.arrival()));
            KinesisEventRecord eventRecord = new KinesisEventRecord();
            eventRecord.setKinesis(kinesis);
            eventRecord.setEventSource("aws:kinesis");
            eventRecord.setEventVersion("1.0");
            eventRecord.setEventID(shardId + ":" + record.sequenceNumber());
            eventRecord.setEventName("aws:kinesis:record");
            eventRecord.setInvokeIdentityArn("arn:aws:iam::000000000000:role/StateLambdaRole");
            eventRecord.setAwsRegion(REGION);
            eventRecord.setEventSourceARN(streamArn);
            eventRecords.add(eventRecord);
        }
        KinesisEvent event = new KinesisEvent();
        event.setRecords(eventRecords);
        return event;
    }

    /** The same event as the JSON Lambda sends, for an Invoke through local-aws. */
    static String json(String streamArn, String shardId, List<EventRecord> records) {
        ObjectNode event = MAPPER.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (EventRecord record : records) {
            ObjectNode item = array.addObject();
            ObjectNode kinesis = item.putObject("kinesis");
            kinesis.put("kinesisSchemaVersion", "1.0");
            kinesis.put("partitionKey", record.partitionKey());
            kinesis.put("sequenceNumber", record.sequenceNumber());
            kinesis.put("data", Base64.getEncoder().encodeToString(record.data()));
            kinesis.put("approximateArrivalTimestamp", record.arrival().toEpochMilli() / 1000.0);
            item.put("eventSource", "aws:kinesis");
            item.put("eventVersion", "1.0");
            item.put("eventID", shardId + ":" + record.sequenceNumber());
            item.put("eventName", "aws:kinesis:record");
            item.put("invokeIdentityArn", "arn:aws:iam::000000000000:role/StateLambdaRole");
            item.put("awsRegion", REGION);
            item.put("eventSourceARN", streamArn);
        }
        return event.toString();
    }
}
