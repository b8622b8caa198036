data "archive_file" "dist" {
  type        = "zip"
  source_dir  = "${path.module}/dist/"
  output_path = "${path.module}/build/dist.zip"
}

resource "aws_lambda_function" "plan_reports_function" {
  function_name    = "plan-nightly-reports-${var.environment}"
  description      = "Runs every night and queues one report task per region."
  role             = aws_iam_role.plan_reports.arn
  runtime          = "nodejs22.x"
  handler          = "plan.handler"
  filename         = data.archive_file.dist.output_path
  source_code_hash = data.archive_file.dist.output_base64sha256
  architectures    = ["arm64"]
  memory_size      = 512
  timeout          = 120

  environment {
    variables = merge(local.environment, {
      TASKS_QUEUE_URL = aws_sqs_queue.report_tasks_queue.url
      ORDERS_TABLE    = var.orders_table_name
    })
  }
}

resource "aws_lambda_function" "render_report_function" {
  function_name                  = "render-report-${var.environment}"
  description                    = "Renders one report task and stores the result in the report bucket."
  role                           = aws_iam_role.render_report.arn
  runtime                        = "nodejs22.x"
  handler                        = "render.handler"
  filename                       = data.archive_file.dist.output_path
  source_code_hash               = data.archive_file.dist.output_base64sha256
  architectures                  = ["arm64"]
  memory_size                    = 1024
  timeout                        = 300
  reserved_concurrent_executions = 10

  environment {
    variables = merge(local.environment, {
      REPORT_BUCKET     = aws_s3_bucket.report_bucket.id
      REPORT_RECIPIENTS = join(",", var.report_recipients)
      REPORT_URL_PREFIX = "https://${aws_s3_bucket.report_bucket.bucket_regional_domain_name}/reports/"
    })
  }
}

resource "aws_lambda_function" "failed_task_notifier_function" {
  function_name    = "report-task-failed-${var.environment}"
  description      = "Posts report tasks that failed three times to the operations channel."
  role             = aws_iam_role.failed_task_notifier.arn
  runtime          = "nodejs22.x"
  handler          = "failed.handler"
  filename         = data.archive_file.dist.output_path
  source_code_hash = data.archive_file.dist.output_base64sha256
  architectures    = ["arm64"]
  memory_size      = 128
  timeout          = 30

  environment {
    variables = merge(local.environment, {
      OPS_WEBHOOK_PARAMETER = "/reports/${var.environment}/ops-webhook"
    })
  }
}

# 02:30 UTC every day.
resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "nightly-sales-report-${var.environment}"
  description         = "02:30 UTC every day"
  schedule_expression = "cron(30 2 * * ? *)"
  is_enabled          = true
}

resource "aws_cloudwatch_event_target" "nightly" {
  rule  = aws_cloudwatch_event_rule.nightly.name
  arn   = aws_lambda_function.plan_reports_function.arn
  input = "{\"report\": \"daily-sales\"}"
}

resource "aws_lambda_permission" "nightly" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.plan_reports_function.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.nightly.arn
}

resource "aws_lambda_event_source_mapping" "report_tasks" {
  function_name                      = aws_lambda_function.render_report_function.arn
  event_source_arn                   = aws_sqs_queue.report_tasks_queue.arn
  batch_size                         = 5
  maximum_batching_window_in_seconds = 10
  function_response_types            = ["ReportBatchItemFailures"]
  scaling_config {
    maximum_concurrency = 10
  }
}

resource "aws_lambda_event_source_mapping" "failed_tasks_mapping" {
  function_name    = aws_lambda_function.failed_task_notifier_function.function_name
  event_source_arn = aws_sqs_queue.report_tasks_dead_letter_queue.arn
  batch_size       = 1
  enabled          = true
}
