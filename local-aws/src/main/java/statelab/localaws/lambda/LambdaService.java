package statelab.localaws.lambda;

import java.util.Optional;
import java.util.Set;
import statelab.localaws.ServiceContext;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.edge.AwsService;
import statelab.localaws.protocol.RestJsonRouter;
import statelab.localaws.spi.FunctionDirectory;
import statelab.localaws.spi.FunctionInvoker;
import statelab.localaws.spi.LogWriter;
import statelab.localaws.spi.RoleDirectory;

/**
 * AWS Lambda: the rest-json control plane, Invoke, and the execution environments that run functions.
 * PLACEHOLDER: the signatures are the contract with the wiring and the event source mappings; the body is
 * being built.
 */
public final class LambdaService implements AwsService, FunctionDirectory, FunctionInvoker, AutoCloseable {
    private final RestJsonRouter router = new RestJsonRouter("Lambda");

    public LambdaService(ServiceContext context, RoleDirectory roles, LogWriter logs) {
    }

    /** The router other packages (event source mappings) add their routes to. */
    public RestJsonRouter router() {
        return router;
    }

    @Override
    public Set<String> signingNames() {
        return Set.of("lambda");
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        return router.handle(request);
    }

    @Override
    public Optional<FunctionRef> find(String nameOrArn) {
        return Optional.empty();
    }

    @Override
    public InvocationResult invoke(String functionNameOrArn, byte[] payload) {
        throw new FunctionNotFoundException("Function not found: " + functionNameOrArn);
    }

    @Override
    public void close() {
        AwsException.class.getName();
    }
}
