package statelab.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import statelab.trade.CanonicalJson;
import statelab.trade.ParseResult;
import statelab.trade.Trade;
import statelab.trade.TradeFields;
import statelab.trade.TradeJson;
import statelab.trade.TradeParser;

/**
 * Sample trades shaped as the workshop's generator makes them (workshop.md), with the trouble a real producer
 * causes: duplicates, stale versions arriving late, newer versions, malformed records. Everything, timestamps
 * included, is drawn from the seed, so a seed repeats the data exactly.
 *
 * <p>How the order is built: trade {@code i}'s first version sits at position {@code i}; every later record gets a
 * random position after the record it must follow (an update after the trade's latest version so far, an
 * out-of-order record after the trade's final version, a duplicate after its original); bad records anywhere. The
 * records are then sorted by position.
 *
 * <p>Partition key: the TradeID. All versions of a trade then land on one shard in the order they were put, so an
 * out-of-order record really reaches the function after the newer version it follows, and TradeIDs (random UUIDs)
 * spread the trades evenly over all shards. The workshop's producer keys by the SHA-256 of the message instead;
 * that spreads just as well, but sends a trade's versions to different shards, where their order is lost. The
 * expected end state does not depend on either choice: the conditional write keeps the highest Version whatever
 * order records arrive in.
 */
public final class TradeGenerator {
    static final long FIRST_VERSION = 1;
    static final BigDecimal MAX_VALUE_CENTS = BigDecimal.valueOf(10_000_000);
    /** 2024-12-04T08:13:20Z: timestamps start here plus up to a year drawn from the seed. */
    static final long EPOCH_BASE_SECONDS = 1_733_300_000L;

    private static final String[] RISK_TYPES = {"PV", "Delta"};
    private static final String[] REGIONS = {"EMEA", "APAC", "AMER"};
    private static final String[] TRADE_DESKS = {"FXSpot", "FXOptions"};
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    /** The kinds of malformed record, sent in turn. */
    enum BadKind {
        NOT_JSON("not JSON"),
        TRUNCATED_JSON("truncated JSON"),
        NOT_UTF8("not UTF-8"),
        JSON_ARRAY("a JSON array, not an object"),
        MISSING_VERSION("missing Version"),
        NEGATIVE_VERSION("negative Version"),
        VERSION_AS_STRING("Version as a string, higher than the trade's latest"),
        FRACTIONAL_VERSION("fractional Version, higher than the trade's latest"),
        VALUE_AS_STRING("Value as a string"),
        NAN_VALUE("Value NaN"),
        EMPTY_TRADE_ID("empty TradeID"),
        HIERARCHY_NOT_OBJECT("Hierarchy not an object");

        final String description;

        BadKind(String description) {
            this.description = description;
        }
    }

    private final WorkloadSpec spec;
    private final Random random;
    private final List<Draft> drafts = new ArrayList<>();
    private final List<String> absentIds = new ArrayList<>();
    private final Trade[] latest;
    private final double[] latestPosition;
    private long clockMicros;

    private TradeGenerator(WorkloadSpec spec) {
        this.spec = spec;
        this.random = new Random(spec.seed());
        this.latest = new Trade[spec.count()];
        this.latestPosition = new double[spec.count()];
        this.clockMicros = (EPOCH_BASE_SECONDS + Math.floorMod(spec.seed(), 365L * 24 * 3600)) * 1_000_000L;
    }

    public static Workload generate(WorkloadSpec spec) {
        return new TradeGenerator(spec).build();
    }

