package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.source.SourceLocation;
import io.lambda2azure.parsers.cloudformation.CloudFormationReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.lambda2azure.core.expr.Expr.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each aws_* resource gives the model what its CloudFormation counterpart gives: every test reads the same
 * resources written both ways and compares the two models location-blind (see
 * {@link SamTerraformEquivalenceTest} for what else counts as equal), listing the differences that are
 * inherent in the two languages.
 */
class TerraformResourcesTest {

    @TempDir
    Path dir;
    TerraformFixture tf;

    @BeforeEach
    void fixture() {
        tf = new TerraformFixture(dir);
    }

    private static final String CFN_FUNCTION = """
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: worker
                  Role: arn:aws:iam::123456789012:role/worker
            """;

    private static final String TF_FUNCTION = """
            resource "aws_lambda_function" "worker" {
              function_name = "worker"
              role          = "arn:aws:iam::123456789012:role/worker"
            }
            """;

    /** The differences between a CloudFormation template's model and a Terraform configuration's. */
    private Map<String, String> differences(String cfnResources, String hcl) throws Exception {
        ServerlessApp cfn = CloudFormationReader.parse("template.yaml", "Resources:\n" + cfnResources);
        ServerlessApp terraform = tf.main(hcl);
        return LocationBlindDiff.of(cfn, terraform, SamTerraformEquivalenceTest.MODEL);
    }

    // ---------------------------------------------------------------- functions

    @Test
    void aFunctionWithAllItsSettings() throws Exception {
        assertThat(differences("""
                  Worker:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: worker
                      Description: Works.
                      Runtime: python3.12
                      Handler: app.handler
                      Code:
                        S3Bucket: artifacts
                        S3Key: worker.zip
                      MemorySize: 512
                      Timeout: 30
                      EphemeralStorage:
                        Size: 2048
                      Architectures: [arm64]
                      Environment:
                        Variables:
                          MODE: fast
                      Layers: [arn:aws:lambda:eu-west-1:123456789012:layer:shared:3]
                      VpcConfig:
                        SubnetIds: [subnet-1]
                        SecurityGroupIds: [sg-1]
                      ReservedConcurrentExecutions: 10
                      DeadLetterConfig:
                        TargetArn: arn:aws:sqs:eu-west-1:123456789012:dead
                      TracingConfig:
                        Mode: Active
                      Role: arn:aws:iam::123456789012:role/worker
                      LoggingConfig:
                        LogFormat: JSON
                      Tags:
                        - Key: team
                          Value: orders
                """, """
                resource "aws_lambda_function" "worker" {
                  function_name = "worker"
                  description   = "Works."
                  runtime       = "python3.12"
                  handler       = "app.handler"
                  s3_bucket     = "artifacts"
                  s3_key        = "worker.zip"
                  memory_size   = 512
                  timeout       = 30
                  ephemeral_storage {
                    size = 2048
                  }
                  architectures = ["arm64"]
                  environment {
                    variables = { MODE = "fast" }
                  }
                  layers = ["arn:aws:lambda:eu-west-1:123456789012:layer:shared:3"]
                  vpc_config {
                    subnet_ids         = ["subnet-1"]
                    security_group_ids = ["sg-1"]
                  }
                  reserved_concurrent_executions = 10
                  dead_letter_config {
                    target_arn = "arn:aws:sqs:eu-west-1:123456789012:dead"
                  }
                  tracing_config {
                    mode = "Active"
                  }
                  role = "arn:aws:iam::123456789012:role/worker"
                  logging_config {
                    log_format = "JSON"
                  }
                  tags = { team = "orders" }
                  source_code_hash = "ignored"
                  kms_key_arn      = "arn:aws:kms:eu-west-1:123456789012:key/1"
                }
                """)).containsOnlyKeys("unmappedProperties[Worker kms_key_arn]");
    }

