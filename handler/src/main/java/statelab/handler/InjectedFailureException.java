package statelab.handler;

/** The deliberate failure of {@link FailureInjector}: the whole invocation fails, so the mapping retries it. */
public final class InjectedFailureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFailureException(int percent) {
        // no stack trace: it is planned, and it would only clutter the function's log
        super("injected failure (" + HandlerConfig.FAILURE_INJECTION_VARIABLE + "=" + percent + "); nothing written",
                null, false, false);
    }
}
