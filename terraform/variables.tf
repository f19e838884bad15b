# Every input of the lab: typed, described, validated. Defaults reproduce the workshop step
# (IncomingDataStream -> StateLambda, batch size 100 -> StateTable). Validation mirrors the ranges the
# AWS APIs accept, so a bad value stops `terraform plan` before any API call. (Booleans have no
# validation block: `bool` with `nullable = false` already admits only true and false.)

# ---------------------------------------------------------------------------------------------- where

variable "region" {
  description = "AWS region of every resource. null (the default) lets the ordinary AWS chain decide: AWS_REGION, AWS_DEFAULT_REGION, then the profile's region. `make TARGET=local` sets AWS_REGION for local-aws."
  type        = string
  default     = null

  validation {
    condition     = var.region == null || can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]+$", var.region))
    error_message = "region must be an AWS region code such as us-east-1 or eu-west-3 (or null for the default chain)."
  }
}

variable "tags" {
  description = "Tags put on every resource (provider default_tags), so the lab's resources and their cost can be found in the account."
  type        = map(string)
  default     = { Project = "statelab" }
  nullable    = false

  validation {
    condition = length(var.tags) <= 50 && alltrue([
      for k, v in var.tags : length(k) >= 1 && length(k) <= 128 && length(v) <= 256 && !startswith(lower(k), "aws:")
    ])
    error_message = "tags: at most 50, keys 1..128 characters and not starting with aws:, values up to 256 characters."
  }
}

# --------------------------------------------------------------------------------------------- stream

variable "stream_name" {
  description = "Name of the Kinesis data stream the trades are put on (the workshop's IncomingDataStream)."
  type        = string
  default     = "IncomingDataStream"
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9_.-]{1,128}$", var.stream_name))
    error_message = "stream_name must be 1..128 characters of a-z, A-Z, 0-9, '_', '.', '-'."
  }
}

variable "stream_mode" {
  description = "Kinesis capacity mode: PROVISIONED (a fixed shard_count, billed per shard-hour; the default, cheapest for a lab left running a while) or ON_DEMAND (no shard count; billed per stream-hour and per GB; scales by itself)."
  type        = string
  default     = "PROVISIONED"
  nullable    = false

  validation {
    condition     = contains(["PROVISIONED", "ON_DEMAND"], var.stream_mode)
    error_message = "stream_mode must be PROVISIONED or ON_DEMAND."
  }
}

variable "shard_count" {
  description = "Number of shards when stream_mode is PROVISIONED (ignored for ON_DEMAND). Each shard takes 1 MB/s or 1000 records/s in and gives one batch in flight to the function (times parallelization_factor). 2 shows per-shard ordering and concurrency without much cost."
  type        = number
  default     = 2
  nullable    = false

  validation {
    condition     = var.shard_count >= 1 && var.shard_count == floor(var.shard_count)
    error_message = "shard_count must be a whole number >= 1."
  }
}

variable "stream_retention_hours" {
  description = "How long the stream keeps records, in hours. 24 is the minimum and costs nothing extra; longer retention is billed per shard-hour."
  type        = number
  default     = 24
  nullable    = false

  validation {
    condition     = var.stream_retention_hours >= 24 && var.stream_retention_hours <= 8760 && var.stream_retention_hours == floor(var.stream_retention_hours)
    error_message = "stream_retention_hours must be a whole number from 24 to 8760 (365 days)."
  }
}

# ---------------------------------------------------------------------------------------------- table

variable "table_name" {
  description = "Name of the DynamoDB table the function writes (the workshop's StateTable). Its partition key is `id` (string), the trade's TradeID."
  type        = string
  default     = "StateTable"
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9_.-]{3,255}$", var.table_name))
    error_message = "table_name must be 3..255 characters of a-z, A-Z, 0-9, '_', '.', '-'."
  }
}

variable "table_stream_enabled" {
  description = "Turn on the table's DynamoDB stream with NEW_AND_OLD_IMAGES, which the later workshop steps read. Off by default: nothing in this step reads it."
  type        = bool
  default     = false
  nullable    = false
}

