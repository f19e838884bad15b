package statelab.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the worker JVMs ({@link HandlerWorker}, {@link DirectPathWorker}) share. A worker gets its endpoint, region,
 * credentials and table the way a Lambda function does, from the environment, builds StateLambda with its public
 * no-argument constructor, and answers with one line {@code BENCH-RESULT <json>} on stdout.
 */
final class Workers {
    static final String RESULT_PREFIX = "BENCH-RESULT ";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Workers() {
    }

    static void emit(Object result) {
        try {
            System.out.println(RESULT_PREFIX + MAPPER.writeValueAsString(result));
            System.out.flush();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A DynamoDB client with the settings of StateLambda's own (handler/DynamoDbClients: url-connection-client, 2 s
     * connect and 10 s socket timeouts, standard retries, credentials from the environment), so that a baseline
     * writer differs from the handler only in what it does, not in how it talks to DynamoDB. The endpoint comes
     * from AWS_ENDPOINT_URL, read by the SDK as for the handler.
     */
    static DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder()
                .region(Region.of(required("AWS_REGION")))
                .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(override -> override.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set (the bench sets it for its workers)");
        }
        return value;
    }

    static int intArg(Map<String, String> args, String name, int fallback) {
        String value = args.get(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    /** {@code --name value} pairs; workers are started by the bench only, so no validation beyond that. */
    static Map<String, String> parse(String[] args) {
        Map<String, String> parsed = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            parsed.put(args[i].substring(2), args[i + 1]);
        }
        return parsed;
    }
}
