package statelab.localaws.esm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import statelab.localaws.testfunctions.RecordingKinesisHandler;
import statelab.localaws.testfunctions.TestFunctionZip;
import statelab.localaws.testing.Await;

/**
 * A real Lambda function (run by local-aws's runtime in a child JVM) that records every batch it receives in
 * a file: {@link RecordingKinesisHandler}. Created through the real APIs: an IAM role that trusts Lambda, then
 * CreateFunction with the test function's zip.
 */
final class RecordingFunction {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

    /** A record as the function received it. */
    record Received(String shardId, String sequenceNumber, String data) {
        BigInteger sequence() {
            return new BigInteger(sequenceNumber);
        }
    }

    /** A batch: when the handler started, what it got. */
    record Batch(long startedMillis, List<Received> records) {
        List<String> data() {
            return records.stream().map(Received::data).toList();
        }
    }

    final String name;
    final String arn;
    final Path file;

    private RecordingFunction(String name, String arn, Path file) {
        this.name = name;
        this.arn = arn;
        this.file = file;
    }

    /** @param environment extra variables: FAIL_ON, REPORT_ON, SLEEP_MILLIS (see the handler) */
    static RecordingFunction create(LambdaClient lambda, IamClient iam, String name, Path file,
            Map<String, String> environment) {
        String role = iam.createRole(b -> b.roleName(name + "-role").assumeRolePolicyDocument(TRUST)).role().arn();
        Map<String, String> variables = new HashMap<>(environment);
        variables.put("RECORD_FILE", file.toString());
        String arn = lambda.createFunction(b -> b.functionName(name).runtime(Runtime.JAVA17).role(role)
                .handler(TestFunctionZip.handler(RecordingKinesisHandler.class)).timeout(30).memorySize(256)
                .environment(e -> e.variables(variables))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(TestFunctionZip.of(RecordingKinesisHandler.class)))))
                .functionArn();
        Await.until(name + " is Active", Duration.ofSeconds(60),
                () -> lambda.getFunction(b -> b.functionName(name)).configuration().state() == State.ACTIVE);
        return new RecordingFunction(name, arn, file);
    }

    /** Every batch recorded so far, in the order the handler wrote them (one locked append at its start). */
    List<Batch> batches() {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Batch> batches = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t");
            List<Received> records = new ArrayList<>();
            for (int i = 1; i < fields.length; i++) {
                int equals = fields[i].indexOf('=');
                String eventId = fields[i].substring(0, equals);
                int colon = eventId.indexOf(':');
                records.add(new Received(eventId.substring(0, colon), eventId.substring(colon + 1),
                        fields[i].substring(equals + 1)));
            }
            batches.add(new Batch(Long.parseLong(fields[0]), records));
        }
        return batches;
    }

    Set<String> delivered() {
        Set<String> seen = new LinkedHashSet<>();
        batches().forEach(batch -> seen.addAll(batch.data()));
        return seen;
    }

    /** How often each record was delivered. */
    Map<String, Integer> deliveries() {
        Map<String, Integer> counts = new HashMap<>();
        batches().forEach(batch -> batch.data().forEach(d -> counts.merge(d, 1, Integer::sum)));
        return counts;
    }
}
