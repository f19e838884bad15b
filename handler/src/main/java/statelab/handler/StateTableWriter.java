package statelab.handler;

import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import statelab.trade.Trade;
import statelab.trade.TradeFields;

/**
 * Writes one trade into StateTable with the workshop's rule: only if there is no item yet or the stored Version is
 * lower. A failed condition is a duplicate or a stale version (counted, not an error); a ValidationException is about
 * this record and no retry cures it (rejected); anything else that is left after the SDK's own retries is transient
 * (failed, so the mapping redelivers the record).
 */
final class StateTableWriter implements TradeWriter {

    // Value, Timestamp and others are DynamoDB reserved words, so every name goes through a placeholder
    static final String UPDATE_EXPRESSION =
            "SET #Value = :value, #Version = :incoming, #Hierarchy = :hierarchy, #Timestamp = :timestamp";
    static final String CONDITION_EXPRESSION = "attribute_not_exists(#id) OR #Version < :incoming";
    private static final Map<String, String> NAMES = Map.of(
            "#id", TradeFields.ITEM_ID,
            "#Value", TradeFields.ITEM_VALUE,
            "#Version", TradeFields.ITEM_VERSION,
            "#Hierarchy", TradeFields.ITEM_HIERARCHY,
            "#Timestamp", TradeFields.ITEM_TIMESTAMP);
    static final String VALIDATION_ERROR_CODE = "ValidationException";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    StateTableWriter(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public WriteResult write(Trade trade) {
        try {
            dynamoDb.updateItem(requestFor(tableName, trade));
            return WriteResult.WRITTEN;
        } catch (SdkException e) {
            return classify(e);
        }
    }

    static UpdateItemRequest requestFor(String tableName, Trade trade) {
        return UpdateItemRequest.builder()
                .tableName(tableName)
                .key(Map.of(TradeFields.ITEM_ID, AttributeValue.fromS(trade.tradeId())))
                .updateExpression(UPDATE_EXPRESSION)
                .conditionExpression(CONDITION_EXPRESSION)
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(Map.of(
                        // plain notation: the digits the producer sent, never an exponent DynamoDB might refuse
                        ":value", AttributeValue.fromN(trade.value().toPlainString()),
                        ":incoming", AttributeValue.fromN(Long.toString(trade.version())),
                        ":hierarchy", AttributeValue.fromS(trade.hierarchyJson()),
                        ":timestamp", AttributeValue.fromN(trade.timestamp().toPlainString())))
                .build();
    }

    static WriteResult classify(SdkException e) {
        if (e instanceof ConditionalCheckFailedException) {
            return WriteResult.DUPLICATE_OR_STALE;
        }
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                && VALIDATION_ERROR_CODE.equals(service.awsErrorDetails().errorCode())) {
            return WriteResult.rejected("DynamoDB refused the item: " + service.awsErrorDetails().errorMessage());
        }
        return WriteResult.failed(describe(e));
    }

    /** One line for the log: the AWS error code and message, or the client-side cause (timeout, connection...). */
    static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            AwsErrorDetails details = service.awsErrorDetails();
            return details.errorCode() + " (HTTP " + service.statusCode() + "): " + details.errorMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
