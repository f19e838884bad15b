package statelab.localaws.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import statelab.localaws.testing.LocalAwsHarness;

class LogsIT {
    @TempDir
    static Path dataDir;
    static LocalAwsHarness local;
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() {
        local = LocalAwsHarness.start(dataDir);
        logs = local.client(CloudWatchLogsClient.builder());
    }

    @AfterAll
    static void stop() {
        logs.close();
        local.close();
    }

    private static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }

    private static void putEvents(String group, String stream, List<InputLogEvent> events) {
        logs.putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(events));
    }

    @Test
    void aLogGroupIsCreatedDescribedGivenRetentionTaggedAndDeleted() {
        logs.createLogGroup(r -> r.logGroupName("/test/lifecycle").tags(Map.of("team", "lab")));
        assertThrows(ResourceAlreadyExistsException.class, () -> logs.createLogGroup(r -> r.logGroupName("/test/lifecycle")));

        LogGroup group = logs.describeLogGroups(r -> r.logGroupNamePrefix("/test/lifecycle")).logGroups().get(0);
        assertEquals("/test/lifecycle", group.logGroupName());
        assertEquals("arn:aws:logs:us-east-1:000000000000:log-group:/test/lifecycle:*", group.arn());
        assertEquals("arn:aws:logs:us-east-1:000000000000:log-group:/test/lifecycle", group.logGroupArn());
        assertTrue(group.creationTime() > 0);
        assertNull(group.retentionInDays());

        logs.putRetentionPolicy(r -> r.logGroupName("/test/lifecycle").retentionInDays(14));
        assertEquals(14, logs.describeLogGroups(r -> r.logGroupNamePrefix("/test/lifecycle")).logGroups().get(0)
                .retentionInDays());
        assertThrows(InvalidParameterException.class,
                () -> logs.putRetentionPolicy(r -> r.logGroupName("/test/lifecycle").retentionInDays(8)));
        logs.deleteRetentionPolicy(r -> r.logGroupName("/test/lifecycle"));
        assertNull(logs.describeLogGroups(r -> r.logGroupNamePrefix("/test/lifecycle")).logGroups().get(0)
                .retentionInDays());

        logs.tagResource(r -> r.resourceArn(group.logGroupArn()).tags(Map.of("env", "local")));
        assertEquals(Map.of("team", "lab", "env", "local"), logs.listTagsForResource(r -> r.resourceArn(group.logGroupArn())).tags());
        logs.untagResource(r -> r.resourceArn(group.logGroupArn()).tagKeys("team"));
        logs.tagLogGroup(r -> r.logGroupName("/test/lifecycle").tags(Map.of("old", "api")));
        assertEquals(Map.of("env", "local", "old", "api"), logs.listTagsLogGroup(r -> r.logGroupName("/test/lifecycle")).tags());
        logs.untagLogGroup(r -> r.logGroupName("/test/lifecycle").tags("old", "env"));
        assertEquals(Map.of(), logs.listTagsForResource(r -> r.resourceArn(group.arn())).tags());

        logs.deleteLogGroup(r -> r.logGroupName("/test/lifecycle"));
        assertTrue(logs.describeLogGroups(r -> r.logGroupNamePrefix("/test/lifecycle")).logGroups().isEmpty());
        ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
                () -> logs.deleteLogGroup(r -> r.logGroupName("/test/lifecycle")));
        assertEquals(400, missing.statusCode());
    }

    @Test
    void logGroupsAreDescribedInPagesAndByPattern() {
        for (String name : List.of("/paged/a", "/paged/b", "/paged/c")) {
            logs.createLogGroup(r -> r.logGroupName(name));
        }
        var first = logs.describeLogGroups(r -> r.logGroupNamePrefix("/paged/").limit(2));
        assertEquals(List.of("/paged/a", "/paged/b"), first.logGroups().stream().map(LogGroup::logGroupName).toList());
        assertNotNull(first.nextToken());
        var second = logs.describeLogGroups(r -> r.logGroupNamePrefix("/paged/").limit(2).nextToken(first.nextToken()));
        assertEquals(List.of("/paged/c"), second.logGroups().stream().map(LogGroup::logGroupName).toList());
        assertNull(second.nextToken());
        assertEquals(List.of("/paged/b"), logs.describeLogGroups(r -> r.logGroupNamePattern("GED/B")).logGroups().stream()
                .map(LogGroup::logGroupName).toList());
        assertThrows(InvalidParameterException.class,
                () -> logs.describeLogGroups(r -> r.logGroupNamePrefix("/p").logGroupNamePattern("p")));
    }

    @Test
    void logStreamsAreCreatedDescribedInEitherOrderAndDeleted() {
        logs.createLogGroup(r -> r.logGroupName("/test/streams"));
        long now = System.currentTimeMillis();
        logs.createLogStream(r -> r.logGroupName("/test/streams").logStreamName("b-older"));
        logs.createLogStream(r -> r.logGroupName("/test/streams").logStreamName("a-newer"));
        assertThrows(ResourceAlreadyExistsException.class,
                () -> logs.createLogStream(r -> r.logGroupName("/test/streams").logStreamName("a-newer")));
        putEvents("/test/streams", "b-older", List.of(event(now - 5000, "old")));
        putEvents("/test/streams", "a-newer", List.of(event(now - 1000, "new")));

        List<LogStream> byName = logs.describeLogStreams(r -> r.logGroupName("/test/streams")).logStreams();
        assertEquals(List.of("a-newer", "b-older"), byName.stream().map(LogStream::logStreamName).toList());
        assertEquals(now - 1000, byName.get(0).lastEventTimestamp());
        assertTrue(byName.get(0).arn().endsWith(":log-group:/test/streams:log-stream:a-newer"));
        List<LogStream> latestFirst = logs.describeLogStreams(r -> r.logGroupName("/test/streams")
                .orderBy("LastEventTime").descending(true)).logStreams();
        assertEquals(List.of("a-newer", "b-older"), latestFirst.stream().map(LogStream::logStreamName).toList());
        List<LogStream> oldestFirst = logs.describeLogStreams(r -> r.logGroupName("/test/streams")
                .orderBy("LastEventTime")).logStreams();
        assertEquals(List.of("b-older", "a-newer"), oldestFirst.stream().map(LogStream::logStreamName).toList());
        assertThrows(InvalidParameterException.class, () -> logs.describeLogStreams(r -> r.logGroupName("/test/streams")
                .orderBy("LastEventTime").logStreamNamePrefix("a")));

        logs.deleteLogStream(r -> r.logGroupName("/test/streams").logStreamName("b-older"));
        assertEquals(List.of("a-newer"), logs.describeLogStreams(r -> r.logGroupName("/test/streams")).logStreams().stream()
                .map(LogStream::logStreamName).toList());
        assertThrows(ResourceNotFoundException.class,
                () -> logs.describeLogStreams(r -> r.logGroupName("/test/none")));
    }

    @Test
    void putLogEventsChecksOrderAndReportsEventsTooOldOrTooNew() {
        logs.createLogGroup(r -> r.logGroupName("/test/put"));
        logs.createLogStream(r -> r.logGroupName("/test/put").logStreamName("s"));
        long now = System.currentTimeMillis();
        InvalidParameterException unordered = assertThrows(InvalidParameterException.class,
                () -> putEvents("/test/put", "s", List.of(event(now, "second"), event(now - 10, "first"))));
        assertTrue(unordered.awsErrorDetails().errorMessage().contains("chronological"));

        long old = now - Duration.ofDays(15).toMillis();
        PutLogEventsResponse tooOld = logs.putLogEvents(r -> r.logGroupName("/test/put").logStreamName("s").logEvents(
                event(old, "too old"), event(old + 1, "too old too")));
        assertEquals(1, tooOld.rejectedLogEventsInfo().tooOldLogEventEndIndex());
        assertNull(tooOld.rejectedLogEventsInfo().tooNewLogEventStartIndex());
        assertNotNull(tooOld.nextSequenceToken());
        InvalidParameterException span = assertThrows(InvalidParameterException.class,
                () -> putEvents("/test/put", "s", List.of(event(old, "old"), event(now, "now"))));
        assertTrue(span.awsErrorDetails().errorMessage().contains("24 hours"));
        putEvents("/test/put", "s", List.of(event(now, "fine")));
        PutLogEventsResponse future = logs.putLogEvents(r -> r.logGroupName("/test/put").logStreamName("s").logEvents(
                event(now, "fine too"), event(now + Duration.ofHours(3).toMillis(), "too new")));
        assertEquals(1, future.rejectedLogEventsInfo().tooNewLogEventStartIndex());

        List<String> stored = logs.getLogEvents(r -> r.logGroupName("/test/put").logStreamName("s").startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
        assertEquals(List.of("fine", "fine too"), stored);
        assertThrows(ResourceNotFoundException.class, () -> putEvents("/test/put", "nope", List.of(event(now, "x"))));
        assertThrows(InvalidParameterException.class, () -> putEvents("/test/put", "s",
                List.of(event(now, "x".repeat(LogEventOperations.MAX_EVENT_BYTES)))));
    }

    @Test
    void getLogEventsPagesForwardAndBackwardAndKeepsItsTokenAtTheEnd() {
        logs.createLogGroup(r -> r.logGroupName("/test/get"));
        logs.createLogStream(r -> r.logGroupName("/test/get").logStreamName("s"));
        long base = System.currentTimeMillis() - 10_000;
        List<InputLogEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(event(base + i, "line " + i));
        }
        putEvents("/test/get", "s", events);

        GetLogEventsResponse head = logs.getLogEvents(r -> r.logGroupName("/test/get").logStreamName("s")
                .startFromHead(true).limit(2));
        assertEquals(List.of("line 0", "line 1"), messages(head));
        GetLogEventsResponse next = logs.getLogEvents(r -> r.logGroupName("/test/get").logStreamName("s")
                .nextToken(head.nextForwardToken()).limit(2));
        assertEquals(List.of("line 2", "line 3"), messages(next));
        GetLogEventsResponse last = logs.getLogEvents(r -> r.logGroupName("/test/get").logStreamName("s")
                .nextToken(next.nextForwardToken()).limit(2));
        assertEquals(List.of("line 4"), messages(last));
        GetLogEventsResponse end = logs.getLogEvents(r -> r.logGroupName("/test/get").logStreamName("s")
                .nextToken(last.nextForwardToken()).limit(2));
        assertTrue(end.events().isEmpty());
        assertEquals(last.nextForwardToken(), end.nextForwardToken(), "at the end the same token comes back");

        GetLogEventsResponse tail = logs.getLogEvents(r -> r.logGroupName("/test/get").logStreamName("s").limit(2));
        assertEquals(List.of("line 3", "line 4"), messages(tail));
        GetLogEventsResponse before = logs.getLogEvents(r -> r.logGroupName("/test/get").logStreamName("s")
                .nextToken(tail.nextBackwardToken()).limit(2));
        assertEquals(List.of("line 1", "line 2"), messages(before));

        GetLogEventsResponse window = logs.getLogEvents(r -> r.logGroupName("/test/get").logStreamName("s")
                .startFromHead(true).startTime(base + 1).endTime(base + 3));
        assertEquals(List.of("line 1", "line 2"), messages(window));
        assertThrows(InvalidParameterException.class, () -> logs.getLogEvents(r -> r.logGroupName("/test/get")
                .logStreamName("s").nextToken("not-a-token")));
    }

    @Test
    void filterLogEventsSearchesStreamsWithTheTermSyntax() {
        logs.createLogGroup(r -> r.logGroupName("/test/filter"));
        logs.createLogStream(r -> r.logGroupName("/test/filter").logStreamName("env-1"));
        logs.createLogStream(r -> r.logGroupName("/test/filter").logStreamName("env-2"));
        logs.createLogStream(r -> r.logGroupName("/test/filter").logStreamName("other"));
        long base = System.currentTimeMillis() - 10_000;
        putEvents("/test/filter", "env-1", List.of(event(base, "ERROR write failed, retrying"),
                event(base + 2, "Task timed out after 3.00 seconds")));
        putEvents("/test/filter", "env-2", List.of(event(base + 1, "WARN slow"), event(base + 3, "ERROR gave up")));
        putEvents("/test/filter", "other", List.of(event(base + 4, "ERROR elsewhere")));

        assertEquals(List.of("ERROR write failed, retrying", "ERROR gave up", "ERROR elsewhere"), filtered("ERROR", null));
        assertEquals(List.of("ERROR gave up", "ERROR elsewhere"), filtered("ERROR -retrying", null));
        assertEquals(List.of("Task timed out after 3.00 seconds"), filtered("\"timed out\"", null));
        assertEquals(List.of("ERROR write failed, retrying", "WARN slow", "ERROR gave up"), filtered("?WARN ?ERROR", "env-"));
        var byNames = logs.filterLogEvents(r -> r.logGroupName("/test/filter").logStreamNames("env-2"));
        assertEquals(List.of("env-2", "env-2"), byNames.events().stream().map(FilteredLogEvent::logStreamName).toList());
        assertEquals(56, byNames.events().get(0).eventId().length());

        var page = logs.filterLogEvents(r -> r.logGroupName("/test/filter").limit(3));
        assertEquals(3, page.events().size());
        assertNotNull(page.nextToken());
        var rest = logs.filterLogEvents(r -> r.logGroupName("/test/filter").limit(3).nextToken(page.nextToken()));
        assertEquals(2, rest.events().size());
        assertNull(rest.nextToken());

        InvalidParameterException json = assertThrows(InvalidParameterException.class,
                () -> logs.filterLogEvents(r -> r.logGroupName("/test/filter").filterPattern("{ $.level = \"x\" }")));
        assertTrue(json.awsErrorDetails().errorMessage().contains("local-aws"));
    }

    private static List<String> filtered(String pattern, String prefix) {
        return logs.filterLogEvents(r -> r.logGroupName("/test/filter").filterPattern(pattern).logStreamNamePrefix(prefix))
                .events().stream().map(FilteredLogEvent::message).toList();
    }

    private static List<String> messages(GetLogEventsResponse response) {
        return response.events().stream().map(OutputLogEvent::message).toList();
    }

    @Test
    void anOperationItDoesNotImplementIsRefusedByName() {
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> logs.startQuery(r -> r.logGroupName("/x").queryString("fields @message").startTime(0L).endTime(1L)));
        assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("StartQuery"));
    }

    @Test
    void aKmsKeyIsRefusedNotIgnored() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> logs.createLogGroup(r -> r.logGroupName("/test/kms").kmsKeyId("arn:aws:kms:us-east-1:000000000000:key/x")));
        assertTrue(e.awsErrorDetails().errorMessage().contains("kmsKeyId"));
    }
}
