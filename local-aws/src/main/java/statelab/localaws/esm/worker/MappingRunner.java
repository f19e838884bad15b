package statelab.localaws.esm.worker;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import statelab.localaws.esm.model.Mapping;
import statelab.localaws.esm.reader.ShardInfo;
import statelab.localaws.esm.reader.ShardPosition;
import statelab.localaws.esm.reader.StreamReader;
import statelab.localaws.esm.store.ShardCheckpoint;

/**
 * Runs one enabled mapping: finds the stream's shards, polls each in its own {@link ShardWorker}, all in
 * parallel, from its checkpoint (or the starting position), picks up new shards after a reshard and starts a
 * child shard only once its parents are finished. Takes updates while running.
 */
public final class MappingRunner {
    private static final System.Logger LOG = System.getLogger(MappingRunner.class.getName());
    /**
     * How often the shard list is read again. KCL uses a minute; locally a second makes a reshard visible at
     * once, and a finished parent wakes the loop anyway.
     */
    private static final Duration SHARD_DISCOVERY_INTERVAL = Duration.ofSeconds(1);
    /** how long a reconfiguration waits for a batch in flight before it starts the shards again regardless */
    private static final Duration RESTART_GRACE = Duration.ofSeconds(60);

    private final RunnerServices services;
    private final StopSignal stop = new StopSignal();
    private final Map<String, ShardWorker> workers = new ConcurrentHashMap<>();
    private volatile Mapping mapping;
    private volatile boolean restartWorkers;
    private Thread coordinator;

    public MappingRunner(Mapping mapping, RunnerServices services) {
        this.mapping = mapping;
        this.services = services;
    }

    public synchronized void start() {
        coordinator = new Thread(this::coordinate, "esm-" + mapping.uuid().substring(0, 8) + "-shards");
        coordinator.setDaemon(true);
        coordinator.start();
    }

    /**
     * Applies an update without losing the place: batch size, window, retries, record age, bisection, partial
     * failures, destination and function take effect at the next batch; a new parallelization factor restarts
     * the shards from their checkpoints once their batches in flight are done.
     */
    public void reconfigure(Mapping updated) {
        boolean slotsChanged = updated.config().parallelizationFactor() != mapping.config().parallelizationFactor();
        mapping = updated;
        if (slotsChanged) {
            restartWorkers = true;
            stop.wake();
        }
    }

    public Mapping mapping() {
        return mapping;
    }

    /** The shards being read right now (for tests and diagnostics). */
    public Set<String> activeShards() {
        return Set.copyOf(workers.keySet());
    }

    /** Asks every thread to stop; batches in flight are finished and checkpointed first. */
    public void stop() {
        stop.stop();
        workers.values().forEach(ShardWorker::stop);
    }

    /** Waits up to {@code timeout} for every thread; true when all ended. */
    public boolean awaitStopped(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Thread thread = coordinator;
            if (thread != null) {
                thread.join(Math.max(1, timeout.toMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        boolean allStopped = true;
        for (ShardWorker worker : workers.values()) {
            long left = Math.max(1, deadline - System.nanoTime());
            allStopped &= worker.awaitStopped(Duration.ofNanos(left));
        }
        return allStopped && (coordinator == null || !coordinator.isAlive());
    }

    void shardFinished(String shardId) {
        stop.wake();
    }

    private void coordinate() {
        int failuresInARow = 0;
        while (!stop.stopped()) {
            if (restartWorkers) {
                restartWorkers = false;
                restartShards();
            }
            try {
                discover(services.reader().listShards(mapping.stream()));
                failuresInARow = 0;
            } catch (StreamReader.StreamUnavailableException | StreamReader.StreamNotFoundException e) {
                failuresInARow++;
                if (Integer.bitCount(failuresInARow) == 1) {
                    LOG.log(System.Logger.Level.WARNING, "event source mapping " + mapping.uuid() + ": "
                            + e.getMessage() + " (attempt " + failuresInARow + "; retrying)");
                }
                stop.pause(services.readBackoff().delay(failuresInARow));
                continue;
            } catch (RuntimeException e) {
                failuresInARow++;
                LOG.log(System.Logger.Level.ERROR, "event source mapping " + mapping.uuid() + ": shard discovery failed", e);
                stop.pause(services.readBackoff().delay(failuresInARow));
                continue;
            }
            stop.pause(SHARD_DISCOVERY_INTERVAL);
        }
        workers.values().forEach(ShardWorker::stop);
    }

    private void discover(List<ShardInfo> shards) {
        workers.values().removeIf(ShardWorker::finished);
        Map<String, ShardInfo> listed = new HashMap<>();
        shards.forEach(shard -> listed.put(shard.shardId(), shard));
        for (ShardInfo shard : shards) {
            if (stop.stopped() || workers.containsKey(shard.shardId())) {
                continue;
            }
            Optional<ShardCheckpoint> checkpoint = services.checkpoints().read(mapping.uuid(), shard.shardId());
            if (checkpoint.map(ShardCheckpoint::shardFinished).orElse(false)) {
                continue;
            }
            if (!parentFinished(shard.parentShardId(), listed) || !parentFinished(shard.adjacentParentShardId(), listed)) {
                continue;
            }
            ShardPosition start = checkpoint.map(ShardCheckpoint::sequenceNumber)
                    .<ShardPosition>map(ShardPosition.AfterSequence::new)
                    .orElseGet(this::startingPosition);
            ShardWorker worker = new ShardWorker(this, services, shard.shardId(), start,
                    checkpoint.map(ShardCheckpoint::sequenceNumber).orElse(null),
                    mapping.config().parallelizationFactor());
            workers.put(shard.shardId(), worker);
            worker.start();
            LOG.log(System.Logger.Level.DEBUG, "event source mapping " + mapping.uuid() + ": reading " + shard.shardId()
                    + " from " + start);
        }
    }

    /** A parent is finished when its checkpoint says so, or when it is no longer listed (past retention). */
    private boolean parentFinished(String parentShardId, Map<String, ShardInfo> listed) {
        if (parentShardId == null || !listed.containsKey(parentShardId)) {
            return true;
        }
        return services.checkpoints().read(mapping.uuid(), parentShardId)
                .map(ShardCheckpoint::shardFinished).orElse(false);
    }

    /** Where a shard without a checkpoint starts. LATEST is the moment the mapping was enabled, kept across restarts. */
    private ShardPosition startingPosition() {
        return switch (mapping.startingPosition()) {
            case TRIM_HORIZON -> new ShardPosition.TrimHorizon();
            case AT_TIMESTAMP -> new ShardPosition.AtTimestamp(mapping.startingPositionTimestampMillis());
            case LATEST -> mapping.latestResolvedAtMillis() == null ? new ShardPosition.Latest()
                    : new ShardPosition.AtTimestamp(mapping.latestResolvedAtMillis());
        };
    }

    private void restartShards() {
        workers.values().forEach(ShardWorker::stop);
        for (ShardWorker worker : workers.values()) {
            if (!worker.awaitStopped(RESTART_GRACE)) {
                LOG.log(System.Logger.Level.WARNING, "event source mapping " + mapping.uuid() + " " + worker.shardId()
                        + ": a batch is still in flight after " + RESTART_GRACE + "; starting the shard again anyway");
            }
        }
        workers.clear();
    }
}
