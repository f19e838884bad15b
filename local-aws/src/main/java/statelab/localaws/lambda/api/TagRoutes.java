package statelab.localaws.lambda.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.lambda.TaggedResources;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.protocol.Input;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.RestJsonRouter;

/**
 * TagResource, UntagResource and ListTags, by resource ARN. Functions are tagged here; other Lambda resource
 * types (event source mappings) register their own {@link TaggedResources} by the ARN's resource type.
 */
final class TagRoutes {
    private final ApiContext api;
    private final Map<String, TaggedResources> otherTypes = new ConcurrentHashMap<>();

    TagRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RestJsonRouter router) {
        router.add("GET", "/2017-03-31/tags/{ARN}", this::list);
        router.add("POST", "/2017-03-31/tags/{ARN}", this::tag);
        router.add("DELETE", "/2017-03-31/tags/{ARN}", this::untag);
    }

    /** @param resourceType the ARN's sixth field, e.g. {@code event-source-mapping} */
    void addResourceType(String resourceType, TaggedResources resources) {
        otherTypes.put(resourceType, resources);
    }

    private AwsResponse list(AwsRequest request, Map<String, String> path) {
        String arn = path.get("ARN");
        Map<String, String> tags = other(arn).map(resources -> resources.tags(arn).orElseThrow(() -> notFound(arn)))
                .orElseGet(() -> function(arn).tags());
        ObjectNode body = Json.object();
        body.set("Tags", FunctionJson.stringMap(tags));
        return RestJsonRouter.json(200, body);
    }

    private AwsResponse tag(AwsRequest request, Map<String, String> path) {
        String arn = path.get("ARN");
        Map<String, String> tags = FunctionConfigurationInput.stringMap(
                new Input(Json.readRequestObject(request.body())).optionalObject("Tags")
                        .orElseThrow(() -> Input.missing("Tags")), "Tags");
        Optional<TaggedResources> other = other(arn);
        if (other.isPresent()) {
            other.get().tag(arn, tags);
        } else {
            api.lifecycle().tag(function(arn), tags);
        }
        return AwsResponse.empty(204);
    }

    private AwsResponse untag(AwsRequest request, Map<String, String> path) {
        String arn = path.get("ARN");
        Set<String> keys = tagKeys(request.rawQuery());
        Optional<TaggedResources> other = other(arn);
        if (other.isPresent()) {
            other.get().untag(arn, keys);
        } else {
            api.lifecycle().untag(function(arn), keys);
        }
        return AwsResponse.empty(204);
    }

    private FunctionRecord function(String arn) {
        return api.registry().findByArn(arn).orElseThrow(() -> notFound(arn));
    }

    private Optional<TaggedResources> other(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 5 ? Optional.ofNullable(otherTypes.get(parts[5])) : Optional.empty();
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
