package statelab.localaws.lambda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Architecture;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.InvalidRequestContentException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ListFunctionsResponse;
import software.amazon.awssdk.services.lambda.model.LogFormat;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.lambda.model.PreconditionFailedException;
import software.amazon.awssdk.services.lambda.model.RequestTooLargeException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import statelab.localaws.testfunctions.EchoHandler;
import statelab.localaws.testfunctions.TestFunctionZip;

/** The function API as Terraform and the SDK use it: create, read, update, delete, list, tags, settings, errors. */
class LambdaControlPlaneIT {
    private static final String ACCOUNT_ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    @TempDir
    static Path dataDir;
    static LambdaTestServer server;
    static LambdaClient lambda;

    @BeforeAll
    static void start() {
        server = LambdaTestServer.start(dataDir);
        lambda = server.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String base64Sha256(byte[] bytes) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aCreatedFunctionIsDescribedAsAwsDescribesItAndBecomesActive() throws Exception {
        byte[] zip = TestFunctionZip.of(EchoHandler.class);
        CreateFunctionResponse created = lambda.createFunction(b -> b.functionName("described").runtime(Runtime.JAVA17)
                .role(server.roleArn()).handler("statelab.localaws.testfunctions.EchoHandler::handleRequest")
                .description("echoes").timeout(30).memorySize(512).architectures(Architecture.ARM64)
                .environment(e -> e.variables(Map.of("MODE", "test")))
                .tags(Map.of("team", "lab")).code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
        assertEquals(201, created.sdkHttpResponse().statusCode());
        assertEquals("described", created.functionName());
        assertEquals(ACCOUNT_ARN + "described", created.functionArn());
        assertEquals(base64Sha256(zip), created.codeSha256());
        assertEquals(zip.length, created.codeSize());
        assertEquals("$LATEST", created.version());
        assertEquals(Runtime.JAVA17, created.runtime());
        assertEquals(512, created.memorySize());
        assertEquals(30, created.timeout());
        assertEquals("echoes", created.description());
        assertEquals(List.of(Architecture.ARM64), created.architectures());
        assertEquals(Map.of("MODE", "test"), created.environment().variables());
        assertEquals(PackageType.ZIP, created.packageType());
        assertEquals(LogFormat.TEXT, created.loggingConfig().logFormat());
        assertEquals("/aws/lambda/described", created.loggingConfig().logGroup());
        assertEquals(512, created.ephemeralStorage().size());
        assertTrue(created.lastModified().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000"),
                created.lastModified());
        assertEquals(State.PENDING, created.state(), "a new function is Pending first, as on AWS");

        lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("described"));
        GetFunctionResponse got = lambda.getFunction(r -> r.functionName("described"));
        assertEquals(State.ACTIVE, got.configuration().state());
        assertEquals(LastUpdateStatus.SUCCESSFUL, got.configuration().lastUpdateStatus());
        assertEquals(created.revisionId(), got.configuration().revisionId());
        assertEquals(Map.of("team", "lab"), got.tags());
        assertEquals("S3", got.code().repositoryType());
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(got.code().location())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertArrayEquals(zip, download.body(), "Code.Location serves the package");

        var configuration = lambda.getFunctionConfiguration(r -> r.functionName(ACCOUNT_ARN + "described"));
        assertEquals(got.configuration().codeSha256(), configuration.codeSha256());
        assertEquals(got.configuration().revisionId(), configuration.revisionId());
        List<FunctionConfiguration> versions = lambda.listVersionsByFunction(r -> r.functionName("described"))
                .versions();
        assertEquals(1, versions.size());
        assertEquals("$LATEST", versions.get(0).version());
    }

    @Test
    void listFunctionsPagesWithItsMarker() {
        for (String name : List.of("list-a", "list-b", "list-c")) {
            server.createFunction(name, EchoHandler.class);
        }
        ListFunctionsResponse first = lambda.listFunctions(r -> r.maxItems(1));
        assertEquals(1, first.functions().size());
        assertTrue(first.nextMarker() != null && !first.nextMarker().isEmpty());
        ListFunctionsResponse second = lambda.listFunctions(r -> r.maxItems(1).marker(first.nextMarker()));
        assertNotEquals(first.functions().get(0).functionName(), second.functions().get(0).functionName());
        List<String> all = lambda.listFunctionsPaginator(r -> r.maxItems(2)).functions().stream()
                .map(FunctionConfiguration::functionName).toList();
        assertTrue(all.containsAll(List.of("list-a", "list-b", "list-c")), all.toString());
        assertEquals(all.stream().distinct().count(), all.size(), "no function twice across pages");
    }

    @Test
    void updateConfigurationChangesWhatItNamesWithANewRevision() {
        CreateFunctionResponse created = server.createFunction("configured", EchoHandler.class);
        lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName("configured"));
        var updated = lambda.updateFunctionConfiguration(r -> r.functionName("configured")
                .memorySize(1024).timeout(60).description("new").handler("statelab.localaws.testfunctions.EchoHandler")
                .environment(e -> e.variables(Map.of("MODE", "1"))));
        assertEquals(1024, updated.memorySize());
        assertEquals(60, updated.timeout());
        assertEquals("new", updated.description());
        assertEquals(Map.of("MODE", "1"), updated.environment().variables());
        assertEquals(created.codeSha256(), updated.codeSha256());
        assertNotEquals(created.revisionId(), updated.revisionId());
        assertEquals(LastUpdateStatus.IN_PROGRESS, updated.lastUpdateStatus());
        lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName("configured"));

