output "partner_api_url" {
  description = "Base URL of the partner API."
  value       = "https://${aws_api_gateway_rest_api.partner_api.id}.execute-api.${data.aws_region.current.name}.amazonaws.com/${var.stage}"
}

output "shop_api_url" {
  description = "Base URL of the shop API."
  value       = "https://${aws_apigatewayv2_api.shop_api.id}.execute-api.${data.aws_region.current.name}.amazonaws.com/${var.stage}"
}
