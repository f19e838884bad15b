package statelab.localaws.lambda;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import statelab.localaws.edge.AwsException;
import statelab.localaws.lambda.code.CodeSha256;
import statelab.localaws.lambda.code.CodeStore;
import statelab.localaws.lambda.code.UnsafeZipException;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.lambda.function.FunctionRegistry;
import statelab.localaws.lambda.runtime.ExecutionEnvironments;

/**
 * What happens when a function is created, changed or deleted, beyond its record: its code is checked, stored and
 * unpacked, its state goes Pending then Active (and its updates InProgress then Successful) after a short delay,
 * its revision changes, environments of the old revision retire, and code nobody uses any more is deleted.
 */
public final class FunctionLifecycle {
    /** Lambda's limit for a zip uploaded in the request itself. */
    static final int MAX_DIRECT_ZIP_BYTES = 50 * 1024 * 1024;

    private final FunctionRegistry registry;
    private final CodeStore code;
    private final ExecutionEnvironments environments;
    private final Clock clock;
    private final Duration stateDelay;

    FunctionLifecycle(FunctionRegistry registry, CodeStore code, ExecutionEnvironments environments, Clock clock,
            Duration stateDelay) {
        this.registry = registry;
        this.code = code;
        this.environments = environments;
        this.clock = clock;
        this.stateDelay = stateDelay;
    }

    public FunctionRegistry registry() {
        return registry;
    }

    public Clock clock() {
        return clock;
    }

    /** @throws AwsException for a refused zip, or ResourceConflictException when the name is taken */
    public FunctionRecord create(FunctionRecord.Builder function, byte[] zip) {
        CodeStore.StoredCode stored = storeCode(zip);
        long now = clock.millis();
        FunctionRecord created = function
                .code(stored.sha256().base64(), stored.size())
                .lastModified(FunctionRegistry.lastModified(clock.instant()))
                .revisionId(UUID.randomUUID().toString())
                .activeAtMillis(now + stateDelay.toMillis())
                .updateSettlesAtMillis(now + stateDelay.toMillis())
                .build();
        try {
            return registry.create(created);
        } catch (AwsException e) {
            collectGarbage();
            throw e;
        }
    }

    /** New code: a new CodeSha256, a new revision; running environments finish and are not used again. */
    public FunctionRecord updateCode(FunctionRecord function, byte[] zip, Optional<List<String>> architectures,
            String expectedRevisionId, boolean dryRun) {
        checkRevision(function, expectedRevisionId);
        CodeStore.StoredCode stored = storeCode(zip);
        if (dryRun) {
            collectGarbage();
            return function.toBuilder().code(stored.sha256().base64(), stored.size()).build();
        }
        FunctionRecord updated = registry.update(function, latest -> changed(latest.toBuilder()
                .code(stored.sha256().base64(), stored.size())
                .architectures(architectures.orElse(latest.architectures()))));
        environments.retire(updated);
        collectGarbage();
        return updated;
    }

    /** Changed configuration (memory, timeout, variables, handler, runtime, role...): environments retire too. */
    public FunctionRecord updateConfiguration(FunctionRecord function, Consumer<FunctionRecord.Builder> change,
            String expectedRevisionId) {
        checkRevision(function, expectedRevisionId);
        FunctionRecord updated = registry.update(function, latest -> {
            FunctionRecord.Builder builder = latest.toBuilder();
            change.accept(builder);
            return changed(builder);
        });
        environments.retire(updated);
        return updated;
    }

    /** Deletes the function and stops its environments; its event source mappings stay, as on AWS. */
    public void delete(FunctionRecord function) {
        registry.delete(function.name());
        environments.remove(function.name());
        collectGarbage();
    }

    public FunctionRecord tag(FunctionRecord function, Map<String, String> tags) {
        return registry.update(function, latest -> {
            Map<String, String> merged = new TreeMap<>(latest.tags());
            merged.putAll(tags);
            return latest.toBuilder().tags(merged).build();
        });
    }

    public FunctionRecord untag(FunctionRecord function, Set<String> keys) {
        return registry.update(function, latest -> {
            Map<String, String> remaining = new TreeMap<>(latest.tags());
            remaining.keySet().removeAll(keys);
            return latest.toBuilder().tags(remaining).build();
        });
    }

    /** Reserved concurrency (null = none); it bounds the function's environments from the next invoke on. */
    public FunctionRecord reserveConcurrency(FunctionRecord function, Integer reserved) {
        return registry.update(function, latest -> latest.toBuilder().reservedConcurrency(reserved).build());
    }

    /** The function's unpacked code (unpacked again if it went missing). */
    public Path taskRoot(FunctionRecord function) {
        return code.taskRoot(new CodeSha256(function.codeSha256()));
    }

    public Path zipFile(CodeSha256 sha) {
        return code.zipFile(sha);
    }

    /** Deletes packages that no function and no running environment uses. */
    void collectGarbage() {
        Set<String> inUse = new HashSet<>(environments.codeInUse());
        for (FunctionRecord function : registry.list()) {
            inUse.add(new CodeSha256(function.codeSha256()).hex());
        }
        code.collectGarbage(inUse);
    }

    private FunctionRecord changed(FunctionRecord.Builder builder) {
        return builder.lastModified(FunctionRegistry.lastModified(clock.instant()))
                .revisionId(UUID.randomUUID().toString())
                .updateSettlesAtMillis(clock.millis() + stateDelay.toMillis())
                .build();
    }

    private CodeStore.StoredCode storeCode(byte[] zip) {
        if (zip.length > MAX_DIRECT_ZIP_BYTES) {
            throw new AwsException(413, "RequestEntityTooLargeException", "The zip file is " + zip.length
                    + " bytes; a package uploaded directly may be at most " + MAX_DIRECT_ZIP_BYTES + " bytes");
        }
        try {
            return code.store(zip);
        } catch (UnsafeZipException e) {
            throw AwsException.invalidParameter("Could not unzip uploaded file. Please check your file, then try to"
                    + " upload again. (local-aws: " + e.getMessage() + ")");
        }
    }

    private static void checkRevision(FunctionRecord function, String expectedRevisionId) {
        if (expectedRevisionId != null && !expectedRevisionId.equals(function.revisionId())) {
            throw new AwsException(412, "PreconditionFailedException", "The Revision Id provided does not match the"
                    + " latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
        }
    }
}
