package statelab.localaws.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import statelab.localaws.config.AwsNames;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.protocol.Input;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.JsonOperation;

/** Log groups: create, delete, describe, retention, and tags (the ARN-based calls and the older by-name ones). */
final class LogGroupOperations {
    static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731,
            1096, 1827, 2192, 2557, 2922, 3288, 3653);
    private static final int MAX_TAGS = 50;

    private final LogStore store;
    private final AwsNames names;
    private final Clock clock;

    LogGroupOperations(LogStore store, AwsNames names, Clock clock) {
        this.store = store;
        this.names = names;
        this.clock = clock;
    }

    void register(Map<String, JsonOperation> operations) {
        operations.put("CreateLogGroup", this::createLogGroup);
        operations.put("DeleteLogGroup", this::deleteLogGroup);
        operations.put("DescribeLogGroups", this::describeLogGroups);
        operations.put("PutRetentionPolicy", this::putRetentionPolicy);
        operations.put("DeleteRetentionPolicy", this::deleteRetentionPolicy);
        operations.put("TagResource", this::tagResource);
        operations.put("UntagResource", this::untagResource);
        operations.put("ListTagsForResource", this::listTagsForResource);
        operations.put("TagLogGroup", this::tagLogGroup);
        operations.put("UntagLogGroup", this::untagLogGroup);
        operations.put("ListTagsLogGroup", this::listTagsLogGroup);
    }

    /** Creates the group unless it exists (Lambda's way: its log group appears on first output). */
    LogGroupRecord ensureGroup(String name) {
        synchronized (store.structureLock()) {
            return store.group(name).orElseGet(() -> {
                LogGroupRecord group = new LogGroupRecord(name, clock.millis(), null, Map.of());
                store.saveGroup(group);
                return group;
            });
        }
    }

    private JsonNode createLogGroup(Input input, AwsRequest request) {
        String name = LogsInput.groupName(input, "logGroupName");
        if (input.has("kmsKeyId")) {
            throw LogsErrors.notEmulated("encrypting log groups with KMS (kmsKeyId)");
        }
        Optional<String> logClass = input.optionalString("logGroupClass");
        if (logClass.isPresent() && !logClass.get().equals("STANDARD")) {
            throw LogsErrors.notEmulated("log group classes other than STANDARD (" + logClass.get() + ")");
        }
        Map<String, String> tags = LogsInput.tags(input, "tags");
        checkTagCount(tags.size());
        synchronized (store.structureLock()) {
            if (store.group(name).isPresent()) {
                throw LogsErrors.alreadyExists("The specified log group already exists");
            }
            store.saveGroup(new LogGroupRecord(name, clock.millis(), null, tags));
        }
        return Json.object();
    }

    private JsonNode deleteLogGroup(Input input, AwsRequest request) {
        String name = LogsInput.groupName(input, "logGroupName");
        synchronized (store.structureLock()) {
            store.requireGroup(name);
            store.deleteGroup(name);
        }
        return Json.object();
    }

    private JsonNode describeLogGroups(Input input, AwsRequest request) {
        Optional<String> prefix = input.optionalString("logGroupNamePrefix");
        Optional<String> pattern = input.optionalString("logGroupNamePattern");
        if (prefix.isPresent() && pattern.isPresent()) {
            throw LogsErrors.invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive"
                    + " parameters.");
        }
        Optional<List<String>> identifiers = input.optionalStringList("logGroupIdentifiers");
        if (input.has("accountIdentifiers") || input.optionalBoolean("includeLinkedAccounts").orElse(false)) {
            throw LogsErrors.notEmulated("cross-account log group queries (accountIdentifiers, includeLinkedAccounts)");
        }
        int limit = LogsInput.limit(input, 50, 50);
        String pattern_ = pattern.map(p -> p.toLowerCase(Locale.ROOT)).orElse(null);
        List<LogGroupRecord> groups = store.groups().stream()
                .filter(g -> prefix.map(p -> g.name().startsWith(p)).orElse(true))
                .filter(g -> pattern_ == null || g.name().toLowerCase(Locale.ROOT).contains(pattern_))
                .filter(g -> identifiers.map(ids -> ids.stream().map(LogsInput::groupFromArn).anyMatch(g.name()::equals))
                        .orElse(true))
                .sorted(Comparator.comparing(LogGroupRecord::name))
                .toList();
        Pages.Page<LogGroupRecord> page = Pages.byName(groups, LogGroupRecord::name,
                input.optionalString("nextToken").orElse(null), limit);
        ObjectNode result = Json.object();
        ArrayNode array = result.putArray("logGroups");
        for (LogGroupRecord group : page.items()) {
            ObjectNode node = array.addObject();
            node.put("logGroupName", group.name());
            node.put("creationTime", group.creationTime());
            if (group.retentionInDays() != null) {
                node.put("retentionInDays", group.retentionInDays());
            }
            node.put("metricFilterCount", 0);
            node.put("arn", names.logGroupArn(null, group.name()) + ":*");
            node.put("storedBytes", store.storedBytes(group.name()));
            node.put("logGroupClass", "STANDARD");
            node.put("logGroupArn", names.logGroupArn(null, group.name()));
        }
        page.nextToken().ifPresent(token -> result.put("nextToken", token));
        return result;
    }

    private JsonNode putRetentionPolicy(Input input, AwsRequest request) {
        String name = LogsInput.groupName(input, "logGroupName");
        int days = input.optionalInt("retentionInDays").orElseThrow(() -> Input.missing("retentionInDays"));
        if (!RETENTION_DAYS.contains(days)) {
            throw LogsErrors.invalidParameter("1 validation error detected: Value '" + days + "' at 'retentionInDays'"
                    + " failed to satisfy constraint: Member must satisfy enum value set: "
                    + RETENTION_DAYS.stream().sorted().toList());
        }
        synchronized (store.structureLock()) {
            store.saveGroup(store.requireGroup(name).withRetention(days));
        }
        return Json.object();
    }

    private JsonNode deleteRetentionPolicy(Input input, AwsRequest request) {
        String name = LogsInput.groupName(input, "logGroupName");
        synchronized (store.structureLock()) {
            store.saveGroup(store.requireGroup(name).withRetention(null));
        }
        return Json.object();
    }

    private JsonNode tagResource(Input input, AwsRequest request) {
        String group = LogsInput.groupFromResourceArn(input.requiredString("resourceArn"));
        Map<String, String> tags = LogsInput.tags(input, "tags");
        if (tags.isEmpty()) {
            throw Input.missing("tags");
        }
        addTags(group, tags);
        return Json.object();
    }

    private JsonNode untagResource(Input input, AwsRequest request) {
        String group = LogsInput.groupFromResourceArn(input.requiredString("resourceArn"));
        List<String> keys = input.optionalStringList("tagKeys").orElseThrow(() -> Input.missing("tagKeys"));
        removeTags(group, keys);
        return Json.object();
    }

    private JsonNode listTagsForResource(Input input, AwsRequest request) {
        String group = LogsInput.groupFromResourceArn(input.requiredString("resourceArn"));
        return tagsAnswer(store.requireGroup(group));
    }

    private JsonNode tagLogGroup(Input input, AwsRequest request) {
        addTags(LogsInput.groupName(input, "logGroupName"), LogsInput.tags(input, "tags"));
        return Json.object();
    }

    private JsonNode untagLogGroup(Input input, AwsRequest request) {
        String group = LogsInput.groupName(input, "logGroupName");
        removeTags(group, input.optionalStringList("tags").orElseThrow(() -> Input.missing("tags")));
        return Json.object();
    }

    private JsonNode listTagsLogGroup(Input input, AwsRequest request) {
        return tagsAnswer(store.requireGroup(LogsInput.groupName(input, "logGroupName")));
    }

    private void addTags(String groupName, Map<String, String> tags) {
        synchronized (store.structureLock()) {
            LogGroupRecord group = store.requireGroup(groupName);
            Map<String, String> merged = new LinkedHashMap<>(group.tags());
            merged.putAll(tags);
            checkTagCount(merged.size());
            store.saveGroup(group.withTags(merged));
        }
    }

    private void removeTags(String groupName, List<String> keys) {
        synchronized (store.structureLock()) {
            LogGroupRecord group = store.requireGroup(groupName);
            Map<String, String> remaining = new LinkedHashMap<>(group.tags());
            keys.forEach(remaining::remove);
            store.saveGroup(group.withTags(remaining));
        }
    }

    private static JsonNode tagsAnswer(LogGroupRecord group) {
        ObjectNode result = Json.object();
        ObjectNode tags = result.putObject("tags");
        group.tags().forEach(tags::put);
        return result;
    }

    private static void checkTagCount(int count) {
        if (count > MAX_TAGS) {
            throw LogsErrors.invalidParameter("A log group can have at most " + MAX_TAGS + " tags");
        }
    }
}
