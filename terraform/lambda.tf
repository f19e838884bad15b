locals {
  # The package path as given, or relative to this directory (not to wherever terraform is run from).
  lambda_package        = can(regex("^([A-Za-z]:)?[/\\\\]", var.lambda_package_path)) ? var.lambda_package_path : "${path.module}/${var.lambda_package_path}"
  lambda_package_exists = fileexists(local.lambda_package)
}

resource "aws_lambda_function" "state_lambda" {
  function_name = var.function_name
  description   = "Writes each trade of ${var.stream_name} into ${var.table_name} (conditional on Version)."
  role          = aws_iam_role.state_lambda.arn

  runtime       = "java21"
  handler       = "statelab.handler.StateLambda::handleRequest"
  architectures = [var.lambda_architecture]
  memory_size   = var.lambda_memory_mb
  timeout       = var.lambda_timeout_seconds

  filename = local.lambda_package
  # A rebuilt package has a new hash, so Terraform redeploys the code. filebase64sha256 fails on a
  # missing file, which would hide the precondition's clear message (and break `destroy` after a
  # `mvn clean`): only hash a file that exists; the precondition refuses to plan without it.
  source_code_hash = local.lambda_package_exists ? filebase64sha256(local.lambda_package) : null

  environment {
    variables = {
      STATE_TABLE_NAME          = aws_dynamodb_table.state.name
      FAILURE_INJECTION_PERCENT = tostring(var.failure_injection_percent)
    }
  }

  # The log group first (Terraform owns it, see logs.tf), and the permissions before the first
  # invocation; on destroy, the function goes before both.
  depends_on = [
    aws_cloudwatch_log_group.state_lambda,
    aws_iam_role_policy.state_lambda,
  ]

  lifecycle {
    precondition {
      condition     = local.lambda_package_exists
      error_message = "The function's package ${local.lambda_package} does not exist: build it first (`make build`), or set lambda_package_path."
    }
  }
}
