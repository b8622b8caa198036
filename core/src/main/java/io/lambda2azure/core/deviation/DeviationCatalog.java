package io.lambda2azure.core.deviation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every kind of deviation lambda2azure reports, with stable ids grouped by area: 1xx compute and runtime,
 * 2xx triggers, 3xx identity and secrets, 4xx networking, 5xx deployment and versions, 6xx monitoring,
 * 7xx data and messaging services, 9xx unsupported resources and properties. Ids are never reused for another meaning.
 */
public final class DeviationCatalog {

    private static final String LEARN = "https://learn.microsoft.com/azure/azure-functions/";
    private static final String MIGRATION = LEARN + "migration/migrate-aws-lambda-to-azure-functions";
    private static final String SCALE = LEARN + "functions-scale";
    private static final String APIM = "https://learn.microsoft.com/azure/api-management/";

    // ------------------------------------------------------------------ 1xx compute and runtime

    public static final DeviationKind RUNTIME_VERSION_CHANGED = new DeviationKind("L2A101", Area.COMPUTE,
            Severity.INFO, "Runtime version changed",
            "The function runs on a different language version than on Lambda, because Azure Functions does not"
                    + " offer the Lambda version.",
            "Test the function on the new version; language updates can change behaviour of dependencies.",
            LEARN + "supported-languages");

    public static final DeviationKind CUSTOM_HANDLER = new DeviationKind("L2A102", Area.COMPUTE, Severity.WARNING,
            "Runtime has no Azure Functions language worker",
            "OS-only runtimes (provided.*, go1.x) and languages Azure Functions does not host run as a custom"
                    + " handler: an HTTP server in your executable that the host forwards every invocation to.",
            "Wrap the handler in a small HTTP server as described for custom handlers and set"
                    + " customHandler.description.defaultExecutablePath in host.json.",
            LEARN + "functions-custom-handlers");

    public static final DeviationKind MEMORY_ABOVE_PLAN = new DeviationKind("L2A103", Area.COMPUTE,
            Severity.WARNING, "Memory above what the plan's instance offers",
            "The function was given more memory on Lambda than one instance of the chosen plan has.",
            "Choose a plan with larger instances (Flex Consumption 4096 MB, Premium EP3, a larger Dedicated SKU)"
                    + " or reduce the memory the function needs.", SCALE);

    public static final DeviationKind TIMEOUT_ABOVE_PLAN = new DeviationKind("L2A104", Area.COMPUTE,
            Severity.WARNING, "Timeout above the plan's maximum",
            "Executions that run longer than the plan's maximum function timeout are stopped by the host.",
            "Choose Flex Consumption, Premium or Dedicated (no enforced maximum), or split the work, for example"
                    + " with Durable Functions.", SCALE + "#timeout");

    public static final DeviationKind HTTP_RESPONSE_LIMIT = new DeviationKind("L2A105", Area.COMPUTE,
            Severity.WARNING, "HTTP response limit of 230 seconds",
            "Whatever the function timeout, an HTTP-triggered function must answer within 230 seconds (the"
                    + " Azure load balancer's idle timeout); Lambda allowed this function longer.",
            "Return 202 Accepted and continue asynchronously (Durable Functions async HTTP API pattern).",
            SCALE + "#timeout");

    public static final DeviationKind ARM64 = new DeviationKind("L2A106", Area.COMPUTE, Severity.WARNING,
            "arm64 architecture has no equivalent",
            "Azure Functions instances run on x86-64; native libraries built for arm64 do not load.",
            "Rebuild native dependencies for x86-64 (linux-x64) before deploying.", MIGRATION);

    public static final DeviationKind LAYERS = new DeviationKind("L2A107", Area.COMPUTE, Severity.WARNING,
            "Lambda layers have no equivalent",
            "Azure Functions has no shared layers; code and libraries a layer provided are missing at run time.",
            "Add the layer's contents to the function app's deployment package (dependencies in requirements.txt,"
                    + " package.json, the Maven build, ...).", MIGRATION);

