# verify-lab: the workshop's "How do you know it is working?" as a command (verifier-cli/README.md).
# Included by the root Makefile (ROOT, TARGET, LAB_DIR, LOCAL_AWS_ENV, MVN); apply and destroy come from
# mk/terraform.mk.
#
#   make lab        make apply, then ./verify-lab: the quick start (exit 0 = the lab works)
#   make verify     ./verify-lab for the current TARGET; VERIFY_ARGS="--count 1000 --json" adds options
#   make e2e        TARGET=local: make apply, ./verify-lab $(VERIFY_E2E_ARGS), make destroy (destroy runs even
#                   when verification fails, and the failure is still the result); the last step of
#                   `make test`. It destroys a local lab applied before.
#
# How ./verify-lab finds its defaults: it runs `make verify-env`, which writes the current TARGET's
# `terraform output -json` to $(VERIFY_OUTPUTS) and prints the environment verify-lab needs as shell
# `export` lines: VERIFY_LAB_TARGET, VERIFY_LAB_OUTPUTS and, for TARGET=local, $(LOCAL_AWS_ENV). One
# definition of the local environment (the root Makefile), one way to read the outputs (the terraform
# workspace of TARGET, as mk/terraform.mk runs it), and a plain `./verify-lab` works without make around it.

VERIFY_LAB := $(ROOT)/verify-lab
VERIFY_ARGS ?=
# the workshop's lab-2 mix at 1000 trades: exact re-sends, older versions after newer ones, newer versions, malformed records
VERIFY_E2E_ARGS ?= --count 1000 --duplicates 100 --out-of-order 30 --updates 50 --bad 20
VERIFY_JAR := $(ROOT)/verifier-cli/target/verify-lab/verify-lab.jar
VERIFY_OUTPUTS := $(LAB_DIR)/verify-lab/$(TARGET)-terraform-outputs.json
# terraform as mk/terraform.mk runs it for TARGET (workspace, environment); the fallback is the same contract
VERIFY_TERRAFORM = $(or $(TERRAFORM),env CHECKPOINT_DISABLE=1 TF_WORKSPACE=$(TARGET) terraform -chdir=$(ROOT)/terraform)
# outputs are only read from an initialised terraform/: reading must never start a `terraform init`
VERIFY_TF_READY = $(or $(TF_INIT_STAMP),$(ROOT)/terraform/.terraform)

.PHONY: verify lab e2e test-e2e verify-env

# `make test` ends with the end-to-end run on local-aws, after the Java and Terraform tests (also under -j:
# two builds of one tree at once would trip over each other), always on TARGET=local.
test: test-e2e

test-e2e: test-java tf-check
	@$(MAKE) --no-print-directory e2e TARGET=local

verify: $(VERIFY_JAR) ## put sample trades on the stream and check StateTable (./verify-lab)
	TARGET=$(TARGET) $(VERIFY_LAB) $(VERIFY_ARGS)

lab: apply ## the quick start: make apply, then ./verify-lab (exit 0 = the lab works)
	TARGET=$(TARGET) $(VERIFY_LAB) $(VERIFY_ARGS)

# `make verify` on a tree where nothing was built yet
$(VERIFY_JAR):
	$(MVN) -q -pl verifier-cli -am package -DskipTests

e2e: ## end to end on local-aws: apply, ./verify-lab (1000 trades, lab-2 mix), destroy (also after a failure)
ifneq ($(TARGET),local)
	@echo "e2e: TARGET=local only (it applies and destroys the lab without asking)" >&2; exit 2
endif
	@status=0; \
	$(MAKE) --no-print-directory apply || status=$$?; \
	if [ "$$status" = 0 ]; then TARGET=local $(VERIFY_LAB) $(VERIFY_E2E_ARGS) || status=$$?; fi; \
	$(MAKE) --no-print-directory destroy || { echo "e2e: make destroy failed" >&2; [ "$$status" != 0 ] || status=1; }; \
	if [ "$$status" != 0 ]; then echo "e2e: FAILED (exit $$status); the lab was destroyed" >&2; else echo "e2e: passed"; fi; \
	exit $$status

# Called by ./verify-lab: stdout is shell code (export/unset lines) only; terraform's messages go to a log.
verify-env:
	@mkdir -p $(dir $(VERIFY_OUTPUTS)); rm -f $(VERIFY_OUTPUTS)
	@if [ -e $(VERIFY_TF_READY) ]; then \
	  if $(VERIFY_TERRAFORM) output -json >$(VERIFY_OUTPUTS).tmp 2>$(VERIFY_OUTPUTS).log; then \
	    mv $(VERIFY_OUTPUTS).tmp $(VERIFY_OUTPUTS); \
	  else rm -f $(VERIFY_OUTPUTS).tmp; fi; \
	fi
	@echo "export VERIFY_LAB_TARGET=$(TARGET)"
	@echo "export VERIFY_LAB_OUTPUTS='$(VERIFY_OUTPUTS)'"
ifeq ($(TARGET),local)
	@$(foreach kv,$(LOCAL_AWS_ENV),$(if $(word 2,$(subst =, ,$(kv))),echo "export $(kv)";,echo "unset $(patsubst %=,%,$(kv))";)) true
endif
