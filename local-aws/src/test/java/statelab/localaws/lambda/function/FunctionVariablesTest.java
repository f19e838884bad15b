package statelab.localaws.lambda.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import statelab.localaws.edge.AwsException;

class FunctionVariablesTest {

    @Test
    void ordinaryVariablesPass() {
        Map<String, String> variables = Map.of("STATE_TABLE_NAME", "StateTable", "AWS_ENDPOINT_URL", "http://x");
        assertEquals(variables, FunctionVariables.validate(variables));
    }

    @Test
    void reservedNamesAreRefusedAndListedAsAwsDoes() {
        AwsException e = assertThrows(AwsException.class,
                () -> FunctionVariables.validate(Map.of("AWS_REGION", "x", "LAMBDA_TASK_ROOT", "y", "OK_NAME", "z")));
        assertEquals("InvalidParameterValueException", e.code());
        assertTrue(e.getMessage().endsWith("Reserved keys used in this request: AWS_REGION, LAMBDA_TASK_ROOT"),
                e.getMessage());
    }

    @Test
    void aNameOutsideLambdasPatternIsAValidationError() {
        assertEquals("ValidationException", assertThrows(AwsException.class,
                () -> FunctionVariables.validate(Map.of("1ABC", "x"))).code());
        assertEquals("ValidationException", assertThrows(AwsException.class,
                () -> FunctionVariables.validate(Map.of("A-B", "x"))).code());
    }

    @Test
    void variablesOverFourKilobytesAsJsonAreRefused() {
        AwsException e = assertThrows(AwsException.class,
                () -> FunctionVariables.validate(Map.of("BIG", "x".repeat(4096))));
        assertTrue(e.getMessage().contains("exceeded the 4KB limit"), e.getMessage());
    }
}