    @Test
    void aliasesProvisionedConcurrencyAndInvokeConfigs() throws Exception {
        assertThat(differences(CFN_FUNCTION + """
                  Live:
                    Type: AWS::Lambda::Alias
                    Properties:
                      FunctionName: !Ref Worker
                      FunctionVersion: '3'
                      Name: live
                      ProvisionedConcurrencyConfig:
                        ProvisionedConcurrentExecutions: 5
                  Retries:
                    Type: AWS::Lambda::EventInvokeConfig
                    Properties:
                      FunctionName: !Ref Worker
                      Qualifier: $LATEST
                      MaximumRetryAttempts: 1
                      DestinationConfig:
                        OnFailure:
                          Destination: arn:aws:sqs:eu-west-1:123456789012:failed
                """, TF_FUNCTION + """
                resource "aws_lambda_alias" "live" {
                  function_name    = aws_lambda_function.worker.function_name
                  function_version = "3"
                  name             = "live"
                }

                resource "aws_lambda_provisioned_concurrency_config" "live" {
                  function_name                     = aws_lambda_function.worker.function_name
                  qualifier                         = aws_lambda_alias.live.name
                  provisioned_concurrent_executions = 5
                }

                resource "aws_lambda_function_event_invoke_config" "retries" {
                  function_name          = aws_lambda_function.worker.function_name
                  qualifier              = "$LATEST"
                  maximum_retry_attempts = 1
                  destination_config {
                    on_failure {
                      destination = "arn:aws:sqs:eu-west-1:123456789012:failed"
                    }
                  }
                }
                """)).isEmpty();
    }

    @Test
    void aPublishedFunctionWithAnAliasOnItsVersionIsSamsAutoPublishAlias() throws Exception {
        ServerlessApp app = tf.main(TF_FUNCTION.replace("}", "  publish = true\n}") + """
                resource "aws_lambda_alias" "live" {
                  function_name    = aws_lambda_function.worker.function_name
                  function_version = aws_lambda_function.worker.version
                  name             = "live"
                }
                """);
        assertThat(app.functions().get(0).autoPublishAlias()).contains(string("live"));
    }

    // ---------------------------------------------------------------- event sources

    @Test
    void eventSourceMappingsArePolledEvents() throws Exception {
        assertThat(differences(CFN_FUNCTION + """
                  Jobs:
                    Type: AWS::SQS::Queue
                  Changes:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      StreamSpecification:
                        StreamViewType: NEW_IMAGE
                  Clicks:
                    Type: AWS::Kinesis::Stream
                  JobMapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Worker
                      EventSourceArn: !GetAtt Jobs.Arn
                      BatchSize: 10
                      MaximumBatchingWindowInSeconds: 5
                      FunctionResponseTypes: [ReportBatchItemFailures]
                      ScalingConfig:
                        MaximumConcurrency: 20
                      FilterCriteria:
                        Filters:
                          - Pattern: '{"body": {"kind": ["order"]}}'
                  ChangeMapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !GetAtt Worker.Arn
                      EventSourceArn: !GetAtt Changes.StreamArn
                      StartingPosition: TRIM_HORIZON
                      BisectBatchOnFunctionError: true
                      DestinationConfig:
                        OnFailure:
                          Destination: !GetAtt Jobs.Arn
                  ClickMapping:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: !Ref Worker
                      EventSourceArn: !GetAtt Clicks.Arn
                      StartingPosition: LATEST
                      ParallelizationFactor: 2
                """, TF_FUNCTION + """
                resource "aws_sqs_queue" "jobs" {}

                resource "aws_dynamodb_table" "changes" {
                  stream_enabled   = true
                  stream_view_type = "NEW_IMAGE"
                }

                resource "aws_kinesis_stream" "clicks" {}

                resource "aws_lambda_event_source_mapping" "job_mapping" {
                  function_name                      = aws_lambda_function.worker.function_name
                  event_source_arn                   = aws_sqs_queue.jobs.arn
                  batch_size                         = 10
                  maximum_batching_window_in_seconds = 5
                  function_response_types            = ["ReportBatchItemFailures"]
                  scaling_config {
                    maximum_concurrency = 20
                  }
                  filter_criteria {
                    filter {
                      pattern = jsonencode({ body = { kind = ["order"] } })
                    }
                  }
                }

                resource "aws_lambda_event_source_mapping" "change_mapping" {
                  function_name                  = aws_lambda_function.worker.arn
                  event_source_arn               = aws_dynamodb_table.changes.stream_arn
                  starting_position              = "TRIM_HORIZON"
                  bisect_batch_on_function_error = true
                  destination_config {
                    on_failure {
                      destination_arn = aws_sqs_queue.jobs.arn
                    }
                  }
                }

                resource "aws_lambda_event_source_mapping" "click_mapping" {
                  function_name          = aws_lambda_function.worker.function_name
                  event_source_arn       = aws_kinesis_stream.clicks.arn
                  starting_position      = "LATEST"
                  parallelization_factor = 2
                }
                """)).containsOnlyKeys(
                // CloudFormation writes the filter pattern as a JSON string; jsonencode({...}) is the structure.
                "functions[Worker].events[JobMapping].settings.values[FILTER_CRITERIA].entries[Filters].items[0]"
                        + ".entries[Pattern]");
    }

