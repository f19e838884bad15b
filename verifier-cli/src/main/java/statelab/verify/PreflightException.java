package statelab.verify;

/**
 * The lab is not there or not ready. The message is one sentence that says what is wrong and what to do; it is
 * printed as is, and the command exits with {@link ExitCode#PREFLIGHT}.
 */
public final class PreflightException extends RuntimeException {
    public PreflightException(String sentence) {
        super(sentence);
    }

    public PreflightException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
