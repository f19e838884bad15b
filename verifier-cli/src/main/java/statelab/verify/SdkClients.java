package statelab.verify;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The real clients: one HTTP client (the JDK's HttpURLConnection, see README.md "Dependencies") shared by the four
 * services, the standard retry mode, and exactly the region, endpoint and profile of the target. Nothing here knows
 * about local-aws: without {@code --endpoint-url} the SDK itself reads {@code AWS_ENDPOINT_URL}.
 */
public final class SdkClients implements AwsClients.Factory {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, URI> serviceEndpoints;

    public SdkClients() {
        this(Map.of());
    }

    /**
     * @param serviceEndpoints endpoints per service ({@code kinesis}, {@code dynamodb}, {@code lambda}, {@code logs})
     *     that win over the target's single endpoint, as {@code AWS_ENDPOINT_URL_<SERVICE>} does for the SDK: tests
     *     reach emulators that each serve one service
     */
    SdkClients(Map<String, URI> serviceEndpoints) {
        this.serviceEndpoints = Map.copyOf(serviceEndpoints);
    }

    @Override
    public AwsClients create(LabTarget target) {
        Region region = region(target);
        AwsCredentialsProvider credentials = target.profile() != null
                ? ProfileCredentialsProvider.create(target.profile())
                : DefaultCredentialsProvider.builder().build();
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
        return new AwsClients(
                configure(KinesisClient.builder(), endpoint("kinesis", target), region, credentials, http).build(),
                configure(DynamoDbClient.builder(), endpoint("dynamodb", target), region, credentials, http).build(),
                configure(LambdaClient.builder(), endpoint("lambda", target), region, credentials, http).build(),
                configure(CloudWatchLogsClient.builder(), endpoint("logs", target), region, credentials, http).build(),
                http);
    }

    private URI endpoint(String service, LabTarget target) {
        return serviceEndpoints.getOrDefault(service, target.endpointUrl());
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder,
            URI endpoint, Region region, AwsCredentialsProvider credentials, SdkHttpClient http) {
        builder.region(region)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallAttemptTimeout(ATTEMPT_TIMEOUT));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    private static Region region(LabTarget target) {
        if (target.region() != null) {
            return Region.of(target.region());
        }
        try {
            return target.profile() != null
                    ? new AwsProfileRegionProvider(null, target.profile()).getRegion()
                    : DefaultAwsRegionProviderChain.builder().build().getRegion();
        } catch (SdkClientException e) {
            throw new PreflightException("No AWS region is known: pass --region, set AWS_REGION, or give "
                    + (target.profile() != null ? "profile " + target.profile() : "your profile") + " a region.", e);
        }
    }
}