    @Test
    void subscriptionsNotificationsRulesAndSchedulesAreEventsOfTheirFunction() throws Exception {
        assertThat(differences(CFN_FUNCTION + """
                  Payments:
                    Type: AWS::SNS::Topic
                  LargePayments:
                    Type: AWS::SNS::Subscription
                    Properties:
                      TopicArn: !Ref Payments
                      Protocol: lambda
                      Endpoint: !GetAtt Worker.Arn
                      FilterPolicy:
                        amount: [{numeric: ['>=', 1000]}]
                  Uploads:
                    Type: AWS::S3::Bucket
                    Properties:
                      NotificationConfiguration:
                        LambdaConfigurations:
                          - Event: s3:ObjectCreated:*
                            Function: !GetAtt Worker.Arn
                            Filter:
                              S3Key:
                                Rules:
                                  - Name: prefix
                                    Value: incoming/
                  Placed:
                    Type: AWS::Events::Rule
                    Properties:
                      EventPattern:
                        source: [shop]
                      Targets:
                        - Id: worker
                          Arn: !GetAtt Worker.Arn
                  Nightly:
                    Type: AWS::Scheduler::Schedule
                    Properties:
                      ScheduleExpression: cron(0 2 * * ? *)
                      ScheduleExpressionTimezone: Europe/Amsterdam
                      FlexibleTimeWindow:
                        Mode: 'OFF'
                      Target:
                        Arn: !GetAtt Worker.Arn
                        RoleArn: arn:aws:iam::123456789012:role/scheduler
                  Url:
                    Type: AWS::Lambda::Url
                    Properties:
                      TargetFunctionArn: !GetAtt Worker.Arn
                      AuthType: NONE
                      Cors:
                        AllowOrigins: ['*']
                """, TF_FUNCTION + """
                resource "aws_sns_topic" "payments" {}

                resource "aws_sns_topic_subscription" "large_payments" {
                  topic_arn     = aws_sns_topic.payments.arn
                  protocol      = "lambda"
                  endpoint      = aws_lambda_function.worker.arn
                  filter_policy = jsonencode({ amount = [{ numeric = [">=", 1000] }] })
                }

                resource "aws_s3_bucket" "uploads" {}

                resource "aws_s3_bucket_notification" "uploads" {
                  bucket = aws_s3_bucket.uploads.id
                  lambda_function {
                    id                  = "Uploads"
                    lambda_function_arn = aws_lambda_function.worker.arn
                    events              = ["s3:ObjectCreated:*"]
                    filter_prefix       = "incoming/"
                  }
                }

                resource "aws_cloudwatch_event_rule" "placed" {
                  event_pattern = jsonencode({ source = ["shop"] })
                }

                resource "aws_cloudwatch_event_target" "placed" {
                  rule      = aws_cloudwatch_event_rule.placed.name
                  target_id = "worker"
                  arn       = aws_lambda_function.worker.arn
                }

                resource "aws_scheduler_schedule" "nightly" {
                  schedule_expression          = "cron(0 2 * * ? *)"
                  schedule_expression_timezone = "Europe/Amsterdam"
                  flexible_time_window {
                    mode = "OFF"
                  }
                  target {
                    arn      = aws_lambda_function.worker.arn
                    role_arn = "arn:aws:iam::123456789012:role/scheduler"
                  }
                }

                resource "aws_lambda_function_url" "url" {
                  function_name      = aws_lambda_function.worker.function_name
                  authorization_type = "NONE"
                  cors {
                    allow_origins = ["*"]
                  }
                }
                """)).containsOnlyKeys(
                // The schedule's execution role has no counterpart (a timer needs none): unmapped in both, by name.
                "unmappedProperties[Nightly Target.RoleArn]", "unmappedProperties[Nightly target.role_arn]");
    }

