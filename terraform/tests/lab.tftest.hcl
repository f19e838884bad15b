# The lab's configuration, checked offline with a mocked aws provider: no credentials, no network, no
# package build (a committed fixture zip stands in for handler/target/state-lambda.zip).
# The IAM policy's JSON is checked in iam_policy.tftest.hcl (a mock cannot render it).

mock_provider "aws" {
  mock_data "aws_caller_identity" {
    defaults = {
      account_id = "123456789012"
      arn        = "arn:aws:iam::123456789012:user/tester"
      user_id    = "AIDATESTTESTTESTTEST"
    }
  }
  mock_data "aws_region" {
    defaults = {
      name = "us-east-1"
    }
  }
  # a mock renders no policy JSON, but the provider still validates that roles and policies get JSON
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }
  # realistic ARNs: the provider validates the ARNs one resource passes to another
  mock_resource "aws_kinesis_stream" {
    defaults = {
      arn = "arn:aws:kinesis:us-east-1:123456789012:stream/IncomingDataStream"
    }
  }
  mock_resource "aws_dynamodb_table" {
    defaults = {
      arn        = "arn:aws:dynamodb:us-east-1:123456789012:table/StateTable"
      stream_arn = "arn:aws:dynamodb:us-east-1:123456789012:table/StateTable/stream/2026-12-04T00:00:00.000"
    }
  }
  mock_resource "aws_iam_role" {
    defaults = {
      arn = "arn:aws:iam::123456789012:role/StateLambdaRole"
    }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = {
      arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/StateLambda"
    }
  }
  mock_resource "aws_lambda_function" {
    defaults = {
      arn = "arn:aws:lambda:us-east-1:123456789012:function:StateLambda"
    }
  }
  mock_resource "aws_lambda_event_source_mapping" {
    defaults = {
      uuid = "a1b2c3d4-0000-4000-8000-000000000001"
      arn  = "arn:aws:lambda:us-east-1:123456789012:event-source-mapping:a1b2c3d4-0000-4000-8000-000000000001"
    }
  }
}

variables {
  lambda_package_path = "tests/fixtures/state-lambda.zip"
}

# ------------------------------------------------------------------------------ defaults = the workshop

run "defaults_reproduce_the_workshop_step" {
  command = plan

  # the mapping: batch size 100, partial batch failures, bisect, bounded retries, from the oldest record
  assert {
    condition     = aws_lambda_event_source_mapping.incoming_to_state_lambda.batch_size == 100
    error_message = "The default batch size must be 100 (the workshop's value)."
  }
  assert {
    condition     = contains(aws_lambda_event_source_mapping.incoming_to_state_lambda.function_response_types, "ReportBatchItemFailures")
    error_message = "The mapping must report batch item failures: the handler answers with batchItemFailures."
  }
  assert {
    condition     = aws_lambda_event_source_mapping.incoming_to_state_lambda.bisect_batch_on_function_error == true
    error_message = "The mapping must bisect a batch on function error."
  }
  assert {
    condition     = aws_lambda_event_source_mapping.incoming_to_state_lambda.starting_position == "TRIM_HORIZON"
    error_message = "The mapping must start at TRIM_HORIZON by default, so no record put right after apply is missed."
  }
  assert {
    condition = (
      aws_lambda_event_source_mapping.incoming_to_state_lambda.maximum_retry_attempts >= 0 &&
      aws_lambda_event_source_mapping.incoming_to_state_lambda.maximum_record_age_in_seconds >= 60
    )
    error_message = "Retries and record age must be bounded by default (not -1)."
  }
  assert {
    condition     = aws_lambda_event_source_mapping.incoming_to_state_lambda.parallelization_factor == 1 && aws_lambda_event_source_mapping.incoming_to_state_lambda.maximum_batching_window_in_seconds == 0
    error_message = "Defaults: parallelization factor 1, no batching window."
  }
  assert {
    condition     = aws_lambda_event_source_mapping.incoming_to_state_lambda.starting_position_timestamp == null
    error_message = "No starting position timestamp unless AT_TIMESTAMP."
  }

  # the stream
  assert {
    condition     = aws_kinesis_stream.incoming.name == "IncomingDataStream" && aws_kinesis_stream.incoming.shard_count == 2
    error_message = "The stream must be IncomingDataStream with 2 shards by default."
  }
  assert {
    condition     = aws_kinesis_stream.incoming.stream_mode_details[0].stream_mode == "PROVISIONED" && aws_kinesis_stream.incoming.retention_period == 24
    error_message = "The stream must be provisioned with 24 h retention by default."
  }
  assert {
    condition     = aws_kinesis_stream.incoming.encryption_type == "KMS" && aws_kinesis_stream.incoming.kms_key_id == "alias/aws/kinesis"
    error_message = "The stream must be encrypted with the AWS-managed key alias/aws/kinesis."
  }

  # the table
  assert {
    condition     = aws_dynamodb_table.state.name == "StateTable" && aws_dynamodb_table.state.billing_mode == "PAY_PER_REQUEST"
    error_message = "The table must be StateTable, on demand."
  }
  assert {
    condition = (
      aws_dynamodb_table.state.hash_key == "id" &&
      length(aws_dynamodb_table.state.attribute) == 1 &&
      one([for a in aws_dynamodb_table.state.attribute : a.type if a.name == "id"]) == "S"
    )
    error_message = "The table's partition key must be id, of type string (S)."
  }
  assert {
    condition     = aws_dynamodb_table.state.stream_enabled == false
    error_message = "The table's stream must be off by default."
  }

  # the function
  assert {
    condition     = lookup(aws_lambda_function.state_lambda.environment[0].variables, "STATE_TABLE_NAME", "") == "StateTable"
    error_message = "The function must get STATE_TABLE_NAME = the table's name."
  }
  assert {
    condition     = lookup(aws_lambda_function.state_lambda.environment[0].variables, "FAILURE_INJECTION_PERCENT", "") == "0"
    error_message = "The function must get FAILURE_INJECTION_PERCENT = 0 by default."
  }
  assert {
    condition = (
      aws_lambda_function.state_lambda.function_name == "StateLambda" &&
      aws_lambda_function.state_lambda.runtime == "java21" &&
      aws_lambda_function.state_lambda.handler == "statelab.handler.StateLambda::handleRequest"
    )
    error_message = "The function must be StateLambda, java21, handler statelab.handler.StateLambda::handleRequest."
  }
  assert {
    condition     = aws_lambda_function.state_lambda.source_code_hash == filebase64sha256("tests/fixtures/state-lambda.zip")
    error_message = "source_code_hash must be the package's base64 SHA-256, so a rebuild redeploys."
  }

  # the log group
  assert {
    condition     = aws_cloudwatch_log_group.state_lambda.name == "/aws/lambda/StateLambda" && aws_cloudwatch_log_group.state_lambda.retention_in_days == 7
    error_message = "The log group must be /aws/lambda/StateLambda with a retention (7 days by default)."
  }
}

