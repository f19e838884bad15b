# The stream the trades are put on (the workshop's IncomingDataStream).
resource "aws_kinesis_stream" "incoming" {
  name             = var.stream_name
  shard_count      = var.stream_mode == "PROVISIONED" ? var.shard_count : null
  retention_period = var.stream_retention_hours

  # Server-side encryption with the AWS-managed key: no key to create, pay for or delete, and the
  # function's role needs no kms:Decrypt (that key's policy lets Kinesis use it for any principal of
  # the account allowed to read the stream). A customer-managed key would need kms:Decrypt on it.
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"

  stream_mode_details {
    stream_mode = var.stream_mode
  }
}
