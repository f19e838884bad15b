package statelab.trade;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One trade as the workshop's generator sends it and as StateTable stores it.
 *
 * <p>Numbers are kept as {@link BigDecimal} so that what a producer wrote is what DynamoDB stores,
 * digit for digit; {@code hierarchyJson} is already canonical (see {@link CanonicalJson}).
 */
public record Trade(String tradeId, BigDecimal value, long version, BigDecimal timestamp, String hierarchyJson) {

    public Trade {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(hierarchyJson, "hierarchyJson");
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, was " + version);
        }
    }
}
