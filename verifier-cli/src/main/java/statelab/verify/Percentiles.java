package statelab.verify;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of durations. */
public record Percentiles(int count, double p50, double p95, double p99, double max) {

    /** @return null when there are no samples */
    public static Percentiles of(double[] samples) {
        if (samples.length == 0) {
            return null;
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    static double rank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
