package statelab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a worker main class of this jar in a JVM of its own and returns its {@code BENCH-RESULT} JSON. The worker's
 * environment is the bench's minus every AWS_ variable, plus what the worker is given: nothing of the caller's AWS
 * setup (a profile, a service-specific endpoint) can leak into a measurement.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    static String run(Class<?> main, List<String> jvmOptions, List<String> args, Map<String, String> env, Path log,
            Duration timeout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        Path out = log.resolveSibling(log.getFileName() + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                .redirectOutput(ProcessBuilder.Redirect.to(out.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().putAll(env);
        Process process = Processes.track(builder.start());
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(main.getSimpleName() + " did not finish within " + timeout.toSeconds()
                        + " s (its log: " + log + ")");
            }
        } finally {
            Processes.stop(process, 2_000);
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " failed (exit " + process.exitValue() + "): "
                    + lastLines(log, 5) + " (log: " + log + ")");
        }
        return stdout.lines().filter(line -> line.startsWith(Workers.RESULT_PREFIX))
                .reduce((first, second) -> second)
                .map(line -> line.substring(Workers.RESULT_PREFIX.length()))
                .orElseThrow(() -> new IllegalStateException(main.getSimpleName() + " gave no result (log: " + log
                        + ")"));
    }

    static String lastLines(Path file, int count) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
