package statelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunFigureTest {

    static String resource(String name) throws IOException {
        try (InputStream in = RunFigureTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsThroughputLatencyAndPutRateFromVerifyLabsJsonReport() throws IOException {
        RunFigure figure = RunFigure.fromVerifyLab("cold", resource("verify-lab-pass.json"));

        assertEquals(2000, figure.trades());
        assertEquals(135.724, figure.tradesPerSecond(), 1e-9);
        assertEquals(14.736, figure.seconds(), 1e-9);
        assertEquals(9.542, figure.p50Seconds(), 1e-9);
        assertEquals(11.242, figure.p95Seconds(), 1e-9);
        assertEquals(11.519, figure.p99Seconds(), 1e-9);
        assertEquals(11.639, figure.maxSeconds(), 1e-9);
        assertEquals(3.095, figure.putSeconds(), 1e-9);
        assertEquals(646.21, figure.putRecordsPerSecond(), 1e-9);
    }

    @Test
    void aFailedRunIsNoFigure() throws IOException {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> RunFigure.fromVerifyLab("warm", resource("verify-lab-fail.json")));

        assertTrue(refused.getMessage().contains("did not pass (fail)"), refused.getMessage());
        assertTrue(refused.getMessage().contains("missing 200 of 200"), refused.getMessage());
    }

    @Test
    void noJsonAtAllIsSaidSo() {
        assertThrows(RuntimeException.class, () -> RunFigure.fromVerifyLab("warm", "verify-lab: preflight failed"));
        assertThrows(IllegalStateException.class, () -> RunFigure.fromVerifyLab("warm", ""));
    }

    @Test
    void theDirectPathsLatencyIsPerRecordAndItsThroughputOverTheWholeWindow() {
        List<Double> latencies = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            latencies.add(i * 10.0);
        }
        RunFigure figure = RunFigure.fromDirectPath("direct", new DirectPathWorker.Samples(100, 4.0, 1.0, latencies, 2, 120.0));

        assertEquals(25.0, figure.tradesPerSecond(), 1e-9);
        assertEquals(0.5, figure.p50Seconds(), 1e-9);
        assertEquals(0.99, figure.p99Seconds(), 1e-9);
        assertEquals(100.0, figure.putRecordsPerSecond(), 1e-9);
    }
}
