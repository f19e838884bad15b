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

    public record EndToEnd(int count, RunFigure warm, RunFigure cold, RunFigure direct) {
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

    /** StateLambda's own REPORT lines after the two verify-lab runs. */
    public record LabInvocations(int invocations, List<Double> initMillis, List<Double> firstInvokeMillis,
            Summary warmInvokeMillis) {

        static LabInvocations of(List<LambdaReport> reports) {
            List<Double> warm = reports.stream().filter(report -> !report.cold())
                    .map(LambdaReport::durationMillis).toList();
            return new LabInvocations(reports.size(),
                    reports.stream().filter(LambdaReport::cold).map(LambdaReport::initDurationMillis).toList(),
                    reports.stream().filter(LambdaReport::cold).map(LambdaReport::durationMillis).toList(),
                    warm.isEmpty() ? null : Summary.of(warm));
        }
    }

    public record ColdStart(int rounds, FunctionColdStarts stateLambda, FunctionColdStarts trivial,
            LabInvocations lab) {
    }

    public record PhaseError(String phase, String message) {
    }
}
