package statelab.localaws.lambda.runtime;

/** What a runtime posted for an invocation: its response, or an error document with its type. */
sealed interface RuntimeReply {

    record Success(byte[] payload) implements RuntimeReply {
    }

    /**
     * @param errorType from {@code Lambda-Runtime-Function-Error-Type} or the document's own {@code errorType}
     * @param document the JSON error document ({@code errorMessage}, {@code errorType}, {@code stackTrace})
     */
    record Failure(String errorType, byte[] document) implements RuntimeReply {
    }
}
