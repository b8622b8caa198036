# The web shop's HTTP API: its users sign in with the Cognito user pool, whose tokens a JWT authorizer checks on
# every route but the public product page.
resource "aws_cognito_user_pool" "shop_user_pool" {
  name                = "shop-users-${var.stage}"
  username_attributes = ["email"]
}

resource "aws_cognito_user_pool_client" "shop_user_pool_client" {
  name            = "shop-web"
  user_pool_id    = aws_cognito_user_pool.shop_user_pool.id
  generate_secret = false
}

resource "aws_apigatewayv2_api" "shop_api" {
  name          = "catalog-shop-${var.stage}"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "shop_api" {
  api_id      = aws_apigatewayv2_api.shop_api.id
  name        = var.stage
  auto_deploy = true
}

resource "aws_apigatewayv2_authorizer" "shop_users" {
  name             = "ShopUsers"
  api_id           = aws_apigatewayv2_api.shop_api.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]

  jwt_configuration {
    issuer   = "https://${aws_cognito_user_pool.shop_user_pool.endpoint}"
    audience = [aws_cognito_user_pool_client.shop_user_pool_client.id]
  }
}

resource "aws_apigatewayv2_integration" "get_product" {
  api_id                 = aws_apigatewayv2_api.shop_api.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.get_product_function.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_integration" "cart" {
  api_id                 = aws_apigatewayv2_api.shop_api.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.cart_function.invoke_arn
  payload_format_version = "2.0"
}

# The product page is public.
resource "aws_apigatewayv2_route" "get_shop_product" {
  api_id    = aws_apigatewayv2_api.shop_api.id
  route_key = "GET /products/{productId}"
  target    = "integrations/${aws_apigatewayv2_integration.get_product.id}"
}

resource "aws_apigatewayv2_route" "get_cart" {
  api_id             = aws_apigatewayv2_api.shop_api.id
  route_key          = "GET /cart"
  target             = "integrations/${aws_apigatewayv2_integration.cart.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.shop_users.id
}

resource "aws_apigatewayv2_route" "put_cart_item" {
  api_id             = aws_apigatewayv2_api.shop_api.id
  route_key          = "PUT /cart/items/{itemId}"
  target             = "integrations/${aws_apigatewayv2_integration.cart.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.shop_users.id
}

resource "aws_lambda_permission" "shop_api" {
  for_each = {
    get_product = aws_lambda_function.get_product_function.function_name
    cart        = aws_lambda_function.cart_function.function_name
  }

  statement_id  = "AllowShopApi"
  action        = "lambda:InvokeFunction"
  function_name = each.value
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.shop_api.execution_arn}/*/*"
}