    private Workload build() {
        int count = spec.count();
        for (int t = 0; t < count; t++) {
            Trade trade = new Trade(uuid(), value(), FIRST_VERSION, tick(), hierarchy());
            latest[t] = trade;
            latestPosition[t] = t;
            good(RecordKind.NEW, t, trade, t);
        }
        for (int u = 0; u < spec.updates(); u++) {
            int t = random.nextInt(count);
            Trade previous = latest[t];
            Trade update = new Trade(previous.tradeId(), value(), previous.version() + 1, tick(),
                    previous.hierarchyJson());
            double position = after(latestPosition[t]);
            latest[t] = update;
            latestPosition[t] = position;
            good(RecordKind.UPDATE, t, update, position);
        }
        for (int o = 0; o < spec.outOfOrder(); o++) {
            int t = random.nextInt(count);
            Trade newest = latest[t];
            long staleVersion = (long) (random.nextDouble() * newest.version());
            // generated before the newest version, delivered after it
            BigDecimal staleTimestamp = newest.timestamp()
                    .subtract(BigDecimal.valueOf(1 + random.nextInt(1_000_000), 6));
            Trade stale = new Trade(newest.tradeId(), value(), staleVersion, staleTimestamp, newest.hierarchyJson());
            good(RecordKind.OUT_OF_ORDER, t, stale, after(latestPosition[t]));
        }
        List<Draft> originals = List.copyOf(drafts);
        for (int d = 0; d < spec.duplicates(); d++) {
            Draft original = originals.get(random.nextInt(originals.size()));
            drafts.add(new Draft(after(original.position), RecordKind.DUPLICATE, original.partitionKey,
                    original.data, original.trade, ""));
        }
        BadKind[] badKinds = BadKind.values();
        for (int b = 0; b < spec.bad(); b++) {
            bad(badKinds[b % badKinds.length], random.nextDouble() * count);
        }

        List<Draft> ordered = new ArrayList<>(drafts);
        ordered.sort(Comparator.comparingDouble(d -> d.position)); // stable: equal positions keep generation order
        byte[][] expectedMessages = new byte[count][];
        List<Trade> expected = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            expectedMessages[t] = TradeJson.toMessage(latest[t]);
            // the trade as the function reads it from the record (the parser normalises numbers: 12.50 is 12.5)
            expected.add(((ParseResult.Valid) TradeParser.parse(expectedMessages[t])).trade());
        }
        List<OutgoingRecord> records = new ArrayList<>(ordered.size());
        for (Draft draft : ordered) {
            boolean carriesExpected = draft.kind != RecordKind.BAD && draft.trade >= 0
                    && Arrays.equals(draft.data, expectedMessages[draft.trade]);
            records.add(new OutgoingRecord(draft.kind, draft.partitionKey, draft.data,
                    draft.kind == RecordKind.BAD ? -1 : draft.trade, carriesExpected, draft.detail));
        }
        return new Workload(spec, records, expected, absentIds);
    }

    private void good(RecordKind kind, int trade, Trade version, double position) {
        drafts.add(new Draft(position, kind, version.tradeId(), TradeJson.toMessage(version), trade, ""));
    }

    private void bad(BadKind kind, double position) {
        String freshId = uuid();
        Trade fresh = new Trade(freshId, value(), FIRST_VERSION, tick(), hierarchy());
        int victim = random.nextInt(spec.count());
        Trade existing = latest[victim];
        String partitionKey = freshId;
        byte[] data;
        switch (kind) {
            case NOT_JSON -> data = ("this is not a trade " + freshId).getBytes(StandardCharsets.UTF_8);
            case TRUNCATED_JSON -> {
                byte[] whole = TradeJson.toMessage(fresh);
                data = Arrays.copyOf(whole, whole.length / 2);
                absentIds.add(freshId);
            }
            case NOT_UTF8 -> {
                // a lone continuation byte and an invalid lead byte: no decoder accepts these
                byte[] text = TradeJson.toMessage(fresh);
                data = Arrays.copyOf(text, text.length + 2);
                data[text.length] = (byte) 0x80;
                data[text.length + 1] = (byte) 0xFF;
                absentIds.add(freshId);
            }
            case JSON_ARRAY -> {
                ArrayNode array = MAPPER.createArrayNode();
                array.add(message(fresh));
                data = bytes(array);
                absentIds.add(freshId);
            }
            case MISSING_VERSION -> {
                ObjectNode message = message(fresh);
                message.remove(TradeFields.VERSION);
                data = bytes(message);
                absentIds.add(freshId);
            }
            case NEGATIVE_VERSION -> {
                data = bytes(message(fresh).put(TradeFields.VERSION, -1));
                absentIds.add(freshId);
            }
            case VERSION_AS_STRING -> {
                // would replace the trade's item if the function coerced it: the item would end up wrong
                partitionKey = existing.tradeId();
                data = bytes(message(existing).put(TradeFields.VALUE, value())
                        .put(TradeFields.VERSION, Long.toString(existing.version() + 100)));
            }
            case FRACTIONAL_VERSION -> {
                partitionKey = existing.tradeId();
                data = bytes(message(existing).put(TradeFields.VALUE, value())
                        .put(TradeFields.VERSION, BigDecimal.valueOf(existing.version()).add(new BigDecimal("1.5"))));
            }
            case VALUE_AS_STRING -> {
                data = bytes(message(fresh).put(TradeFields.VALUE, fresh.value().toPlainString()));
                absentIds.add(freshId);
            }
            case NAN_VALUE -> {
                String text = new String(bytes(message(fresh).put(TradeFields.VALUE, 0)), StandardCharsets.UTF_8);
                data = text.replace("\"" + TradeFields.VALUE + "\":0", "\"" + TradeFields.VALUE + "\":NaN")
                        .getBytes(StandardCharsets.UTF_8);
                absentIds.add(freshId);
            }
            case EMPTY_TRADE_ID -> data = bytes(message(fresh).put(TradeFields.TRADE_ID, ""));
            case HIERARCHY_NOT_OBJECT -> {
                data = bytes(message(fresh).put(TradeFields.HIERARCHY, "EMEA"));
                absentIds.add(freshId);
            }
            default -> throw new IllegalStateException("unhandled bad record kind " + kind);
        }
        drafts.add(new Draft(position, RecordKind.BAD, partitionKey, data, -1, kind.description));
    }

    private double after(double position) {
        // strictly later in generation order; equal positions keep that order in the stable sort
        return position + (spec.count() - position) * random.nextDouble();
    }

    private String uuid() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private BigDecimal value() {
        // two decimals, 0.00 to 100000.00 inclusive
        return BigDecimal.valueOf(random.nextInt(MAX_VALUE_CENTS.intValueExact() + 1), 2);
    }

    private BigDecimal tick() {
        clockMicros += 1_000 + random.nextInt(1_000);
        return BigDecimal.valueOf(clockMicros, 6);
    }

    private String hierarchy() {
        ObjectNode hierarchy = MAPPER.createObjectNode()
                .put("RiskType", RISK_TYPES[random.nextInt(RISK_TYPES.length)])
                .put("Region", REGIONS[random.nextInt(REGIONS.length)])
                .put("TradeDesk", TRADE_DESKS[random.nextInt(TRADE_DESKS.length)]);
        return CanonicalJson.write(hierarchy);
    }

    private static ObjectNode message(Trade trade) {
        try {
            return (ObjectNode) MAPPER.readTree(TradeJson.toMessage(trade));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("TradeJson wrote something that is not JSON", e);
        }
    }

    private static byte[] bytes(Object node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Draft(double position, RecordKind kind, String partitionKey, byte[] data, int trade,
            String detail) {
    }
}