    public static final DeviationKind CONTAINER_NOT_ON_PLAN = new DeviationKind("L2A108", Area.COMPUTE,
            Severity.BLOCKER, "Container image on a plan that cannot run containers",
            "The function is packaged as a container image, which the chosen plan cannot run.",
            "Choose the Premium or Dedicated plan (or Azure Container Apps), or package the code as a zip.",
            LEARN + "functions-how-to-custom-container");

    public static final DeviationKind EPHEMERAL_STORAGE = new DeviationKind("L2A109", Area.COMPUTE, Severity.INFO,
            "Ephemeral storage size is not configurable",
            "Lambda's configurable /tmp size has no setting on Azure Functions; temporary storage is what the plan's"
                    + " instance provides.",
            "Keep large temporary files in Blob Storage instead of local disk.", SCALE);

    public static final DeviationKind RESERVED_CONCURRENCY = new DeviationKind("L2A110", Area.COMPUTE,
            Severity.INFO, "Reserved concurrency becomes a maximum instance count",
            "Azure Functions has no per-function reserved concurrency; the function's app is limited to a maximum"
                    + " number of instances instead, which limits but does not reserve capacity.",
            "Check the instance limit under load, and set per-instance concurrency in host.json if needed.",
            MIGRATION);

    public static final DeviationKind PROVISIONED_CONCURRENCY = new DeviationKind("L2A111", Area.COMPUTE,
            Severity.INFO, "Provisioned concurrency becomes always-ready instances",
            "Pre-initialized Lambda environments become always-ready (Flex Consumption) or pre-warmed (Premium)"
                    + " instances, which are billed while idle.",
            "Tune the instance count after measuring cold starts on Azure.", MIGRATION);

    public static final DeviationKind CONSUMPTION_RETIREMENT = new DeviationKind("L2A112", Area.COMPUTE,
            Severity.INFO, "Linux Consumption plan is being retired",
            "Microsoft has announced the retirement of the Linux Consumption plan; new apps should use Flex"
                    + " Consumption.",
            "Convert with --plan flex.", LEARN + "consumption-plan");

    public static final DeviationKind NO_WARM_INSTANCES = new DeviationKind("L2A113", Area.COMPUTE,
            Severity.WARNING, "Provisioned concurrency on a plan without warm instances",
            "The chosen plan cannot keep instances warm, so cold starts the function avoided on Lambda return.",
            "Choose Flex Consumption (always ready) or Premium (pre-warmed instances).", SCALE);

    public static final DeviationKind UNKNOWN_RUNTIME = new DeviationKind("L2A114", Area.COMPUTE,
            Severity.BLOCKER, "Runtime not recognised",
            "The runtime is not a known Lambda runtime, or it is chosen at deployment time, so no Azure Functions"
                    + " runtime could be chosen for it.",
            "Set the runtime of the generated function app by hand.", LEARN + "supported-languages");

    public static final DeviationKind NO_CODE_LOCATION = new DeviationKind("L2A115", Area.COMPUTE, Severity.INFO,
            "Code is deployed separately",
            "The IaC creates the function app and its deployment storage; the code itself is published by a"
                    + " deployment step, not by the template.",
            "Publish the code with `func azure functionapp publish`, azd, or a CI pipeline (zip deploy / one"
                    + " deploy for Flex Consumption).", LEARN + "functions-deployment-technologies");

    public static final DeviationKind VERSION_NOT_ON_PLAN = new DeviationKind("L2A116", Area.COMPUTE,
            Severity.BLOCKER, "Language version not offered on this plan",
            "The chosen plan offers no supported version of the function's language.",
            "Choose Flex Consumption, Premium or Dedicated, which get new language versions.",
            LEARN + "supported-languages");

    public static final DeviationKind MEMORY_AT_DEPLOYMENT = new DeviationKind("L2A117", Area.COMPUTE,
            Severity.WARNING, "Memory is chosen at deployment time",
            "The function's memory comes from a parameter or condition, so the instance size could not be"
                    + " chosen from it; the plan's default size is used.",
            "Check the instance size against the largest memory the parameter can take.", SCALE);

