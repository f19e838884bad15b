package statelab.localaws.iam;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import statelab.localaws.config.AwsNames;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.protocol.QueryOperation;
import statelab.localaws.protocol.QueryParams;
import statelab.localaws.protocol.Xml;

/**
 * Customer managed policies and their versions. AWS-managed policies ({@code arn:aws:iam::aws:policy/...}) are
 * not stored: they can be attached by ARN (see {@link RolePolicyOperations}) but not read here.
 */
final class ManagedPolicyOperations {
    private static final int MAX_VERSIONS = 5;

    private final IamStore store;
    private final AwsNames names;
    private final Clock clock;

    ManagedPolicyOperations(IamStore store, AwsNames names, Clock clock) {
        this.store = store;
        this.names = names;
        this.clock = clock;
    }

    void register(Map<String, QueryOperation> operations) {
        operations.put("CreatePolicy", this::createPolicy);
        operations.put("GetPolicy", this::getPolicy);
        operations.put("DeletePolicy", this::deletePolicy);
        operations.put("ListPolicies", this::listPolicies);
        operations.put("GetPolicyVersion", this::getPolicyVersion);
        operations.put("ListPolicyVersions", this::listPolicyVersions);
        operations.put("CreatePolicyVersion", this::createPolicyVersion);
        operations.put("DeletePolicyVersion", this::deletePolicyVersion);
        operations.put("TagPolicy", this::tagPolicy);
        operations.put("UntagPolicy", this::untagPolicy);
        operations.put("ListPolicyTags", this::listPolicyTags);
    }

    private void createPolicy(QueryParams params, Xml result, AwsRequest request) {
        String name = IamRules.name(params, "PolicyName", 128);
        String path = IamRules.path(params);
        String document = IamRules.policyDocument(params, "PolicyDocument");
        String description = params.optional("Description").orElse(null);
        List<IamRole.Tag> tags = IamRules.merge(List.of(), IamRules.tags(params));
        String arn = names.iamPolicyArn(path, name);
        String now = IamRules.now(clock);
        ManagedPolicy policy;
        synchronized (store.lock()) {
            if (store.policies().stream().anyMatch(p -> p.policyName().equalsIgnoreCase(name))) {
                throw IamErrors.alreadyExists("A policy called " + name + " already exists. Duplicate names are not allowed.");
            }
            policy = new ManagedPolicy(name, IamRules.uniqueId("ANPA"), path, arn, description, now, now, "v1",
                    List.of(new ManagedPolicy.Version("v1", document, now)), tags);
            store.savePolicy(policy);
        }
        IamXml.policy(result, "Policy", policy, 0);
    }

    private void getPolicy(QueryParams params, Xml result, AwsRequest request) {
        ManagedPolicy policy = require(params.required("PolicyArn"));
        IamXml.policy(result, "Policy", policy, store.attachmentCount(policy.arn()));
    }

    private void deletePolicy(QueryParams params, Xml result, AwsRequest request) {
        String arn = params.required("PolicyArn");
        synchronized (store.lock()) {
            ManagedPolicy policy = require(arn);
            if (store.attachmentCount(arn) > 0) {
                throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (policy.versions().size() > 1) {
                throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy, you"
                        + " must delete the policy's versions. The default version is deleted with the policy.");
            }
            store.deletePolicy(arn);
        }
    }

    private void listPolicies(QueryParams params, Xml result, AwsRequest request) {
        String scope = params.optional("Scope").orElse("All");
        String prefix = params.optional("PathPrefix").orElse("/");
        boolean onlyAttached = Boolean.parseBoolean(params.optional("OnlyAttached").orElse("false"));
        // AWS-managed policies are not catalogued here: Scope=AWS lists none
        List<ManagedPolicy> policies = scope.equals("AWS") ? List.of() : store.policies().stream()
                .filter(p -> p.path().startsWith(prefix))
                .filter(p -> !onlyAttached || store.attachmentCount(p.arn()) > 0)
                .sorted(Comparator.comparing(ManagedPolicy::policyName)).toList();
        Paging.Page<ManagedPolicy> page = Paging.page(policies, ManagedPolicy::policyName,
                params.optional("Marker").orElse(null), IamRules.maxItems(params));
        result.start("Policies");
        page.items().forEach(p -> IamXml.policy(result, "member", p.withTags(List.of()), store.attachmentCount(p.arn())));
        result.end();
        page.writeTrailer(result);
    }

