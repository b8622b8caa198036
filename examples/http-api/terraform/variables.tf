variable "stage" {
  type        = string
  default     = "dev"
  description = "Deployment stage; part of resource names and the API stage."

  validation {
    condition     = contains(["dev", "staging", "prod"], var.stage)
    error_message = "The stage must be dev, staging or prod."
  }
}

variable "payment_api_key" {
  type        = string
  sensitive   = true
  description = "API key of the payment provider."

  validation {
    condition     = length(var.payment_api_key) >= 16
    error_message = "The payment API key has at least 16 characters."
  }
}

variable "log_level" {
  type    = string
  default = "INFO"

  validation {
    condition     = contains(["DEBUG", "INFO", "WARNING", "ERROR"], var.log_level)
    error_message = "The log level must be DEBUG, INFO, WARNING or ERROR."
  }
}

locals {
  is_prod = var.stage == "prod"

  # What every function shares, like SAM's Globals.
  environment = {
    ORDERS_TABLE            = aws_dynamodb_table.orders_table.name
    STAGE                   = var.stage
    LOG_LEVEL               = var.log_level
    POWERTOOLS_SERVICE_NAME = "orders"
  }
}