    @Test
    void apiGatewayRoutesAndMethodsAreHttpEvents() throws Exception {
        assertThat(differences(CFN_FUNCTION + """
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                      Name: http
                      ProtocolType: HTTP
                  Integration:
                    Type: AWS::ApiGatewayV2::Integration
                    Properties:
                      ApiId: !Ref Api
                      IntegrationType: AWS_PROXY
                      IntegrationUri: !GetAtt Worker.Arn
                  GetItem:
                    Type: AWS::ApiGatewayV2::Route
                    Properties:
                      ApiId: !Ref Api
                      RouteKey: GET /items/{id}
                      Target: !Sub integrations/${Integration}
                  Rest:
                    Type: AWS::ApiGateway::RestApi
                    Properties:
                      Name: rest
                  Items:
                    Type: AWS::ApiGateway::Resource
                    Properties:
                      RestApiId: !Ref Rest
                      ParentId: !GetAtt Rest.RootResourceId
                      PathPart: items
                  PostItem:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      RestApiId: !Ref Rest
                      ResourceId: !Ref Items
                      HttpMethod: POST
                      AuthorizationType: NONE
                      Integration:
                        Type: AWS_PROXY
                        IntegrationHttpMethod: POST
                        Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Worker.Arn}/invocations
                """, TF_FUNCTION + """
                resource "aws_apigatewayv2_api" "api" {
                  name          = "http"
                  protocol_type = "HTTP"
                }

                resource "aws_apigatewayv2_integration" "integration" {
                  api_id           = aws_apigatewayv2_api.api.id
                  integration_type = "AWS_PROXY"
                  integration_uri  = aws_lambda_function.worker.invoke_arn
                }

                resource "aws_apigatewayv2_route" "get_item" {
                  api_id    = aws_apigatewayv2_api.api.id
                  route_key = "GET /items/{id}"
                  target    = "integrations/${aws_apigatewayv2_integration.integration.id}"
                }

                resource "aws_api_gateway_rest_api" "rest" {
                  name = "rest"
                }

                resource "aws_api_gateway_resource" "items" {
                  rest_api_id = aws_api_gateway_rest_api.rest.id
                  parent_id   = aws_api_gateway_rest_api.rest.root_resource_id
                  path_part   = "items"
                }

                resource "aws_api_gateway_method" "post_item" {
                  rest_api_id   = aws_api_gateway_rest_api.rest.id
                  resource_id   = aws_api_gateway_resource.items.id
                  http_method   = "POST"
                  authorization = "NONE"
                }

                resource "aws_api_gateway_integration" "post_item" {
                  rest_api_id             = aws_api_gateway_rest_api.rest.id
                  resource_id             = aws_api_gateway_resource.items.id
                  http_method             = aws_api_gateway_method.post_item.http_method
                  type                    = "AWS_PROXY"
                  integration_http_method = "POST"
                  uri                     = aws_lambda_function.worker.invoke_arn
                }
                """)).containsOnlyKeys(
                // The CloudFormation reader leaves a method's inline integration settings unread; Terraform's
                // integration is a resource of its own, read whole.
                "unmappedProperties[PostItem Integration.IntegrationHttpMethod]",
                "unmappedProperties[PostItem Integration.Type]");
    }

