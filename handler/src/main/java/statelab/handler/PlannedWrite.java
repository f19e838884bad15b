package statelab.handler;

import statelab.trade.Trade;

/** A valid trade and the record it came from. */
record PlannedWrite(RecordRef record, Trade trade) {
}
