package statelab.bench;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** SDK clients for local-aws, with any credentials (local-aws checks none), as LOCAL_AWS_ENV configures them. */
final class LabClients implements AutoCloseable {
    final KinesisClient kinesis;
    final DynamoDbClient dynamoDb;
    final LambdaClient lambda;
    final CloudWatchLogsClient logs;

    LabClients(URI endpoint, String region) {
        StaticCredentialsProvider credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        Region awsRegion = Region.of(region);
        this.kinesis = KinesisClient.builder().endpointOverride(endpoint).region(awsRegion)
                .credentialsProvider(credentials).httpClientBuilder(http(30)).build();
        this.dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(awsRegion)
                .credentialsProvider(credentials).httpClientBuilder(http(30)).build();
        // a cold invoke waits for a JVM to start; the function's timeout is 60 s
        this.lambda = LambdaClient.builder().endpointOverride(endpoint).region(awsRegion)
                .credentialsProvider(credentials).httpClientBuilder(http(120)).build();
        this.logs = CloudWatchLogsClient.builder().endpointOverride(endpoint).region(awsRegion)
                .credentialsProvider(credentials).httpClientBuilder(http(30)).build();
    }

    private static UrlConnectionHttpClient.Builder http(int socketTimeoutSeconds) {
        return UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(socketTimeoutSeconds));
    }

    @Override
    public void close() {
        kinesis.close();
        dynamoDb.close();
        lambda.close();
        logs.close();
    }
}