    @Test
    void permissionsThatGrantADeclaredEventAddNothingOthersAreInvokePermissions() throws Exception {
        ServerlessApp app = tf.main(TF_FUNCTION + """
                resource "aws_sns_topic" "t" {}

                resource "aws_sns_topic_subscription" "s" {
                  topic_arn = aws_sns_topic.t.arn
                  protocol  = "lambda"
                  endpoint  = aws_lambda_function.worker.arn
                }

                resource "aws_lambda_permission" "sns" {
                  action        = "lambda:InvokeFunction"
                  function_name = aws_lambda_function.worker.function_name
                  principal     = "sns.amazonaws.com"
                  source_arn    = aws_sns_topic.t.arn
                }

                resource "aws_lambda_permission" "partner" {
                  action         = "lambda:InvokeFunction"
                  function_name  = aws_lambda_function.worker.function_name
                  principal      = "123456789012"
                  source_account = "123456789012"
                }
                """);
        List<EventSource> events = app.functions().get(0).events();
        assertThat(events).hasSize(2);
        assertThat(events.get(1)).isEqualTo(new EventSource.InvokePermission("Partner", EventOrigin.PERMISSION,
                Optional.empty(), string("123456789012"), Optional.empty(), Optional.of(string("123456789012")),
                new SourceLocation(dir.resolve("main.tf").toString(), 20, 1)));
    }

    // ---------------------------------------------------------------- dependencies and identity

    @Test
    void dependencyResources() throws Exception {
        assertThat(differences("""
                  Jobs:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: jobs.fifo
                      FifoQueue: true
                      VisibilityTimeout: 60
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt Dead.Arn
                        maxReceiveCount: 3
                  Dead:
                    Type: AWS::SQS::Queue
                  Events:
                    Type: AWS::SNS::Topic
                    Properties:
                      TopicName: events
                  Store:
                    Type: AWS::S3::Bucket
                    Properties:
                      BucketName: store
                      VersioningConfiguration:
                        Status: Enabled
                  Items:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: items
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions:
                        - AttributeName: pk
                          AttributeType: S
                        - AttributeName: sk
                          AttributeType: N
                      KeySchema:
                        - AttributeName: pk
                          KeyType: HASH
                        - AttributeName: sk
                          KeyType: RANGE
                      TimeToLiveSpecification:
                        AttributeName: ttl
                        Enabled: true
                  Clicks:
                    Type: AWS::Kinesis::Stream
                    Properties:
                      Name: clicks
                      ShardCount: 2
                      RetentionPeriodHours: 48
                  Bus:
                    Type: AWS::Events::EventBus
                    Properties:
                      Name: bus
                  Key:
                    Type: AWS::SecretsManager::Secret
                    Properties:
                      Name: key
                      SecretString: s3cr3t
                  Setting:
                    Type: AWS::SSM::Parameter
                    Properties:
                      Name: /app/setting
                      Type: String
                      Value: 'on'
                  Logs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: /app
                      RetentionInDays: 14
                  Shared:
                    Type: AWS::Lambda::LayerVersion
                    Properties:
                      LayerName: shared
                      CompatibleRuntimes: [python3.12]
                """, """
                resource "aws_sqs_queue" "jobs" {
                  name                       = "jobs.fifo"
                  fifo_queue                 = true
                  visibility_timeout_seconds = 60
                }

                resource "aws_sqs_queue_redrive_policy" "jobs" {
                  queue_url = aws_sqs_queue.jobs.id
                  redrive_policy = jsonencode({
                    deadLetterTargetArn = aws_sqs_queue.dead.arn
                    maxReceiveCount     = 3
                  })
                }

                resource "aws_sqs_queue" "dead" {}

                resource "aws_sns_topic" "events" {
                  name = "events"
                }

                resource "aws_s3_bucket" "store" {
                  bucket = "store"
                }

                resource "aws_s3_bucket_versioning" "store" {
                  bucket = aws_s3_bucket.store.id
                  versioning_configuration {
                    status = "Enabled"
                  }
                }

                resource "aws_dynamodb_table" "items" {
                  name         = "items"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "pk"
                  range_key    = "sk"
                  attribute {
                    name = "pk"
                    type = "S"
                  }
                  attribute {
                    name = "sk"
                    type = "N"
                  }
                  ttl {
                    attribute_name = "ttl"
                    enabled        = true
                  }
                }

                resource "aws_kinesis_stream" "clicks" {
                  name             = "clicks"
                  shard_count      = 2
                  retention_period = 48
                }

                resource "aws_cloudwatch_event_bus" "bus" {
                  name = "bus"
                }

                resource "aws_secretsmanager_secret" "key" {
                  name = "key"
                }

                resource "aws_secretsmanager_secret_version" "key" {
                  secret_id     = aws_secretsmanager_secret.key.id
                  secret_string = "s3cr3t"
                }

                resource "aws_ssm_parameter" "setting" {
                  name  = "/app/setting"
                  type  = "String"
                  value = "on"
                }

                resource "aws_cloudwatch_log_group" "logs" {
                  name              = "/app"
                  retention_in_days = 14
                }

                resource "aws_lambda_layer_version" "shared" {
                  layer_name          = "shared"
                  compatible_runtimes = ["python3.12"]
                }
                """)).isEmpty();
    }

