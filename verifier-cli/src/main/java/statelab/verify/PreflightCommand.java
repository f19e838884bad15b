package statelab.verify;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code verify-lab preflight}: only the checks, nothing is put or written. */
@Command(name = "preflight", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Checks that the lab is there and ready, without putting anything on the stream: the stream is "
                    + "ACTIVE, the table exists, the function exists and its mapping from the stream is Enabled.",
            "Prints one line per check, or one sentence that says what to do."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every check passed.", ExitCode.USAGE_HELP, ExitCode.PREFLIGHT_HELP})
final class PreflightCommand implements Callable<Integer> {

    @Mixin
    LabOptions lab;

    @Option(names = "--json", order = 50, description = "Print one JSON object instead of the lines.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Environment environment;
    private final AwsClients.Factory clientsFactory;

    PreflightCommand(Environment environment, AwsClients.Factory clientsFactory) {
        this.environment = environment;
        this.clientsFactory = clientsFactory;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return Guard.run(out, err, json, lab.verbose(), () -> {
            LabTarget target = LabTarget.resolve(lab, environment);
            try (AwsClients clients = clientsFactory.create(target)) {
                Preflight.Result result = new Preflight(clients, target, environment).run();
                if (json) {
                    Map<String, String> labNames = new LinkedHashMap<>();
                    labNames.put("stream", target.streamName());
                    labNames.put("table", target.tableName());
                    labNames.put("function", target.functionName());
                    labNames.put("region", target.region());
                    labNames.put("endpoint", target.endpointDescription(environment));
                    out.println(ReportJson.preflight(result, labNames));
                } else {
                    result.checks().forEach(check -> out.println("ok  " + check));
                }
                out.flush();
                return ExitCode.PASS;
            }
        });
    }
}
