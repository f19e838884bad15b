package statelab.handler;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Makes a chosen share of invocations fail before they write anything, as the workshop's generator does to its
 * state function (about 5 %), to prove the pipeline still ends in the right state. Off (0 %) by default.
 */
final class FailureInjector {
    private final int percent;
    private final DoubleSupplier uniform;

    /** @param uniform numbers in [0, 1); tests pass fixed ones */
    FailureInjector(int percent, DoubleSupplier uniform) {
        this.percent = percent;
        this.uniform = uniform;
    }

    static FailureInjector withPercent(int percent) {
        return new FailureInjector(percent, () -> ThreadLocalRandom.current().nextDouble());
    }

    int percent() {
        return percent;
    }

    boolean shouldFail() {
        // 0 never draws a number; 100 always fails because uniform values are below 1
        return percent > 0 && uniform.getAsDouble() * 100 < percent;
    }
}
