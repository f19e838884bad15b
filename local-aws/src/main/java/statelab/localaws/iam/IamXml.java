package statelab.localaws.iam;

import java.util.List;
import statelab.localaws.protocol.Xml;

/** IAM's XML shapes of a role, a policy and tags, written the same way by every operation that returns them. */
final class IamXml {
    private IamXml() {
    }

    static void role(Xml xml, String element, IamRole role) {
        xml.start(element)
                .leaf("Path", role.path())
                .leaf("RoleName", role.roleName())
                .leaf("RoleId", role.roleId())
                .leaf("Arn", role.arn())
                .leaf("CreateDate", role.createDate())
                .leaf("AssumeRolePolicyDocument", IamRules.urlEncode(role.assumeRolePolicyDocument()))
                .leaf("Description", role.description())
                .leaf("MaxSessionDuration", role.maxSessionDuration());
        if (!role.tags().isEmpty()) {
            tags(xml, role.tags());
        }
        xml.start("RoleLastUsed").end();
        xml.end();
    }

    static void tags(Xml xml, List<IamRole.Tag> tags) {
        xml.start("Tags");
        for (IamRole.Tag tag : tags) {
            xml.start("member").leaf("Key", tag.key()).leaf("Value", tag.value()).end();
        }
        xml.end();
    }

    static void policy(Xml xml, String element, ManagedPolicy policy, int attachmentCount) {
        xml.start(element)
                .leaf("PolicyName", policy.policyName())
                .leaf("PolicyId", policy.policyId())
                .leaf("Arn", policy.arn())
                .leaf("Path", policy.path())
                .leaf("DefaultVersionId", policy.defaultVersionId())
                .leaf("AttachmentCount", attachmentCount)
                .leaf("PermissionsBoundaryUsageCount", 0)
                .leaf("IsAttachable", true)
                .leaf("Description", policy.description())
                .leaf("CreateDate", policy.createDate())
                .leaf("UpdateDate", policy.updateDate());
        if (!policy.tags().isEmpty()) {
            tags(xml, policy.tags());
        }
        xml.end();
    }

    static void policyVersion(Xml xml, String element, ManagedPolicy policy, ManagedPolicy.Version version) {
        xml.start(element)
                .leaf("Document", IamRules.urlEncode(version.document()))
                .leaf("VersionId", version.versionId())
                .leaf("IsDefaultVersion", version.versionId().equals(policy.defaultVersionId()))
                .leaf("CreateDate", version.createDate())
                .end();
    }
}
