package statelab.bench;

import java.util.List;
import java.util.Map;

/** Everything one `make bench` measured: bench-results/bench-<time>.json and latest.json. */
public record BenchResult(int schemaVersion, String startedAt, String finishedAt, double totalSeconds,
        Machine machine, List<Double> loadAverageAtEnd, Map<String, Object> settings, Figures.Handler handler,
        Figures.Apply apply, Figures.EndToEnd endToEnd, Figures.ColdStart coldStart, Double destroySeconds,
        List<Ratio> ratios, List<String> notes, List<Figures.PhaseError> errors, String logs) {

    static final int SCHEMA_VERSION = 1;

    Ratio ratio(String name) {
        return ratios.stream().filter(ratio -> ratio.name().equals(name)).findFirst().orElse(null);
    }
}
