package statelab.bench;

import java.util.List;

/** The sections of the result (bench-results/*.json), one record each; a section is null when it was not measured. */
final class Figures {
    private Figures() {
    }

    /** Batches through a writer: rates from the sum of the measured batch times, and the per-batch distribution. */
    public record Throughput(String what, int batches, double batchesPerSecond, double recordsPerSecond,
            Summary batchMillis) {

        static Throughput of(String what, List<Double> batchMillis, int batchSize) {
            double seconds = batchMillis.stream().mapToDouble(Double::doubleValue).sum() / 1000;
            double batchesPerSecond = batchMillis.size() / seconds;
            return new Throughput(what, batchMillis.size(), batchesPerSecond, batchesPerSecond * batchSize,
                    Summary.of(batchMillis));
        }
    }

    public record Handler(String method, String dynamoDb, int batchSize, int warmupBatches, int writeConcurrency,
            List<String> jvmOptions, double constructorMillis, Throughput stateLambda, Throughput baseline) {
    }

    public record Apply(ApplyFigure fromNothing, ApplyFigure nothingToChange) {
    }

    /**
     * The two verify-lab runs and the direct path; {@code directPathHandlerMillisPer100} is StateLambda's own time per
     * 100 records in the direct path (through local-aws's dynalite, no Lambda).
     */
    public record EndToEnd(int count, RunFigure warm, RunFigure cold, RunFigure direct,
            Double directPathHandlerMillisPer100) {
    }

    /**
     * Cold starts of one function: Init Duration (JVM start to the runtime's first request for an event) and the
     * Duration of that first invocation, from its REPORT lines; the round trip of the Invoke call as the caller saw it.
     */
    public record FunctionColdStarts(String function, String handler, List<Double> initMillis,
            List<Double> firstInvokeMillis, List<Double> invokeRoundTripMillis, Summary init, Summary firstInvoke) {

        static FunctionColdStarts of(String function, String handler, List<LambdaReport> reports,
                List<Double> roundTrips) {
            List<Double> init = reports.stream().filter(LambdaReport::cold).map(LambdaReport::initDurationMillis)
                    .toList();
            List<Double> first = reports.stream().filter(LambdaReport::cold).map(LambdaReport::durationMillis).toList();
            if (init.isEmpty()) {
                throw new IllegalStateException(function + ": no REPORT line with an Init Duration");
            }
            return new FunctionColdStarts(function, handler, init, first, roundTrips, Summary.of(init),
                    Summary.of(first));
        }
    }

    /**
     * StateLambda's own log after the two verify-lab runs: the cold starts of its environments (all in the first
     * run), and the invocations of the warm run: their REPORT Duration, and the handler's own time per batch from
     * its batch_summary lines (handler millis per 100 records, to set beside the in-process figure).
     */
    public record LabInvocations(int invocations, List<Double> initMillis, List<Double> firstInvokeMillis,
            WarmRun warmRun) {

        static LabInvocations of(LabLog log, long warmFromMillis, long warmToMillis) {
            List<LambdaReport> reports = log.reports();
            List<LambdaReport> warmReports = reports.stream()
                    .filter(report -> report.timestampMillis() >= warmFromMillis
                            && report.timestampMillis() <= warmToMillis)
                    .toList();
            List<LabLog.BatchSummaryLine> warmSummaries = log.summaries().stream()
                    .filter(line -> line.timestampMillis() >= warmFromMillis && line.timestampMillis() <= warmToMillis
                            && line.records() > 0)
                    .toList();
            WarmRun warm = null;
            if (!warmReports.isEmpty() && !warmSummaries.isEmpty()) {
                int records = warmSummaries.stream().mapToInt(LabLog.BatchSummaryLine::records).sum();
                long handlerMillis = warmSummaries.stream().mapToLong(LabLog.BatchSummaryLine::millis).sum();
                warm = new WarmRun(warmReports.size(), warmReports.stream().filter(LambdaReport::cold).count(),
                        (double) records / warmSummaries.size(),
                        Summary.of(warmReports.stream().map(LambdaReport::durationMillis).toList()),
                        Summary.of(warmSummaries.stream().map(line -> (double) line.millis()).toList()),
                        handlerMillis * 100.0 / records);
            }
            return new LabInvocations(reports.size(),
                    reports.stream().filter(LambdaReport::cold).map(LambdaReport::initDurationMillis).toList(),
                    reports.stream().filter(LambdaReport::cold).map(LambdaReport::durationMillis).toList(),
                    warm);
        }
    }

    /** StateLambda's invocations during verify-lab's warm run. */
    public record WarmRun(int invocations, long coldStarts, double recordsPerInvocation, Summary durationMillis,
            Summary handlerMillis, double handlerMillisPer100Records) {
    }

    public record ColdStart(int rounds, FunctionColdStarts stateLambda, FunctionColdStarts trivial,
            LabInvocations lab) {
    }

    public record PhaseError(String phase, String message) {
    }
}
