package statelab.verify.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Lambda and CloudWatch Logs control planes while local-aws is not there: the few calls verify-lab
 * makes (GetFunctionConfiguration, ListEventSourceMappings, GetEventSourceMapping, FilterLogEvents), answered in
 * AWS's wire format so the real SDK clients talk to it. The function behind it is a {@link StreamConsumer}.
 */
public final class FakeLambda implements AutoCloseable {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** One mapping as ListEventSourceMappings shows it. */
    public record Mapping(String uuid, String functionName, String streamArn, String state, String reason,
            String lastProcessingResult) {
    }

    private final HttpServer server;
    private final Map<String, String> functions = new ConcurrentHashMap<>();
    private final Map<String, Mapping> mappings = new ConcurrentHashMap<>();
    private final List<String> logLines = new CopyOnWriteArrayList<>();

    public FakeLambda() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void addFunction(String name) {
        functions.put(name, "Active");
    }

    public void removeFunction(String name) {
        functions.remove(name);
    }

    public void putMapping(Mapping mapping) {
        mappings.put(mapping.uuid(), mapping);
    }

    public void log(String line) {
        logLines.add(line);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            exchange.getRequestBody().readAllBytes();
            if (target != null && target.endsWith(".FilterLogEvents")) {
                ObjectNode body = MAPPER.createObjectNode();
                ArrayNode events = body.putArray("events");
                long now = System.currentTimeMillis();
                for (String line : logLines) {
                    events.addObject().put("timestamp", now).put("message", line).put("logStreamName", "fake");
                }
                send(exchange, 200, body, "application/x-amz-json-1.1", null);
            } else if (path.matches("/2015-03-31/functions/[^/]+/configuration")) {
                String name = path.split("/")[3];
                if (!functions.containsKey(name)) {
                    notFound(exchange, "Function not found: " + name);
                    return;
                }
                ObjectNode body = MAPPER.createObjectNode().put("FunctionName", name)
                        .put("FunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:" + name)
                        .put("State", functions.get(name));
                send(exchange, 200, body, "application/json", null);
            } else if (path.equals("/2015-03-31/event-source-mappings/")
                    || path.equals("/2015-03-31/event-source-mappings")) {
                Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
                String function = query.get("FunctionName");
                if (function != null && !functions.containsKey(function)) {
                    notFound(exchange, "Function not found: " + function);
                    return;
                }
                ObjectNode body = MAPPER.createObjectNode();
                ArrayNode list = body.putArray("EventSourceMappings");
                for (Mapping mapping : mappings.values()) {
                    if ((function == null || function.equals(mapping.functionName()))
                            && (query.get("EventSourceArn") == null
                                    || query.get("EventSourceArn").equals(mapping.streamArn()))) {
                        list.add(json(mapping));
                    }
                }
                send(exchange, 200, body, "application/json", null);
            } else if (path.startsWith("/2015-03-31/event-source-mappings/")) {
                Mapping mapping = mappings.get(path.substring("/2015-03-31/event-source-mappings/".length()));
                if (mapping == null) {
                    notFound(exchange, "The resource you requested does not exist.");
                    return;
                }
                send(exchange, 200, json(mapping), "application/json", null);
            } else {
                ObjectNode body = MAPPER.createObjectNode().put("message", "FakeLambda does not answer " + path);
                send(exchange, 400, body, "application/json", "InvalidRequestContentException");
            }
        }
    }

    private static ObjectNode json(Mapping mapping) {
        return MAPPER.createObjectNode()
                .put("UUID", mapping.uuid())
                .put("EventSourceArn", mapping.streamArn())
                .put("FunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:" + mapping.functionName())
                .put("State", mapping.state())
                .put("StateTransitionReason", mapping.reason())
                .put("LastProcessingResult", mapping.lastProcessingResult())
                .put("BatchSize", 100);
    }

    private static void notFound(HttpExchange exchange, String message) throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("Type", "User").put("Message", message);
        send(exchange, 404, body, "application/json", "ResourceNotFoundException");
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body, String contentType, String errorType)
            throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (errorType != null) {
            exchange.getResponseHeaders().set("X-Amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
