package statelab.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import statelab.trade.Trade;

class StateTableWriterTest {

    @Test
    void writesTheWorkshopsItemWithTheVersionCondition() {
        Trade trade = new Trade("0b0e7c6e-3f5e-4d0c-9d52-8a0f3c1e2b11", new BigDecimal("1520.30"), 3,
                new BigDecimal("1733299990.5"), "{\"Region\": \"EMEA\", \"RiskType\": \"PV\", \"TradeDesk\": \"FXSpot\"}");
        UpdateItemRequest request = StateTableWriter.requestFor("StateTable", trade);

        assertEquals("StateTable", request.tableName());
        assertEquals(Map.of("id", AttributeValue.fromS("0b0e7c6e-3f5e-4d0c-9d52-8a0f3c1e2b11")), request.key());
        assertEquals("attribute_not_exists(#id) OR #Version < :incoming", request.conditionExpression());
        assertEquals("SET #Value = :value, #Version = :incoming, #Hierarchy = :hierarchy, #Timestamp = :timestamp",
                request.updateExpression());
        assertEquals(Map.of("#id", "id", "#Value", "Value", "#Version", "Version", "#Hierarchy", "Hierarchy",
                "#Timestamp", "Timestamp"), request.expressionAttributeNames());
        assertEquals(Map.of(
                ":value", AttributeValue.fromN("1520.30"),
                ":incoming", AttributeValue.fromN("3"),
                ":hierarchy", AttributeValue.fromS("{\"Region\": \"EMEA\", \"RiskType\": \"PV\", \"TradeDesk\": \"FXSpot\"}"),
                ":timestamp", AttributeValue.fromN("1733299990.5")), request.expressionAttributeValues());
    }

    @Test
    void writesNumbersWithoutExponent() {
        Trade trade = new Trade("t", new BigDecimal("1E+5"), 0, new BigDecimal("1.7333E+9"), "{}");
        Map<String, AttributeValue> values = StateTableWriter.requestFor("StateTable", trade).expressionAttributeValues();
        assertEquals("100000", values.get(":value").n());
        assertEquals("1733300000", values.get(":timestamp").n());
    }

    @Test
    void aFailedConditionIsADuplicateOrStaleRecord() {
        assertEquals(WriteResult.DUPLICATE_OR_STALE, StateTableWriter.classify(ConditionalCheckFailedException.builder()
                .awsErrorDetails(details("ConditionalCheckFailedException", "The conditional request failed"))
                .statusCode(400).build()));
    }

    @Test
    void aValidationExceptionRejectsTheRecord() {
        DynamoDbException refused = (DynamoDbException) DynamoDbException.builder()
                .awsErrorDetails(details("ValidationException", "Item size has exceeded the maximum allowed size"))
                .statusCode(400).build();
        assertEquals(WriteResult.rejected("DynamoDB refused the item: Item size has exceeded the maximum allowed size"),
                StateTableWriter.classify(refused));
    }

    @Test
    void throttlingServerErrorsAndClientErrorsAreTransient() {
        assertEquals(WriteResult.failed("ProvisionedThroughputExceededException (HTTP 400): slow down"),
                StateTableWriter.classify(ProvisionedThroughputExceededException.builder()
                        .awsErrorDetails(details("ProvisionedThroughputExceededException", "slow down"))
                        .statusCode(400).build()));
        assertEquals(WriteResult.failed("ThrottlingException (HTTP 400): Rate of requests exceeds the allowed throughput"),
                StateTableWriter.classify(DynamoDbException.builder()
                        .awsErrorDetails(details("ThrottlingException", "Rate of requests exceeds the allowed throughput"))
                        .statusCode(400).build()));
        assertEquals(WriteResult.failed("InternalServerError (HTTP 500): oops"),
                StateTableWriter.classify(DynamoDbException.builder()
                        .awsErrorDetails(details("InternalServerError", "oops")).statusCode(500).build()));
        assertEquals(WriteResult.failed("SdkClientException: Unable to execute HTTP request: Connection refused"),
                StateTableWriter.classify(SdkClientException.create("Unable to execute HTTP request: Connection refused")));
        assertEquals(Outcome.FAILED, StateTableWriter.classify(ApiCallTimeoutException.create(1000)).outcome());
    }

    @Test
    void aMissingTableIsTransientNotARejection() {
        // a configuration problem: retrying after it is fixed writes the record; rejecting it would lose it
        assertEquals(Outcome.FAILED, StateTableWriter.classify(DynamoDbException.builder()
                .awsErrorDetails(details("ResourceNotFoundException", "Requested resource not found"))
                .statusCode(400).build()).outcome());
    }

    private static AwsErrorDetails details(String code, String message) {
        return AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("DynamoDb").build();
    }
}
