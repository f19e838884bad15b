package statelab.localaws.esm.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import statelab.localaws.esm.model.SequenceNumber;

class ShardProgressTest {
    private static SequenceNumber seq(int n) {
        return SequenceNumber.of(Integer.toString(n));
    }

    @Test
    void theCheckpointMovesToTheEndOfTheBatchWhenItIsDone() {
        ShardProgress progress = new ShardProgress(null);
        progress.fetched(List.of(seq(1), seq(2), seq(3)));
        assertEquals(Optional.of(seq(3)), progress.completed(List.of(seq(1), seq(2), seq(3))));
        assertTrue(progress.allDone());
    }

    @Test
    void aBatchThatFinishesEarlyDoesNotMoveTheCheckpointPastAnEarlierOneStillInFlight() {
        ShardProgress progress = new ShardProgress(seq(0));
        progress.fetched(List.of(seq(1), seq(2), seq(3), seq(4)));
        // another parallel slot finished records 2 and 4 first
        assertEquals(Optional.empty(), progress.completed(List.of(seq(2), seq(4))));
        assertEquals(seq(0), progress.checkpoint());
        assertEquals(Optional.of(seq(2)), progress.completed(List.of(seq(1))));
        assertFalse(progress.allDone());
        assertEquals(Optional.of(seq(4)), progress.completed(List.of(seq(3))));
        assertTrue(progress.allDone());
    }

    @Test
    void aPartlyDoneBatchCheckpointsBeforeItsFirstUnfinishedRecord() {
        ShardProgress progress = new ShardProgress(null);
        progress.fetched(List.of(seq(10), seq(11), seq(12)));
        assertEquals(Optional.of(seq(11)), progress.completed(List.of(seq(10), seq(11))));
        assertEquals(seq(11), progress.checkpoint());
    }
}
