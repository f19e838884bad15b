package statelab.verify;

/**
 * What to send: {@code count} trades, plus extra records of each kind, all drawn from {@code seed}.
 *
 * @param count distinct trades (TradeIDs), each first sent at Version 1
 * @param duplicates exact re-sends of earlier good records
 * @param outOfOrder older versions of a trade sent after a newer one
 * @param updates newer versions of earlier trades
 * @param bad malformed records
 */
public record WorkloadSpec(int count, int duplicates, int outOfOrder, int updates, int bad, long seed) {

    public WorkloadSpec {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        if (duplicates < 0 || outOfOrder < 0 || updates < 0 || bad < 0) {
            throw new IllegalArgumentException("extra record counts must be >= 0");
        }
    }

    public int totalRecords() {
        return count + duplicates + outOfOrder + updates + bad;
    }
}
