# Order fulfilment worker: an API accepts orders onto a FIFO queue; a worker ships them in order per
# customer and hands failed orders to a dead-letter queue that a second worker inspects.
# The same application as ../template.yaml, written with the terraform-aws-modules/lambda/aws module.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "stage" {
  type    = string
  default = "dev"

  validation {
    condition     = contains(["dev", "prod"], var.stage)
    error_message = "The stage must be dev or prod."
  }
}

locals {
  # What every function shares, like SAM's Globals.
  runtime     = "python3.12"
  source_path = "${path.module}/src/"
  environment = {
    STAGE = var.stage
  }
}

resource "aws_sqs_queue" "orders_queue" {
  name                        = "orders-${var.stage}.fifo"
  fifo_queue                  = true
  content_based_deduplication = true
  visibility_timeout_seconds  = 180
  message_retention_seconds   = 345600
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.orders_dead_letter_queue.arn
    maxReceiveCount     = 5
  })
}

resource "aws_sqs_queue" "orders_dead_letter_queue" {
  name                      = "orders-dlq-${var.stage}.fifo"
  fifo_queue                = true
  message_retention_seconds = 1209600
}

module "accept_order_function" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"

  function_name = "accept-order-${var.stage}"
  handler       = "accept.handler"
  runtime       = local.runtime
  source_path   = local.source_path
  memory_size   = 256
  timeout       = 30

  environment_variables = merge(local.environment, {
    ORDERS_QUEUE_URL = aws_sqs_queue.orders_queue.url
  })

  attach_policy_statements = true
  policy_statements = {
    send_orders = {
      effect    = "Allow"
      actions   = ["sqs:SendMessage"]
      resources = [aws_sqs_queue.orders_queue.arn]
    }
  }

  allowed_triggers = {
    api = {
      service    = "apigateway"
      source_arn = "${aws_apigatewayv2_api.serverless_http_api.execution_arn}/*/*"
    }
  }
}

module "ship_order_function" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"

  function_name = "ship-order-${var.stage}"
  handler       = "ship.handler"
  runtime       = local.runtime
  source_path   = local.source_path
  memory_size   = 256
  timeout       = 120

  environment_variables = local.environment

  event_source_mapping = {
    orders = {
      event_source_arn        = aws_sqs_queue.orders_queue.arn
      batch_size              = 10
      function_response_types = ["ReportBatchItemFailures"]
      scaling_config = {
        maximum_concurrency = 20
      }
    }
  }

  attach_policies    = true
  policies           = ["arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"]
  number_of_policies = 1
}

module "inspect_failed_order_function" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"

  function_name = "inspect-failed-order-${var.stage}"
  handler       = "inspect.handler"
  runtime       = local.runtime
  source_path   = local.source_path
  memory_size   = 256
  timeout       = 30

  environment_variables = local.environment

  event_source_mapping = {
    failed = {
      event_source_arn = aws_sqs_queue.orders_dead_letter_queue.arn
      batch_size       = 1
    }
  }

  attach_policies    = true
  policies           = ["arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"]
  number_of_policies = 1
}

# The HTTP API SAM creates for HttpApi events, written out.
resource "aws_apigatewayv2_api" "serverless_http_api" {
  name          = "queue-worker-${var.stage}"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.serverless_http_api.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_integration" "accept_order" {
  api_id                 = aws_apigatewayv2_api.serverless_http_api.id
  integration_type       = "AWS_PROXY"
  integration_uri        = module.accept_order_function.lambda_function_invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "post_order" {
  api_id    = aws_apigatewayv2_api.serverless_http_api.id
  route_key = "POST /orders"
  target    = "integrations/${aws_apigatewayv2_integration.accept_order.id}"
}

output "orders_queue_url" {
  value = aws_sqs_queue.orders_queue.url
}
