package statelab.localaws.esm.worker;

import java.time.Clock;
import java.time.Duration;
import statelab.localaws.esm.destination.DiscardedRecords;
import statelab.localaws.esm.invoke.BatchInvoker;
import statelab.localaws.esm.policy.Backoff;
import statelab.localaws.esm.reader.StreamReader;
import statelab.localaws.esm.store.CheckpointStore;
import statelab.localaws.spi.FunctionDirectory;

/**
 * What every mapping's workers share: the stream, the function, the checkpoints, where discarded records go,
 * the clock (record age; injected by tests) and the timings.
 *
 * @param pollInterval the pause between reads of a shard that had nothing new
 * @param retryBackoff the pause between invocations of a failing batch
 * @param readBackoff the pause between reads that failed (emulator down): short, reading is cheap
 */
public record RunnerServices(StreamReader reader, BatchInvoker invoker, FunctionDirectory functions,
        CheckpointStore checkpoints, DiscardedRecords discards, Clock clock, Duration pollInterval,
        Backoff retryBackoff, Backoff readBackoff, StatusListener status) {

    /** Hears what a mapping's last invocation came to, for {@code LastProcessingResult}. */
    @FunctionalInterface
    public interface StatusListener {
        void lastProcessingResult(String mappingUuid, String result);
    }
}
