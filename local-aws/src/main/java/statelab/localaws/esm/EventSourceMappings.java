package statelab.localaws.esm;

import java.nio.file.Path;
import java.time.Duration;
import statelab.localaws.ServiceContext;
import statelab.localaws.config.Setting;
import statelab.localaws.config.Settings;
import statelab.localaws.esm.api.MappingApi;
import statelab.localaws.esm.api.MappingTagsApi;
import statelab.localaws.esm.destination.DiscardedRecords;
import statelab.localaws.esm.invoke.BatchInvoker;
import statelab.localaws.esm.policy.Backoff;
import statelab.localaws.esm.reader.KinesisStreamReader;
import statelab.localaws.esm.reader.StreamReader;
import statelab.localaws.esm.store.CheckpointStore;
import statelab.localaws.esm.store.MappingStore;
import statelab.localaws.esm.worker.RunnerServices;
import statelab.localaws.protocol.RestJsonRouter;
import statelab.localaws.spi.EmulatorEndpoints;
import statelab.localaws.spi.FunctionDirectory;
import statelab.localaws.spi.FunctionInvoker;

/**
 * Lambda event source mappings for Kinesis: the rest-json API and the pollers that feed functions, with AWS's
 * semantics (kinesis-esm-semantics.md). State lives under {@code <data>/esm}: {@code mappings/} (one file per
 * mapping), {@code checkpoints/} (one per mapping and shard), {@code on-failure/} (records given up, per
 * destination).
 */
public final class EventSourceMappings implements AutoCloseable {
    /** reads that fail (kinesis-mock restarting) are retried at least this often: reading is cheap */
    private static final Duration MAX_READ_BACKOFF = Duration.ofSeconds(5);

    private final MappingRegistry registry;
    private final MappingApi api;
    private final MappingTagsApi tagsApi;
    private final StreamReader reader;

    public EventSourceMappings(ServiceContext context, FunctionDirectory functions, FunctionInvoker invoker,
            EmulatorEndpoints emulators) {
        this(context, functions, invoker, new KinesisStreamReader(emulators));
    }

    /** With another way to read streams: tests make rare failures (expired iterators) happen on demand. */
    public EventSourceMappings(ServiceContext context, FunctionDirectory functions, FunctionInvoker invoker,
            StreamReader reader) {
        this.reader = reader;
        Settings settings = context.settings();
        Path folder = context.folder("esm");
        CheckpointStore checkpoints = new CheckpointStore(folder.resolve("checkpoints"));
        Duration poll = settings.millis(Setting.ESM_POLL_INTERVAL_MILLIS);
        Duration retryMax = settings.millis(Setting.ESM_RETRY_MAX_MILLIS);
        RunnerServices services = new RunnerServices(reader, new BatchInvoker(invoker), functions, checkpoints,
                new DiscardedRecords(folder.resolve("on-failure")), context.clock(), poll,
                new Backoff(settings.millis(Setting.ESM_RETRY_BASE_MILLIS), retryMax),
                new Backoff(poll, retryMax.compareTo(MAX_READ_BACKOFF) < 0 ? retryMax : MAX_READ_BACKOFF),
                (uuid, result) -> registry().lastProcessingResult(uuid, result));
        this.registry = new MappingRegistry(new MappingStore(folder.resolve("mappings")), checkpoints, services,
                context.clock(), settings.millis(Setting.ESM_STATE_DELAY_MILLIS));
        this.api = new MappingApi(registry, functions, reader, context.names(), context.clock());
        this.tagsApi = new MappingTagsApi(registry);
    }

    /** Adds the {@code /2015-03-31/event-source-mappings} routes (and tags of mapping ARNs) to Lambda's router. */
    public void registerRoutes(RestJsonRouter lambdaRouter) {
        api.registerRoutes(lambdaRouter);
        tagsApi.registerRoutes(lambdaRouter);
    }

    /** Resumes the persisted mappings (after a restart) and starts polling. */
    public void start() {
        registry.start();
    }

    /** The mappings and their runners, for diagnostics and tests. */
    public MappingRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        registry.close();
        if (reader instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing HTTP clients: nothing left to do about a failure
            }
        }
    }
}
