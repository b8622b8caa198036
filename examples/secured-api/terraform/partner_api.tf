# The partner REST API: every route requires an API key of the usage plan; /admin/import is guarded by a Lambda
# authorizer that checks the X-Admin-Token header.
resource "aws_api_gateway_rest_api" "partner_api" {
  name = "catalog-partners-${var.stage}"
}

resource "aws_api_gateway_resource" "products" {
  rest_api_id = aws_api_gateway_rest_api.partner_api.id
  parent_id   = aws_api_gateway_rest_api.partner_api.root_resource_id
  path_part   = "products"
}

resource "aws_api_gateway_resource" "product" {
  rest_api_id = aws_api_gateway_rest_api.partner_api.id
  parent_id   = aws_api_gateway_resource.products.id
  path_part   = "{productId}"
}

resource "aws_api_gateway_resource" "admin" {
  rest_api_id = aws_api_gateway_rest_api.partner_api.id
  parent_id   = aws_api_gateway_rest_api.partner_api.root_resource_id
  path_part   = "admin"
}

resource "aws_api_gateway_resource" "import" {
  rest_api_id = aws_api_gateway_rest_api.partner_api.id
  parent_id   = aws_api_gateway_resource.admin.id
  path_part   = "import"
}

resource "aws_api_gateway_authorizer" "admin_token_authorizer" {
  name            = "AdminTokenAuthorizer"
  rest_api_id     = aws_api_gateway_rest_api.partner_api.id
  type            = "TOKEN"
  authorizer_uri  = aws_lambda_function.admin_authorizer_function.invoke_arn
  identity_source = "method.request.header.X-Admin-Token"
}

resource "aws_api_gateway_method" "list_products" {
  rest_api_id      = aws_api_gateway_rest_api.partner_api.id
  resource_id      = aws_api_gateway_resource.products.id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_integration" "list_products" {
  rest_api_id             = aws_api_gateway_rest_api.partner_api.id
  resource_id             = aws_api_gateway_resource.products.id
  http_method             = aws_api_gateway_method.list_products.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.list_products_function.invoke_arn
}

resource "aws_api_gateway_method" "get_product" {
  rest_api_id      = aws_api_gateway_rest_api.partner_api.id
  resource_id      = aws_api_gateway_resource.product.id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_integration" "get_product" {
  rest_api_id             = aws_api_gateway_rest_api.partner_api.id
  resource_id             = aws_api_gateway_resource.product.id
  http_method             = aws_api_gateway_method.get_product.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.get_product_function.invoke_arn
}

resource "aws_api_gateway_method" "import_products" {
  rest_api_id      = aws_api_gateway_rest_api.partner_api.id
  resource_id      = aws_api_gateway_resource.import.id
  http_method      = "POST"
  authorization    = "CUSTOM"
  authorizer_id    = aws_api_gateway_authorizer.admin_token_authorizer.id
  api_key_required = true
}

resource "aws_api_gateway_integration" "import_products" {
  rest_api_id             = aws_api_gateway_rest_api.partner_api.id
  resource_id             = aws_api_gateway_resource.import.id
  http_method             = aws_api_gateway_method.import_products.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.import_products_function.invoke_arn
}

resource "aws_api_gateway_deployment" "partner_api" {
  rest_api_id = aws_api_gateway_rest_api.partner_api.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_integration.list_products.id,
      aws_api_gateway_integration.get_product.id,
      aws_api_gateway_integration.import_products.id,
      aws_api_gateway_authorizer.admin_token_authorizer.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "partner_api" {
  rest_api_id   = aws_api_gateway_rest_api.partner_api.id
  deployment_id = aws_api_gateway_deployment.partner_api.id
  stage_name    = var.stage
}

# The usage plan partners' API keys belong to: 50 requests per second (bursts of 100), 100,000 calls a month.
resource "aws_api_gateway_usage_plan" "partner_api" {
  name = "catalog-partners"

  api_stages {
    api_id = aws_api_gateway_rest_api.partner_api.id
    stage  = aws_api_gateway_stage.partner_api.stage_name
  }

  throttle_settings {
    rate_limit  = 50
    burst_limit = 100
  }

  quota_settings {
    limit  = 100000
    period = "MONTH"
  }
}

resource "aws_api_gateway_api_key" "partner_api" {
  name = "catalog-partners-${var.stage}"
}

resource "aws_api_gateway_usage_plan_key" "partner_api" {
  key_id        = aws_api_gateway_api_key.partner_api.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.partner_api.id
}

resource "aws_lambda_permission" "partner_api" {
  for_each = {
    list_products   = aws_lambda_function.list_products_function.function_name
    get_product     = aws_lambda_function.get_product_function.function_name
    import_products = aws_lambda_function.import_products_function.function_name
  }

  statement_id  = "AllowPartnerApi"
  action        = "lambda:InvokeFunction"
  function_name = each.value
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.partner_api.execution_arn}/*/*"
}

resource "aws_lambda_permission" "admin_token_authorizer" {
  statement_id  = "AllowPartnerApiAuthorizer"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.admin_authorizer_function.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.partner_api.execution_arn}/authorizers/${aws_api_gateway_authorizer.admin_token_authorizer.id}"
}
