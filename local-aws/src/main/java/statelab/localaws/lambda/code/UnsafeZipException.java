package statelab.localaws.lambda.code;

/** A deployment package that is not a zip, or one that extraction refuses (traversal, link, bomb); says why. */
public final class UnsafeZipException extends Exception {
    public UnsafeZipException(String message) {
        super(message);
    }
}