    public static final DeviationKind NO_CONTENT_SHARE = new DeviationKind("L2A118", Area.COMPUTE, Severity.INFO,
            "App runs from a package instead of an Azure Files share",
            "Azure Files cannot be reached with a managed identity, so instead of the usual content share (which"
                    + " needs a storage account key) the app runs from a zip package in blob storage that it reads"
                    + " with its identity; the app's file system is read-only.",
            "Publish the code as a package (zip deploy or a blob upload of app.zip); write temporary files to /tmp.",
            LEARN + "run-functions-from-deployment-package");

    // ------------------------------------------------------------------ 2xx triggers

    public static final DeviationKind TRIGGER_NOT_MAPPED = new DeviationKind("L2A201", Area.TRIGGERS,
            Severity.BLOCKER, "Event source not carried over",
            "The function is not invoked by this source on Azure: no trigger was generated for it.",
            "Create the Azure counterpart of the source and the trigger by hand; to keep the source in AWS during"
                    + " the cut-over, forward its events to an HTTP trigger, or for SQS use a community extension such"
                    + " as github.com/laveeshb/azure-functions-sqs-extension (Microsoft offers none for AWS services).",
            MIGRATION);

    public static final DeviationKind SCHEDULE_NOT_EXACT = new DeviationKind("L2A202", Area.TRIGGERS,
            Severity.WARNING, "Schedule has no exact NCRONTAB equivalent",
            "The timer fires on a different schedule than the Lambda rule did.",
            "Rewrite the schedule as an NCRONTAB expression, or check in code whether to run.",
            LEARN + "functions-bindings-timer");

    public static final DeviationKind SCHEDULE_DISABLED = new DeviationKind("L2A203", Area.TRIGGERS,
            Severity.INFO, "Schedule is disabled",
            "The rule was disabled on AWS; the timer function is generated disabled through an app setting.",
            "Remove the AzureWebJobs.<function>.Disabled app setting to enable it.",
            LEARN + "disable-function");

    public static final DeviationKind HTTP_AUTH_CHANGED = new DeviationKind("L2A204", Area.TRIGGERS,
            Severity.WARNING, "HTTP authorization differs",
            "IAM (SigV4) authorization, and authorizers whose kind the template does not say, have no API Management"
                    + " or Azure Functions equivalent; the route is protected by a function key instead.",
            "Enable App Service authentication with Microsoft Entra ID on the function app, and have callers send"
                    + " Entra tokens (Azure callers with their managed identity) instead of SigV4 signatures.",
            "https://learn.microsoft.com/azure/app-service/overview-authentication-authorization");

    public static final DeviationKind HTTP_ROUTE_CHANGED = new DeviationKind("L2A205", Area.TRIGGERS,
            Severity.INFO, "HTTP route is served under /api",
            "Azure Functions serves HTTP triggers under the /api route prefix and one host name per function app,"
                    + " so client URLs change.",
            "Update clients, or set extensions.http.routePrefix in host.json, or front the app with API"
                    + " Management or Front Door to keep the old URLs.",
            LEARN + "functions-bindings-http-webhook-trigger");

    public static final DeviationKind CORS_CHANGED = new DeviationKind("L2A206", Area.TRIGGERS, Severity.INFO,
            "CORS is configured on the function app",
            "CORS rules of the API apply to the whole function app on Azure, not per route.",
            "Review the allowed origins on the generated app.",
            "https://learn.microsoft.com/azure/app-service/app-service-web-tutorial-rest-api");

    public static final DeviationKind EVENT_FILTER_PARTIAL = new DeviationKind("L2A207", Area.TRIGGERS,
            Severity.WARNING, "Event filter not fully expressible",
            "Part of the event filter (an SQS/Kinesis/DynamoDB filter criterion, an SNS filter policy or an"
                    + " EventBridge pattern) has no equivalent in the Azure filter, so the function receives events"
                    + " the Lambda did not.",
            "Check the remaining conditions at the start of the function and return early when they do not hold.",
            "https://learn.microsoft.com/azure/event-grid/event-filtering");

