output "report_bucket_name" {
  value = aws_s3_bucket.report_bucket.id
}

output "report_tasks_queue_url" {
  value = aws_sqs_queue.report_tasks_queue.url
}
