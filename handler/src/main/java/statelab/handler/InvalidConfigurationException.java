package statelab.handler;

/**
 * A bad environment variable. Thrown while the function initialises, so Lambda reports an init error with this
 * message and never runs a batch with a configuration nobody meant.
 */
public final class InvalidConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }
}
