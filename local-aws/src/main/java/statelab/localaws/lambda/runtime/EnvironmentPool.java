package statelab.localaws.lambda.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import statelab.localaws.lambda.function.FunctionRecord;

/**
 * The execution environments of one function: warm ones waiting (most recently used first), busy ones, and how
 * many may exist at once. Environments built for an older revision of the function (code or configuration) are
 * never reused: idle ones stop at once, busy ones when their invocation ends.
 */
final class EnvironmentPool {
    /** What {@link #take} decided: an idle environment to reuse, or a free slot to start a new one in. */
    record Slot(ExecutionEnvironment warm) {
        boolean cold() {
            return warm == null;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private final Deque<ExecutionEnvironment> idle = new ArrayDeque<>();
    private final Set<ExecutionEnvironment> busy = new HashSet<>();
    private final Consumer<ExecutionEnvironment> stopper;
    private int starting;
    private String revisionId;
    private boolean closed;

    /** @param stopper stops an environment in the background */
    EnvironmentPool(Consumer<ExecutionEnvironment> stopper) {
        this.stopper = stopper;
    }

    /**
     * An idle environment of the function's current revision, or a slot for a new one, waiting up to
     * {@code waitNanos} for one to be freed.
     *
     * @param limit how many environments may exist at once
     * @param reserved whether the limit comes from the function's reserved concurrency (for the 429's reason)
     */
    Slot take(FunctionRecord function, int limit, boolean reserved, long waitNanos) throws ThrottledException {
        String reason = reserved ? ThrottledException.RESERVED_LIMIT : ThrottledException.CONCURRENCY_LIMIT;
        lock.lock();
        try {
            if (revisionId == null) {
                // the first call decides; later revisions come only through retire(), so that a caller holding
                // an older copy of the function cannot bring back environments of that older revision
                revisionId = function.revisionId();
            }
            long deadline = System.nanoTime() + waitNanos;
            while (true) {
                if (limit <= 0) {
                    throw new ThrottledException(reason);
                }
                // the limit counts running invocations: a warm environment is only handed out below it too
                // (the limit may have been lowered while more environments than it were warm)
                if (busy.size() + starting < limit) {
                    ExecutionEnvironment warm;
                    while ((warm = idle.pollFirst()) != null) {
                        if (warm.usable() && warm.function().revisionId().equals(revisionId)) {
                            warm.setIdleTimer(null);
                            busy.add(warm);
                            return new Slot(warm);
                        }
                        stopper.accept(warm);
                    }
                    starting++;
                    return new Slot(null);
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new ThrottledException(reason);
                }
                freed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ThrottledException(reason);
        } finally {
            lock.unlock();
        }
    }

    /** The slot taken for a new environment now holds it (or, with null, was not used after all). */
    void started(ExecutionEnvironment environment) {
        lock.lock();
        try {
            starting--;
            if (environment != null) {
                busy.add(environment);
            }
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * An invocation is over: the environment waits for the next one, or stops if it is broken, out of date or
     * its function is gone.
     *
     * @return true if it is now idle (the caller arms its idle timer)
     */
    boolean release(ExecutionEnvironment environment) {
        lock.lock();
        try {
            busy.remove(environment);
            freed.signalAll();
            if (closed || !environment.usable() || !environment.function().revisionId().equals(revisionId)) {
                stopper.accept(environment);
                return false;
            }
            idle.addFirst(environment);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the environment if it is still idle and has been for {@code idleNanos}. */
    void reapIfIdle(ExecutionEnvironment environment, long idleNanos) {
        lock.lock();
        try {
            if (System.nanoTime() - environment.lastUsedNanos() >= idleNanos && idle.remove(environment)) {
                stopper.accept(environment);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The function changed: no environment of an older revision is used again. */
    void retire(String newRevisionId) {
        lock.lock();
        try {
            adoptRevision(newRevisionId);
        } finally {
            lock.unlock();
        }
    }

    /** The function is gone: idle environments stop now, busy ones when their invocation ends. */
    void close() {
        lock.lock();
        try {
            closed = true;
            idle.forEach(stopper);
            idle.clear();
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    List<ExecutionEnvironment> environments() {
        lock.lock();
        try {
            List<ExecutionEnvironment> all = new ArrayList<>(idle);
            all.addAll(busy);
            return all;
        } finally {
            lock.unlock();
        }
    }

    private void adoptRevision(String newRevisionId) {
        if (newRevisionId.equals(revisionId)) {
            return;
        }
        revisionId = newRevisionId;
        List<ExecutionEnvironment> stale = new ArrayList<>(idle);
        idle.clear();
        stale.forEach(stopper);
    }
}
