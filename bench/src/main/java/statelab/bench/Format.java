package statelab.bench;

import java.util.Locale;

/** Number formats of the table (the JSON keeps full precision). */
final class Format {
    private Format() {
    }

    static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.1fx" : "%.2fx", ratio);
    }

    static String millis(double millis) {
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, seconds >= 100 ? "%.0f s" : "%.1f s", seconds);
    }

    static String secondsPrecise(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    static String rate(double perSecond) {
        return perSecond >= 100 ? String.format(Locale.ROOT, "%.0f", perSecond) : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
