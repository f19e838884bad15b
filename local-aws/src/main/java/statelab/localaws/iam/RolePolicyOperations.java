package statelab.localaws.iam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.protocol.QueryOperation;
import statelab.localaws.protocol.QueryParams;
import statelab.localaws.protocol.Xml;

/** A role's policies: inline ones (put/get/delete/list) and attached managed ones (attach/detach/list). */
final class RolePolicyOperations {
    /** AWS's quota for all inline policies of one role together, in characters without white space. */
    private static final int INLINE_QUOTA = 10240;
    static final String AWS_MANAGED_PREFIX = "arn:aws:iam::aws:policy/";

    private final IamStore store;

    RolePolicyOperations(IamStore store) {
        this.store = store;
    }

    void register(Map<String, QueryOperation> operations) {
        operations.put("PutRolePolicy", this::putRolePolicy);
        operations.put("GetRolePolicy", this::getRolePolicy);
        operations.put("DeleteRolePolicy", this::deleteRolePolicy);
        operations.put("ListRolePolicies", this::listRolePolicies);
        operations.put("AttachRolePolicy", this::attachRolePolicy);
        operations.put("DetachRolePolicy", this::detachRolePolicy);
        operations.put("ListAttachedRolePolicies", this::listAttachedRolePolicies);
    }

    private void putRolePolicy(QueryParams params, Xml result, AwsRequest request) {
        String roleName = params.required("RoleName");
        String policyName = IamRules.name(params, "PolicyName", 128);
        String document = IamRules.policyDocument(params, "PolicyDocument");
        store.updateRole(roleName, role -> {
            Map<String, String> policies = new LinkedHashMap<>(role.inlinePolicies());
            policies.put(policyName, document);
            int size = policies.values().stream().mapToInt(RolePolicyOperations::sizeWithoutWhitespace).sum();
            if (size > INLINE_QUOTA) {
                throw IamErrors.limitExceeded("Maximum policy size of " + INLINE_QUOTA + " bytes exceeded for role "
                        + roleName);
            }
            return role.withInlinePolicies(policies);
        });
    }

    private void getRolePolicy(QueryParams params, Xml result, AwsRequest request) {
        String roleName = params.required("RoleName");
        String policyName = params.required("PolicyName");
        IamRole role = store.requireRole(roleName);
        String document = role.inlinePolicies().get(policyName);
        if (document == null) {
            throw IamErrors.noSuchEntity("The role policy with name " + policyName + " cannot be found.");
        }
        result.leaf("RoleName", role.roleName())
                .leaf("PolicyName", policyName)
                .leaf("PolicyDocument", IamRules.urlEncode(document));
    }

    private void deleteRolePolicy(QueryParams params, Xml result, AwsRequest request) {
        String roleName = params.required("RoleName");
        String policyName = params.required("PolicyName");
        store.updateRole(roleName, role -> {
            if (!role.inlinePolicies().containsKey(policyName)) {
                throw IamErrors.noSuchEntity("The role policy with name " + policyName + " cannot be found.");
            }
            Map<String, String> policies = new LinkedHashMap<>(role.inlinePolicies());
            policies.remove(policyName);
            return role.withInlinePolicies(policies);
        });
    }

    private void listRolePolicies(QueryParams params, Xml result, AwsRequest request) {
        IamRole role = store.requireRole(params.required("RoleName"));
        List<String> names = List.copyOf(new TreeSet<>(role.inlinePolicies().keySet()));
        Paging.Page<String> page = Paging.page(names, name -> name, params.optional("Marker").orElse(null),
                IamRules.maxItems(params));
        result.start("PolicyNames");
        page.items().forEach(name -> result.leaf("member", name));
        result.end();
        page.writeTrailer(result);
    }

    private void attachRolePolicy(QueryParams params, Xml result, AwsRequest request) {
        String roleName = params.required("RoleName");
        String policyArn = params.required("PolicyArn");
        synchronized (store.lock()) {
            IamRole role = store.requireRole(roleName);
            if (!policyArn.startsWith(AWS_MANAGED_PREFIX) && store.policy(policyArn).isEmpty()) {
                throw IamErrors.noSuchEntity("Policy " + policyArn + " does not exist or is not attachable.");
            }
            if (!role.attachedPolicyArns().contains(policyArn)) {
                if (role.attachedPolicyArns().size() >= 20) {
                    throw IamErrors.limitExceeded("Cannot exceed quota for PoliciesPerRole: 20");
                }
                List<String> attached = new ArrayList<>(role.attachedPolicyArns());
                attached.add(policyArn);
                store.saveRole(role.withAttachedPolicies(attached));
            }
        }
    }

    private void detachRolePolicy(QueryParams params, Xml result, AwsRequest request) {
        String roleName = params.required("RoleName");
        String policyArn = params.required("PolicyArn");
        store.updateRole(roleName, role -> {
            if (!role.attachedPolicyArns().contains(policyArn)) {
                throw IamErrors.noSuchEntity("Policy " + policyArn + " was not found.");
            }
            List<String> attached = new ArrayList<>(role.attachedPolicyArns());
            attached.remove(policyArn);
            return role.withAttachedPolicies(attached);
        });
    }

    private void listAttachedRolePolicies(QueryParams params, Xml result, AwsRequest request) {
        IamRole role = store.requireRole(params.required("RoleName"));
        String prefix = params.optional("PathPrefix").orElse("/");
        List<String> arns = role.attachedPolicyArns().stream()
                .filter(arn -> policyPath(arn).startsWith(prefix))
                .sorted().toList();
        Paging.Page<String> page = Paging.page(arns, arn -> arn, params.optional("Marker").orElse(null),
                IamRules.maxItems(params));
        result.start("AttachedPolicies");
        for (String arn : page.items()) {
            result.start("member").leaf("PolicyName", arn.substring(arn.lastIndexOf('/') + 1)).leaf("PolicyArn", arn).end();
        }
        result.end();
        page.writeTrailer(result);
    }

    /** The path part of a policy ARN: {@code arn:aws:iam::aws:policy/service-role/X} has {@code /service-role/}. */
    private static String policyPath(String arn) {
        String afterType = arn.substring(arn.indexOf(":policy") + ":policy".length());
        return afterType.substring(0, afterType.lastIndexOf('/') + 1);
    }

    private static int sizeWithoutWhitespace(String document) {
        return document.replaceAll("\\s", "").length();
    }
}
