package statelab.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import statelab.localaws.testfunctions.PrintingHandler;
import statelab.localaws.testfunctions.TestFunctionZip;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.LocalAwsHarness;

/**
 * The services wired as {@link LocalAwsServer} wires them: a role made in IAM lets Lambda create the function,
 * and the function's output, with Lambda's START/END/REPORT lines, is in CloudWatch Logs, also after a restart.
 */
class WiringIT {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    @TempDir
    Path dataDir;

    @Test
    void aFunctionWhoseRoleIsInIamWritesItsOutputToCloudWatchLogs() throws Exception {
        try (LocalAwsHarness local = LocalAwsHarness.start(dataDir)) {
            try (IamClient iam = local.client(IamClient.builder());
                    LambdaClient lambda = local.client(LambdaClient.builder())) {
                String roleArn = iam.createRole(r -> r.roleName("printer-role").assumeRolePolicyDocument(TRUST)).role().arn();
                lambda.createFunction(r -> r.functionName("printer").runtime(Runtime.JAVA17).role(roleArn)
                        .handler(TestFunctionZip.handler(PrintingHandler.class)).memorySize(256).timeout(30)
                        .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctionZip.of(PrintingHandler.class)))));
                Await.until("the function is active", Duration.ofSeconds(30),
                        () -> lambda.getFunction(r -> r.functionName("printer")).configuration().state() == State.ACTIVE);
                InvokeResponse invoked = lambda.invoke(r -> r.functionName("printer")
                        .payload(SdkBytes.fromUtf8String("{\"lines\":[\"hello from the function\",\"to stderr\",\"last\"]}")));
                assertNull(invoked.functionError(), invoked.payload().asUtf8String());
                assertEquals("3", invoked.payload().asUtf8String());
            }
            try (CloudWatchLogsClient logs = local.client(CloudWatchLogsClient.builder())) {
                Await.until("the REPORT line is in the function's log group", Duration.ofSeconds(30),
                        () -> !messages(logs, "REPORT").isEmpty());
                assertEquals(1, messages(logs, "\"hello from the function\"").size());
                assertEquals(1, messages(logs, "START RequestId").size());
            }
            local.restart();
            try (CloudWatchLogsClient logs = local.client(CloudWatchLogsClient.builder());
                    LambdaClient lambda = local.client(LambdaClient.builder())) {
                assertEquals(1, messages(logs, "\"hello from the function\"").size(), "the log survives a restart");
                var function = lambda.getFunction(r -> r.functionName("printer"));
                assertEquals("printer", function.configuration().functionName());
                assertEquals(function.configuration().codeSha256(), sha256Base64(download(function.code().location())),
                        "GetFunction's Code.Location serves the function's package");
            }
        }
    }

    private static byte[] download(String location) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), location);
        return response.body();
    }

    private static String sha256Base64(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> messages(CloudWatchLogsClient logs, String pattern) {
        return logs.filterLogEvents(r -> r.logGroupName("/aws/lambda/printer").filterPattern(pattern)).events().stream()
                .map(FilteredLogEvent::message).toList();
    }
}
