package statelab.verify;

import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The four clients a run uses; closing this closes them (and whatever they share). */
public record AwsClients(KinesisClient kinesis, DynamoDbClient dynamoDb, LambdaClient lambda,
        CloudWatchLogsClient logs, AutoCloseable shared) implements AutoCloseable {

    /** Builds the clients for a target; tests pass their own (per-service endpoints, fakes). */
    @FunctionalInterface
    public interface Factory {
        AwsClients create(LabTarget target);
    }

    @Override
    public void close() {
        kinesis.close();
        dynamoDb.close();
        lambda.close();
        logs.close();
        if (shared != null) {
            try {
                shared.close();
            } catch (Exception e) {
                // closing an HTTP client's pool at exit: nothing to do about a failure
            }
        }
    }
}
