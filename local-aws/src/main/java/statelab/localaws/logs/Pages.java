package statelab.localaws.logs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import statelab.localaws.edge.AwsException;

/**
 * nextToken paging for the Describe calls: the token is the (opaque, base64) key of the last item returned,
 * so a page stays right when items are added or removed between calls.
 */
final class Pages {
    private Pages() {
    }

    record Page<T>(List<T> items, Optional<String> nextToken) {
    }

    static <T> Page<T> byName(List<T> sorted, Function<T, String> key, String token, int limit) {
        String after = token == null ? null : decode(token);
        List<T> rest = after == null ? sorted : sorted.stream().filter(item -> key.apply(item).compareTo(after) > 0).toList();
        if (rest.size() <= limit) {
            return new Page<>(rest, Optional.empty());
        }
        List<T> items = rest.subList(0, limit);
        return new Page<>(items, Optional.of(encode(key.apply(items.get(items.size() - 1)))));
    }

    /** For lists in an order other than by name: the token is the offset of the next item. */
    static <T> Page<T> byOffset(List<T> ordered, String token, int limit) {
        int from = 0;
        if (token != null) {
            try {
                from = Integer.parseInt(decode(token));
            } catch (NumberFormatException e) {
                throw new AwsException(400, "InvalidParameterException", "The specified nextToken is invalid.");
            }
        }
        if (from < 0 || from > ordered.size()) {
            from = ordered.size();
        }
        int to = Math.min(ordered.size(), from + limit);
        return new Page<>(ordered.subList(from, to),
                to < ordered.size() ? Optional.of(encode(Integer.toString(to))) : Optional.empty());
    }

    static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AwsException(400, "InvalidParameterException", "The specified nextToken is invalid.");
        }
    }
}
