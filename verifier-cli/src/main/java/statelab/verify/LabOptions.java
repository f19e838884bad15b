package statelab.verify;

import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the lab is: the options every verify-lab command shares (a picocli mixin). Each one overrides what the
 * Terraform outputs say; with none given, the outputs of the current target decide everything.
 */
public final class LabOptions {

    @Option(names = "--outputs", paramLabel = "FILE", order = 100,
            description = "Terraform outputs (`terraform output -json`) to take the defaults from. "
                    + "The launcher passes the current TARGET's; default: $" + Environment.OUTPUTS + ".")
    Path outputs;

    @Option(names = "--stream", paramLabel = "NAME", order = 101,
            description = "Kinesis stream to put trades on (default: output stream_name).")
    String stream;

    @Option(names = "--table", paramLabel = "NAME", order = 102,
            description = "DynamoDB table to read (default: output table_name).")
    String table;

    @Option(names = "--function", paramLabel = "NAME", order = 103,
            description = "Lambda function behind the stream (default: output function_name).")
    String function;

    @Option(names = "--region", paramLabel = "REGION", order = 104,
            description = "AWS region (default: output region_name, then the SDK's chain: AWS_REGION, profile).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", order = 105,
            description = "One endpoint for every service, e.g. http://127.0.0.1:4566 (default: $AWS_ENDPOINT_URL "
                    + "as the AWS SDK reads it, else AWS).")
    URI endpointUrl;

    @Option(names = "--profile", paramLabel = "NAME", order = 106,
            description = "AWS profile for credentials and region (default: the SDK's chain: environment, "
                    + "AWS_PROFILE, SSO, instance role).")
    String profile;

    @Option(names = {"-v", "--verbose"}, order = 107,
            description = "Show stack traces of errors (nothing else shows them).")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }
}
