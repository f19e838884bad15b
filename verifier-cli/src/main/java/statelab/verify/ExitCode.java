package statelab.verify;

/**
 * verify-lab's exit codes, defined once: the commands return them, {@code --help} lists them (the {@code *_HELP}
 * lines), the README and scripts rely on them.
 */
public final class ExitCode {
    private ExitCode() {
    }

    /** StateTable reached the expected state (or, for {@code preflight}, every check passed). */
    public static final int PASS = 0;
    /** The lab did not reach the expected state in time, or the run could not complete. */
    public static final int FAIL = 1;
    /** Bad command line: unknown option, a value that is not a number, counts that do not fit together. */
    public static final int USAGE = 2;
    /** The lab is not there or not ready (no outputs, stream, table, function or enabled mapping; no credentials). */
    public static final int PREFLIGHT = 3;

    static final String PASS_HELP = PASS + ":StateTable holds every trade at its latest version, and nothing else.";
    static final String FAIL_HELP = FAIL + ":the lab did not reach that state before --timeout (the report says what "
            + "is missing or wrong and shows the function's recent errors), or the run could not complete.";
    static final String USAGE_HELP = USAGE + ":usage error: an unknown option or a value that does not fit.";
    static final String PREFLIGHT_HELP = PREFLIGHT + ":preflight failed: the lab is not applied or not ready "
            + "(one sentence says what to do, usually: run make apply).";
}
