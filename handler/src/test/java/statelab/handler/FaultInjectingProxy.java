package statelab.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP proxy in front of dynalite that answers chosen TradeIDs' UpdateItem calls with a fault instead of passing
 * them on: a 500, throttling, or a dropped connection. Everything else goes through untouched (bodies and the
 * {@code x-amz-crc32} header the SDK checks). Counts the UpdateItem attempts per TradeID, faulted or not.
 */
final class FaultInjectingProxy implements AutoCloseable {

    enum Fault {
        SERVER_ERROR(500, "InternalServerError", "Internal server error"),
        THROTTLING(400, "ThrottlingException", "Rate of requests exceeds the allowed throughput."),
        PROVISIONED_THROUGHPUT_EXCEEDED(400, "ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded."),
        /** the connection closes without an answer: an I/O error on the client's side */
        DROPPED_CONNECTION(0, null, null);

        final int status;
        final String type;
        final String message;

        Fault(int status, String type, String message) {
            this.status = status;
            this.type = type;
            this.message = message;
        }
    }

    private record Rule(Fault fault, AtomicInteger remaining) {
    }

    // headers java.net.http sets itself and refuses from callers
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade",
            "transfer-encoding");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final HttpClient forward = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    private FaultInjectingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static FaultInjectingProxy start(URI target) throws IOException {
        return new FaultInjectingProxy(target);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every UpdateItem of this TradeID gets the fault until {@link #heal()}. */
    FaultInjectingProxy fail(String tradeId, Fault fault) {
        return fail(tradeId, fault, Integer.MAX_VALUE);
    }

    /** The next {@code times} UpdateItem calls of this TradeID get the fault; later ones go through. */
    FaultInjectingProxy fail(String tradeId, Fault fault, int times) {
        rules.put(tradeId, new Rule(fault, new AtomicInteger(times)));
        return this;
    }

    void heal() {
        rules.clear();
    }

    int updateAttempts(String tradeId) {
        AtomicInteger count = attempts.get(tradeId);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String tradeId = updatedTradeId(exchange, body);
            if (tradeId != null) {
                attempts.computeIfAbsent(tradeId, id -> new AtomicInteger()).incrementAndGet();
                Rule rule = rules.get(tradeId);
                if (rule != null && rule.remaining().getAndDecrement() > 0) {
                    answerWith(rule.fault(), exchange);
                    return;
                }
            }
            pass(exchange, body);
        }
    }

    private static String updatedTradeId(HttpExchange exchange, byte[] body) {
        String operation = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (operation == null || !operation.endsWith(".UpdateItem")) {
            return null;
        }
        try {
            JsonNode id = MAPPER.readTree(body).path("Key").path("id").path("S");
            return id.isTextual() ? id.textValue() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void answerWith(Fault fault, HttpExchange exchange) throws IOException {
        if (fault == Fault.DROPPED_CONNECTION) {
            // the caller closes the exchange before any status line: the server closes the connection and the client
            // reads end of stream where the answer should be
            return;
        }
        byte[] answer = MAPPER.writeValueAsBytes(Map.of(
                "__type", "com.amazonaws.dynamodb.v20120810#" + fault.type, "message", fault.message));
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
        exchange.getResponseHeaders().set("x-amzn-RequestId", "FAULT" + System.nanoTime());
        exchange.sendResponseHeaders(fault.status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private void pass(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = forward.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        byte[] answer;
        try (InputStream in = response.body()) {
            answer = in.readAllBytes();
        }
        response.headers().map().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, List.copyOf(values));
            }
        });
        exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
