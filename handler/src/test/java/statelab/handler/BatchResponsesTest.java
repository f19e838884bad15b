package statelab.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchResponsesTest {

    private static RecordResult result(int position, Outcome outcome) {
        return new RecordResult(new RecordRef(position, KinesisEvents.sequenceNumber(position)), "t" + position,
                outcome, outcome == Outcome.WRITTEN ? null : "why");
    }

    private static List<RecordResult> batch(Outcome... outcomes) {
        BatchResults results = new BatchResults(outcomes.length);
        // filled out of order, as concurrent writers do
        for (int position = outcomes.length - 1; position >= 0; position--) {
            results.record(result(position, outcomes[position]));
        }
        return results.inStreamOrder();
    }

    @Test
    void aBatchWithoutFailuresAnswersAnEmptyList() {
        List<RecordResult> results = batch(Outcome.WRITTEN, Outcome.DUPLICATE_OR_STALE, Outcome.REJECTED);
        StreamsEventResponse response = BatchResponses.of(BatchResults.firstFailure(results));
        assertEquals(List.of(), response.getBatchItemFailures());
    }

    @Test
    void namesOnlyTheFirstFailedRecordInStreamOrder() {
        List<RecordResult> results = batch(Outcome.WRITTEN, Outcome.REJECTED, Outcome.WRITTEN, Outcome.FAILED,
                Outcome.WRITTEN, Outcome.FAILED, Outcome.DUPLICATE_OR_STALE);
        StreamsEventResponse response = BatchResponses.of(BatchResults.firstFailure(results));
        assertEquals(List.of(KinesisEvents.sequenceNumber(3)),
                response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                        .toList());
    }

    @Test
    void rejectedRecordsAreNeverReportedAsFailures() {
        List<RecordResult> results = batch(Outcome.REJECTED, Outcome.REJECTED);
        assertEquals(Optional.empty(), BatchResults.firstFailure(results));
    }

    @Test
    void lambdasSerializerWritesTheShapeTheMappingReads() {
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + KinesisEvents.sequenceNumber(4) + "\"}]}",
                toJson(BatchResponses.retryFrom(KinesisEvents.sequenceNumber(4))));
        assertEquals("{\"batchItemFailures\":[]}", toJson(BatchResponses.success()));
    }

    @Test
    void aRecordCannotGetTwoOutcomesNorNone() {
        BatchResults results = new BatchResults(2);
        results.record(result(0, Outcome.WRITTEN));
        assertThrows(IllegalStateException.class, () -> results.record(result(0, Outcome.FAILED)));
        assertThrows(IllegalStateException.class, results::inStreamOrder);
    }

    private static String toJson(StreamsEventResponse response) {
        PojoSerializer<StreamsEventResponse> serializer = LambdaEventSerializers.serializerFor(
                StreamsEventResponse.class, BatchResponsesTest.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
