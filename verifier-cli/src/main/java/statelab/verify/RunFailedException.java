package statelab.verify;

/**
 * The run could not complete after preflight passed (for example Kinesis kept refusing records). One sentence; the
 * command exits with {@link ExitCode#FAIL}.
 */
public final class RunFailedException extends RuntimeException {
    public RunFailedException(String sentence) {
        super(sentence);
    }

    public RunFailedException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
