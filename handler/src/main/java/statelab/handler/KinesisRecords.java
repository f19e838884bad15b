package statelab.handler;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import java.nio.ByteBuffer;
import java.util.List;

/** Reads what the handler needs from Lambda's Kinesis event classes, tolerating the gaps of a hand-made event. */
final class KinesisRecords {
    private KinesisRecords() {
    }

    static List<KinesisEventRecord> of(KinesisEvent event) {
        return event == null || event.getRecords() == null ? List.of() : event.getRecords();
    }

    /** The shard id: the part of {@code eventID} ("shardId-000000000000:4965...") before the colon. */
    static String shardId(KinesisEventRecord record) {
        String eventId = record.getEventID();
        if (eventId == null) {
            return null;
        }
        int colon = eventId.indexOf(':');
        return colon < 0 ? eventId : eventId.substring(0, colon);
    }

    /** The shard of a batch, taken from its first record: Lambda never mixes shards in one event. */
    static String shardId(List<KinesisEventRecord> records) {
        return records.isEmpty() ? null : shardId(records.get(0));
    }

    static String sequenceNumber(KinesisEventRecord record) {
        return record.getKinesis() == null ? null : record.getKinesis().getSequenceNumber();
    }

    /** The record's bytes, read without moving the buffer's position (the event stays readable). */
    static byte[] data(KinesisEventRecord record) {
        ByteBuffer data = record.getKinesis() == null ? null : record.getKinesis().getData();
        if (data == null) {
            return new byte[0];
        }
        ByteBuffer view = data.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }
}
