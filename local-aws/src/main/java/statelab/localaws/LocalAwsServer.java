package statelab.localaws;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import statelab.localaws.config.AwsNames;
import statelab.localaws.config.Setting;
import statelab.localaws.config.Settings;
import statelab.localaws.dynamodb.DynamoDbService;
import statelab.localaws.edge.AwsService;
import statelab.localaws.edge.EdgeServer;
import statelab.localaws.emulators.EmulatorException;
import statelab.localaws.emulators.EmulatorSupervisor;
import statelab.localaws.esm.EventSourceMappings;
import statelab.localaws.iam.IamService;
import statelab.localaws.kinesis.KinesisProxy;
import statelab.localaws.lambda.LambdaService;
import statelab.localaws.logs.LogsService;
import statelab.localaws.sts.StsService;

/**
 * local-aws assembled: the edge on its address, the emulators, and every service built in dependency order
 * (IAM and Logs before Lambda, Lambda before the event source mappings). {@link #close()} takes it down in
 * reverse order, children included. Used by {@code LocalAws serve} and, in-process, by tests.
 */
public final class LocalAwsServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalAwsServer.class.getName());

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final Path dataDir;
    private EdgeServer edge;
    private EmulatorSupervisor emulators;
    private URI endpoint;

    private LocalAwsServer(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * Starts everything and returns once the edge serves and both emulators answer.
     *
     * @throws StartupException for anything the user can fix (address, port, emulators missing), with one sentence
     */
    public static LocalAwsServer start(Settings settings) {
        Path dataDir = Path.of(settings.text(Setting.DATA_DIR)).toAbsolutePath().normalize();
        LocalAwsServer server = new LocalAwsServer(dataDir);
        try {
            server.build(settings);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void build(Settings settings) {
        InetAddress address = listenAddress(settings);
        int port = settings.port(Setting.PORT);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StartupException(StartupException.Reason.IO, "cannot create the data folder " + dataDir + ": "
                    + e.getMessage(), e);
        }
        try {
            edge = new EdgeServer(new InetSocketAddress(address, port), settings.number(Setting.MAX_REQUEST_BYTES));
        } catch (BindException e) {
            throw new StartupException(StartupException.Reason.PORT_IN_USE, "port " + port + " on "
                    + address.getHostAddress() + " is in use by another program; stop it or set LOCAL_AWS_PORT", e);
        } catch (IOException e) {
            throw new StartupException(StartupException.Reason.IO, "cannot listen on " + address.getHostAddress() + ":"
                    + port + ": " + e.getMessage(), e);
        }
        toClose.push(edge);
        endpoint = URI.create("http://" + hostForUrl(address) + ":" + edge.port());
        ServiceContext context = new ServiceContext(settings, AwsNames.from(settings), dataDir, Clock.systemUTC(), endpoint);

        try {
            emulators = EmulatorSupervisor.start(EmulatorSupervisor.Config.from(settings, context.folder("emulators")));
        } catch (EmulatorException e) {
            throw new StartupException(StartupException.Reason.EMULATORS, e.getMessage(), e);
        }
        toClose.push(emulators);

        IamService iam = new IamService(context);
        LogsService logs = new LogsService(context);
        LambdaService lambda = new LambdaService(context, iam, logs);
        toClose.push(lambda);
        EventSourceMappings mappings = new EventSourceMappings(context, lambda, lambda, emulators);
        toClose.push(mappings);
        mappings.registerRoutes(lambda.router());

        Set<String> served = new LinkedHashSet<>();
        for (AwsService service : new AwsService[] {iam, logs, new StsService(context.names()), new KinesisProxy(emulators),
                new DynamoDbService(context, emulators), lambda}) {
            edge.addService(service);
            served.addAll(service.signingNames());
        }
        edge.addInternalRoute("health", new HealthRoute(emulators, context.clock(), served));
        lambda.registerInternalRoutes(edge);
        mappings.start();
        edge.start();
        LOG.log(System.Logger.Level.INFO, "local-aws " + version() + " serves " + served + " on " + endpoint
                + " (data in " + dataDir + ")");
    }

    /** The configured address, refused when it is not loopback unless explicitly allowed. */
    private static InetAddress listenAddress(Settings settings) {
        String host = settings.text(Setting.HOST);
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new StartupException(StartupException.Reason.BAD_SETTING, "LOCAL_AWS_HOST '" + host
                    + "' is not an address of this machine");
        }
        if (!address.isLoopbackAddress() && !settings.flag(Setting.ALLOW_NON_LOOPBACK)) {
            throw new StartupException(StartupException.Reason.BAD_SETTING, "local-aws has no authentication, so it"
                    + " listens on loopback only: LOCAL_AWS_HOST=" + host + " is refused unless you also set"
                    + " LOCAL_AWS_ALLOW_NON_LOOPBACK=true");
        }
        return address;
    }

    private static String hostForUrl(InetAddress address) {
        String text = address.getHostAddress();
        return text.contains(":") ? "[" + text + "]" : text;
    }

    /** Where clients reach it, e.g. {@code http://127.0.0.1:4566}. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return edge.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public EmulatorSupervisor emulators() {
        return emulators;
    }

    /** The version in the jar's manifest, or "dev" when run from classes. */
    public static String version() {
        String version = LocalAwsServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Stops serving, then every service and child process, in reverse order of start. Safe to call twice. */
    @Override
    public synchronized void close() {
        while (!toClose.isEmpty()) {
            AutoCloseable next = toClose.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "while stopping " + next.getClass().getSimpleName() + ": " + e);
            }
        }
    }
}
