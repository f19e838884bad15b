package statelab.localaws.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;

/**
 * Prints each of the event's {@code lines}: even ones to stdout, odd ones to stderr, and the last one through the
 * Lambda context logger; answers how many it printed.
 */
public class PrintingHandler implements RequestHandler<Map<String, Object>, Integer> {
    @Override
    @SuppressWarnings("unchecked")
    public Integer handleRequest(Map<String, Object> event, Context context) {
        List<Object> lines = (List<Object>) event.getOrDefault("lines", List.of());
        for (int i = 0; i < lines.size(); i++) {
            String line = String.valueOf(lines.get(i));
            if (i == lines.size() - 1) {
                context.getLogger().log(line + "\n");
            } else if (i % 2 == 0) {
                System.out.println(line);
            } else {
                System.err.println(line);
            }
        }
        return lines.size();
    }
}
