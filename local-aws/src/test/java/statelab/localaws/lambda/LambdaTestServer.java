package statelab.localaws.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import statelab.localaws.ServiceContext;
import statelab.localaws.config.AwsNames;
import statelab.localaws.config.Setting;
import statelab.localaws.config.Settings;
import statelab.localaws.edge.EdgeServer;
import statelab.localaws.iam.IamService;
import statelab.localaws.logs.LogsService;
import statelab.localaws.testfunctions.TestFunctionZip;
import statelab.localaws.testing.AwsClients;
import statelab.localaws.testing.StatelabRoot;

/**
 * Lambda in-process for integration tests, with the real IAM and CloudWatch Logs services beside it: an
 * {@link EdgeServer} on a free loopback port, data in a temporary folder, the runtime client from
 * {@code local-aws/target/lambda-runtime}, and SDK clients pointed at it (no SDK retries, so that a test sees
 * each answer). {@link #restart()} keeps the data folder; {@link #close()} stops every child JVM.
 */
public final class LambdaTestServer implements AutoCloseable {
    public static final String ROLE_NAME = "lambda-test-role";
    static final String TRUST_LAMBDA = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    private final Path dataDir;
    private final Map<Setting, String> settings;
    private EdgeServer edge;
    private LambdaService lambda;
    private LambdaClient lambdaClient;
    private IamClient iamClient;
    private CloudWatchLogsClient logsClient;

    private LambdaTestServer(Path dataDir, Map<Setting, String> settings) {
        this.dataDir = dataDir;
        this.settings = settings;
        startServices();
    }

    /** @param overrides settings for this test (idle time, concurrency...) over the fixture's own */
    public static LambdaTestServer start(Path dataDir, Map<Setting, String> overrides) {
        Map<Setting, String> settings = new EnumMap<>(Setting.class);
        settings.put(Setting.LAMBDA_RUNTIME_LIB, StatelabRoot.path().resolve("local-aws/target/lambda-runtime")
                .toString());
        settings.put(Setting.LAMBDA_STATE_DELAY_MILLIS, "100");
        settings.putAll(overrides);
        return new LambdaTestServer(dataDir, settings);
    }

    public static LambdaTestServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    private void startServices() {
        Settings values = Settings.of(settings);
        try {
            edge = new EdgeServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    values.number(Setting.MAX_REQUEST_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + edge.port());
        ServiceContext context = new ServiceContext(values, AwsNames.from(values), dataDir, Clock.systemUTC(), endpoint);
        IamService iam = new IamService(context);
        LogsService logs = new LogsService(context);
        lambda = new LambdaService(context, iam, logs);
        edge.addService(iam);
        edge.addService(logs);
        edge.addService(lambda);
        lambda.registerInternalRoutes(edge);
        edge.start();
        lambdaClient = AwsClients.configure(LambdaClient.builder(), endpoint)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofSeconds(120)))
                .build();
        iamClient = AwsClients.configure(IamClient.builder(), endpoint).build();
        logsClient = AwsClients.configure(CloudWatchLogsClient.builder(), endpoint).build();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + edge.port());
    }

    public LambdaService lambda() {
        return lambda;
    }

    public LambdaClient client() {
        return lambdaClient;
    }

    public IamClient iam() {
        return iamClient;
    }

    public CloudWatchLogsClient logs() {
        return logsClient;
    }

    /** The ARN of a role trusting lambda.amazonaws.com, created through IAM on first use. */
    public String roleArn() {
        try {
            return iamClient.getRole(r -> r.roleName(ROLE_NAME)).role().arn();
        } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
            return iamClient.createRole(r -> r.roleName(ROLE_NAME).assumeRolePolicyDocument(TRUST_LAMBDA)).role().arn();
        }
    }

    /**
     * Creates a java21 function running {@code handler} from the test functions' zip (timeout 10 s, 256 MB unless
     * {@code extra} says otherwise).
     */
    public CreateFunctionResponse createFunction(String name, Class<?> handler,
            Consumer<CreateFunctionRequest.Builder> extra) {
        byte[] zip = TestFunctionZip.of(handler);
        return lambdaClient.createFunction(b -> {
            b.functionName(name).runtime(Runtime.JAVA21).role(roleArn()).handler(TestFunctionZip.handler(handler))
                    .timeout(10).memorySize(256).code(c -> c.zipFile(SdkBytes.fromByteArray(zip)));
            extra.accept(b);
        });
    }

    public CreateFunctionResponse createFunction(String name, Class<?> handler) {
        return createFunction(name, handler, b -> { });
    }

    /** Every message of the function's log group, oldest first (all streams). */
    public List<String> logMessages(String functionName) {
        List<String> messages = new ArrayList<>();
        for (FilteredLogEvent event : logsClient.filterLogEventsPaginator(r -> r.logGroupName("/aws/lambda/"
                + functionName)).events()) {
            messages.add(event.message());
        }
        return messages;
    }

    /** Stops Lambda and the edge and starts them again on the same data folder (new port, new clients). */
    public LambdaTestServer restart() {
        stopServices();
        startServices();
        return this;
    }

    private void stopServices() {
        lambdaClient.close();
        iamClient.close();
        logsClient.close();
        lambda.close();
        edge.close();
    }

    @Override
    public void close() {
        stopServices();
    }
}
