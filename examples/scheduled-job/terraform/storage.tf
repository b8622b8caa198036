resource "aws_s3_bucket" "report_bucket" {
  bucket = "sales-reports-${var.environment}-${data.aws_caller_identity.current.account_id}"
}

resource "aws_s3_bucket_versioning" "report_bucket" {
  bucket = aws_s3_bucket.report_bucket.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "report_bucket" {
  bucket = aws_s3_bucket.report_bucket.id
  rule {
    id     = "expire-old-reports"
    status = "Enabled"
    expiration {
      days = 365
    }
  }
}

resource "aws_sqs_queue" "report_tasks_dead_letter_queue" {
  name                      = "report-tasks-dlq-${var.environment}"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "report_tasks_queue" {
  name                       = "report-tasks-${var.environment}"
  visibility_timeout_seconds = 360
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.report_tasks_dead_letter_queue.arn
    maxReceiveCount     = 3
  })
}
