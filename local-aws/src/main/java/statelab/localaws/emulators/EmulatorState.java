package statelab.localaws.emulators;

/** Where one supervised emulator is in its life, as the health endpoint reports it. */
public enum EmulatorState {
    /** started, not answering yet */
    STARTING,
    /** answered a real request; serving */
    READY,
    /** died while local-aws runs; waiting out the back-off before it is started again */
    RESTARTING,
    /** stopped on purpose (local-aws is closing) */
    STOPPED
}
