package statelab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the numbers depend on besides the code: the machine, its load, the JVM, the commit. */
public record Machine(int cores, String java, String os, Long memoryMb, List<Double> loadAverageAtStart,
        String gitCommit, Boolean gitUncommittedChanges) {

    static Machine now(Path root) {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                readMemoryMb(), loadAverage(), git(root, "rev-parse", "--short=12", "HEAD"), uncommitted(root));
    }

    /** 1, 5 and 15 minute load averages from /proc/loadavg; empty where there is none. */
    static List<Double> loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return Arrays.stream(fields, 0, 3).map(Double::valueOf).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Long readMemoryMb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Boolean uncommitted(Path root) {
        String status = git(root, "status", "--porcelain", "--untracked-files=no");
        return status == null ? null : !status.isBlank();
    }

    private static String git(Path root, String... args) {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git", "-C", root.toString()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