    public static final DeviationKind BATCH_SETTINGS = new DeviationKind("L2A208", Area.TRIGGERS, Severity.INFO,
            "Batch and retry settings differ",
            "Lambda's batching window, bisect on error, partial batch responses, tumbling windows, parallelization"
                    + " factor or retry limits of an event source mapping have no one-to-one trigger setting; the"
                    + " closest host.json and entity settings were generated.",
            "Review the extension settings in host.json and handle failed items in code (dead-letter or"
                    + " checkpoint explicitly).", LEARN + "functions-host-json");

    public static final DeviationKind EXTERNAL_EVENT_SOURCE = new DeviationKind("L2A209", Area.TRIGGERS,
            Severity.WARNING, "Event source outside the template",
            "The queue, topic, bucket, table or stream is not defined in the template (an ARN parameter, an import"
                    + " or a literal), so its Azure counterpart is not generated: parameters name the existing"
                    + " Azure resource, and the function's identity needs a role on it.",
            "Migrate the source to Azure, pass its names in the parameters and assign the role named here; to"
                    + " keep an SQS queue in AWS during the cut-over, a community extension"
                    + " (github.com/laveeshb/azure-functions-sqs-extension) consumes it from Azure Functions; SNS and"
                    + " EventBridge can push to an HTTP trigger instead.", MIGRATION);

    public static final DeviationKind SUBSCRIPTION_AFTER_CODE = new DeviationKind("L2A210", Area.TRIGGERS,
            Severity.INFO, "Event subscription is deployed after the code",
            "Event Grid validates an event subscription's endpoint when it is created, so the function it"
                    + " delivers to must already run: the subscription is generated under the parameter"
                    + " deployEventSubscriptions (false by default).",
            "Deploy the infrastructure, publish the function code, then deploy again with"
                    + " deployEventSubscriptions=true.", LEARN + "functions-event-grid-blob-trigger");

    public static final DeviationKind KAFKA_TRIGGER = new DeviationKind("L2A211", Area.TRIGGERS,
            Severity.WARNING, "Kafka trigger needs manual setup",
            "The Kafka trigger reads an existing Kafka cluster (MSK or self-managed); no cluster is generated, and"
                    + " the trigger's plan support and authentication differ from Lambda's event source mapping.",
            "Point the BrokerList setting at the cluster (or an Event Hubs namespace's Kafka endpoint), supply"
                    + " credentials through Key Vault references, and check the plan supports the Kafka trigger.",
            LEARN + "functions-bindings-kafka");

    public static final DeviationKind STARTING_POSITION = new DeviationKind("L2A212", Area.TRIGGERS,
            Severity.INFO, "Stream starting position differs",
            "Lambda's starting position (TRIM_HORIZON, LATEST, AT_TIMESTAMP) maps to the trigger's initial"
                    + " offset only for the first run; afterwards checkpoints decide where reading resumes.",
            "Check the initial offset setting in host.json or the trigger before the first deployment.",
            LEARN + "functions-bindings-event-hubs-trigger");

    public static final DeviationKind LAMBDA_AUTHORIZER = new DeviationKind("L2A213", Area.TRIGGERS,
            Severity.WARNING, "Lambda authorizer logic is not carried",
            "A Lambda authorizer runs code of its own to allow or deny each request; neither API Management nor"
                    + " Azure Functions can run it. The route is not put behind API Management and requires a function"
                    + " key, so callers are refused until the authorization is rebuilt.",
            "Rewrite the authorizer's checks as an API Management policy (validate-jwt, check-header, or send-request"
                    + " to a function that decides) and add the route to the API, or enable App Service authentication"
                    + " with Microsoft Entra ID on the function app.",
            APIM + "authentication-authorization-overview");

