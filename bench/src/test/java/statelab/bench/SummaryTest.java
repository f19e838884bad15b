package statelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void nearestRankPercentilesOfOneToOneHundred() {
        Summary summary = Summary.of(IntStream.rangeClosed(1, 100).mapToDouble(i -> 101 - i).toArray());

        assertEquals(100, summary.count());
        assertEquals(50.5, summary.mean(), 1e-9);
        assertEquals(1, summary.min());
        assertEquals(50, summary.p50());
        assertEquals(95, summary.p95());
        assertEquals(99, summary.p99());
        assertEquals(100, summary.max());
    }

    @Test
    void withFewerThanOneHundredSamplesTheP99IsTheLargest() {
        Summary summary = Summary.of(List.of(3.0, 1.0, 2.0));

        assertEquals(2, summary.p50());
        assertEquals(3, summary.p99());
        assertEquals(3, summary.max());
    }

    @Test
    void oneSampleIsEveryPercentile() {
        Summary summary = Summary.of(List.of(7.0));

        assertEquals(7, summary.min());
        assertEquals(7, summary.p50());
        assertEquals(7, summary.p99());
    }

    @Test
    void noSamplesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Summary.of(new double[0]));
    }
}
