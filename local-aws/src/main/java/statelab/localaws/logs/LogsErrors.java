package statelab.localaws.logs;

import statelab.localaws.edge.AwsException;

/** CloudWatch Logs' error codes (all 400s, as the service answers them). */
final class LogsErrors {
    private LogsErrors() {
    }

    static AwsException notFound(String message) {
        return new AwsException(400, "ResourceNotFoundException", message);
    }

    static AwsException alreadyExists(String message) {
        return new AwsException(400, "ResourceAlreadyExistsException", message);
    }

    static AwsException invalidParameter(String message) {
        return new AwsException(400, "InvalidParameterException", message);
    }

    /** An option local-aws does not emulate: refused, never silently ignored (README lists them). */
    static AwsException notEmulated(String what) {
        return new AwsException(400, "InvalidParameterException", "local-aws does not emulate " + what);
    }
}
