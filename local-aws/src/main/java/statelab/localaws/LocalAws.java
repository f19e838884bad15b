package statelab.localaws;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import statelab.localaws.config.Setting;
import statelab.localaws.config.Settings;
import statelab.localaws.emulators.EmulatorSupervisor;
import statelab.localaws.emulators.ProcessStopper;

/**
 * The {@code local-aws} command: {@code serve} (foreground), {@code stop}, {@code status}, {@code settings}.
 * Exit codes are defined once in {@link Exit}; a user mistake is one line on stderr, a stack trace only with
 * {@code -v}.
 */
@Command(name = "local-aws", mixinStandardHelpOptions = true, versionProvider = LocalAws.Version.class,
        description = "An AWS-compatible endpoint on 127.0.0.1 for the StateLambda lab: Lambda, IAM, STS,"
                + " CloudWatch Logs, and Kinesis and DynamoDB through kinesis-mock and dynalite.",
        subcommands = {LocalAws.Serve.class, LocalAws.Stop.class, LocalAws.Status.class, LocalAws.SettingsTable.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (stop: also when local-aws was not running)",
            "1:local-aws failed while starting or running (see its log)",
            "2:bad usage or a bad setting",
            "3:status: local-aws is not running; serve: it is already running",
            "4:serve: the port is in use by another program",
            "5:stop: local-aws did not stop"})
public final class LocalAws implements Runnable {

    /** Exit codes, in one place (also printed by --help). */
    public static final class Exit {
        public static final int OK = 0;
        public static final int FAILED = 1;
        public static final int USAGE = 2;
        public static final int NOT_RUNNING_OR_ALREADY_RUNNING = 3;
        public static final int PORT_IN_USE = 4;
        public static final int DID_NOT_STOP = 5;