    @Test
    void rolesPoliciesAndAttachments() throws Exception {
        assertThat(differences("""
                  Worker:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: sts:AssumeRole
                            Principal:
                              Service: lambda.amazonaws.com
                      ManagedPolicyArns:
                        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
                      Policies:
                        - PolicyName: read
                          PolicyDocument:
                            Statement:
                              - Effect: Allow
                                Action: [s3:GetObject]
                                Resource: '*'
                  Write:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      Roles: [!Ref Worker]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [s3:PutObject]
                            Resource: '*'
                """, """
                resource "aws_iam_role" "worker" {
                  name = "worker"
                  assume_role_policy = jsonencode({
                    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
                  })
                }

                resource "aws_iam_role_policy_attachment" "basic" {
                  role       = aws_iam_role.worker.name
                  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
                }

                resource "aws_iam_role_policy" "read" {
                  name = "read"
                  role = aws_iam_role.worker.id
                  policy = jsonencode({
                    Statement = [{ Effect = "Allow", Action = ["s3:GetObject"], Resource = "*" }]
                  })
                }

                resource "aws_iam_policy" "write" {
                  policy = jsonencode({
                    Statement = [{ Effect = "Allow", Action = ["s3:PutObject"], Resource = "*" }]
                  })
                }

                resource "aws_iam_role_policy_attachment" "write_to_worker" {
                  role       = aws_iam_role.worker.name
                  policy_arn = aws_iam_policy.write.arn
                }
                """)).containsOnlyKeys(
                // CloudFormation copies a managed policy's statements to the roles it names; Terraform attaches it.
                "roles[Worker].statements.size");
    }

    // ---------------------------------------------------------------- what is not modelled

    @Test
    void otherResourcesAreUnsupportedAndUnreadArgumentsUnmapped() throws Exception {
        ServerlessApp app = tf.main("""
                resource "aws_vpc" "main" {
                  cidr_block = "10.0.0.0/16"
                }

                resource "aws_sqs_queue" "jobs" {
                  name                    = "jobs"
                  sqs_managed_sse_enabled = true
                  lifecycle {
                    prevent_destroy = true
                  }
                  depends_on = [aws_vpc.main]
                }
                """);
        String main = dir.resolve("main.tf").toString();
        assertThat(app.unsupportedResources()).containsExactly(new UnsupportedResource("Main", "aws_vpc",
                "no mapping for aws_vpc in this version of lambda2azure", List.of(), new SourceLocation(main, 1, 1)));
        assertThat(app.unmappedProperties()).containsExactly(new UnmappedProperty("Jobs", "aws_sqs_queue",
                "sqs_managed_sse_enabled", new Expr.BooleanLiteral(true), new SourceLocation(main, 7, 3)));
    }

