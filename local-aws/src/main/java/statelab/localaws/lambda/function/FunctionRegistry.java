package statelab.localaws.lambda.function;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import statelab.localaws.config.AwsNames;
import statelab.localaws.edge.AwsException;
import statelab.localaws.store.JsonFileStore;

/**
 * Lambda's one store: every function, one JSON file each under the data directory (so that functions survive a
 * restart), with an in-memory index for lookups. Finds functions by name or (partial) ARN as AWS does; changes are
 * serialised.
 */
public final class FunctionRegistry {
    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private final JsonFileStore<FunctionRecord> store;
    private final Map<String, FunctionRecord> byName = new ConcurrentHashMap<>();
    private final AwsNames names;

    public FunctionRegistry(Path folder, AwsNames names) {
        this.store = new JsonFileStore<>(folder, FunctionRecord.class);
        this.names = names;
        for (FunctionRecord function : store.readAll()) {
            byName.put(function.name(), function);
        }
    }

    /** Lambda's LastModified: {@code 2024-05-01T12:34:56.789+0000}. */
    public static String lastModified(Instant at) {
        return LAST_MODIFIED.format(at);
    }

    public String arn(FunctionRecord function) {
        return names.lambdaFunctionArn(function.region(), function.name());
    }

    /** The function a locator names, if it exists in this account and region and the qualifier is $LATEST. */
    public Optional<FunctionRecord> find(FunctionLocator locator) {
        FunctionRecord function = byName.get(locator.name());
        if (function == null || !locator.isLatest()
                || (locator.accountId() != null && !locator.accountId().equals(names.accountId()))
                || (locator.region() != null && !locator.region().equals(function.region()))) {
            return Optional.empty();
        }
        return Optional.of(function);
    }

    /** @throws AwsException ResourceNotFoundException "Function not found: arn..." as AWS says it */
    public FunctionRecord require(FunctionLocator locator, String requestRegion) {
        return find(locator).orElseThrow(() -> notFound(locator, requestRegion));
    }

    public AwsException notFound(FunctionLocator locator, String requestRegion) {
        String region = locator.region() != null ? locator.region() : names.region(requestRegion);
        String arn = names.lambdaFunctionArn(region, locator.name())
                + (locator.qualifier() == null ? "" : ":" + locator.qualifier());
        return AwsException.notFound("ResourceNotFoundException", "Function not found: " + arn);
    }

    /** @throws AwsException ResourceConflictException when a function of that name exists */
    public synchronized FunctionRecord create(FunctionRecord function) {
        if (byName.containsKey(function.name())) {
            throw AwsException.conflict("ResourceConflictException", "Function already exist: " + function.name());
        }
        store.write(function.name(), function);
        byName.put(function.name(), function);
        return function;
    }

    /** Applies a change to the stored function and persists it; the change may throw an AwsException. */
    public synchronized FunctionRecord update(FunctionRecord current, UnaryOperator<FunctionRecord> change) {
        FunctionRecord latest = byName.get(current.name());
        if (latest == null) {
            throw AwsException.notFound("ResourceNotFoundException", "Function not found: " + arn(current));
        }
        FunctionRecord updated = change.apply(latest);
        store.write(updated.name(), updated);
        byName.put(updated.name(), updated);
        return updated;
    }

    public synchronized Optional<FunctionRecord> delete(String name) {
        FunctionRecord removed = byName.remove(name);
        if (removed != null) {
            store.delete(name);
        }
        return Optional.ofNullable(removed);
    }

    /** Every function, ordered by name (ListFunctions pages through this order). */
    public List<FunctionRecord> list() {
        List<FunctionRecord> all = new ArrayList<>(byName.values());
        all.sort((a, b) -> a.name().compareTo(b.name()));
        return all;
    }

    /** Finds a function by its unqualified or $LATEST ARN (TagResource and friends name resources by ARN). */
    public Optional<FunctionRecord> findByArn(String arn) {
        try {
            FunctionLocator locator = FunctionLocator.parse(arn);
            return find(locator).filter(function -> arn.startsWith("arn:"));
        } catch (AwsException e) {
            return Optional.empty();
        }
    }
}
