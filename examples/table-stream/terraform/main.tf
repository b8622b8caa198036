# Customer profiles in DynamoDB: an HTTP API reads and writes profiles, and a stream processor publishes
# every change to an audit table. The same application as ../template.yaml, written with the
# terraform-aws-modules/lambda/aws module.

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

locals {
  # The package Maven builds, shared by both functions like SAM's Globals.CodeUri.
  package = "${path.module}/target/profiles.jar"
}

resource "aws_dynamodb_table" "profiles_table" {
  name             = "profiles"
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "customerId"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"

  attribute {
    name = "customerId"
    type = "S"
  }
}

resource "aws_dynamodb_table" "audit_table" {
  name         = "profile-audit"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "customerId"
  range_key    = "changedAt"

  attribute {
    name = "customerId"
    type = "S"
  }

  attribute {
    name = "changedAt"
    type = "S"
  }

  ttl {
    attribute_name = "expiresAt"
    enabled        = true
  }
}

module "profiles_api_function" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"

  function_name          = "profiles-api"
  handler                = "com.example.profiles.ApiHandler::handleRequest"
  runtime                = "java21"
  create_package         = false
  local_existing_package = local.package
  memory_size            = 1024
  timeout                = 20

  environment_variables = {
    PROFILES_TABLE = aws_dynamodb_table.profiles_table.name
  }

  attach_policy_statements = true
  policy_statements = {
    profiles = {
      effect = "Allow"
      actions = [
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
        "dynamodb:Query", "dynamodb:Scan",
      ]
      resources = [aws_dynamodb_table.profiles_table.arn]
    }
  }

  allowed_triggers = {
    api = {
      service    = "apigateway"
      source_arn = "${aws_apigatewayv2_api.serverless_http_api.execution_arn}/*/*"
    }
  }
}

module "audit_function" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"

  function_name          = "profiles-audit"
  handler                = "com.example.profiles.AuditHandler::handleRequest"
  runtime                = "java21"
  create_package         = false
  local_existing_package = local.package
  memory_size            = 1024
  timeout                = 20

  environment_variables = {
    AUDIT_TABLE = aws_dynamodb_table.audit_table.name
  }

  event_source_mapping = {
    profile_changes = {
      event_source_arn               = aws_dynamodb_table.profiles_table.stream_arn
      starting_position              = "TRIM_HORIZON"
      batch_size                     = 100
      bisect_batch_on_function_error = true
      maximum_retry_attempts         = 3
    }
  }

  attach_policy_statements = true
  policy_statements = {
    audit = {
      effect    = "Allow"
      actions   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"]
      resources = [aws_dynamodb_table.audit_table.arn]
    }
  }

  attach_policies    = true
  policies           = ["arn:aws:iam::aws:policy/service-role/AWSLambdaDynamoDBExecutionRole"]
  number_of_policies = 1
}

# The HTTP API SAM creates for the HttpApi events, written out.
resource "aws_apigatewayv2_api" "serverless_http_api" {
  name          = "profiles"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.serverless_http_api.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_integration" "profiles" {
  api_id                 = aws_apigatewayv2_api.serverless_http_api.id
  integration_type       = "AWS_PROXY"
  integration_uri        = module.profiles_api_function.lambda_function_invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "get_profile" {
  api_id    = aws_apigatewayv2_api.serverless_http_api.id
  route_key = "GET /profiles/{customerId}"
  target    = "integrations/${aws_apigatewayv2_integration.profiles.id}"
}

resource "aws_apigatewayv2_route" "put_profile" {
  api_id    = aws_apigatewayv2_api.serverless_http_api.id
  route_key = "PUT /profiles/{customerId}"
  target    = "integrations/${aws_apigatewayv2_integration.profiles.id}"
}