    public static final DeviationKind API_KEYS = new DeviationKind("L2A214", Area.TRIGGERS, Severity.WARNING,
            "API keys become API Management subscription keys",
            "Routes that required an API Gateway API key are served by API Management, which checks a subscription"
                    + " key sent in the same x-api-key header. API Management generates the keys, so the API Gateway"
                    + " keys consumers hold stop working, and it requires a key on every operation of the API.",
            "Recreate consumers' keys as subscriptions of the generated product (one subscription is generated) and"
                    + " hand them out; check the routes that did not require a key before.",
            APIM + "api-management-subscriptions");

    public static final DeviationKind USAGE_PLAN_LIMITS = new DeviationKind("L2A215", Area.TRIGGERS,
            Severity.INFO, "Usage plan limits become product policies",
            "A usage plan's throttle and quota become rate-limit and quota policies of an API Management product."
                    + " API Management counts calls per subscription in a sliding window (rate-limit) and in quota"
                    + " periods that start with the subscription, and has no burst limit.",
            "Check the generated limits against the usage plan, especially monthly quotas and bursts.",
            APIM + "api-management-sample-flexible-throttling");

    public static final DeviationKind JWT_VALIDATION = new DeviationKind("L2A216", Area.TRIGGERS, Severity.INFO,
            "JWT and Cognito authorizers become validate-jwt policies",
            "API Management validates the token of each call before it reaches the function: its signature with"
                    + " the keys of the issuer's OpenID configuration, its issuer and expiry, and the audiences and"
                    + " scopes the authorizer required.",
            "Supply the issuer parameter where one was generated (a Cognito user pool's issuer is"
                    + " https://cognito-idp.<region>.amazonaws.com/<pool id>, Microsoft Entra ID's is"
                    + " https://login.microsoftonline.com/<tenant id>/v2.0), then test with real tokens.",
            APIM + "validate-jwt-policy");

    // ------------------------------------------------------------------ 3xx identity and secrets

    public static final DeviationKind PERMISSIONS_NOT_MAPPED = new DeviationKind("L2A301", Area.IDENTITY,
            Severity.WARNING, "IAM permissions are not carried over",
            "What the function's IAM role allowed on AWS is not granted on Azure; calls to other services fail"
                    + " with authorization errors until roles are assigned.",
            "Assign the function app's managed identity least-privilege roles on the resources it uses.",
            "https://learn.microsoft.com/azure/role-based-access-control/role-assignments-steps");

    public static final DeviationKind SECRET_SETTING = new DeviationKind("L2A302", Area.IDENTITY, Severity.INFO,
            "Secret value passed as a secure parameter",
            "A secret (NoEcho parameter) used in an environment variable becomes a secure deployment parameter.",
            "Prefer a Key Vault reference in the app setting so that the secret never passes through deployments.",
            "https://learn.microsoft.com/azure/app-service/app-service-key-vault-references");

    public static final DeviationKind AWS_VALUE = new DeviationKind("L2A303", Area.IDENTITY, Severity.WARNING,
            "Value refers to an AWS resource",
            "The value names an AWS resource (an ARN, a URL or a name of something not generated on Azure); code"
                    + " using it keeps calling AWS.",
            "Replace it with the Azure resource's name or endpoint once that resource exists, and grant access.",
            MIGRATION);

    public static final DeviationKind PERMISSION_STATEMENT = new DeviationKind("L2A304", Area.IDENTITY,
            Severity.WARNING, "Permission cannot be scoped to a generated resource",
            "An IAM statement or policy template grants actions on resources that have no generated Azure"
                    + " counterpart (a wildcard, an ARN outside the template, a service without a mapping) or under"
                    + " conditions; no role assignment was made for it.",
            "Assign the identity a least-privilege data role on the Azure resource once it exists.",
            "https://learn.microsoft.com/azure/role-based-access-control/role-assignments-steps");

