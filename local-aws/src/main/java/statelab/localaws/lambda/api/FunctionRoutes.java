package statelab.localaws.lambda.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import statelab.localaws.edge.AwsException;
import statelab.localaws.edge.AwsRequest;
import statelab.localaws.edge.AwsResponse;
import statelab.localaws.lambda.code.CodeSha256;
import statelab.localaws.lambda.function.FunctionLocator;
import statelab.localaws.lambda.function.FunctionRecord;
import statelab.localaws.protocol.Input;
import statelab.localaws.protocol.Json;
import statelab.localaws.protocol.RestJsonRouter;

/**
 * The function resource itself: CreateFunction, GetFunction, GetFunctionConfiguration, DeleteFunction,
 * ListFunctions and ListVersionsByFunction (only {@code $LATEST} exists: local-aws does not publish versions).
 */
final class FunctionRoutes {
    static final String CODE_ROUTE = "lambda-code";
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9-_]{1,64}");
    private static final int DEFAULT_PAGE = 50;

    private final ApiContext api;
    private final Consumer<String> roleCheck;

    FunctionRoutes(ApiContext api, Consumer<String> roleCheck) {
        this.api = api;
        this.roleCheck = roleCheck;
    }

    void register(RestJsonRouter router) {
        router.add("POST", "/2015-03-31/functions", this::create);
        router.add("GET", "/2015-03-31/functions", this::list);
        router.add("GET", "/2015-03-31/functions/{FunctionName}", this::get);
        router.add("GET", "/2015-03-31/functions/{FunctionName}/configuration", this::getConfiguration);
        router.add("DELETE", "/2015-03-31/functions/{FunctionName}", this::delete);
        router.add("GET", "/2015-03-31/functions/{FunctionName}/versions", this::listVersions);
    }

    private AwsResponse create(AwsRequest request, Map<String, String> path) {
        Input in = new Input(Json.readRequestObject(request.body()));
        FunctionLocator locator = FunctionLocator.parse(in.optionalString("FunctionName").orElse(null));
        if (locator.qualifier() != null || !NAME.matcher(locator.name()).matches()) {
            throw AwsException.validation("1 validation error detected: Value '" + locator.name() + "' at"
                    + " 'functionName' failed to satisfy constraint: a function name is 1 to 64 letters, digits,"
                    + " hyphens or underscores, without a qualifier");
        }
        String packageType = in.optionalString("PackageType").orElse("Zip");
        if (!packageType.equals("Zip")) {
            throw Unsupported.option("PackageType " + packageType, "only Zip packages (Code.ZipFile)");
        }
        if (in.optionalBoolean("Publish").orElse(false)) {
            throw Unsupported.option("Publish (function versions)", "only $LATEST");
        }
        if (in.optionalString("CodeSigningConfigArn").filter(arn -> !arn.isEmpty()).isPresent()) {
            throw Unsupported.option("CodeSigningConfigArn", "packages are not signed");
        }
        byte[] zip = zipFile(in.optionalObject("Code").orElseThrow(() -> Input.missing("Code")));
        String region = locator.region() != null ? locator.region() : api.region(request);
        FunctionRecord.Builder function = new FunctionRecord.Builder()
                .name(locator.name())
                .region(region)
                .logGroup("/aws/lambda/" + locator.name())
                .architectures(FunctionConfigurationInput.architectures(in).orElse(List.of("x86_64")))
                .tags(FunctionConfigurationInput.stringMap(in.node().get("Tags"), "Tags"));
        FunctionConfigurationInput.apply(in, function, true, roleCheck);
        FunctionRecord created = api.lifecycle().create(function, zip);
        return RestJsonRouter.json(201, FunctionJson.configuration(created, api.registry().arn(created),
                api.nowMillis(), FunctionJson.Reply.CREATED));
    }

    private AwsResponse get(AwsRequest request, Map<String, String> path) {
        FunctionRecord function = api.function(request, path);
        ObjectNode body = Json.object();
        body.set("Configuration", configuration(function));
        ObjectNode code = body.putObject("Code");
        code.put("RepositoryType", "S3");
        code.put("Location", api.endpoint() + "/_localaws/" + CODE_ROUTE + "/"
                + new CodeSha256(function.codeSha256()).hex() + ".zip");
        if (!function.tags().isEmpty()) {
            body.set("Tags", FunctionJson.stringMap(function.tags()));
        }
        if (function.reservedConcurrency() != null) {
            body.putObject("Concurrency").put("ReservedConcurrentExecutions", function.reservedConcurrency());
        }
        return RestJsonRouter.json(200, body);
    }

    private AwsResponse getConfiguration(AwsRequest request, Map<String, String> path) {
        return RestJsonRouter.json(200, configuration(api.function(request, path)));
    }

    private AwsResponse delete(AwsRequest request, Map<String, String> path) {
        String qualifier = request.queryParam("Qualifier");
        if (FunctionLocator.LATEST.equals(qualifier)) {
            throw AwsException.invalidParameter("$LATEST version cannot be deleted without deleting the function.");
        }
        api.lifecycle().delete(api.function(request, path));
        return AwsResponse.empty(204);
    }

    private AwsResponse list(AwsRequest request, Map<String, String> path) {
        if (request.queryParam("MasterRegion") != null) {
            throw Unsupported.option("ListFunctions MasterRegion (Lambda@Edge)", "functions of this endpoint only");
        }
        List<FunctionRecord> all = api.registry().list();
        return RestJsonRouter.json(200, page("Functions", all, request));
    }

    private AwsResponse listVersions(AwsRequest request, Map<String, String> path) {
        FunctionRecord function = api.function(request, path);
        return RestJsonRouter.json(200, page("Versions", List.of(function), request));
    }

    /** One page of configurations; the marker is the name of the first function of the next page. */
    private ObjectNode page(String member, List<FunctionRecord> functions, AwsRequest request) {
        int maxItems = maxItems(request.queryParam("MaxItems"));
        String marker = request.queryParam("Marker");
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray(member);
        int added = 0;
        for (FunctionRecord function : functions) {
            if (marker != null && function.name().compareTo(marker) < 0) {
                continue;
            }
            if (added == maxItems) {
                body.put("NextMarker", function.name());
                break;
            }
            items.add(configuration(function));
            added++;
        }
        return body;
    }

    private static int maxItems(String text) {
        if (text == null) {
            return DEFAULT_PAGE;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw AwsException.validation("1 validation error detected: Value '" + text + "' at 'maxItems' failed to"
                    + " satisfy constraint: Member must be a number");
        }
        if (value < 1 || value > 10_000) {
            throw Input.outOfRange("MaxItems", value, 1, 10_000);
        }
        return (int) value;
    }

    private ObjectNode configuration(FunctionRecord function) {
        return FunctionJson.configuration(function, api.registry().arn(function), api.nowMillis());
    }

    /** Code.ZipFile, base64 in the JSON; code from S3 or an image is refused by name. */
    static byte[] zipFile(ObjectNode code) {
        Input in = new Input(code);
        for (String s3 : List.of("S3Bucket", "S3Key", "S3ObjectVersion")) {
            if (in.has(s3)) {
                throw Unsupported.option("Code." + s3 + " (code from S3)", "upload the zip in Code.ZipFile");
            }
        }
        if (in.has("ImageUri")) {
            throw Unsupported.option("Code.ImageUri (container images)", "only Zip packages (Code.ZipFile)");
        }
        if (in.has("SourceKMSKeyArn")) {
            throw Unsupported.option("Code.SourceKMSKeyArn", "packages are stored unencrypted in the data folder");
        }
        String base64 = in.optionalString("ZipFile").orElseThrow(() -> AwsException.invalidParameter(
                "Please provide a source for function code."));
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw AwsException.malformedBody("'ZipFile' is not base64 (" + e.getMessage() + ")");
        }
    }
}
