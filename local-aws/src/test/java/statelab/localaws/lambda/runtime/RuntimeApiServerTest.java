package statelab.localaws.lambda.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Runtime API server driven over real HTTP, as the runtime interface client drives it. */
class RuntimeApiServerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> dispatched = new CopyOnWriteArrayList<>();
    private RuntimeApiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RuntimeApiServer("test", CLOCK, invocation -> dispatched.add(invocation.requestId()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + "/2018-06-01/runtime/" + path);
    }

    private CompletableFuture<HttpResponse<String>> next() {
        return http.sendAsync(HttpRequest.newBuilder(uri("invocation/next")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String errorType) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (errorType != null) {
            request.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Invocation invocation(String id) {
        return new Invocation(id, "{\"k\":1}".getBytes(StandardCharsets.UTF_8),
                "arn:aws:lambda:us-east-1:000000000000:function:f", "Root=1-a-b;Sampled=0", null, 3000);
    }

    @Test
    void nextWaitsForAnInvocationAndHandsItOutWithLambdasHeaders() throws Exception {
        CompletableFuture<HttpResponse<String>> next = next();
        assertTrue(server.firstNextNanos().get(5, TimeUnit.SECONDS) > 0, "the first /next marks the end of init");
        assertFalse(next.isDone(), "/next blocks while nothing is queued");
        Invocation invocation = invocation("req-1");
        server.enqueue(invocation);
        HttpResponse<String> response = next.get(5, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("{\"k\":1}", response.body());
        assertEquals("req-1", response.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
        assertEquals("1003000", response.headers().firstValue("Lambda-Runtime-Deadline-Ms").orElseThrow());
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:f",
                response.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn").orElseThrow());
        assertEquals("Root=1-a-b;Sampled=0", response.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow());
        assertEquals(List.of("req-1"), dispatched);
        assertTrue(invocation.dispatchedAtNanos().isDone());
    }

    @Test
    void aResponseSettlesTheInvocationOnceAndASecondAnswerIsRefused() throws Exception {
        CompletableFuture<HttpResponse<String>> next = next();
        Invocation invocation = invocation("req-2");
        server.enqueue(invocation);
        next.get(5, TimeUnit.SECONDS);
        assertEquals(202, post("invocation/req-2/response", "\"done\"", null).statusCode());
        RuntimeReply reply = invocation.reply().get(1, TimeUnit.SECONDS);
        assertArrayEquals("\"done\"".getBytes(StandardCharsets.UTF_8),
                assertInstanceOf(RuntimeReply.Success.class, reply).payload());
        assertEquals(403, post("invocation/req-2/response", "\"again\"", null).statusCode());
        assertEquals(400, post("invocation/unknown/response", "\"x\"", null).statusCode());
    }

    @Test
    void theNextRequestAfterAnAnswerMarksTheRuntimeReadyAgain() throws Exception {
        CompletableFuture<HttpResponse<String>> first = next();
        Invocation invocation = invocation("req-3");
        server.enqueue(invocation);
        first.get(5, TimeUnit.SECONDS);
        post("invocation/req-3/response", "{}", null);
        assertFalse(invocation.runtimeReadyAgainNanos().isDone());
        next();
        assertTrue(invocation.runtimeReadyAgainNanos().get(5, TimeUnit.SECONDS) > 0);
    }

    @Test
    void anErrorKeepsTheDocumentsTypeAndTheRuntimesCategory() throws Exception {
        CompletableFuture<HttpResponse<String>> next = next();
        Invocation invocation = invocation("req-4");
        server.enqueue(invocation);
        next.get(5, TimeUnit.SECONDS);
        String document = "{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.IllegalStateException\"}";
        assertEquals(202, post("invocation/req-4/error", document, "Runtime.UserException").statusCode());
        RuntimeReply.Failure failure = assertInstanceOf(RuntimeReply.Failure.class,
                invocation.reply().get(1, TimeUnit.SECONDS));
        assertEquals("java.lang.IllegalStateException", failure.errorType());
        assertEquals("Runtime.UserException", failure.runtimeCategory());
        assertEquals(document, new String(failure.document(), StandardCharsets.UTF_8));
    }

    @Test
    void anInitErrorIsRecordedOnce() throws Exception {
        assertEquals(202, post("init/error", "{\"errorMessage\":\"no\",\"errorType\":\"X\"}",
                "Runtime.BadFunctionCode").statusCode());
        assertEquals("Runtime.BadFunctionCode", server.initError().get(1, TimeUnit.SECONDS).runtimeCategory());
        assertEquals(403, post("init/error", "{}", null).statusCode());
    }

    @Test
    void aResponseOverSixMegabytesIsRefusedAndFailsTheInvocation() throws Exception {
        CompletableFuture<HttpResponse<String>> next = next();
        Invocation invocation = invocation("req-5");
        server.enqueue(invocation);
        next.get(5, TimeUnit.SECONDS);
        String large = "\"" + "x".repeat(RuntimeApiServer.MAX_RESPONSE_BYTES) + "\"";
        assertEquals(413, post("invocation/req-5/response", large, null).statusCode());
        RuntimeReply.Failure failure = assertInstanceOf(RuntimeReply.Failure.class,
                invocation.reply().get(1, TimeUnit.SECONDS));
        assertEquals("Function.ResponseSizeTooLarge", failure.errorType());
    }

    @Test
    void anUnknownPathIsA404AndAWithdrawnInvocationIsNeverHandedOut() throws Exception {
        assertEquals(404, post("invocation/next/extra", "", null).statusCode());
        Invocation withdrawn = invocation("req-6");
        server.enqueue(withdrawn);
        assertTrue(server.withdraw(withdrawn));
        CompletableFuture<HttpResponse<String>> next = next();
        server.enqueue(invocation("req-7"));
        assertEquals("req-7", next.get(5, TimeUnit.SECONDS).headers()
                .firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow());
    }
}
