package statelab.localaws.lambda.runtime;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Lambda's log stream per execution environment: {@code YYYY/MM/DD/[$LATEST]<32 hex>}, dated when it starts. */
public final class LogStreamName {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private LogStreamName() {
    }

    /** @param environmentId 32 hex digits identifying the environment */
    public static String of(Instant created, String environmentId) {
        return DAY.format(created) + "/[$LATEST]" + environmentId;
    }
}
