package statelab.localaws;

/**
 * local-aws cannot start for a reason the user can fix (a setting, a port in use, the emulators not
 * installed): one clear sentence, printed without a stack trace.
 */
public final class StartupException extends RuntimeException {
    public enum Reason { BAD_SETTING, PORT_IN_USE, EMULATORS, IO }

    private final Reason reason;

    public StartupException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public StartupException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
