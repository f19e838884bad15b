package statelab.handler;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything the function reads from its environment, read and checked once at init so that a typo in Terraform
 * fails the first invocation with a clear message instead of misbehaving on every record.
 *
 * @param tableName               where trades are written ({@code STATE_TABLE_NAME})
 * @param failureInjectionPercent share of invocations that fail on purpose, 0..100 ({@code FAILURE_INJECTION_PERCENT})
 * @param writeConcurrency        how many TradeIDs are written at the same time ({@code WRITE_CONCURRENCY})
 * @param region                  the AWS region of the table ({@code AWS_REGION}, which Lambda always sets)
 */
public record HandlerConfig(String tableName, int failureInjectionPercent, int writeConcurrency, String region) {

    public static final String TABLE_NAME_VARIABLE = "STATE_TABLE_NAME";
    public static final String FAILURE_INJECTION_VARIABLE = "FAILURE_INJECTION_PERCENT";
    public static final String WRITE_CONCURRENCY_VARIABLE = "WRITE_CONCURRENCY";
    public static final String REGION_VARIABLE = "AWS_REGION";

    public static final String DEFAULT_TABLE_NAME = "StateTable";
    public static final int DEFAULT_FAILURE_INJECTION_PERCENT = 0;
    /**
     * Five, because the JDK keeps at most five idle keep-alive connections per host ({@code http.maxConnections}):
     * with more writer threads than that, url-connection-client would close and reopen (TLS on AWS) connections.
     */
    public static final int DEFAULT_WRITE_CONCURRENCY = 5;
    public static final int MAX_WRITE_CONCURRENCY = 64;

    // DynamoDB's rules for a table name, or a table ARN (TableName accepts both)
    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
    private static final Pattern TABLE_ARN = Pattern.compile("arn:[^:]+:dynamodb:[^:]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}");

    public HandlerConfig {
        if (tableName == null || !(TABLE_NAME.matcher(tableName).matches() || TABLE_ARN.matcher(tableName).matches())) {
            throw new InvalidConfigurationException(TABLE_NAME_VARIABLE + " must be a DynamoDB table name (3 to 255 of"
                    + " a-z A-Z 0-9 _ . -) or a table ARN, was " + quoted(tableName));
        }
        if (failureInjectionPercent < 0 || failureInjectionPercent > 100) {
            throw new InvalidConfigurationException(FAILURE_INJECTION_VARIABLE
                    + " must be a whole number from 0 to 100, was " + failureInjectionPercent);
        }
        if (writeConcurrency < 1 || writeConcurrency > MAX_WRITE_CONCURRENCY) {
            throw new InvalidConfigurationException(WRITE_CONCURRENCY_VARIABLE + " must be a whole number from 1 to "
                    + MAX_WRITE_CONCURRENCY + ", was " + writeConcurrency);
        }
        if (region == null || region.isBlank()) {
            throw new InvalidConfigurationException(REGION_VARIABLE
                    + " is not set (Lambda always sets it; set it yourself when running the handler elsewhere)");
        }
    }

    /** Reads the configuration from environment variables (a map so that tests need not touch the real one). */
    public static HandlerConfig fromEnvironment(Map<String, String> environment) {
        return new HandlerConfig(
                textOr(environment, TABLE_NAME_VARIABLE, DEFAULT_TABLE_NAME),
                wholeNumberOr(environment, FAILURE_INJECTION_VARIABLE, DEFAULT_FAILURE_INJECTION_PERCENT, "0 to 100"),
                wholeNumberOr(environment, WRITE_CONCURRENCY_VARIABLE, DEFAULT_WRITE_CONCURRENCY,
                        "1 to " + MAX_WRITE_CONCURRENCY),
                environment.get(REGION_VARIABLE));
    }

    // An empty variable counts as unset: Terraform and shells often write FOO= to mean "no value".
    private static String textOr(Map<String, String> environment, String name, String fallback) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static int wholeNumberOr(Map<String, String> environment, String name, int fallback, String range) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(name + " must be a whole number from " + range + ", was "
                    + quoted(value));
        }
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
