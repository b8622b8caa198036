data "aws_iam_policy_document" "lambda_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

# One execution role per function, as SAM generates them; each may only write its logs.
resource "aws_iam_role" "function" {
  for_each = toset(["list_products", "get_product", "import_products", "admin_authorizer", "cart"])

  name               = "catalog-${replace(each.key, "_", "-")}-${var.stage}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
}

resource "aws_iam_role_policy_attachment" "function_logs" {
  for_each = aws_iam_role.function

  role       = each.value.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}
