# The lab as code: terraform/ initialised, checked, planned, applied, destroyed and read, for TARGET=local
# (local-aws on $(LOCAL_AWS_ENDPOINT)) or TARGET=aws (your AWS credential chain). Included by the root
# Makefile, which defines ROOT, TARGET, LAB_DIR, HANDLER_ZIP, LOCAL_AWS_ENDPOINT and LOCAL_AWS_ENV.
#
#   make tf-init    terraform init: from $(TF_PLUGIN_DIR) when set (offline), else from the registry
#   make tf-check   fmt -check, validate, terraform test (offline, mocked provider), and a check that a bad
#                   value is refused before any API call; part of `make test`
#   make plan | apply | destroy | outputs     for the current TARGET
#
# State: one Terraform workspace per TARGET (TF_WORKSPACE=$(TARGET); the local backend keeps it in
# terraform/terraform.tfstate.d/<target>/). Local and AWS state never mix, one `terraform init` serves
# both, and the same configuration runs unchanged: only the environment differs. Workspaces rather
# than -state paths because -state is a legacy flag of the local backend only, while TF_WORKSPACE works
# the same with any backend a user may configure later, and `terraform workspace list` shows both.

TF ?= terraform
TF_DIR := $(ROOT)/terraform
# A provider mirror or plugin directory (e.g. /opt/tf-plugins) for an offline `terraform init`;
# .ci/run sets it when the machine has one. Empty: init downloads hashicorp/aws from the registry.
TF_PLUGIN_DIR ?=
# TARGET=aws only: 1 = apply / destroy without asking. (TARGET=local never asks.)
AUTO_APPROVE ?=
# used when present to read terraform's JSON; sed does it otherwise
TF_JQ ?= jq
# make's terraform logs and saved plans (git-ignored, like all of $(LAB_DIR))
TF_RUN_DIR := $(LAB_DIR)/terraform
TF_INIT_STAMP := $(TF_DIR)/.terraform/statelab-init.stamp
# the package as terraform/ sees it, relative so the state does not depend on where the repo is checked out
TF_PACKAGE := $(patsubst $(ROOT)/%,../%,$(HANDLER_ZIP))

# Every terraform command: no update check (offline machines), no "run terraform apply next" hints,
# and a TF_CLI_CONFIG_FILE naming a file that does not exist is dropped (terraform would print a
# warning on every command; nothing here needs a CLI configuration).
TF_COMMON_ENV := CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 \
  $(if $(TF_CLI_CONFIG_FILE),$(if $(wildcard $(TF_CLI_CONFIG_FILE)),,TF_CLI_CONFIG_FILE=))
# terraform test must not see the user's AWS setup (a profile that does not exist would break the
# offline provider of tests/iam_policy.tftest.hcl; an endpoint would be ignored but confuse).
TF_TEST_ENV := -u AWS_PROFILE -u AWS_DEFAULT_PROFILE -u AWS_ENDPOINT_URL \
  AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null $(TF_COMMON_ENV)

ifeq ($(TARGET),local)
TF_TARGET_ENV := $(LOCAL_AWS_ENV)
TF_LOCAL_UP := local-up
else
TF_TARGET_ENV :=
TF_LOCAL_UP :=
endif

TF_ENV := $(TF_COMMON_ENV) TF_WORKSPACE=$(TARGET) TF_VAR_lambda_package_path=$(TF_PACKAGE) $(TF_TARGET_ENV)
TERRAFORM := env $(TF_ENV) $(TF) -chdir=$(TF_DIR)

# ----------------------------------------------------------------------------------------- init, check

.PHONY: tf-init tf-check plan apply destroy outputs

tf-init: $(TF_INIT_STAMP) ## terraform init (offline from TF_PLUGIN_DIR when set)

# Re-run only when the provider requirements or the lock file change.
$(TF_INIT_STAMP): $(TF_DIR)/versions.tf $(TF_DIR)/.terraform.lock.hcl
	@mkdir -p $(TF_RUN_DIR)
	@log=$(TF_RUN_DIR)/init.log; from=(); \
	if [ -n "$(TF_PLUGIN_DIR)" ]; then \
	  if [ ! -d "$(TF_PLUGIN_DIR)" ]; then echo "terraform: TF_PLUGIN_DIR=$(TF_PLUGIN_DIR) is not a directory." >&2; exit 1; fi; \
	  from=(-plugin-dir="$(TF_PLUGIN_DIR)"); \
	  echo "terraform: init from $(TF_PLUGIN_DIR) (offline)"; \
	else \
	  echo "terraform: init from the registry (set TF_PLUGIN_DIR to init from a local provider mirror)"; \
	fi; \
	if ! env $(TF_COMMON_ENV) $(TF) -chdir=$(TF_DIR) init -input=false -no-color "$${from[@]}" >"$$log" 2>&1; then \
	  if [ -z "$(TF_PLUGIN_DIR)" ] && grep -qE 'could not connect to registry|Failed to query available provider packages|failed to request discovery document|no such host|i/o timeout|connection refused|TLS handshake timeout' "$$log"; then \
	    hint=""; if [ -d /opt/tf-plugins/registry.terraform.io ]; then hint=" This machine has one: make $(or $(MAKECMDGOALS),tf-init) TF_PLUGIN_DIR=/opt/tf-plugins"; fi; \
	    echo "terraform: init could not download hashicorp/aws from registry.terraform.io (offline?); point TF_PLUGIN_DIR at a local provider mirror or plugin directory instead.$$hint (details: $$log)" >&2; \
	  else \
	    cat "$$log" >&2; echo "terraform: init failed (log: $$log)" >&2; \
	  fi; \
	  exit 1; \
	fi
	@touch $@

