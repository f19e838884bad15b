package statelab.localaws.lambda.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Memory a child process has used, from Linux's {@code /proc/<pid>/status}: the REPORT line's Max Memory Used. */
final class ProcessMemory {
    private ProcessMemory() {
    }

    /** The peak resident set (VmHWM) in MB, rounded up; the current one (VmRSS) if no peak is shown; 0 if unknown. */
    static long maxUsedMegabytes(long pid) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return parseMaxUsedMegabytes(lines);
    }

    static long parseMaxUsedMegabytes(List<String> statusLines) {
        long rssKb = -1;
        for (String line : statusLines) {
            if (line.startsWith("VmHWM:")) {
                return kilobytesToMegabytes(kilobytes(line));
            }
            if (line.startsWith("VmRSS:")) {
                rssKb = kilobytes(line);
            }
        }
        return rssKb < 0 ? 0 : kilobytesToMegabytes(rssKb);
    }

    private static long kilobytes(String line) {
        String digits = line.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }

    private static long kilobytesToMegabytes(long kilobytes) {
        return (kilobytes + 1023) / 1024;
    }
}
