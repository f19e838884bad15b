package statelab.localaws.lambda.api;

import java.util.function.Consumer;
import statelab.localaws.config.AwsNames;
import statelab.localaws.lambda.FunctionLifecycle;
import statelab.localaws.lambda.invoke.AsyncInvocations;
import statelab.localaws.lambda.invoke.Invoker;
import statelab.localaws.protocol.RestJsonRouter;

/** Lambda's function API, one class per family of operations, registered on the service's rest-json router. */
public final class LambdaRoutes {
    private final FunctionRoutes functions;
    private final FunctionUpdateRoutes updates;
    private final FunctionSettingsRoutes settings;
    private final TagRoutes tags;
    private final InvokeRoutes invoke;

    /**
     * @param endpoint the edge's URL, for download links
     * @param roleCheck throws when Lambda could not assume a role
     */
    public LambdaRoutes(FunctionLifecycle lifecycle, AwsNames names, String endpoint, Consumer<String> roleCheck,
            Invoker invoker, AsyncInvocations async) {
        ApiContext api = new ApiContext(lifecycle, names, endpoint.endsWith("/")
                ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
        this.functions = new FunctionRoutes(api, roleCheck);
        this.updates = new FunctionUpdateRoutes(api, roleCheck);
        this.settings = new FunctionSettingsRoutes(api);
        this.tags = new TagRoutes(api);
        this.invoke = new InvokeRoutes(api, invoker, async);
    }

    public void register(RestJsonRouter router) {
        functions.register(router);
        updates.register(router);
        settings.register(router);
        tags.register(router);
        invoke.register(router);
    }
}
