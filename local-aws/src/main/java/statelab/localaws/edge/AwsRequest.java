package statelab.localaws.edge;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as a service sees it: method, path, query, headers (case-insensitive), the whole body,
 * and what the edge learned from the signature (service, region, access key). Immutable.
 */
public final class AwsRequest {
    private final String method;
    private final String path;
    private final String rawPath;
    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String requestId;
    private final SigningScope scope;
    private Map<String, String> queryParams;

    public AwsRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
            String requestId, SigningScope scope) {
        this(method, path, null, rawQuery, headers, body, requestId, scope);
    }

    /** @param rawPath the path as sent, still percent-encoded (what a proxy forwards); null = {@code path} */
    public AwsRequest(String method, String path, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body, String requestId, SigningScope scope) {
        this.method = method;
        this.path = path;
        this.rawPath = rawPath == null ? path : rawPath;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        TreeMap<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null) {
                caseless.put(name, List.copyOf(values));
            }
        });
        this.headers = Collections.unmodifiableMap(caseless);
        this.body = body;
        this.requestId = requestId;
        this.scope = scope;
    }

    public String method() {
        return method;
    }

    /** The decoded path, e.g. {@code /2015-03-31/functions/StateLambda}. */
    public String path() {
        return path;
    }

    /** The path as the client sent it, percent-encoding intact. */
    public String rawPath() {
        return rawPath;
    }

    public String rawQuery() {
        return rawQuery;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public byte[] body() {
        return body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The id this request gets in responses and logs ({@code x-amzn-RequestId}). */
    public String requestId() {
        return requestId;
    }

    public SigningScope scope() {
        return scope;
    }

    /** Query string parameters (first value of each), decoded. */
    public synchronized Map<String, String> queryParams() {
        if (queryParams == null) {
            queryParams = Collections.unmodifiableMap(parseForm(rawQuery));
        }
        return queryParams;
    }

    public String queryParam(String name) {
        return queryParams().get(name);
    }

    /** Parameters of an {@code application/x-www-form-urlencoded} body merged over the query string (AWS query protocol). */
    public Map<String, String> formParams() {
        Map<String, String> all = new LinkedHashMap<>(queryParams());
        String contentType = header("Content-Type");
        if (body.length > 0 && (contentType == null
                || contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded"))) {
            all.putAll(parseForm(bodyText()));
        }
        return all;
    }

    static Map<String, String> parseForm(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(decode(name), decode(value));
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw AwsException.malformedBody("bad percent-encoding in '" + text + "'");
        }
    }
}
