package statelab.localaws.protocol;

import statelab.localaws.edge.AwsRequest;

/** One operation of a query-protocol service (IAM, STS): writes the children of {@code <ActionResult>}. */
@FunctionalInterface
public interface QueryOperation {
    void apply(QueryParams params, Xml result, AwsRequest request);
}
