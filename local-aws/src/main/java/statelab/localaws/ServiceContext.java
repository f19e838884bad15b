package statelab.localaws;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import statelab.localaws.config.AwsNames;
import statelab.localaws.config.Settings;

/**
 * What every service of local-aws is built with: the settings, the account's names, its own folder in the
 * data directory, the clock (injected so that tests can move time), and the edge's own URL (functions get it
 * as {@code AWS_ENDPOINT_URL}).
 */
public record ServiceContext(Settings settings, AwsNames names, Path dataDir, Clock clock, URI endpoint) {

    /** The folder of one service inside the data directory, e.g. {@code lambda}. */
    public Path folder(String service) {
        return dataDir.resolve(service);
    }
}
