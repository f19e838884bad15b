package statelab.localaws.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * Describes the environment it runs in: its variables, heap limit, pid, working directory, time zone, and what
 * the Lambda context says. Tests read it to check what an execution environment gives a function.
 */
public class EnvironmentProbeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("env", new TreeMap<>(System.getenv()));
        probe.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        probe.put("pid", ProcessHandle.current().pid());
        probe.put("cwd", System.getProperty("user.dir"));
        probe.put("timeZone", TimeZone.getDefault().getID());
        probe.put("requestId", context.getAwsRequestId());
        probe.put("functionArn", context.getInvokedFunctionArn());
        probe.put("remainingMillis", context.getRemainingTimeInMillis());
        probe.put("memoryLimitMb", context.getMemoryLimitInMB());
        probe.put("logStream", context.getLogStreamName());
        return probe;
    }
}
