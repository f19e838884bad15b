package statelab.localaws.edge;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The single HTTP endpoint of local-aws: reads each request whole, works out its service
 * ({@link ServiceResolver}) and hands it to that {@link AwsService}. Paths under {@code /_localaws/} are
 * local-aws's own (health, ...). A failure inside a service becomes an AWS-shaped error, never a dropped
 * connection or an empty 500.
 */
public final class EdgeServer implements AutoCloseable {
    public static final String INTERNAL_PREFIX = "/_localaws/";
    private static final System.Logger LOG = System.getLogger(EdgeServer.class.getName());

    static {
        // the JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body waits
        // for the client's delayed ACK (about 40 ms a request). Read once per JVM, before the first server starts.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, AwsService> servicesBySigningName = new ConcurrentHashMap<>();
    private final Map<String, AwsService> internalRoutes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final long maxBodyBytes;

    /**
     * Binds the address at once (so that the port is known before services are built), serves after {@link #start()}.
     *
     * @param address where to listen; the caller has already checked it is a loopback address unless told otherwise
     * @param maxBodyBytes larger request bodies get 413 without being read whole
     */
    public EdgeServer(InetSocketAddress address, long maxBodyBytes) throws IOException {
        this.maxBodyBytes = maxBodyBytes;
        this.server = HttpServer.create(address, 256);
        AtomicInteger threads = new AtomicInteger();
        // unbounded: some requests wait long (Lambda Invoke), and must not starve quick ones
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "edge-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", new Dispatcher());
    }

    /** Routes the service's signing names to it; call before {@link #start()}. */
    public void addService(AwsService service) {
        for (String name : service.signingNames()) {
            servicesBySigningName.put(name, service);
        }
    }

    /** Serves {@code /_localaws/<name>...} with a local handler (health, admin). */
    public void addInternalRoute(String name, AwsService handler) {
        internalRoutes.put(INTERNAL_PREFIX + name, handler);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Dispatcher implements HttpHandler {
        @Override
        public void handle(HttpExchange exchange) throws IOException {
            String requestId = UUID.randomUUID().toString();
            AwsResponse response;
            try {
                response = dispatch(exchange, requestId);
            } catch (AwsException e) {
                response = JsonErrors.render(e, "application/x-amz-json-1.1");
            } catch (RuntimeException | Error e) {
                LOG.log(System.Logger.Level.ERROR, "request " + requestId + " failed inside local-aws", e);
                response = JsonErrors.render(AwsException.internal(
                        "local-aws failed on this request: " + e), "application/x-amz-json-1.1");
            }
            write(exchange, response, requestId);
        }

        private AwsResponse dispatch(HttpExchange exchange, String requestId) throws IOException {
            Map<String, List<String>> headers = new HashMap<>(exchange.getRequestHeaders());
            byte[] body = readBody(exchange);
            String path = exchange.getRequestURI().getPath();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            List<String> auth = exchange.getRequestHeaders().get("Authorization");
            String credentialFromQuery = AwsRequest.parseForm(rawQuery == null ? "" : rawQuery).get("X-Amz-Credential");
            SigningScope scope = SigningScope.parse(auth == null || auth.isEmpty() ? null : auth.get(0), credentialFromQuery);
            AwsRequest request = new AwsRequest(exchange.getRequestMethod(), path,
                    exchange.getRequestURI().getRawPath(), rawQuery, headers, body, requestId, scope);

            if (path.startsWith(INTERNAL_PREFIX)) {
                for (Map.Entry<String, AwsService> route : internalRoutes.entrySet()) {
                    if (path.equals(route.getKey()) || path.startsWith(route.getKey() + "/")) {
                        return route.getValue().handle(request);
                    }
                }
                throw new AwsException(404, "NotFound", "local-aws has no internal route " + path);
            }
            String serviceName = ServiceResolver.resolve(request);
            if (serviceName == null) {
                throw new AwsException(400, "UnrecognizedClientException",
                        "local-aws cannot tell which AWS service this request is for: it has no SigV4 credential"
                                + " scope, X-Amz-Target, known REST path or query Action (" + exchange.getRequestMethod()
                                + " " + path + ")");
            }
            AwsService service = servicesBySigningName.get(serviceName);
            if (service == null) {
                throw new AwsException(400, "UnknownServiceException",
                        "local-aws does not emulate the AWS service '" + serviceName + "'; it serves "
                                + String.join(", ", servicesBySigningName.keySet().stream().sorted().toList()));
            }
            return service.handle(request);
        }

        private byte[] readBody(HttpExchange exchange) throws IOException {
            String declared = exchange.getRequestHeaders().getFirst("Content-Length");
            if (declared != null) {
                try {
                    if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                        throw tooLarge();
                    }
                } catch (NumberFormatException e) {
                    throw new AwsException(400, "BadRequest", "Content-Length is not a number: " + declared);
                }
            }
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
                if (body.length > maxBodyBytes) {
                    throw tooLarge();
                }
                return body;
            }
        }

        private AwsException tooLarge() {
            return new AwsException(413, "RequestEntityTooLargeException",
                    "Request must be smaller than " + maxBodyBytes + " bytes");
        }

        private void write(HttpExchange exchange, AwsResponse response, String requestId) throws IOException {
            var out = exchange.getResponseHeaders();
            response.headers().forEach(out::set);
            if (!out.containsKey("x-amzn-RequestId")) {
                out.set("x-amzn-RequestId", requestId);
            }
            byte[] body = response.body();
            boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod())
                    || response.status() == 204 || response.status() == 304;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(body);
                }
            }
            exchange.close();
        }
    }

    /** The fallback error shape when no protocol-specific renderer caught the error. */
    static final class JsonErrors {
        private JsonErrors() {
        }

        static AwsResponse render(AwsException e, String contentType) {
            String body = "{\"__type\":" + quote(e.code()) + ",\"message\":" + quote(e.getMessage()) + "}";
            return AwsResponse.of(e.status(), contentType, body.getBytes(StandardCharsets.UTF_8))
                    .withHeader("x-amzn-ErrorType", e.code());
        }

        private static String quote(String text) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(text == null ? "" : text).toString();
        }
    }
}
