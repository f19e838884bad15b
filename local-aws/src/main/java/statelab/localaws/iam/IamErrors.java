package statelab.localaws.iam;

import statelab.localaws.edge.AwsException;

/** IAM's error codes, as its query API names them. */
final class IamErrors {
    private IamErrors() {
    }

    static AwsException noSuchEntity(String message) {
        return new AwsException(404, "NoSuchEntity", message);
    }

    static AwsException alreadyExists(String message) {
        return new AwsException(409, "EntityAlreadyExists", message);
    }

    static AwsException deleteConflict(String message) {
        return new AwsException(409, "DeleteConflict", message);
    }

    static AwsException malformedPolicy(String message) {
        return new AwsException(400, "MalformedPolicyDocument", message);
    }

    static AwsException invalidInput(String message) {
        return new AwsException(400, "InvalidInput", message);
    }

    static AwsException validation(String message) {
        return new AwsException(400, "ValidationError", message);
    }

    static AwsException limitExceeded(String message) {
        return new AwsException(409, "LimitExceeded", message);
    }

    /** An option local-aws does not emulate: refused, never silently ignored (README lists them). */
    static AwsException notEmulated(String what) {
        return new AwsException(400, "InvalidInput", "local-aws does not emulate " + what);
    }
}
