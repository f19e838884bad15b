package statelab.localaws.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import statelab.localaws.testing.LocalAwsHarness;

class IamIT {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"dynamodb:UpdateItem\"],\"Resource\":\"arn:aws:dynamodb:us-east-1:000000000000:table/T\"}]}";

    @TempDir
    static Path dataDir;
    static LocalAwsHarness local;
    static IamClient iam;

    @BeforeAll
    static void start() {
        local = LocalAwsHarness.start(dataDir);
        iam = local.client(IamClient.builder());
    }

    @AfterAll
    static void stop() {
        iam.close();
        local.close();
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    @Test
    void aRoleIsCreatedReadUpdatedTaggedAndDeleted() {
        Role created = iam.createRole(r -> r.roleName("lifecycle").path("/service/").assumeRolePolicyDocument(TRUST)
                .description("first").tags(Tag.builder().key("team").value("lab").build())).role();
        assertTrue(created.roleId().startsWith("AROA") && created.roleId().length() == 21, created.roleId());
        assertEquals("arn:aws:iam::000000000000:role/service/lifecycle", created.arn());
        assertNotNull(created.createDate());

        Role read = iam.getRole(r -> r.roleName("lifecycle")).role();
        assertTrue(read.assumeRolePolicyDocument().startsWith("%7B"), "AWS returns documents URL-encoded");
        assertEquals(TRUST, decode(read.assumeRolePolicyDocument()));
        assertEquals("first", read.description());
        assertEquals(3600, read.maxSessionDuration());
        assertEquals(List.of(Tag.builder().key("team").value("lab").build()), read.tags());
        assertTrue(iam.listRoles(r -> r.pathPrefix("/service/")).roles().stream().anyMatch(r -> r.roleName().equals("lifecycle")));

        iam.updateRole(r -> r.roleName("lifecycle").description("second").maxSessionDuration(7200));
        assertEquals(7200, iam.getRole(r -> r.roleName("lifecycle")).role().maxSessionDuration());
        assertEquals("third", iam.updateRoleDescription(r -> r.roleName("lifecycle").description("third")).role().description());
        String newTrust = TRUST.replace("lambda.amazonaws.com", "ec2.amazonaws.com");
        iam.updateAssumeRolePolicy(r -> r.roleName("lifecycle").policyDocument(newTrust));
        assertEquals(newTrust, decode(iam.getRole(r -> r.roleName("lifecycle")).role().assumeRolePolicyDocument()));

        iam.tagRole(r -> r.roleName("lifecycle").tags(Tag.builder().key("env").value("local").build(),
                Tag.builder().key("team").value("platform").build()));
        iam.untagRole(r -> r.roleName("lifecycle").tagKeys("env"));
        assertEquals(List.of(Tag.builder().key("team").value("platform").build()),
                iam.listRoleTags(r -> r.roleName("lifecycle")).tags());
        assertTrue(iam.listInstanceProfilesForRole(r -> r.roleName("lifecycle")).instanceProfiles().isEmpty());

        iam.deleteRole(r -> r.roleName("lifecycle"));
        NoSuchEntityException gone = assertThrows(NoSuchEntityException.class, () -> iam.getRole(r -> r.roleName("lifecycle")));
        assertEquals(404, gone.statusCode());
        assertTrue(gone.awsErrorDetails().errorMessage().contains("lifecycle"));
    }

    @Test
    void creatingARoleTwiceIsAConflict() {
        iam.createRole(r -> r.roleName("twice").assumeRolePolicyDocument(TRUST));
        EntityAlreadyExistsException e = assertThrows(EntityAlreadyExistsException.class,
                () -> iam.createRole(r -> r.roleName("twice").assumeRolePolicyDocument(TRUST)));
        assertTrue(e.awsErrorDetails().errorMessage().contains("twice"));
    }

    @Test
    void aTrustPolicyThatIsNotJsonIsMalformed() {
        assertThrows(MalformedPolicyDocumentException.class,
                () -> iam.createRole(r -> r.roleName("broken").assumeRolePolicyDocument("not json {")));
        assertThrows(NoSuchEntityException.class, () -> iam.getRole(r -> r.roleName("broken")));
    }

    @Test
    void anInvalidRoleNameIsAValidationError() {
        AwsServiceException e = assertThrows(AwsServiceException.class,
                () -> iam.createRole(r -> r.roleName("no spaces allowed").assumeRolePolicyDocument(TRUST)));
        assertEquals("ValidationError", e.awsErrorDetails().errorCode());
    }

    @Test
    void inlinePoliciesArePutReadListedAndBlockTheRoleDeletion() {
        iam.createRole(r -> r.roleName("inline").assumeRolePolicyDocument(TRUST));
        iam.putRolePolicy(r -> r.roleName("inline").policyName("write").policyDocument(POLICY));
        var policy = iam.getRolePolicy(r -> r.roleName("inline").policyName("write"));
        assertEquals(POLICY, decode(policy.policyDocument()));
        assertEquals(List.of("write"), iam.listRolePolicies(r -> r.roleName("inline")).policyNames());

        DeleteConflictException conflict = assertThrows(DeleteConflictException.class,
                () -> iam.deleteRole(r -> r.roleName("inline")));
        assertEquals(409, conflict.statusCode());

        iam.deleteRolePolicy(r -> r.roleName("inline").policyName("write"));
        assertThrows(NoSuchEntityException.class, () -> iam.getRolePolicy(r -> r.roleName("inline").policyName("write")));
        iam.deleteRole(r -> r.roleName("inline"));
    }

    @Test
    void managedPoliciesAreVersionedAttachedAndCannotBeDeletedWhileAttached() {
        iam.createRole(r -> r.roleName("attached").assumeRolePolicyDocument(TRUST));
        Policy policy = iam.createPolicy(r -> r.policyName("managed").policyDocument(POLICY).description("d")).policy();
        assertTrue(policy.policyId().startsWith("ANPA"));
        assertEquals("arn:aws:iam::000000000000:policy/managed", policy.arn());
        assertEquals("v1", policy.defaultVersionId());
        assertEquals(POLICY, decode(iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId("v1"))
                .policyVersion().document()));

        String awsManaged = "arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole";
        iam.attachRolePolicy(r -> r.roleName("attached").policyArn(policy.arn()));
        iam.attachRolePolicy(r -> r.roleName("attached").policyArn(awsManaged));
        List<AttachedPolicy> attached = iam.listAttachedRolePolicies(r -> r.roleName("attached")).attachedPolicies();
        assertEquals(List.of(policy.arn(), awsManaged), attached.stream().map(AttachedPolicy::policyArn).sorted().toList());
        assertEquals(1, iam.getPolicy(r -> r.policyArn(policy.arn())).policy().attachmentCount());
        assertThrows(NoSuchEntityException.class, () -> iam.attachRolePolicy(r -> r.roleName("attached")
                .policyArn("arn:aws:iam::000000000000:policy/nothing")));

        assertThrows(DeleteConflictException.class, () -> iam.deletePolicy(r -> r.policyArn(policy.arn())));
        assertThrows(DeleteConflictException.class, () -> iam.deleteRole(r -> r.roleName("attached")));

        String second = POLICY.replace("UpdateItem", "PutItem");
        iam.createPolicyVersion(r -> r.policyArn(policy.arn()).policyDocument(second).setAsDefault(true));
        assertEquals("v2", iam.getPolicy(r -> r.policyArn(policy.arn())).policy().defaultVersionId());
        assertEquals(2, iam.listPolicyVersions(r -> r.policyArn(policy.arn())).versions().size());
        iam.deletePolicyVersion(r -> r.policyArn(policy.arn()).versionId("v1"));

        iam.detachRolePolicy(r -> r.roleName("attached").policyArn(policy.arn()));
        iam.detachRolePolicy(r -> r.roleName("attached").policyArn(awsManaged));
        iam.deletePolicy(r -> r.policyArn(policy.arn()));
        assertThrows(NoSuchEntityException.class, () -> iam.getPolicy(r -> r.policyArn(policy.arn())));
        iam.deleteRole(r -> r.roleName("attached"));
    }