    @Test
    void aPackageUploadedByAnS3ObjectOfTheConfigurationIsTheLocalFile() throws Exception {
        ServerlessApp app = tf.main("""
                variable "artifacts" { type = string }

                resource "aws_s3_object" "code" {
                  bucket = var.artifacts
                  key    = "lambda/worker.zip"
                  source = "${path.module}/dist/worker.zip"
                  etag   = filemd5("${path.module}/dist/worker.zip")
                }

                resource "aws_s3_object" "deps" {
                  bucket = var.artifacts
                  key    = "lambda/deps.zip"
                  source = "dist/deps.zip"
                }

                resource "aws_s3_object" "settings" {
                  bucket  = var.artifacts
                  key     = "settings.json"
                  content = "{}"
                }

                resource "aws_lambda_layer_version" "deps" {
                  layer_name = "deps"
                  s3_bucket  = aws_s3_object.deps.bucket
                  s3_key     = aws_s3_object.deps.key
                }

                resource "aws_lambda_function" "worker" {
                  function_name = "worker"
                  role          = "arn:aws:iam::123456789012:role/worker"
                  s3_bucket     = aws_s3_object.code.bucket
                  s3_key        = aws_s3_object.code.key
                  layers        = [aws_lambda_layer_version.deps.arn]
                }

                resource "aws_lambda_function" "elsewhere" {
                  function_name = "elsewhere"
                  role          = "arn:aws:iam::123456789012:role/worker"
                  s3_bucket     = var.artifacts
                  s3_key        = "elsewhere.zip"
                }
                """);
        assertThat(app.function("Worker").orElseThrow().code())
                .contains(new io.lambda2azure.core.model.FunctionCode.ZipArchive(string("dist/worker.zip")));
        assertThat(app.resources()).singleElement().satisfies(r -> assertThat(
                ((io.lambda2azure.core.model.resource.DependencyResource.Layer) r).content())
                .contains(string("dist/deps.zip")));
        // A package the configuration does not upload stays an S3 location.
        assertThat(app.function("Elsewhere").orElseThrow().code()).contains(
                new io.lambda2azure.core.model.FunctionCode.ZipArchive(new Expr.MapExpr(Map.of(
                        "S3Bucket", new Expr.ParameterRef("Artifacts"), "S3Key", string("elsewhere.zip")))));
        assertThat(app.unsupportedResources()).extracting(UnsupportedResource::logicalId, UnsupportedResource::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Settings", "S3 object that is not the package"
                        + " of a function or layer of this configuration"));
        assertThat(app.unmappedProperties()).isEmpty();
    }

    @Test
    void theLambdaModuleIsAFunction() throws Exception {
        ServerlessApp app = tf.main("""
                resource "aws_sqs_queue" "jobs" {}

                module "worker" {
                  source  = "terraform-aws-modules/lambda/aws"
                  version = "~> 7.0"

                  function_name = "worker"
                  handler       = "app.handler"
                  runtime       = "python3.12"
                  source_path   = "${path.module}/src"
                  memory_size   = 512
                  publish       = true
                  provisioned_concurrent_executions = 2
                  vpc_subnet_ids         = ["subnet-1"]
                  vpc_security_group_ids = ["sg-1"]
                  cloudwatch_logs_retention_in_days = 14

                  attach_policy_json = true
                  policy_json = jsonencode({
                    Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage"], Resource = aws_sqs_queue.jobs.arn }]
                  })
                  attach_policy = true
                  policy        = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"

                  event_source_mapping = {
                    jobs = {
                      event_source_arn = aws_sqs_queue.jobs.arn
                      batch_size       = 5
                      unknown_setting  = 1
                    }
                  }
                }

                output "arn" {
                  value = module.worker.lambda_function_arn
                }
                """);
        var f = app.functions().get(0);
        assertThat(f.logicalId()).isEqualTo("Worker");
        assertThat(f.resourceType()).isEqualTo("terraform-aws-modules/lambda/aws");
        assertThat(f.memorySize()).contains(new Expr.NumberLiteral(java.math.BigDecimal.valueOf(512)));
        assertThat(f.provisionedConcurrency()).contains(new Expr.NumberLiteral(java.math.BigDecimal.valueOf(2)));
        assertThat(f.vpc()).isPresent();
        assertThat(f.code()).contains(new io.lambda2azure.core.model.FunctionCode.ZipArchive(string("src")));
        assertThat(f.policies()).hasSize(2);
        assertThat(f.events()).singleElement().satisfies(e -> {
            assertThat(e).isInstanceOf(EventSource.Queue.class);
            assertThat(e.id()).isEqualTo("Jobs");
        });
        assertThat(app.outputs().get(0).value()).isEqualTo(new Expr.AttributeRef("Worker", "Arn"));
        assertThat(app.unmappedProperties()).extracting(UnmappedProperty::path)
                .containsExactly("cloudwatch_logs_retention_in_days", "event_source_mapping.jobs.unknown_setting");
    }

    @Test
    void aLambdaModuleWithForEachIsAFunctionPerKeyAndItsOutputsAreReadPerKey() throws Exception {
        ServerlessApp app = tf.main("""
                module "lambda" {
                  source   = "terraform-aws-modules/lambda/aws"
                  for_each = toset(["orders", "billing"])

                  function_name = "shop-${each.key}"
                  handler       = "${each.key}.handler"
                  runtime       = "nodejs22.x"
                  source_path   = "src/${each.key}"
                }

                resource "aws_cloudwatch_event_rule" "nightly" {
                  schedule_expression = "cron(0 3 * * ? *)"
                }

                resource "aws_cloudwatch_event_target" "nightly" {
                  rule = aws_cloudwatch_event_rule.nightly.name
                  arn  = module.lambda["billing"].lambda_function_arn
                }

                output "orders" {
                  value = module.lambda["orders"].lambda_function_name
                }
                """);
        assertThat(app.functions()).extracting(Function::logicalId).containsExactly("LambdaOrders", "LambdaBilling");
        assertThat(app.functions().get(0).events()).isEmpty();
        assertThat(app.functions().get(1).events()).singleElement().isInstanceOf(EventSource.Schedule.class);
        assertThat(app.outputs().get(0).value()).isEqualTo(new Expr.ResourceRef("LambdaOrders"));
        assertThat(app.unsupportedResources()).isEmpty();
    }

    @Test
    void httpApisKeepTheirCorsAndWebSocketApisAreUnsupported() throws Exception {
        ServerlessApp app = tf.main("""
                resource "aws_apigatewayv2_api" "http" {
                  name          = "http"
                  protocol_type = "HTTP"
                  cors_configuration {
                    allow_origins = ["https://example.com"]
                  }
                }

                resource "aws_apigatewayv2_api" "ws" {
                  name          = "ws"
                  protocol_type = "WEBSOCKET"
                }
                """);
        assertThat(app.resources()).singleElement().satisfies(r -> {
            var api = (io.lambda2azure.core.model.resource.DependencyResource.Api) r;
            assertThat(api.kind()).isEqualTo(HttpApiKind.HTTP_API);
            assertThat(api.cors()).contains(new Expr.MapExpr(Map.of("AllowOrigins",
                    new Expr.ListExpr(List.of(string("https://example.com"))))));
        });
        assertThat(app.unsupportedResources()).extracting(UnsupportedResource::logicalId).containsExactly("Ws");
    }
}
