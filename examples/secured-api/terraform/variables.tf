variable "stage" {
  type        = string
  default     = "dev"
  description = "Deployment stage; part of resource names and the API stage."

  validation {
    condition     = contains(["dev", "prod"], var.stage)
    error_message = "The stage must be dev or prod."
  }
}
