package statelab.localaws.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kinesis batch handler for event source mapping tests: appends one line per batch it receives to the file
 * named by {@code RECORD_FILE} ({@code <start millis>\t<eventID>=<data>\t...}, eventID being
 * {@code shardId:sequenceNumber}), then
 * <ul>
 * <li>throws when a record's data contains {@code FAIL_ON} (if set): a function error;
 * <li>reports every record whose data contains {@code REPORT_ON} (if set) as a batch item failure;
 * <li>sleeps {@code SLEEP_MILLIS} (if set) first, to be a slow function.
 * </ul>
 */
public class RecordingKinesisHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {
    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        long started = System.currentTimeMillis();
        StringBuilder line = new StringBuilder().append(started);
        String failOn = System.getenv("FAIL_ON");
        String reportOn = System.getenv("REPORT_ON");
        boolean fail = false;
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        for (KinesisEvent.KinesisEventRecord record : event.getRecords()) {
            String data = StandardCharsets.UTF_8.decode(record.getKinesis().getData()).toString();
            line.append('\t').append(record.getEventID()).append('=').append(data);
            fail |= failOn != null && data.contains(failOn);
            if (reportOn != null && data.contains(reportOn)) {
                failures.add(new StreamsEventResponse.BatchItemFailure(record.getKinesis().getSequenceNumber()));
            }
        }
        append(Path.of(System.getenv("RECORD_FILE")), line.append('\n').toString());
        String sleep = System.getenv("SLEEP_MILLIS");
        if (sleep != null) {
            try {
                Thread.sleep(Long.parseLong(sleep));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fail) {
            throw new IllegalStateException("a record is marked " + failOn);
        }
        return new StreamsEventResponse(failures);
    }

    /** One locked append per batch: several execution environments may write at once. */
    private static void append(Path file, String line) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
