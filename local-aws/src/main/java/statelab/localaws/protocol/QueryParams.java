package statelab.localaws.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import statelab.localaws.edge.AwsException;

/** The flat parameters of a query-protocol request ({@code Tags.member.1.Key=...}), read with AWS's errors. */
public final class QueryParams {
    private final Map<String, String> params;

    public QueryParams(Map<String, String> params) {
        this.params = Map.copyOf(params);
    }

    public Map<String, String> all() {
        return params;
    }

    public String required(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new AwsException(400, "ValidationError", "1 validation error detected: Value null at '"
                    + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public Optional<Integer> optionalInt(String name) {
        String value = params.get(name);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            throw new AwsException(400, "ValidationError", "'" + name + "' must be an integer, was '" + value + "'");
        }
    }

    /**
     * The members of a list parameter in index order: for prefix {@code Tags.member} the entries
     * {@code Tags.member.1.Key}, {@code Tags.member.1.Value}, ... become [{Key=.., Value=..}, ...]. For a list of
     * scalars ({@code PolicyArns.member.1=...}) each map has the single key "".
     */
    public List<Map<String, String>> members(String prefix) {
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        String start = prefix + ".";
        for (Map.Entry<String, String> entry : params.entrySet()) {
            if (!entry.getKey().startsWith(start)) {
                continue;
            }
            String rest = entry.getKey().substring(start.length());
            int dot = rest.indexOf('.');
            String indexText = dot < 0 ? rest : rest.substring(0, dot);
            int index;
            try {
                index = Integer.parseInt(indexText);
            } catch (NumberFormatException e) {
                continue;
            }
            String field = dot < 0 ? "" : rest.substring(dot + 1);
            byIndex.computeIfAbsent(index, i -> new LinkedHashMap<>()).put(field, entry.getValue());
        }
        return new ArrayList<>(byIndex.values());
    }
}
