using 'main.bicep'

// Supply a string: The Azure counterpart of ReportTasksQueue (AWS::SQS::Queue in the AWS template).
param reportTasksQueueName = ''

// Supply a string: The Azure counterpart of ReportBucket (AWS::S3::Bucket in the AWS template).
param reportBucketName = ''

// Supply a string: The Azure counterpart of ReportBucket.RegionalDomainName (AWS::S3::Bucket in the AWS template).
param reportBucketRegionalDomainName = ''
