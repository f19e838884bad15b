package statelab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import statelab.verify.TerraformOutputs.Name;

class TerraformOutputsTest {
    /** What `terraform output -json` prints (terraform 1.11) for terraform/outputs.tf, plus a number and a map. */
    static final String OUTPUTS = """
            {
              "account_id": {"sensitive": false, "type": "string", "value": "000000000000"},
              "event_source_mapping_uuid": {"sensitive": false, "type": "string", "value": "4c3a1e57-uuid"},
              "function_arn": {"sensitive": false, "type": "string", "value": "arn:aws:lambda:us-east-1:000000000000:function:StateLambda"},
              "function_name": {"sensitive": false, "type": "string", "value": "StateLambda"},
              "log_group_name": {"sensitive": false, "type": "string", "value": "/aws/lambda/StateLambda"},
              "region_name": {"sensitive": false, "type": "string", "value": "us-east-1"},
              "role_name": {"sensitive": false, "type": "string", "value": "StateLambdaRole"},
              "stream_arn": {"sensitive": false, "type": "string", "value": "arn:aws:kinesis:us-east-1:000000000000:stream/IncomingDataStream"},
              "stream_name": {"sensitive": false, "type": "string", "value": "IncomingDataStream"},
              "stream_shard_count": {"sensitive": false, "type": "number", "value": 2},
              "table_arn": {"sensitive": false, "type": "string", "value": "arn:aws:dynamodb:us-east-1:000000000000:table/StateTable"},
              "table_name": {"sensitive": false, "type": "string", "value": "StateTable"},
              "table_stream_arn": {"sensitive": false, "type": "string", "value": null},
              "tags": {"sensitive": false, "type": ["map", "string"], "value": {"Project": "statelab"}}
            }
            """;

    @TempDir
    Path dir;

    @Test
    void readsStringOutputsByTheirNames() {
        TerraformOutputs outputs = TerraformOutputs.parse(OUTPUTS);
        assertEquals(Optional.of("IncomingDataStream"), outputs.get(Name.STREAM_NAME));
        assertEquals(Optional.of("StateTable"), outputs.get(Name.TABLE_NAME));
        assertEquals(Optional.of("StateLambda"), outputs.get(Name.FUNCTION_NAME));
        assertEquals(Optional.of("us-east-1"), outputs.get(Name.REGION));
        assertEquals(Optional.of("4c3a1e57-uuid"), outputs.get(Name.MAPPING_UUID));
        assertEquals(Optional.of("/aws/lambda/StateLambda"), outputs.get(Name.LOG_GROUP_NAME));
        assertEquals(11, outputs.values().size(), "numbers, maps and nulls are not settings");
    }

    @Test
    void alternativeNamesAreReadWhenThePreferredOneIsAbsent() {
        TerraformOutputs outputs = TerraformOutputs.parse("""
                {"kinesis_stream_name": {"value": "S"}, "dynamodb_table_name": {"value": "T"},
                 "lambda_function_name": {"value": "F"}, "aws_region": {"value": "eu-west-1"}}""");
        assertEquals(Optional.of("S"), outputs.get(Name.STREAM_NAME));
        assertEquals(Optional.of("T"), outputs.get(Name.TABLE_NAME));
        assertEquals(Optional.of("F"), outputs.get(Name.FUNCTION_NAME));
        assertEquals(Optional.of("eu-west-1"), outputs.get(Name.REGION));
    }

    @Test
    void noStateMeansNoOutputs() {
        assertTrue(TerraformOutputs.parse("{}\n").isEmpty());
        assertTrue(TerraformOutputs.parse("").isEmpty());
    }

    @Test
    void somethingElseIsRefusedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TerraformOutputs.parse("Error: no state"))
                .getMessage().startsWith("not JSON"));
        assertEquals("not a JSON object", assertThrows(IllegalArgumentException.class,
                () -> TerraformOutputs.parse("[1]")).getMessage());
        assertEquals("output stream_name has no \"value\"", assertThrows(IllegalArgumentException.class,
                () -> TerraformOutputs.parse("{\"stream_name\": \"IncomingDataStream\"}")).getMessage());
    }

    @Test
    void optionsOverrideTheOutputsAndAMappingFoundThereOnlyCountsForTheSameStreamAndFunction() throws Exception {
        Path file = Files.writeString(dir.resolve("outputs.json"), OUTPUTS);
        LabTarget fromOutputs = resolve("--outputs", file.toString());
        assertEquals(new LabTarget("IncomingDataStream", "StateTable", "StateLambda", "us-east-1", null, null,
                "4c3a1e57-uuid", "/aws/lambda/StateLambda"), fromOutputs);

        LabTarget overridden = resolve("--outputs", file.toString(), "--function", "Other", "--region", "eu-west-1",
                "--endpoint-url", "http://127.0.0.1:4566", "--profile", "lab");
        assertEquals(new LabTarget("IncomingDataStream", "StateTable", "Other", "eu-west-1",
                URI.create("http://127.0.0.1:4566"), "lab", null, "/aws/lambda/Other"), overridden);
    }

    @Test
    void theOutputsFileComesFromTheEnvironmentWhenNotGiven() throws Exception {
        Path file = Files.writeString(dir.resolve("outputs.json"), OUTPUTS);
        LabOptions options = new LabOptions();
        new CommandLine(options).parseArgs();
        LabTarget target = LabTarget.resolve(options, Environment.of(Map.of(Environment.OUTPUTS, file.toString()),
                false));
        assertEquals("IncomingDataStream", target.streamName());
    }

    @Test
    void withEveryResourceNamedABrokenOutputsFileOnlyLosesItsDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("outputs.json"), "garbage");
        LabOptions options = new LabOptions();
        new CommandLine(options).parseArgs("--stream", "S", "--table", "T", "--function", "F");
        LabTarget target = LabTarget.resolve(options, Environment.of(Map.of(Environment.OUTPUTS, file.toString()),
                false));
        assertEquals(new LabTarget("S", "T", "F", null, null, null, null, "/aws/lambda/F"), target);
    }

    private static LabTarget resolve(String... args) {
        LabOptions options = new LabOptions();
        new CommandLine(options).parseArgs(args);
        return LabTarget.resolve(options, Environment.of(Map.of(), false));
    }
}
