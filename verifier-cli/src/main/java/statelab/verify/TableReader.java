package statelab.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import statelab.trade.TradeFields;

/**
 * Reads items by id with strongly consistent BatchGetItem: 100 keys per call (DynamoDB's limit), calls run on a few
 * threads, unprocessed keys are asked for again with back-off until every key has an answer.
 */
public final class TableReader {
    public static final int MAX_KEYS_PER_CALL = 100;
    static final int MAX_ROUNDS_FOR_UNPROCESSED = 20;
    private static final String PROJECTION = "#id, #Value, #Version, #Hierarchy, #Timestamp";
    private static final Map<String, String> NAMES = Map.of(
            "#id", TradeFields.ITEM_ID,
            "#Value", TradeFields.ITEM_VALUE,
            "#Version", TradeFields.ITEM_VERSION,
            "#Hierarchy", TradeFields.ITEM_HIERARCHY,
            "#Timestamp", TradeFields.ITEM_TIMESTAMP);

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final ExecutorService executor;
    private final RecordPutter.Backoff backoff;

    public TableReader(DynamoDbClient dynamoDb, String tableName, ExecutorService executor,
            RecordPutter.Backoff backoff) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.executor = executor;
        this.backoff = backoff;
    }

    /**
     * @return the items found, by id; an id without an item is absent from the map
     * @throws SdkException when DynamoDB fails after the SDK's own retries
     */
    public Map<String, Map<String, AttributeValue>> read(List<String> ids) {
        List<Future<Map<String, Map<String, AttributeValue>>>> calls = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MAX_KEYS_PER_CALL) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_KEYS_PER_CALL));
            calls.add(executor.submit(() -> readChunk(chunk)));
        }
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        for (Future<Map<String, Map<String, AttributeValue>>> call : calls) {
            try {
                items.putAll(call.get());
            } catch (ExecutionException e) {
                calls.forEach(other -> other.cancel(true));
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                calls.forEach(other -> other.cancel(true));
                Thread.currentThread().interrupt();
                throw new RunFailedException("Interrupted while reading " + tableName + ".", e);
            }
        }
        return items;
    }

    private Map<String, Map<String, AttributeValue>> readChunk(List<String> ids) throws InterruptedException {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(ids.size());
        for (String id : ids) {
            keys.add(Map.of(TradeFields.ITEM_ID, AttributeValue.fromS(id)));
        }
        Map<String, Map<String, AttributeValue>> items = new HashMap<>();
        KeysAndAttributes request = KeysAndAttributes.builder()
                .keys(keys)
                .consistentRead(true)
                .projectionExpression(PROJECTION)
                .expressionAttributeNames(NAMES)
                .build();
        for (int round = 1; ; round++) {
            KeysAndAttributes ask = request;
            BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(Map.of(tableName, ask)));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                AttributeValue id = item.get(TradeFields.ITEM_ID);
                if (id != null && id.s() != null) {
                    items.put(id.s(), item);
                }
            }
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(tableName);
            if (unprocessed == null || unprocessed.keys().isEmpty()) {
                return items;
            }
            if (round >= MAX_ROUNDS_FOR_UNPROCESSED) {
                throw new RunFailedException("DynamoDB left " + unprocessed.keys().size() + " keys of " + tableName
                        + " unprocessed " + round + " times in a row: the table is throttled, try again later.");
            }
            request = unprocessed.toBuilder().consistentRead(true).build();
            backoff.pause(Duration.ofMillis(Math.min(2_000, 50L << Math.min(round, 6))));
        }
    }
}
