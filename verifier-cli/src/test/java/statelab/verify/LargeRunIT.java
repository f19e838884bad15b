package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import statelab.verify.testing.StreamConsumer;

/**
 * The large run, {@code --count 10000 --duplicates 500 --out-of-order 300 --bad 50}, against kinesis-mock
 * and dynalite with the test consumer as the function. Heavy for a shared CI machine, so only on request:
 * {@code mvn -pl verifier-cli verify -Dit.test=LargeRunIT}. Prints the report (the numbers
 * in README.md come from it).
 */
class LargeRunIT {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("try") // the consumer only has to run while verify-lab does
    void tenThousandTradesWithDuplicatesStaleVersionsAndBadRecordsPassAndAreCounted() throws Exception {
        try (EmulatorLab emulatorLab = new EmulatorLab(dir)) {
            EmulatorLab.Lab lab = emulatorLab.newLab();
            EmulatorLab.Run text;
            EmulatorLab.Run json;
            try (StreamConsumer consumer = emulatorLab.consumer(lab, n -> false)) {
                text = emulatorLab.run("--outputs", lab.outputs().toString(), "--count", "10000", "--duplicates",
                        "500", "--out-of-order", "300", "--bad", "50", "--seed", "1");
                System.out.println(text.out());
                json = emulatorLab.run("--outputs", lab.outputs().toString(), "--count", "10000", "--duplicates",
                        "500", "--out-of-order", "300", "--updates", "1000", "--bad", "50", "--json");
                System.out.println(json.out());
            }
            assertEquals(ExitCode.PASS, text.exitCode(), text::toString);
            assertEquals(ExitCode.PASS, json.exitCode(), json::toString);
            JsonNode report = JsonMapper.builder().build().readTree(json.out());
            assertEquals(11850, report.get("sent").get("records").asInt());
            assertEquals(10000, report.get("table").get("found").asInt());
        }
    }
}
