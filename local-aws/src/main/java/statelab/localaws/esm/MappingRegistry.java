package statelab.localaws.esm;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import statelab.localaws.edge.AwsException;
import statelab.localaws.esm.model.Mapping;
import statelab.localaws.esm.model.MappingState;
import statelab.localaws.esm.model.StartingPosition;
import statelab.localaws.esm.store.CheckpointStore;
import statelab.localaws.esm.store.MappingStore;
import statelab.localaws.esm.worker.MappingRunner;
import statelab.localaws.esm.worker.RunnerServices;

/**
 * The mappings and their lifecycle: every change is persisted at once; the state a change leads to (Creating
 * -> Enabled or Disabled, Updating -> Enabled, Deleting -> gone) is reached after a short delay, as on AWS, by
 * one lifecycle thread that also starts, reconfigures and stops each mapping's {@link MappingRunner}. After a
 * restart every mapping resumes where its store says it was.
 */
public final class MappingRegistry implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(MappingRegistry.class.getName());
    /** how long disabling or deleting waits for a batch in flight before it goes on */
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final MappingStore store;
    private final CheckpointStore checkpoints;
    private final RunnerServices services;
    private final Clock clock;
    private final Duration stateDelay;
    private final Map<String, Mapping> mappings = new LinkedHashMap<>();
    private final Map<String, MappingRunner> runners = new ConcurrentHashMap<>();
    private final ScheduledExecutorService lifecycle = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "esm-lifecycle");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    public MappingRegistry(MappingStore store, CheckpointStore checkpoints, RunnerServices services, Clock clock,
            Duration stateDelay) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.services = services;
        this.clock = clock;
        this.stateDelay = stateDelay;
    }

    /** Loads the stored mappings and brings each to the state it was in or on its way to. */
    public synchronized void start() {
        for (Mapping mapping : store.readAll()) {
            mappings.put(mapping.uuid(), mapping);
            if (mapping.state() == MappingState.Deleting) {
                lifecycle.execute(() -> finishDelete(mapping.uuid()));
            } else if (mapping.state() == MappingState.Enabled || mapping.state() == MappingState.Disabled) {
                lifecycle.execute(() -> settle(mapping.uuid()));
            } else {
                scheduleSettle(mapping.uuid());
            }
        }
        checkpoints.deleteAllExcept(mappings.keySet());
    }

    public synchronized Optional<Mapping> get(String uuid) {
        return Optional.ofNullable(mappings.get(uuid));
    }

    /** Every mapping, oldest first. */
    public synchronized List<Mapping> all() {
        return mappings.values().stream()
                .sorted(Comparator.comparingLong(Mapping::createdMillis).thenComparing(Mapping::uuid)).toList();
    }

    /** @throws AwsException 409 when this function already has a mapping on this stream */
    public synchronized Mapping create(Mapping mapping) {
        rejectDuplicate(mapping.functionArn(), mapping.eventSourceArn(), null);
        mappings.put(mapping.uuid(), mapping);
        store.write(mapping);
        scheduleSettle(mapping.uuid());
        return mapping;
    }

    /**
     * Applies the owner's changes and moves the mapping to Updating (Enabling/Disabling when Enabled flips).
     *
     * @throws AwsException 404 for an unknown mapping, 400 ResourceInUseException while a change is under way
     */
    public synchronized Mapping update(String uuid, UnaryOperator<Mapping> change) {
        Mapping current = existing(uuid);
        if (current.state().isTransitional()) {
            throw inUse(current, "update");
        }
        Mapping changed = change.apply(current);
        if (!changed.functionArn().equals(current.functionArn())) {
            rejectDuplicate(changed.functionArn(), changed.eventSourceArn(), uuid);
        }
        MappingState transition = changed.enabled() == current.enabled() ? MappingState.Updating
                : changed.enabled() ? MappingState.Enabling : MappingState.Disabling;
        Mapping updated = changed.withChanges(changed.functionArn(), changed.config(), changed.enabled(), transition,
                clock.millis());
        mappings.put(uuid, updated);
        store.write(updated);
        scheduleSettle(uuid);
        return updated;
    }

    /** @throws AwsException 404 for an unknown mapping, 400 ResourceInUseException while it is being updated */
    public synchronized Mapping delete(String uuid) {
        Mapping current = existing(uuid);
        if (current.state() == MappingState.Deleting) {
            return current;
        }
        if (current.state() == MappingState.Updating || current.state() == MappingState.Enabling
                || current.state() == MappingState.Disabling) {
            throw inUse(current, "delete");
        }
        Mapping deleting = current.withState(MappingState.Deleting, clock.millis());
        mappings.put(uuid, deleting);
        store.write(deleting);
        MappingRunner runner = runners.get(uuid);
        if (runner != null) {
            runner.stop();
        }
        lifecycle.schedule(() -> finishDelete(uuid), stateDelay.toMillis(), TimeUnit.MILLISECONDS);
        return deleting;
    }

    /** Replaces the tags; no state change (tags do not affect polling). */
    public synchronized Mapping retag(String uuid, UnaryOperator<Map<String, String>> change) {
        Mapping current = existing(uuid);
        Mapping tagged = current.withTags(change.apply(current.tags()));
        mappings.put(uuid, tagged);
        store.write(tagged);
        return tagged;
    }

    /** What the workers report after each invocation; persisted only when it changes. */
    public synchronized void lastProcessingResult(String uuid, String result) {
        Mapping current = mappings.get(uuid);
        if (current == null || closed || result.equals(current.lastProcessingResult())) {
            return;
        }
        Mapping updated = current.withLastProcessingResult(result);
        mappings.put(uuid, updated);
        store.write(updated);
    }

    /** The runner of an enabled mapping (tests look at its shards). */
    public Optional<MappingRunner> runner(String uuid) {
        return Optional.ofNullable(runners.get(uuid));
    }

    private Mapping existing(String uuid) {
        Mapping mapping = mappings.get(uuid);
        if (mapping == null) {
            throw AwsException.notFound("ResourceNotFoundException", "The resource you requested does not exist.");
        }
        return mapping;
    }

    private void rejectDuplicate(String functionArn, String eventSourceArn, String exceptUuid) {
        for (Mapping other : mappings.values()) {
            if (!other.uuid().equals(exceptUuid) && other.functionArn().equals(functionArn)
                    && other.eventSourceArn().equals(eventSourceArn)) {
                throw AwsException.conflict("ResourceConflictException", "The event source arn (\" " + eventSourceArn
                        + " \") and function (\" " + functionName(functionArn) + " \") provided mapping already exists."
                        + " Please update or delete the existing mapping with UUID " + other.uuid());
            }
        }
    }

    private static String functionName(String functionArn) {
        int at = functionArn.indexOf(":function:");
        String name = at < 0 ? functionArn : functionArn.substring(at + ":function:".length());
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static AwsException inUse(Mapping mapping, String operation) {
        return new AwsException(400, "ResourceInUseException", "Cannot " + operation + " the event source mapping "
                + mapping.uuid() + " while it is " + mapping.state() + "; try again when it is Enabled or Disabled.");
    }

    private void scheduleSettle(String uuid) {
        lifecycle.schedule(() -> settle(uuid), stateDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Brings a mapping to Enabled (running) or Disabled (stopped), on the lifecycle thread. */
    private void settle(String uuid) {
        if (closed) {
            return;
        }
        Mapping settled;
        synchronized (this) {
            Mapping current = mappings.get(uuid);
            if (current == null || current.state() == MappingState.Deleting) {
                return;
            }
            settled = current.settledAs(current.enabled() ? MappingState.Enabled : MappingState.Disabled);
            if (settled.enabled() && settled.startingPosition() == StartingPosition.LATEST
                    && settled.latestResolvedAtMillis() == null) {
                // LATEST is resolved once, when the mapping is first enabled, and kept: a restart must not move it
                settled = settled.withLatestResolvedAt(clock.millis());
            }
        }
        try {
            MappingRunner runner = runners.get(uuid);
            if (settled.enabled()) {
                if (runner == null) {
                    runner = new MappingRunner(settled, services);
                    runners.put(uuid, runner);
                    runner.start();
                } else {
                    runner.reconfigure(settled);
                }
            } else if (runner != null) {
                stopRunner(uuid, STOP_GRACE);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "event source mapping " + uuid + " could not be started or stopped", e);
        }
        synchronized (this) {
            Mapping current = mappings.get(uuid);
            if (current == null || current.state() == MappingState.Deleting || current.lastModifiedMillis()
                    != settled.lastModifiedMillis() && current.state().isTransitional()) {
                return; // changed again meanwhile: its own settle follows
            }
            Mapping result = settled.withLastProcessingResult(current.lastProcessingResult()).withTags(current.tags());
            mappings.put(uuid, result);
            store.write(result);
        }
    }

    private void finishDelete(String uuid) {
        stopRunner(uuid, STOP_GRACE);
        synchronized (this) {
            mappings.remove(uuid);
            store.delete(uuid);
            checkpoints.deleteAll(uuid);
        }
    }

    private void stopRunner(String uuid, Duration grace) {
        MappingRunner runner = runners.remove(uuid);
        if (runner == null) {
            return;
        }
        runner.stop();
        if (!runner.awaitStopped(grace)) {
            LOG.log(System.Logger.Level.WARNING, "event source mapping " + uuid + ": a batch is still in flight after "
                    + grace + "; its outcome will still be checkpointed");
        }
    }

    @Override
    public void close() {
        closed = true;
        lifecycle.shutdownNow();
        runners.values().forEach(MappingRunner::stop);
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        for (MappingRunner runner : runners.values()) {
            runner.awaitStopped(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        runners.clear();
    }
}
