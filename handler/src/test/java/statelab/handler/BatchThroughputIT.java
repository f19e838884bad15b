package statelab.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import statelab.trade.Trade;

/**
 * Measures (and prints; never asserts on time, the machine is shared) how long a batch of 100 new trades takes
 * against dynalite at several write concurrencies, after one warm-up batch. The numbers feed handler/README.md.
 */
@ExtendWith(DynaliteExtension.class)
class BatchThroughputIT {
    private static final int BATCH = 100;
    private static final int MEASURED_BATCHES = 3;

    @Test
    void aBatchOfOneHundredAtConcurrency1And5And10(Dynalite dynalite) {
        Trades trades = new Trades(100);
        StringBuilder report = new StringBuilder("batch of " + BATCH + " new trades against dynalite, handler millis"
                + " (median of " + MEASURED_BATCHES + " after a warm-up):");
        for (int concurrency : new int[] {1, 5, 10}) {
            String table = dynalite.createStateTable();
            StateLambda handler = new StateLambda(new HandlerConfig(table, 0, concurrency, Dynalite.REGION),
                    DynamoDbClients.configured(Dynalite.REGION).endpointOverride(dynalite.endpoint())
                            .credentialsProvider(Dynalite.CREDENTIALS).build());
            List<Trade> sent = new ArrayList<>();
            List<Long> millis = new ArrayList<>();
            for (int batch = 0; batch <= MEASURED_BATCHES; batch++) {
                List<Trade> trades100 = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    trades100.add(trades.next());
                }
                Invocation invocation = Invocation.of(handler,
                        KinesisEvents.of(batch * BATCH, Trades.messages(trades100)));
                assertEquals(List.of(), invocation.failedItems());
                assertEquals(BATCH, invocation.summary().get("written").asInt());
                if (batch > 0) {
                    millis.add(invocation.summary().get("millis").asLong());
                }
                sent.addAll(trades100);
            }
            assertEquals(StoredTrade.expected(sent), StoredTrade.table(dynalite, table));
            millis.sort(null);
            report.append(String.format("%n  WRITE_CONCURRENCY=%-3d %5d ms  (all: %s)", concurrency,
                    millis.get(millis.size() / 2), millis));
        }
        System.out.println(report);
    }
}
