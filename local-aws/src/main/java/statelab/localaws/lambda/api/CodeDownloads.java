package statelab.localaws.lambda.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.edge.AwsService;
import statelab.localaws.edge.EdgeServer;
import statelab.localaws.lambda.FunctionLifecycle;
import statelab.localaws.lambda.code.CodeSha256;

/**
 * {@code GET /_localaws/lambda-code/<sha256 hex>.zip}: the deployment package GetFunction's {@code Code.Location}
 * points at (on AWS, a presigned S3 URL). Only stored packages are served, by their digest.
 */
public final class CodeDownloads implements AwsService {
    public static final String ROUTE = FunctionRoutes.CODE_ROUTE;
    private static final String PREFIX = EdgeServer.INTERNAL_PREFIX + ROUTE + "/";

    private final FunctionLifecycle lifecycle;

    public CodeDownloads(FunctionLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public Set<String> signingNames() {
        return Set.of();
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        String name = request.path().startsWith(PREFIX) ? request.path().substring(PREFIX.length()) : "";
        if (!request.method().equals("GET") || !name.matches("[0-9a-f]{64}\\.zip")) {
            throw new AwsException(404, "NotFound", "no deployment package at " + request.path());
        }
        byte[] digest = HexFormat.of().parseHex(name.substring(0, 64));
        Path zip = lifecycle.zipFile(new CodeSha256(Base64.getEncoder().encodeToString(digest)));
        if (!Files.isRegularFile(zip)) {
            throw new AwsException(404, "NotFound", "no deployment package at " + request.path());
        }
        try {
            return AwsResponse.of(200, "application/zip", Files.readAllBytes(zip));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
