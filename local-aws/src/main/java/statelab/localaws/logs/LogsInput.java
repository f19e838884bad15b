package statelab.localaws.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import statelab.localaws.edge.AwsException;
import statelab.localaws.protocol.Input;

/** Reads and checks the names, identifiers, ARNs and tags of CloudWatch Logs requests. */
final class LogsInput {
    private static final Pattern GROUP_NAME = Pattern.compile("[.\\-_/#A-Za-z0-9]+");
    private static final String GROUP_ARN_MARK = ":log-group:";

    private LogsInput() {
    }

    static String groupName(Input input, String field) {
        String name = input.requiredString(field);
        checkGroupName(name, field);
        return name;
    }

    static void checkGroupName(String name, String field) {
        if (name.isEmpty() || name.length() > 512 || !GROUP_NAME.matcher(name).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + name + "' at '" + field
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern:"
                    + " [\\.\\-_/#A-Za-z0-9]+ and have length between 1 and 512");
        }
    }

    /** {@code logGroupName} or {@code logGroupIdentifier} (a name or an ARN); exactly one of them. */
    static String groupNameOrIdentifier(Input input) {
        Optional<String> name = input.optionalString("logGroupName");
        Optional<String> identifier = input.optionalString("logGroupIdentifier");
        if (name.isPresent() && identifier.isPresent()) {
            throw LogsErrors.invalidParameter("LogGroupName and LogGroupIdentifier are mutually exclusive parameters.");
        }
        if (name.isEmpty() && identifier.isEmpty()) {
            throw LogsErrors.invalidParameter("Either LogGroupName or LogGroupIdentifier must be specified.");
        }
        String group = name.orElseGet(() -> groupFromArn(identifier.get()));
        checkGroupName(group, name.isPresent() ? "logGroupName" : "logGroupIdentifier");
        return group;
    }

    /** The group name in a log group ARN (with or without the trailing {@code :*}), or the text itself. */
    static String groupFromArn(String nameOrArn) {
        int mark = nameOrArn.indexOf(GROUP_ARN_MARK);
        if (!nameOrArn.startsWith("arn:") || mark < 0) {
            return nameOrArn;
        }
        String name = nameOrArn.substring(mark + GROUP_ARN_MARK.length());
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
    }

    /** Only log group ARNs can be tagged here; anything else is named in the error. */
    static String groupFromResourceArn(String arn) {
        if (!arn.startsWith("arn:") || !arn.contains(GROUP_ARN_MARK)) {
            throw LogsErrors.invalidParameter("local-aws tags only log groups; not a log group ARN: " + arn);
        }
        return groupFromArn(arn);
    }

    static String streamName(Input input) {
        String name = input.requiredString("logStreamName");
        if (name.isEmpty() || name.length() > 512 || name.contains(":") || name.contains("*")) {
            throw AwsException.validation("1 validation error detected: Value '" + name + "' at 'logStreamName'"
                    + " failed to satisfy constraint: Member must satisfy regular expression pattern: [^:*]*"
                    + " and have length between 1 and 512");
        }
        return name;
    }

    static Map<String, String> tags(Input input, String field) {
        Map<String, String> tags = new LinkedHashMap<>();
        Optional<ObjectNode> node = input.optionalObject(field);
        if (node.isEmpty()) {
            return tags;
        }
        for (Map.Entry<String, JsonNode> entry : node.get().properties()) {
            if (!entry.getValue().isTextual()) {
                throw AwsException.malformedBody("tag values must be strings");
            }
            if (entry.getKey().isEmpty() || entry.getKey().length() > 128 || entry.getValue().textValue().length() > 256) {
                throw AwsException.validation("Tag keys must have 1 to 128 characters and values at most 256");
            }
            tags.put(entry.getKey(), entry.getValue().textValue());
        }
        return tags;
    }

    static int limit(Input input, int defaultValue, int max) {
        return input.intInRange("limit", defaultValue, 1, max);
    }
}
