package statelab.localaws.protocol;

import java.util.Map;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;

/**
 * AWS's query protocol (IAM, STS): form parameters with {@code Action}, XML answers wrapped in
 * {@code <ActionResponse><ActionResult>..</ActionResult><ResponseMetadata>..}, errors as
 * {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 */
public final class QueryProtocol {
    private static final String CONTENT_TYPE = "text/xml";
    private final String serviceName;
    private final String xmlNamespace;
    private final Map<String, QueryOperation> operations;

    public QueryProtocol(String serviceName, String xmlNamespace, Map<String, QueryOperation> operations) {
        this.serviceName = serviceName;
        this.xmlNamespace = xmlNamespace;
        this.operations = Map.copyOf(operations);
    }

    public AwsResponse handle(AwsRequest request) {
        try {
            QueryParams params = new QueryParams(request.formParams());
            String action = params.optional("Action").orElseThrow(() -> new AwsException(400, "MissingAction",
                    "The request to " + serviceName + " has no Action parameter"));
            QueryOperation operation = operations.get(action);
            if (operation == null) {
                throw new AwsException(400, "InvalidAction", "local-aws does not implement " + serviceName
                        + " operation " + action);
            }
            Xml result = new Xml();
            operation.apply(params, result, request);
            Xml response = new Xml().start(action + "Response", xmlNamespace)
                    .start(action + "Result").raw(result.toString()).end()
                    .start("ResponseMetadata").leaf("RequestId", request.requestId()).end()
                    .end();
            return AwsResponse.of(200, CONTENT_TYPE, response.toString());
        } catch (AwsException e) {
            Xml error = new Xml().start("ErrorResponse", xmlNamespace)
                    .start("Error")
                    .leaf("Type", e.senderFault() ? "Sender" : "Receiver")
                    .leaf("Code", e.code())
                    .leaf("Message", e.getMessage())
                    .end()
                    .leaf("RequestId", request.requestId())
                    .end();
            return AwsResponse.of(e.status(), CONTENT_TYPE, error.toString());
        }
    }
}
