package statelab.localaws.edge;

/**
 * An error as AWS reports it: an HTTP status, an error code ({@code ResourceNotFoundException},
 * {@code NoSuchEntity}, ...) and a message. Protocol-neutral: each protocol renders it in its own shape
 * ({@code __type}/{@code message} for JSON, {@code x-amzn-ErrorType} for rest-json, {@code <ErrorResponse>}
 * for query). Throw it from any operation; never let a user mistake become a 500 with a stack trace.
 */
public class AwsException extends RuntimeException {
    private final int status;
    private final String code;
    private final boolean senderFault;

    public AwsException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.senderFault = status < 500;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** True for a client mistake ("Sender"/"User"), false for a service fault. */
    public boolean senderFault() {
        return senderFault;
    }

    public static AwsException validation(String message) {
        return new AwsException(400, "ValidationException", message);
    }

    public static AwsException invalidParameter(String message) {
        return new AwsException(400, "InvalidParameterValueException", message);
    }

    public static AwsException notFound(String code, String message) {
        return new AwsException(404, code, message);
    }

    public static AwsException conflict(String code, String message) {
        return new AwsException(409, code, message);
    }

    /**
     * An operation the real service has but local-aws does not emulate: named, never a hang or a bare 500.
     * A 4xx on purpose: SDKs retry 5xx, and a client should fail at once with this message.
     */
    public static AwsException notImplemented(String service, String operation) {
        return new AwsException(400, "UnknownOperationException",
                "local-aws does not implement " + service + " operation " + operation);
    }

    public static AwsException malformedBody(String detail) {
        return new AwsException(400, "SerializationException", "The request body is not valid: " + detail);
    }

    public static AwsException internal(String message) {
        return new AwsException(500, "InternalFailure", message);
    }
}
