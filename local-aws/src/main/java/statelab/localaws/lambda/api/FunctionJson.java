package statelab.localaws.lambda.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.protocol.Json;

/** A function's FunctionConfiguration as Lambda returns it (CreateFunction, GetFunction, ListFunctions...). */
final class FunctionJson {
    private FunctionJson() {
    }

    /** Which answer a configuration is part of: AWS's answer to a change always shows it unsettled. */
    enum Reply {
        /** a read: the state the clock says */
        STORED,
        /** CreateFunction's answer: Pending, no LastUpdateStatus yet */
        CREATED,
        /** an update's answer: LastUpdateStatus InProgress */
        UPDATED
    }

    static ObjectNode configuration(FunctionRecord function, String arn, long nowMillis) {
        return configuration(function, arn, nowMillis, Reply.STORED);
    }

    static ObjectNode configuration(FunctionRecord function, String arn, long nowMillis, Reply reply) {
        ObjectNode node = Json.object();
        node.put("FunctionName", function.name());
        node.put("FunctionArn", arn);
        node.put("Runtime", function.runtime());
        node.put("Role", function.role());
        node.put("Handler", function.handler());
        node.put("CodeSize", function.codeSize());
        node.put("Description", function.description() == null ? "" : function.description());
        node.put("Timeout", function.timeout());
        node.put("MemorySize", function.memorySize());
        node.put("LastModified", function.lastModified());
        node.put("CodeSha256", function.codeSha256());
        node.put("Version", "$LATEST");
        if (function.environment() != null) {
            node.putObject("Environment").set("Variables", stringMap(function.environment()));
        }
        node.putObject("TracingConfig").put("Mode", "PassThrough");
        node.put("RevisionId", function.revisionId());
        String state = reply == Reply.CREATED ? "Pending" : function.state(nowMillis);
        node.put("State", state);
        if (state.equals("Pending")) {
            node.put("StateReason", "The function is being created.");
            node.put("StateReasonCode", "Creating");
        }
        if (reply != Reply.CREATED) {
            String update = reply == Reply.UPDATED ? "InProgress" : function.lastUpdateStatus(nowMillis);
            node.put("LastUpdateStatus", update);
            if (update.equals("InProgress")) {
                node.put("LastUpdateStatusReason", "The function is being created.");
                node.put("LastUpdateStatusReasonCode", "Creating");
            }
        }
        node.put("PackageType", "Zip");
        ArrayNode architectures = node.putArray("Architectures");
        function.architectures().forEach(architectures::add);
        node.putObject("EphemeralStorage").put("Size", function.ephemeralStorage());
        ObjectNode snapStart = node.putObject("SnapStart");
        snapStart.put("ApplyOn", "None");
        snapStart.put("OptimizationStatus", "Off");
        ObjectNode logging = node.putObject("LoggingConfig");
        logging.put("LogFormat", "Text");
        logging.put("LogGroup", function.logGroup());
        return node;
    }

    static ObjectNode stringMap(Map<String, String> values) {
        ObjectNode node = Json.object();
        values.forEach(node::put);
        return node;
    }
}
