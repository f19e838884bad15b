package statelab.verify;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import statelab.verify.TerraformOutputs.Name;

/**
 * The lab's resources and how to reach them, after options have overridden the Terraform outputs.
 *
 * @param region null: let the SDK's region chain decide
 * @param endpointUrl null: the SDK decides (AWS_ENDPOINT_URL, else AWS)
 * @param profile null: the SDK's default credential chain
 * @param mappingUuid null: find the mapping by function and stream
 * @param logGroupName the function's log group ({@code /aws/lambda/<function>} unless the outputs say otherwise)
 */
public record LabTarget(String streamName, String tableName, String functionName, String region, URI endpointUrl,
        String profile, String mappingUuid, String logGroupName) {

    /**
     * Options first, then the outputs file (from {@code --outputs} or {@code $VERIFY_LAB_OUTPUTS}).
     *
     * @throws PreflightException when stream, table or function stays unknown, saying how to fix that
     */
    public static LabTarget resolve(LabOptions options, Environment environment) {
        Path outputsFile = options.outputs != null ? options.outputs
                : Optional.ofNullable(environment.get(Environment.OUTPUTS)).map(Path::of).orElse(null);
        TerraformOutputs outputs = TerraformOutputs.NONE;
        if (outputsFile != null) {
            try {
                outputs = TerraformOutputs.read(outputsFile, environment.makeApply());
            } catch (PreflightException e) {
                // with every resource named on the command line the outputs only add defaults (region)
                boolean allNamed = options.stream != null && options.table != null && options.function != null;
                if (!allNamed) {
                    throw e;
                }
            }
        }

        String stream = pick(options.stream, outputs, Name.STREAM_NAME);
        String table = pick(options.table, outputs, Name.TABLE_NAME);
        String function = pick(options.function, outputs, Name.FUNCTION_NAME);
        List<String> unknown = new ArrayList<>();
        if (stream == null) {
            unknown.add("--stream");
        }
        if (table == null) {
            unknown.add("--table");
        }
        if (function == null) {
            unknown.add("--function");
        }
        if (!unknown.isEmpty()) {
            if (outputsFile == null) {
                throw new PreflightException("No lab to verify: start verify-lab with ./verify-lab after "
                        + "make apply (it passes the Terraform outputs), or name the resources with "
                        + String.join(", ", unknown) + ".");
            }
            if (outputs.isEmpty()) {
                throw new PreflightException("No lab is applied (Terraform has no outputs): " + environment.makeApply()
                        + ", or name the resources with " + String.join(", ", unknown) + ".");
            }
            throw new PreflightException("The Terraform outputs in " + outputsFile + " do not name the "
                    + String.join(", ", unknown).replace("--", "") + ": " + environment.makeApply()
                    + " with the current terraform/, or pass " + String.join(", ", unknown) + ".");
        }
        // a mapping or log group from the outputs belongs to the function and stream of the outputs
        boolean sameLab = options.stream == null && options.function == null;
        String mappingUuid = sameLab ? outputs.get(Name.MAPPING_UUID).orElse(null) : null;
        String logGroup = options.function == null ? outputs.get(Name.LOG_GROUP_NAME).orElse(null) : null;
        return new LabTarget(stream, table, function, pick(options.region, outputs, Name.REGION), options.endpointUrl,
                options.profile, mappingUuid, logGroup != null ? logGroup : "/aws/lambda/" + function);
    }

    private static String pick(String option, TerraformOutputs outputs, Name name) {
        return option != null ? option : outputs.get(name).orElse(null);
    }

    /** The endpoint as the report shows it. */
    public String endpointDescription(Environment environment) {
        if (endpointUrl != null) {
            return endpointUrl.toString();
        }
        String fromEnvironment = environment.get(Environment.AWS_ENDPOINT_URL);
        return fromEnvironment != null ? fromEnvironment : "AWS";
    }
}
