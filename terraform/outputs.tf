# What the lab created, for people and for `verify-lab` (which reads `terraform output -json`).
# The names are a contract: keep them stable; they are listed in README.md.

output "region_name" {
  description = "AWS region of every resource of the lab."
  value       = data.aws_region.current.name
}

output "account_id" {
  description = "AWS account the lab lives in (local-aws answers with its own fixed account)."
  value       = data.aws_caller_identity.current.account_id
}

output "stream_name" {
  description = "Name of the Kinesis data stream to put trades on."
  value       = aws_kinesis_stream.incoming.name
}

output "stream_arn" {
  description = "ARN of the Kinesis data stream."
  value       = aws_kinesis_stream.incoming.arn
}

output "table_name" {
  description = "Name of the DynamoDB table the function writes, one item per TradeID."
  value       = aws_dynamodb_table.state.name
}

output "table_arn" {
  description = "ARN of the DynamoDB table."
  value       = aws_dynamodb_table.state.arn
}

output "table_stream_arn" {
  description = "ARN of the table's DynamoDB stream (NEW_AND_OLD_IMAGES), or null when table_stream_enabled is false."
  value       = var.table_stream_enabled ? aws_dynamodb_table.state.stream_arn : null
}

output "function_name" {
  description = "Name of the Lambda function."
  value       = aws_lambda_function.state_lambda.function_name
}

output "function_arn" {
  description = "ARN of the Lambda function."
  value       = aws_lambda_function.state_lambda.arn
}

output "role_name" {
  description = "Name of the function's IAM execution role."
  value       = aws_iam_role.state_lambda.name
}

output "event_source_mapping_uuid" {
  description = "UUID of the event source mapping from the stream to the function (for `aws lambda get-event-source-mapping --uuid`)."
  value       = aws_lambda_event_source_mapping.incoming_to_state_lambda.uuid
}

output "log_group_name" {
  description = "Name of the function's CloudWatch Logs log group."
  value       = aws_cloudwatch_log_group.state_lambda.name
}
