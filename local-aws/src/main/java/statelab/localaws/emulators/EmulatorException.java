package statelab.localaws.emulators;

/** An emulator could not be started or did not answer in time; the message says why and where its log is. */
public final class EmulatorException extends RuntimeException {
    public EmulatorException(String message) {
        super(message);
    }

    public EmulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
