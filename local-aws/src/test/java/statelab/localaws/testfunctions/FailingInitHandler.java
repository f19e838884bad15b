package statelab.localaws.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Cannot be constructed: its constructor throws, so the environment's init fails. */
public class FailingInitHandler implements RequestHandler<Map<String, Object>, String> {
    public FailingInitHandler() {
        throw new IllegalStateException("cannot initialise: missing configuration");
    }

    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "never";
    }
}
