package statelab.localaws.emulators;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;

/**
 * Relays a request to a supervised emulator byte for byte (method, path, query, end-to-end headers, body) and
 * its answer back (status, headers, body): the SDK's CBOR or JSON goes through untouched. When the emulator
 * is being restarted or does not answer, the client gets a retryable 503 at once instead of a hang.
 */
public final class EmulatorForwarder {
    /** Hop-by-hop headers (RFC 9110 7.6.1) and the ones java.net.http sets itself and refuses to take. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
            "host", "content-length", "expect", "http2-settings");

    private final String serviceName;
    private final Supplier<URI> endpoint;
    private final Supplier<Boolean> ready;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * @param serviceName for messages, e.g. "Kinesis"
     * @param endpoint the emulator's current base URL (it may change after a restart)
     * @param ready whether the emulator serves right now
     */
    public EmulatorForwarder(String serviceName, Supplier<URI> endpoint, Supplier<Boolean> ready, Duration timeout) {
        this.serviceName = serviceName;
        this.endpoint = endpoint;
        this.ready = ready;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public AwsResponse forward(AwsRequest request) {
        if (!ready.get()) {
            throw unavailable("is restarting");
        }
        URI base = endpoint.get();
        String pathAndQuery = request.rawPath() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
        HttpRequest.Builder outgoing = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(timeout)
                .method(request.method(), request.body().length == 0 && !hasBody(request.method())
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValue()) {
                    outgoing.header(header.getKey(), value);
                }
            }
        }
        HttpResponse<byte[]> answer;
        try {
            answer = client.send(outgoing.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw unavailable("did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            throw unavailable("cannot be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("was interrupted");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        answer.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !values.isEmpty()) {
                headers.put(name, String.join(",", values));
            }
        });
        return new AwsResponse(answer.statusCode(), headers, answer.body());
    }

    private static boolean hasBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    /** 503 is retried by every AWS SDK: a restart of the emulator looks like a brief service hiccup. */
    private AwsException unavailable(String why) {
        return new AwsException(503, "ServiceUnavailable", "local-aws: the " + serviceName + " emulator " + why
                + "; retry shortly");
    }
}
