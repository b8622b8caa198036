# The HTTP API SAM creates for the HttpApi event, written out.
resource "aws_apigatewayv2_api" "serverless_http_api" {
  name          = "orders-http-${var.stage}"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.serverless_http_api.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_integration" "cancel_order" {
  api_id                 = aws_apigatewayv2_api.serverless_http_api.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.cancel_order_function.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "cancel_order" {
  api_id    = aws_apigatewayv2_api.serverless_http_api.id
  route_key = "DELETE /orders/{orderId}"
  target    = "integrations/${aws_apigatewayv2_integration.cancel_order.id}"
}

resource "aws_lambda_permission" "cancel_order" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.cancel_order_function.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.serverless_http_api.execution_arn}/*/*"
}
