package statelab.localaws.lambda.function;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import statelab.localaws.edge.AwsException;

/**
 * A function as a request names it: a name, a full ARN or a partial ARN ({@code 123456789012:function:name}),
 * any of them optionally with a {@code :qualifier}. Parsed with AWS's own pattern for the FunctionName member.
 */
public record FunctionLocator(String name, String qualifier, String region, String accountId) {
    public static final String LATEST = "$LATEST";

    private static final String PATTERN_TEXT = "(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
            + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_\\.]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";
    private static final Pattern PATTERN = Pattern.compile(PATTERN_TEXT);
    private static final int MAX_LENGTH = 170;

    /** @throws AwsException ValidationException, worded as AWS words it, for anything the pattern refuses */
    public static FunctionLocator parse(String text) {
        if (text == null || text.isEmpty()) {
            throw AwsException.validation("1 validation error detected: Value null at 'functionName' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        Matcher m = PATTERN.matcher(text);
        if (text.length() > MAX_LENGTH || !m.matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + text + "' at 'functionName'"
                    + " failed to satisfy constraint: Member must satisfy regular expression pattern: " + PATTERN_TEXT);
        }
        String region = m.group(3) == null ? null : m.group(3).substring(0, m.group(3).length() - 1);
        String account = m.group(5) == null ? null : m.group(5).substring(0, 12);
        return new FunctionLocator(m.group(7), m.group(9), region, account);
    }

    /**
     * Combines the qualifier of the name with a {@code Qualifier} parameter, refusing a contradiction as AWS does.
     */
    public FunctionLocator withQualifier(String qualifierParam) {
        if (qualifierParam == null || qualifierParam.isEmpty()) {
            return this;
        }
        if (qualifier != null && !qualifier.equals(qualifierParam)) {
            throw AwsException.invalidParameter("The derived qualifier from the function name does not match the"
                    + " specified qualifier.");
        }
        return new FunctionLocator(name, qualifierParam, region, accountId);
    }

    /** True when the qualifier, if any, is {@code $LATEST}: the only version local-aws has (no publishing). */
    public boolean isLatest() {
        return qualifier == null || LATEST.equals(qualifier);
    }
}
