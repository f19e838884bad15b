package statelab.localaws.edge;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete HTTP answer: status, headers, body. Services build these; the edge writes them out. */
public record AwsResponse(int status, Map<String, String> headers, byte[] body) {

    public AwsResponse {
        headers = new LinkedHashMap<>(headers);
        body = body == null ? new byte[0] : body;
    }

    public static AwsResponse of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new AwsResponse(status, headers, body);
    }

    public static AwsResponse of(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static AwsResponse empty(int status) {
        return new AwsResponse(status, Map.of(), new byte[0]);
    }

    /** A copy with one more header. */
    public AwsResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new AwsResponse(status, copy, body);
    }
}
