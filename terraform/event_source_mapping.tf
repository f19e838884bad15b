# The workshop's step: connect the stream to the function, batches of 100.
resource "aws_lambda_event_source_mapping" "incoming_to_state_lambda" {
  event_source_arn = aws_kinesis_stream.incoming.arn
  function_name    = aws_lambda_function.state_lambda.arn
  enabled          = true

  batch_size                         = var.batch_size
  maximum_batching_window_in_seconds = var.maximum_batching_window_seconds
  parallelization_factor             = var.parallelization_factor
  starting_position                  = var.starting_position
  starting_position_timestamp        = var.starting_position == "AT_TIMESTAMP" ? var.starting_position_timestamp : null

  # The handler answers with batchItemFailures naming the first record that failed; without this the
  # answer would be ignored and a partly failed batch counted as a success.
  function_response_types = ["ReportBatchItemFailures"]
  # On a function error, split the batch to isolate the record that fails (does not use up retries).
  bisect_batch_on_function_error = true
  # Bounded, so a batch that keeps failing cannot block its shard until the records expire.
  maximum_retry_attempts        = var.maximum_retry_attempts
  maximum_record_age_in_seconds = var.maximum_record_age_seconds

  # The first poll runs with the role's permissions: without the policy in place the mapping starts
  # with AccessDenied (on AWS, CreateEventSourceMapping itself checks that the role can read the stream).
  depends_on = [aws_iam_role_policy.state_lambda]

  lifecycle {
    precondition {
      condition     = (var.starting_position == "AT_TIMESTAMP") == (var.starting_position_timestamp != null)
      error_message = "starting_position_timestamp must be set when starting_position is AT_TIMESTAMP, and only then."
    }
  }
}
