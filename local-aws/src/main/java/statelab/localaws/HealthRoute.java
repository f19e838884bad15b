package statelab.localaws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.edge.AwsService;
import statelab.localaws.emulators.EmulatorState;
import statelab.localaws.emulators.EmulatorStatus;
import statelab.localaws.emulators.EmulatorSupervisor;
import statelab.localaws.protocol.Json;

/**
 * {@code GET /_localaws/health}: 200 with {@code "status": "running"} when every emulator serves, 503 with
 * {@code "degraded"} while one is restarting; each emulator's state, port, pid and restarts; uptime; version.
 */
final class HealthRoute implements AwsService {
    private final EmulatorSupervisor emulators;
    private final Clock clock;
    private final Instant started;
    private final Set<String> services;

    HealthRoute(EmulatorSupervisor emulators, Clock clock, Set<String> services) {
        this.emulators = emulators;
        this.clock = clock;
        this.started = clock.instant();
        this.services = services;
    }

    @Override
    public Set<String> signingNames() {
        return Set.of();
    }

    @Override
    public AwsResponse handle(AwsRequest request) {
        ObjectNode body = Json.object();
        boolean allReady = emulators.statuses().stream().allMatch(s -> s.state() == EmulatorState.READY);
        body.put("status", allReady ? "running" : "degraded");
        body.put("version", LocalAwsServer.version());
        body.put("uptimeSeconds", Duration.between(started, clock.instant()).toSeconds());
        body.put("pid", ProcessHandle.current().pid());
        ObjectNode emulatorsNode = body.putObject("emulators");
        for (EmulatorStatus status : emulators.statuses()) {
            emulatorsNode.putObject(status.name())
                    .put("state", status.state().name())
                    .put("port", status.port())
                    .put("pid", status.pid())
                    .put("restarts", status.restarts());
        }
        services.stream().sorted().forEach(body.putArray("services")::add);
        return AwsResponse.of(allReady ? 200 : 503, "application/json", Json.bytes(body));
    }
}
