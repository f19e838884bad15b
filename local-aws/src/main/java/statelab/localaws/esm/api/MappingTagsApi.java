package statelab.localaws.esm.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.esm.MappingRegistry;
import statelab.localaws.esm.model.Mapping;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.RestJsonRouter;

/**
 * ListTags, TagResource and UntagResource for mapping ARNs. Lambda serves the same path for functions; these
 * routes claim only {@code ...:event-source-mapping:<UUID>} ARNs. Terraform reads a mapping's tags after every
 * read, so without them it could not manage a mapping at all.
 */
public final class MappingTagsApi {
    private static final String PATH = "/2017-03-31/tags/{ARN}";
    private static final String MARKER = ":event-source-mapping:";

    private final MappingRegistry registry;

    public MappingTagsApi(MappingRegistry registry) {
        this.registry = registry;
    }

    public void registerRoutes(RestJsonRouter router) {
        router.add("GET", PATH, MappingTagsApi::isMappingArn, (request, params) -> list(params.get("ARN")));
        router.add("POST", PATH, MappingTagsApi::isMappingArn, (request, params) -> tag(request, params.get("ARN")));
        router.add("DELETE", PATH, MappingTagsApi::isMappingArn, (request, params) -> untag(request, params.get("ARN")));
    }

    private static boolean isMappingArn(Map<String, String> params) {
        String arn = params.get("ARN");
        return arn != null && arn.startsWith("arn:") && arn.contains(MARKER);
    }

    private AwsResponse list(String arn) {
        Mapping mapping = registry.get(uuidOf(arn)).orElseThrow(MappingApi::notFound);
        ObjectNode body = Json.object();
        ObjectNode tags = body.putObject("Tags");
        mapping.tags().forEach(tags::put);
        return RestJsonRouter.json(200, body);
    }

    private AwsResponse tag(AwsRequest request, String arn) {
        Map<String, String> added = Tags.read(Json.readRequestObject(request.body()).get("Tags"));
        registry.retag(uuidOf(arn), tags -> {
            Map<String, String> merged = new TreeMap<>(tags);
            merged.putAll(added);
            return Tags.read(Json.MAPPER.valueToTree(merged));
        });
        return AwsResponse.empty(204);
    }

    private AwsResponse untag(AwsRequest request, String arn) {
        List<String> keys = queryValues(request.rawQuery(), "tagKeys");
        registry.retag(uuidOf(arn), tags -> {
            Map<String, String> kept = new TreeMap<>(tags);
            keys.forEach(kept::remove);
            return kept;
        });
        return AwsResponse.empty(204);
    }

    private static String uuidOf(String arn) {
        return arn.substring(arn.indexOf(MARKER) + MARKER.length());
    }

    /** Every value of a repeated query parameter ({@code tagKeys=a&tagKeys=b}). */
    private static List<String> queryValues(String rawQuery, String name) {
        List<String> values = new ArrayList<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                values.add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
