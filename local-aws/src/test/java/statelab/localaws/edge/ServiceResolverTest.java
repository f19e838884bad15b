package statelab.localaws.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceResolverTest {

    private static AwsRequest request(String path, Map<String, String> headers, String body) {
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        String auth = headers.get("Authorization");
        return new AwsRequest("POST", path, null, multi, body.getBytes(StandardCharsets.UTF_8), "id",
                SigningScope.parse(auth, null));
    }

    @Test
    void theCredentialScopeWinsOverEverythingElse() {
        AwsRequest request = request("/2015-03-31/functions", Map.of(
                "Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261204/eu-west-1/logs/aws4_request, SignedHeaders=host, Signature=abc",
                "X-Amz-Target", "Kinesis_20131202.ListStreams"), "");
        assertEquals("logs", ServiceResolver.resolve(request));
        assertEquals("eu-west-1", request.scope().region());
        assertEquals("AKID", request.scope().accessKeyId());
    }

    @Test
    void unsignedRequestsFallBackToTargetThenPathThenAction() {
        assertEquals("kinesis", ServiceResolver.resolve(request("/", Map.of("X-Amz-Target", "Kinesis_20131202.PutRecords"), "")));
        assertEquals("dynamodb", ServiceResolver.resolve(request("/", Map.of("X-Amz-Target", "DynamoDB_20120810.GetItem"), "")));
        assertEquals("lambda", ServiceResolver.resolve(request("/2015-03-31/event-source-mappings/", Map.of(), "")));
        assertEquals("sts", ServiceResolver.resolve(request("/", Map.of(), "Action=GetCallerIdentity&Version=2011-06-15")));
        assertEquals("iam", ServiceResolver.resolve(request("/", Map.of(), "Action=GetRole&RoleName=r")));
        assertNull(ServiceResolver.resolve(request("/nothing", Map.of(), "")));
    }

    @Test
    void aPresignedUrlCredentialIsReadFromTheQuery() {
        SigningScope scope = SigningScope.parse(null, "AKID/20261204/us-east-1/sts/aws4_request");
        assertEquals("sts", scope.service());
    }
}
