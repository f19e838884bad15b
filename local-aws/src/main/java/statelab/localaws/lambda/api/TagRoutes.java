package statelab.localaws.lambda.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.protocol.Input;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.RestJsonRouter;

/**
 * TagResource, UntagResource and ListTags of functions, by ARN. Event source mappings serve their own ARNs on the
 * same path with guarded routes of the router (tried first).
 */
final class TagRoutes {
    private final ApiContext api;

    TagRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RestJsonRouter router) {
        router.add("GET", "/2017-03-31/tags/{ARN}", this::list);
        router.add("POST", "/2017-03-31/tags/{ARN}", this::tag);
        router.add("DELETE", "/2017-03-31/tags/{ARN}", this::untag);
    }

    private AwsResponse list(AwsRequest request, Map<String, String> path) {
        String arn = path.get("ARN");
        Map<String, String> tags = function(arn).tags();
        ObjectNode body = Json.object();
        body.set("Tags", FunctionJson.stringMap(tags));
        return RestJsonRouter.json(200, body);
    }

    private AwsResponse tag(AwsRequest request, Map<String, String> path) {
        String arn = path.get("ARN");
        Map<String, String> tags = FunctionConfigurationInput.stringMap(
                new Input(Json.readRequestObject(request.body())).optionalObject("Tags")
                        .orElseThrow(() -> Input.missing("Tags")), "Tags");
        api.lifecycle().tag(function(arn), tags);
        return AwsResponse.empty(204);
    }

    private AwsResponse untag(AwsRequest request, Map<String, String> path) {
        String arn = path.get("ARN");
        Set<String> keys = tagKeys(request.rawQuery());
        api.lifecycle().untag(function(arn), keys);
        return AwsResponse.empty(204);
    }

    private FunctionRecord function(String arn) {
        return api.registry().findByArn(arn).orElseThrow(() -> notFound(arn));
    }

    private static AwsException notFound(String arn) {
        if (!arn.startsWith("arn:")) {
            return AwsException.invalidParameter("The resource ARN " + arn + " is not a Lambda ARN.");
        }
        return AwsException.notFound("ResourceNotFoundException", "The resource you requested does not exist. ("
                + arn + ")");
    }

    /** {@code tagKeys} repeats in the query string (one per key), which the first-value map cannot hold. */
    static Set<String> tagKeys(String rawQuery) {
        Set<String> keys = new LinkedHashSet<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("tagKeys")) {
                keys.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (keys.isEmpty()) {
            throw Input.missing("TagKeys");
        }
        return keys;
    }
}
