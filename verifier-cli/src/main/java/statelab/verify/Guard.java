package statelab.verify;

import java.io.PrintWriter;
import java.util.function.IntSupplier;

/**
 * How every command ends on an expected failure: one line on stderr (plus the stack trace with {@code -v}), with
 * {@code --json} also one JSON object on stdout, and the exit code of the failure. Unexpected exceptions are left
 * to the execution exception handler of {@link VerifyLab#commandLine}.
 */
final class Guard {
    private Guard() {
    }

    static int run(PrintWriter out, PrintWriter err, boolean json, boolean verbose, IntSupplier body) {
        try {
            return body.getAsInt();
        } catch (PreflightException e) {
            return fail(out, err, json, verbose, e, "preflight_failed", ExitCode.PREFLIGHT);
        } catch (RunFailedException e) {
            return fail(out, err, json, verbose, e, "error", ExitCode.FAIL);
        }
    }

    private static int fail(PrintWriter out, PrintWriter err, boolean json, boolean verbose, RuntimeException e,
            String result, int exitCode) {
        err.println("verify-lab: " + e.getMessage());
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        if (json) {
            out.println(ReportJson.error(result, exitCode, e.getMessage()));
            out.flush();
        }
        return exitCode;
    }
}
