package statelab.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code make apply} (TARGET=local), timed as a whole and split into its steps by the time-stamped lines the
 * Makefile prints when each starts: the build (make build: Maven, up to date here), starting local-aws (mk/local-aws.mk,
 * "local-aws: starting on" ... "listening on") and terraform apply (mk/terraform.mk, "terraform: TARGET=local").
 * A step whose line is not found is null (the total is still right). {@code added}/{@code changed}/{@code destroyed}
 * are terraform's own count; null when it printed none. {@code resourceSeconds}: terraform's "Creation complete after
 * 30s" per resource, where the terraform step's time goes.
 */
public record ApplyFigure(double seconds, Double buildSeconds, Double localAwsStartSeconds, Double terraformSeconds,
        Integer added, Integer changed, Integer destroyed, Map<String, Integer> resourceSeconds) {

    static final String LOCAL_AWS_STARTING = "local-aws: starting on";
    static final String LOCAL_AWS_LISTENING = "local-aws: listening on";
    static final String LOCAL_AWS_ALREADY = "local-aws is already running";
    static final String TERRAFORM_STARTS = "terraform: TARGET=local";
    private static final Pattern RESOURCES = Pattern.compile("Resources: (\\d+) added, (\\d+) changed, (\\d+) destroyed");
    private static final Pattern COMPLETE =
            Pattern.compile("^(\\S+): (?:Creation|Modifications|Destruction) complete after (?:(\\d+)m)?(\\d+)s");

    static ApplyFigure of(long totalMillis, List<TimedLine> lines) {
        Long starting = firstTime(lines, LOCAL_AWS_STARTING);
        Long listening = firstTime(lines, LOCAL_AWS_LISTENING);
        Long already = firstTime(lines, LOCAL_AWS_ALREADY);
        Long terraform = firstTime(lines, TERRAFORM_STARTS);
        Long buildEnd = starting != null ? starting : already != null ? already : terraform;
        Integer added = null;
        Integer changed = null;
        Integer destroyed = null;
        Map<String, Integer> resourceSeconds = new LinkedHashMap<>();
        for (TimedLine line : lines) {
            Matcher complete = COMPLETE.matcher(line.text().strip());
            if (complete.find() && !complete.group(1).startsWith("data.")) {
                int minutes = complete.group(2) == null ? 0 : Integer.parseInt(complete.group(2));
                resourceSeconds.put(complete.group(1), minutes * 60 + Integer.parseInt(complete.group(3)));
            }
            Matcher matcher = RESOURCES.matcher(line.text());
            if (matcher.find()) {
                added = Integer.valueOf(matcher.group(1));
                changed = Integer.valueOf(matcher.group(2));
                destroyed = Integer.valueOf(matcher.group(3));
            }
        }
        Double localAwsStart = null;
        if (starting != null && listening != null) {
            localAwsStart = (listening - starting) / 1000.0;
        } else if (already != null) {
            localAwsStart = 0.0;
        }
        return new ApplyFigure(totalMillis / 1000.0,
                buildEnd == null ? null : Double.valueOf(buildEnd / 1000.0),
                localAwsStart,
                terraform == null ? null : Double.valueOf((totalMillis - terraform) / 1000.0),
                added, changed, destroyed, resourceSeconds);
    }

    private static Long firstTime(List<TimedLine> lines, String text) {
        return lines.stream().filter(line -> line.text().contains(text)).map(TimedLine::millis).findFirst()
                .orElse(null);
    }
}
