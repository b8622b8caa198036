# A Lambda function in the style of the terraform-aws-modules: the constructs real configurations use.
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

variable "functions" {
  description = "The functions to deploy, by name."
  type = map(object({
    handler = string
    runtime = optional(string, "python3.12")
    memory  = optional(number)
    enabled = optional(bool, true)
  }))
  default = {}

  validation {
    condition     = alltrue([for f in values(var.functions) : f.memory == null || f.memory >= 128])
    error_message = "Memory must be at least 128 MB."
  }
}

variable "subnet_ids" {
  type    = list(string)
  default = []
}

locals {
  enabled = { for name, f in var.functions : name => f if f.enabled }
  prefix  = "${terraform.workspace}-orders"
  by_runtime = {
    for name, f in var.functions : f.runtime => name...
  }
  sizes = [for name in sort(keys(local.enabled)) : lookup(var.functions[name], "memory", 128)]
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

resource "aws_iam_role" "lambda" {
  for_each           = local.enabled
  name               = "${local.prefix}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_lambda_function" "this" {
  for_each      = local.enabled
  function_name = "${local.prefix}-${each.key}"
  role          = aws_iam_role.lambda[each.key].arn
  handler       = each.value.handler
  runtime       = each.value.runtime
  memory_size   = coalesce(each.value.memory, 128)
  timeout       = each.key == "batch" ? 900 : 30
  filename      = "${path.module}/build/${each.key}.zip"
  architectures = ["arm64"]

  environment {
    variables = {
      STAGE      = terraform.workspace
      TABLE_NAME = aws_dynamodb_table.orders.name
      "LOG.LEVEL" = "info"
    }
  }

  dynamic "vpc_config" {
    for_each = length(var.subnet_ids) > 0 ? [1] : []
    content {
      subnet_ids         = var.subnet_ids
      security_group_ids = aws_security_group.lambda[*].id
    }
  }

  tags = merge(var.tags, { Name = each.key })

  lifecycle { ignore_changes = [tags["CreatedAt"]] }

  depends_on = [aws_iam_role.lambda]
}

resource "aws_iam_role_policy" "queue" {
  for_each = local.enabled
  role     = aws_iam_role.lambda[each.key].id
  policy   = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": ["sqs:ReceiveMessage", "sqs:DeleteMessage"],
        "Resource": "${aws_sqs_queue.orders.arn}"
      }]
    }
  POLICY
}

resource "aws_lambda_event_source_mapping" "queue" {
  for_each         = { for k, v in local.enabled : k => v if k != "api" }
  event_source_arn = aws_sqs_queue.orders.arn
  function_name    = aws_lambda_function.this[each.key].arn
  batch_size       = 10
}

output "function_arns" {
  value = { for k, fn in aws_lambda_function.this : k => fn.arn }
}

output "first_role" {
  value     = values(aws_iam_role.lambda)[0].arn
  sensitive = false
}
