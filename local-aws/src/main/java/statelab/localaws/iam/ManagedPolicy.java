package statelab.localaws.iam;

import java.util.List;

/** A customer managed policy with its versions (the default one is what applies). */
public record ManagedPolicy(String policyName, String policyId, String path, String arn, String description,
        String createDate, String updateDate, String defaultVersionId, List<Version> versions, List<IamRole.Tag> tags) {

    public record Version(String versionId, String document, String createDate) {
    }

    public ManagedPolicy {
        versions = List.copyOf(versions);
        tags = List.copyOf(tags);
    }

    ManagedPolicy withVersions(List<Version> newVersions, String newDefault, String updated) {
        return new ManagedPolicy(policyName, policyId, path, arn, description, createDate, updated, newDefault,
                newVersions, tags);
    }

    ManagedPolicy withTags(List<IamRole.Tag> newTags) {
        return new ManagedPolicy(policyName, policyId, path, arn, description, createDate, updateDate, defaultVersionId,
                versions, newTags);
    }

    Version version(String versionId) {
        return versions.stream().filter(v -> v.versionId().equals(versionId)).findFirst().orElse(null);
    }
}
