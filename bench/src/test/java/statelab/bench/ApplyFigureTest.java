package statelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplyFigureTest {

    /** Lines as the bench's make log keeps them: seconds since the start, then the line. */
    static List<TimedLine> lines(String log) {
        return log.lines().filter(line -> !line.isBlank()).map(line -> {
            String trimmed = line.strip();
            int space = trimmed.indexOf(' ');
            return new TimedLine(Math.round(Double.parseDouble(trimmed.substring(0, space)) * 1000),
                    trimmed.substring(space + 1));
        }).toList();
    }

    @Test
    void aFirstApplyIsSplitIntoBuildLocalAwsStartAndTerraform() throws IOException {
        ApplyFigure figure = ApplyFigure.of(44_700, lines(RunFigureTest.resource("make-apply.log")));

        assertEquals(44.7, figure.seconds(), 1e-9);
        assertEquals(3.101, figure.buildSeconds(), 1e-9);
        assertEquals(1.411, figure.localAwsStartSeconds(), 1e-9);
        assertEquals(40.17, figure.terraformSeconds(), 1e-9);
        assertEquals(7, figure.added());
        assertEquals(0, figure.changed());
        assertEquals(0, figure.destroyed());
        assertEquals(30, figure.resourceSeconds().get("aws_kinesis_stream.incoming"));
        assertEquals(66, figure.resourceSeconds().get("aws_lambda_function.state_lambda"));
        assertEquals(7, figure.resourceSeconds().size()); // data sources are not resources
    }

    @Test
    void withLocalAwsAlreadyRunningItsStartTakesNoTime() {
        ApplyFigure figure = ApplyFigure.of(8_000, List.of(
                new TimedLine(0, "mvn -B -ntp -q package -DskipTests"),
                new TimedLine(4_400, "local-aws is already running on http://127.0.0.1:4566 (make local-status for details)"),
                new TimedLine(4_500, "terraform: TARGET=local: local-aws at http://127.0.0.1:4566 (workspace local)"),
                new TimedLine(7_900, "No changes. Your infrastructure matches the configuration."),
                new TimedLine(7_950, "Apply complete! Resources: 0 added, 0 changed, 0 destroyed.")));

        assertEquals(4.4, figure.buildSeconds(), 1e-9);
        assertEquals(0.0, figure.localAwsStartSeconds(), 1e-9);
        assertEquals(3.5, figure.terraformSeconds(), 1e-9);
        assertEquals(0, figure.added());
        assertEquals(Map.of(), figure.resourceSeconds());
    }

    @Test
    void stepsWhoseLinesAreMissingAreUnknownNotZero() {
        ApplyFigure figure = ApplyFigure.of(1_000, List.of(new TimedLine(10, "something else")));

        assertEquals(1.0, figure.seconds(), 1e-9);
        assertNull(figure.buildSeconds());
        assertNull(figure.localAwsStartSeconds());
        assertNull(figure.terraformSeconds());
        assertNull(figure.added());
    }
}