deps: tf-init

tf-check: tf-init ## terraform fmt -check, validate and the offline tests (part of make test)
	@echo "terraform: fmt -check"
	@env $(TF_COMMON_ENV) $(TF) -chdir=$(TF_DIR) fmt -check -recursive -diff
	@echo "terraform: validate"
	@env $(TF_COMMON_ENV) $(TF) -chdir=$(TF_DIR) validate -no-color
	@echo "terraform: test"
	@env $(TF_TEST_ENV) $(TF) -chdir=$(TF_DIR) test -no-color
	@echo "terraform: plan -var batch_size=0 (must be refused before any API call)"
	@out=$$(env $(TF_TEST_ENV) TF_WORKSPACE=default AWS_ENDPOINT_URL=http://127.0.0.1:9 AWS_ACCESS_KEY_ID=offline \
	  AWS_SECRET_ACCESS_KEY=offline AWS_REGION=us-east-1 AWS_MAX_ATTEMPTS=1 \
	  $(TF) -chdir=$(TF_DIR) plan -input=false -lock=false -refresh=false -no-color -var batch_size=0 2>&1) && rc=0 || rc=$$?; \
	if [ "$$rc" != 0 ] && grep -q 'batch_size must be a whole number from 1 to 10000' <<<"$$out" \
	   && ! grep -qiE 'GetCallerIdentity|dial tcp|connection refused|credential|Reading\.\.\.' <<<"$$out"; then \
	  echo "refused by variable validation; the provider made no call"; \
	else \
	  echo "$$out" >&2; echo "terraform: batch_size=0 was not refused before the provider's first API call" >&2; exit 1; \
	fi

test: tf-check

# ------------------------------------------------------------------------------- plan, apply, destroy

# TARGET=aws, before anything else: which account and region the credential chain leads to, found by
# terraform itself, so no AWS CLI is needed: a plan of the two identity data sources only (no resource
# is read, nothing is written; the provider checks the credentials with STS GetCallerIdentity), whose
# planned outputs account_id and region_name are then read with jq, or sed where there is no jq.
# Without usable credentials it stops with one sentence and keeps the provider's full answer in a log.
# Sets the shell variables account and region.
define tf_aws_identity
mkdir -p $(TF_RUN_DIR); log=$(TF_RUN_DIR)/aws-identity.log; idplan=$(TF_RUN_DIR)/aws-identity.tfplan; \
if [ -n "$${AWS_ENDPOINT_URL:-}" ]; then echo "terraform: note: AWS_ENDPOINT_URL=$${AWS_ENDPOINT_URL} is set, so TARGET=aws sends every call there." >&2; fi; \
if ! $(TERRAFORM) plan -input=false -lock=false -no-color -target=data.aws_caller_identity.current -target=data.aws_region.current -out="$$idplan" >"$$log" 2>&1; then \
  rm -f "$$idplan"; \
  if grep -qE 'failed to get shared config profile|SharedConfigProfileNotExist' "$$log"; then \
    echo "terraform: TARGET=aws: the AWS profile $${AWS_PROFILE:-named in your configuration} does not exist; fix AWS_PROFILE or ~/.aws/config and try again (details: $$log)." >&2; \
  elif grep -qiE 'no valid credential sources|failed to refresh cached credentials|NoCredentialProviders|no EC2 IMDS role found' "$$log"; then \
    echo "terraform: TARGET=aws found no AWS credentials: set up the default chain (AWS_PROFILE, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or aws sso login) and try again (details: $$log)." >&2; \
  elif grep -qiE 'InvalidClientTokenId|SignatureDoesNotMatch|ExpiredToken|security token included in the request is (invalid|expired)|token has expired|UnrecognizedClientException|AuthFailure|AccessDenied' "$$log"; then \
    echo "terraform: TARGET=aws: AWS refused the credentials of the default chain (invalid or expired); renew them and try again (details: $$log)." >&2; \
  elif grep -qiE 'invalid AWS Region|missing region|region.*is required' "$$log"; then \
    echo "terraform: TARGET=aws needs a region: set AWS_REGION (or a region in your profile, or TF_VAR_region) and try again (details: $$log)." >&2; \
  elif grep -qiE 'no such host|dial tcp|i/o timeout|connection refused|request send failed' "$$log"; then \
    echo "terraform: TARGET=aws cannot reach AWS STS from this machine (offline, proxy or firewall?) (details: $$log)." >&2; \
  else \
    cat "$$log" >&2; echo "terraform: TARGET=aws: terraform failed before planning (log: $$log)." >&2; \
  fi; \
  exit 1; \
