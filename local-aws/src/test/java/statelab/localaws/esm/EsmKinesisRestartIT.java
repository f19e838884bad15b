package statelab.localaws.esm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordResponse;
import statelab.localaws.emulators.EmulatorSupervisor;
import statelab.localaws.esm.FakeFunctions.Invocation;
import statelab.localaws.testing.Await;
import statelab.localaws.testing.AwsClients;
import statelab.localaws.testing.TestEmulators;

/** A kinesis-mock that dies and is restarted by the supervisor: the mapping finds it again and loses nothing. */
class EsmKinesisRestartIT {
    @TempDir
    Path emulatorData;
    @TempDir
    Path dataDir;

    private static boolean persisted(Path emulatorData, String sequenceNumber) {
        try (var files = Files.walk(emulatorData.resolve(EmulatorSupervisor.KINESIS))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Files.readString(file, StandardCharsets.UTF_8).contains(sequenceNumber)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aKinesisMockKilledAndRestartedIsFoundAgainWithoutLosingOrRepeatingARecord() {
        try (EmulatorSupervisor emulators = TestEmulators.start(emulatorData);
                EsmTestbed bed = new EsmTestbed(emulators, dataDir)) {
            bed.functions.define("fn");
            String stream = bed.createStream("survivor", 1);
            List<PutRecordResponse> puts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                puts.add(bed.put(stream, "k", "before-" + i));
            }
            String uuid = bed.map("fn", stream, b -> b);
            Await.until("the first records were delivered", EsmTestbed.WAIT,
                    () -> bed.functions.delivered().contains("before-9"));
            // kinesis-mock persists its data every second: wait for it, so that the restart keeps the stream
            Await.until("kinesis-mock has persisted the records", EsmTestbed.WAIT,
                    () -> persisted(emulatorData, puts.get(9).sequenceNumber()));

            long pid = emulators.status(EmulatorSupervisor.KINESIS).pid();
            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
            Await.until("the supervisor restarted kinesis-mock", EsmTestbed.WAIT,
                    () -> emulators.status(EmulatorSupervisor.KINESIS).restarts() >= 1
                            && emulators.isReady(EmulatorSupervisor.KINESIS));

            try (KinesisClient kinesis = AwsClients.configure(KinesisClient.builder(), emulators.kinesis())
                    .httpClient(UrlConnectionHttpClient.create()).build()) {
                for (int i = 0; i < 10; i++) {
                    String data = "after-" + i;
                    kinesis.putRecord(b -> b.streamARN(stream).partitionKey("k").data(SdkBytes.fromUtf8String(data)));
                }
            }
            Await.until("the records put after the restart were delivered", EsmTestbed.WAIT,
                    () -> bed.functions.delivered().contains("after-9"));
            Map<String, Integer> deliveries = new HashMap<>();
            for (Invocation invocation : bed.functions.invocations()) {
                invocation.data().forEach(d -> deliveries.merge(d, 1, Integer::sum));
            }
            assertEquals(20, deliveries.size());
            deliveries.forEach((record, times) -> assertEquals(1, times, record + " delivered " + times + " times"));
            assertEquals("OK", bed.get(uuid).lastProcessingResult());
        }
    }
}
