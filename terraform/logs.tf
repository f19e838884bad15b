# The function's log group, created by Terraform before the function (lambda.tf depends on it), so that
# Terraform owns it and `destroy` deletes it. Lambda would otherwise create it on the first invocation,
# with no retention, and it would outlive the lab. The role gets no logs:CreateLogGroup (iam.tf), so
# not even a late invocation during destroy can bring it back.
resource "aws_cloudwatch_log_group" "state_lambda" {
  name              = "/aws/lambda/${var.function_name}"
  retention_in_days = var.log_retention_days
}