# ------------------------------------------------------------------------------------------- function

variable "function_name" {
  description = "Name of the Lambda function (the workshop's StateLambda). Its log group is /aws/lambda/<function_name>."
  type        = string
  default     = "StateLambda"
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9_-]{1,64}$", var.function_name))
    error_message = "function_name must be 1..64 characters of a-z, A-Z, 0-9, '_', '-' (a name, not an ARN)."
  }
}

variable "role_name" {
  description = "Name of the function's IAM execution role. IAM names are global to the account, so change it to run two copies of the lab in one account."
  type        = string
  default     = "StateLambdaRole"
  nullable    = false

  validation {
    condition     = can(regex("^[a-zA-Z0-9+=,.@_-]{1,64}$", var.role_name))
    error_message = "role_name must be 1..64 characters of a-z, A-Z, 0-9 and + = , . @ _ -."
  }
}

variable "lambda_package_path" {
  description = "The function's deployment package, the zip `make build` writes. A relative path is relative to this directory (terraform/). Its SHA-256 is the function's source_code_hash, so a rebuilt package is redeployed."
  type        = string
  default     = "../handler/target/state-lambda.zip"
  nullable    = false

  validation {
    condition     = can(regex("^.+\\.zip$", var.lambda_package_path))
    error_message = "lambda_package_path must name a .zip file."
  }
}

variable "lambda_memory_mb" {
  description = "Function memory in MB. Lambda gives CPU in proportion to memory, and a Java function's cold start (class loading, JIT, AWS SDK init) is CPU-bound: 1024 MB roughly halves it compared with 512 MB, while a batch of 100 small trades needs well under 256 MB of heap. Per unit of work the cost is about the same, since the function also finishes sooner."
  type        = number
  default     = 1024
  nullable    = false

  validation {
    condition     = var.lambda_memory_mb >= 128 && var.lambda_memory_mb <= 10240 && var.lambda_memory_mb == floor(var.lambda_memory_mb)
    error_message = "lambda_memory_mb must be a whole number from 128 to 10240."
  }
}

variable "lambda_timeout_seconds" {
  description = "Function timeout in seconds. A batch of 100 conditional writes takes well under a second when DynamoDB is healthy; 60 s leaves room for the SDK's own retries with back-off under throttling, and still turns a hung invocation into a retry (a timeout is a function error) within a minute."
  type        = number
  default     = 60
  nullable    = false

  validation {
    condition     = var.lambda_timeout_seconds >= 1 && var.lambda_timeout_seconds <= 900 && var.lambda_timeout_seconds == floor(var.lambda_timeout_seconds)
    error_message = "lambda_timeout_seconds must be a whole number from 1 to 900."
  }
}

variable "lambda_architecture" {
  description = "Instruction set of the function: arm64 or x86_64. The package is pure Java (no native code of its own), so it runs unchanged on either; arm64 (Graviton) costs about 20 % less per GB-second."
  type        = string
  default     = "arm64"
  nullable    = false

  validation {
    condition     = contains(["arm64", "x86_64"], var.lambda_architecture)
    error_message = "lambda_architecture must be arm64 or x86_64."
  }
}

variable "failure_injection_percent" {
  description = "Share of invocations (0..100, whole percent) in which the function fails on purpose, to show that retries and conditional writes still end in the right state (workshop lab 2 uses about 5). Passed as FAILURE_INJECTION_PERCENT. 0 = never."
  type        = number
  default     = 0
  nullable    = false

  validation {
    condition     = var.failure_injection_percent >= 0 && var.failure_injection_percent <= 100 && var.failure_injection_percent == floor(var.failure_injection_percent)
    error_message = "failure_injection_percent must be a whole number from 0 to 100."
  }
}

