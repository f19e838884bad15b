terraform {
  # The configuration needs nothing newer than 1.6. Its tests (tests/*.tftest.hcl) need 1.7:
  # mock_provider and override_resource.
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }
}
