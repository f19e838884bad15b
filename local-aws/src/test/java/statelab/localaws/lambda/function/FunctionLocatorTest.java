package statelab.localaws.lambda.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import statelab.localaws.edge.AwsException;

class FunctionLocatorTest {

    @Test
    void aPlainNameHasNoQualifierRegionOrAccount() {
        FunctionLocator locator = FunctionLocator.parse("StateLambda");
        assertEquals(new FunctionLocator("StateLambda", null, null, null), locator);
        assertTrue(locator.isLatest());
    }

    @Test
    void aNameMayCarryAQualifier() {
        assertEquals(new FunctionLocator("StateLambda", "$LATEST", null, null), FunctionLocator.parse("StateLambda:$LATEST"));
        FunctionLocator version = FunctionLocator.parse("StateLambda:3");
        assertEquals("3", version.qualifier());
        assertFalse(version.isLatest());
    }

    @Test
    void aFullArnGivesRegionAccountAndName() {
        assertEquals(new FunctionLocator("StateLambda", null, "eu-west-1", "123456789012"),
                FunctionLocator.parse("arn:aws:lambda:eu-west-1:123456789012:function:StateLambda"));
        assertEquals(new FunctionLocator("StateLambda", "$LATEST", "us-east-1", "000000000000"),
                FunctionLocator.parse("arn:aws:lambda:us-east-1:000000000000:function:StateLambda:$LATEST"));
    }

    @Test
    void aPartialArnGivesAccountAndName() {
        assertEquals(new FunctionLocator("StateLambda", null, null, "123456789012"),
                FunctionLocator.parse("123456789012:function:StateLambda"));
    }

    @Test
    void somethingThatIsNoFunctionNameIsAValidationErrorNamingThePattern() {
        AwsException e = assertThrows(AwsException.class, () -> FunctionLocator.parse("bad name!"));
        assertEquals("ValidationException", e.code());
        assertTrue(e.getMessage().contains("'bad name!' at 'functionName'"), e.getMessage());
        assertEquals("ValidationException", assertThrows(AwsException.class, () -> FunctionLocator.parse("")).code());
    }

    @Test
    void aQualifierParameterMustAgreeWithTheNamesQualifier() {
        assertEquals("$LATEST", FunctionLocator.parse("f").withQualifier("$LATEST").qualifier());
        assertEquals("$LATEST", FunctionLocator.parse("f:$LATEST").withQualifier("$LATEST").qualifier());
        assertNull(FunctionLocator.parse("f").withQualifier(null).qualifier());
        AwsException e = assertThrows(AwsException.class, () -> FunctionLocator.parse("f:1").withQualifier("2"));
        assertEquals("InvalidParameterValueException", e.code());
    }
}
