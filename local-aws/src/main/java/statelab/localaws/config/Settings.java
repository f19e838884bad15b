package statelab.localaws.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The values of every {@link Setting}, read once from the environment (and command-line overrides) and
 * checked: a bad value is one clear sentence naming the variable, at start-up, not a failure later.
 */
public final class Settings {
    private final Map<Setting, String> values = new EnumMap<>(Setting.class);

    /** @throws IllegalArgumentException naming the variable and the expected form, for any bad value */
    public Settings(Map<String, String> environment, Map<Setting, String> overrides) {
        for (Setting setting : Setting.values()) {
            String value = overrides.containsKey(setting) ? overrides.get(setting)
                    : environment.getOrDefault(setting.environmentName(), setting.defaultValue());
            values.put(setting, validate(setting, value.trim()));
        }
    }

    public static Settings fromEnvironment() {
        return new Settings(System.getenv(), Map.of());
    }

    /** Defaults with some settings changed: for tests and embedding. */
    public static Settings of(Map<Setting, String> overrides) {
        return new Settings(Map.of(), overrides);
    }

    public String text(Setting setting) {
        return values.get(setting);
    }

    public boolean flag(Setting setting) {
        return Boolean.parseBoolean(values.get(setting));
    }

    public long number(Setting setting) {
        return Long.parseLong(values.get(setting));
    }

    public int port(Setting setting) {
        return Integer.parseInt(values.get(setting));
    }

    public Duration millis(Setting setting) {
        return Duration.ofMillis(number(setting));
    }

    public Duration seconds(Setting setting) {
        return Duration.ofSeconds(number(setting));
    }

    private static String validate(Setting setting, String value) {
        switch (setting.type()) {
            case BOOLEAN -> {
                String lower = value.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) {
                    throw bad(setting, value, "true or false");
                }
                return lower;
            }
            case LONG -> {
                try {
                    if (Long.parseLong(value) < 0) {
                        throw bad(setting, value, "a whole number >= 0");
                    }
                } catch (NumberFormatException e) {
                    throw bad(setting, value, "a whole number >= 0");
                }
                return value;
            }
            case PORT -> {
                try {
                    int port = Integer.parseInt(value);
                    if (port < 0 || port > 65535) {
                        throw bad(setting, value, "a port number from 0 to 65535 (0 = any free port)");
                    }
                } catch (NumberFormatException e) {
                    throw bad(setting, value, "a port number from 0 to 65535 (0 = any free port)");
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    private static IllegalArgumentException bad(Setting setting, String value, String expected) {
        return new IllegalArgumentException(setting.environmentName() + " must be " + expected + ", not '" + value + "'");
    }
}