run "outputs_name_what_verify_lab_reads" {
  command = apply

  assert {
    condition     = output.stream_name == "IncomingDataStream" && output.table_name == "StateTable" && output.function_name == "StateLambda"
    error_message = "stream_name, table_name and function_name outputs are wrong."
  }
  assert {
    condition     = output.log_group_name == "/aws/lambda/StateLambda"
    error_message = "log_group_name output is wrong."
  }
  assert {
    condition     = output.region_name == "us-east-1" && output.account_id == "123456789012"
    error_message = "region_name and account_id outputs must come from the provider's region and caller identity."
  }
  assert {
    condition     = output.event_source_mapping_uuid == "a1b2c3d4-0000-4000-8000-000000000001"
    error_message = "event_source_mapping_uuid output must be the mapping's UUID."
  }
  assert {
    condition     = output.stream_arn == aws_kinesis_stream.incoming.arn && output.table_stream_arn == null
    error_message = "stream_arn must be the stream's ARN; table_stream_arn null while the table's stream is off."
  }
}

# `destroy` (a refresh, then a destroy plan) must work after `mvn clean` removed the package: the
# refresh only warns about the precondition, and filebase64sha256 is never called on the missing file.
run "refresh_works_without_the_package" {
  command = plan
  plan_options {
    mode = refresh-only
  }
  variables {
    lambda_package_path = "tests/fixtures/does-not-exist.zip"
  }
}

# ----------------------------------------------------------------------------------- other good values

run "on_demand_stream_has_no_shard_count" {
  command = plan
  variables {
    stream_mode = "ON_DEMAND"
  }
  assert {
    condition     = aws_kinesis_stream.incoming.shard_count == null && aws_kinesis_stream.incoming.stream_mode_details[0].stream_mode == "ON_DEMAND"
    error_message = "An ON_DEMAND stream must not set shard_count."
  }
}

run "table_stream_can_be_turned_on_for_later_steps" {
  command = plan
  variables {
    table_stream_enabled = true
  }
  assert {
    condition     = aws_dynamodb_table.state.stream_enabled == true && aws_dynamodb_table.state.stream_view_type == "NEW_AND_OLD_IMAGES"
    error_message = "table_stream_enabled must turn on the table's stream with NEW_AND_OLD_IMAGES."
  }
}

run "names_and_knobs_reach_the_resources" {
  command = plan
  variables {
    function_name               = "OtherLambda"
    table_name                  = "OtherTable"
    batch_size                  = 10000
    failure_injection_percent   = 5
    starting_position           = "AT_TIMESTAMP"
    starting_position_timestamp = "2026-12-04T10:00:00Z"
    maximum_retry_attempts      = -1
    maximum_record_age_seconds  = -1
  }
  assert {
    condition     = aws_cloudwatch_log_group.state_lambda.name == "/aws/lambda/OtherLambda"
    error_message = "The log group must follow the function's name."
  }
  assert {
    condition     = aws_lambda_function.state_lambda.environment[0].variables["STATE_TABLE_NAME"] == "OtherTable"
    error_message = "STATE_TABLE_NAME must follow the table's name."
  }
  assert {
    condition     = aws_lambda_function.state_lambda.environment[0].variables["FAILURE_INJECTION_PERCENT"] == "5"
    error_message = "FAILURE_INJECTION_PERCENT must follow failure_injection_percent."
  }
  assert {
    condition     = aws_lambda_event_source_mapping.incoming_to_state_lambda.batch_size == 10000
    error_message = "batch_size must reach the mapping."
  }
  assert {
    condition     = aws_lambda_event_source_mapping.incoming_to_state_lambda.starting_position_timestamp == "2026-12-04T10:00:00Z"
    error_message = "The timestamp must reach the mapping with AT_TIMESTAMP."
  }
}

