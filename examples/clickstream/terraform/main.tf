# Clickstream analytics: browsers post clicks to an ingest API that writes them to a Kinesis stream; an
# aggregator reads the stream in batches and keeps per-page counts in DynamoDB. The same application as
# ../template.yaml, written with the terraform-aws-modules/lambda/aws module.

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

variable "shard_count" {
  type    = number
  default = 4
}

resource "aws_kinesis_stream" "click_stream" {
  name             = "clicks"
  shard_count      = 8
  retention_period = 48
}

resource "aws_dynamodb_table" "page_counts_table" {
  name         = "page-counts"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "page"

  attribute {
    name = "page"
    type = "S"
  }
}

module "ingest_function" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"

  function_name = "clickstream-ingest"
  handler       = "ingest.handler"
  runtime       = "nodejs22.x"
  source_path   = "${path.module}/dist/"
  memory_size   = 256

  environment_variables = {
    STREAM_NAME = aws_kinesis_stream.click_stream.name
  }

  attach_policy_statements = true
  policy_statements = {
    put_records = {
      effect    = "Allow"
      actions   = ["kinesis:PutRecord", "kinesis:PutRecords"]
      resources = [aws_kinesis_stream.click_stream.arn]
    }
  }

  allowed_triggers = {
    api = {
      service    = "apigateway"
      source_arn = "${aws_apigatewayv2_api.serverless_http_api.execution_arn}/*/*"
    }
  }
}

module "aggregate_function" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "~> 7.0"

  function_name = "clickstream-aggregate"
  handler       = "aggregate.handler"
  runtime       = "nodejs22.x"
  source_path   = "${path.module}/dist/"
  memory_size   = 256
  timeout       = 60

  environment_variables = {
    COUNTS_TABLE = aws_dynamodb_table.page_counts_table.name
  }

  event_source_mapping = {
    clicks = {
      event_source_arn                   = aws_kinesis_stream.click_stream.arn
      starting_position                  = "LATEST"
      batch_size                         = 500
      maximum_batching_window_in_seconds = 10
      parallelization_factor             = 2
    }
  }

  attach_policy_statements = true
  policy_statements = {
    counts = {
      effect = "Allow"
      actions = [
        "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
        "dynamodb:Query", "dynamodb:Scan",
      ]
      resources = [aws_dynamodb_table.page_counts_table.arn]
    }
  }

  attach_policies    = true
  policies           = ["arn:aws:iam::aws:policy/service-role/AWSLambdaKinesisExecutionRole"]
  number_of_policies = 1
}

# The HTTP API SAM creates for the HttpApi event, written out.
resource "aws_apigatewayv2_api" "serverless_http_api" {
  name          = "clickstream"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.serverless_http_api.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_integration" "ingest" {
  api_id                 = aws_apigatewayv2_api.serverless_http_api.id
  integration_type       = "AWS_PROXY"
  integration_uri        = module.ingest_function.lambda_function_invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "click" {
  api_id    = aws_apigatewayv2_api.serverless_http_api.id
  route_key = "POST /clicks"
  target    = "integrations/${aws_apigatewayv2_integration.ingest.id}"
}
