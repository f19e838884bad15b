package statelab.verify;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import statelab.trade.Trade;

/**
 * The records to put, in order, and the state StateTable must end in.
 *
 * @param expected per trade (by index), the version with the highest Version ever sent: exactly what its item must
 *     hold
 * @param absentIds TradeIDs that only bad records carry: no item may exist for them
 */
public record Workload(WorkloadSpec spec, List<OutgoingRecord> records, List<Trade> expected, List<String> absentIds) {

    public Workload {
        records = List.copyOf(records);
        expected = List.copyOf(expected);
        absentIds = List.copyOf(absentIds);
    }

    public Map<RecordKind, Integer> countsByKind() {
        Map<RecordKind, Integer> counts = new EnumMap<>(RecordKind.class);
        for (RecordKind kind : RecordKind.values()) {
            counts.put(kind, 0);
        }
        for (OutgoingRecord record : records) {
            counts.merge(record.kind(), 1, Integer::sum);
        }
        return counts;
    }
}
