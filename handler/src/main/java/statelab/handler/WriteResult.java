package statelab.handler;

/** What DynamoDB made of one conditional write; {@code detail} says why when it was not applied. */
record WriteResult(Outcome outcome, String detail) {
    static final WriteResult WRITTEN = new WriteResult(Outcome.WRITTEN, null);
    static final WriteResult DUPLICATE_OR_STALE = new WriteResult(Outcome.DUPLICATE_OR_STALE, null);

    static WriteResult rejected(String reason) {
        return new WriteResult(Outcome.REJECTED, reason);
    }

    static WriteResult failed(String error) {
        return new WriteResult(Outcome.FAILED, error);
    }
}
