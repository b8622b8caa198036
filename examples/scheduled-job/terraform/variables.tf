variable "environment" {
  type    = string
  default = "dev"

  validation {
    condition     = contains(["dev", "prod"], var.environment)
    error_message = "The environment must be dev or prod."
  }
}

variable "report_recipients" {
  type        = list(string)
  default     = ["finance@example.com"]
  description = "Who gets the link to the finished report."
}

variable "orders_table_name" {
  type        = string
  default     = "orders-dev"
  description = "The orders table of the orders service, read by the planner."
}

locals {
  # What every function shares, like SAM's Globals.
  environment = {
    ENVIRONMENT  = var.environment
    NODE_OPTIONS = "--enable-source-maps"
  }
}