fi; \
idjson=$$($(TERRAFORM) show -json "$$idplan"); rm -f "$$idplan"; \
if command -v $(TF_JQ) >/dev/null 2>&1; then \
  account=$$($(TF_JQ) -r '.planned_values.outputs.account_id.value // empty' <<<"$$idjson"); \
  region=$$($(TF_JQ) -r '.planned_values.outputs.region_name.value // empty' <<<"$$idjson"); \
else \
  account=$$(sed -n 's/.*"account_id":{"sensitive":false,"type":"string","value":"\([^"]*\)".*/\1/p' <<<"$$idjson"); \
  region=$$(sed -n 's/.*"region_name":{"sensitive":false,"type":"string","value":"\([^"]*\)".*/\1/p' <<<"$$idjson"); \
fi; \
if [ -z "$$account" ] || [ -z "$$region" ]; then echo "terraform: TARGET=aws: could not read the account and region from terraform's identity plan (log: $$log)." >&2; exit 1; fi; \
echo "terraform: TARGET=aws: AWS account $$account, region $$region (workspace aws)"
endef

# TARGET=aws: ask, unless AUTO_APPROVE=1. $(1) = what is about to happen.
define tf_aws_confirm
if [ "$(AUTO_APPROVE)" != 1 ]; then \
  printf '%s' "$(1) AWS account $$account, region $$region? Only 'yes' goes on: " >&2; read -r answer || answer=""; \
  if [ "$$answer" != yes ]; then echo "terraform: nothing done (answer 'yes', or set AUTO_APPROVE=1)." >&2; exit 1; fi; \
fi
endef

TF_LOCAL_BANNER := echo "terraform: TARGET=local: local-aws at $(LOCAL_AWS_ENDPOINT) (workspace local)"

plan: tf-init build $(TF_LOCAL_UP) ## show what apply would change for TARGET
ifeq ($(TARGET),aws)
	@$(tf_aws_identity); \
	$(TERRAFORM) plan -input=false
else
	@$(TF_LOCAL_BANNER); \
	$(TERRAFORM) plan -input=false
endif

apply: tf-init build $(TF_LOCAL_UP) ## build, then create or update the lab on TARGET (aws: asks first)
ifeq ($(TARGET),aws)
	@$(tf_aws_identity); \
	planfile=$(TF_RUN_DIR)/aws.tfplan; rc=0; \
	$(TERRAFORM) plan -input=false -detailed-exitcode -out="$$planfile" || rc=$$?; \
	if [ "$$rc" = 0 ]; then echo "terraform: nothing to change in AWS account $$account, region $$region."; rm -f "$$planfile"; exit 0; fi; \
	if [ "$$rc" != 2 ]; then exit "$$rc"; fi; \
	$(call tf_aws_confirm,Apply this plan to); \
	$(TERRAFORM) apply -input=false "$$planfile"; rm -f "$$planfile"
else
	@$(TF_LOCAL_BANNER); \
	$(TERRAFORM) apply -input=false -auto-approve
endif

destroy: tf-init $(TF_LOCAL_UP) ## delete everything the lab created on TARGET (local: then stop local-aws)
ifeq ($(TARGET),aws)
	@$(tf_aws_identity); \
	planfile=$(TF_RUN_DIR)/aws-destroy.tfplan; rc=0; \
	$(TERRAFORM) plan -destroy -input=false -detailed-exitcode -out="$$planfile" || rc=$$?; \
	if [ "$$rc" = 0 ]; then echo "terraform: nothing to destroy in AWS account $$account, region $$region."; rm -f "$$planfile"; exit 0; fi; \
	if [ "$$rc" != 2 ]; then exit "$$rc"; fi; \
	$(call tf_aws_confirm,Destroy the lab in); \
	$(TERRAFORM) apply -input=false "$$planfile"; rm -f "$$planfile"
else
	@$(TF_LOCAL_BANNER); \
	$(TERRAFORM) destroy -input=false -auto-approve
	@$(MAKE) --no-print-directory local-down
endif

outputs: tf-init ## print `terraform output -json` of TARGET (what verify-lab reads)
	@$(TERRAFORM) output -json
