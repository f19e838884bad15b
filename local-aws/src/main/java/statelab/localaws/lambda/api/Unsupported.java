package statelab.localaws.lambda.api;

import statelab.localaws.edge.AwsException;

/**
 * The one wording of "local-aws does not emulate this option": an InvalidParameterValueException naming the
 * option and what is supported instead. Every refusal is also listed in local-aws/README.md.
 */
final class Unsupported {
    private Unsupported() {
    }

    static AwsException option(String option, String supported) {
        return AwsException.invalidParameter("local-aws does not emulate " + option + "; " + supported
                + " (see 'What local-aws refuses' in local-aws/README.md)");
    }
}
