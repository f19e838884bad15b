package statelab.localaws.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;

/**
 * AWS's rest-json protocol (Lambda): routes by method and path template
 * ({@code /2015-03-31/functions/{FunctionName}/invocations}); errors carry {@code x-amzn-ErrorType} and a
 * {@code {"Type": "User", "message": ...}} body. Several packages register routes on one router.
 */
public final class RestJsonRouter {
    public static final String CONTENT_TYPE = "application/json";

    /** @param applies null for a plain route; else which requests (by path parameters) the route serves */
    private record Route(String method, String[] segments, Predicate<Map<String, String>> applies, RestHandler handler) {
    }

    private final String serviceName;
    private final List<Route> routes = new CopyOnWriteArrayList<>();

    public RestJsonRouter(String serviceName) {
        this.serviceName = serviceName;
    }

    /** Adds a route; a trailing slash in template or request is ignored. */
    public void add(String method, String pathTemplate, RestHandler handler) {
        routes.add(new Route(method, split(pathTemplate), null, handler));
    }

    /**
     * Adds a route that serves only the requests whose path parameters pass {@code applies}, tried before every
     * plain route: two packages can share one path this way without knowing each other (Lambda's
     * {@code /2017-03-31/tags/{ARN}} serves functions, and event source mappings claim their own ARNs).
     */
    public void add(String method, String pathTemplate, Predicate<Map<String, String>> applies, RestHandler handler) {
        routes.add(0, new Route(method, split(pathTemplate), applies, handler));
    }

    public AwsResponse handle(AwsRequest request) {
        try {
            String[] path = split(request.path());
            boolean pathKnown = false;
            for (Route route : routes) {
                Map<String, String> params = match(route.segments(), path);
                if (params == null || (route.applies() != null && !route.applies().test(params))) {
                    continue;
                }
                pathKnown = true;
                if (route.method().equals(request.method())) {
                    return route.handler().handle(request, params);
                }
            }
            throw AwsException.notImplemented(serviceName, request.method() + " " + request.path()
                    + (pathKnown ? " (this path exists for another HTTP method)" : ""));
        } catch (AwsException e) {
            return error(e);
        }
    }

    public static AwsResponse error(AwsException e) {
        ObjectNode body = Json.object();
        body.put("Type", e.senderFault() ? "User" : "Service");
        // AWS Lambda spells it "Message" on 404s and "message" elsewhere
        body.put(e.status() == 404 ? "Message" : "message", e.getMessage());
        return AwsResponse.of(e.status(), CONTENT_TYPE, Json.bytes(body)).withHeader("x-amzn-ErrorType", e.code());
    }

    public static AwsResponse json(int status, JsonNode body) {
        return AwsResponse.of(status, CONTENT_TYPE, Json.bytes(body));
    }

    private static String[] split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts.toArray(new String[0]);
    }

    private static Map<String, String> match(String[] template, String[] path) {
        if (template.length != path.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String segment = template[i];
            if (segment.startsWith("{") && segment.endsWith("}")) {
                params.put(segment.substring(1, segment.length() - 1), path[i]);
            } else if (!segment.equals(path[i])) {
                return null;
            }
        }
        return params;
    }
}