    public static final DeviationKind SECRET_AS_REFERENCE = new DeviationKind("L2A305", Area.IDENTITY,
            Severity.INFO, "Secret becomes a Key Vault reference",
            "A Secrets Manager secret or SSM SecureString parameter is a Key Vault secret on Azure; the app setting"
                    + " that named it now resolves to the secret's value through a Key Vault reference.",
            "Read the value from the setting instead of calling Secrets Manager or SSM; set the secret's value"
                    + " in Key Vault (its parameter) before the first run.",
            "https://learn.microsoft.com/azure/app-service/app-service-key-vault-references");

    public static final DeviationKind SDK_CALLS = new DeviationKind("L2A306", Area.IDENTITY, Severity.INFO,
            "Code calls AWS SDKs",
            "The function reads or writes a queue, topic, bucket, table, stream or bus; on Azure it reaches the"
                    + " generated counterpart with the Azure SDK and its managed identity through the connection"
                    + " settings named here.",
            "Replace the AWS SDK calls with the Azure SDK client for the service, built with"
                    + " DefaultAzureCredential (or ManagedIdentityCredential with the client id setting).",
            "https://learn.microsoft.com/azure/azure-functions/functions-reference#configure-an-identity-based-connection");

    // ------------------------------------------------------------------ 4xx networking

    public static final DeviationKind VNET_SUBNET_NEEDED = new DeviationKind("L2A401", Area.NETWORKING,
            Severity.WARNING, "VPC becomes virtual network integration",
            "The function ran in a VPC; on Azure the app is integrated with a subnet that you provide. Security"
                    + " groups become network security groups on that subnet.",
            "Provide the id of a subnet delegated to the plan's service (Microsoft.App/environments for Flex"
                    + " Consumption, Microsoft.Web/serverFarms otherwise) and recreate the security group rules.",
            LEARN + "functions-networking-options");

    public static final DeviationKind VNET_NOT_ON_PLAN = new DeviationKind("L2A402", Area.NETWORKING,
            Severity.BLOCKER, "Plan has no virtual network integration",
            "The function reaches private resources through its VPC, and the chosen plan cannot join a virtual"
                    + " network.",
            "Choose Flex Consumption, Premium or Dedicated.", LEARN + "functions-networking-options");

    // ------------------------------------------------------------------ 5xx deployment and versions

    public static final DeviationKind ALIASES_AS_SLOTS = new DeviationKind("L2A501", Area.DEPLOYMENT,
            Severity.INFO, "Aliases and versions become deployment slots",
            "Lambda aliases pointed at immutable versions; Azure slots are separate running copies of the app"
                    + " that are swapped.",
            "Deploy to the staging slot and swap.", LEARN + "functions-deployment-slots");

    public static final DeviationKind NO_SLOTS = new DeviationKind("L2A502", Area.DEPLOYMENT, Severity.WARNING,
            "Plan has no deployment slots",
            "Aliases, versions and gradual deployments have no counterpart on the chosen plan; every deployment"
                    + " replaces the running code.",
            "Choose Premium or Dedicated for slots, or use blue-green deployment of two apps.",
            LEARN + "functions-deployment-slots");

    public static final DeviationKind GRADUAL_DEPLOYMENT = new DeviationKind("L2A503", Area.DEPLOYMENT,
            Severity.WARNING, "Gradual deployment is not carried over",
            "CodeDeploy traffic shifting (canary, linear) with alarms and hooks has no Functions equivalent.",
            "Use slot swap with preview, or route a share of traffic to a slot (App Service testing in production).",
            LEARN + "functions-deployment-slots");

    public static final DeviationKind ASYNC_DESTINATIONS = new DeviationKind("L2A504", Area.DEPLOYMENT,
            Severity.WARNING, "Asynchronous invocation settings are not carried over",
            "Dead-letter queues, destinations and retry limits of asynchronous invocations have no setting on"
                    + " Azure Functions; failed events are not forwarded.",
            "Handle failures in code (catch and send to a Service Bus queue) or use the trigger's own retry and"
                    + " dead-letter settings.", LEARN + "functions-bindings-error-pages");

    // ------------------------------------------------------------------ 6xx monitoring

