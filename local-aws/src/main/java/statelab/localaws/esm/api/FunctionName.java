package statelab.localaws.esm.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A function named the ways Lambda accepts: {@code name}, {@code name:qualifier}, a partial ARN
 * ({@code 123456789012:function:name}) or a full ARN, each optionally qualified.
 */
record FunctionName(String name, String qualifier) {
    private static final Pattern FORMS = Pattern.compile(
            "(?:arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:|\\d{12}:function:)?([a-zA-Z0-9_-]+)(?::(\\$LATEST|[a-zA-Z0-9_-]+))?");

    /** null when the text is not a function name in any form */
    static FunctionName parse(String text) {
        Matcher m = text == null ? null : FORMS.matcher(text);
        return m != null && m.matches() ? new FunctionName(m.group(1), m.group(2)) : null;
    }

    /** The name as given, without its qualifier (what Lambda's directory resolves). */
    static String unqualified(String text) {
        FunctionName parsed = parse(text);
        if (parsed == null || parsed.qualifier() == null) {
            return text;
        }
        return text.substring(0, text.length() - parsed.qualifier().length() - 1);
    }
}
