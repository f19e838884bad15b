package statelab.localaws.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Fails every invocation with an IllegalStateException whose message is the event's {@code message}. */
public class ThrowingHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        Object message = event == null ? null : event.get("message");
        throw new IllegalStateException(message == null ? "boom" : message.toString());
    }
}
