package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void withoutATerminalAPlainLineEveryFiveSeconds() {
        StringWriter err = new StringWriter();
        Progress progress = Progress.forOutput(new PrintWriter(err), false);
        for (double s = 0; s <= 12; s += 0.25) {
            progress.update(new Progress.Snapshot((int) (s * 10), 1000, 1000, 1000, s));
        }
        progress.finish();
        assertEquals("""
                verify-lab: 50/1000 trades in StateTable at their latest version, 1000/1000 records put, 5 s
                verify-lab: 100/1000 trades in StateTable at their latest version, 1000/1000 records put, 10 s
                """, err.toString());
    }

    @Test
    void onATerminalABarRedrawnInPlaceAndClearedAtTheEnd() {
        StringWriter err = new StringWriter();
        Progress progress = Progress.forOutput(new PrintWriter(err), true);
        progress.update(new Progress.Snapshot(500, 1000, 1000, 1000, 1.5));
        progress.finish();
        String text = err.toString();
        assertTrue(text.startsWith("\r[###############...............] 500/1000 trades in StateTable, 1000/1000 "
                + "records put, 1.5 s"), text);
        assertTrue(text.endsWith("\r"), "the line is cleared");
        assertTrue(!text.contains("\n"), "never a new line");
    }
}
