package statelab.localaws.lambda.function;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The runtimes local-aws can run: Java only, on a host JVM (see the Setting LAMBDA_JAVA / LAMBDA_JAVA21). */
public enum SupportedRuntime {
    JAVA17("java17"),
    JAVA21("java21");

    private final String id;

    SupportedRuntime(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** {@code AWS_EXECUTION_ENV} as Lambda sets it, e.g. {@code AWS_Lambda_java21}. */
    public String executionEnv() {
        return "AWS_Lambda_" + id;
    }

    public static Optional<SupportedRuntime> of(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    public static String listed() {
        return Arrays.stream(values()).map(SupportedRuntime::id).collect(Collectors.joining(", "));
    }
}
