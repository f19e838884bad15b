package statelab.localaws.esm.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A Kinesis sequence number: a decimal string of about 56 digits. Compared as a big integer, because neither a
 * long nor a double can hold one and string order is wrong when lengths differ.
 */
public final class SequenceNumber implements Comparable<SequenceNumber> {
    private final String text;
    private final BigInteger value;

    private SequenceNumber(String text, BigInteger value) {
        this.text = text;
        this.value = value;
    }

    /** @throws IllegalArgumentException when the text is not a non-negative decimal number */
    @JsonCreator
    public static SequenceNumber of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a sequence number: '" + text + "'"));
    }

    /** Empty when the text is not a non-empty string of decimal digits (what a function may send back instead). */
    public static Optional<SequenceNumber> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 128) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(new SequenceNumber(text, new BigInteger(text)));
    }

    @JsonValue
    public String text() {
        return text;
    }

    @Override
    public int compareTo(SequenceNumber other) {
        return value.compareTo(other.value);
    }

    public boolean isAfter(SequenceNumber other) {
        return compareTo(other) > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SequenceNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
