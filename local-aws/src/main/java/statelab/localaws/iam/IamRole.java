package statelab.localaws.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role as stored: documents are kept as the client sent them (URL-decoded JSON text), inline policies by
 * name, attached managed policies by ARN, tags in the order given.
 */
public record IamRole(String roleName, String roleId, String path, String arn, String createDate,
        String assumeRolePolicyDocument, String description, int maxSessionDuration, List<Tag> tags,
        Map<String, String> inlinePolicies, List<String> attachedPolicyArns) {

    public record Tag(String key, String value) {
    }

    public IamRole {
        tags = List.copyOf(tags);
        inlinePolicies = new LinkedHashMap<>(inlinePolicies);
        attachedPolicyArns = List.copyOf(attachedPolicyArns);
    }

    IamRole withDescription(String newDescription) {
        return new IamRole(roleName, roleId, path, arn, createDate, assumeRolePolicyDocument, newDescription,
                maxSessionDuration, tags, inlinePolicies, attachedPolicyArns);
    }

    IamRole withMaxSessionDuration(int seconds) {
        return new IamRole(roleName, roleId, path, arn, createDate, assumeRolePolicyDocument, description, seconds,
                tags, inlinePolicies, attachedPolicyArns);
    }

    IamRole withAssumeRolePolicy(String document) {
        return new IamRole(roleName, roleId, path, arn, createDate, document, description, maxSessionDuration, tags,
                inlinePolicies, attachedPolicyArns);
    }

    IamRole withTags(List<Tag> newTags) {
        return new IamRole(roleName, roleId, path, arn, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, newTags, inlinePolicies, attachedPolicyArns);
    }

    IamRole withInlinePolicies(Map<String, String> policies) {
        return new IamRole(roleName, roleId, path, arn, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, tags, policies, attachedPolicyArns);
    }

    IamRole withAttachedPolicies(List<String> arns) {
        return new IamRole(roleName, roleId, path, arn, createDate, assumeRolePolicyDocument, description,
                maxSessionDuration, tags, inlinePolicies, arns);
    }
}
