output "orders_api_url" {
  description = "Base URL of the orders API."
  value       = "https://${aws_api_gateway_rest_api.orders_api.id}.execute-api.${data.aws_region.current.name}.amazonaws.com/${var.stage}"
}

output "cancel_order_api_url" {
  description = "Base URL of the HTTP API that serves order cancellation."
  value       = "https://${aws_apigatewayv2_api.serverless_http_api.id}.execute-api.${data.aws_region.current.name}.amazonaws.com"
}

output "orders_table_name" {
  value = aws_dynamodb_table.orders_table.name
}
