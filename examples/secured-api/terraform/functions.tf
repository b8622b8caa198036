# Product catalog: a REST API for partners, who call it with an API key under a usage plan (an import route is
# guarded by a Lambda authorizer), and an HTTP API for the web shop, whose users sign in with a Cognito user pool.
# The same application as ../template.yaml, with plain aws_* resources.

data "archive_file" "catalog" {
  type        = "zip"
  source_dir  = "${path.module}/src/"
  output_path = "${path.module}/build/catalog.zip"
}

locals {
  # What every function shares, like SAM's Globals.
  environment = {
    STAGE = var.stage
  }
}

resource "aws_lambda_function" "list_products_function" {
  function_name    = "catalog-list-${var.stage}"
  role             = aws_iam_role.function["list_products"].arn
  runtime          = "nodejs22.x"
  handler          = "index.handler"
  filename         = data.archive_file.catalog.output_path
  source_code_hash = data.archive_file.catalog.output_base64sha256
  memory_size      = 256
  timeout          = 10

  environment {
    variables = local.environment
  }
}

resource "aws_lambda_function" "get_product_function" {
  function_name    = "catalog-get-${var.stage}"
  role             = aws_iam_role.function["get_product"].arn
  runtime          = "nodejs22.x"
  handler          = "index.handler"
  filename         = data.archive_file.catalog.output_path
  source_code_hash = data.archive_file.catalog.output_base64sha256
  memory_size      = 256
  timeout          = 10

  environment {
    variables = local.environment
  }
}

resource "aws_lambda_function" "import_products_function" {
  function_name    = "catalog-import-${var.stage}"
  role             = aws_iam_role.function["import_products"].arn
  runtime          = "nodejs22.x"
  handler          = "index.handler"
  filename         = data.archive_file.catalog.output_path
  source_code_hash = data.archive_file.catalog.output_base64sha256
  memory_size      = 256
  timeout          = 60

  environment {
    variables = local.environment
  }
}

resource "aws_lambda_function" "admin_authorizer_function" {
  function_name    = "catalog-admin-authorizer-${var.stage}"
  role             = aws_iam_role.function["admin_authorizer"].arn
  runtime          = "nodejs22.x"
  handler          = "index.handler"
  filename         = data.archive_file.catalog.output_path
  source_code_hash = data.archive_file.catalog.output_base64sha256
  memory_size      = 256
  timeout          = 10

  environment {
    variables = local.environment
  }
}

resource "aws_lambda_function" "cart_function" {
  function_name    = "catalog-cart-${var.stage}"
  role             = aws_iam_role.function["cart"].arn
  runtime          = "nodejs22.x"
  handler          = "index.handler"
  filename         = data.archive_file.catalog.output_path
  source_code_hash = data.archive_file.catalog.output_base64sha256
  memory_size      = 256
  timeout          = 10

  environment {
    variables = local.environment
  }
}
