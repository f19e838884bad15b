package statelab.localaws.esm.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import statelab.localaws.esm.model.SequenceNumber;
import statelab.localaws.esm.reader.StreamRecord;

class ShardBufferTest {
    private static final long NO_WINDOW = 0;
    private static final long MAX_BYTES = 6L * 1024 * 1024;

    private static List<StreamRecord> records(int from, int count, String key) {
        List<StreamRecord> records = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            records.add(new StreamRecord("shardId-0", SequenceNumber.of(Integer.toString(i)), key, new byte[] {1}, 0));
        }
        return records;
    }

    private static List<Integer> numbers(List<StreamRecord> records) {
        return records.stream().map(r -> Integer.parseInt(r.sequenceNumber().text())).toList();
    }

    @Test
    void withoutAWindowABatchIsWhatIsThereUpToTheBatchSize() {
        ShardBuffer buffer = new ShardBuffer(1);
        buffer.add(records(1, 5, "k"));
        assertEquals(List.of(1, 2, 3), numbers(buffer.take(0, 3, MAX_BYTES, NO_WINDOW)));
        assertEquals(List.of(4, 5), numbers(buffer.take(0, 3, MAX_BYTES, NO_WINDOW)));
    }

    @Test
    void aWindowWaitsForMoreRecordsUntilItEnds() throws Exception {
        ShardBuffer buffer = new ShardBuffer(1);
        buffer.add(records(1, 1, "k"));
        long windowEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        CompletableFuture<List<StreamRecord>> batch = CompletableFuture.supplyAsync(() -> buffer.take(0, 10, MAX_BYTES, windowEnd));
        buffer.add(records(2, 2, "k"));
        assertEquals(List.of(1, 2, 3), numbers(batch.get(5, TimeUnit.SECONDS)));
        assertTrue(System.nanoTime() >= windowEnd, "the batch was cut before the window ended");
    }

    @Test
    void aWindowEndsEarlyWhenTheBatchIsFull() throws Exception {
        ShardBuffer buffer = new ShardBuffer(1);
        long windowEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        CompletableFuture<List<StreamRecord>> batch = CompletableFuture.supplyAsync(() -> buffer.take(0, 3, MAX_BYTES, windowEnd));
        buffer.add(records(1, 4, "k"));
        assertEquals(List.of(1, 2, 3), numbers(batch.get(5, TimeUnit.SECONDS)));
    }

    @Test
    void recordsOfOneKeyAlwaysGoToTheSameSlotInOrder() {
        ShardBuffer buffer = new ShardBuffer(4);
        List<StreamRecord> mixed = new ArrayList<>();
        int[] perSlot = new int[4];
        for (int i = 0; i < 40; i++) {
            StreamRecord record = records(i, 1, "key-" + (i % 7)).get(0);
            mixed.add(record);
            perSlot[buffer.slotOf(record.partitionKey())]++;
        }
        buffer.add(mixed);
        int slotsUsed = 0;
        for (int slot = 0; slot < 4; slot++) {
            if (perSlot[slot] == 0) {
                continue;
            }
            slotsUsed++;
            List<StreamRecord> taken = buffer.take(slot, 100, MAX_BYTES, NO_WINDOW);
            assertEquals(perSlot[slot], taken.size());
            for (StreamRecord record : taken) {
                assertEquals(slot, buffer.slotOf(record.partitionKey()));
            }
            List<Integer> seen = numbers(taken);
            assertEquals(seen.stream().sorted().toList(), seen, "order kept within the slot");
        }
        assertTrue(slotsUsed > 1, "seven keys should spread over more than one of four slots");
        assertEquals(0, buffer.size());
    }

    @Test
    void theReaderWaitsForRoomAndIsReleasedWhenASlotTakesABatch() throws Exception {
        ShardBuffer buffer = new ShardBuffer(1);
        buffer.add(records(1, 10, "k"));
        CompletableFuture<Boolean> room = CompletableFuture.supplyAsync(() -> buffer.awaitRoom(10, MAX_BYTES));
        assertFalse(room.isDone());
        buffer.take(0, 5, MAX_BYTES, NO_WINDOW);
        assertTrue(room.get(5, TimeUnit.SECONDS));
    }

    @Test
    void closingReleasesEveryWaiter() throws Exception {
        ShardBuffer buffer = new ShardBuffer(2);
        CompletableFuture<List<StreamRecord>> batch = CompletableFuture.supplyAsync(() -> buffer.take(1, 10, MAX_BYTES, 0));
        buffer.close();
        assertEquals(List.of(), batch.get(5, TimeUnit.SECONDS));
        assertFalse(buffer.awaitRoom(1, 1));
    }
}
