package statelab.localaws.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import statelab.localaws.edge.AwsRequest;

/** One operation of a JSON-protocol service (awsJson1.0 / 1.1): request object in, result object out. */
@FunctionalInterface
public interface JsonOperation {
    JsonNode apply(Input input, AwsRequest request);
}
