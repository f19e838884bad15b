package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import statelab.localaws.esm.invoke.KinesisEvent;
import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.esm.model.StreamArn;
import statelab.localaws.esm.reader.StreamRecord;

class KinesisEventTest {
    private static final StreamArn STREAM = StreamArn.parse("arn:aws:kinesis:us-east-1:123456789012:stream/orders").orElseThrow();
    private static final String ROLE = "arn:aws:iam::123456789012:role/fn-role";

    private static StreamRecord record(String sequence, String key, byte[] data, long arrivalMillis) {
        return new StreamRecord("shardId-000000000000", SequenceNumber.of(sequence), key, data, arrivalMillis);
    }

    private static byte[] golden() throws IOException {
        try (InputStream in = KinesisEventTest.class.getResourceAsStream("/esm/kinesis-event-two-records.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void theEventMatchesAwsByteForByteFieldOrderBase64AndEpochSeconds() throws IOException {
        List<byte[]> records = List.of(
                KinesisEvent.serialize(record("49650000000000000000000000000000000000000000000000000001", "user-42",
                        "hello".getBytes(StandardCharsets.UTF_8), 1_733_300_000_123L), STREAM, ROLE),
                KinesisEvent.serialize(record("49650000000000000000000000000000000000000000000000000002",
                        "k \"quoted\" é", new byte[] {0, (byte) 0xff}, 1_733_300_001_000L), STREAM, ROLE));
        byte[] event = KinesisEvent.assemble(records);
        assertEquals(new String(golden(), StandardCharsets.UTF_8), new String(event, StandardCharsets.UTF_8));
        assertEquals(event.length, KinesisEvent.sizeOf(records));
    }

    @Test
    void epochSecondsKeepTheMillisecondsAsAFractionAndNeverUseAnExponent() {
        assertEquals("1733300000.123", KinesisEvent.epochSeconds(1_733_300_000_123L));
        assertEquals("1733300000.1", KinesisEvent.epochSeconds(1_733_300_000_100L));
        assertEquals("1733300000.0", KinesisEvent.epochSeconds(1_733_300_000_000L));
        assertEquals("0.001", KinesisEvent.epochSeconds(1));
    }

    @Test
    void anEmptyEventIsJustTheEnvelope() {
        assertEquals("{\"Records\":[]}", new String(KinesisEvent.assemble(List.of()), StandardCharsets.UTF_8));
    }

    @Test
    void batchesAreCutByRecordCountFirst() {
        List<byte[]> records = Collections.nCopies(10, new byte[100]);
        assertEquals(3, KinesisEvent.howManyFit(records, 3, KinesisEvent.MAX_PAYLOAD_BYTES));
        assertEquals(10, KinesisEvent.howManyFit(records, 10_000, KinesisEvent.MAX_PAYLOAD_BYTES));
    }

    @Test
    void batchesAreCutSoThatTheSerializedEventFitsSixMebibytes() {
        // 1 MiB of data is about 1.33 MiB once base64-encoded in the event: four fit, five do not
        byte[] mebibyte = new byte[1024 * 1024];
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(KinesisEvent.serialize(record(Integer.toString(i + 1), "k" + i, mebibyte, 1000L), STREAM, ROLE));
        }
        int fit = KinesisEvent.howManyFit(records, 100, KinesisEvent.MAX_PAYLOAD_BYTES);
        assertEquals(4, fit);
        assertTrue(KinesisEvent.sizeOf(records.subList(0, fit)) <= KinesisEvent.MAX_PAYLOAD_BYTES);
        assertTrue(KinesisEvent.sizeOf(records.subList(0, fit + 1)) > KinesisEvent.MAX_PAYLOAD_BYTES);
        assertEquals(KinesisEvent.sizeOf(records.subList(0, fit)), KinesisEvent.assemble(records.subList(0, fit)).length);
    }

    @Test
    void theLimitIsMeasuredOnTheEventIncludingEnvelopeAndCommas() {
        byte[] ten = new byte[10];
        long exactlyTwo = "{\"Records\":[".length() + 10 + 1 + 10 + "]}".length();
        assertEquals(2, KinesisEvent.howManyFit(List.of(ten, ten, ten), 100, exactlyTwo));
        assertEquals(1, KinesisEvent.howManyFit(List.of(ten, ten, ten), 100, exactlyTwo - 1));
    }

    @Test
    void aRecordTooBigAloneStillMakesABatchOfOneForTheInvokerToRefuse() {
        assertEquals(1, KinesisEvent.howManyFit(List.of(new byte[100]), 100, 10));
    }
}
