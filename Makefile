# The lab's entry points. `make help` lists them.
#
#   make lab       apply the lab, then prove it works with ./verify-lab
#   make test      every test: unit, integration, terraform, end to end on local-aws
#
# TARGET=local (default) runs everything against local-aws on 127.0.0.1; TARGET=aws uses your AWS
# credential chain (profile, environment, SSO) and asks before it creates anything.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
TARGET ?= local
MVN ?= mvn -B -ntp
NPM ?= npm

LAB_DIR := $(ROOT)/.lab
HANDLER_ZIP := $(ROOT)/handler/target/state-lambda.zip

# local-aws: where it listens when TARGET=local; mk/local-aws.mk starts and stops it
LOCAL_AWS_HOST ?= 127.0.0.1
LOCAL_AWS_PORT ?= 4566
LOCAL_AWS_ENDPOINT := http://$(LOCAL_AWS_HOST):$(LOCAL_AWS_PORT)
LOCAL_REGION ?= us-east-1
# what every AWS client (terraform, verify-lab, the SDK) needs to talk to local-aws: any credentials work
LOCAL_AWS_ENV := AWS_ENDPOINT_URL=$(LOCAL_AWS_ENDPOINT) AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=$(LOCAL_REGION) AWS_DEFAULT_REGION=$(LOCAL_REGION) AWS_PROFILE= AWS_SESSION_TOKEN=

EMULATORS_DIR := $(ROOT)/emulators
EMULATORS_STAMP := $(EMULATORS_DIR)/node_modules/.installed-from-lock

ifeq ($(filter $(TARGET),local aws),)
$(error TARGET must be local or aws, not '$(TARGET)')
endif

.PHONY: help build deps emulators test test-java lab

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

emulators: $(EMULATORS_STAMP) ## install the pinned kinesis-mock and dynalite (npm ci)

$(EMULATORS_STAMP): $(EMULATORS_DIR)/package-lock.json $(EMULATORS_DIR)/package.json
	cd $(EMULATORS_DIR) && $(NPM) ci --no-audit --no-fund
	touch $@

deps: emulators ## install what the build and tests need (npm packages, terraform providers)

build: deps ## compile and package everything (handler zip, verify-lab, local-aws)
	$(MVN) -q package -DskipTests

test-java: deps ## unit and integration tests of every Java module
	$(MVN) verify -Dstatelab.requireLocalAws=true

test: test-java ## every test

include $(wildcard $(ROOT)/mk/*.mk)
