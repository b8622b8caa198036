# Image thumbnails: uploads of .jpg files under incoming/ trigger a resize function that writes a thumbnail
# to a second bucket; deleted originals trigger a clean-up of their thumbnails. The same application as
# ../template.yaml, with plain aws_* resources.

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

variable "thumbnail_width" {
  type    = number
  default = 256
}

resource "aws_s3_bucket" "uploads_bucket" {
  bucket = "photo-uploads"
}

resource "aws_s3_bucket" "thumbnails_bucket" {}

data "archive_file" "src" {
  type        = "zip"
  source_dir  = "${path.module}/src/"
  output_path = "${path.module}/build/src.zip"
}

resource "aws_lambda_function" "resize_function" {
  function_name    = "resize"
  role             = aws_iam_role.resize.arn
  runtime          = "python3.12"
  handler          = "resize.handler"
  filename         = data.archive_file.src.output_path
  source_code_hash = data.archive_file.src.output_base64sha256
  memory_size      = 1024
  timeout          = 60

  environment {
    variables = {
      THUMBNAILS_BUCKET = aws_s3_bucket.thumbnails_bucket.id
      THUMBNAIL_WIDTH   = tostring(var.thumbnail_width)
    }
  }
}

resource "aws_lambda_function" "clean_up_function" {
  function_name    = "clean-up"
  role             = aws_iam_role.clean_up.arn
  runtime          = "python3.12"
  handler          = "cleanup.handler"
  filename         = data.archive_file.src.output_path
  source_code_hash = data.archive_file.src.output_base64sha256

  environment {
    variables = {
      THUMBNAILS_BUCKET = aws_s3_bucket.thumbnails_bucket.id
    }
  }
}

# One notification configuration per bucket, with both functions; each keeps the id SAM gives its event.
resource "aws_s3_bucket_notification" "uploads" {
  bucket = aws_s3_bucket.uploads_bucket.id

  lambda_function {
    id                  = "JpegUploaded"
    lambda_function_arn = aws_lambda_function.resize_function.arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = "incoming/"
    filter_suffix       = ".jpg"
  }

  lambda_function {
    id                  = "OriginalDeleted"
    lambda_function_arn = aws_lambda_function.clean_up_function.arn
    events              = ["s3:ObjectRemoved:*"]
  }

  depends_on = [aws_lambda_permission.uploads]
}

resource "aws_lambda_permission" "uploads" {
  for_each = {
    resize   = aws_lambda_function.resize_function.function_name
    clean_up = aws_lambda_function.clean_up_function.function_name
  }

  action         = "lambda:InvokeFunction"
  function_name  = each.value
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.uploads_bucket.arn
  source_account = data.aws_caller_identity.current.account_id
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "resize" {
  assume_role_policy  = data.aws_iam_policy_document.assume.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]

  inline_policy {
    name = "thumbnails"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = ["s3:GetObject", "s3:ListBucket"]
          Resource = [aws_s3_bucket.uploads_bucket.arn, "${aws_s3_bucket.uploads_bucket.arn}/*"]
        },
        {
          Effect   = "Allow"
          Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"]
          Resource = [aws_s3_bucket.thumbnails_bucket.arn, "${aws_s3_bucket.thumbnails_bucket.arn}/*"]
        },
      ]
    })
  }
}

resource "aws_iam_role" "clean_up" {
  assume_role_policy  = data.aws_iam_policy_document.assume.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]

  inline_policy {
    name = "thumbnails"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"]
        Resource = [aws_s3_bucket.thumbnails_bucket.arn, "${aws_s3_bucket.thumbnails_bucket.arn}/*"]
      }]
    })
  }
}
