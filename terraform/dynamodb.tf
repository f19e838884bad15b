# The table the function writes (the workshop's StateTable): one item per TradeID.
resource "aws_dynamodb_table" "state" {
  name         = var.table_name
  billing_mode = "PAY_PER_REQUEST" # on demand: no capacity to size, nothing billed while idle but storage
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  # Later workshop steps read the table's changes (new and old images); this step does not.
  stream_enabled   = var.table_stream_enabled
  stream_view_type = var.table_stream_enabled ? "NEW_AND_OLD_IMAGES" : null
}
