package statelab.localaws.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Sleeps {@code sleepMillis} (from the event), prints before and after, then answers "slept". */
public class SleepingHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> event, Context context) {
        long millis = ((Number) event.getOrDefault("sleepMillis", 0)).longValue();
        System.out.println("going to sleep for " + millis + " ms");
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.println("woke up");
        return "slept";
    }
}
