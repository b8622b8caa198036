# Order events on a custom EventBridge bus: the checkout API publishes them, rules route placed orders to
# billing and large or express orders to a priority handler; billing reads its payment provider key from
# Secrets Manager. The same application as ../template.yaml, with plain aws_* resources.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    archive = {
      source  = "hashicorp/archive"
      version = "~> 2.4"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_cloudwatch_event_bus" "orders_bus" {
  name = "orders"
}

resource "aws_secretsmanager_secret" "payment_provider_key" {
  description = "API key of the payment provider."
}

data "archive_file" "src" {
  type        = "zip"
  source_dir  = "${path.module}/src/"
  output_path = "${path.module}/build/src.zip"
}

locals {
  # What every function shares, like SAM's Globals.
  functions = {
    checkout       = { name = "checkout", environment = { EVENT_BUS = aws_cloudwatch_event_bus.orders_bus.name } }
    billing        = { name = "billing", environment = { PAYMENT_KEY = aws_secretsmanager_secret.payment_provider_key.arn } }
    priority_order = { name = "priority-order", environment = {} }
  }
}

resource "aws_lambda_function" "checkout_function" {
  function_name    = local.functions.checkout.name
  role             = aws_iam_role.function["checkout"].arn
  runtime          = "python3.13"
  handler          = "app.handler"
  filename         = data.archive_file.src.output_path
  source_code_hash = data.archive_file.src.output_base64sha256
  timeout          = 30

  environment {
    variables = local.functions.checkout.environment
  }
}

resource "aws_lambda_function" "billing_function" {
  function_name    = local.functions.billing.name
  role             = aws_iam_role.function["billing"].arn
  runtime          = "python3.13"
  handler          = "app.handler"
  filename         = data.archive_file.src.output_path
  source_code_hash = data.archive_file.src.output_base64sha256
  timeout          = 30

  environment {
    variables = local.functions.billing.environment
  }
}

resource "aws_lambda_function" "priority_order_function" {
  function_name    = local.functions.priority_order.name
  role             = aws_iam_role.function["priority_order"].arn
  runtime          = "python3.13"
  handler          = "app.handler"
  filename         = data.archive_file.src.output_path
  source_code_hash = data.archive_file.src.output_base64sha256
  timeout          = 30
}

# Execution roles, one per function.
resource "aws_iam_role" "function" {
  for_each = local.functions

  name = "event-router-${each.value.name}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "logs" {
  for_each = local.functions

  role       = aws_iam_role.function[each.key].name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "checkout" {
  role = aws_iam_role.function["checkout"].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "events:PutEvents"
      Resource = aws_cloudwatch_event_bus.orders_bus.arn
    }]
  })
}

resource "aws_iam_role_policy" "billing" {
  role = aws_iam_role.function["billing"].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
      Resource = aws_secretsmanager_secret.payment_provider_key.arn
    }]
  })
}

# Rules on the bus, each with the function as its target.
resource "aws_cloudwatch_event_rule" "order_placed" {
  event_bus_name = aws_cloudwatch_event_bus.orders_bus.name
  event_pattern = jsonencode({
    source        = ["shop.checkout"]
    "detail-type" = ["OrderPlaced"]
  })
}

resource "aws_cloudwatch_event_target" "order_placed" {
  event_bus_name = aws_cloudwatch_event_bus.orders_bus.name
  rule           = aws_cloudwatch_event_rule.order_placed.name
  arn            = aws_lambda_function.billing_function.arn
}

resource "aws_cloudwatch_event_rule" "large_order" {
  event_bus_name = aws_cloudwatch_event_bus.orders_bus.name
  event_pattern = jsonencode({
    source = ["shop.checkout"]
    detail = {
      total    = [{ numeric = [">", 500] }]
      shipping = [{ prefix = "express" }]
    }
  })
}

resource "aws_cloudwatch_event_target" "large_order" {
  event_bus_name = aws_cloudwatch_event_bus.orders_bus.name
  rule           = aws_cloudwatch_event_rule.large_order.name
  arn            = aws_lambda_function.priority_order_function.arn
}

resource "aws_lambda_permission" "events" {
  for_each = {
    billing        = { function = aws_lambda_function.billing_function.function_name, rule = aws_cloudwatch_event_rule.order_placed.arn }
    priority_order = { function = aws_lambda_function.priority_order_function.function_name, rule = aws_cloudwatch_event_rule.large_order.arn }
  }

  action        = "lambda:InvokeFunction"
  function_name = each.value.function
  principal     = "events.amazonaws.com"
  source_arn    = each.value.rule
}

# The HTTP API SAM creates for the HttpApi event, written out.
resource "aws_apigatewayv2_api" "serverless_http_api" {
  name          = "event-router"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.serverless_http_api.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_integration" "checkout" {
  api_id                 = aws_apigatewayv2_api.serverless_http_api.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.checkout_function.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "checkout" {
  api_id    = aws_apigatewayv2_api.serverless_http_api.id
  route_key = "POST /checkout"
  target    = "integrations/${aws_apigatewayv2_integration.checkout.id}"
}

resource "aws_lambda_permission" "api" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.checkout_function.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.serverless_http_api.execution_arn}/*/*"
}
