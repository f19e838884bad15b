package statelab.localaws.iam;

import java.util.List;
import java.util.function.Function;
import statelab.localaws.protocol.Xml;

/**
 * IAM's Marker/MaxItems/IsTruncated paging over a list sorted by a key: the marker is the key of the last
 * item returned, so pages stay right when items are added or deleted in between.
 */
final class Paging {
    private Paging() {
    }

    record Page<T>(List<T> items, String nextMarker) {
        /** Writes {@code IsTruncated} and, when there is more, {@code Marker}. */
        void writeTrailer(Xml xml) {
            xml.leaf("IsTruncated", nextMarker != null);
            xml.leaf("Marker", nextMarker);
        }
    }

    static <T> Page<T> page(List<T> sorted, Function<T, String> key, String marker, int maxItems) {
        List<T> after = marker == null ? sorted
                : sorted.stream().filter(item -> key.apply(item).compareTo(marker) > 0).toList();
        if (after.size() <= maxItems) {
            return new Page<>(after, null);
        }
        List<T> items = after.subList(0, maxItems);
        return new Page<>(items, key.apply(items.get(items.size() - 1)));
    }
}
