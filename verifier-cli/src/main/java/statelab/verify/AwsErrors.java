package statelab.verify;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns what the SDK throws into one sentence a person can act on. */
final class AwsErrors {
    private static final Set<String> CREDENTIAL_CODES = Set.of("UnrecognizedClientException",
            "InvalidSignatureException", "ExpiredTokenException", "ExpiredToken", "InvalidClientTokenId",
            "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken");

    private AwsErrors() {
    }

    static boolean isNotFound(SdkException e) {
        return "ResourceNotFoundException".equals(errorCode(e));
    }

    static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return null;
    }

    /**
     * A sentence for a failed call {@code action} (e.g. "kinesis:DescribeStreamSummary on IncomingDataStream").
     * Unreachable endpoints, missing or refused credentials and missing permissions get their own advice.
     */
    static String sentence(String action, SdkException e, String endpoint, Environment environment) {
        if (e instanceof SdkClientException) {
            Throwable cause = rootCause(e);
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof SocketTimeoutException) {
                String advice = endpoint.contains("127.0.0.1") || endpoint.contains("localhost")
                        ? "start local-aws with " + environment.makeApply().substring("run ".length())
                        : "check the endpoint and your network";
                return "Cannot reach " + endpoint + " (" + cause.getClass().getSimpleName() + "): " + advice + ".";
            }
            String message = String.valueOf(e.getMessage());
            if (message.contains("Unable to load credentials") || message.contains("credentials")) {
                return "No AWS credentials were found: configure a profile (aws configure or aws sso login) and pass "
                        + "--profile or set AWS_PROFILE, or use TARGET=local.";
            }
            return action + " failed before reaching AWS: " + firstLine(message) + ".";
        }
        String code = errorCode(e);
        String message = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorMessage() : e.getMessage();
        if (code != null && CREDENTIAL_CODES.contains(code)) {
            return "AWS refused the credentials (" + code + "): refresh them (aws sso login) or pick another "
                    + "--profile.";
        }
        if (code != null && code.startsWith("AccessDenied")) {
            return "Access denied for " + action + " (" + firstLine(message) + "): use credentials allowed to read "
                    + "the lab (verifier-cli/README.md lists the permissions).";
        }
        return action + " failed: " + (code != null ? code + ": " : "") + firstLine(message) + ".";
    }

    static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        line = newline < 0 ? line : line.substring(0, newline);
        // the SDK appends "(Service: ..., Status Code: ..., Request ID: ...)": keep it, but strip a final period
        while (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
