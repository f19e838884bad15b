package statelab.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * StateLambda: a batch of trades from the Kinesis stream in, one conditional write per trade to StateTable out, and a
 * partial batch response naming the first record to redeliver. Handler string:
 * {@code statelab.handler.StateLambda::handleRequest}.
 */
public final class StateLambda implements RequestHandler<KinesisEvent, StreamsEventResponse> {
    private final RecordProcessor processor;

    /** Lambda builds one instance per execution environment: configuration and clients are made here, once. */
    public StateLambda() {
        this(HandlerConfig.fromEnvironment(System.getenv()));
    }

    private StateLambda(HandlerConfig config) {
        this(config, DynamoDbClients.forFunction(config));
    }

    /** With a ready client, e.g. one that tests point at their own DynamoDB-compatible server. */
    StateLambda(HandlerConfig config, DynamoDbClient dynamoDb) {
        this.processor = RecordProcessor.create(config, dynamoDb);
    }

    @Override
    public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
        return processor.process(event, JsonLog.to(context.getLogger()));
    }
}
