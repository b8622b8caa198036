# Payment events fan out over an SNS topic: a publisher API, a ledger writer for every event, and a fraud
# checker that only sees large card payments (filter policy). The same application as ../template.yaml;
# each function comes from the local module ./modules/function.

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

resource "aws_sns_topic" "payment_events_topic" {
  name = "payment-events"
}

module "publish_payment_function" {
  source  = "./modules/function"
  name    = "publish-payment"
  handler = "publish.handler"
  environment = {
    TOPIC_ARN = aws_sns_topic.payment_events_topic.arn
  }
  statements = [{
    Effect   = "Allow"
    Action   = ["sns:Publish"]
    Resource = aws_sns_topic.payment_events_topic.arn
  }]
}

module "ledger_writer_function" {
  source  = "./modules/function"
  name    = "ledger-writer"
  handler = "ledger.handler"
}

module "fraud_check_function" {
  source  = "./modules/function"
  name    = "fraud-check"
  handler = "fraud.handler"
}

resource "aws_sns_topic_subscription" "all_payments" {
  topic_arn = aws_sns_topic.payment_events_topic.arn
  protocol  = "lambda"
  endpoint  = module.ledger_writer_function.arn
}

resource "aws_sns_topic_subscription" "large_card_payments" {
  topic_arn = aws_sns_topic.payment_events_topic.arn
  protocol  = "lambda"
  endpoint  = module.fraud_check_function.arn
  filter_policy = jsonencode({
    method  = ["card"]
    amount  = [{ numeric = [">=", 1000] }]
    country = [{ anything-but = ["NL", "BE"] }]
  })
}

resource "aws_lambda_permission" "sns" {
  for_each = {
    ledger = module.ledger_writer_function.name
    fraud  = module.fraud_check_function.name
  }

  action        = "lambda:InvokeFunction"
  function_name = each.value
  principal     = "sns.amazonaws.com"
  source_arn    = aws_sns_topic.payment_events_topic.arn
}

# The REST API SAM creates for the Api event, with its Prod stage, written out.
resource "aws_api_gateway_rest_api" "serverless_rest_api" {
  name = "fan-out-topic"
}

resource "aws_api_gateway_resource" "payments" {
  rest_api_id = aws_api_gateway_rest_api.serverless_rest_api.id
  parent_id   = aws_api_gateway_rest_api.serverless_rest_api.root_resource_id
  path_part   = "payments"
}

resource "aws_api_gateway_method" "post" {
  rest_api_id   = aws_api_gateway_rest_api.serverless_rest_api.id
  resource_id   = aws_api_gateway_resource.payments.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "post" {
  rest_api_id             = aws_api_gateway_rest_api.serverless_rest_api.id
  resource_id             = aws_api_gateway_resource.payments.id
  http_method             = aws_api_gateway_method.post.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = module.publish_payment_function.invoke_arn
}

resource "aws_api_gateway_deployment" "serverless_rest_api" {
  rest_api_id = aws_api_gateway_rest_api.serverless_rest_api.id
  depends_on  = [aws_api_gateway_integration.post]
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.serverless_rest_api.id
  deployment_id = aws_api_gateway_deployment.serverless_rest_api.id
  stage_name    = "Prod"
}

resource "aws_lambda_permission" "api" {
  action        = "lambda:InvokeFunction"
  function_name = module.publish_payment_function.name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.serverless_rest_api.execution_arn}/*/*"
}