    @Test
    void aPermissionsBoundaryIsRefusedNotIgnored() {
        AwsServiceException e = assertThrows(AwsServiceException.class, () -> iam.createRole(r -> r.roleName("bounded")
                .assumeRolePolicyDocument(TRUST).permissionsBoundary("arn:aws:iam::aws:policy/PowerUserAccess")));
        assertTrue(e.awsErrorDetails().errorMessage().contains("PermissionsBoundary"), e.getMessage());
        assertThrows(NoSuchEntityException.class, () -> iam.getRole(r -> r.roleName("bounded")));
    }

    @Test
    void rolesAreListedInPages() {
        for (String name : List.of("page-a", "page-b", "page-c")) {
            iam.createRole(r -> r.roleName(name).path("/paging/").assumeRolePolicyDocument(TRUST));
        }
        var first = iam.listRoles(r -> r.pathPrefix("/paging/").maxItems(2));
        assertTrue(first.isTruncated());
        assertEquals(List.of("page-a", "page-b"), first.roles().stream().map(Role::roleName).toList());
        var second = iam.listRoles(r -> r.pathPrefix("/paging/").maxItems(2).marker(first.marker()));
        assertFalse(second.isTruncated());
        assertEquals(List.of("page-c"), second.roles().stream().map(Role::roleName).toList());
    }

    @Test
    void anOperationItDoesNotImplementIsRefusedByName() {
        AwsServiceException e = assertThrows(AwsServiceException.class, () -> iam.createUser(r -> r.userName("u")));
        assertEquals("InvalidAction", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("CreateUser"));
    }

    @Test
    void theRoleDirectoryFindsARoleByItsArnWithItsDecodedTrustPolicy() {
        Role role = iam.createRole(r -> r.roleName("directory").path("/x/").assumeRolePolicyDocument(TRUST)).role();
        IamService service = new IamService(new statelab.localaws.ServiceContext(
                statelab.localaws.config.Settings.of(java.util.Map.of()),
                new statelab.localaws.config.AwsNames("000000000000", "us-east-1"), dataDir,
                java.time.Clock.systemUTC(), local.endpoint()));
        var found = service.findByArn(role.arn()).orElseThrow();
        assertEquals("directory", found.name());
        assertEquals(TRUST, found.assumeRolePolicyDocument());
        assertTrue(service.findByArn("arn:aws:iam::000000000000:role/directory").isEmpty(), "the path is part of the ARN");
    }
}
