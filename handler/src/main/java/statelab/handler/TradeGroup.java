package statelab.handler;

import java.util.List;

/** The records of one TradeID in one batch, in stream order: they must be applied one after the other. */
record TradeGroup(String tradeId, List<PlannedWrite> writes) {
    TradeGroup {
        writes = List.copyOf(writes);
    }
}
