package statelab.localaws.lambda.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void thePeakResidentSetIsRoundedUpToMegabytes() {
        // 88065 kB is one kB past 86 MB
        assertEquals(87, ProcessMemory.parseMaxUsedMegabytes(List.of("Name:\tjava", "VmHWM:\t   88065 kB",
                "VmRSS:\t   70000 kB")));
        assertEquals(2, ProcessMemory.parseMaxUsedMegabytes(List.of("VmHWM:\t    1025 kB")));
    }

    @Test
    void withoutAPeakTheCurrentResidentSetIsUsedAndWithoutEitherZero() {
        assertEquals(69, ProcessMemory.parseMaxUsedMegabytes(List.of("VmRSS:\t   70000 kB")));
        assertEquals(0, ProcessMemory.parseMaxUsedMegabytes(List.of("Name:\tjava")));
    }

    @Test
    void thisJvmsOwnMemoryCanBeRead() {
        assertTrue(ProcessMemory.maxUsedMegabytes(ProcessHandle.current().pid()) > 0);
        assertEquals(0, ProcessMemory.maxUsedMegabytes(Long.MAX_VALUE));
    }
}
