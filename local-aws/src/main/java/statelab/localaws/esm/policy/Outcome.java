package statelab.localaws.esm.policy;

/** What one invocation of a batch came to, as the retry rules see it. */
public sealed interface Outcome {

    /** The whole batch is done. */
    record Succeeded() implements Outcome {
    }

    /** A valid partial-failure report: records before {@code firstFailedIndex} are done. */
    record PartlyFailed(int firstFailedIndex) implements Outcome {
    }

    /**
     * A function error: it threw, timed out or crashed ({@code functionError} "Unhandled"), or its
     * partial-failure report was malformed ({@code functionError} null, as AWS reports it).
     */
    record Failed(String functionError, String detail) implements Outcome {
    }

    /** The function never ran (throttled, missing, payload too large): not its fault, nothing counted. */
    record NotInvoked(String problem) implements Outcome {
    }
}
