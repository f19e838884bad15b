package statelab.localaws.kinesis;

import java.time.Duration;
import java.util.Set;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.edge.AwsService;
import statelab.localaws.emulators.EmulatorForwarder;
import statelab.localaws.emulators.EmulatorSupervisor;
import statelab.localaws.protocol.JsonRpcProtocol;

/**
 * Kinesis Data Streams: every request goes to kinesis-mock unchanged (CBOR or JSON, as the client chose), and
 * its answer comes back unchanged. local-aws adds nothing of its own here.
 */
public final class KinesisProxy implements AwsService {
    private final EmulatorForwarder forwarder;
    private final JsonRpcProtocol errors = new JsonRpcProtocol("Kinesis", "Kinesis_20131202",
            "application/x-amz-json-1.1", java.util.Map.of());

    public KinesisProxy(EmulatorSupervisor emulators) {
        this.forwarder = new EmulatorForwarder("Kinesis", emulators::kinesis,
                () -> emulators.isReady(EmulatorSupervisor.KINESIS), Duration.ofSeconds(60));
    }

    @Override
    public Set<String> signingNames() {
        return Set.of("kinesis");
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        try {
            return forwarder.forward(request);
        } catch (AwsException e) {
            return errors.error(e);
        }
    }
}
