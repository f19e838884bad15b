package statelab.localaws.emulators;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to run one emulator: the node script, its arguments and environment for a given set of ports, its
 * data folder, and the request that proves it serves (a real API call, not just an open port).
 *
 * @param name short name used in logs, file names and the health endpoint ({@code kinesis}, {@code dynamodb})
 * @param script the Node script inside node_modules; also how a leftover process of ours is recognised
 * @param portCount how many loopback ports it needs (kinesis-mock: plain + TLS)
 * @param launch builds arguments and environment from the chosen ports (the first is the plain HTTP port)
 * @param probeTarget X-Amz-Target of the readiness request, e.g. {@code Kinesis_20131202.ListStreams}
 * @param probeContentType content type of that request
 */
public record EmulatorSpec(String name, Path script, int portCount, Launcher launch, String probeTarget,
        String probeContentType, String signingName) {

    /** Arguments (after the script) and extra environment for one start with these ports. */
    public record Launch(List<String> arguments, Map<String, String> environment) {
    }

    @FunctionalInterface
    public interface Launcher {
        Launch forPorts(int[] ports);
    }

    /**
     * kinesis-mock (npm {@code kinesis-local}): ports from the environment, data persisted as a JSON file in
     * {@code dataDir} every second, its self-signed certificate from its own package (it crashes without it
     * when started outside its folder).
     */
    public static EmulatorSpec kinesisMock(Path nodeModules, Path dataDir) {
        Path packageDir = nodeModules.resolve("kinesis-local");
        return new EmulatorSpec("kinesis", packageDir.resolve("main.js"), 2,
                ports -> new Launch(List.of(), Map.of(
                        "KINESIS_MOCK_PLAIN_PORT", Integer.toString(ports[0]),
                        "KINESIS_MOCK_TLS_PORT", Integer.toString(ports[1]),
                        "KINESIS_MOCK_CERT_PATH", packageDir.resolve("server.json").toString(),
                        "SHOULD_PERSIST_DATA", "true",
                        "LOAD_DATA_IF_EXISTS", "true",
                        "PERSIST_PATH", dataDir.toString(),
                        // short, so that a kill -9 of local-aws loses at most about a second of records
                        "PERSIST_INTERVAL", "1s")),
                "Kinesis_20131202.ListStreams", "application/x-amz-json-1.1", "kinesis");
    }

    /** dynalite: LevelDB in {@code dataDir}; it binds the host it is given. */
    public static EmulatorSpec dynalite(Path nodeModules, Path dataDir) {
        return new EmulatorSpec("dynamodb", nodeModules.resolve("dynalite").resolve("cli.js"), 1,
                ports -> new Launch(List.of("--host", "127.0.0.1", "--port", Integer.toString(ports[0]),
                        "--path", dataDir.toString()), Map.of()),
                "DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", "dynamodb");
    }
}
