package statelab.localaws.lambda.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import statelab.localaws.edge.AwsException;

class HandlerNameTest {

    @Test
    void classAndClassWithMethodAreJavaHandlers() {
        assertEquals("statelab.handler.StateLambda::handleRequest",
                HandlerName.validate("statelab.handler.StateLambda::handleRequest"));
        assertEquals("Handler", HandlerName.validate("Handler"));
        assertEquals("a.b.Outer$Inner", HandlerName.validate("a.b.Outer$Inner"));
    }

    @Test
    void anythingElseIsRefusedWithTheExpectedForm() {
        for (String bad : new String[] {"index.handler:main", "a..B", "a.B::", "a.B::m::n", "lambda_function.handler "}) {
            AwsException e = assertThrows(AwsException.class, () -> HandlerName.validate(bad), bad);
            assertEquals("InvalidParameterValueException", e.code());
        }
        assertEquals("InvalidParameterValueException", assertThrows(AwsException.class,
                () -> HandlerName.validate(null)).code());
    }
}
