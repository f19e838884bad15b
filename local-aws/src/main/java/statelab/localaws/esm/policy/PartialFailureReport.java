package statelab.localaws.esm.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.protocol.Json;

/**
 * Reads a function's answer under {@code FunctionResponseTypes: ["ReportBatchItemFailures"]}, with AWS's rules
 * (kinesis-esm-semantics.md §4): the lowest reported sequence number (compared as a big integer) is where the
 * batch is retried from; an answer that reports nothing is a success; an answer that cannot be trusted fails
 * the whole batch. Pure.
 */
public final class PartialFailureReport {
    private PartialFailureReport() {
    }

    /** What the answer says about the batch. */
    public sealed interface Reading {
    }

    /** Nothing reported: null, "", [], {}, no or a null or an empty {@code batchItemFailures}. */
    public record AllSucceeded() implements Reading {
    }

    /** Records before {@code index} are done; the batch is retried from the record at {@code index}. */
    public record FailedFrom(int index, SequenceNumber sequenceNumber) implements Reading {
    }

    /** The answer cannot be trusted: the whole batch failed. */
    public record Malformed(String reason) implements Reading {
    }

    /**
     * @param payload the function's answer as it returned it (JSON), possibly empty
     * @param batch the sequence numbers of the batch, in order
     */
    public static Reading read(byte[] payload, List<SequenceNumber> batch) {
        if (payload == null || payload.length == 0) {
            return new AllSucceeded();
        }
        JsonNode answer;
        try {
            answer = Json.MAPPER.readTree(payload);
        } catch (IOException e) {
            return new Malformed("the answer is not JSON");
        }
        if (answer == null || answer.isMissingNode() || answer.isNull()) {
            return new AllSucceeded();
        }
        if (answer.isTextual()) {
            // AWS: "" is a success. Any other string is not a report at all [?]: failing keeps the records.
            return answer.textValue().isEmpty() ? new AllSucceeded() : new Malformed("the answer is a string, not an object");
        }
        if (answer.isArray()) {
            return answer.isEmpty() ? new AllSucceeded() : new Malformed("the answer is a list, not an object");
        }
        if (!answer.isObject()) {
            return new Malformed("the answer is " + answer.getNodeType() + ", not an object");
        }
        JsonNode failures = answer.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return new AllSucceeded();
        }
        if (!failures.isArray()) {
            return new Malformed("batchItemFailures is not a list");
        }
        int lowest = -1;
        for (JsonNode item : failures) {
            Optional<Integer> index = indexOf(item, batch);
            if (index.isEmpty()) {
                return new Malformed("batchItemFailures names " + describe(item)
                        + ", which is not the sequence number of a record of this batch");
            }
            if (lowest < 0 || batch.get(index.get()).compareTo(batch.get(lowest)) < 0) {
                lowest = index.get();
            }
        }
        return lowest < 0 ? new AllSucceeded() : new FailedFrom(lowest, batch.get(lowest));
    }

    /** The position in the batch of the record an item names; empty for a missing, null, non-string or unknown id. */
    private static Optional<Integer> indexOf(JsonNode item, List<SequenceNumber> batch) {
        if (item == null || !item.isObject()) {
            return Optional.empty();
        }
        JsonNode identifier = item.get("itemIdentifier");
        if (identifier == null || !identifier.isTextual()) {
            return Optional.empty();
        }
        Optional<SequenceNumber> named = SequenceNumber.parse(identifier.textValue());
        if (named.isEmpty()) {
            return Optional.empty();
        }
        int index = batch.indexOf(named.get());
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    private static String describe(JsonNode item) {
        String text = String.valueOf(item);
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
