package statelab.localaws.lambda.runtime;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import statelab.localaws.lambda.function.SupportedRuntime;
import statelab.localaws.spi.LogWriter;

/**
 * What every execution environment is started with, whatever its function: where Java and the runtime client
 * are, the edge's URL for {@code AWS_ENDPOINT_URL}, where logs go, and the shared timer.
 */
record RuntimeResources(
        String java17,
        String java21,
        Path runtimeLib,
        Path nativeLibrary,
        Path environmentsFolder,
        URI endpoint,
        LogWriter logs,
        Clock clock,
        ChildProcessRegistry children,
        ScheduledExecutorService timer) {

    String javaFor(SupportedRuntime runtime) {
        return runtime == SupportedRuntime.JAVA21 ? java21 : java17;
    }
}
