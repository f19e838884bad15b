package statelab.localaws.esm.invoke;

import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.esm.reader.StreamRecord;

/** A record of a batch with its serialized event entry, made once and reused by every retry of the batch. */
public record BatchRecord(StreamRecord record, byte[] json) {

    public SequenceNumber sequenceNumber() {
        return record.sequenceNumber();
    }
}
