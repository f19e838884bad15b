package statelab.trade;

/** Names shared by the message (workshop.md) and the StateTable item; later workshop steps read them. */
public final class TradeFields {
    private TradeFields() {
    }

    // message fields
    public static final String TRADE_ID = "TradeID";
    public static final String VALUE = "Value";
    public static final String VERSION = "Version";
    public static final String TIMESTAMP = "Timestamp";
    public static final String HIERARCHY = "Hierarchy";

    // StateTable attributes: the key is "id", the rest keep the message's names
    public static final String ITEM_ID = "id";
    public static final String ITEM_VALUE = VALUE;
    public static final String ITEM_VERSION = VERSION;
    public static final String ITEM_TIMESTAMP = TIMESTAMP;
    public static final String ITEM_HIERARCHY = HIERARCHY;

    /** DynamoDB's limit for a partition key value, in UTF-8 bytes. */
    public static final int MAX_TRADE_ID_BYTES = 2048;
}
