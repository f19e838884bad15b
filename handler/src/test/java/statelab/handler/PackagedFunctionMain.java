package statelab.handler;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Lambda's Java runtime does with our deployment package, in a fresh JVM started by {@link PackagedFunctionIT}:
 * construct the handler with its public constructor (configured by the environment only), deserialise a Kinesis
 * event with AWS's event serializer from the function's class path, invoke, serialise the answer.
 *
 * <p>Prints what the handler logged, then {@code RESPONSE <json>} and {@code TIMING <json>} lines.
 */
public final class PackagedFunctionMain {
    private PackagedFunctionMain() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        StateLambda handler = new StateLambda();
        long constructed = System.nanoTime();

        ClassLoader functionClassPath = ClassLoader.getSystemClassLoader();
        PojoSerializer<KinesisEvent> events = LambdaEventSerializers.serializerFor(KinesisEvent.class, functionClassPath);
        PojoSerializer<StreamsEventResponse> responses =
                LambdaEventSerializers.serializerFor(StreamsEventResponse.class, functionClassPath);
        KinesisEvent event;
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            event = events.fromJson(in);
        }

        LambdaContextStub context = new LambdaContextStub();
        long invoked = System.nanoTime();
        StreamsEventResponse response = handler.handleRequest(event, context);
        long answered = System.nanoTime();

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        responses.toJson(response, json);
        System.out.print(context.log().text());
        System.out.println("RESPONSE " + json.toString(StandardCharsets.UTF_8));
        System.out.println("TIMING {\"constructorMillis\":" + (constructed - start) / 1_000_000
                + ",\"firstInvocationMillis\":" + (answered - invoked) / 1_000_000 + "}");
    }
}
