# Invoice rendering batch: a Java function that renders the month's invoices as PDF. It needs a lot of
# memory and up to the full 15 minutes Lambda allows, and runs on the first day of each month. The same
# application as ../template.yaml, with plain aws_* resources.

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

variable "environment" {
  type    = string
  default = "prod"
  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "The environment must be dev or prod."
  }
}

variable "invoice_bucket_name" {
  type        = string
  description = "Bucket the rendered invoices are written to (owned by the billing team)."
}

locals {
  # Memory per environment, for the renderer's own sizing.
  sizing = {
    dev  = { MemorySize = 4096 }
    prod = { MemorySize = 10240 }
  }
}

resource "aws_lambda_function" "render_invoices_function" {
  function_name = "render-invoices-${var.environment}"
  description   = "Renders every invoice of the previous month as PDF."
  role          = aws_iam_role.render_invoices.arn
  runtime       = "java21"
  handler       = "com.example.billing.RenderInvoices::handleRequest"
  filename      = "${path.module}/target/render-invoices.jar"
  memory_size   = 10240
  timeout       = 900

  ephemeral_storage {
    size = 4096
  }

  environment {
    variables = {
      INVOICE_BUCKET    = var.invoice_bucket_name
      JAVA_TOOL_OPTIONS = "-XX:+UseZGC -XX:MaxRAMPercentage=75"
      PAGE_SIZE         = "A4"
      SIZING            = local.sizing[var.environment].MemorySize
    }
  }
}

resource "aws_cloudwatch_log_group" "render_invoices_log_group" {
  name              = "/aws/lambda/render-invoices-${var.environment}"
  retention_in_days = 90
}

resource "aws_iam_role" "render_invoices" {
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })

  inline_policy {
    name = "invoices"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"]
        Resource = ["arn:aws:s3:::${var.invoice_bucket_name}", "arn:aws:s3:::${var.invoice_bucket_name}/*"]
      }]
    })
  }
}

# 03:00 UTC on the first day of every month.
resource "aws_cloudwatch_event_rule" "monthly" {
  description         = "03:00 UTC on the first day of every month."
  schedule_expression = "cron(0 3 1 * ? *)"
}

resource "aws_cloudwatch_event_target" "monthly" {
  rule = aws_cloudwatch_event_rule.monthly.name
  arn  = aws_lambda_function.render_invoices_function.arn
}

resource "aws_cloudwatch_event_rule" "on_demand" {
  schedule_expression = "rate(6 hours)"
  is_enabled          = false
}

resource "aws_cloudwatch_event_target" "on_demand" {
  rule = aws_cloudwatch_event_rule.on_demand.name
  arn  = aws_lambda_function.render_invoices_function.arn
}

resource "aws_lambda_permission" "schedules" {
  for_each = {
    monthly   = aws_cloudwatch_event_rule.monthly.arn
    on_demand = aws_cloudwatch_event_rule.on_demand.arn
  }

  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.render_invoices_function.function_name
  principal     = "events.amazonaws.com"
  source_arn    = each.value
}
