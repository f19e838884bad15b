package statelab.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab's Terraform outputs, as {@code terraform output -json} prints them:
 * {@code {"stream_name": {"value": "IncomingDataStream", "type": "string", "sensitive": false}, ...}}.
 * Only string values are kept. Each setting verify-lab needs has the output names it is read from, the first
 * present one wins (terraform/outputs.tf names outputs {@code <resource>_<attribute>}).
 */
public record TerraformOutputs(Map<String, String> values) {

    /** Output names per setting, in order of preference. */
    public enum Name {
        REGION("region_name", "region", "aws_region"),
        STREAM_NAME("stream_name", "kinesis_stream_name"),
        STREAM_ARN("stream_arn", "kinesis_stream_arn"),
        TABLE_NAME("table_name", "dynamodb_table_name", "state_table_name"),
        FUNCTION_NAME("function_name", "lambda_function_name"),
        MAPPING_UUID("event_source_mapping_uuid", "event_source_mapping_id"),
        LOG_GROUP_NAME("log_group_name", "cloudwatch_log_group_name");

        private final List<String> outputNames;

        Name(String... outputNames) {
            this.outputNames = List.of(outputNames);
        }

        public List<String> outputNames() {
            return outputNames;
        }
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    public static final TerraformOutputs NONE = new TerraformOutputs(Map.of());

    public TerraformOutputs {
        values = Map.copyOf(values);
    }

    public Optional<String> get(Name name) {
        for (String outputName : name.outputNames()) {
            String value = values.get(outputName);
            if (value != null && !value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Reads an outputs file.
     *
     * @throws PreflightException when the file is missing or is not what {@code terraform output -json} prints
     */
    public static TerraformOutputs read(Path file, String advice) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new PreflightException("There are no Terraform outputs at " + file + ": " + advice
                    + ", or name the resources with --stream, --table and --function.", e);
        } catch (IOException e) {
            throw new PreflightException("Cannot read the Terraform outputs " + file + " (" + e.getMessage() + "): "
                    + advice + ", or name the resources with --stream, --table and --function.", e);
        }
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new PreflightException("The Terraform outputs " + file + " are not what `terraform output -json` "
                    + "prints (" + e.getMessage() + "): " + advice + ".", e);
        }
    }

    /** @throws IllegalArgumentException when the text is not a {@code terraform output -json} document */
    public static TerraformOutputs parse(String text) {
        if (text.isBlank()) {
            // terraform prints nothing at all in some versions when there is no state
            return NONE;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode output = field.getValue();
            if (!output.isObject() || !output.has("value")) {
                throw new IllegalArgumentException("output " + field.getKey() + " has no \"value\"");
            }
            JsonNode value = output.get("value");
            if (value.isTextual()) {
                values.put(field.getKey(), value.textValue());
            }
        }
        return new TerraformOutputs(values);
    }
}
