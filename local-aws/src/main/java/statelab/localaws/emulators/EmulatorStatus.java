package statelab.localaws.emulators;

/**
 * A snapshot of one emulator for the health endpoint.
 *
 * @param pid the current child's process id, or -1 when none runs
 * @param restarts how often it was started again after dying
 */
public record EmulatorStatus(String name, EmulatorState state, int port, long pid, int restarts, String logFile) {
}
