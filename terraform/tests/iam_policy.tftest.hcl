# The execution role's policy, checked in the JSON IAM would receive.
#
# A mocked provider cannot do this: it answers aws_iam_policy_document with a random string. So this
# file renders the policy with the real aws provider's aws_iam_policy_document, which is computed
# locally, and replaces every resource and the one remote data source with overrides: Terraform calls
# no API. To keep it that way even if the configuration grows, the provider below is configured for
# nothing real: fake credentials, no credential or account check, and every endpoint on a closed
# loopback port, so a stray API call fails at once instead of reaching AWS.

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "offline-test"
  secret_key                  = "offline-test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  max_retries                 = 1

  endpoints {
    dynamodb = "http://127.0.0.1:9"
    iam      = "http://127.0.0.1:9"
    kinesis  = "http://127.0.0.1:9"
    lambda   = "http://127.0.0.1:9"
    logs     = "http://127.0.0.1:9"
    sts      = "http://127.0.0.1:9"
  }
}

variables {
  lambda_package_path = "tests/fixtures/state-lambda.zip"
}

override_data {
  target = data.aws_caller_identity.current
  values = {
    account_id = "123456789012"
    arn        = "arn:aws:iam::123456789012:user/tester"
    user_id    = "AIDATESTTESTTESTTEST"
  }
}

override_resource {
  target = aws_kinesis_stream.incoming
  values = {
    arn = "arn:aws:kinesis:us-east-1:123456789012:stream/IncomingDataStream"
  }
}

override_resource {
  target = aws_dynamodb_table.state
  values = {
    arn = "arn:aws:dynamodb:us-east-1:123456789012:table/StateTable"
  }
}

override_resource {
  target = aws_cloudwatch_log_group.state_lambda
  values = {
    arn = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/StateLambda"
  }
}

override_resource {
  target = aws_iam_role.state_lambda
  values = {
    arn = "arn:aws:iam::123456789012:role/StateLambdaRole"
    id  = "StateLambdaRole"
  }
}

override_resource {
  target = aws_iam_role_policy.state_lambda
}

override_resource {
  target = aws_lambda_function.state_lambda
  values = {
    arn = "arn:aws:lambda:us-east-1:123456789012:function:StateLambda"
  }
}

override_resource {
  target = aws_lambda_event_source_mapping.incoming_to_state_lambda
  values = {
    uuid = "a1b2c3d4-0000-4000-8000-000000000001"
  }
}

run "execution_role_policy_is_least_privilege" {
  # apply: the policy document is read once the ARNs it names are known (overrides, no API call)
  command = apply

  # no wildcard action; no wildcard resource, except the log streams of the function's own log group
  # (Lambda names them itself, so ":*" after that group's ARN is the narrowest possible)
  assert {
    condition = alltrue(flatten([
      for s in jsondecode(data.aws_iam_policy_document.state_lambda.json).Statement : [
        for a in flatten([s.Action]) : !strcontains(a, "*")
      ]
    ]))
    error_message = "A policy statement has a wildcard action: ${data.aws_iam_policy_document.state_lambda.json}"
  }
  assert {
    condition = alltrue(flatten([
      for s in jsondecode(data.aws_iam_policy_document.state_lambda.json).Statement : [
        for r in flatten([s.Resource]) :
        !strcontains(r, "*") || r == "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/StateLambda:*"
      ]
    ]))
    error_message = "A policy statement has a wildcard resource: ${data.aws_iam_policy_document.state_lambda.json}"
  }
  assert {
    condition = alltrue([
      for s in jsondecode(data.aws_iam_policy_document.state_lambda.json).Statement :
      s.Effect == "Allow" && !can(s.NotAction) && !can(s.NotResource) && !can(s.Principal)
    ])
    error_message = "Only plain Allow statements with Action and Resource are expected."
  }

  # exactly these actions on exactly these resources
  assert {
    condition = jsonencode({
      for s in jsondecode(data.aws_iam_policy_document.state_lambda.json).Statement :
      s.Sid => { actions = sort(flatten([s.Action])), resources = sort(flatten([s.Resource])) }
      }) == jsonencode({
      ReadTheIncomingStream = {
        actions = [
          "kinesis:DescribeStream",
          "kinesis:DescribeStreamSummary",
          "kinesis:GetRecords",
          "kinesis:GetShardIterator",
          "kinesis:ListShards",
        ]
        resources = ["arn:aws:kinesis:us-east-1:123456789012:stream/IncomingDataStream"]
      }
      UpdateTheStateTable = {
        actions   = ["dynamodb:UpdateItem"]
        resources = ["arn:aws:dynamodb:us-east-1:123456789012:table/StateTable"]
      }
      WriteOwnLogs = {
        actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        resources = ["arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/StateLambda:*"]
      }
    })
    error_message = "The policy is not exactly: read the stream, UpdateItem on the table, write its own logs. It is: ${data.aws_iam_policy_document.state_lambda.json}"
  }

  # what the role gets is that document
  assert {
    condition     = aws_iam_role_policy.state_lambda.policy == data.aws_iam_policy_document.state_lambda.json && aws_iam_role_policy.state_lambda.role == "StateLambdaRole"
    error_message = "The role's inline policy must be the least-privilege document."
  }

  # and only Lambda can assume the role
  assert {
    condition = jsonencode(jsondecode(data.aws_iam_policy_document.assume_role.json).Statement) == jsonencode([{
      Sid       = "LambdaAssumesTheRole"
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }])
    error_message = "The role must trust lambda.amazonaws.com only: ${data.aws_iam_policy_document.assume_role.json}"
  }
}
