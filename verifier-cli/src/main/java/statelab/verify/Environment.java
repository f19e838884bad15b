package statelab.verify;

import java.util.Map;

/** What verify-lab reads from its surroundings besides the command line, so tests can set it. */
public interface Environment {

    /** Set by the launcher: {@code local} or {@code aws}; only used to word advice ("run make apply TARGET=aws"). */
    String TARGET = "VERIFY_LAB_TARGET";
    /** Set by the launcher: the current target's {@code terraform output -json}; the default of {@code --outputs}. */
    String OUTPUTS = "VERIFY_LAB_OUTPUTS";
    /** The endpoint every AWS SDK client uses when set (the SDK reads it itself); shown in the report. */
    String AWS_ENDPOINT_URL = "AWS_ENDPOINT_URL";

    /** @return the variable's value, or null when it is unset or empty */
    String get(String name);

    /** True when a person watches (a console): then progress is a live bar, otherwise periodic plain lines. */
    boolean isTerminal();

    static Environment system() {
        return new Environment() {
            @Override
            public String get(String name) {
                String value = System.getenv(name);
                return value == null || value.isEmpty() ? null : value;
            }

            @Override
            public boolean isTerminal() {
                return System.console() != null;
            }
        };
    }

    static Environment of(Map<String, String> variables, boolean terminal) {
        return new Environment() {
            @Override
            public String get(String name) {
                String value = variables.get(name);
                return value == null || value.isEmpty() ? null : value;
            }

            @Override
            public boolean isTerminal() {
                return terminal;
            }
        };
    }

    /** "run make apply", or "run make apply TARGET=aws" when the launcher said the target is AWS. */
    default String makeApply() {
        return "aws".equals(get(TARGET)) ? "run make apply TARGET=aws" : "run make apply";
    }
}
