# One provider configuration for AWS and for local-aws alike. Nothing here knows about local-aws: the
# AWS SDK inside the provider reads AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_<SERVICE>) and the
# credentials from the environment, which is all `make TARGET=local ...` changes. No endpoints, no
# skip_* flags: on AWS they would silently weaken the checks the provider makes before touching an
# account (credential validation, account id lookup, region validation).
provider "aws" {
  # var.region (null: the ordinary chain decides: AWS_REGION, AWS_DEFAULT_REGION, the profile), read
  # through local.validated_inputs so that the provider waits for every variable's validation.
  region = local.validated_inputs.region

  default_tags {
    tags = var.tags
  }
}

locals {
  # Every input variable, so that the provider is configured only after all of them have passed their
  # validation: a bad value (say -var batch_size=0) then stops `terraform plan` before the provider's
  # first API call (STS GetCallerIdentity). Terraform checks a variable when its graph walk reaches it,
  # and without this the provider would be configured, and the data sources read, at the same time.
  # A new variable belongs here too.
  validated_inputs = {
    region                          = var.region
    tags                            = var.tags
    stream_name                     = var.stream_name
    stream_mode                     = var.stream_mode
    shard_count                     = var.shard_count
    stream_retention_hours          = var.stream_retention_hours
    table_name                      = var.table_name
    table_stream_enabled            = var.table_stream_enabled
    function_name                   = var.function_name
    role_name                       = var.role_name
    lambda_package_path             = var.lambda_package_path
    lambda_memory_mb                = var.lambda_memory_mb
    lambda_timeout_seconds          = var.lambda_timeout_seconds
    lambda_architecture             = var.lambda_architecture
    failure_injection_percent       = var.failure_injection_percent
    log_retention_days              = var.log_retention_days
    batch_size                      = var.batch_size
    starting_position               = var.starting_position
    starting_position_timestamp     = var.starting_position_timestamp
    maximum_batching_window_seconds = var.maximum_batching_window_seconds
    parallelization_factor          = var.parallelization_factor
    maximum_retry_attempts          = var.maximum_retry_attempts
    maximum_record_age_seconds      = var.maximum_record_age_seconds
  }
}

# Where the lab lives; read once, used for outputs (verify-lab needs the region, `make` prints the account).
data "aws_region" "current" {}

data "aws_caller_identity" "current" {}
