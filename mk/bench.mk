# make bench: the project's performance figures, each against a baseline measured in the same run
# (bench/README.md). Included by the root Makefile (ROOT, LAB_DIR, LOCAL_AWS_ENV, MVN, build, apply, destroy);
# uses LOCAL_AWS_JAR, LOCAL_AWS_DATA and JAVA from mk/local-aws.mk, TERRAFORM from mk/terraform.mk.
#
#   make bench                          about 3 minutes: prints a table, writes bench-results/bench-<time>.json
#                                       and bench-results/latest.json (git-ignored), logs in .lab/bench/
#   make bench LOCAL_AWS_PORT=4599      when 4566 is taken (someone else's make e2e)
#   make bench BENCH_ARGS=--handler-only    the handler figures only (no local-aws), about 40 s
#   make bench BENCH_ARGS="--count 5000 --cold-rounds 8 --handler-batches 100"
#
# It always runs TARGET=local: it applies the lab (timed), measures, and destroys it again, also when a
# measurement fails. So it refuses to start while this checkout's local-aws runs or its local Terraform
# state holds resources: that lab may be someone's, and "make apply from nothing" would not be from nothing.
# Not part of `make test`: speed is measured here, never asserted in tests.

BENCH_ARGS ?=
BENCH_DIR := $(LAB_DIR)/bench
# the bench runs from a copy: `make apply` (inside the bench) rebuilds, and may rewrite, bench/target/
BENCH_APP := $(BENCH_DIR)/app
BENCH_RESULTS := $(ROOT)/bench-results
BENCH_NODE ?= node

.PHONY: bench

bench: build ## performance figures vs same-run baselines: table + bench-results/latest.json (~3 min, TARGET=local)
	@if [ "$(TARGET)" != local ]; then echo "bench: TARGET=local only (it applies and destroys a local lab)" >&2; exit 2; fi
	@case " $(BENCH_ARGS) " in *" --handler-only "*) ;; *) \
	  if $(LOCAL_AWS) status --data-dir $(LOCAL_AWS_DATA) >/dev/null 2>&1; then \
	    echo "bench: local-aws of this checkout is running (make local-status): make bench applies and destroys its own lab," >&2; \
	    echo "       so it will not touch one that may be in use. Stop it first (make destroy), or run BENCH_ARGS=--handler-only." >&2; \
	    exit 1; \
	  fi; \
	  if [ -n "$$($(TERRAFORM) state list 2>/dev/null)" ]; then \
	    echo "bench: the local Terraform state still holds resources (a lab applied earlier); make destroy first." >&2; \
	    exit 1; \
	  fi; \
	  if (exec 3<>/dev/tcp/$(LOCAL_AWS_HOST)/$(LOCAL_AWS_PORT)) 2>/dev/null; then \
	    echo "bench: $(LOCAL_AWS_HOST):$(LOCAL_AWS_PORT) is in use (someone else's local-aws or make e2e?); run make bench LOCAL_AWS_PORT=<a free port>." >&2; \
	    exit 1; \
	  fi;; \
	esac
	@rm -rf $(BENCH_APP) && mkdir -p $(BENCH_APP) && cp -R $(ROOT)/bench/target/bench/. $(BENCH_APP)/
	@status=0; \
	$(JAVA) -XX:+UseSerialGC -jar $(BENCH_APP)/bench.jar --root $(ROOT) --make "$(MAKE)" --node $(BENCH_NODE) \
	  --host $(LOCAL_AWS_HOST) --port $(LOCAL_AWS_PORT) --region $(LOCAL_REGION) \
	  --results $(BENCH_RESULTS) --work $(BENCH_DIR) $(BENCH_ARGS) || status=$$?; \
	if [ "$$status" != 0 ] && $(LOCAL_AWS) status --data-dir $(LOCAL_AWS_DATA) >/dev/null 2>&1; then \
	  echo "bench: failed (exit $$status) with local-aws still running; make destroy" >&2; \
	  $(MAKE) --no-print-directory destroy TARGET=local || true; \
	fi; \
	exit $$status
