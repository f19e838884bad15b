package statelab.verify;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * How Kinesis picks a shard: the MD5 of the partition key as an unsigned 128-bit number, in the shard whose hash key
 * range holds it. {@link #evenRanges} are the ranges CreateStream gives a new stream of n shards.
 */
final class KinesisHashing {
    static final BigInteger MAX_HASH = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    record Range(BigInteger start, BigInteger end) {
        boolean contains(BigInteger hash) {
            return hash.compareTo(start) >= 0 && hash.compareTo(end) <= 0;
        }
    }

    private KinesisHashing() {
    }

    static List<Range> evenRanges(int shards) {
        List<Range> ranges = new ArrayList<>();
        BigInteger size = MAX_HASH.add(BigInteger.ONE).divide(BigInteger.valueOf(shards));
        for (int i = 0; i < shards; i++) {
            BigInteger start = size.multiply(BigInteger.valueOf(i));
            BigInteger end = i == shards - 1 ? MAX_HASH : start.add(size).subtract(BigInteger.ONE);
            ranges.add(new Range(start, end));
        }
        return ranges;
    }

    static BigInteger hash(String partitionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(partitionKey.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int shardOf(String partitionKey, List<Range> ranges) {
        BigInteger hash = hash(partitionKey);
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).contains(hash)) {
                return i;
            }
        }
        throw new IllegalStateException("no range holds " + hash);
    }
}
