package statelab.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HandlerConfigTest {

    private static Map<String, String> environment(String... pairs) {
        Map<String, String> environment = new HashMap<>();
        environment.put("AWS_REGION", "eu-west-1");
        for (int i = 0; i < pairs.length; i += 2) {
            environment.put(pairs[i], pairs[i + 1]);
        }
        return environment;
    }

    @Test
    void defaultsMatchTheWorkshop() {
        HandlerConfig config = HandlerConfig.fromEnvironment(environment());
        assertEquals(new HandlerConfig("StateTable", 0, 5, "eu-west-1"), config);
    }

    @Test
    void readsEveryVariable() {
        HandlerConfig config = HandlerConfig.fromEnvironment(environment(
                "STATE_TABLE_NAME", "LabStateTable-dev", "FAILURE_INJECTION_PERCENT", "5", "WRITE_CONCURRENCY", "16"));
        assertEquals(new HandlerConfig("LabStateTable-dev", 5, 16, "eu-west-1"), config);
    }

    @Test
    void emptyOrBlankVariablesCountAsUnset() {
        HandlerConfig config = HandlerConfig.fromEnvironment(environment(
                "STATE_TABLE_NAME", "", "FAILURE_INJECTION_PERCENT", " ", "WRITE_CONCURRENCY", ""));
        assertEquals(new HandlerConfig("StateTable", 0, 5, "eu-west-1"), config);
    }

    @Test
    void acceptsTheBoundsAndSurroundingSpaces() {
        assertEquals(100, HandlerConfig.fromEnvironment(environment("FAILURE_INJECTION_PERCENT", " 100 "))
                .failureInjectionPercent());
        assertEquals(1, HandlerConfig.fromEnvironment(environment("WRITE_CONCURRENCY", "1")).writeConcurrency());
        assertEquals(64, HandlerConfig.fromEnvironment(environment("WRITE_CONCURRENCY", "64")).writeConcurrency());
    }

    @Test
    void acceptsATableArn() {
        String arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/StateTable";
        assertEquals(arn, HandlerConfig.fromEnvironment(environment("STATE_TABLE_NAME", arn)).tableName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "5.5", "-1", "101", "5%", "1e2"})
    void refusesAFailurePercentThatIsNotAWholeNumberFrom0To100(String value) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> HandlerConfig.fromEnvironment(environment("FAILURE_INJECTION_PERCENT", value)));
        assertTrue(e.getMessage().startsWith("FAILURE_INJECTION_PERCENT must be a whole number from 0 to 100, was "),
                e.getMessage());
        assertTrue(e.getMessage().contains(value), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65", "four", "-3"})
    void refusesAWriteConcurrencyOutside1To64(String value) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> HandlerConfig.fromEnvironment(environment("WRITE_CONCURRENCY", value)));
        assertTrue(e.getMessage().startsWith("WRITE_CONCURRENCY must be a whole number from 1 to 64, was "),
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "State Table", "StateTable/", "arn:aws:s3:::bucket"})
    void refusesATableNameDynamoDbWouldRefuse(String value) {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> HandlerConfig.fromEnvironment(environment("STATE_TABLE_NAME", value)));
        assertTrue(e.getMessage().startsWith("STATE_TABLE_NAME must be a DynamoDB table name"), e.getMessage());
    }

    @Test
    void needsARegion() {
        Map<String, String> environment = environment();
        environment.remove("AWS_REGION");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> HandlerConfig.fromEnvironment(environment));
        assertTrue(e.getMessage().startsWith("AWS_REGION is not set"), e.getMessage());
    }
}
