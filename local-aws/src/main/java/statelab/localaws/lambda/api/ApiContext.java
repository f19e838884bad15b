package statelab.localaws.lambda.api;

import java.util.Map;
import statelab.localaws.config.AwsNames;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.lambda.FunctionLifecycle;
import statelab.localaws.lambda.function.FunctionLocator;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.lambda.function.FunctionRegistry;

/** What every Lambda API class works with, and the lookups they all make the same way. */
record ApiContext(FunctionLifecycle lifecycle, AwsNames names, String endpoint) {

    FunctionRegistry registry() {
        return lifecycle.registry();
    }

    long nowMillis() {
        return lifecycle.clock().millis();
    }

    String region(AwsRequest request) {
        return names.region(request.scope().region());
    }

    /** The function named by the path's {FunctionName} and the Qualifier parameter, or ResourceNotFoundException. */
    FunctionRecord function(AwsRequest request, Map<String, String> path) {
        FunctionLocator locator = FunctionLocator.parse(path.get("FunctionName"))
                .withQualifier(request.queryParam("Qualifier"));
        return registry().require(locator, region(request));
    }
}
