package statelab.localaws.protocol;

import java.util.Map;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;

/** One operation of a rest-json service: the request and the values of the path template's {placeholders}. */
@FunctionalInterface
public interface RestHandler {
    AwsResponse handle(AwsRequest request, Map<String, String> pathParams);
}
