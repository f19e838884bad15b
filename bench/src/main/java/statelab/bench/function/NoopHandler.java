package statelab.bench.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * The cold-start baseline: the smallest Java function there is. The bench deploys this class alone in a zip (the
 * runtime brings aws-lambda-java-core), so its Init Duration is the JVM plus AWS's runtime interface client plus
 * loading one class: the floor under StateLambda's.
 */
public final class NoopHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        return "ok";
    }
}
