package statelab.localaws.testing;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/** Points any AWS SDK v2 client builder at a local endpoint with the credentials tests use (test/test, us-east-1). */
public final class AwsClients {
    public static final Region REGION = Region.US_EAST_1;

    private AwsClients() {
    }

    public static <B extends AwsClientBuilder<B, C>, C> B configure(B builder, URI endpoint) {
        return builder.endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }
}
