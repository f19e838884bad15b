package statelab.localaws.lambda.api;

import java.util.Map;
import java.util.function.Consumer;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.protocol.Input;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.RestJsonRouter;

/**
 * UpdateFunctionCode and UpdateFunctionConfiguration: each gives the function a new revision, after which its
 * running environments finish their invocation and are not used again.
 */
final class FunctionUpdateRoutes {
    private final ApiContext api;
    private final Consumer<String> roleCheck;

    FunctionUpdateRoutes(ApiContext api, Consumer<String> roleCheck) {
        this.api = api;
        this.roleCheck = roleCheck;
    }

    void register(RestJsonRouter router) {
        router.add("PUT", "/2015-03-31/functions/{FunctionName}/code", this::updateCode);
        router.add("PUT", "/2015-03-31/functions/{FunctionName}/configuration", this::updateConfiguration);
    }

    private AwsResponse updateCode(AwsRequest request, Map<String, String> path) {
        FunctionRecord function = api.function(request, path);
        Input in = new Input(Json.readRequestObject(request.body()));
        if (in.optionalBoolean("Publish").orElse(false)) {
            throw Unsupported.option("Publish (function versions)", "only $LATEST");
        }
        byte[] zip = FunctionRoutes.zipFile(in.node());
        boolean dryRun = in.optionalBoolean("DryRun").orElse(false);
        FunctionRecord updated = api.lifecycle().updateCode(function, zip,
                FunctionConfigurationInput.architectures(in), in.optionalString("RevisionId").orElse(null), dryRun);
        return RestJsonRouter.json(200, FunctionJson.configuration(updated, api.registry().arn(updated),
                api.nowMillis(), dryRun ? FunctionJson.Reply.STORED : FunctionJson.Reply.UPDATED));
    }

    private AwsResponse updateConfiguration(AwsRequest request, Map<String, String> path) {
        FunctionRecord function = api.function(request, path);
        Input in = new Input(Json.readRequestObject(request.body()));
        // validate everything before changing anything: a refused member leaves the function as it was
        FunctionRecord.Builder check = function.toBuilder();
        FunctionConfigurationInput.apply(in, check, false, roleCheck);
        if (in.has("Architectures")) {
            throw AwsException.invalidParameter("Architectures are changed with UpdateFunctionCode, not"
                    + " UpdateFunctionConfiguration");
        }
        FunctionRecord updated = api.lifecycle().updateConfiguration(function,
                builder -> FunctionConfigurationInput.apply(in, builder, false, role -> { }),
                in.optionalString("RevisionId").orElse(null));
        return RestJsonRouter.json(200, FunctionJson.configuration(updated, api.registry().arn(updated),
                api.nowMillis(), FunctionJson.Reply.UPDATED));
    }
}
