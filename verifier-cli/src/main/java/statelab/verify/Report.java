package statelab.verify;

import java.util.List;
import java.util.Map;

/**
 * Everything a run found, rendered by {@link ReportText} (people) or {@link ReportJson} ({@code --json}).
 *
 * @param latency first-seen latency in seconds of the trades found; null when none was found
 * @param mapping the event source mapping after the run; null when it could not be read
 * @param functionErrors the function's recent errors; null on a pass (not looked up)
 */
public record Report(boolean passed, Lab lab, Sent sent, Table table, Percentiles latency, double waitedSeconds,
        double endToEndSeconds, Mapping mapping, FunctionErrors functionErrors, Seed seed, double timeoutSeconds,
        List<String> notes) {

    public Report {
        notes = List.copyOf(notes);
    }

    /** Where the run went. */
    public record Lab(String stream, int openShards, String function, String table, String region, String endpoint) {
    }

    /** What was put on the stream. */
    public record Sent(Map<RecordKind, Integer> records, int total, int calls, int retriedEntries, double putSeconds,
            Map<String, Integer> recordsPerShard) {

        public Sent {
            records = Map.copyOf(records);
            recordsPerShard = Map.copyOf(recordsPerShard);
        }

        public int count(RecordKind kind) {
            return records.getOrDefault(kind, 0);
        }

        public double recordsPerSecond() {
            return putSeconds > 0 ? total / putSeconds : 0;
        }
    }

    /** What StateTable held at the end, with a few examples of each problem. */
    public record Table(int expected, int found, int wrong, int missing, int unexpected, List<Problem> examples) {

        public Table {
            examples = List.copyOf(examples);
        }
    }

    /**
     * One item that is not as expected.
     *
     * @param kind {@code wrong}, {@code missing} or {@code unexpected}
     */
    public record Problem(String kind, String id, String detail) {
    }

    /** The mapping's state after the run. */
    public record Mapping(String uuid, String state, String lastProcessingResult, String stateTransitionReason) {
    }

    /**
     * The function's recent log lines that report errors.
     *
     * @param note why the lines could not be read, or null
     */
    public record FunctionErrors(String logGroup, int minutes, List<String> lines, String note) {

        public FunctionErrors {
            lines = List.copyOf(lines);
        }
    }

    /** The seed of the data, and whether it was given or drawn. */
    public record Seed(long value, boolean given) {
    }

    public double endToEndTradesPerSecond() {
        return endToEndSeconds > 0 ? table.found() / endToEndSeconds : 0;
    }
}
