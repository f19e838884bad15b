package statelab.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Nearest-rank statistics of a set of samples (the same percentile rule as verify-lab's report). With fewer than 100
 * samples the p99 is the largest sample.
 */
public record Summary(int count, double mean, double min, double p50, double p95, double p99, double max) {

    public static Summary of(List<Double> samples) {
        return of(samples.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static Summary of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).sum() / sorted.length;
        return new Summary(sorted.length, mean, sorted[0], rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile: the smallest sample with at least {@code percentile} % of the samples at or below it. */
    static double rank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }
}
