package statelab.localaws.lambda.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines an environment's JVM writes (stdout and stderr, into one file the child appends to). A file,
 * not a pipe, on purpose: the runtime writes a handler's output before it posts the response, so when the response
 * arrives every byte of that invocation is already in the file, and reading to its end attributes each line to
 * the right invocation; with a pipe there is no way to know that the reader has caught up.
 */
final class OutputTail implements AutoCloseable {
    private final FileChannel channel;
    private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
    private long position;
    private boolean closed;

    OutputTail(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /**
     * The complete lines written since the last call.
     *
     * @param flushPartial also return a last line that has no newline yet (at the end of an invocation or of the
     *     environment: output printed without a newline still belongs there)
     */
    synchronized List<String> readLines(boolean flushPartial) {
        List<String> lines = new ArrayList<>();
        if (closed) {
            return lines;
        }
        try {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (position < channel.size()) {
                buffer.clear();
                int read = channel.read(buffer, position);
                if (read <= 0) {
                    break;
                }
                position += read;
                byte[] bytes = buffer.array();
                for (int i = 0; i < read; i++) {
                    if (bytes[i] == '\n') {
                        lines.add(takeLine());
                    } else {
                        partialLine.write(bytes[i]);
                    }
                }
            }
        } catch (IOException e) {
            lines.add("local-aws could not read this environment's output: " + e.getMessage());
        }
        if (flushPartial && partialLine.size() > 0) {
            lines.add(takeLine());
        }
        return lines;
    }

    private String takeLine() {
        String line = partialLine.toString(StandardCharsets.UTF_8);
        partialLine.reset();
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    @Override
    public synchronized void close() {
        closed = true;
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to read
        }
    }
}
