package statelab.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A command (make, verify-lab) run to its end with stdout and stderr merged, every line time-stamped, written to a
 * log and offered to a listener (the progress lines). Terraform's colour codes are removed.
 */
record CommandRun(List<String> command, int exitCode, long millis, List<TimedLine> lines) {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    double seconds() {
        return millis / 1000.0;
    }

    String tail(int count) {
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - count), lines.size()).stream()
                .map(TimedLine::text).toList());
    }

    static CommandRun run(List<String> command, Path workingDir, Map<String, String> env, Path log, Duration timeout,
            Consumer<TimedLine> listener) throws IOException, InterruptedException {
        return run(command, workingDir, env, log, timeout, false, listener);
    }

    /** {@code letFinish}: see {@link Processes#stopAll(long, Consumer)}. */
    static CommandRun run(List<String> command, Path workingDir, Map<String, String> env, Path log, Duration timeout,
            boolean letFinish, Consumer<TimedLine> listener) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = Processes.track(builder.start(), letFinish);
        List<TimedLine> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                out.println("$ " + String.join(" ", command));
                String line;
                while ((line = in.readLine()) != null) {
                    TimedLine timed = new TimedLine((System.nanoTime() - start) / 1_000_000,
                            ANSI.matcher(line).replaceAll(""));
                    synchronized (lines) {
                        lines.add(timed);
                    }
                    out.printf("%8.3f %s%n", timed.millis() / 1000.0, timed.text());
                    out.flush();
                    listener.accept(timed);
                }
            } catch (IOException e) {
                // the process was stopped; what was read is kept
            }
        }, "output of " + command.get(0));
        reader.setDaemon(true);
        reader.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (!finished) {
            Processes.stop(process, 10_000);
        }
        reader.join(5_000);
        synchronized (lines) {
            CommandRun run = new CommandRun(List.copyOf(command), finished ? process.exitValue() : -1, millis,
                    List.copyOf(lines));
            if (!finished) {
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + timeout.toSeconds() + " s; stopped (log: " + log + ")");
            }
            return run;
        }
    }
}
