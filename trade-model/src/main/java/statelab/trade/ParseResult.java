package statelab.trade;

/** What {@link TradeParser} makes of one record: a trade, or the one reason it is not one. */
public sealed interface ParseResult {

    record Valid(Trade trade) implements ParseResult {
    }

    record Rejected(String reason) implements ParseResult {
    }
}
