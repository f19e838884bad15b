package statelab.bench;

/**
 * A figure divided by its baseline from the same run. {@code value} is always measured ÷ baseline; {@code meaning}
 * says what the two are and which way is good, e.g. "StateLambda records/s ÷ sequential PutItem records/s (higher is
 * better)".
 */
public record Ratio(String name, double measured, double baseline, double value, String meaning) {

    public static Ratio of(String name, double measured, double baseline, String meaning) {
        if (!(baseline > 0) || Double.isNaN(measured)) {
            throw new IllegalArgumentException(name + ": cannot divide " + measured + " by " + baseline);
        }
        return new Ratio(name, measured, baseline, measured / baseline, meaning);
    }

    /** "2.61x"; two significant decimals below 10, one above. */
    public String text() {
        return Format.times(value);
    }
}
