/**
 * Lambda event source mappings for Kinesis data streams, with AWS's semantics (docs/kinesis-esm-semantics.md).
 *
 * <p>The mapping in four roles, each in its own package:
 * <ul>
 * <li>{@code reader}: the shard reader. {@link statelab.localaws.esm.reader.KinesisStreamReader} reads
 * kinesis-mock with the SDK's KinesisClient (CBOR); {@link statelab.localaws.esm.reader.ShardCursor} keeps a
 * shard's place as a sequence number and re-opens iterators after an expiry, an emulator restart or a trimmed
 * checkpoint.
 * <li>{@code policy}: the batch policy, pure: {@link statelab.localaws.esm.policy.PartialFailureReport}
 * (ReportBatchItemFailures), {@link statelab.localaws.esm.policy.RetryPolicy} (retries, bisection),
 * {@link statelab.localaws.esm.policy.BatchPlan} (a batch's parts until done),
 * {@link statelab.localaws.esm.policy.RecordAge}, {@link statelab.localaws.esm.policy.Backoff}.
 * <li>{@code invoke}: the invoker. {@link statelab.localaws.esm.invoke.KinesisEvent} builds the exact event
 * and cuts batches at 6 MiB; {@link statelab.localaws.esm.invoke.BatchInvoker} calls the function.
 * <li>{@code worker}: the workers. {@link statelab.localaws.esm.worker.MappingRunner} per enabled mapping
 * (shard discovery, parents before children), a {@code ShardWorker} per shard (reader thread, buffer,
 * checkpoints) and a {@code SlotWorker} per parallel slot (one batch in flight, retries with back-off).
 * </ul>
 * Around them: {@code api} (the rest-json operations, their validation and shapes, the one list of options
 * not emulated), {@code store} (mappings and checkpoints, one JSON file each under {@code <data>/esm}),
 * {@code destination} (records given up: a log line, and the failure record for an on-failure destination),
 * and {@link statelab.localaws.esm.MappingRegistry} (the lifecycle: Creating, Enabled, Updating, Disabled,
 * Deleting, after {@code LOCAL_AWS_ESM_STATE_DELAY_MILLIS}).
 *
 * <p>Rules local-aws had to choose where AWS documents nothing (kinesis-esm-semantics.md §9): retries back off
 * exponentially from {@code LOCAL_AWS_ESM_RETRY_BASE_MILLIS} to {@code LOCAL_AWS_ESM_RETRY_MAX_MILLIS};
 * bisection halves down to single records (the first half takes the odd one) and only single records count
 * against MaximumRetryAttempts; a reply that is a non-empty string, a list with items, a number or not JSON
 * fails the batch when ReportBatchItemFailures is on; a record whose event alone exceeds 6 MiB waits (not
 * counted) until MaximumRecordAge drops it; LATEST means "from the moment the mapping was first enabled",
 * kept across restarts; a child shard starts when its parents are finished (or gone past retention); with
 * ParallelizationFactor > 1 records go to the slot of their partition key's hash, and the shard's checkpoint
 * never passes a record that is not done.
 */
package statelab.localaws.esm;