# ---------------------------------------------------------------- bad values are refused, before any call
# Each run sets several bad values and expects every one of them to be refused by its own variable's
# validation (a validation that stopped refusing would show up as a missing expected failure).

run "refuses_batch_size_0_and_values_below_the_aws_minimum" {
  command = plan
  variables {
    batch_size                 = 0
    shard_count                = 0
    maximum_retry_attempts     = -2
    maximum_record_age_seconds = 59
    parallelization_factor     = 0
    lambda_memory_mb           = 64
    lambda_timeout_seconds     = 0
    stream_retention_hours     = 12
    failure_injection_percent  = -1
  }
  expect_failures = [
    var.batch_size,
    var.shard_count,
    var.maximum_retry_attempts,
    var.maximum_record_age_seconds,
    var.parallelization_factor,
    var.lambda_memory_mb,
    var.lambda_timeout_seconds,
    var.stream_retention_hours,
    var.failure_injection_percent,
  ]
}

run "refuses_batch_size_10001_and_values_above_the_aws_maximum" {
  command = plan
  variables {
    batch_size                      = 10001
    maximum_retry_attempts          = 10001
    maximum_record_age_seconds      = 604801
    maximum_batching_window_seconds = 301
    parallelization_factor          = 11
    lambda_memory_mb                = 10241
    lambda_timeout_seconds          = 901
    stream_retention_hours          = 8761
    failure_injection_percent       = 101
  }
  expect_failures = [
    var.batch_size,
    var.maximum_retry_attempts,
    var.maximum_record_age_seconds,
    var.maximum_batching_window_seconds,
    var.parallelization_factor,
    var.lambda_memory_mb,
    var.lambda_timeout_seconds,
    var.stream_retention_hours,
    var.failure_injection_percent,
  ]
}

# -1 means "unlimited" for both; 0 is a valid retry count but not a valid record age (AWS: 60..604800)
run "refuses_record_age_0_and_fractional_counts" {
  command = plan
  variables {
    maximum_record_age_seconds = 0
    batch_size                 = 99.5
    shard_count                = 1.5
    maximum_retry_attempts     = 2.5
  }
  expect_failures = [
    var.maximum_record_age_seconds,
    var.batch_size,
    var.shard_count,
    var.maximum_retry_attempts,
  ]
}

run "refuses_an_unknown_starting_position_and_other_values_outside_their_set" {
  command = plan
  variables {
    starting_position           = "EARLIEST"
    starting_position_timestamp = "yesterday"
    stream_mode                 = "SERVERLESS"
    lambda_architecture         = "sparc"
    log_retention_days          = 8
  }
  expect_failures = [
    var.starting_position,
    var.starting_position_timestamp,
    var.stream_mode,
    var.lambda_architecture,
    var.log_retention_days,
  ]
}

run "refuses_malformed_names" {
  command = plan
  variables {
    stream_name         = "Incoming Data Stream"
    table_name          = "ab"
    function_name       = "arn:aws:lambda:us-east-1:123456789012:function:StateLambda"
    role_name           = "role/with/slashes"
    region              = "mars"
    lambda_package_path = "../handler/target/state-lambda.jar"
    tags                = { "aws:owner" = "me" }
  }
  expect_failures = [
    var.stream_name,
    var.table_name,
    var.function_name,
    var.role_name,
    var.region,
    var.lambda_package_path,
    var.tags,
  ]
}

# Checks across variables live in preconditions (variable validations may only see their own value
# before Terraform 1.9).
run "refuses_at_timestamp_without_timestamp" {
  command = plan
  variables {
    starting_position = "AT_TIMESTAMP"
  }
  expect_failures = [aws_lambda_event_source_mapping.incoming_to_state_lambda]
}

run "refuses_a_timestamp_without_at_timestamp" {
  command = plan
  variables {
    starting_position_timestamp = "2026-12-04T10:00:00Z"
  }
  expect_failures = [aws_lambda_event_source_mapping.incoming_to_state_lambda]
}

# A missing package is refused by the function's precondition, with a message that says to build it,
# instead of filebase64sha256's "no file exists" error.
run "refuses_to_plan_without_the_package" {
  command = plan
  variables {
    lambda_package_path = "tests/fixtures/does-not-exist.zip"
  }
  expect_failures = [aws_lambda_function.state_lambda]
}
