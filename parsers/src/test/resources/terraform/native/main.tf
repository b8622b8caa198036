variable "stage" {
  type    = string
  default = "dev"
  validation {
    condition     = contains(["dev", "prod"], var.stage)
    error_message = "dev or prod"
  }
}

locals {
  prefix = "orders-${var.stage}"
}

resource "aws_sqs_queue" "orders" {
  name                       = "${local.prefix}-queue"
  visibility_timeout_seconds = 60
}

resource "aws_lambda_function" "worker" {
  function_name = "${local.prefix}-worker"
  role          = "arn:aws:iam::123456789012:role/worker"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "build/worker.zip"
  memory_size   = 256

  environment {
    variables = {
      QUEUE_URL = aws_sqs_queue.orders.url
      STAGE     = var.stage
    }
  }

  vpc_config {
    subnet_ids         = ["subnet-1"]
    security_group_ids = ["sg-1"]
  }
}

resource "aws_lambda_event_source_mapping" "orders" {
  function_name    = aws_lambda_function.worker.arn
  event_source_arn = aws_sqs_queue.orders.arn
  batch_size       = 10
  scaling_config {
    maximum_concurrency = 5
  }
}

output "queue_url" {
  value = aws_sqs_queue.orders.url
}
