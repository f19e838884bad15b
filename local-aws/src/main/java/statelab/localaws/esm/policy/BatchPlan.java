package statelab.localaws.esm.policy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import statelab.localaws.esm.model.MappingConfig;

/**
 * The life of one batch, from its first invocation until every record of it is done or given up: the part to
 * invoke next, and what each outcome does to it under the {@link RetryPolicy} (retry the rest, split it, give
 * up). Halves of a split are invoked in order, the first half first. Pure: the worker supplies outcomes, and
 * tests can replay exactly what AWS would invoke.
 *
 * @param <R> a record of the batch (identity matters, not equality)
 */
public final class BatchPlan<R> {

    /** A batch or a part of one: its records, its counted retries, how many invocations included them. */
    public record Part<R>(List<R> records, int retries, int invocations) {
    }

    /**
     * What one outcome led to.
     *
     * @param completed records now done (checkpoint may pass them)
     * @param givenUp records discarded (RetryAttemptsExhausted), done as well
     * @param pause true when the next invocation should wait for a back-off
     */
    public record Step<R>(Decision decision, List<R> completed, List<R> givenUp, int invocations, boolean pause) {
    }

    private final Deque<Part<R>> parts = new ArrayDeque<>();

    public BatchPlan(List<R> batch) {
        if (!batch.isEmpty()) {
            parts.push(new Part<>(List.copyOf(batch), 0, 0));
        }
    }

    public boolean isDone() {
        return parts.isEmpty();
    }

    /** The part to invoke next. */
    public Part<R> current() {
        return parts.peek();
    }

    /** Takes records out of the current part (they expired); the part goes when nothing is left of it. */
    public void remove(Collection<R> records) {
        Part<R> part = parts.pop();
        Set<R> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        gone.addAll(records);
        List<R> kept = new ArrayList<>(part.records().size());
        for (R record : part.records()) {
            if (!gone.contains(record)) {
                kept.add(record);
            }
        }
        if (!kept.isEmpty()) {
            parts.push(new Part<>(List.copyOf(kept), part.retries(), part.invocations()));
        }
    }

    /** Replaces the records of every remaining part, one for one (a re-serialized event). */
    public void replaceRecords(UnaryOperator<List<R>> replacement) {
        List<Part<R>> replaced = new ArrayList<>();
        for (Part<R> part : parts) {
            List<R> records = replacement.apply(part.records());
            if (records.size() != part.records().size()) {
                throw new IllegalArgumentException("a replacement must keep every record");
            }
            replaced.add(new Part<>(List.copyOf(records), part.retries(), part.invocations()));
        }
        parts.clear();
        parts.addAll(replaced);
    }

    /** Applies the outcome of invoking {@link #current()}. */
    public Step<R> record(Outcome outcome, MappingConfig config) {
        Part<R> part = parts.pop();
        List<R> records = part.records();
        int invocations = part.invocations() + (outcome instanceof Outcome.NotInvoked ? 0 : 1);
        Decision decision = RetryPolicy.decide(outcome, records.size(), part.retries(), config);
        if (decision instanceof Decision.Retry retry) {
            parts.push(new Part<>(records.subList(retry.fromIndex(), records.size()), retry.retries(), invocations));
            return new Step<>(decision, records.subList(0, retry.fromIndex()), List.of(), invocations, true);
        }
        if (decision instanceof Decision.Bisect bisect) {
            // each half counts its own invocations: a discarded half reports MaximumRetryAttempts + 1, as AWS does
            parts.push(new Part<>(records.subList(bisect.splitAt(), records.size()), bisect.retries(), 0));
            parts.push(new Part<>(records.subList(0, bisect.splitAt()), bisect.retries(), 0));
            return new Step<>(decision, List.of(), List.of(), invocations, false);
        }
        if (decision instanceof Decision.GiveUp giveUp) {
            return new Step<>(decision, records.subList(0, giveUp.fromIndex()),
                    records.subList(giveUp.fromIndex(), records.size()), invocations, false);
        }
        if (decision instanceof Decision.Wait) {
            parts.push(new Part<>(records, part.retries(), invocations));
            return new Step<>(decision, List.of(), List.of(), invocations, true);
        }
        return new Step<>(decision, records, List.of(), invocations, false);
    }
}
