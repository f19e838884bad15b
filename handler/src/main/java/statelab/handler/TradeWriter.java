package statelab.handler;

import statelab.trade.Trade;

/** Applies one trade to the state store; never throws for an outcome a batch must survive. */
interface TradeWriter {
    WriteResult write(Trade trade);
}
