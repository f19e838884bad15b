package statelab.localaws.lambda.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import statelab.localaws.protocol.Json;

/**
 * The Lambda Runtime API of one execution environment, on its own ephemeral loopback port (the runtime interface
 * client is told {@code AWS_LAMBDA_RUNTIME_API=127.0.0.1:<port>}): {@code /runtime/invocation/next} blocks until an
 * invocation is queued, {@code /response} and {@code /error} settle it, {@code /init/error} reports a failed init.
 * Status codes and error bodies follow AWS's runtime API (and its emulator, RIE).
 */
final class RuntimeApiServer implements AutoCloseable {
    /** RIE's limit for a response: 6 MiB plus 100 bytes of slack. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024 + 100;
    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
    private final Map<String, Invocation> handedOut = new ConcurrentHashMap<>();
    private final CompletableFuture<Long> firstNextNanos = new CompletableFuture<>();
    private final CompletableFuture<RuntimeReply.Failure> initError = new CompletableFuture<>();
    private final Consumer<Invocation> onDispatch;
    private volatile Invocation lastDispatched;

    static {
        // the JDK server writes headers and body separately; with Nagle's algorithm on, the body then waits for
        // the peer's delayed ACK (~40 ms per call). Read once per JVM, so the edge sets it too.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    /**
     * @param onDispatch called on the {@code /next} thread just before an invocation is handed to the runtime
     *     (the environment writes its START line there, after the output printed so far)
     */
    RuntimeApiServer(String name, Clock clock, Consumer<Invocation> onDispatch) throws IOException {
        this.clock = clock;
        this.onDispatch = onDispatch;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "runtime-api-" + name + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Queues an invocation for the runtime's next {@code /next}. */
    void enqueue(Invocation invocation) {
        queued.add(invocation);
    }

    /**
     * Takes back an invocation the runtime has not received yet.
     *
     * @return false if the runtime already has it (it is running)
     */
    boolean withdraw(Invocation invocation) {
        return queued.remove(invocation);
    }

    /** Completes with {@link System#nanoTime()} when the runtime first asks for work: its init is over. */
    CompletableFuture<Long> firstNextNanos() {
        return firstNextNanos;
    }

    CompletableFuture<RuntimeReply.Failure> initError() {
        return initError;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(exchange);
            } else if (method.equals("POST") && path.equals("init/error")) {
                String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
                byte[] body = readBody(exchange.getRequestBody(), MAX_RESPONSE_BYTES);
                boolean first = initError.complete(new RuntimeReply.Failure(errorType(type, body), type, body));
                send(exchange, first ? 202 : 403, first ? status("OK") : error("InvalidStateTransition",
                        "init error already reported"));
            } else if (method.equals("POST") && path.startsWith("invocation/")
                    && (path.endsWith("/response") || path.endsWith("/error"))) {
                settle(exchange, path);
            } else {
                send(exchange, 404, error("InvalidRequest", "unknown Runtime API path " + method + " " + path));
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        firstNextNanos.complete(now);
        Invocation previous = lastDispatched;
        if (previous != null) {
            previous.runtimeReadyAgainNanos().complete(now);
        }
        Invocation invocation;
        try {
            invocation = queued.take();
        } catch (InterruptedException e) {
            // the environment is being stopped: the runtime gets no more work
            Thread.currentThread().interrupt();
            send(exchange, 500, error("ServiceUnavailable", "the execution environment is shutting down"));
            return;
        }
        // one invocation at a time: an older id is unknown (400), the current one answered twice is a 403
        handedOut.clear();
        handedOut.put(invocation.requestId(), invocation);
        lastDispatched = invocation;
        long nanos = System.nanoTime();
        invocation.markDispatched(clock.millis(), nanos);
        onDispatch.accept(invocation);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.invokedFunctionArn());
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
        if (invocation.clientContext() != null) {
            headers.set("Lambda-Runtime-Client-Context", invocation.clientContext());
        }
        send(exchange, 200, invocation.payload());
    }

    private void settle(HttpExchange exchange, String path) throws IOException {
        boolean success = path.endsWith("/response");
        String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
        Invocation invocation = handedOut.get(requestId);
        if (invocation == null) {
            drain(exchange.getRequestBody());
            send(exchange, 400, error("InvalidRequestID", "Invalid request ID"));
            return;
        }
        byte[] body = readBody(exchange.getRequestBody(), MAX_RESPONSE_BYTES);
        RuntimeReply reply;
        int status = 202;
        if (body.length > MAX_RESPONSE_BYTES) {
            reply = new RuntimeReply.Failure("Function.ResponseSizeTooLarge", "Function.ResponseSizeTooLarge",
                    error("Function.ResponseSizeTooLarge",
                    "Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES + " bytes)."));
            status = 413;
        } else if (success) {
            reply = new RuntimeReply.Success(body);
        } else {
            String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
            reply = new RuntimeReply.Failure(errorType(type, body), type, body);
        }
        boolean first = invocation.reply().complete(reply);
        if (!first) {
            send(exchange, 403, error("InvalidStateTransition", "the invocation " + requestId + " is already over"));
        } else if (status == 413) {
            send(exchange, 413, error("RequestEntityTooLarge", "Response payload size exceeded maximum allowed"
                    + " payload size (" + MAX_RESPONSE_BYTES + " bytes)."));
        } else {
            send(exchange, 202, status("OK"));
        }
    }

    /** The error type a runtime reported: the document's {@code errorType}, else its header, else Unhandled. */
    static String errorType(String header, byte[] document) {
        try {
            JsonNode node = Json.MAPPER.readTree(document);
            if (node != null && node.path("errorType").isTextual() && !node.path("errorType").asText().isEmpty()) {
                return node.path("errorType").asText();
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: the header says what it is
        }
        return header != null && !header.isBlank() ? header : "Unhandled";
    }

    /** Reads at most {@code limit + 1} bytes (enough to know it is too large) and discards the rest. */
    private static byte[] readBody(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        drain(in);
        return body;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        while (in.read(sink) >= 0) {
            // discard
        }
    }

    private static byte[] status(String status) {
        ObjectNode node = Json.object();
        node.put("status", status);
        return Json.bytes(node);
    }

    static byte[] error(String type, String message) {
        ObjectNode node = Json.object();
        node.put("errorMessage", message);
        node.put("errorType", type);
        return Json.bytes(node);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