    private void getPolicyVersion(QueryParams params, Xml result, AwsRequest request) {
        ManagedPolicy policy = require(params.required("PolicyArn"));
        String versionId = params.required("VersionId");
        ManagedPolicy.Version version = policy.version(versionId);
        if (version == null) {
            throw IamErrors.noSuchEntity("Policy " + policy.arn() + " version " + versionId + " does not exist or is not"
                    + " attachable.");
        }
        IamXml.policyVersion(result, "PolicyVersion", policy, version);
    }

    private void listPolicyVersions(QueryParams params, Xml result, AwsRequest request) {
        ManagedPolicy policy = require(params.required("PolicyArn"));
        result.start("Versions");
        List<ManagedPolicy.Version> newestFirst = new ArrayList<>(policy.versions());
        java.util.Collections.reverse(newestFirst);
        for (ManagedPolicy.Version version : newestFirst) {
            // the list leaves the documents out, as AWS does
            result.start("member")
                    .leaf("VersionId", version.versionId())
                    .leaf("IsDefaultVersion", version.versionId().equals(policy.defaultVersionId()))
                    .leaf("CreateDate", version.createDate())
                    .end();
        }
        result.end().leaf("IsTruncated", false);
    }

    private void createPolicyVersion(QueryParams params, Xml result, AwsRequest request) {
        String arn = params.required("PolicyArn");
        String document = IamRules.policyDocument(params, "PolicyDocument");
        boolean setAsDefault = Boolean.parseBoolean(params.optional("SetAsDefault").orElse("false"));
        ManagedPolicy updated;
        ManagedPolicy.Version version;
        synchronized (store.lock()) {
            ManagedPolicy policy = require(arn);
            if (policy.versions().size() >= MAX_VERSIONS) {
                throw IamErrors.limitExceeded("A managed policy can have up to " + MAX_VERSIONS + " versions. Before you"
                        + " create a new version, you must delete an existing version.");
            }
            int next = policy.versions().stream().mapToInt(v -> Integer.parseInt(v.versionId().substring(1))).max()
                    .orElse(0) + 1;
            String now = IamRules.now(clock);
            version = new ManagedPolicy.Version("v" + next, document, now);
            List<ManagedPolicy.Version> versions = new ArrayList<>(policy.versions());
            versions.add(version);
            updated = policy.withVersions(versions, setAsDefault ? version.versionId() : policy.defaultVersionId(), now);
            store.savePolicy(updated);
        }
        IamXml.policyVersion(result, "PolicyVersion", updated, version);
    }

    private void deletePolicyVersion(QueryParams params, Xml result, AwsRequest request) {
        String arn = params.required("PolicyArn");
        String versionId = params.required("VersionId");
        synchronized (store.lock()) {
            ManagedPolicy policy = require(arn);
            if (policy.version(versionId) == null) {
                throw IamErrors.noSuchEntity("Policy " + arn + " version " + versionId + " does not exist.");
            }
            if (versionId.equals(policy.defaultVersionId())) {
                throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
            }
            List<ManagedPolicy.Version> versions = new ArrayList<>(policy.versions());
            versions.removeIf(v -> v.versionId().equals(versionId));
            store.savePolicy(policy.withVersions(versions, policy.defaultVersionId(), IamRules.now(clock)));
        }
    }

    private void tagPolicy(QueryParams params, Xml result, AwsRequest request) {
        String arn = params.required("PolicyArn");
        List<IamRole.Tag> tags = IamRules.tags(params);
        synchronized (store.lock()) {
            ManagedPolicy policy = require(arn);
            store.savePolicy(policy.withTags(IamRules.merge(policy.tags(), tags)));
        }
    }

    private void untagPolicy(QueryParams params, Xml result, AwsRequest request) {
        String arn = params.required("PolicyArn");
        List<String> keys = IamRules.tagKeys(params);
        synchronized (store.lock()) {
            ManagedPolicy policy = require(arn);
            store.savePolicy(policy.withTags(policy.tags().stream().filter(t -> !keys.contains(t.key())).toList()));
        }
    }

    private void listPolicyTags(QueryParams params, Xml result, AwsRequest request) {
        IamXml.tags(result, require(params.required("PolicyArn")).tags());
        result.leaf("IsTruncated", false);
    }

    private ManagedPolicy require(String arn) {
        if (arn.startsWith(RolePolicyOperations.AWS_MANAGED_PREFIX)) {
            throw IamErrors.notEmulated("reading AWS managed policies (" + arn + "); they can only be attached");
        }
        return store.requirePolicy(arn);
    }
}
