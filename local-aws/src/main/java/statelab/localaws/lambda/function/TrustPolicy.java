package statelab.localaws.lambda.function;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import statelab.localaws.protocol.Json;

/**
 * Reads a role's trust policy the way Lambda's CreateFunction check needs: does some Allow statement let the
 * service principal {@code lambda.amazonaws.com} call {@code sts:AssumeRole}? Conditions are not evaluated
 * (a Deny statement for Lambda does win).
 */
public final class TrustPolicy {
    private static final String LAMBDA_PRINCIPAL = "lambda.amazonaws.com";

    private TrustPolicy() {
    }

    public static boolean allowsLambda(String policyJson) {
        JsonNode policy;
        try {
            policy = Json.MAPPER.readTree(policyJson == null ? "" : policyJson);
        } catch (IOException e) {
            return false;
        }
        if (policy == null || !policy.isObject()) {
            return false;
        }
        boolean allowed = false;
        for (JsonNode statement : asList(policy.get("Statement"))) {
            if (!statement.isObject() || !coversLambda(statement)) {
                continue;
            }
            String effect = statement.path("Effect").asText("");
            if (effect.equals("Deny")) {
                return false;
            }
            allowed |= effect.equals("Allow");
        }
        return allowed;
    }

    private static boolean coversLambda(JsonNode statement) {
        boolean action = false;
        for (JsonNode item : asList(statement.get("Action"))) {
            String text = item.asText("");
            action |= text.equalsIgnoreCase("sts:AssumeRole") || text.equalsIgnoreCase("sts:*") || text.equals("*");
        }
        JsonNode principal = statement.get("Principal");
        boolean principalMatches = principal != null && (principal.isTextual() && principal.asText().equals("*")
                || asList(principal.get("Service")).stream().anyMatch(s -> LAMBDA_PRINCIPAL.equals(s.asText())));
        return action && principalMatches;
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node == null || node.isNull()) {
            return items;
        }
        if (node.isArray()) {
            node.forEach(items::add);
        } else {
            items.add(node);
        }
        return items;
    }
}
