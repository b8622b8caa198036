# Nightly sales report: a scheduled job splits the day's orders into report tasks on a queue, a worker
# renders each report and stores it in an S3 bucket. The same application as ../template.yaml, with plain
# aws_* resources.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
    archive = {
      source  = "hashicorp/archive"
      version = "~> 2.4"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

data "aws_caller_identity" "current" {}
