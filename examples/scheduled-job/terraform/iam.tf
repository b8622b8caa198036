data "aws_iam_policy_document" "lambda_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "plan_reports" {
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]

  inline_policy {
    name = "plan"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        { Effect = "Allow", Action = ["sqs:SendMessage"], Resource = aws_sqs_queue.report_tasks_queue.arn },
        {
          Effect   = "Allow"
          Action   = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"]
          Resource = "arn:aws:dynamodb:*:*:table/${var.orders_table_name}"
        },
      ]
    })
  }
}

resource "aws_iam_role" "render_report" {
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
    "arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole",
  ]

  inline_policy {
    name = "render"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:ListBucket"]
          Resource = [aws_s3_bucket.report_bucket.arn, "${aws_s3_bucket.report_bucket.arn}/*"]
        },
        { Effect = "Allow", Action = ["ses:SendEmail", "ses:SendRawEmail"], Resource = "*" },
      ]
    })
  }
}

resource "aws_iam_role" "failed_task_notifier" {
  assume_role_policy  = data.aws_iam_policy_document.lambda_assume_role.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]

  inline_policy {
    name = "notify"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Effect   = "Allow"
          Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"]
          Resource = aws_sqs_queue.report_tasks_dead_letter_queue.arn
        },
        {
          Effect   = "Allow"
          Action   = ["ssm:GetParameter"]
          Resource = "arn:aws:ssm:*:*:parameter/reports/${var.environment}/ops-webhook"
        },
      ]
    })
  }
}