        var cleared = lambda.updateFunctionConfiguration(r -> r.functionName("configured")
                .environment(e -> e.variables(Map.of())));
        assertNull(cleared.environment(), "no variables left, no Environment");
        PreconditionFailedException stale = assertThrows(PreconditionFailedException.class,
                () -> lambda.updateFunctionConfiguration(r -> r.functionName("configured").timeout(5)
                        .revisionId(created.revisionId())));
        assertEquals(412, stale.statusCode());
    }

    @Test
    void updateCodeGivesANewCodeSha256() throws Exception {
        CreateFunctionResponse created = server.createFunction("recoded", EchoHandler.class);
        byte[] newZip = TestFunctionZip.of(Map.of("VERSION", "2".getBytes(StandardCharsets.UTF_8)), EchoHandler.class);
        var updated = lambda.updateFunctionCode(r -> r.functionName("recoded")
                .zipFile(SdkBytes.fromByteArray(newZip)));
        assertEquals(base64Sha256(newZip), updated.codeSha256());
        assertEquals(newZip.length, updated.codeSize());
        assertNotEquals(created.codeSha256(), updated.codeSha256());
        assertNotEquals(created.revisionId(), updated.revisionId());
        assertEquals(updated.codeSha256(), lambda.getFunction(r -> r.functionName("recoded")).configuration()
                .codeSha256());
    }

    @Test
    void tagsAreAddedListedAndRemovedByArn() {
        String arn = server.createFunction("tagged", EchoHandler.class, b -> b.tags(Map.of("a", "1"))).functionArn();
        lambda.tagResource(r -> r.resource(arn).tags(Map.of("b", "2", "c", "3")));
        assertEquals(Map.of("a", "1", "b", "2", "c", "3"), lambda.listTags(r -> r.resource(arn)).tags());
        lambda.untagResource(r -> r.resource(arn).tagKeys("a", "c"));
        assertEquals(Map.of("b", "2"), lambda.listTags(r -> r.resource(arn)).tags());
        assertThrows(ResourceNotFoundException.class, () -> lambda.listTags(r -> r.resource(ACCOUNT_ARN + "nope")));
    }

    @Test
    void reservedConcurrencyIsSetReadAndRemoved() {
        server.createFunction("concurrent", EchoHandler.class);
        assertNull(lambda.getFunctionConcurrency(r -> r.functionName("concurrent")).reservedConcurrentExecutions());
        assertEquals(5, lambda.putFunctionConcurrency(r -> r.functionName("concurrent")
                .reservedConcurrentExecutions(5)).reservedConcurrentExecutions());
        assertEquals(5, lambda.getFunctionConcurrency(r -> r.functionName("concurrent")).reservedConcurrentExecutions());
        assertEquals(5, lambda.getFunction(r -> r.functionName("concurrent")).concurrency()
                .reservedConcurrentExecutions());
        lambda.deleteFunctionConcurrency(r -> r.functionName("concurrent"));
        assertNull(lambda.getFunctionConcurrency(r -> r.functionName("concurrent")).reservedConcurrentExecutions());
        assertThrows(InvalidParameterValueException.class, () -> lambda.putFunctionConcurrency(
                r -> r.functionName("concurrent").reservedConcurrentExecutions(901)));
    }

    @Test
    void aFunctionHasNoCodeSigningConfigAndNoPolicy() {
        server.createFunction("plain", EchoHandler.class);
        var signing = lambda.getFunctionCodeSigningConfig(r -> r.functionName("plain"));
        assertEquals("plain", signing.functionName());
        assertEquals("", signing.codeSigningConfigArn());
        ResourceNotFoundException noPolicy = assertThrows(ResourceNotFoundException.class,
                () -> lambda.getPolicy(r -> r.functionName("plain")));
        assertEquals(404, noPolicy.statusCode());
    }

    @Test
    void aDeletedFunctionIsGoneWithAwsNotFoundError() {
        server.createFunction("deleted", EchoHandler.class);
        lambda.deleteFunction(r -> r.functionName("deleted"));
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> lambda.getFunction(r -> r.functionName("deleted")));
        assertEquals(404, e.statusCode());
        assertEquals("Function not found: " + ACCOUNT_ARN + "deleted", e.awsErrorDetails().errorMessage());
        assertThrows(ResourceNotFoundException.class, () -> lambda.deleteFunction(r -> r.functionName("deleted")));
    }

    @Test
    void aSecondFunctionOfTheSameNameIsAConflict() {
        server.createFunction("twice", EchoHandler.class);
        ResourceConflictException e = assertThrows(ResourceConflictException.class,
                () -> server.createFunction("twice", EchoHandler.class));
        assertEquals(409, e.statusCode());
        assertEquals("Function already exist: twice", e.awsErrorDetails().errorMessage());
    }

    @Test
    void aRuntimeOtherThanJavaIsRefusedNamingTheSupportedOnes() {
        InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class,
                () -> server.createFunction("python", EchoHandler.class, b -> b.runtime(Runtime.PYTHON3_12)));
        assertTrue(e.awsErrorDetails().errorMessage().contains("java17, java21"), e.getMessage());
        assertEquals(400, e.statusCode());
    }

    @Test
    void aRoleThatDoesNotTrustLambdaOrDoesNotExistCannotBeAssumed() {
        String ec2Role = server.iam().createRole(r -> r.roleName("ec2-only").assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                        + "\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        for (String role : List.of(ec2Role, "arn:aws:iam::000000000000:role/no-such-role")) {
            InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class,
                    () -> server.createFunction("untrusted", EchoHandler.class, b -> b.role(role)));
            assertEquals("The role defined for the function cannot be assumed by Lambda.",
                    e.awsErrorDetails().errorMessage());
        }
        assertThrows(ResourceNotFoundException.class, () -> lambda.getFunction(r -> r.functionName("untrusted")));
    }

    @Test
    void optionsLocalAwsDoesNotEmulateAreRefusedByName() {
        InvalidParameterValueException s3 = assertThrows(InvalidParameterValueException.class,
                () -> lambda.createFunction(b -> b.functionName("from-s3").runtime(Runtime.JAVA21).role(server.roleArn())
                        .handler("a.B").code(c -> c.s3Bucket("bucket").s3Key("key"))));
        assertTrue(s3.getMessage().contains("Code.S3Bucket"), s3.getMessage());
        InvalidParameterValueException layers = assertThrows(InvalidParameterValueException.class,
                () -> server.createFunction("layered", EchoHandler.class,
                        b -> b.layers("arn:aws:lambda:us-east-1:000000000000:layer:l:1")));
        assertTrue(layers.getMessage().contains("Layers"), layers.getMessage());
        InvalidParameterValueException reserved = assertThrows(InvalidParameterValueException.class,
                () -> server.createFunction("reserved", EchoHandler.class,
                        b -> b.environment(e -> e.variables(Map.of("AWS_REGION", "eu-west-1")))));
        assertTrue(reserved.getMessage().contains("Reserved keys used in this request: AWS_REGION"),
                reserved.getMessage());
    }

    @Test
    void anUnsafePackageIsRefusedAtCreate() {
        byte[] zip = TestFunctionZip.zip(Map.of("../../escape.class", new byte[] {1, 2, 3}));
        InvalidParameterValueException e = assertThrows(InvalidParameterValueException.class,
                () -> lambda.createFunction(b -> b.functionName("unsafe").runtime(Runtime.JAVA21).role(server.roleArn())
                        .handler("a.B").code(c -> c.zipFile(SdkBytes.fromByteArray(zip)))));
        assertTrue(e.getMessage().contains("Could not unzip uploaded file"), e.getMessage());
        assertTrue(e.getMessage().contains("'..'"), e.getMessage());
    }

    @Test
    void anUnknownFunctionIsAResourceNotFoundNamingItsArn() {
        ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                () -> lambda.invoke(r -> r.functionName("nope")));
        assertEquals(404, e.statusCode());
        assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
        assertEquals("Function not found: " + ACCOUNT_ARN + "nope", e.awsErrorDetails().errorMessage());
    }

    @Test
    void aMalformedRequestBodyIsASerializationErrorNotA500() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.endpoint() + "/2015-03-31/functions")).POST(HttpRequest.BodyPublishers.ofString(
                        "{not json")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertEquals("SerializationException", response.headers().firstValue("x-amzn-ErrorType").orElseThrow());
        assertTrue(response.body().contains("not JSON"), response.body());
    }

    @Test
    void anOperationLocalAwsDoesNotImplementIsNamedInAClearError() {
        LambdaException e = assertThrows(LambdaException.class, () -> lambda.getAccountSettings());
        assertEquals(400, e.statusCode());
        assertEquals("UnknownOperationException", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("/2016-08-19/account-settings"), e.getMessage());
    }

    @Test
    void aPayloadOverSixMegabytesIsTooLargeAndOneThatIsNotJsonIsRefused() {
        server.createFunction("limits", EchoHandler.class);
        byte[] large = ("\"" + "x".repeat(6 * 1024 * 1024) + "\"").getBytes(StandardCharsets.UTF_8);
        RequestTooLargeException tooLarge = assertThrows(RequestTooLargeException.class,
                () -> lambda.invoke(r -> r.functionName("limits").payload(SdkBytes.fromByteArray(large))));
        assertEquals(413, tooLarge.statusCode());
        InvalidRequestContentException notJson = assertThrows(InvalidRequestContentException.class,
                () -> lambda.invoke(r -> r.functionName("limits").payload(SdkBytes.fromUtf8String("{oops"))));
        assertEquals(400, notJson.statusCode());
        assertEquals(0, server.lambda().environments().count("limits"), "neither request started an environment");
    }

    @Test
    void aFunctionWithNoReservedConcurrencyLeftIsThrottled() {
        server.createFunction("throttled", EchoHandler.class);
        lambda.putFunctionConcurrency(r -> r.functionName("throttled").reservedConcurrentExecutions(0));
        TooManyRequestsException e = assertThrows(TooManyRequestsException.class,
                () -> lambda.invoke(r -> r.functionName("throttled").payload(SdkBytes.fromUtf8String("{}"))));
        assertEquals(429, e.statusCode());
        assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded", e.reasonAsString());
    }
}
