# Payments authorizer: a latency-sensitive function that runs inside the company VPC to reach the payments
# database, with provisioned concurrency to avoid cold starts and gradual deployments. The same application
# as ../template.yaml, with plain aws_* resources; the canary deployments SAM's DeploymentPreference sets up
# are CodeDeploy resources here.

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

data "aws_region" "current" {}

variable "environment" {
  type    = string
  default = "prod"
  validation {
    condition     = contains(["staging", "prod"], var.environment)
    error_message = "The environment must be staging or prod."
  }
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets with a route to the payments database."
}

variable "database_security_group_id" {
  type        = string
  description = "Security group allowed to reach the database."
}

variable "database_host" {
  type        = string
  description = "Host name of the payments database."
}

variable "database_password" {
  type        = string
  sensitive   = true
  description = "Password of the payments database user."
}

variable "warm_instances" {
  type    = number
  default = 5
  validation {
    condition     = var.warm_instances >= 1 && var.warm_instances <= 50
    error_message = "Between 1 and 50 warm instances."
  }
}

locals {
  is_prod = var.environment == "prod"
}

data "archive_file" "authorize" {
  type        = "zip"
  source_dir  = "${path.module}/src/authorize/"
  output_path = "${path.module}/build/authorize.zip"
}

resource "aws_lambda_function" "authorize_payment_function" {
  function_name                  = "authorize-payment-${var.environment}"
  description                    = "Authorizes card payments against the payments database."
  role                           = aws_iam_role.authorize_payment.arn
  runtime                        = "python3.12"
  handler                        = "authorize.handler"
  filename                       = data.archive_file.authorize.output_path
  source_code_hash               = data.archive_file.authorize.output_base64sha256
  memory_size                    = 1024
  timeout                        = 10
  reserved_concurrent_executions = 200
  publish                        = true

  vpc_config {
    subnet_ids         = var.private_subnet_ids
    security_group_ids = [var.database_security_group_id]
  }

  environment {
    variables = {
      DB_HOST      = var.database_host
      DB_NAME      = "payments"
      DB_USER      = "authorizer"
      DB_PASSWORD  = var.database_password
      FRAUD_CHECKS = local.is_prod ? "strict" : "relaxed"
    }
  }

  tracing_config {
    mode = "Active"
  }
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.authorize_payment_function.function_name
  function_version = aws_lambda_function.authorize_payment_function.version
}

resource "aws_lambda_provisioned_concurrency_config" "live" {
  function_name                     = aws_lambda_function.authorize_payment_function.function_name
  qualifier                         = aws_lambda_alias.live.name
  provisioned_concurrent_executions = 20
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "authorize_payment" {
  assume_role_policy = data.aws_iam_policy_document.assume.json
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
    "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
  ]
}

# Gradual deployments of the alias: SAM's DeploymentPreference Canary10Percent5Minutes.
resource "aws_codedeploy_app" "payments" {
  name             = "payments-${var.environment}"
  compute_platform = "Lambda"
}

resource "aws_codedeploy_deployment_group" "authorize_payment" {
  app_name               = aws_codedeploy_app.payments.name
  deployment_group_name  = "authorize-payment"
  deployment_config_name = "CodeDeployDefault.LambdaCanary10Percent5Minutes"
  service_role_arn       = "arn:aws:iam::123456789012:role/codedeploy"

  deployment_style {
    deployment_type   = "BLUE_GREEN"
    deployment_option = "WITH_TRAFFIC_CONTROL"
  }
}

# The REST API SAM creates for the Api events, with its Prod stage, written out.
resource "aws_api_gateway_rest_api" "serverless_rest_api" {
  name = "vpc-provisioned"
}

resource "aws_api_gateway_resource" "payments" {
  rest_api_id = aws_api_gateway_rest_api.serverless_rest_api.id
  parent_id   = aws_api_gateway_rest_api.serverless_rest_api.root_resource_id
  path_part   = "payments"
}

resource "aws_api_gateway_resource" "authorize" {
  rest_api_id = aws_api_gateway_rest_api.serverless_rest_api.id
  parent_id   = aws_api_gateway_resource.payments.id
  path_part   = "authorize"
}

resource "aws_api_gateway_resource" "payment" {
  rest_api_id = aws_api_gateway_rest_api.serverless_rest_api.id
  parent_id   = aws_api_gateway_resource.payments.id
  path_part   = "{paymentId}"
}

resource "aws_api_gateway_method" "authorize" {
  rest_api_id   = aws_api_gateway_rest_api.serverless_rest_api.id
  resource_id   = aws_api_gateway_resource.authorize.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "authorize" {
  rest_api_id             = aws_api_gateway_rest_api.serverless_rest_api.id
  resource_id             = aws_api_gateway_resource.authorize.id
  http_method             = aws_api_gateway_method.authorize.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_alias.live.invoke_arn
}

resource "aws_api_gateway_method" "status" {
  rest_api_id   = aws_api_gateway_rest_api.serverless_rest_api.id
  resource_id   = aws_api_gateway_resource.payment.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "status" {
  rest_api_id             = aws_api_gateway_rest_api.serverless_rest_api.id
  resource_id             = aws_api_gateway_resource.payment.id
  http_method             = aws_api_gateway_method.status.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_alias.live.invoke_arn
}

resource "aws_api_gateway_deployment" "serverless_rest_api" {
  rest_api_id = aws_api_gateway_rest_api.serverless_rest_api.id
  depends_on  = [aws_api_gateway_integration.authorize, aws_api_gateway_integration.status]
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.serverless_rest_api.id
  deployment_id = aws_api_gateway_deployment.serverless_rest_api.id
  stage_name    = "Prod"
}

resource "aws_lambda_permission" "api" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.authorize_payment_function.function_name
  qualifier     = aws_lambda_alias.live.name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.serverless_rest_api.execution_arn}/*/*"
}

output "authorize_url" {
  description = "The authorize endpoint."
  value       = "https://${aws_api_gateway_rest_api.serverless_rest_api.id}.execute-api.${data.aws_region.current.name}.amazonaws.com/Prod/payments/authorize"
}
