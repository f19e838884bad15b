package statelab.localaws.lambda.function;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import statelab.localaws.protocol.Json;

class FunctionRecordTest {

    static FunctionRecord sample() {
        return new FunctionRecord.Builder().name("f").region("us-east-1").runtime("java21").handler("a.B")
                .role("arn:aws:iam::000000000000:role/r").description("d").timeout(3).memorySize(128)
                .architectures(List.of("x86_64")).environment(Map.of("K", "V")).tags(Map.of("t", "1"))
                .code("sha", 10).lastModified("2026-01-01T00:00:00.000+0000").revisionId("rev")
                .activeAtMillis(1000).updateSettlesAtMillis(2000).reservedConcurrency(5).logGroup("/aws/lambda/f")
                .build();
    }

    @Test
    void aNewFunctionIsPendingUntilItsMomentThenActive() {
        FunctionRecord function = sample();
        assertEquals("Pending", function.state(999));
        assertEquals("Active", function.state(1000));
        assertEquals("InProgress", function.lastUpdateStatus(1999));
        assertEquals("Successful", function.lastUpdateStatus(2000));
    }

    @Test
    void itSurvivesAJsonRoundTripUnchanged() throws Exception {
        FunctionRecord function = sample();
        FunctionRecord read = Json.MAPPER.readValue(Json.bytes(function), FunctionRecord.class);
        assertEquals(function, read);
        assertEquals(512, read.ephemeralStorage());
    }

    @Test
    void aCopyChangesOnlyWhatItSets() {
        FunctionRecord function = sample();
        FunctionRecord copy = function.toBuilder().memorySize(512).build();
        assertEquals(512, copy.memorySize());
        assertEquals(function.toBuilder().memorySize(512).build(), copy);
        assertEquals(function.environment(), copy.environment());
    }
}
