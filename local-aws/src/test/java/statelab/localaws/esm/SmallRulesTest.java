package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.esm.model.StreamArn;
import statelab.localaws.esm.policy.Backoff;
import statelab.localaws.esm.policy.RecordAge;

/** Record age, back-off, sequence numbers and stream ARNs. */
class SmallRulesTest {

    @Test
    void aRecordIsExpiredOnlyWhenStrictlyOlderThanTheMaximumAge() {
        long arrival = 1_000_000L;
        assertFalse(RecordAge.isExpired(arrival, arrival + 60_000, 60));
        assertTrue(RecordAge.isExpired(arrival, arrival + 60_001, 60));
    }

    @Test
    void minusOneMeansRecordsNeverExpire() {
        assertFalse(RecordAge.isExpired(0, Long.MAX_VALUE / 2, -1));
    }

    @Test
    void backOffDoublesFromTheBaseAndStopsAtTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertEquals(Duration.ZERO, backoff.delay(0));
        assertEquals(Duration.ofSeconds(1), backoff.delay(1));
        assertEquals(Duration.ofSeconds(2), backoff.delay(2));
        assertEquals(Duration.ofSeconds(16), backoff.delay(5));
        assertEquals(Duration.ofSeconds(30), backoff.delay(6));
        assertEquals(Duration.ofSeconds(30), backoff.delay(10_000));
    }

    @Test
    void sequenceNumbersCompareAsBigIntegers() {
        SequenceNumber shortOne = SequenceNumber.of("9" + "0".repeat(54));
        SequenceNumber longOne = SequenceNumber.of("1" + "0".repeat(55));
        assertTrue(longOne.isAfter(shortOne));
        List<SequenceNumber> sorted = new ArrayList<>(List.of(longOne, shortOne));
        Collections.sort(sorted);
        assertEquals(List.of(shortOne, longOne), sorted);
        assertEquals(SequenceNumber.of("007"), SequenceNumber.of("7"));
    }

    @Test
    void onlyDecimalDigitsAreSequenceNumbers() {
        assertTrue(SequenceNumber.parse("").isEmpty());
        assertTrue(SequenceNumber.parse("-1").isEmpty());
        assertTrue(SequenceNumber.parse("1e5").isEmpty());
        assertTrue(SequenceNumber.parse(null).isEmpty());
        assertTrue(SequenceNumber.parse("49650000000000000000000000000000000000000000000000000001").isPresent());
    }

    @Test
    void aStreamArnIsTakenApartAndAConsumerArnIsNotAStreamArn() {
        StreamArn arn = StreamArn.parse("arn:aws:kinesis:eu-west-3:123456789012:stream/IncomingDataStream").orElseThrow();
        assertEquals("eu-west-3", arn.region());
        assertEquals("123456789012", arn.accountId());
        assertEquals("IncomingDataStream", arn.streamName());
        assertTrue(StreamArn.parse("arn:aws:kinesis:eu-west-3:123456789012:stream/s/consumer/c:1").isEmpty());
        assertTrue(StreamArn.parse("arn:aws:sqs:eu-west-3:123456789012:queue").isEmpty());
    }
}
