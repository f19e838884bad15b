# local-aws: the AWS-compatible endpoint the lab runs against when TARGET=local. Included by the root
# Makefile, which defines ROOT, LAB_DIR, LOCAL_AWS_HOST, LOCAL_AWS_PORT, LOCAL_AWS_ENDPOINT, MVN, EMULATORS_DIR
# and the `emulators` target. `make apply` / `make destroy` (mk/terraform.mk) call local-up / local-down.
#
#   make local-up       start it in the background (detached from the terminal); already running = fine
#   make local-down     stop it (and its emulators); not running = fine
#   make local-status   running or not, where, and the state of its emulators
#   make local-logs     the end of its log (LOCAL_AWS_LOG_LINES=200 for more)

LOCAL_AWS_JAR := $(ROOT)/local-aws/target/local-aws.jar
LOCAL_AWS_DATA := $(LAB_DIR)/local-aws
LOCAL_AWS_LOG := $(LAB_DIR)/local-aws.log
LOCAL_AWS_START_TIMEOUT ?= 90
LOCAL_AWS_LOG_LINES ?= 60
JAVA ?= java
LOCAL_AWS := $(JAVA) -jar $(LOCAL_AWS_JAR)

.PHONY: local-up local-down local-status local-logs

$(LOCAL_AWS_JAR):
	$(MVN) -q -pl local-aws package -DskipTests

# true when the health endpoint answers 200 (plain bash, no curl needed)
define local_aws_healthy
( exec 3<>/dev/tcp/$(LOCAL_AWS_HOST)/$(LOCAL_AWS_PORT) && \
  printf 'GET /_localaws/health HTTP/1.0\r\nHost: $(LOCAL_AWS_HOST)\r\n\r\n' >&3 && \
  head -n 1 <&3 | grep -q ' 200 ' ) 2>/dev/null
endef

local-up: emulators $(LOCAL_AWS_JAR) ## start local-aws in the background (LOCAL_AWS_HOST:LOCAL_AWS_PORT, default 127.0.0.1:4566)
	@mkdir -p $(LAB_DIR)
	@if $(LOCAL_AWS) status --data-dir $(LOCAL_AWS_DATA) >/dev/null 2>&1; then \
	  echo "local-aws is already running on $(LOCAL_AWS_ENDPOINT) (make local-status for details)"; exit 0; \
	fi; \
	echo "local-aws: starting on $(LOCAL_AWS_ENDPOINT), data in $(LOCAL_AWS_DATA), log in $(LOCAL_AWS_LOG)"; \
	setsid nohup $(LOCAL_AWS) serve --data-dir $(LOCAL_AWS_DATA) --host $(LOCAL_AWS_HOST) --port $(LOCAL_AWS_PORT) \
	  --emulators-dir $(EMULATORS_DIR) >> $(LOCAL_AWS_LOG) 2>&1 < /dev/null & pid=$$!; \
	deadline=$$(( $$(date +%s) + $(LOCAL_AWS_START_TIMEOUT) )); printf 'local-aws: waiting for it to answer '; \
	until $(local_aws_healthy); do \
	  if ! kill -0 $$pid 2>/dev/null; then \
	    echo; echo "local-aws: it stopped while starting; the end of $(LOCAL_AWS_LOG):" >&2; \
	    tail -n 20 $(LOCAL_AWS_LOG) >&2; exit 1; \
	  fi; \
	  if [ $$(date +%s) -ge $$deadline ]; then \
	    echo; echo "local-aws: no answer within $(LOCAL_AWS_START_TIMEOUT) s; the end of $(LOCAL_AWS_LOG):" >&2; \
	    tail -n 20 $(LOCAL_AWS_LOG) >&2; $(LOCAL_AWS) stop --data-dir $(LOCAL_AWS_DATA) >/dev/null 2>&1 || true; exit 1; \
	  fi; \
	  printf '.'; sleep 0.5; \
	done; \
	echo " up"; echo "local-aws: listening on $(LOCAL_AWS_ENDPOINT) (pid $$pid)"

local-down: ## stop local-aws and its emulators (nothing to do when it is not running)
	@if [ ! -f $(LOCAL_AWS_JAR) ]; then echo "local-aws is not running (it was never built)"; exit 0; fi; \
	$(LOCAL_AWS) stop --data-dir $(LOCAL_AWS_DATA)

local-status: ## is local-aws running, where, how are its emulators
	@if [ ! -f $(LOCAL_AWS_JAR) ]; then echo "local-aws is not running (it was never built)"; exit 0; fi; \
	$(LOCAL_AWS) status --data-dir $(LOCAL_AWS_DATA) || true

local-logs: ## the end of local-aws's log
	@if [ -f $(LOCAL_AWS_LOG) ]; then tail -n $(LOCAL_AWS_LOG_LINES) $(LOCAL_AWS_LOG); \
	else echo "local-aws has no log yet ($(LOCAL_AWS_LOG))"; fi
