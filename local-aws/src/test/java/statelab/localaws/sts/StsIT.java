package statelab.localaws.sts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import statelab.localaws.testing.LocalAwsHarness;

class StsIT {
    @TempDir
    static Path dataDir;
    static LocalAwsHarness local;
    static StsClient sts;

    @BeforeAll
    static void start() {
        local = LocalAwsHarness.start(dataDir);
        sts = local.client(StsClient.builder());
    }

    @AfterAll
    static void stop() {
        sts.close();
        local.close();
    }

    @Test
    void callerIdentityIsTheRootOfAccount000000000000() {
        GetCallerIdentityResponse identity = sts.getCallerIdentity();
        assertEquals("000000000000", identity.account());
        assertEquals("arn:aws:iam::000000000000:root", identity.arn());
        assertEquals("000000000000", identity.userId());
    }

    @Test
    void anOperationItDoesNotImplementIsRefusedByName() {
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::000000000000:role/x").roleSessionName("s")));
        assertEquals("InvalidAction", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("AssumeRole"), e.getMessage());
        assertEquals(400, e.statusCode());
    }
}
