package statelab.localaws.logs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import statelab.localaws.edge.AwsException;

class FilterPatternTest {

    @Test
    void anEmptyPatternMatchesEverything() {
        assertTrue(FilterPattern.parse("").matches("anything"));
        assertTrue(FilterPattern.parse(null).matches(""));
    }

    @Test
    void everyPlainTermMustOccurCaseSensitively() {
        FilterPattern pattern = FilterPattern.parse("ERROR trade");
        assertTrue(pattern.matches("ERROR writing trade 42"));
        assertFalse(pattern.matches("ERROR writing item"));
        assertFalse(pattern.matches("error writing trade"));
    }

    @Test
    void aQuotedPhraseIsOneTermWithItsSpaces() {
        FilterPattern pattern = FilterPattern.parse("\"Task timed out\"");
        assertTrue(pattern.matches("2024-01-01 Task timed out after 3.00 seconds"));
        assertFalse(pattern.matches("Task was slow, then timed out"));
    }

    @Test
    void aMinusTermExcludes() {
        FilterPattern pattern = FilterPattern.parse("ERROR -retrying");
        assertTrue(pattern.matches("ERROR gave up"));
        assertFalse(pattern.matches("ERROR retrying in 1 s"));
    }

    @Test
    void questionMarkTermsNeedAnyOneOfThem() {
        FilterPattern pattern = FilterPattern.parse("?ERROR ?WARN");
        assertTrue(pattern.matches("WARN slow"));
        assertTrue(pattern.matches("ERROR broken"));
        assertFalse(pattern.matches("INFO fine"));
    }

    @Test
    void jsonSpaceDelimitedAndRegexPatternsAreRefusedNotMisread() {
        assertThrows(AwsException.class, () -> FilterPattern.parse("{ $.level = \"ERROR\" }"));
        assertThrows(AwsException.class, () -> FilterPattern.parse("[ip, user, ...]"));
        assertThrows(AwsException.class, () -> FilterPattern.parse("%ERROR|WARN%"));
    }

    @Test
    void anUnterminatedQuoteIsAnError() {
        assertThrows(AwsException.class, () -> FilterPattern.parse("\"open"));
    }
}
