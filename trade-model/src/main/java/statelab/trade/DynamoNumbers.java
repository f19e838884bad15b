package statelab.trade;

import java.math.BigDecimal;

/**
 * DynamoDB's number type: at most 38 significant digits, magnitude between 1E-130 and 1E126 (exclusive),
 * or zero. A number outside it is refused by DynamoDB with a ValidationException that no retry can cure,
 * so it is caught here as a bad record instead.
 */
public final class DynamoNumbers {
    private DynamoNumbers() {
    }

    public static final int MAX_PRECISION = 38;
    public static final int MIN_EXPONENT = -130;
    public static final int MAX_EXPONENT = 125;

    /** @return null when DynamoDB can store the number, otherwise why not (to follow the field's name) */
    public static String problemWith(BigDecimal number) {
        if (number.signum() == 0) {
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (stripped.precision() > MAX_PRECISION) {
            return "has more than " + MAX_PRECISION + " significant digits";
        }
        // the power of ten of the leading digit
        long exponent = (long) stripped.precision() - stripped.scale() - 1;
        if (exponent > MAX_EXPONENT || exponent < MIN_EXPONENT) {
            return "is outside DynamoDB's number range (1E-130 to 1E126)";
        }
        return null;
    }
}
