package statelab.handler;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import statelab.trade.ParseResult;
import statelab.trade.TradeParser;

/**
 * Turns a batch into a {@link BatchPlan}: parses every record with the shared trade model and groups the valid
 * trades by TradeID, keeping stream order inside each group. Pure: no I/O, no clock.
 *
 * <p>Records of one TradeID are kept one by one rather than collapsed to the highest Version. Collapsing would save a
 * round trip for the rare repeated TradeID, but it breaks two things. The counts: a duplicate or stale record would
 * never meet the condition, so it could not be told apart from a written one. And the end state: if DynamoDB refuses
 * the highest version (ValidationException, e.g. an item over 400 KB), a collapsed write loses the lower, valid
 * version that sequential writes store. Sequential writes also give the table's stream the same old/new images the
 * workshop's own function produces, which later workshop steps read.
 */
final class BatchPlanner {
    private BatchPlanner() {
    }

    static BatchPlan plan(List<KinesisEventRecord> records) {
        Map<String, List<PlannedWrite>> byTradeId = new LinkedHashMap<>();
        List<Rejection> rejections = new ArrayList<>();
        for (int position = 0; position < records.size(); position++) {
            KinesisEventRecord record = records.get(position);
            RecordRef ref = new RecordRef(position, KinesisRecords.sequenceNumber(record));
            ParseResult parsed = TradeParser.parse(KinesisRecords.data(record));
            if (parsed instanceof ParseResult.Valid valid) {
                byTradeId.computeIfAbsent(valid.trade().tradeId(), id -> new ArrayList<>())
                        .add(new PlannedWrite(ref, valid.trade()));
            } else if (parsed instanceof ParseResult.Rejected rejected) {
                rejections.add(new Rejection(ref, rejected.reason()));
            }
        }
        List<TradeGroup> groups = new ArrayList<>(byTradeId.size());
        byTradeId.forEach((tradeId, writes) -> groups.add(new TradeGroup(tradeId, writes)));
        return new BatchPlan(KinesisRecords.shardId(records), records.size(), groups, rejections);
    }
}
