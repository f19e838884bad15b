package statelab.localaws.config;

/** ARNs of this account and region, built in one place. */
public record AwsNames(String accountId, String defaultRegion) {

    public static AwsNames from(Settings settings) {
        return new AwsNames(settings.text(Setting.ACCOUNT_ID), settings.text(Setting.REGION));
    }

    public String region(String requested) {
        return requested == null || requested.isBlank() ? defaultRegion : requested;
    }

    public String lambdaFunctionArn(String region, String functionName) {
        return "arn:aws:lambda:" + region(region) + ":" + accountId + ":function:" + functionName;
    }

    public String eventSourceMappingArn(String region, String uuid) {
        return "arn:aws:lambda:" + region(region) + ":" + accountId + ":event-source-mapping:" + uuid;
    }

    public String iamRoleArn(String path, String roleName) {
        String safePath = path == null || path.isEmpty() ? "/" : path;
        return "arn:aws:iam::" + accountId + ":role" + safePath + roleName;
    }

    public String iamPolicyArn(String path, String policyName) {
        String safePath = path == null || path.isEmpty() ? "/" : path;
        return "arn:aws:iam::" + accountId + ":policy" + safePath + policyName;
    }

    public String logGroupArn(String region, String groupName) {
        return "arn:aws:logs:" + region(region) + ":" + accountId + ":log-group:" + groupName;
    }

    public String kinesisStreamArn(String region, String streamName) {
        return "arn:aws:kinesis:" + region(region) + ":" + accountId + ":stream/" + streamName;
    }

    public String dynamodbTableArn(String region, String tableName) {
        return "arn:aws:dynamodb:" + region(region) + ":" + accountId + ":table/" + tableName;
    }
}
