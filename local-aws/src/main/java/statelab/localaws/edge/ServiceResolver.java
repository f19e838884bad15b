package statelab.localaws.edge;

import java.util.Locale;
import java.util.Map;

/**
 * Names the service a request is for, the way AWS's edge would: the SigV4 credential scope first, then the
 * {@code X-Amz-Target} prefix of JSON protocols, then the REST path, then the query protocol's Action.
 */
public final class ServiceResolver {

    private static final Map<String, String> TARGET_PREFIXES = Map.of(
            "kinesis_20131202", "kinesis",
            "dynamodb_20120810", "dynamodb",
            "dynamodbstreams_20120810", "dynamodb",
            "logs_20140328", "logs");

    private ServiceResolver() {
    }

    /** @return the signing name of the service, or null when nothing in the request says. */
    public static String resolve(AwsRequest request) {
        String fromScope = request.scope().service();
        if (fromScope != null && !fromScope.isBlank()) {
            return fromScope.toLowerCase(Locale.ROOT);
        }
        String target = request.header("X-Amz-Target");
        if (target != null) {
            int dot = target.indexOf('.');
            String prefix = (dot < 0 ? target : target.substring(0, dot)).toLowerCase(Locale.ROOT);
            String service = TARGET_PREFIXES.get(prefix);
            if (service != null) {
                return service;
            }
        }
        String path = request.path();
        if (path.startsWith("/2015-03-31/") || path.startsWith("/2017-03-31/") || path.startsWith("/2019-09-30/")
                || path.startsWith("/2021-10-31/") || path.startsWith("/2016-08-19/")) {
            return "lambda";
        }
        String action = request.formParams().get("Action");
        if (action != null) {
            return action.equals("GetCallerIdentity") || action.startsWith("AssumeRole")
                    || action.equals("GetSessionToken") ? "sts" : "iam";
        }
        return null;
    }
}
