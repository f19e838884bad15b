package statelab.localaws.esm;

import statelab.localaws.ServiceContext;
import statelab.localaws.protocol.RestJsonRouter;
import statelab.localaws.spi.EmulatorEndpoints;
import statelab.localaws.spi.FunctionDirectory;
import statelab.localaws.spi.FunctionInvoker;

/**
 * Lambda event source mappings for Kinesis: the rest-json API and the pollers that feed functions.
 * PLACEHOLDER: the signatures are the contract with the wiring; the body is being built.
 */
public final class EventSourceMappings implements AutoCloseable {

    public EventSourceMappings(ServiceContext context, FunctionDirectory functions, FunctionInvoker invoker,
            EmulatorEndpoints emulators) {
    }

    /** Adds the {@code /2015-03-31/event-source-mappings} routes to Lambda's router. */
    public void registerRoutes(RestJsonRouter lambdaRouter) {
    }

    /** Resumes the persisted mappings (after a restart) and starts polling. */
    public void start() {
    }

    @Override
    public void close() {
    }
}
