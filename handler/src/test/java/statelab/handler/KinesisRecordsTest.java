package statelab.handler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KinesisRecordsTest {

    @Test
    void readsShardSequenceNumberAndDataFromARealEvent() {
        KinesisEventRecord record = KinesisEvents.load("single-trade.json").getRecords().get(0);
        assertEquals("shardId-000000000000", KinesisRecords.shardId(record));
        assertEquals("49656998740915620376437497262283590519658290443913986050", KinesisRecords.sequenceNumber(record));
        String data = new String(KinesisRecords.data(record), StandardCharsets.UTF_8);
        assertTrue(data.startsWith("{\"TradeID\": \"0b0e7c6e-3f5e-4d0c-9d52-8a0f3c1e2b11\""), data);
    }

    @Test
    void readingTheDataLeavesTheBufferReadable() {
        KinesisEventRecord record = KinesisEvents.load("single-trade.json").getRecords().get(0);
        byte[] first = KinesisRecords.data(record);
        assertArrayEquals(first, KinesisRecords.data(record));
    }

    @Test
    void toleratesAHandMadeEventWithGaps() {
        KinesisEvent empty = new KinesisEvent();
        assertEquals(List.of(), KinesisRecords.of(empty));
        assertEquals(List.of(), KinesisRecords.of(null));
        assertNull(KinesisRecords.shardId(List.of()));

        KinesisEventRecord bare = new KinesisEventRecord();
        assertNull(KinesisRecords.shardId(bare));
        assertNull(KinesisRecords.sequenceNumber(bare));
        assertArrayEquals(new byte[0], KinesisRecords.data(bare));
        bare.setEventID("shardId-000000000007");
        assertEquals("shardId-000000000007", KinesisRecords.shardId(bare));
    }
}
