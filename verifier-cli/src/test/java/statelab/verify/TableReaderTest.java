package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

class TableReaderTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Holds ids "0".."N-1" of which the even ones exist; leaves the last key of every first request unprocessed. */
    static final class FakeTable implements DynamoDbClient {
        final List<BatchGetItemRequest> requests = new ArrayList<>();

        @Override
        public synchronized BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            requests.add(request);
            KeysAndAttributes asked = request.requestItems().get("StateTable");
            assertTrue(asked.consistentRead(), "strongly consistent reads only");
            assertTrue(asked.keys().size() <= 100, "at most 100 keys per call");
            List<Map<String, AttributeValue>> keys = asked.keys();
            boolean first = keys.size() > 1;
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            int answered = first ? keys.size() - 1 : keys.size();
            for (Map<String, AttributeValue> key : keys.subList(0, answered)) {
                if (Integer.parseInt(key.get("id").s()) % 2 == 0) {
                    found.add(Map.of("id", key.get("id"), "Version", AttributeValue.fromN("1")));
                }
            }
            BatchGetItemResponse.Builder response = BatchGetItemResponse.builder()
                    .responses(Map.of("StateTable", found));
            if (first) {
                response.unprocessedKeys(Map.of("StateTable", asked.toBuilder()
                        .keys(keys.subList(answered, keys.size())).build()));
            }
            return response.build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void readsInCallsOf100AndAsksAgainForUnprocessedKeys() {
        FakeTable table = new FakeTable();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(Integer.toString(i));
        }
        List<Long> pauses = new ArrayList<>();
        Map<String, Map<String, AttributeValue>> items = new TableReader(table, "StateTable", executor,
                d -> {
                    synchronized (pauses) {
                        pauses.add(d.toMillis());
                    }
                }).read(ids);
        assertEquals(125, items.size());
        Map<String, Integer> sizes = new HashMap<>();
        table.requests.forEach(r -> sizes.merge(Integer.toString(r.requestItems().get("StateTable").keys().size()),
                1, Integer::sum));
        assertEquals(Map.of("100", 2, "50", 1, "1", 3), sizes, "3 chunks, each with one unprocessed key asked again");
        assertEquals(3, pauses.size());
        assertTrue(items.containsKey("248") && !items.containsKey("249"));
    }
}
