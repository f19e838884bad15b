package statelab.localaws.lambda.runtime;

/** What a runtime posted for an invocation: its response, or an error document with its type. */
sealed interface RuntimeReply {

    record Success(byte[] payload) implements RuntimeReply {
    }

    /**
     * @param errorType the document's own {@code errorType} (e.g. {@code java.lang.IllegalStateException}), else
     *     the runtime's category
     * @param runtimeCategory {@code Lambda-Runtime-Function-Error-Type} (e.g. {@code Runtime.UserException}), or
     *     null when the runtime sent none
     * @param document the JSON error document ({@code errorMessage}, {@code errorType}, {@code stackTrace})
     */
    record Failure(String errorType, String runtimeCategory, byte[] document) implements RuntimeReply {
    }
}
