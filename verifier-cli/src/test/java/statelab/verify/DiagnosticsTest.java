package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class DiagnosticsTest {

    /** Two pages of log: 15 lines that report errors among lines that do not (an endpoint ignoring the pattern). */
    static final class FakeLogs implements CloudWatchLogsClient {
        final List<FilterLogEventsRequest> requests = new ArrayList<>();
        boolean missingGroup;

        @Override
        public FilterLogEventsResponse filterLogEvents(FilterLogEventsRequest request) {
            requests.add(request);
            if (missingGroup) {
                throw ResourceNotFoundException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException")
                                .errorMessage("The specified log group does not exist.").build()).build();
            }
            boolean firstPage = request.nextToken() == null;
            List<FilteredLogEvent> events = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = (firstPage ? 0 : 10) + i;
                String message = n % 4 == 3 ? "START RequestId: " + n
                        : "{\"level\":\"ERROR\",\"event\":\"write_failed\",\"n\":" + n + "}\n";
                events.add(FilteredLogEvent.builder().timestamp(1_764_876_000_000L + n).message(message).build());
            }
            return FilterLogEventsResponse.builder().events(events).nextToken(firstPage ? "page-2" : null).build();
        }

        @Override
        public String serviceName() {
            return "logs";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void keepsTheLastTenErrorLinesOnOneLineEach() {
        FakeLogs logs = new FakeLogs();
        Report.FunctionErrors errors = new Diagnostics(new AwsClients(null, null, null, logs, null))
                .recentErrors("/aws/lambda/StateLambda", Instant.now().minusSeconds(400));
        assertNull(errors.note());
        assertEquals(10, errors.lines().size());
        assertTrue(errors.lines().get(9).endsWith("{\"level\":\"ERROR\",\"event\":\"write_failed\",\"n\":18}"),
                errors.lines().get(9));
        assertTrue(errors.lines().stream().noneMatch(line -> line.contains("START")));
        assertEquals(Diagnostics.ERROR_PATTERN, logs.requests.get(0).filterPattern());
        assertEquals(7, errors.minutes());
    }

    @Test
    void aMissingLogGroupIsANoteNotAFailure() {
        FakeLogs logs = new FakeLogs();
        logs.missingGroup = true;
        Report.FunctionErrors errors = new Diagnostics(new AwsClients(null, null, null, logs, null))
                .recentErrors("/aws/lambda/StateLambda", Instant.now());
        assertEquals("the log group does not exist (the function never ran?)", errors.note());
        assertTrue(errors.lines().isEmpty());
    }
}
