package statelab.handler;

/** What became of one record. Every record of a batch ends in exactly one of these. */
enum Outcome {
    /** the item now holds this record's version */
    WRITTEN,
    /** the condition failed: the table already holds this version or a higher one; expected, not an error */
    DUPLICATE_OR_STALE,
    /** not a valid trade, or refused by DynamoDB's validation: no retry can cure it, so it is skipped */
    REJECTED,
    /** not written for a reason a retry may cure (throttling, 5xx, timeout...): the mapping redelivers it */
    FAILED
}
