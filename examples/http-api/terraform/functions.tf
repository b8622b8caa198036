# Orders service: a REST API to create, read, list and cancel orders, stored in DynamoDB, with a payment
# provider called on checkout. The same application as ../template.yaml, with plain aws_* resources.

data "archive_file" "orders" {
  type        = "zip"
  source_dir  = "${path.module}/src/orders/"
  output_path = "${path.module}/build/orders.zip"
}

resource "aws_lambda_function" "create_order_function" {
  function_name    = "orders-create-${var.stage}"
  description      = "Validates an order, charges it and stores it."
  role             = aws_iam_role.create_order.arn
  runtime          = "python3.12"
  handler          = "app.create_order.handler"
  filename         = data.archive_file.orders.output_path
  source_code_hash = data.archive_file.orders.output_base64sha256
  architectures    = ["arm64"]
  memory_size      = 512
  timeout          = 29

  environment {
    variables = merge(local.environment, {
      PAYMENT_API_KEY  = var.payment_api_key
      PAYMENT_ENDPOINT = "https://payments.${var.stage}.example.com/v1/charges"
    })
  }

  tracing_config {
    mode = "Active"
  }
}

resource "aws_lambda_function" "get_order_function" {
  function_name    = "orders-get-${var.stage}"
  role             = aws_iam_role.get_order.arn
  runtime          = "python3.12"
  handler          = "app.get_order.handler"
  filename         = data.archive_file.orders.output_path
  source_code_hash = data.archive_file.orders.output_base64sha256
  architectures    = ["arm64"]
  memory_size      = 256
  timeout          = 10

  environment {
    variables = local.environment
  }

  tracing_config {
    mode = "Active"
  }
}

resource "aws_lambda_function" "list_orders_function" {
  function_name                  = "orders-list-${var.stage}"
  role                           = aws_iam_role.list_orders.arn
  runtime                        = "python3.12"
  handler                        = "app.list_orders.handler"
  filename                       = data.archive_file.orders.output_path
  source_code_hash               = data.archive_file.orders.output_base64sha256
  architectures                  = ["arm64"]
  memory_size                    = 256
  timeout                        = 10
  reserved_concurrent_executions = local.is_prod ? 50 : 5

  environment {
    variables = merge(local.environment, {
      PAGE_SIZE = "50"
    })
  }

  tracing_config {
    mode = "Active"
  }
}

resource "aws_lambda_function" "cancel_order_function" {
  function_name    = "orders-cancel-${var.stage}"
  role             = aws_iam_role.cancel_order.arn
  runtime          = "python3.12"
  handler          = "app.cancel_order.handler"
  filename         = data.archive_file.orders.output_path
  source_code_hash = data.archive_file.orders.output_base64sha256
  architectures    = ["arm64"]
  memory_size      = 256
  timeout          = 10
  publish          = true

  environment {
    variables = merge(local.environment, {
      ORDERS_TABLE_ARN = aws_dynamodb_table.orders_table.arn
    })
  }

  tracing_config {
    mode = "Active"
  }
}

# SAM's AutoPublishAlias: an alias on the version every change publishes.
resource "aws_lambda_alias" "cancel_order_live" {
  name             = "live"
  function_name    = aws_lambda_function.cancel_order_function.function_name
  function_version = aws_lambda_function.cancel_order_function.version
}

resource "aws_dynamodb_table" "orders_table" {
  name         = "orders-${var.stage}"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "orderId"

  attribute {
    name = "orderId"
    type = "S"
  }

  attribute {
    name = "customerId"
    type = "S"
  }

  global_secondary_index {
    name            = "byCustomer"
    hash_key        = "customerId"
    projection_type = "ALL"
  }

  point_in_time_recovery {
    enabled = local.is_prod
  }
}
