package statelab.localaws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statelab.localaws.spi.FunctionDirectory.FunctionRef;
import statelab.localaws.spi.FunctionInvoker.FunctionNotFoundException;
import statelab.localaws.spi.FunctionInvoker.InvocationResult;
import statelab.localaws.testfunctions.EchoHandler;
import statelab.localaws.testfunctions.PrintingHandler;
import statelab.localaws.testfunctions.ThrowingHandler;

/** The seams event source mappings use: FunctionDirectory and FunctionInvoker, without HTTP. */
class FunctionInvokerIT {
    @TempDir
    static Path dataDir;
    static LambdaTestServer server;

    @BeforeAll
    static void start() {
        server = LambdaTestServer.start(dataDir);
        server.createFunction("direct-echo", EchoHandler.class, b -> b.timeout(42));
        server.createFunction("direct-throw", ThrowingHandler.class);
        server.createFunction("direct-print", PrintingHandler.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFunctionIsFoundByNameOrArnWithItsRoleAndTimeout() {
        FunctionRef byName = server.lambda().find("direct-echo").orElseThrow();
        assertEquals("arn:aws:lambda:us-east-1:000000000000:function:direct-echo", byName.arn());
        assertEquals(server.roleArn(), byName.roleArn());
        assertEquals(42, byName.timeoutSeconds());
        assertEquals(byName, server.lambda().find(byName.arn()).orElseThrow());
        assertTrue(server.lambda().find("no-such-function").isEmpty());
        assertTrue(server.lambda().find("not a name!").isEmpty());
    }

    @Test
    void aSuccessfulInvocationReturnsThePayloadAndNoError() {
        InvocationResult result = server.lambda().invoke("direct-echo", utf8("{\"Records\":[]}"));
        assertTrue(result.succeeded());
        assertNull(result.functionError());
        assertFalse(result.throttled());
        assertEquals("{\"Records\":[]}", new String(result.payload(), StandardCharsets.UTF_8));
    }

    @Test
    void aThrownErrorIsUnhandledWithTheErrorDocument() {
        InvocationResult result = server.lambda().invoke("direct-throw", utf8("{\"message\":\"bad batch\"}"));
        assertEquals("Unhandled", result.functionError());
        assertFalse(result.throttled());
        assertTrue(new String(result.payload(), StandardCharsets.UTF_8).contains("\"errorMessage\":\"bad batch\""));
    }

    @Test
    void directInvocationsAreLoggedLikeAnyOther() {
        server.lambda().invoke("direct-print", utf8("{\"lines\":[\"from a mapping\"]}"));
        assertTrue(server.logMessages("direct-print").stream().anyMatch(m -> m.contains("from a mapping")));
        assertTrue(server.logMessages("direct-print").stream().anyMatch(m -> m.startsWith("REPORT RequestId: ")));
    }

    @Test
    void aFunctionWithoutConcurrencyIsThrottledNotFailed() {
        server.createFunction("direct-throttled", EchoHandler.class);
        server.client().putFunctionConcurrency(r -> r.functionName("direct-throttled").reservedConcurrentExecutions(0));
        InvocationResult result = server.lambda().invoke("direct-throttled", utf8("{}"));
        assertTrue(result.throttled());
        assertNull(result.functionError());
        assertFalse(result.succeeded());
    }

    @Test
    void anUnknownFunctionIsFunctionNotFound() {
        FunctionNotFoundException e = assertThrows(FunctionNotFoundException.class,
                () -> server.lambda().invoke("no-such-function", utf8("{}")));
        assertTrue(e.getMessage().contains("no-such-function"));
    }
}
