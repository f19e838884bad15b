package statelab.localaws.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * CloudWatch Logs' filter pattern for unstructured events, the simple term syntax:
 * <ul>
 * <li>{@code ERROR Exception}: every term must occur (case-sensitive substring);</li>
 * <li>{@code "Task timed out"}: a quoted phrase is one term, spaces included;</li>
 * <li>{@code -DEBUG}: the term must not occur;</li>
 * <li>{@code ?ERROR ?WARN}: at least one of the ?-terms must occur.</li>
 * </ul>
 * An empty pattern matches everything. JSON patterns ({@code { $.x = 1 }}), space-delimited patterns
 * ({@code [ip, user, ...]}) and metric-filter syntax are refused with a clear error, not misread as terms.
 */
public final class FilterPattern {
    private final List<String> required;
    private final List<String> excluded;
    private final List<String> anyOf;

    private FilterPattern(List<String> required, List<String> excluded, List<String> anyOf) {
        this.required = required;
        this.excluded = excluded;
        this.anyOf = anyOf;
    }

    /** @throws statelab.localaws.edge.AwsException InvalidParameterException for syntax it does not support */
    public static FilterPattern parse(String pattern) {
        List<String> required = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        List<String> anyOf = new ArrayList<>();
        String text = pattern == null ? "" : pattern.trim();
        if (text.startsWith("{") || text.startsWith("[") || text.startsWith("%")) {
            throw LogsErrors.notEmulated("this filter pattern syntax (JSON, space-delimited or regular-expression"
                    + " patterns); it supports terms, \"quoted phrases\", -term and ?term: " + pattern);
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            List<String> target = required;
            if (c == '-' || c == '?') {
                target = c == '-' ? excluded : anyOf;
                i++;
                if (i >= text.length() || Character.isWhitespace(text.charAt(i))) {
                    throw LogsErrors.invalidParameter("Invalid character(s) in term '" + c + "'");
                }
            }
            String term;
            if (text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0) {
                    throw LogsErrors.invalidParameter("Unterminated quoted phrase in filter pattern: " + pattern);
                }
                term = text.substring(i + 1, close);
                i = close + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                term = text.substring(i, end);
                i = end;
            }
            if (!term.isEmpty()) {
                target.add(term);
            }
        }
        return new FilterPattern(List.copyOf(required), List.copyOf(excluded), List.copyOf(anyOf));
    }

    public boolean matches(String message) {
        for (String term : required) {
            if (!message.contains(term)) {
                return false;
            }
        }
        for (String term : excluded) {
            if (message.contains(term)) {
                return false;
            }
        }
        return anyOf.isEmpty() || anyOf.stream().anyMatch(message::contains);
    }
}
