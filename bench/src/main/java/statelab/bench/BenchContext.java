package statelab.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The invocation context for running StateLambda in process. Its logger keeps only the last line (the handler's
 * {@code batch_summary} ends every invocation), so the bench can check that a batch did what it measured.
 */
final class BenchContext implements Context, LambdaLogger {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final String requestId = UUID.randomUUID().toString();
    private volatile String lastLine = "";

    /** The handler's batch summary, checked: every record {@code written}, or the bench stops with what it got. */
    void requireAllWritten(int records) {
        JsonNode summary;
        try {
            summary = MAPPER.readTree(lastLine.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("the handler's last log line is not JSON: " + lastLine, e);
        }
        if (summary == null || !"batch_summary".equals(summary.path("event").asText())
                || summary.path("written").asInt(-1) != records) {
            throw new IllegalStateException("expected a batch_summary with written=" + records + ", the handler logged: "
                    + lastLine.strip());
        }
    }

    @Override
    public void log(String message) {
        lastLine = message;
    }

    @Override
    public void log(byte[] message) {
        lastLine = new String(message, StandardCharsets.UTF_8);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/StateLambda";
    }

    @Override
    public String getLogStreamName() {
        return "bench";
    }

    @Override
    public String getFunctionName() {
        return "StateLambda";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:000000000000:function:StateLambda";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return 60_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return this;
    }
}
