package statelab.localaws.esm.model;

import java.util.Arrays;
import java.util.Optional;

/** Where a mapping starts reading a shard it has no checkpoint for. */
public enum StartingPosition {
    TRIM_HORIZON, LATEST, AT_TIMESTAMP;

    /** The enum set in the order AWS's validation message lists it. */
    public static final String VALUE_SET = "[LATEST, AT_TIMESTAMP, TRIM_HORIZON]";

    public static Optional<StartingPosition> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.name().equals(text)).findFirst();
    }
}