    public static final DeviationKind TRACING = new DeviationKind("L2A601", Area.MONITORING, Severity.INFO,
            "X-Ray tracing becomes Application Insights",
            "Distributed traces go to Application Insights; X-Ray SDK calls in code do nothing on Azure.",
            "Replace X-Ray instrumentation with OpenTelemetry or the Application Insights SDK.",
            LEARN + "functions-monitoring");

    public static final DeviationKind LOG_SETTINGS = new DeviationKind("L2A602", Area.MONITORING, Severity.INFO,
            "Logging settings become Application Insights settings",
            "Log groups, formats and levels become Application Insights and host.json logging settings.",
            "Review logging.logLevel in host.json and the workspace's retention.", LEARN + "configure-monitoring");

    // ------------------------------------------------------------------ 7xx data and messaging

    public static final DeviationKind QUEUE_SEMANTICS = new DeviationKind("L2A701", Area.DATA, Severity.INFO,
            "Queue settings mapped to Service Bus",
            "SQS visibility timeout, retention, redrive policy and FIFO deduplication become Service Bus lock"
                    + " duration, time to live, max delivery count with dead-lettering, sessions and duplicate"
                    + " detection; limits differ (lock at most 5 minutes, delay queues become scheduled messages).",
            "Review the generated queue settings; set a session id on FIFO messages (the SQS message group).",
            "https://learn.microsoft.com/azure/service-bus-messaging/service-bus-azure-and-service-bus-queues-compared-contrasted");

    public static final DeviationKind TABLE_MODEL = new DeviationKind("L2A702", Area.DATA, Severity.WARNING,
            "DynamoDB table becomes a Cosmos DB container",
            "The table's partition key becomes the container's partition key; sort keys, secondary indexes,"
                    + " stream view types and TTL attributes have no one-to-one setting, and data is not copied.",
            "Model queries against the container (a sort key becomes an ordinary property with a composite"
                    + " index), migrate the data, and write the TTL into each item's ttl property.",
            "https://learn.microsoft.com/azure/cosmos-db/nosql/modeling-data");

    public static final DeviationKind STREAM_LIMITS = new DeviationKind("L2A703", Area.DATA, Severity.WARNING,
            "Stream limits differ",
            "Kinesis shards and retention become Event Hubs partitions and retention; Standard namespaces allow"
                    + " at most 32 partitions and 7 days, and the partition count cannot change later.",
            "Choose Premium or Dedicated Event Hubs for more partitions or longer retention.",
            "https://learn.microsoft.com/azure/event-hubs/event-hubs-quotas");

    public static final DeviationKind BUCKET_SETTINGS = new DeviationKind("L2A704", Area.DATA, Severity.INFO,
            "Bucket becomes a storage account and container",
            "The S3 bucket is a private blob container in a storage account of its own, reached with the"
                    + " identity; bucket policies, lifecycle rules, versioning and website settings are not"
                    + " carried over, and data is not copied.",
            "Copy the data (AzCopy supports S3 sources), and configure lifecycle management or versioning on the"
                    + " account if the bucket used them.",
            "https://learn.microsoft.com/azure/storage/common/storage-use-azcopy-s3");

    public static final DeviationKind EVENT_BUS = new DeviationKind("L2A705", Area.DATA, Severity.INFO,
            "Event bus becomes an Event Grid topic",
            "Applications publish to the Event Grid topic's endpoint with Microsoft Entra authentication; events"
                    + " use the CloudEvents 1.0 schema (EventBridge's source and detail-type become source and"
                    + " type, detail becomes data).",
            "Change publishers to send CloudEvents to the topic endpoint in the generated setting.",
            "https://learn.microsoft.com/azure/event-grid/custom-topics");

    // ------------------------------------------------------------------ 9xx unsupported

    public static final DeviationKind UNSUPPORTED_RESOURCE = new DeviationKind("L2A901", Area.UNSUPPORTED,
            Severity.WARNING, "Resource not carried over",
            "The AWS resource has no generated Azure counterpart.",
            "Create its Azure counterpart by hand, or keep it on AWS.", MIGRATION);

