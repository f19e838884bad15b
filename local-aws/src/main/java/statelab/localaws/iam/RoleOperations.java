package statelab.localaws.iam;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import statelab.localaws.config.AwsNames;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.protocol.QueryOperation;
import statelab.localaws.protocol.QueryParams;
import statelab.localaws.protocol.Xml;

/** Roles: create, read, list, update, tag, delete; and the instance-profile listing Terraform reads before a delete. */
final class RoleOperations {
    private static final int TRUST_POLICY_QUOTA = 2048;

    private final IamStore store;
    private final AwsNames names;
    private final Clock clock;

    RoleOperations(IamStore store, AwsNames names, Clock clock) {
        this.store = store;
        this.names = names;
        this.clock = clock;
    }

    void register(Map<String, QueryOperation> operations) {
        operations.put("CreateRole", this::createRole);
        operations.put("GetRole", this::getRole);
        operations.put("DeleteRole", this::deleteRole);
        operations.put("ListRoles", this::listRoles);
        operations.put("UpdateRole", this::updateRole);
        operations.put("UpdateRoleDescription", this::updateRoleDescription);
        operations.put("UpdateAssumeRolePolicy", this::updateAssumeRolePolicy);
        operations.put("TagRole", this::tagRole);
        operations.put("UntagRole", this::untagRole);
        operations.put("ListRoleTags", this::listRoleTags);
        operations.put("ListInstanceProfilesForRole", this::listInstanceProfilesForRole);
    }

    private void createRole(QueryParams params, Xml result, AwsRequest request) {
        String name = IamRules.name(params, "RoleName", 64);
        String path = IamRules.path(params);
        String trust = IamRules.policyDocument(params, "AssumeRolePolicyDocument");
        if (trust.length() > TRUST_POLICY_QUOTA) {
            throw IamErrors.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_QUOTA);
        }
        if (params.optional("PermissionsBoundary").isPresent()) {
            throw IamErrors.notEmulated("permissions boundaries (PermissionsBoundary)");
        }
        String description = description(params);
        int maxSession = maxSessionDuration(params);
        List<IamRole.Tag> tags = IamRules.merge(List.of(), IamRules.tags(params));
        IamRole role;
        synchronized (store.lock()) {
            boolean taken = store.roles().stream().anyMatch(r -> r.roleName().equalsIgnoreCase(name));
            if (taken) {
                throw IamErrors.alreadyExists("Role with name " + name + " already exists.");
            }
            role = new IamRole(name, IamRules.uniqueId("AROA"), path, names.iamRoleArn(path, name),
                    IamRules.now(clock), trust, description, maxSession, tags, Map.of(), List.of());
            store.saveRole(role);
        }
        IamXml.role(result, "Role", role);
    }

    private void getRole(QueryParams params, Xml result, AwsRequest request) {
        IamXml.role(result, "Role", store.requireRole(params.required("RoleName")));
    }

    private void deleteRole(QueryParams params, Xml result, AwsRequest request) {
        String name = params.required("RoleName");
        synchronized (store.lock()) {
            IamRole role = store.requireRole(name);
            if (!role.inlinePolicies().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must delete policies first.");
            }
            if (!role.attachedPolicyArns().isEmpty()) {
                throw IamErrors.deleteConflict("Cannot delete entity, must detach all policies first.");
            }
            store.deleteRole(name);
        }
    }

    private void listRoles(QueryParams params, Xml result, AwsRequest request) {
        String prefix = params.optional("PathPrefix").orElse("/");
        List<IamRole> roles = store.roles().stream()
                .filter(role -> role.path().startsWith(prefix))
                .sorted(Comparator.comparing(IamRole::roleName))
                .toList();
        Paging.Page<IamRole> page = Paging.page(roles, IamRole::roleName, params.optional("Marker").orElse(null),
                IamRules.maxItems(params));
        result.start("Roles");
        // ListRoles leaves tags out, as AWS does
        page.items().forEach(role -> IamXml.role(result, "member", role.withTags(List.of())));
        result.end();
        page.writeTrailer(result);
    }

    private void updateRole(QueryParams params, Xml result, AwsRequest request) {
        String name = params.required("RoleName");
        String description = params.optional("Description").isPresent() ? description(params) : null;
        Integer maxSession = params.optional("MaxSessionDuration").isPresent() ? maxSessionDuration(params) : null;
        store.updateRole(name, role -> {
            IamRole updated = description == null ? role : role.withDescription(description);
            return maxSession == null ? updated : updated.withMaxSessionDuration(maxSession);
        });
    }

    private void updateRoleDescription(QueryParams params, Xml result, AwsRequest request) {
        String name = params.required("RoleName");
        String description = description(params);
        IamXml.role(result, "Role", store.updateRole(name, role -> role.withDescription(description)));
    }

    private void updateAssumeRolePolicy(QueryParams params, Xml result, AwsRequest request) {
        String name = params.required("RoleName");
        String trust = IamRules.policyDocument(params, "PolicyDocument");
        if (trust.length() > TRUST_POLICY_QUOTA) {
            throw IamErrors.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + TRUST_POLICY_QUOTA);
        }
        store.updateRole(name, role -> role.withAssumeRolePolicy(trust));
    }

    private void tagRole(QueryParams params, Xml result, AwsRequest request) {
        String name = params.required("RoleName");
        List<IamRole.Tag> tags = IamRules.tags(params);
        store.updateRole(name, role -> role.withTags(IamRules.merge(role.tags(), tags)));
    }

    private void untagRole(QueryParams params, Xml result, AwsRequest request) {
        String name = params.required("RoleName");
        List<String> keys = IamRules.tagKeys(params);
        store.updateRole(name, role -> role.withTags(role.tags().stream().filter(t -> !keys.contains(t.key())).toList()));
    }

    private void listRoleTags(QueryParams params, Xml result, AwsRequest request) {
        IamRole role = store.requireRole(params.required("RoleName"));
        IamXml.tags(result, role.tags());
        result.leaf("IsTruncated", false);
    }

    /** local-aws has no instance profiles: the list is empty for any existing role. */
    private void listInstanceProfilesForRole(QueryParams params, Xml result, AwsRequest request) {
        store.requireRole(params.required("RoleName"));
        result.start("InstanceProfiles").end().leaf("IsTruncated", false);
    }

    private static String description(QueryParams params) {
        String description = params.optional("Description").orElse(null);
        if (description != null && description.length() > 1000) {
            throw IamErrors.validation("1 validation error detected: Value at 'description' failed to satisfy"
                    + " constraint: Member must have length less than or equal to 1000");
        }
        return description;
    }

    private static int maxSessionDuration(QueryParams params) {
        int seconds = params.optionalInt("MaxSessionDuration").orElse(3600);
        if (seconds < 3600 || seconds > 43200) {
            throw IamErrors.validation("1 validation error detected: Value '" + seconds + "' at 'maxSessionDuration'"
                    + " failed to satisfy constraint: Member must have value between 3600 and 43200");
        }
        return seconds;
    }
}
