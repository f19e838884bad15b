package statelab.localaws.esm.policy;

import java.time.Duration;

/**
 * The pause before retrying a batch that failed: exponential from a base, capped (AWS does not document its
 * delay; recorded runs show about 8 tries in 60 s, which doubling from 1 s reproduces). Pure.
 */
public record Backoff(Duration base, Duration max) {

    /** @param failuresInARow 1 after the first failure */
    public Duration delay(int failuresInARow) {
        if (failuresInARow <= 0) {
            return Duration.ZERO;
        }
        long millis = base.toMillis();
        for (int i = 1; i < failuresInARow && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
