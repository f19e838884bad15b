package statelab.verify;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code verify-lab}: the workshop's "How do you know it is working?" as a command. Puts sample trades on the lab's
 * stream, waits until StateTable holds each one at its latest version, and reports.
 */
@Command(name = "verify-lab", mixinStandardHelpOptions = true, versionProvider = VerifyLab.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Proves that the lab works: puts sample trades on the Kinesis stream, waits until the DynamoDB table "
                    + "holds every trade at its latest version (and nothing for bad records), and reports.",
            "",
            "Before it puts anything it checks the lab (as `verify-lab preflight` does): the stream is ACTIVE, the "
                    + "table exists, the function's mapping from the stream is Enabled.",
            "",
            "Run it as ./verify-lab from the repository root: after `make apply` it needs no options, the launcher "
                    + "reads the Terraform outputs of the current TARGET (local unless set; TARGET=aws for AWS) and, "
                    + "for TARGET=local, points the AWS SDK at local-aws. Every option below overrides one of those "
                    + "defaults.",
            ""},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./verify-lab",
            "      after make apply: 100 trades, wait up to 120 s, exit 0 when StateTable is right",
            "  ./verify-lab --count 10000 --duplicates 500 --out-of-order 300 --bad 50",
            "      a harder run: duplicates, stale versions sent late, malformed records",
            "  ./verify-lab --seed 42 --json | jq .table",
            "      repeatable data, a machine-readable report",
            "  TARGET=aws ./verify-lab",
            "      the lab made with make apply TARGET=aws (your AWS credentials and region)",
            "  ./verify-lab preflight",
            "      only check that the lab is there; puts nothing",
            "  ./verify-lab --stream S --table T --function F --region eu-west-1",
            "      a lab made without this project's Terraform",
            "",
            "The report: trades expected and found at their latest version, wrong version or value, missing, "
                    + "unexpected (items for bad records); what was sent; put throughput; first-seen latency "
                    + "p50/p95/p99/max; the mapping's LastProcessingResult; on failure the function's recent errors "
                    + "from CloudWatch Logs. Progress goes to stderr, the report to stdout."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCode.PASS_HELP, ExitCode.FAIL_HELP, ExitCode.USAGE_HELP, ExitCode.PREFLIGHT_HELP})
public final class VerifyLab implements Callable<Integer> {
    static final int MAX_COUNT = 1_000_000;

    @Option(names = "--count", paramLabel = "N", defaultValue = "100", order = 1,
            converter = Converters.Count.class,
            description = "Trades to send, each a new TradeID at Version 1 (default: ${DEFAULT-VALUE}; at most "
                    + MAX_COUNT + ").")
    int count;

    @Option(names = "--duplicates", paramLabel = "N", defaultValue = "0", order = 2,
            converter = Converters.Count.class,
            description = "Extra exact re-sends of records already sent (0 to --count).")
    int duplicates;

    @Option(names = "--out-of-order", paramLabel = "N", defaultValue = "0", order = 3,
            converter = Converters.Count.class,
            description = "Extra older versions of a trade, sent after its newest one; they must not win "
                    + "(0 to --count).")
    int outOfOrder;

    @Option(names = "--updates", paramLabel = "N", defaultValue = "0", order = 4,
            converter = Converters.Count.class,
            description = "Extra newer versions of earlier trades; they must win (0 to --count).")
    int updates;

    @Option(names = "--bad", paramLabel = "N", defaultValue = "0", order = 5,
            converter = Converters.Count.class,
            description = "Extra malformed records (not JSON, missing field, negative Version...); the function must "
                    + "skip them and write nothing for them (0 to --count).")
    int bad;

