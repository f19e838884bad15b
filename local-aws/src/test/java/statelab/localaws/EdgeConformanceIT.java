package statelab.localaws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import statelab.localaws.config.Setting;
import statelab.localaws.protocol.Json;
import statelab.localaws.testing.LocalAwsHarness;

/** What every client gets from the edge whatever the service: errors with a shape and a reason, and health. */
class EdgeConformanceIT {
    static final int MAX_BODY = 64 * 1024;

    @TempDir
    static Path dataDir;
    static LocalAwsHarness local;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        local = LocalAwsHarness.start(dataDir, Map.of(Setting.MAX_REQUEST_BYTES, Integer.toString(MAX_BODY)));
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private static HttpResponse<String> post(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local.endpoint() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String scope(String service) {
        return "AWS4-HMAC-SHA256 Credential=test/20240101/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host, Signature=0";
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedWith413() {
        try (CloudWatchLogsClient logs = local.client(CloudWatchLogsClient.builder())) {
            logs.createLogGroup(r -> r.logGroupName("/big"));
            logs.createLogStream(r -> r.logGroupName("/big").logStreamName("s"));
            AwsServiceException e = assertThrows(AwsServiceException.class, () -> logs.putLogEvents(r -> r
                    .logGroupName("/big").logStreamName("s").logEvents(InputLogEvent.builder()
                            .timestamp(System.currentTimeMillis()).message("x".repeat(MAX_BODY)).build())));
            assertEquals(413, e.statusCode());
            assertEquals("RequestEntityTooLargeException", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void malformedJsonIsASerializationErrorNamingTheProblem() throws Exception {
        HttpResponse<String> response = post("/", Map.of("X-Amz-Target", "Logs_20140328.CreateLogGroup",
                "Content-Type", "application/x-amz-json-1.1", "Authorization", scope("logs")), "{\"logGroupName\": ");
        assertEquals(400, response.statusCode());
        JsonNode body = Json.MAPPER.readTree(response.body());
        assertEquals("SerializationException", body.get("__type").asText());
        assertTrue(body.get("message").asText().contains("not JSON"), response.body());
    }

    @Test
    void aMissingRequiredMemberIsAValidationErrorNamingIt() throws Exception {
        HttpResponse<String> response = post("/", Map.of("X-Amz-Target", "Logs_20140328.CreateLogGroup",
                "Content-Type", "application/x-amz-json-1.1", "Authorization", scope("logs")), "{}");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("logGroupName"), response.body());
    }

    @Test
    void malformedQueryInputGetsAnXmlErrorResponse() throws Exception {
        HttpResponse<String> response = post("/", Map.of("Content-Type", "application/x-www-form-urlencoded",
                "Authorization", scope("iam")), "Action=GetRole&RoleName=%ZZ&Version=2010-05-08");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().startsWith("<ErrorResponse"), response.body());
        assertTrue(response.body().contains("percent-encoding"), response.body());
    }

    @Test
    void aServiceLocalAwsDoesNotEmulateIsNamed() throws Exception {
        HttpResponse<String> response = post("/", Map.of("Content-Type", "application/x-amz-json-1.0",
                "X-Amz-Target", "AmazonSQS.ListQueues", "Authorization", scope("sqs")), "{}");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("'sqs'"), response.body());
    }

    @Test
    void aRequestThatNamesNoServiceIsRefusedWithTheReason() throws Exception {
        HttpResponse<String> response = post("/whatever", Map.of(), "{}");
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("cannot tell which AWS service"), response.body());
    }

    @Test
    void theHealthEndpointReportsEachEmulator() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(local.endpoint() + "/_localaws/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode health = Json.MAPPER.readTree(response.body());
        assertEquals("running", health.get("status").asText());
        assertEquals("READY", health.at("/emulators/kinesis/state").asText());
        assertEquals("READY", health.at("/emulators/dynamodb/state").asText());
        assertTrue(health.at("/emulators/dynamodb/port").asInt() > 0);
        assertTrue(health.has("uptimeSeconds") && health.has("version"));
    }
}
