# One Node.js function with its own execution role, as SAM's Globals describe them for this application.

variable "name" {
  type        = string
  description = "The function's name."
}

variable "handler" {
  type = string
}

variable "environment" {
  type    = map(string)
  default = {}
}

variable "statements" {
  type        = list(any)
  default     = []
  description = "IAM policy statements the function needs, in the policy document's JSON shape."
}

data "archive_file" "this" {
  type        = "zip"
  source_dir  = "${path.root}/dist/"
  output_path = "${path.root}/build/${var.name}.zip"
}

resource "aws_lambda_function" "this" {
  function_name    = var.name
  role             = aws_iam_role.this.arn
  runtime          = "nodejs22.x"
  handler          = var.handler
  filename         = data.archive_file.this.output_path
  source_code_hash = data.archive_file.this.output_base64sha256
  memory_size      = 512
  timeout          = 15

  dynamic "environment" {
    for_each = length(var.environment) > 0 ? [var.environment] : []
    content {
      variables = environment.value
    }
  }
}

resource "aws_iam_role" "this" {
  name = var.name
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
  role       = aws_iam_role.this.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "this" {
  count = length(var.statements) > 0 ? 1 : 0

  name = "${var.name}-access"
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = var.statements
  })
}

output "arn" {
  value = aws_lambda_function.this.arn
}

output "name" {
  value = aws_lambda_function.this.function_name
}

output "invoke_arn" {
  value = aws_lambda_function.this.invoke_arn
}