    public static final DeviationKind UNMAPPED_PROPERTY = new DeviationKind("L2A902", Area.UNSUPPORTED,
            Severity.WARNING, "Property not carried over",
            "A property of the AWS resource has no counterpart in the generated Azure resources.",
            "Check whether the behaviour it configures matters and configure it on Azure by hand.", MIGRATION);

    public static final DeviationKind UNCONVERTIBLE_VALUE = new DeviationKind("L2A903", Area.UNSUPPORTED,
            Severity.WARNING, "Value cannot be converted",
            "A value uses a construct (an import from another stack, a CloudFormation macro, an AWS-only function)"
                    + " that has no Azure expression; it became a deployment parameter.",
            "Supply the parameter's value at deployment.", MIGRATION);

    public static final DeviationKind OUTPUT_NOT_CARRIED = new DeviationKind("L2A904", Area.UNSUPPORTED,
            Severity.INFO, "Output not carried over",
            "The output returns a value of an AWS resource that has no generated counterpart.",
            "Use the outputs of the generated deployment (function app names and host names) instead.",
            MIGRATION);

    private static final List<DeviationKind> ALL = Stream.of(NO_CONTENT_SHARE, VERSION_NOT_ON_PLAN, MEMORY_AT_DEPLOYMENT,
                    OUTPUT_NOT_CARRIED, RUNTIME_VERSION_CHANGED, CUSTOM_HANDLER,
                    MEMORY_ABOVE_PLAN, TIMEOUT_ABOVE_PLAN, HTTP_RESPONSE_LIMIT, ARM64, LAYERS, CONTAINER_NOT_ON_PLAN,
                    EPHEMERAL_STORAGE, RESERVED_CONCURRENCY, PROVISIONED_CONCURRENCY, CONSUMPTION_RETIREMENT,
                    NO_WARM_INSTANCES, UNKNOWN_RUNTIME, NO_CODE_LOCATION, TRIGGER_NOT_MAPPED, SCHEDULE_NOT_EXACT,
                    SCHEDULE_DISABLED, HTTP_AUTH_CHANGED, HTTP_ROUTE_CHANGED, CORS_CHANGED, PERMISSIONS_NOT_MAPPED,
                    SECRET_SETTING, AWS_VALUE, VNET_SUBNET_NEEDED, VNET_NOT_ON_PLAN, ALIASES_AS_SLOTS, NO_SLOTS,
                    GRADUAL_DEPLOYMENT, ASYNC_DESTINATIONS, TRACING, LOG_SETTINGS, UNSUPPORTED_RESOURCE,
                    UNMAPPED_PROPERTY, UNCONVERTIBLE_VALUE, EVENT_FILTER_PARTIAL, BATCH_SETTINGS,
                    EXTERNAL_EVENT_SOURCE, SUBSCRIPTION_AFTER_CODE, KAFKA_TRIGGER, STARTING_POSITION,
                    PERMISSION_STATEMENT, SECRET_AS_REFERENCE, SDK_CALLS, QUEUE_SEMANTICS, TABLE_MODEL, STREAM_LIMITS,
                    BUCKET_SETTINGS, EVENT_BUS, LAMBDA_AUTHORIZER, API_KEYS, USAGE_PLAN_LIMITS, JWT_VALIDATION)
            .sorted(Comparator.comparing(DeviationKind::id)).toList();

    private static final Map<String, DeviationKind> BY_ID = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(DeviationKind::id, Function.identity()));

    private DeviationCatalog() {
    }

    /** Every kind, by id. */
    public static List<DeviationKind> all() {
        return ALL;
    }

    /** The kind with that id ({@code L2A104}), if any; case-insensitive. */
    public static Optional<DeviationKind> byId(String id) {
        return Optional.ofNullable(BY_ID.get(id.toUpperCase(java.util.Locale.ROOT)));
    }
}
