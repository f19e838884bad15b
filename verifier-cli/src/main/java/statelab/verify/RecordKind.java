package statelab.verify;

/** Why a record is on the stream; the report counts what was sent by kind. */
public enum RecordKind {
    /** the first version of a trade */
    NEW,
    /** a newer version of an earlier trade: it replaces the item */
    UPDATE,
    /** an exact re-send of a record sent before */
    DUPLICATE,
    /** an older version of a trade sent after a newer one: it must not replace the item */
    OUT_OF_ORDER,
    /** a malformed record: the function must skip it without blocking the shard */
    BAD
}
