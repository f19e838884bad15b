package statelab.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * PutRecords in memory: {@code refuse} decides per (call number, entry) whether Kinesis answers that entry with
 * ProvisionedThroughputExceededException; accepted entries go to shard 0 or 1 by the parity of their key's hash.
 */
class FakeKinesis implements KinesisClient {
    final List<List<PutRecordsRequestEntry>> calls = new ArrayList<>();
    final List<PutRecordsRequestEntry> accepted = new ArrayList<>();
    private final BiPredicate<Integer, PutRecordsRequestEntry> refuse;
    RuntimeException failWith;

    FakeKinesis(BiPredicate<Integer, PutRecordsRequestEntry> refuse) {
        this.refuse = refuse;
    }

    @Override
    public PutRecordsResponse putRecords(PutRecordsRequest request) {
        if (failWith != null) {
            throw failWith;
        }
        int call = calls.size() + 1;
        calls.add(request.records());
        List<PutRecordsResultEntry> results = new ArrayList<>();
        int failed = 0;
        for (PutRecordsRequestEntry entry : request.records()) {
            if (refuse.test(call, entry)) {
                failed++;
                results.add(PutRecordsResultEntry.builder()
                        .errorCode("ProvisionedThroughputExceededException")
                        .errorMessage("Rate exceeded for shard shardId-000000000000 in stream s")
                        .build());
            } else {
                accepted.add(entry);
                results.add(PutRecordsResultEntry.builder()
                        .shardId("shardId-00000000000" + Math.floorMod(entry.partitionKey().hashCode(), 2))
                        .sequenceNumber(Integer.toString(accepted.size()))
                        .build());
            }
        }
        return PutRecordsResponse.builder().records(results).failedRecordCount(failed).build();
    }

    @Override
    public String serviceName() {
        return "kinesis";
    }

    @Override
    public void close() {
    }
}
