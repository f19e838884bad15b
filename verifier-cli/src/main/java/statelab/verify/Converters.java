package statelab.verify;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters whose messages say what a valid value looks like. */
final class Converters {
    private Converters() {
    }

    /** A whole number of records: digits only (ranges are checked with the other options). */
    static final class Count implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String text = value.strip();
            if (!text.matches("-?\\d{1,10}")) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            long number = Long.parseLong(text);
            if (number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
                throw new TypeConversionException("'" + value + "' is too large");
            }
            return (int) number;
        }
    }

    /** A seed: any whole number that fits in 64 bits. */
    static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number (a seed is a 64-bit integer)");
            }
        }
    }

    /** {@code 120} (seconds), {@code 90s}, {@code 5m}, {@code 1500ms}; more than zero. */
    static final class Timeout implements ITypeConverter<Duration> {
        private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)?");

        @Override
        public Duration convert(String value) {
            Matcher matcher = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new TypeConversionException("'" + value + "' is not a duration (examples: 120, 90s, 5m)");
            }
            long amount = Long.parseLong(matcher.group(1));
            String unit = matcher.group(2) == null ? "s" : matcher.group(2);
            Duration duration = switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofSeconds(amount);
            };
            if (duration.isZero()) {
                throw new TypeConversionException("'" + value + "' is zero: give the lab some time (e.g. 120s)");
            }
            return duration;
        }
    }
}
