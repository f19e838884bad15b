package statelab.localaws.lambda.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.protocol.Input;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.RestJsonRouter;

/**
 * A function's side settings that Terraform reads or sets: reserved concurrency (which bounds its execution
 * environments), its code signing configuration (never any) and its resource policy (never any: AddPermission is
 * not emulated).
 */
final class FunctionSettingsRoutes {
    /** An account has 1000 concurrent executions by default and Lambda keeps 100 unreserved. */
    private static final int MAX_RESERVED = 900;

    private final ApiContext api;

    FunctionSettingsRoutes(ApiContext api) {
        this.api = api;
    }

    void register(RestJsonRouter router) {
        router.add("GET", "/2019-09-30/functions/{FunctionName}/concurrency", this::getConcurrency);
        router.add("PUT", "/2017-10-31/functions/{FunctionName}/concurrency", this::putConcurrency);
        router.add("DELETE", "/2017-10-31/functions/{FunctionName}/concurrency", this::deleteConcurrency);
        router.add("GET", "/2020-06-30/functions/{FunctionName}/code-signing-config", this::getCodeSigningConfig);
        router.add("GET", "/2015-03-31/functions/{FunctionName}/policy", this::getPolicy);
    }

    private AwsResponse getConcurrency(AwsRequest request, Map<String, String> path) {
        FunctionRecord function = api.function(request, path);
        ObjectNode body = Json.object();
        if (function.reservedConcurrency() != null) {
            body.put("ReservedConcurrentExecutions", function.reservedConcurrency());
        }
        return RestJsonRouter.json(200, body);
    }

    private AwsResponse putConcurrency(AwsRequest request, Map<String, String> path) {
        FunctionRecord function = api.function(request, path);
        Input in = new Input(Json.readRequestObject(request.body()));
        int reserved = in.optionalInt("ReservedConcurrentExecutions")
                .orElseThrow(() -> Input.missing("ReservedConcurrentExecutions"));
        if (reserved < 0) {
            throw Input.outOfRange("ReservedConcurrentExecutions", reserved, 0, MAX_RESERVED);
        }
        if (reserved > MAX_RESERVED) {
            throw AwsException.invalidParameter("Specified ReservedConcurrentExecutions for function decreases"
                    + " account's UnreservedConcurrentExecution below its minimum value of [100].");
        }
        api.lifecycle().reserveConcurrency(function, reserved);
        ObjectNode body = Json.object();
        body.put("ReservedConcurrentExecutions", reserved);
        return RestJsonRouter.json(200, body);
    }

    private AwsResponse deleteConcurrency(AwsRequest request, Map<String, String> path) {
        api.lifecycle().reserveConcurrency(api.function(request, path), null);
        return AwsResponse.empty(204);
    }

    private AwsResponse getCodeSigningConfig(AwsRequest request, Map<String, String> path) {
        FunctionRecord function = api.function(request, path);
        ObjectNode body = Json.object();
        body.put("CodeSigningConfigArn", "");
        body.put("FunctionName", function.name());
        return RestJsonRouter.json(200, body);
    }

    private AwsResponse getPolicy(AwsRequest request, Map<String, String> path) {
        api.function(request, path);
        throw AwsException.notFound("ResourceNotFoundException", "The resource you requested does not exist.");
    }
}
