package statelab.localaws.esm.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ARN of a Kinesis data stream, {@code arn:aws:kinesis:<region>:<account>:stream/<name>}, taken apart. */
public record StreamArn(String arn, String partition, String region, String accountId, String streamName) {
    private static final Pattern STREAM = Pattern.compile(
            "arn:(aws[a-zA-Z-]*):kinesis:([a-z0-9-]+):(\\d{12}):stream/([a-zA-Z0-9_.-]{1,128})");

    /** Empty when the text is not a stream ARN (a consumer ARN, another service, garbage). */
    public static Optional<StreamArn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = STREAM.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new StreamArn(text, m.group(1), m.group(2), m.group(3), m.group(4)));
    }

    @Override
    public String toString() {
        return arn;
    }
}
