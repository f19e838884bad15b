package statelab.localaws.lambda.function;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One function as local-aws keeps it (one JSON file per function): its configuration, the identity of its code,
 * and the moments its state settles. Immutable; changes make a copy with a new {@code revisionId}.
 *
 * @param environment the function's own variables, null when it has none
 * @param activeAtMillis when the function leaves {@code Pending} for {@code Active}
 * @param updateSettlesAtMillis when the last update leaves {@code InProgress} for {@code Successful}
 * @param reservedConcurrency PutFunctionConcurrency's value, null when none is reserved
 * @param logGroup LoggingConfig.LogGroup: {@code /aws/lambda/<name>} unless the user chose another
 */
public record FunctionRecord(
        String name,
        String region,
        String runtime,
        String handler,
        String role,
        String description,
        int timeout,
        int memorySize,
        List<String> architectures,
        Map<String, String> environment,
        Map<String, String> tags,
        String codeSha256,
        long codeSize,
        String lastModified,
        String revisionId,
        long activeAtMillis,
        long updateSettlesAtMillis,
        Integer reservedConcurrency,
        String logGroup,
        int ephemeralStorage) {

    public FunctionRecord {
        architectures = List.copyOf(architectures == null ? List.of("x86_64") : architectures);
        environment = environment == null ? null : new TreeMap<>(environment);
        tags = new TreeMap<>(tags == null ? Map.of() : tags);
        ephemeralStorage = ephemeralStorage == 0 ? 512 : ephemeralStorage;
    }

    public String state(long nowMillis) {
        return nowMillis < activeAtMillis ? "Pending" : "Active";
    }

    public String lastUpdateStatus(long nowMillis) {
        return nowMillis < updateSettlesAtMillis ? "InProgress" : "Successful";
    }

    public SupportedRuntime supportedRuntime() {
        return SupportedRuntime.of(runtime).orElseThrow(() -> new IllegalStateException(
                "stored function " + name + " has runtime " + runtime));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies with changes: the configuration is too wide for positional constructors at call sites. */
    public static final class Builder {
        private String name;
        private String region;
        private String runtime;
        private String handler;
        private String role;
        private String description;
        private int timeout;
        private int memorySize;
        private List<String> architectures;
        private Map<String, String> environment;
        private Map<String, String> tags;
        private String codeSha256;
        private long codeSize;
        private String lastModified;
        private String revisionId;
        private long activeAtMillis;
        private long updateSettlesAtMillis;
        private Integer reservedConcurrency;
        private String logGroup;
        private int ephemeralStorage;

        public Builder() {
        }

        private Builder(FunctionRecord r) {
            name = r.name;
            region = r.region;
            runtime = r.runtime;
            handler = r.handler;
            role = r.role;
            description = r.description;
            timeout = r.timeout;
            memorySize = r.memorySize;
            architectures = r.architectures;
            environment = r.environment;
            tags = r.tags;
            codeSha256 = r.codeSha256;
            codeSize = r.codeSize;
            lastModified = r.lastModified;
            revisionId = r.revisionId;
            activeAtMillis = r.activeAtMillis;
            updateSettlesAtMillis = r.updateSettlesAtMillis;
            reservedConcurrency = r.reservedConcurrency;
            logGroup = r.logGroup;
            ephemeralStorage = r.ephemeralStorage;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder runtime(String value) {
            runtime = value;
            return this;
        }

        public Builder handler(String value) {
            handler = value;
            return this;
        }

        public Builder role(String value) {
            role = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder timeout(int value) {
            timeout = value;
            return this;
        }

        public Builder memorySize(int value) {
            memorySize = value;
            return this;
        }

        public Builder architectures(List<String> value) {
            architectures = value;
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        public Builder tags(Map<String, String> value) {
            tags = value;
            return this;
        }

        public Builder code(String sha256, long size) {
            codeSha256 = sha256;
            codeSize = size;
            return this;
        }

        public Builder lastModified(String value) {
            lastModified = value;
            return this;
        }

        public Builder revisionId(String value) {
            revisionId = value;
            return this;
        }

        public Builder activeAtMillis(long value) {
            activeAtMillis = value;
            return this;
        }

        public Builder updateSettlesAtMillis(long value) {
            updateSettlesAtMillis = value;
            return this;
        }

        public Builder reservedConcurrency(Integer value) {
            reservedConcurrency = value;
            return this;
        }

        public Builder logGroup(String value) {
            logGroup = value;
            return this;
        }

        public Builder ephemeralStorage(int value) {
            ephemeralStorage = value;
            return this;
        }

        public FunctionRecord build() {
            return new FunctionRecord(name, region, runtime, handler, role, description, timeout, memorySize,
                    architectures, environment, tags, codeSha256, codeSize, lastModified, revisionId, activeAtMillis,
                    updateSettlesAtMillis, reservedConcurrency, logGroup, ephemeralStorage);
        }
    }
}
