package statelab.localaws.lambda;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import statelab.localaws.ServiceContext;
import statelab.localaws.config.Setting;
import statelab.localaws.config.Settings;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.edge.AwsService;
import statelab.localaws.edge.EdgeServer;
import statelab.localaws.lambda.api.CodeDownloads;
import statelab.localaws.lambda.api.LambdaRoutes;
import statelab.localaws.lambda.code.CodeStore;
import statelab.localaws.lambda.code.ZipLimits;
import statelab.localaws.lambda.function.FunctionLocator;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.lambda.function.FunctionRegistry;
import statelab.localaws.lambda.function.TrustPolicy;
import statelab.localaws.lambda.invoke.AsyncInvocations;
import statelab.localaws.lambda.invoke.Invoker;
import statelab.localaws.lambda.runtime.ExecutionEnvironments;
import statelab.localaws.lambda.runtime.InvocationOutcome;
import statelab.localaws.lambda.runtime.ThrottledException;
import statelab.localaws.protocol.RestJsonRouter;
import statelab.localaws.spi.FunctionDirectory;
import statelab.localaws.spi.FunctionInvoker;
import statelab.localaws.spi.LogWriter;
import statelab.localaws.spi.RoleDirectory;

/**
 * AWS Lambda: the rest-json control plane, Invoke, and the execution environments that run functions. Everything
 * is kept under {@code <data>/lambda}: functions ({@code functions/}), their packages ({@code code/}), the pids of
 * running environments ({@code children/}).
 */
public final class LambdaService implements AwsService, FunctionDirectory, FunctionInvoker, AutoCloseable {
    private static final String CANNOT_ASSUME = "The role defined for the function cannot be assumed by Lambda.";

    private final RestJsonRouter router = new RestJsonRouter("Lambda");
    private final FunctionRegistry registry;
    private final ExecutionEnvironments environments;
    private final FunctionLifecycle lifecycle;
    private final Invoker invoker;
    private final AsyncInvocations async;

    public LambdaService(ServiceContext context, RoleDirectory roles, LogWriter logs) {
        Settings settings = context.settings();
        Path folder = context.folder("lambda");
        Duration stateDelay = settings.millis(Setting.LAMBDA_STATE_DELAY_MILLIS);
        this.registry = new FunctionRegistry(folder.resolve("functions"), context.names());
        CodeStore code = new CodeStore(folder.resolve("code"), ZipLimits.LAMBDA);
        String java17 = javaExecutable(settings.text(Setting.LAMBDA_JAVA));
        String java21 = settings.text(Setting.LAMBDA_JAVA21).isEmpty() ? java17 : settings.text(Setting.LAMBDA_JAVA21);
        this.environments = new ExecutionEnvironments(new ExecutionEnvironments.Config(java17, java21,
                runtimeLib(settings.text(Setting.LAMBDA_RUNTIME_LIB)), folder, context.endpoint(),
                settings.seconds(Setting.LAMBDA_IDLE_SECONDS),
                (int) Math.min(Integer.MAX_VALUE, settings.number(Setting.LAMBDA_MAX_ENVIRONMENTS)),
                settings.millis(Setting.LAMBDA_ACQUIRE_WAIT_MILLIS)), logs, context.clock());
        this.lifecycle = new FunctionLifecycle(registry, code, environments, context.clock(), stateDelay);
        lifecycle.collectGarbage();
        this.invoker = new Invoker(lifecycle, environments, stateDelay);
        this.async = new AsyncInvocations(invoker);
        new LambdaRoutes(lifecycle, context.names(), context.endpoint().toString(),
                roleArn -> checkRole(roles, roleArn), invoker, async).register(router);
    }

    /** The router other packages (event source mappings) add their routes to. */
    public RestJsonRouter router() {
        return router;
    }

    /** Serves GetFunction's Code.Location ({@code /_localaws/lambda-code/...}); the wiring calls this once. */
    public void registerInternalRoutes(EdgeServer edge) {
        edge.addInternalRoute(CodeDownloads.ROUTE, new CodeDownloads(lifecycle));
    }

    /** The execution environments (tests and diagnostics: their pids, how many a function has). */
    public ExecutionEnvironments environments() {
        return environments;
    }

    @Override
    public Set<String> signingNames() {
        return Set.of("lambda");
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return router.handle(request);
    }

    @Override
    public Optional<FunctionRef> find(String nameOrArn) {
        return locate(nameOrArn).map(function -> new FunctionRef(function.name(), registry.arn(function),
                function.role(), function.timeout()));
    }

    /**
     * Runs the function once, synchronously, as an event source mapping does: same environments, limits and logs
     * as Invoke. Thread-safe; concurrent calls run in parallel up to the function's concurrency.
     *
     * @throws FunctionNotFoundException when no function has this name or ARN
     * @throws AwsException RequestTooLargeException for a payload over 6 MB; ServiceException when no execution
     *     environment can be started (runtime client or java missing)
     */
    @Override
    public InvocationResult invoke(String functionNameOrArn, byte[] payload) {
        FunctionRecord function = locate(functionNameOrArn).orElseThrow(() -> new FunctionNotFoundException(
                "Function not found: " + functionNameOrArn));
        Invoker.checkSize(payload, Invoker.MAX_SYNC_PAYLOAD);
        try {
            InvocationOutcome outcome = invoker.invoke(function, registry.arn(function), UUID.randomUUID().toString(),
                    payload, null);
            return new InvocationResult(outcome.payload(), outcome.functionError(), false);
        } catch (ThrottledException e) {
            String document = "{\"errorType\":\"TooManyRequestsException\",\"errorMessage\":\"Rate Exceeded.\","
                    + "\"Reason\":\"" + e.reason() + "\"}";
            return new InvocationResult(document.getBytes(java.nio.charset.StandardCharsets.UTF_8), null, true);
        }
    }

    @Override
    public void close() {
        async.close();
        environments.close();
    }

    private Optional<FunctionRecord> locate(String nameOrArn) {
        try {
            return registry.find(FunctionLocator.parse(nameOrArn));
        } catch (AwsException badName) {
            return Optional.empty();
        }
    }

    /** As CreateFunction on AWS: the role must exist and trust lambda.amazonaws.com. */
    private static void checkRole(RoleDirectory roles, String roleArn) {
        boolean assumable = roles.findByArn(roleArn)
                .map(role -> TrustPolicy.allowsLambda(role.assumeRolePolicyDocument()))
                .orElse(false);
        if (!assumable) {
            throw AwsException.invalidParameter(CANNOT_ASSUME);
        }
    }

    /** LAMBDA_JAVA, or the java of the JVM running local-aws. */
    private static String javaExecutable(String configured) {
        if (!configured.isEmpty()) {
            return configured;
        }
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** LAMBDA_RUNTIME_LIB, or lambda-runtime/ beside the local-aws jar (target/lambda-runtime in a build). */
    private static Path runtimeLib(String configured) {
        if (!configured.isEmpty()) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            Path location = Path.of(LambdaService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // a jar's folder, or target/ for target/classes
            return location.getParent().resolve("lambda-runtime");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("lambda-runtime").toAbsolutePath();
        }
    }
}
