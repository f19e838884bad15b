package statelab.localaws.lambda.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTailTest {
    @TempDir
    Path dir;

    private void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Test
    void completeLinesAreReadOnceAndAPartialLineWaitsForItsNewline() throws Exception {
        Path file = Files.createFile(dir.resolve("out.log"));
        try (OutputTail tail = new OutputTail(file)) {
            append(file, "one\ntwo\r\nthr");
            assertEquals(List.of("one", "two"), tail.readLines(false));
            assertEquals(List.of(), tail.readLines(false));
            append(file, "ee\n");
            assertEquals(List.of("three"), tail.readLines(false));
        }
    }

    @Test
    void flushingReturnsALastLineWithoutNewline() throws Exception {
        Path file = Files.createFile(dir.resolve("out.log"));
        try (OutputTail tail = new OutputTail(file)) {
            append(file, "no newline at the end");
            assertEquals(List.of("no newline at the end"), tail.readLines(true));
            assertEquals(List.of(), tail.readLines(true));
        }
    }

    @Test
    void multibyteCharactersSplitAcrossReadsStayWhole() throws Exception {
        Path file = Files.createFile(dir.resolve("out.log"));
        byte[] euro = "€\n".getBytes(StandardCharsets.UTF_8);
        try (OutputTail tail = new OutputTail(file)) {
            Files.write(file, new byte[] {euro[0]}, StandardOpenOption.APPEND);
            assertEquals(List.of(), tail.readLines(false));
            Files.write(file, new byte[] {euro[1], euro[2], euro[3]}, StandardOpenOption.APPEND);
            assertEquals(List.of("€"), tail.readLines(false));
        }
    }

    @Test
    void aClosedTailReadsNothing() throws Exception {
        Path file = Files.createFile(dir.resolve("out.log"));
        OutputTail tail = new OutputTail(file);
        tail.close();
        append(file, "late\n");
        assertEquals(List.of(), tail.readLines(true));
    }
}
