package statelab.localaws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.edge.SigningScope;

class RestJsonRouterTest {

    private static AwsRequest request(String method, String path) {
        return new AwsRequest(method, path, null, Map.of(), new byte[0], "rid", SigningScope.UNSIGNED);
    }

    @Test
    void routesByMethodAndTemplateAndPassesPathParameters() {
        RestJsonRouter router = new RestJsonRouter("Lambda");
        router.add("GET", "/2015-03-31/functions/{FunctionName}", (r, p) -> AwsResponse.of(200, "text/plain", "get " + p.get("FunctionName")));
        router.add("DELETE", "/2015-03-31/functions/{FunctionName}", (r, p) -> AwsResponse.empty(204));
        router.add("POST", "/2015-03-31/event-source-mappings/", (r, p) -> AwsResponse.empty(202));

        AwsResponse get = router.handle(request("GET", "/2015-03-31/functions/StateLambda"));
        assertEquals("get StateLambda", new String(get.body(), StandardCharsets.UTF_8));
        assertEquals(204, router.handle(request("DELETE", "/2015-03-31/functions/x")).status());
        assertEquals(202, router.handle(request("POST", "/2015-03-31/event-source-mappings")).status());
    }

    @Test
    void anUnknownRouteIsAnAwsShapedErrorThatNamesIt() {
        RestJsonRouter router = new RestJsonRouter("Lambda");
        router.add("GET", "/2015-03-31/functions/{FunctionName}", (r, p) -> AwsResponse.empty(200));
        AwsResponse response = router.handle(request("PUT", "/2015-03-31/functions/x"));
        assertEquals(400, response.status());
        assertEquals("UnknownOperationException", response.headers().get("x-amzn-ErrorType"));
        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("PUT /2015-03-31/functions/x"), body);
        assertTrue(body.contains("another HTTP method"), body);
    }

    @Test
    void aGuardedRouteServesTheRequestsItClaimsAndLeavesTheOthersToThePlainRoute() {
        RestJsonRouter router = new RestJsonRouter("Lambda");
        router.add("GET", "/2017-03-31/tags/{ARN}", (r, p) -> AwsResponse.of(200, "text/plain", "function tags"));
        router.add("GET", "/2017-03-31/tags/{ARN}", p -> p.get("ARN").contains(":event-source-mapping:"),
                (r, p) -> AwsResponse.of(200, "text/plain", "mapping tags"));

        AwsResponse mapping = router.handle(request("GET",
                "/2017-03-31/tags/arn:aws:lambda:us-east-1:000000000000:event-source-mapping:1234"));
        AwsResponse function = router.handle(request("GET",
                "/2017-03-31/tags/arn:aws:lambda:us-east-1:000000000000:function:StateLambda"));
        assertEquals("mapping tags", new String(mapping.body(), StandardCharsets.UTF_8));
        assertEquals("function tags", new String(function.body(), StandardCharsets.UTF_8));
    }
}
