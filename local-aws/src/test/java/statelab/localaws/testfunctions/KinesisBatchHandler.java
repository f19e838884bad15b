package statelab.localaws.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kinesis batch handler with partial failures: every record whose data is the text {@code fail} is reported as
 * a batch item failure (by sequence number); each record's data is printed as {@code record <seq> <data>}.
 */
public class KinesisBatchHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {
    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
            String sequenceNumber = record.getKinesis().getSequenceNumber();
            String data = StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString();
            System.out.println("record " + sequenceNumber + " " + data);
            if (data.equals("fail")) {
                failures.add(new StreamsEventResponse.BatchItemFailure(sequenceNumber));
            }
        }
        return new StreamsEventResponse(failures);
    }
}
