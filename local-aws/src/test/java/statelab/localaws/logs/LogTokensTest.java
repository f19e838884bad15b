package statelab.localaws.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import statelab.localaws.edge.AwsException;

class LogTokensTest {

    @Test
    void eventTokensReadBackWhatTheyWrite() {
        LogEventOperations.EventToken forward = new LogEventOperations.EventToken(true, 42);
        assertTrue(forward.text().startsWith("f/"));
        assertEquals(58, forward.text().length());
        assertEquals(forward, LogEventOperations.EventToken.parse(forward.text()));
        assertEquals(new LogEventOperations.EventToken(false, 0),
                LogEventOperations.EventToken.parse(new LogEventOperations.EventToken(false, 0).text()));
    }

    @Test
    void aTokenNotOfOursIsAnInvalidParameter() {
        for (String bad : List.of("", "x/1", "f/", "f/abc", "b/-3")) {
            AwsException e = assertThrows(AwsException.class, () -> LogEventOperations.EventToken.parse(bad), bad);
            assertEquals("InvalidParameterException", e.code());
        }
    }

    @Test
    void namePagesContinueAfterTheLastNameAndOffsetPagesAfterTheLastIndex() {
        List<String> names = List.of("a", "b", "c");
        Pages.Page<String> first = Pages.byName(names, n -> n, null, 2);
        assertEquals(List.of("a", "b"), first.items());
        assertEquals(List.of("c"), Pages.byName(names, n -> n, first.nextToken().orElseThrow(), 2).items());
        Pages.Page<String> byOffset = Pages.byOffset(names, null, 2);
        assertEquals(Optional.empty(), Pages.byOffset(names, byOffset.nextToken().orElseThrow(), 2).nextToken());
    }

    @Test
    void eventIdsAre56DigitsAndDifferPerEvent() {
        StoredEvent one = new StoredEvent(1_700_000_000_000L, 0, "m", 0);
        StoredEvent two = new StoredEvent(1_700_000_000_000L, 0, "m", 1);
        String a = LogEventOperations.eventId("stream", one);
        assertEquals(56, a.length());
        assertTrue(a.matches("\\d{56}"));
        assertTrue(!a.equals(LogEventOperations.eventId("stream", two)));
    }

    @Test
    void streamStatisticsFollowTheEvents() {
        StreamStats stats = StreamStats.EMPTY.plus(new StoredEvent(20, 100, "abc", 0)).plus(new StoredEvent(10, 101, "d", 1));
        assertEquals(10L, stats.firstEventTimestamp());
        assertEquals(20L, stats.lastEventTimestamp());
        assertEquals(101L, stats.lastIngestionTime());
        assertEquals(2, stats.eventCount());
        assertEquals(3 + 1 + 2 * 26, stats.storedBytes());
    }
}