variable "log_retention_days" {
  description = "Days CloudWatch Logs keeps the function's log events. A week is plenty for a lab; 0 would keep them forever (and bill for it)."
  type        = number
  default     = 7
  nullable    = false

  validation {
    condition     = contains([0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts: 0 (never expire), 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

# -------------------------------------------------------------------------------- event source mapping

variable "batch_size" {
  description = "Most records per invocation (the workshop's 100). AWS accepts 1..10000."
  type        = number
  default     = 100
  nullable    = false

  validation {
    condition     = var.batch_size >= 1 && var.batch_size <= 10000 && var.batch_size == floor(var.batch_size)
    error_message = "batch_size must be a whole number from 1 to 10000."
  }
}

variable "starting_position" {
  description = "Where the mapping starts reading a shard: TRIM_HORIZON (oldest record: nothing put right after apply is missed, the default), LATEST (only records put after the mapping is enabled) or AT_TIMESTAMP (needs starting_position_timestamp)."
  type        = string
  default     = "TRIM_HORIZON"
  nullable    = false

  validation {
    condition     = contains(["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"], var.starting_position)
    error_message = "starting_position must be TRIM_HORIZON, LATEST or AT_TIMESTAMP."
  }
}

variable "starting_position_timestamp" {
  description = "RFC 3339 time to start reading from when starting_position is AT_TIMESTAMP (e.g. 2026-12-04T10:00:00Z); must be null otherwise."
  type        = string
  default     = null

  validation {
    condition     = var.starting_position_timestamp == null || can(formatdate("YYYY", var.starting_position_timestamp))
    error_message = "starting_position_timestamp must be an RFC 3339 timestamp such as 2026-12-04T10:00:00Z."
  }
}

variable "maximum_batching_window_seconds" {
  description = "Seconds the mapping may wait to fill a batch before invoking (0..300). 0, the default, invokes as soon as a read returns records: lowest latency, which is what the lab shows."
  type        = number
  default     = 0
  nullable    = false

  validation {
    condition     = var.maximum_batching_window_seconds >= 0 && var.maximum_batching_window_seconds <= 300 && var.maximum_batching_window_seconds == floor(var.maximum_batching_window_seconds)
    error_message = "maximum_batching_window_seconds must be a whole number from 0 to 300."
  }
}

variable "parallelization_factor" {
  description = "Concurrent batches per shard (1..10). 1 keeps one batch in flight per shard; higher values still keep records of one partition key in order."
  type        = number
  default     = 1
  nullable    = false

  validation {
    condition     = var.parallelization_factor >= 1 && var.parallelization_factor <= 10 && var.parallelization_factor == floor(var.parallelization_factor)
    error_message = "parallelization_factor must be a whole number from 1 to 10."
  }
}

variable "maximum_retry_attempts" {
  description = "Retries of a failed batch before it is discarded (-1 = until the records expire, or 0..10000). Bounded, so one poisoned batch cannot block its shard for the whole retention period; 10 is far more than transient failures need (with 5 % injected failures, 11 failures in a row happen with probability 5e-15), and bisecting on error does not use up retries."
  type        = number
  default     = 10
  nullable    = false

  validation {
    condition     = var.maximum_retry_attempts == -1 || (var.maximum_retry_attempts >= 0 && var.maximum_retry_attempts <= 10000 && var.maximum_retry_attempts == floor(var.maximum_retry_attempts))
    error_message = "maximum_retry_attempts must be -1 (unlimited) or a whole number from 0 to 10000."
  }
}

variable "maximum_record_age_seconds" {
  description = "Records older than this are discarded instead of sent to the function (-1 = never, or 60..604800). One hour bounds how long a broken deployment can hold a shard back, yet leaves time to fix and redeploy before anything is dropped."
  type        = number
  default     = 3600
  nullable    = false

  validation {
    condition     = var.maximum_record_age_seconds == -1 || (var.maximum_record_age_seconds >= 60 && var.maximum_record_age_seconds <= 604800 && var.maximum_record_age_seconds == floor(var.maximum_record_age_seconds))
    error_message = "maximum_record_age_seconds must be -1 (unlimited) or a whole number from 60 to 604800 (7 days)."
  }
}
