package statelab.localaws.spi;

import java.net.URI;

/** Where the supervised emulators answer right now (plain HTTP on loopback); may change after a restart. */
public interface EmulatorEndpoints {

    URI kinesis();

    URI dynamodb();
}
