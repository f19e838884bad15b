package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.esm.policy.PartialFailureReport;
import statelab.localaws.esm.policy.PartialFailureReport.AllSucceeded;
import statelab.localaws.esm.policy.PartialFailureReport.FailedFrom;
import statelab.localaws.esm.policy.PartialFailureReport.Malformed;
import statelab.localaws.esm.policy.PartialFailureReport.Reading;

/** kinesis-esm-semantics.md §4, case by case. */
class PartialFailureReportTest {
    // lengths differ on purpose: as strings "9..." > "10...", as numbers it is the other way round
    private static final String SHORT = "9" + "0".repeat(54);
    private static final String LONG1 = "1" + "0".repeat(55);
    private static final String LONG2 = "1" + "0".repeat(54) + "1";
    private static final List<SequenceNumber> BATCH = List.of(SequenceNumber.of(SHORT), SequenceNumber.of(LONG1),
            SequenceNumber.of(LONG2));

    private static Reading read(String answer) {
        return PartialFailureReport.read(answer == null ? null : answer.getBytes(StandardCharsets.UTF_8), BATCH);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "null", "\"\"", "[]", "{}", "{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}",
            "{\"failedItems\":[{\"itemIdentifier\":\"1\"}]}"})
    void answersThatReportNothingMeanTheWholeBatchSucceeded(String answer) {
        assertInstanceOf(AllSucceeded.class, read(answer));
    }

    @Test
    void noAnswerAtAllIsASuccess() {
        assertInstanceOf(AllSucceeded.class, read(null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
        "{\"batchItemFailures\":[{\"foo\":123}]}",
        "{\"batchItemFailures\":[{\"foo\":null}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":123}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"123\"}]}",
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"not-a-number\"}]}",
        "{\"batchItemFailures\":[\"just a string\"]}",
        "{\"batchItemFailures\":{\"itemIdentifier\":\"1\"}}",
        "{\"batchItemFailures\":\"everything\"}",
        "\"foo\"",
        "[{\"itemIdentifier\":\"1\"}]",
        "42",
        "true",
        "not json at all"})
    void answersThatCannotBeTrustedFailTheWholeBatch(String answer) {
        assertInstanceOf(Malformed.class, read(answer));
    }

    @Test
    void aSequenceNumberSentAsAJsonNumberFailsTheWholeBatchEvenWhenItIsInTheBatch() {
        assertInstanceOf(Malformed.class, read("{\"batchItemFailures\":[{\"itemIdentifier\":" + LONG1 + "}]}"));
    }

    @Test
    void oneValidItemNamesTheRecordTheBatchIsRetriedFrom() {
        Reading reading = read("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + LONG1 + "\"}]}");
        assertEquals(new FailedFrom(1, SequenceNumber.of(LONG1)), reading);
    }

    @Test
    void theLowestSequenceNumberWinsComparedAsANumberNotAsText() {
        Reading reading = read("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + LONG2 + "\"},"
                + "{\"itemIdentifier\":\"" + SHORT + "\"},{\"itemIdentifier\":\"" + LONG1 + "\"}]}");
        assertEquals(new FailedFrom(0, SequenceNumber.of(SHORT)), reading);
    }

    @Test
    void oneInvalidItemAmongValidOnesFailsTheWholeBatch() {
        assertInstanceOf(Malformed.class, read("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + LONG2 + "\"},"
                + "{\"itemIdentifier\":\"\"}]}"));
    }

    @Test
    void otherKeysBesideBatchItemFailuresAreIgnored() {
        Reading reading = read("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + LONG2 + "\",\"extra\":1}],\"x\":2}");
        assertEquals(new FailedFrom(2, SequenceNumber.of(LONG2)), reading);
    }
}
