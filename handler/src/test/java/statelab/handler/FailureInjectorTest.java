package statelab.handler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureInjectorTest {

    @Test
    void zeroPercentNeverFailsAndDrawsNoNumber() {
        FailureInjector injector = new FailureInjector(0, () -> {
            throw new AssertionError("no random number needed at 0 %");
        });
        assertFalse(injector.shouldFail());
    }

    @Test
    void aHundredPercentAlwaysFails() {
        assertTrue(new FailureInjector(100, () -> 0.999_999).shouldFail());
        assertTrue(new FailureInjector(100, () -> 0.0).shouldFail());
    }

    @Test
    void failsWhenTheDrawFallsBelowThePercent() {
        assertTrue(new FailureInjector(5, () -> 0.049).shouldFail());
        assertFalse(new FailureInjector(5, () -> 0.05).shouldFail());
    }

    @Test
    void theDefaultRandomSourceFailsAboutThePercent() {
        FailureInjector injector = FailureInjector.withPercent(30);
        int failures = 0;
        for (int i = 0; i < 10_000; i++) {
            failures += injector.shouldFail() ? 1 : 0;
        }
        // 10,000 draws at 30 %: the standard deviation is 46, so 2,700..3,300 is more than six of them
        assertTrue(failures > 2_700 && failures < 3_300, "failures: " + failures);
    }
}
