package statelab.localaws.esm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import statelab.localaws.ServiceContext;
import statelab.localaws.config.AwsNames;
import statelab.localaws.config.Setting;
import statelab.localaws.config.Settings;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.edge.AwsService;
import statelab.localaws.edge.EdgeServer;
import statelab.localaws.esm.reader.KinesisStreamReader;
import statelab.localaws.esm.reader.StreamReader;
import statelab.localaws.protocol.RestJsonRouter;
import statelab.localaws.spi.EmulatorEndpoints;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.AwsClients;

/**
 * Event source mappings in-process against a real kinesis-mock: an edge on a free loopback port serving only
 * the mapping API (the real SDK's LambdaClient drives it), {@link FakeFunctions} in place of Lambda, short
 * timings. The mappings can be closed and built again on the same data folder, as after a restart.
 */
final class EsmTestbed implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    final FakeFunctions functions = new FakeFunctions();
    final KinesisClient kinesis;
    final LambdaClient lambda;
    final Path dataDir;
    final URI endpoint;
    private final EmulatorEndpoints emulators;
    private final Clock clock;
    private final Function<StreamReader, StreamReader> readerWrapper;
    private final Map<Setting, String> extraSettings;
    private final EdgeServer edge;
    private volatile RestJsonRouter router;
    private EventSourceMappings mappings;

    EsmTestbed(EmulatorEndpoints emulators, Path dataDir) {
        this(emulators, dataDir, Clock.systemUTC(), reader -> reader);
    }

    /**
     * @param clock what the mappings take as now (record age)
     * @param readerWrapper wraps the real reader, to inject failures
     */
    EsmTestbed(EmulatorEndpoints emulators, Path dataDir, Clock clock, Function<StreamReader, StreamReader> readerWrapper) {
        this(emulators, dataDir, clock, readerWrapper, Map.of());
    }

    /** @param extraSettings settings that differ from the testbed's fast ones */
    EsmTestbed(EmulatorEndpoints emulators, Path dataDir, Clock clock, Function<StreamReader, StreamReader> readerWrapper,
            Map<Setting, String> extraSettings) {
        this.extraSettings = extraSettings;
        this.emulators = emulators;
        this.dataDir = dataDir;
        this.clock = clock;
        this.readerWrapper = readerWrapper;
        try {
            edge = new EdgeServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        edge.addService(new AwsService() {
            @Override
            public Set<String> signingNames() {
                return Set.of("lambda");
            }

            @Override
            public AwsResponse handle(AwsRequest request) {
                return router.handle(request);
            }
        });
        startMappings();
        edge.start();
        endpoint = URI.create("http://127.0.0.1:" + edge.port());
        kinesis = AwsClients.configure(KinesisClient.builder(), emulators.kinesis())
                .httpClient(UrlConnectionHttpClient.create()).build();
        lambda = AwsClients.configure(LambdaClient.builder(), endpoint).httpClient(UrlConnectionHttpClient.create()).build();
    }

    Settings settings() {
        Map<Setting, String> fast = new EnumMap<>(Setting.class);
        fast.put(Setting.ESM_POLL_INTERVAL_MILLIS, "50");
        fast.put(Setting.ESM_STATE_DELAY_MILLIS, "50");
        fast.put(Setting.ESM_RETRY_BASE_MILLIS, "20");
        fast.put(Setting.ESM_RETRY_MAX_MILLIS, "200");
        fast.putAll(extraSettings);
        return Settings.of(fast);
    }

    /** Builds the mappings on the data folder and starts them (again, after {@link #stopMappings()}). */
    void startMappings() {
        Settings settings = settings();
        ServiceContext context = new ServiceContext(settings, AwsNames.from(settings), dataDir, clock,
                URI.create("http://127.0.0.1:1"));
        mappings = new EventSourceMappings(context, functions, functions,
                readerWrapper.apply(new KinesisStreamReader(emulators)));
        RestJsonRouter fresh = new RestJsonRouter("Lambda");
        mappings.registerRoutes(fresh);
        router = fresh;
        mappings.start();
    }

    /** Stops the mappings as local-aws's shutdown does. */
    void stopMappings() {
        mappings.close();
    }

    EventSourceMappings mappings() {
        return mappings;
    }

    /** Creates a stream and waits until it is ACTIVE; returns its ARN. */
    String createStream(String name, int shards) {
        kinesis.createStream(b -> b.streamName(name).shardCount(shards));
        Await.until(name + " is ACTIVE", WAIT, () -> kinesis.describeStreamSummary(b -> b.streamName(name))
                .streamDescriptionSummary().streamStatus() == StreamStatus.ACTIVE);
        return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamARN();
    }

    PutRecordResponse put(String streamArn, String partitionKey, String data) {
        return kinesis.putRecord(b -> b.streamARN(streamArn).partitionKey(partitionKey)
                .data(SdkBytes.fromString(data, StandardCharsets.UTF_8)));
    }

    /** Puts on the shard owning this hash key (0 = the first shard, 2^128-1 = the last). */
    PutRecordResponse putToHashKey(String streamArn, String hashKey, String data) {
        return kinesis.putRecord(b -> b.streamARN(streamArn).partitionKey(data).explicitHashKey(hashKey)
                .data(SdkBytes.fromString(data, StandardCharsets.UTF_8)));
    }

    GetEventSourceMappingResponse get(String uuid) {
        return lambda.getEventSourceMapping(b -> b.uuid(uuid));
    }

    void awaitState(String uuid, String state) {
        Await.until("mapping " + uuid + " is " + state, WAIT, () -> state.equals(get(uuid).state()));
    }

    /** Creates a mapping with the given changes to a TRIM_HORIZON default and waits until it is Enabled. */
    String map(String function, String streamArn,
            java.util.function.UnaryOperator<software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingRequest.Builder> options) {
        String uuid = lambda.createEventSourceMapping(b -> options.apply(b.functionName(function).eventSourceArn(streamArn)
                .startingPosition("TRIM_HORIZON"))).uuid();
        awaitState(uuid, "Enabled");
        return uuid;
    }

    /** Updates a mapping and waits until it has settled in {@code settledState}. */
    void update(String uuid, String settledState,
            java.util.function.UnaryOperator<software.amazon.awssdk.services.lambda.model.UpdateEventSourceMappingRequest.Builder> change) {
        lambda.updateEventSourceMapping(b -> change.apply(b.uuid(uuid)));
        awaitState(uuid, settledState);
    }

    @Override
    public void close() {
        mappings.close();
        edge.close();
        kinesis.close();
        lambda.close();
    }
}
