# One provider configuration for AWS and for local-aws alike. Nothing here knows about local-aws: the
# AWS SDK inside the provider reads AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_<SERVICE>) and the
# credentials from the environment, which is all `make TARGET=local ...` changes. No endpoints, no
# skip_* flags: on AWS they would silently weaken the checks the provider makes before touching an
# account (credential validation, account id lookup, region validation).
provider "aws" {
  # null (the default) lets the ordinary chain decide: AWS_REGION, AWS_DEFAULT_REGION, then the profile.
  region = var.region

  default_tags {
    tags = var.tags
  }
}

# Where the lab lives; read once, used for outputs (verify-lab needs the region, `make` prints the account).
data "aws_region" "current" {}

data "aws_caller_identity" "current" {}
