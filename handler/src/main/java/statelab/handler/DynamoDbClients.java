package statelab.handler;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The DynamoDB client as the function uses it, with every choice that matters for a cold start made explicitly so
 * the SDK does not search for it (README.md, "HTTP client").
 *
 * <p>No endpoint here on purpose: the SDK takes it from {@code AWS_ENDPOINT_URL} (or {@code AWS_ENDPOINT_URL_DYNAMODB})
 * when set, and from the region otherwise; local-aws sets the variable, AWS does not. EndpointFromEnvironmentIT proves
 * that the SDK version we ship does so.
 */
final class DynamoDbClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(10);

    private DynamoDbClients() {
    }

    /** The client the function uses. */
    static DynamoDbClient forFunction(HandlerConfig config) {
        return configured(config.region())
                // Lambda puts the execution role's credentials in the environment: no provider chain to walk
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .build();
    }

    /** Everything but the credentials, so tests can reuse the function's settings against their own server. */
    static DynamoDbClientBuilder configured(String region) {
        return DynamoDbClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT))
                // Standard mode: 3 attempts with jittered back-off, instead of the DynamoDB legacy default of 9 that
                // can hold a whole batch for tens of seconds behind one throttled key. The mapping's redelivery from
                // the first failed record is the outer retry loop.
                .overrideConfiguration(override -> override.retryStrategy(RetryMode.STANDARD));
    }
}
