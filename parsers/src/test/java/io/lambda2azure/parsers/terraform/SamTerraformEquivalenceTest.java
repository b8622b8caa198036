package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.identity.ManagedPolicyResource;
import io.lambda2azure.core.plan.AzurePlanner;
import io.lambda2azure.core.plan.PlanOptions;
import io.lambda2azure.parsers.cloudformation.CloudFormationReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same application written in SAM ({@code examples/<app>/template.yaml}) and by hand in idiomatic
 * Terraform ({@code examples/<app>/terraform/}) gives the same neutral model, apart from where things are
 * written, and therefore the same planned Azure deployment on every plan.
 *
 * <p>Some differences are inherent in the two languages, and are listed per example with the reason:
 * Terraform has no SAM policy templates and no template description, requires names SAM generates, and
 * spells a few settings its own way. The test fails when a difference appears that is not listed, and when a
 * listed one no longer occurs (then the list is out of date and the entry must go).
 *
 * <p>Besides locations, the comparison treats as equal, for every example:
 * <ul>
 * <li>the input kind and the file or directory read;</li>
 * <li>resource types, each format spelling its own ({@code AWS::SQS::Queue} and {@code aws_sqs_queue}),
 * according to {@link #SAME_TYPES};</li>
 * <li>an event's origin: what SAM declares in a function's {@code Events} Terraform declares on a resource
 * of its own (a mapping, a route, a subscription), so {@code SAM_EVENT} matches every origin but a bare
 * permission;</li>
 * <li>where each function property was written ({@code propertyLocations}), which is location only.</li>
 * </ul>
 */
class SamTerraformEquivalenceTest {

    /** Resource types of the two formats that describe the same kind of resource. */
    static final Map<String, Set<String>> SAME_TYPES = Map.ofEntries(
            Map.entry("AWS::Serverless::Function", Set.of("aws_lambda_function", "terraform-aws-modules/lambda/aws")),
            Map.entry("AWS::Lambda::Function", Set.of("aws_lambda_function", "terraform-aws-modules/lambda/aws")),
            Map.entry("AWS::SQS::Queue", Set.of("aws_sqs_queue")),
            Map.entry("AWS::SNS::Topic", Set.of("aws_sns_topic")),
            Map.entry("AWS::S3::Bucket", Set.of("aws_s3_bucket")),
            Map.entry("AWS::DynamoDB::Table", Set.of("aws_dynamodb_table")),
            Map.entry("AWS::Kinesis::Stream", Set.of("aws_kinesis_stream")),
            Map.entry("AWS::Events::EventBus", Set.of("aws_cloudwatch_event_bus")),
            Map.entry("AWS::SecretsManager::Secret", Set.of("aws_secretsmanager_secret")),
            Map.entry("AWS::Serverless::Api", Set.of("aws_api_gateway_rest_api")),
            Map.entry("AWS::ApiGateway::RestApi", Set.of("aws_api_gateway_rest_api")),
            Map.entry("AWS::Serverless::HttpApi", Set.of("aws_apigatewayv2_api")),
            Map.entry("AWS::ApiGatewayV2::Api", Set.of("aws_apigatewayv2_api")),
            Map.entry("AWS::Logs::LogGroup", Set.of("aws_cloudwatch_log_group")),
            Map.entry("AWS::IAM::Role", Set.of("aws_iam_role")),
            Map.entry("AWS::IAM::Policy", Set.of("aws_iam_policy")),
            Map.entry("AWS::IAM::ManagedPolicy", Set.of("aws_iam_policy")),
            Map.entry("AWS::SSM::Parameter", Set.of("aws_ssm_parameter")),
            Map.entry("AWS::KMS::Key", Set.of("aws_kms_key")),
            Map.entry("AWS::Lambda::LayerVersion", Set.of("aws_lambda_layer_version")),
            Map.entry("AWS::Cognito::UserPool", Set.of("aws_cognito_user_pool")),
            Map.entry("AWS::Cognito::UserPoolClient", Set.of("aws_cognito_user_pool_client")));

    static final LocationBlindDiff.Rules MODEL = new LocationBlindDiff.Rules() {
        @Override
        public boolean ignores(Class<?> owner, String component) {
            return owner == ServerlessApp.class && (component.equals("source") || component.equals("inputKind"))
                    || owner == Function.class && component.equals("propertyLocations");
        }

        @Override
        public boolean equivalent(Class<?> owner, String component, Object left, Object right) {
            boolean typed = component.equals("resourceType") || component.equals("type")
                    && (owner == UnsupportedResource.class || owner == ManagedPolicyResource.class);
            if (typed && left instanceof String sam && right instanceof String terraform) {
                return SAME_TYPES.getOrDefault(sam, Set.of()).contains(terraform);
            }
            if (component.equals("origin") && left == EventOrigin.SAM_EVENT && right instanceof EventOrigin o) {
                return o != EventOrigin.PERMISSION;
            }
            return false;
        }
    };

    static final LocationBlindDiff.Rules AZURE = (owner, component) -> false;

    /** An example and its listed differences: path → why it is inherent. */
    record Example(String name, Map<String, String> model, Map<String, String> azure) {
    }

    // Why a listed difference is inherent.
    private static final String NO_DESCRIPTION = "a Terraform configuration has no description";
    private static final String FUNCTION_NAME = "Terraform requires a function's name (function_name); SAM"
            + " generates one when the template has none";
    private static final String EXECUTION_ROLE = "aws_lambda_function requires its execution role, written out as"
            + " an aws_iam_role; SAM generates the role from the function's Policies";
    private static final String POLICY_TEMPLATE = "Terraform has no SAM policy templates: what the template grants is"
            + " written as IAM statements (on the role, or as the Lambda module's policy_statements)";
    private static final String IMPLICIT_POLLING_POLICY = "SAM gives a polled event's function the permissions to"
            + " read its source implicitly; in Terraform the function attaches the managed policy AWS provides for"
            + " it (AWSLambdaSQSQueueExecutionRole, ...), which the planner knows is covered";
    private static final String MODULE_SID = "the Lambda module names each statement of policy_statements after"
            + " its key; SAM's inline statement has no Sid";
    private static final String REST_AUTHORIZATION = "aws_api_gateway_method requires authorization; \"NONE\" is"
            + " what a SAM Api event without Auth means, and is planned the same";
    private static final String ALIAS_ID = "an alias is a resource of its own in Terraform, with its own id; SAM"
            + " names AutoPublishAlias's alias <Function>Alias<name>";
    private static final String NO_EXPORTS = "Terraform has no cross-stack exports";
    private static final String VALIDATION_MESSAGE = "a Terraform validation requires an error_message, which is"
            + " CloudFormation's ConstraintDescription; the template has none";
    private static final String REST_CORS = "SAM's Cors on a REST API generates OPTIONS methods; Terraform's REST"
            + " API has no CORS setting, so the Terraform declares none and the function apps get no CORS origins";
    private static final String IMPLICIT_API_NAME = "Terraform requires the name of the API SAM creates implicitly,"
            + " which has none in the template";
    private static final String IMPLICIT_API_STAGE = "Terraform writes the stage SAM creates for its implicit API"
            + " ($default for an HTTP API, Prod for a REST API)";
    private static final String TABLE_NAME = "Terraform requires a table's name; the template leaves it to"
            + " CloudFormation, and the planner derives the Cosmos DB container's name from the logical id";
    private static final String UNMAPPED_NAMES = "settings the model has no place for are reported under the name"
            + " each format gives them (GlobalSecondaryIndexes, global_secondary_index)";
    private static final String LIST_DEFAULT = "a Terraform list(string) variable's default is a list; a"
            + " CommaDelimitedList parameter's is a comma-separated string";
    private static final String PERMISSION_DEVIATION = "a permission with no Azure counterpart is reported in the"
            + " words of what granted it: the SAM policy template, or the Terraform statement's actions and resources";
    private static final String DEPLOYMENT_PREFERENCE = "SAM's DeploymentPreference is CodeDeploy resources in"
            + " Terraform, which have no mapping: they are reported as unsupported instead of as a gradual deployment";
    private static final String AWS_PARAMETER_TYPE = "Terraform has no AWS-specific parameter types"
            + " (List<AWS::EC2::Subnet::Id>), so the Azure parameter's description does not ask for an AWS"
            + " resource's counterpart";
    private static final String ROUTE_AUTHORIZATION_TYPE = "a Terraform method or route states its authorization"
            + " type (CUSTOM, JWT, NONE) next to its authorizer; a SAM event names the authorizer only, and the"
            + " planner tells the type from the authorizer's definition either way";
    private static final String API_WIDE_AUTH = "Terraform has no API-wide DefaultAuthorizer or ApiKeyRequired: each"
            + " method and route states its authorizer and API key, which is what SAM's defaults give each route";
    private static final String OPEN_HTTP_ROUTE = "an HTTP API route without authorization_type is open, which SAM"
            + " says with Authorizer: NONE against the API's default authorizer";
    private static final String COGNITO_ISSUER = "Terraform builds the user pool's issuer from its endpoint attribute;"
            + " SAM builds it with !Sub from the region and the pool id. Either is a value only known on AWS, so the"
            + " issuer becomes a parameter, whose description quotes it";
    private static final String HTTP_API_NAME = "Terraform requires an HTTP API's name, which the template leaves to"
            + " SAM; API Management shows the API under it";
    private static final String UNSUPPORTED_TYPE = "an unsupported resource is reported in the words of its format: its"
            + " type as that format spells it, a template or a configuration";
    private static final String ASSIGNMENT_DESCRIPTION = "a role assignment's description quotes what granted it:"
            + " the SAM policy template, or the actions of the Terraform statement";

    static List<Example> examples() {
        return List.of(
                new Example("queue-worker", map(
                        "description", NO_DESCRIPTION,
                        "functions[AcceptOrderFunction].name", FUNCTION_NAME,
                        "functions[AcceptOrderFunction].policies[0]", POLICY_TEMPLATE,
                        "functions[InspectFailedOrderFunction].name", FUNCTION_NAME,
                        "functions[InspectFailedOrderFunction].policies.size", IMPLICIT_POLLING_POLICY,
                        "functions[ShipOrderFunction].name", FUNCTION_NAME,
                        "functions[ShipOrderFunction].policies.size", IMPLICIT_POLLING_POLICY,
                        "parameters[Stage].constraints.constraintDescription", VALIDATION_MESSAGE,
                        "resources[ServerlessHttpApi].name", IMPLICIT_API_NAME,
                        "resources[ServerlessHttpApi].stageName", IMPLICIT_API_STAGE),
                        map(
                        "resources[acceptOrderFunctionOrdersQueueServiceBusDataSender].description", ASSIGNMENT_DESCRIPTION)),
                new Example("scheduled-job", map(
                        "description", NO_DESCRIPTION,
                        "functions[FailedTaskNotifierFunction].policies[SQSPollerPolicy]", POLICY_TEMPLATE,
                        "functions[FailedTaskNotifierFunction].policies[SSMParameterReadPolicy]", POLICY_TEMPLATE,
                        "functions[FailedTaskNotifierFunction].role", EXECUTION_ROLE,
                        "functions[PlanReportsFunction].policies[DynamoDBReadPolicy]", POLICY_TEMPLATE,
                        "functions[PlanReportsFunction].policies[SQSSendMessagePolicy]", POLICY_TEMPLATE,
                        "functions[PlanReportsFunction].role", EXECUTION_ROLE,
                        "functions[RenderReportFunction].policies[S3CrudPolicy]", POLICY_TEMPLATE,
                        "functions[RenderReportFunction].policies[SESCrudPolicy]", POLICY_TEMPLATE,
                        "functions[RenderReportFunction].role", EXECUTION_ROLE,
                        "parameters[Environment].constraints.constraintDescription", VALIDATION_MESSAGE,
                        "parameters[ReportRecipients].defaultValue", LIST_DEFAULT,
                        "roles[FailedTaskNotifier]", EXECUTION_ROLE,
                        "roles[PlanReports]", EXECUTION_ROLE,
                        "roles[RenderReport]", EXECUTION_ROLE,
                        "unmappedProperties[NightlyCloudwatchEventRule description]", UNMAPPED_NAMES,
                        "unmappedProperties[NightlyCloudwatchEventRule name]", UNMAPPED_NAMES,
                        "unmappedProperties[PlanReportsFunction Events.Nightly.Properties.Description]", UNMAPPED_NAMES,
                        "unmappedProperties[PlanReportsFunction Events.Nightly.Properties.Name]", UNMAPPED_NAMES,
                        "unmappedProperties[ReportBucket LifecycleConfiguration]", UNMAPPED_NAMES,
                        "unmappedProperties[ReportBucketS3BucketLifecycleConfiguration rule]", UNMAPPED_NAMES),
                        map(
                        "deviations[L2A304 warning: DynamoDBReadPolicy of PlanReportsFunction names !Ref OrdersTableName, which has no generated counterpart @planReportsFunction]", PERMISSION_DEVIATION,
                        "deviations[L2A304 warning: dynamodb:[GetItem, Query, Scan] of PlanReportsFunction on [!Sub \"arn:aws:dynamodb:*:*:table/${OrdersTableName}\"] has no generated resource to scope a role to @planReportsFunction]", PERMISSION_DEVIATION,
                        "deviations[L2A304 warning: policy template SESCrudPolicy of RenderReportFunction has no role mapping @renderReportFunction]", PERMISSION_DEVIATION,
                        "deviations[L2A304 warning: policy template SSMParameterReadPolicy of FailedTaskNotifierFunction has no role mapping @failedTaskNotifierFunction]", PERMISSION_DEVIATION,
                        "deviations[L2A304 warning: ses:[SendEmail, SendRawEmail] of RenderReportFunction on [\"*\"] has no generated resource to scope a role to @renderReportFunction]", PERMISSION_DEVIATION,
                        "deviations[L2A304 warning: ssm:[GetParameter] of FailedTaskNotifierFunction on [!Sub \"arn:aws:ssm:*:*:parameter/reports/${Environment}/ops-webhook\"] has no generated resource to scope a role to @failedTaskNotifierFunction]", PERMISSION_DEVIATION,
                        "deviations[L2A902 warning: Events.Nightly.Properties.Description of PlanReportsFunction (AWS::Serverless::Function) is not carried over @planReportsFunction]", UNMAPPED_NAMES,
                        "deviations[L2A902 warning: Events.Nightly.Properties.Name of PlanReportsFunction (AWS::Serverless::Function) is not carried over @planReportsFunction]", UNMAPPED_NAMES,
                        "deviations[L2A902 warning: LifecycleConfiguration of ReportBucket (AWS::S3::Bucket) is not carried over]", UNMAPPED_NAMES,
                        "deviations[L2A902 warning: description of NightlyCloudwatchEventRule (aws_cloudwatch_event_rule) is not carried over]", UNMAPPED_NAMES,
                        "deviations[L2A902 warning: name of NightlyCloudwatchEventRule (aws_cloudwatch_event_rule) is not carried over]", UNMAPPED_NAMES,
                        "deviations[L2A902 warning: rule of ReportBucketS3BucketLifecycleConfiguration (aws_s3_bucket_lifecycle_configuration) is not carried over]", UNMAPPED_NAMES,
                        "resources[planReportsFunctionReportTasksQueueServiceBusDataSender].description", ASSIGNMENT_DESCRIPTION,
                        "resources[renderReportFunctionReportBucketContainerBlobDataContributor].description", ASSIGNMENT_DESCRIPTION)),
                new Example("vpc-provisioned", map(
                        "description", NO_DESCRIPTION,
                        "functions[AuthorizePaymentFunction].aliases[AuthorizePaymentFunctionAliaslive]", ALIAS_ID,
                        "functions[AuthorizePaymentFunction].aliases[Live]", ALIAS_ID,
                        "functions[AuthorizePaymentFunction].deploymentPreference", DEPLOYMENT_PREFERENCE,
                        "functions[AuthorizePaymentFunction].events[Authorize].auth", REST_AUTHORIZATION,
                        "functions[AuthorizePaymentFunction].events[Status].auth", REST_AUTHORIZATION,
                        "functions[AuthorizePaymentFunction].role", EXECUTION_ROLE,
                        "parameters[DatabaseSecurityGroupId].type", AWS_PARAMETER_TYPE,
                        "parameters[Environment].constraints.constraintDescription", VALIDATION_MESSAGE,
                        "parameters[PrivateSubnetIds].type", AWS_PARAMETER_TYPE,
                        "parameters[WarmInstances].constraints.constraintDescription", VALIDATION_MESSAGE,
                        "resources[ServerlessRestApi].name", IMPLICIT_API_NAME,
                        "resources[ServerlessRestApi].stageName", IMPLICIT_API_STAGE,
                        "roles[AuthorizePayment]", EXECUTION_ROLE,
                        "unsupportedResources[AuthorizePaymentCodedeployDeploymentGroup]", DEPLOYMENT_PREFERENCE,
                        "unsupportedResources[PaymentsCodedeployApp]", DEPLOYMENT_PREFERENCE),
                        map(
                        "deviations[L2A503 warning: AuthorizePaymentFunction deploys gradually with CodeDeploy @authorizePaymentFunction]", DEPLOYMENT_PREFERENCE,
                        "deviations[L2A901 warning: AuthorizePaymentCodedeployDeploymentGroup (aws_codedeploy_deployment_group): no mapping for aws_codedeploy_deployment_group in this version of lambda2azure]", DEPLOYMENT_PREFERENCE,
                        "deviations[L2A901 warning: PaymentsCodedeployApp (aws_codedeploy_app): no mapping for aws_codedeploy_app in this version of lambda2azure]", DEPLOYMENT_PREFERENCE,
                        "parameters[DatabaseSecurityGroupId].description", AWS_PARAMETER_TYPE)),
                new Example("java-batch", map(
                        "description", NO_DESCRIPTION,
                        "functions[RenderInvoicesFunction].policies[S3CrudPolicy]", POLICY_TEMPLATE,
                        "functions[RenderInvoicesFunction].role", EXECUTION_ROLE,
                        "parameters[Environment].constraints.constraintDescription", VALIDATION_MESSAGE,
                        "roles[RenderInvoices]", EXECUTION_ROLE,
                        "unmappedProperties[MonthlyCloudwatchEventRule description]", UNMAPPED_NAMES,
                        "unmappedProperties[RenderInvoicesFunction Events.Monthly.Properties.Description]", UNMAPPED_NAMES),
                        map(
                        "deviations[L2A304 warning: S3CrudPolicy of RenderInvoicesFunction names !Ref InvoiceBucketName, which has no generated counterpart @renderInvoicesFunction]", PERMISSION_DEVIATION,
                        "deviations[L2A304 warning: s3:[GetObject, PutObject, DeleteObject, ListBucket] of RenderInvoicesFunction on [!Sub \"arn:aws:s3:::${InvoiceBucketName}\", !Sub \"arn:aws:s3:::${InvoiceBucketName}/*\"] has no generated resource to scope a role to @renderInvoicesFunction]", PERMISSION_DEVIATION,
                        "deviations[L2A902 warning: Events.Monthly.Properties.Description of RenderInvoicesFunction (AWS::Serverless::Function) is not carried over @renderInvoicesFunction]", UNMAPPED_NAMES,
                        "deviations[L2A902 warning: description of MonthlyCloudwatchEventRule (aws_cloudwatch_event_rule) is not carried over]", UNMAPPED_NAMES)),
                new Example("http-api", map(
                        "description", NO_DESCRIPTION,
                        "functions[CancelOrderFunction].aliases[CancelOrderFunctionAliaslive]", ALIAS_ID,
                        "functions[CancelOrderFunction].aliases[CancelOrderLive]", ALIAS_ID,
                        "functions[CancelOrderFunction].policies[CloudWatchPutMetricPolicy]", POLICY_TEMPLATE,
                        "functions[CancelOrderFunction].policies[DynamoDBCrudPolicy]", POLICY_TEMPLATE,
                        "functions[CancelOrderFunction].role", EXECUTION_ROLE,
                        "functions[CreateOrderFunction].events[CreateOrder].auth", REST_AUTHORIZATION,
                        "functions[CreateOrderFunction].policies[DynamoDBCrudPolicy]", POLICY_TEMPLATE,
                        "functions[CreateOrderFunction].role", EXECUTION_ROLE,
                        "functions[GetOrderFunction].events[GetOrder].auth", REST_AUTHORIZATION,
                        "functions[GetOrderFunction].policies[DynamoDBReadPolicy]", POLICY_TEMPLATE,
                        "functions[GetOrderFunction].role", EXECUTION_ROLE,
                        "functions[ListOrdersFunction].events[ListOrders].auth", REST_AUTHORIZATION,
                        "functions[ListOrdersFunction].policies[DynamoDBReadPolicy]", POLICY_TEMPLATE,
                        "functions[ListOrdersFunction].role", EXECUTION_ROLE,
                        "outputs[OrdersTableName].exportName", NO_EXPORTS,
                        "parameters[LogLevel].constraints.constraintDescription", VALIDATION_MESSAGE,
                        "parameters[PaymentApiKey].constraints.constraintDescription", VALIDATION_MESSAGE,
                        "parameters[Stage].constraints.constraintDescription", VALIDATION_MESSAGE,
                        "resources[OrdersApi].cors", REST_CORS,
                        "resources[ServerlessHttpApi].name", IMPLICIT_API_NAME,
                        "resources[ServerlessHttpApi].stageName", IMPLICIT_API_STAGE,
                        "roles[CancelOrderIamRole]", EXECUTION_ROLE,
                        "roles[CreateOrderIamRole]", EXECUTION_ROLE,
                        "roles[GetOrderIamRole]", EXECUTION_ROLE,
                        "roles[ListOrdersIamRole]", EXECUTION_ROLE,
                        "unmappedProperties[OrdersApi OpenApiVersion]", UNMAPPED_NAMES,
                        "unmappedProperties[OrdersApi TracingEnabled]", UNMAPPED_NAMES,
                        "unmappedProperties[OrdersApiApiGatewayStage xray_tracing_enabled]", UNMAPPED_NAMES,
                        "unmappedProperties[OrdersTable GlobalSecondaryIndexes]", UNMAPPED_NAMES,
                        "unmappedProperties[OrdersTable PointInTimeRecoverySpecification]", UNMAPPED_NAMES,
                        "unmappedProperties[OrdersTable global_secondary_index]", UNMAPPED_NAMES,
                        "unmappedProperties[OrdersTable point_in_time_recovery]", UNMAPPED_NAMES),
                        map(
                        "deviations[L2A206 info: CORS origins [\"'*'\"] apply to the whole app createOrderFunction @createOrderFunction]", REST_CORS,
                        "deviations[L2A206 info: CORS origins [\"'*'\"] apply to the whole app getOrderFunction @getOrderFunction]", REST_CORS,
                        "deviations[L2A206 info: CORS origins [\"'*'\"] apply to the whole app listOrdersFunction @listOrdersFunction]", REST_CORS,
                        "deviations[L2A902 warning: GlobalSecondaryIndexes of OrdersTable (AWS::DynamoDB::Table) is not carried over]", UNMAPPED_NAMES,
                        "deviations[L2A902 warning: OpenApiVersion of OrdersApi (AWS::Serverless::Api) is not carried over]", UNMAPPED_NAMES,
                        "deviations[L2A902 warning: PointInTimeRecoverySpecification of OrdersTable (AWS::DynamoDB::Table) is not carried over]", UNMAPPED_NAMES,
                        "deviations[L2A902 warning: TracingEnabled of OrdersApi (AWS::Serverless::Api) is not carried over]", UNMAPPED_NAMES,
                        "deviations[L2A902 warning: global_secondary_index of OrdersTable (aws_dynamodb_table) is not carried over]", UNMAPPED_NAMES,
                        "deviations[L2A902 warning: point_in_time_recovery of OrdersTable (aws_dynamodb_table) is not carried over]", UNMAPPED_NAMES,
                        "deviations[L2A902 warning: xray_tracing_enabled of OrdersApiApiGatewayStage (aws_api_gateway_stage) is not carried over]", UNMAPPED_NAMES,
                        "resources[cancelOrderFunctionCosmosDataContributor].description", ASSIGNMENT_DESCRIPTION,
                        "resources[createOrderFunctionCosmosDataContributor].description", ASSIGNMENT_DESCRIPTION,
                        "resources[createOrderFunction].site.corsAllowedOrigins.size", REST_CORS,
                        "resources[getOrderFunctionCosmosDataReader].description", ASSIGNMENT_DESCRIPTION,
                        "resources[getOrderFunction].site.corsAllowedOrigins.size", REST_CORS,
                        "resources[listOrdersFunctionCosmosDataReader].description", ASSIGNMENT_DESCRIPTION,
                        "resources[listOrdersFunction].site.corsAllowedOrigins.size", REST_CORS)),
                new Example("fan-out-topic", map(
                        "description", NO_DESCRIPTION,
                        "functions[FraudCheckFunction].name", FUNCTION_NAME,
                        "functions[FraudCheckFunction].role", EXECUTION_ROLE,
                        "functions[LedgerWriterFunction].name", FUNCTION_NAME,
                        "functions[LedgerWriterFunction].role", EXECUTION_ROLE,
                        "functions[PublishPaymentFunction].events[Post].auth", REST_AUTHORIZATION,
                        "functions[PublishPaymentFunction].name", FUNCTION_NAME,
                        "functions[PublishPaymentFunction].policies[SNSPublishMessagePolicy]", POLICY_TEMPLATE,
                        "functions[PublishPaymentFunction].role", EXECUTION_ROLE,
                        "resources[ServerlessRestApi].name", IMPLICIT_API_NAME,
                        "resources[ServerlessRestApi].stageName", IMPLICIT_API_STAGE,
                        "roles[FraudCheckFunctionIamRole]", EXECUTION_ROLE,
                        "roles[LedgerWriterFunctionIamRole]", EXECUTION_ROLE,
                        "roles[PublishPaymentFunctionIamRole]", EXECUTION_ROLE),
                        map(
                        "resources[publishPaymentFunctionPaymentEventsTopicServiceBusDataSender].description", ASSIGNMENT_DESCRIPTION)),
                new Example("image-resize", map(
                        "description", NO_DESCRIPTION,
                        "functions[CleanUpFunction].name", FUNCTION_NAME,
                        "functions[CleanUpFunction].policies[S3CrudPolicy]", POLICY_TEMPLATE,
                        "functions[CleanUpFunction].role", EXECUTION_ROLE,
                        "functions[ResizeFunction].name", FUNCTION_NAME,
                        "functions[ResizeFunction].policies[S3CrudPolicy]", POLICY_TEMPLATE,
                        "functions[ResizeFunction].policies[S3ReadPolicy]", POLICY_TEMPLATE,
                        "functions[ResizeFunction].role", EXECUTION_ROLE,
                        "roles[CleanUp]", EXECUTION_ROLE,
                        "roles[Resize]", EXECUTION_ROLE),
                        map(
                        "resources[cleanUpFunctionThumbnailsBucketContainerBlobDataContributor].description", ASSIGNMENT_DESCRIPTION,
                        "resources[resizeFunctionThumbnailsBucketContainerBlobDataContributor].description", ASSIGNMENT_DESCRIPTION,
                        "resources[resizeFunctionUploadsBucketContainerBlobDataReader].description", ASSIGNMENT_DESCRIPTION)),
                new Example("table-stream", map(
                        "description", NO_DESCRIPTION,
                        "functions[AuditFunction].name", FUNCTION_NAME,
                        "functions[AuditFunction].policies.size", IMPLICIT_POLLING_POLICY,
                        "functions[ProfilesApiFunction].name", FUNCTION_NAME,
                        "functions[ProfilesApiFunction].policies[0]", POLICY_TEMPLATE,
                        "resources[AuditTable].name", TABLE_NAME,
                        "resources[ServerlessHttpApi].name", IMPLICIT_API_NAME,
                        "resources[ServerlessHttpApi].stageName", IMPLICIT_API_STAGE),
                        map(
                        "resources[auditTable].name.value", TABLE_NAME,
                        "resources[profilesApiFunctionCosmosDataContributor].description", ASSIGNMENT_DESCRIPTION)),
                new Example("clickstream", map(
                        "description", NO_DESCRIPTION,
                        "functions[AggregateFunction].name", FUNCTION_NAME,
                        "functions[AggregateFunction].policies.size", IMPLICIT_POLLING_POLICY,
                        "functions[IngestFunction].name", FUNCTION_NAME,
                        "functions[IngestFunction].policies[0].statements[0].sid", MODULE_SID,
                        "resources[PageCountsTable].name", TABLE_NAME,
                        "resources[ServerlessHttpApi].name", IMPLICIT_API_NAME,
                        "resources[ServerlessHttpApi].stageName", IMPLICIT_API_STAGE),
                        map(
                        "resources[aggregateFunctionCosmosDataContributor].description", ASSIGNMENT_DESCRIPTION,
                        "resources[pageCountsTable].name.value", TABLE_NAME)),
                new Example("event-router", map(
                        "description", NO_DESCRIPTION,
                        "functions[BillingFunction].name", FUNCTION_NAME,
                        "functions[BillingFunction].policies[AWSSecretsManagerGetSecretValuePolicy]", POLICY_TEMPLATE,
                        "functions[BillingFunction].role", EXECUTION_ROLE,
                        "functions[CheckoutFunction].name", FUNCTION_NAME,
                        "functions[CheckoutFunction].policies[EventBridgePutEventsPolicy]", POLICY_TEMPLATE,
                        "functions[CheckoutFunction].role", EXECUTION_ROLE,
                        "functions[PriorityOrderFunction].name", FUNCTION_NAME,
                        "functions[PriorityOrderFunction].role", EXECUTION_ROLE,
                        "resources[ServerlessHttpApi].name", IMPLICIT_API_NAME,
                        "resources[ServerlessHttpApi].stageName", IMPLICIT_API_STAGE,
                        "roles[FunctionBilling]", EXECUTION_ROLE,
                        "roles[FunctionCheckout]", EXECUTION_ROLE,
                        "roles[FunctionPriorityOrder]", EXECUTION_ROLE),
                        map(
                        "resources[checkoutFunctionOrdersBusEventGridDataSender].description", ASSIGNMENT_DESCRIPTION)),
                new Example("secured-api", map(
                        "description", NO_DESCRIPTION,
                        "functions[AdminAuthorizerFunction].role", EXECUTION_ROLE,
                        "functions[CartFunction].events[GetCart].auth.type", ROUTE_AUTHORIZATION_TYPE,
                        "functions[CartFunction].events[PutCartItem].auth.type", ROUTE_AUTHORIZATION_TYPE,
                        "functions[CartFunction].role", EXECUTION_ROLE,
                        "functions[GetProductFunction].events[GetProduct].auth.type", REST_AUTHORIZATION,
                        "functions[GetProductFunction].events[GetShopProduct].auth", OPEN_HTTP_ROUTE,
                        "functions[GetProductFunction].role", EXECUTION_ROLE,
                        "functions[ImportProductsFunction].events[ImportProducts].auth.type", ROUTE_AUTHORIZATION_TYPE,
                        "functions[ImportProductsFunction].role", EXECUTION_ROLE,
                        "functions[ListProductsFunction].events[ListProducts].auth.type", REST_AUTHORIZATION,
                        "functions[ListProductsFunction].role", EXECUTION_ROLE,
                        "parameters[Stage].constraints.constraintDescription", VALIDATION_MESSAGE,
                        "resources[PartnerApi].auth.entries[ApiKeyRequired]", API_WIDE_AUTH,
                        "resources[PartnerApi].cors", REST_CORS,
                        "resources[ShopApi].auth.entries[Authorizers].entries[ShopUsers].entries[JwtConfiguration]"
                                + ".entries[issuer].parts.size", COGNITO_ISSUER,
                        "resources[ShopApi].auth.entries[DefaultAuthorizer]", API_WIDE_AUTH,
                        "resources[ShopApi].name", HTTP_API_NAME,
                        "roles[FunctionAdminAuthorizer]", EXECUTION_ROLE,
                        "roles[FunctionCart]", EXECUTION_ROLE,
                        "roles[FunctionGetProduct]", EXECUTION_ROLE,
                        "roles[FunctionImportProducts]", EXECUTION_ROLE,
                        "roles[FunctionListProducts]", EXECUTION_ROLE,
                        "unsupportedResources[ShopUserPool].reason", UNSUPPORTED_TYPE,
                        "unsupportedResources[ShopUserPoolClient].reason", UNSUPPORTED_TYPE),
                        map(
                        "deviations[L2A206 info: CORS origins [\"'https://partners.example.com'\"] apply to the whole app getProductFunction @getProductFunction]", REST_CORS,
                        "deviations[L2A206 info: CORS origins [\"'https://partners.example.com'\"] apply to the whole app importProductsFunction @importProductsFunction]", REST_CORS,
                        "deviations[L2A206 info: CORS origins [\"'https://partners.example.com'\"] apply to the whole app listProductsFunction @listProductsFunction]", REST_CORS,
                        "deviations[L2A901 warning: ShopUserPool (AWS::Cognito::UserPool): Cognito user pool: no Azure equivalent is generated, and it triggers no function of this template]", UNSUPPORTED_TYPE,
                        "deviations[L2A901 warning: ShopUserPool (aws_cognito_user_pool): Cognito user pool: no Azure equivalent is generated, and it triggers no function of this configuration]", UNSUPPORTED_TYPE,
                        "deviations[L2A901 warning: ShopUserPoolClient (AWS::Cognito::UserPoolClient): no mapping for AWS::Cognito::UserPoolClient in this version of lambda2azure]", UNSUPPORTED_TYPE,
                        "deviations[L2A901 warning: ShopUserPoolClient (aws_cognito_user_pool_client): no mapping for aws_cognito_user_pool_client in this version of lambda2azure]", UNSUPPORTED_TYPE,
                        "parameters[shopUsersIssuer].description", COGNITO_ISSUER,
                        "resources[getProductFunction].site.corsAllowedOrigins.size", REST_CORS,
                        "resources[importProductsFunction].site.corsAllowedOrigins.size", REST_CORS,
                        "resources[listProductsFunction].site.corsAllowedOrigins.size", REST_CORS,
                        "resources[partnerApiPolicy]", REST_CORS,
                        "resources[shopApi].displayName", HTTP_API_NAME)));
    }

    @TestFactory
    Stream<DynamicTest> modelsAreEqualApartFromListedDifferences() {
        return examples().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            Map<String, String> differences = LocationBlindDiff.of(sam(e.name()), terraform(e.name()), MODEL);
            assertListed(e.name() + " model", differences, e.model());
        }));
    }

    @TestFactory
    Stream<DynamicTest> azureDeploymentsAreEqualApartFromListedDifferences() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Example e : examples()) {
            for (PlanKind plan : PlanKind.values()) {
                tests.add(DynamicTest.dynamicTest(e.name() + " on " + plan.id(), () -> {
                    AzureDeployment sam = AzurePlanner.plan(sam(e.name()), PlanOptions.of(plan));
                    AzureDeployment terraform = AzurePlanner.plan(terraform(e.name()), PlanOptions.of(plan));
                    assertListed(e.name() + " on " + plan.id(), LocationBlindDiff.of(sam, terraform, AZURE), e.azure());
                }));
            }
        }
        return tests.stream();
    }

    /** SAM examples that have no Terraform twin yet, with the reason. */
    private static final Map<String, String> WITHOUT_TWIN = Map.of();

    @Test
    void everySamExampleHasATerraformTwinOrIsListedWithTheReason() throws Exception {
        List<String> withTemplate;
        try (Stream<Path> dirs = Files.list(example("").normalize())) {
            withTemplate = dirs.filter(d -> Files.isRegularFile(d.resolve("template.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        }
        Set<String> compared = examples().stream().map(Example::name).collect(Collectors.toSet());
        List<String> missing = withTemplate.stream().filter(n -> !compared.contains(n)).toList();
        assertThat(missing).as("SAM examples without a compared Terraform twin").containsExactlyInAnyOrderElementsOf(
                WITHOUT_TWIN.keySet());
        assertThat(WITHOUT_TWIN.keySet()).allSatisfy(n -> assertThat(example(n).resolve("terraform")).doesNotExist());
    }

    @Test
    void theDiffSeesDifferencesButNotLocations() throws Exception {
        ServerlessApp app = terraform("queue-worker");
        assertThat(LocationBlindDiff.of(app, terraform("queue-worker"), MODEL)).isEmpty();
        ServerlessApp moved = new ServerlessApp("elsewhere", app.inputKind(), Optional.of("x"), app.parameters(),
                app.conditions(), app.mappings(), app.functions().subList(1, app.functions().size()), app.resources(),
                app.roles(), app.policies(), app.outputs(), app.unsupportedResources(), app.unmappedProperties());
        assertThat(LocationBlindDiff.of(app, moved, MODEL)).containsOnlyKeys("description",
                "functions[" + app.functions().get(0).logicalId() + "]");
    }

    private static void assertListed(String what, Map<String, String> differences, Map<String, String> listed) {
        Map<String, String> unexpected = new LinkedHashMap<>(differences);
        listed.keySet().forEach(unexpected::remove);
        List<String> vanished = listed.keySet().stream().filter(k -> !differences.containsKey(k)).toList();
        assertThat(unexpected).as("differences of %s that are not listed as inherent:%n%s", what,
                unexpected.entrySet().stream().map(x -> x.getKey() + ": " + x.getValue())
                        .collect(Collectors.joining(System.lineSeparator()))).isEmpty();
        assertThat(vanished).as("listed differences of %s that no longer occur; remove them from the list", what)
                .isEmpty();
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static Path example(String name) {
        String root = System.getProperty("lambda2azure.root");
        Path base = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
        return base.resolve("examples").resolve(name);
    }

    static ServerlessApp sam(String name) throws Exception {
        return CloudFormationReader.read(example(name).resolve("template.yaml"));
    }

    static ServerlessApp terraform(String name) throws Exception {
        Path dir = example(name).resolve("terraform");
        assertThat(Files.isDirectory(dir)).as("%s exists", dir).isTrue();
        return TerraformReader.read(dir);
    }

}