    @Option(names = "--seed", paramLabel = "N", order = 6, converter = Converters.Seed.class,
            description = "Seed of the sample data: the same seed sends the same records (default: random, shown in "
                    + "the report).")
    Long seed;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s", order = 7,
            converter = Converters.Timeout.class,
            description = "How long to wait for StateTable after the last record is put: 120, 90s, 5m "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", order = 8,
            description = "Print the report as one JSON object (fields: verifier-cli/README.md).")
    boolean json;

    @Mixin
    LabOptions lab;

    @Spec
    CommandSpec spec;

    private final Environment environment;
    private final AwsClients.Factory clientsFactory;
    private final Verification.Pacing pacing;

    VerifyLab(Environment environment, AwsClients.Factory clientsFactory, Verification.Pacing pacing) {
        this.environment = environment;
        this.clientsFactory = clientsFactory;
        this.pacing = pacing;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int exitCode = commandLine(out, err, Environment.system(), new SdkClients()).execute(args);
        out.flush();
        err.flush();
        System.exit(exitCode);
    }

    /** The whole command line, wired to these streams, this environment and these clients: what tests call. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Environment environment,
            AwsClients.Factory clients) {
        return commandLine(out, err, environment, clients, Verification.Pacing.DEFAULT);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Environment environment,
            AwsClients.Factory clients, Verification.Pacing pacing) {
        CommandLine commandLine = new CommandLine(new VerifyLab(environment, clients, pacing));
        commandLine.addSubcommand("preflight", new PreflightCommand(environment, clients));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(VerifyLab::usageError);
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println("verify-lab: unexpected error: " + e
                    + (verbose(failed) ? "" : " (run with -v for the stack trace)"));
            if (verbose(failed)) {
                e.printStackTrace(failed.getErr());
            }
            failed.getErr().flush();
            return ExitCode.FAIL;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Guard.run(out, err, json, lab.verbose(), () -> {
            LabTarget target = LabTarget.resolve(lab, environment);
            try (AwsClients clients = clientsFactory.create(target)) {
                Preflight.Result preflight = new Preflight(clients, target, environment).run();
                long dataSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000_000_000L);
                Workload workload = TradeGenerator.generate(
                        new WorkloadSpec(count, duplicates, outOfOrder, updates, bad, dataSeed));
                err.println("verify-lab: preflight passed; putting " + workload.records().size() + " records on "
                        + target.streamName() + " (" + ReportText.plural(preflight.openShards(), "shard")
                        + "), then waiting up to " + ReportText.seconds(timeout.toMillis() / 1000.0) + " for "
                        + target.tableName());
                err.flush();
                Progress progress = Progress.forOutput(err, environment.isTerminal());
                Report report = new Verification(clients, target, preflight, environment, progress, timeout, pacing)
                        .run(workload, seed != null);
                out.print(json ? ReportJson.render(report) + "\n" : ReportText.render(report));
                out.flush();
                return report.passed() ? ExitCode.PASS : ExitCode.FAIL;
            }
        });
    }

    private void validate() {
        CommandLine commandLine = spec.commandLine();
        if (count < 1 || count > MAX_COUNT) {
            throw new ParameterException(commandLine, "--count must be between 1 and " + MAX_COUNT + ", was "
                    + count);
        }
        for (Object[] extra : List.of(new Object[] {"--duplicates", duplicates},
                new Object[] {"--out-of-order", outOfOrder}, new Object[] {"--updates", updates},
                new Object[] {"--bad", bad})) {
            int value = (Integer) extra[1];
            if (value < 0 || value > count) {
                throw new ParameterException(commandLine, extra[0] + " must be between 0 and --count (" + count
                        + "), was " + value);
            }
        }
    }

    /** One line, exit 2: what is wrong, and where to read more. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        String command = commandLine.getCommandSpec().qualifiedName();
        err.println(command + ": " + message.strip() + "; see " + command + " --help");
        err.flush();
        return ExitCode.USAGE;
    }

    private static boolean verbose(CommandLine failed) {
        Object command = failed.getCommand();
        if (command instanceof VerifyLab root) {
            return root.lab != null && root.lab.verbose();
        }
        if (command instanceof PreflightCommand preflight) {
            return preflight.lab != null && preflight.lab.verbose();
        }
        return false;
    }

    /** The version in the jar's manifest (the Maven project version). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = VerifyLab.class.getPackage().getImplementationVersion();
            return new String[] {"verify-lab " + (version != null ? version : "(development build)")};
        }
    }
}
