package statelab.localaws.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The TCP ports a process listens on, read from /proc (Linux): its socket inodes matched in /proc/net/tcp{,6}. */
public final class ListeningSockets {
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    public static List<InetSocketAddress> of(long pid) {
        Set<String> inodes = socketInodes(pid);
        List<InetSocketAddress> listening = new ArrayList<>();
        listening.addAll(read(Path.of("/proc/net/tcp"), inodes, false));
        listening.addAll(read(Path.of("/proc/net/tcp6"), inodes, true));
        return listening;
    }

    private static Set<String> socketInodes(long pid) {
        Set<String> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException e) {
                    // the fd closed meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the descriptors of pid " + pid, e);
        }
        return inodes;
    }

    private static List<InetSocketAddress> read(Path table, Set<String> inodes, boolean ipv6) {
        List<InetSocketAddress> found = new ArrayList<>();
        if (!Files.exists(table)) {
            return found;
        }
        try {
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
                    String[] local = fields[1].split(":");
                    found.add(new InetSocketAddress(address(local[0], ipv6), Integer.parseInt(local[1], 16)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** /proc prints addresses as 32-bit words in host (little-endian) order. */
    private static InetAddress address(String hex, boolean ipv6) {
        byte[] raw = new BigInteger("1" + hex, 16).toByteArray();
        byte[] bytes = new byte[ipv6 ? 16 : 4];
        System.arraycopy(raw, raw.length - bytes.length, bytes, 0, bytes.length);
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte swap = bytes[word + i];
                bytes[word + i] = bytes[word + 3 - i];
                bytes[word + 3 - i] = swap;
            }
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
