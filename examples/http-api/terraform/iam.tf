data "aws_iam_policy_document" "lambda_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

locals {
  roles = {
    create_order = data.aws_iam_policy_document.orders_crud.json
    get_order    = data.aws_iam_policy_document.orders_read.json
    list_orders  = data.aws_iam_policy_document.orders_read.json
    cancel_order = data.aws_iam_policy_document.orders_crud_metrics.json
  }
}

resource "aws_iam_role" "create_order" {
  name               = "orders-create-${var.stage}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

resource "aws_iam_role" "get_order" {
  name               = "orders-get-${var.stage}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

resource "aws_iam_role" "list_orders" {
  name               = "orders-list-${var.stage}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

resource "aws_iam_role" "cancel_order" {
  name               = "orders-cancel-${var.stage}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

resource "aws_iam_role_policy_attachment" "create_order_logs" {
  role       = aws_iam_role.create_order.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy_attachment" "get_order_logs" {
  role       = aws_iam_role.get_order.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy_attachment" "list_orders_logs" {
  role       = aws_iam_role.list_orders.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy_attachment" "cancel_order_logs" {
  role       = aws_iam_role.cancel_order.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

data "aws_iam_policy_document" "orders_crud" {
  statement {
    actions = [
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:Query",
      "dynamodb:Scan",
    ]
    resources = [aws_dynamodb_table.orders_table.arn, "${aws_dynamodb_table.orders_table.arn}/index/*"]
  }
}

data "aws_iam_policy_document" "orders_read" {
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"]
    resources = [aws_dynamodb_table.orders_table.arn, "${aws_dynamodb_table.orders_table.arn}/index/*"]
  }
}

data "aws_iam_policy_document" "orders_crud_metrics" {
  source_policy_documents = [data.aws_iam_policy_document.orders_crud.json]

  statement {
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "create_order" {
  name   = "orders"
  role   = aws_iam_role.create_order.id
  policy = data.aws_iam_policy_document.orders_crud.json
}

resource "aws_iam_role_policy" "get_order" {
  name   = "orders"
  role   = aws_iam_role.get_order.id
  policy = data.aws_iam_policy_document.orders_read.json
}

resource "aws_iam_role_policy" "list_orders" {
  name   = "orders"
  role   = aws_iam_role.list_orders.id
  policy = data.aws_iam_policy_document.orders_read.json
}

resource "aws_iam_role_policy" "cancel_order" {
  name   = "orders"
  role   = aws_iam_role.cancel_order.id
  policy = data.aws_iam_policy_document.orders_crud_metrics.json
}
