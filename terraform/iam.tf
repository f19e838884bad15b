# The function's execution role and its one inline policy, least privilege: every statement names the
# exact stream, table or log group of this lab; no wildcard action, no "*" resource.

data "aws_iam_policy_document" "assume_role" {
  statement {
    sid     = "LambdaAssumesTheRole"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "state_lambda" {
  name               = var.role_name
  description        = "Execution role of the ${var.function_name} function: read ${var.stream_name}, update ${var.table_name}, write its own logs."
  assume_role_policy = data.aws_iam_policy_document.assume_role.json
}

data "aws_iam_policy_document" "state_lambda" {
  # What Lambda's Kinesis poller calls with the execution role (AWS Lambda developer guide, "Process
  # Amazon Kinesis Data Streams records with Lambda"). All of these accept the stream ARN as resource.
  # Left out on purpose:
  # - kinesis:ListStreams: it lists the account's streams and has no resource-level permission (it
  #   would need "*"); the mapping is given the stream ARN and never lists streams. The current
  #   guide no longer asks for it (AWSLambdaKinesisExecutionRole still grants it, account-wide).
  # - kinesis:SubscribeToShard: only for an enhanced fan-out consumer, which this lab does not use.
  # - kms:Decrypt: the stream is encrypted with the AWS-managed key alias/aws/kinesis (kinesis.tf).
  statement {
    sid    = "ReadTheIncomingStream"
    effect = "Allow"
    actions = [
      "kinesis:DescribeStream",
      "kinesis:DescribeStreamSummary",
      "kinesis:GetRecords",
      "kinesis:GetShardIterator",
      "kinesis:ListShards",
    ]
    resources = [aws_kinesis_stream.incoming.arn]
  }

  # The handler's only call: a conditional UpdateItem per record (design.md, "Write rule").
  statement {
    sid       = "UpdateTheStateTable"
    effect    = "Allow"
    actions   = ["dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.state.arn]
  }

  # The function's own log group only. Lambda names the log streams itself
  # (<date>/[$LATEST]<id>), so the streams are the one place a name cannot be given: ":*" after this
  # group's ARN, as in the policies Lambda itself generates. No logs:CreateLogGroup: Terraform creates
  # the group (logs.tf), and a role that cannot create it cannot resurrect it after destroy.
  statement {
    sid    = "WriteOwnLogs"
    effect = "Allow"
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
    ]
    resources = ["${aws_cloudwatch_log_group.state_lambda.arn}:*"]
  }
}

resource "aws_iam_role_policy" "state_lambda" {
  name   = "${var.function_name}-least-privilege"
  role   = aws_iam_role.state_lambda.id
  policy = data.aws_iam_policy_document.state_lambda.json
}
