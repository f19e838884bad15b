package statelab.localaws.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import statelab.localaws.ServiceContext;
import statelab.localaws.config.AwsNames;
import statelab.localaws.config.Settings;
import statelab.localaws.edge.EdgeServer;
import statelab.localaws.spi.LogWriter.LogEvent;
import statelab.localaws.testing.AwsClients;

/** Lambda's path into CloudWatch Logs: the LogWriter seam, read back through the API with the SDK. */
class LogWriterIT {
    @TempDir
    Path dataDir;

    @Test
    void appendingCreatesTheGroupAndStreamAndEventsAreReadableInOrderAfterARestart() throws Exception {
        LogsService writer = newService();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new java.util.ArrayList<>();
            for (int env = 0; env < 4; env++) {
                String stream = "2024/01/01/[$LATEST]env" + env;
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        writer.append("/aws/lambda/fn", stream, List.of(new LogEvent(1_000 + i, "line " + i)));
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        LogsService restarted = newService();
        try (EdgeServer edge = new EdgeServer(new InetSocketAddress("127.0.0.1", 0), 1 << 20)) {
            edge.addService(restarted);
            edge.start();
            try (CloudWatchLogsClient logs = AwsClients.configure(CloudWatchLogsClient.builder(),
                    URI.create("http://127.0.0.1:" + edge.port())).build()) {
                assertEquals(4, logs.describeLogStreams(r -> r.logGroupName("/aws/lambda/fn")).logStreams().size());
                List<String> lines = logs.getLogEvents(r -> r.logGroupName("/aws/lambda/fn")
                        .logStreamName("2024/01/01/[$LATEST]env2").startFromHead(true)).events().stream()
                        .map(OutputLogEvent::message).toList();
                assertEquals(25, lines.size());
                assertEquals("line 0", lines.get(0));
                assertEquals("line 24", lines.get(24));
                assertEquals(100, logs.filterLogEvents(r -> r.logGroupName("/aws/lambda/fn").filterPattern("line"))
                        .events().size());
            }
        }
    }

    private LogsService newService() {
        return new LogsService(new ServiceContext(Settings.of(Map.of()), new AwsNames("000000000000", "us-east-1"),
                dataDir, Clock.systemUTC(), URI.create("http://127.0.0.1:1")));
    }
}