        private Exit() {
        }
    }

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: serve, stop, status or settings");
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        System.exit(commandLine().execute(args));
    }

    /** The command line as main runs it; tests call it with their own output writers. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LocalAws());
        commandLine.setExitCodeExceptionMapper(e -> e instanceof StartupException s
                && s.reason() == StartupException.Reason.PORT_IN_USE ? Exit.PORT_IN_USE
                : e instanceof StartupException s2 && s2.reason() == StartupException.Reason.BAD_SETTING ? Exit.USAGE
                : e instanceof IllegalArgumentException ? Exit.USAGE : Exit.FAILED);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Common common = findCommon(cmd);
            PrintWriter err = cmd.getErr();
            err.println("local-aws: " + e.getMessage());
            if (common != null && common.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return cmd.getExitCodeExceptionMapper().getExitCode(e);
        });
        return commandLine;
    }

    private static Common findCommon(CommandLine cmd) {
        Object command = cmd.getCommand();
        if (command instanceof Serve serve) {
            return serve.common;
        }
        if (command instanceof Stop stop) {
            return stop.common;
        }
        if (command instanceof Status status) {
            return status.common;
        }
        return null;
    }

    /** Options every command shares: where the data folder is (it holds the pid file) and verbosity. */
    static final class Common {
        @Option(names = "--data-dir", paramLabel = "DIR", description = "data folder (env LOCAL_AWS_DATA_DIR, default"
                + " .lab/local-aws)")
        Path dataDir;

        @Option(names = {"-v", "--verbose"}, description = "show stack traces of errors")
        boolean verbose;

        Map<Setting, String> overrides() {
            Map<Setting, String> overrides = new EnumMap<>(Setting.class);
            if (dataDir != null) {
                overrides.put(Setting.DATA_DIR, dataDir.toString());
            }
            return overrides;
        }

        Settings settings(Map<Setting, String> more) {
            Map<Setting, String> all = overrides();
            all.putAll(more);
            return new Settings(System.getenv(), all);
        }

        PidFile pidFile(Settings settings) {
            return new PidFile(Path.of(settings.text(Setting.DATA_DIR)).toAbsolutePath().normalize());
        }
    }

    @Command(name = "serve", description = "Run local-aws in the foreground until SIGTERM or SIGINT (Ctrl-C).")
    static final class Serve implements Callable<Integer> {
        @Mixin
        Common common = new Common();

        @Option(names = "--host", description = "address to listen on (env LOCAL_AWS_HOST, default 127.0.0.1)")
        String host;

        @Option(names = "--port", description = "port (env LOCAL_AWS_PORT, default 4566; 0 = any free port)")
        Integer port;

        @Option(names = "--allow-non-loopback", description = "allow a non-loopback --host (env LOCAL_AWS_ALLOW_NON_LOOPBACK)")
        boolean allowNonLoopback;

        @Option(names = "--emulators-dir", paramLabel = "DIR",
                description = "folder with node_modules of kinesis-local and dynalite (env LOCAL_AWS_EMULATORS_DIR)")
        Path emulatorsDir;

        @Option(names = "--node", description = "Node.js executable (env LOCAL_AWS_NODE, default node)")
        String node;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Map<Setting, String> options = new EnumMap<>(Setting.class);
            if (host != null) {
                options.put(Setting.HOST, host);
            }
            if (port != null) {
                options.put(Setting.PORT, Integer.toString(port));
            }
            if (allowNonLoopback) {
                options.put(Setting.ALLOW_NON_LOOPBACK, "true");
            }
            if (emulatorsDir != null) {
                options.put(Setting.EMULATORS_DIR, emulatorsDir.toString());
            }
            if (node != null) {
                options.put(Setting.NODE, node);
            }
            Settings settings = common.settings(options);
            PidFile pidFile = common.pidFile(settings);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            var running = pidFile.live();
            if (running.isPresent()) {
                err.println("local-aws is already running (pid " + running.get().pid() + ", " + running.get().endpoint() + ")");
                err.flush();
                return Exit.NOT_RUNNING_OR_ALREADY_RUNNING;
            }
            LocalAwsServer server = LocalAwsServer.start(settings);
            long pid = ProcessHandle.current().pid();
            pidFile.write(pid, server.endpoint().toString());
            CountDownLatch stopped = new CountDownLatch(1);
            Thread shutdown = new Thread(() -> {
                try {
                    server.close();
                    pidFile.removeIfOwnedBy(pid);
                } finally {
                    stopped.countDown();
                }
            }, "local-aws-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdown);
            out.println("local-aws " + LocalAwsServer.version() + " listening on " + server.endpoint() + " (pid " + pid
                    + ", data in " + server.dataDir() + ")");
            out.flush();
            stopped.await();
            return Exit.OK;
        }
    }

    @Command(name = "stop", description = "Stop the local-aws of the data folder: SIGTERM, wait, then SIGKILL.")
    static final class Stop implements Callable<Integer> {
        @Mixin
        Common common = new Common();

        @Option(names = "--timeout", description = "seconds to wait after SIGTERM before SIGKILL (default 30)")
        int timeoutSeconds = 30;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Settings settings = common.settings(Map.of());
            PidFile pidFile = common.pidFile(settings);
            PrintWriter out = spec.commandLine().getOut();
            var running = pidFile.live();
            if (running.isEmpty()) {
                pidFile.removeStale();
                out.println("local-aws is not running");
                out.flush();
                return Exit.OK;
            }
            ProcessHandle process = ProcessHandle.of(running.get().pid()).orElseThrow();
            boolean stopped = ProcessStopper.stop(process, Duration.ofSeconds(timeoutSeconds));
            // after a SIGKILL its emulators may be left: they are recorded in the data folder
            EmulatorSupervisor.stopLeftovers(Path.of(settings.text(Setting.DATA_DIR)).resolve("emulators"));
            if (!stopped) {
                spec.commandLine().getErr().println("local-aws (pid " + process.pid() + ") did not stop");
                spec.commandLine().getErr().flush();
                return Exit.DID_NOT_STOP;
            }
            pidFile.removeIfOwnedBy(process.pid());
            out.println("local-aws stopped (pid " + process.pid() + ")");
            out.flush();
            return Exit.OK;
        }
    }

    @Command(name = "status", description = "Say whether local-aws runs, where, and how its emulators are.")
    static final class Status implements Callable<Integer> {
        @Mixin
        Common common = new Common();

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Settings settings = common.settings(Map.of());
            PrintWriter out = spec.commandLine().getOut();
            var running = common.pidFile(settings).live();
            if (running.isEmpty()) {
                out.println("local-aws is not running");
                out.flush();
                return Exit.NOT_RUNNING_OR_ALREADY_RUNNING;
            }
            String health;
            try {
                HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                        .send(HttpRequest.newBuilder(URI.create(running.get().endpoint() + "/_localaws/health"))
                                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                health = response.body();
            } catch (java.io.IOException e) {
                health = "(health endpoint not answering yet: " + e.getMessage() + ")";
            }
            out.println("local-aws is running (pid " + running.get().pid() + ", " + running.get().endpoint() + ")");
            out.println(health);
            out.flush();
            return Exit.OK;
        }
    }

    @Command(name = "settings", description = "Print every setting (environment variable, default, meaning) as a"
            + " markdown table.")
    static final class SettingsTable implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println("| variable | default | meaning |");
            out.println("| --- | --- | --- |");
            for (Setting setting : Setting.values()) {
                String defaultValue = setting.defaultValue().isEmpty() ? "(empty)" : "`" + setting.defaultValue() + "`";
                out.println("| `" + setting.environmentName() + "` | " + defaultValue + " | "
                        + setting.description().replace("|", "\\|") + " |");
            }
            out.flush();
            return Exit.OK;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"local-aws " + LocalAwsServer.version()};
        }
    }
}
