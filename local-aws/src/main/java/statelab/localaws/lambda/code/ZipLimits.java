package statelab.localaws.lambda.code;

/**
 * What an extracted deployment package may be.
 *
 * @param maxUncompressedBytes Lambda's own limit for an unzipped package is 250 MB (262,144,000 bytes)
 * @param maxEntries more entries than any real function needs; a zip of millions of empty files is an attack
 * @param maxEntryRatio an entry that inflates to more than this many times its compressed size is treated as a
 *     bomb once it is past {@code ratioFloorBytes} (small, very repetitive files are normal)
 * @param ratioFloorBytes entries smaller than this are not ratio-checked
 */
public record ZipLimits(long maxUncompressedBytes, int maxEntries, long maxEntryRatio, long ratioFloorBytes) {

    public static final ZipLimits LAMBDA = new ZipLimits(262_144_000L, 20_000, 200, 1024 * 1024);
}
