package statelab.localaws.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Ends its JVM in the middle of the invocation with the event's {@code exitCode} (default 3). */
public class ExitingHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        int code = event == null ? 3 : ((Number) event.getOrDefault("exitCode", 3)).intValue();
        System.out.println("exiting with " + code);
        System.exit(code);
        return "unreachable";
    }
}
