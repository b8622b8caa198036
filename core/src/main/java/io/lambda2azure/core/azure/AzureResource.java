package io.lambda2azure.core.azure;

import io.lambda2azure.core.source.SourceLocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource of the Azure deployment, described by what it is rather than by the syntax of one IaC
 * language: Bicep and Terraform emitters print the same records, so both outputs describe the same
 * infrastructure. Every security-relevant setting is an explicit field the planner sets.
 */
public sealed interface AzureResource {

    /** The symbolic name: a Bicep identifier and a Terraform resource name, unique in the deployment. */
    String symbol();

    /** The Azure resource name. */
    Value name();

    /** The condition the resource is deployed under, if any (a {@link Value.Variable}). */
    Optional<Value> condition();

    /** The AWS element it was generated for, or the template itself for shared resources. */
    SourceLocation source();

    /** A Log Analytics workspace for Application Insights. */
    record LogAnalyticsWorkspace(String symbol, Value name, Optional<Value> condition, Value retentionInDays,
                                 SourceLocation source) implements AzureResource {
        public LogAnalyticsWorkspace {
            check(symbol, name, condition, source);
            Objects.requireNonNull(retentionInDays, "retentionInDays");
        }
    }

    /** Workspace-based Application Insights. */
    record ApplicationInsights(String symbol, Value name, Optional<Value> condition, String workspace,
                               boolean disableLocalAuth, SourceLocation source) implements AzureResource {
        public ApplicationInsights {
            check(symbol, name, condition, source);
            Objects.requireNonNull(workspace, "workspace");
        }
    }

    /**
     * A storage account.
     *
     * @param allowSharedKeyAccess whether account keys work (off: identity only)
     * @param minimumTlsVersion    {@code TLS1_2}
     * @param allowBlobPublicAccess whether anonymous blob access may be enabled
     */
    record StorageAccount(String symbol, Value name, Optional<Value> condition, String sku,
                          boolean allowSharedKeyAccess, String minimumTlsVersion, boolean allowBlobPublicAccess,
                          SourceLocation source) implements AzureResource {
        public StorageAccount {
            check(symbol, name, condition, source);
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(minimumTlsVersion, "minimumTlsVersion");
        }
    }

    /** A private blob container in a storage account of the deployment. */
    record BlobContainer(String symbol, Value name, Optional<Value> condition, String storageAccount,
                         SourceLocation source) implements AzureResource {
        public BlobContainer {
            check(symbol, name, condition, source);
            Objects.requireNonNull(storageAccount, "storageAccount");
        }
    }

    /** A queue in a storage account of the deployment (an SQS queue with {@code --queues storage}). */
    record StorageQueue(String symbol, Value name, Optional<Value> condition, String storageAccount,
                        SourceLocation source) implements AzureResource {
        public StorageQueue {
            check(symbol, name, condition, source);
            Objects.requireNonNull(storageAccount, "storageAccount");
        }
    }

    /** A user-assigned managed identity. */
    record UserAssignedIdentity(String symbol, Value name, Optional<Value> condition, SourceLocation source)
            implements AzureResource {
        public UserAssignedIdentity {
            check(symbol, name, condition, source);
        }
    }

    /**
     * A role assignment of a managed identity on a resource of the deployment.
     *
     * @param scope       the symbolic name of the resource the role applies to
     * @param role        the role
     * @param principal   the symbolic name of the user-assigned identity that gets it
     * @param description why the identity needs it
     */
    record RoleAssignment(String symbol, Value name, Optional<Value> condition, String scope, RoleDefinition role,
                          String principal, String description, SourceLocation source) implements AzureResource {
        public RoleAssignment {
            check(symbol, name, condition, source);
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * A hosting plan (Microsoft.Web/serverfarms, azurerm_service_plan), always Linux.
     *
     * @param kind                      the plan kind
     * @param skuName                   {@code FC1}, {@code EP1}, {@code P1v3}, {@code Y1}, ...
     * @param skuTier                   {@code FlexConsumption}, {@code ElasticPremium}, ...
     * @param maximumElasticWorkerCount Premium's maximum burst, if set
     */
    record HostingPlan(String symbol, Value name, Optional<Value> condition, PlanKind kind, String skuName,
                       String skuTier, Optional<Integer> maximumElasticWorkerCount, SourceLocation source)
            implements AzureResource {
        public HostingPlan {
            check(symbol, name, condition, source);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(skuName, "skuName");
            Objects.requireNonNull(skuTier, "skuTier");
            Objects.requireNonNull(maximumElasticWorkerCount, "maximumElasticWorkerCount");
        }
    }

    /**
     * A Linux function app.
     *
     * @param plan          the symbolic name of its hosting plan
     * @param planKind      the kind of that plan
     * @param runtime       the language runtime, empty when it could not be chosen (a blocker deviation says
     *                      so)
     * @param flex          Flex Consumption's settings, on that plan only
     * @param site          site settings
     * @param appSettings   application settings, host settings first, then the function's environment
     * @param identity      the symbolic name of its user-assigned identity
     * @param storage       the symbolic name of its host storage account
     * @param insights      the symbolic name of its Application Insights
     * @param subnetId      the subnet it is integrated with, if any
     * @param functionTimeoutSeconds host.json's functionTimeout, when the functions need more than the
     *                      plan's default
     * @param triggers      the trigger bindings its functions need
     * @param awsFunctions  the logical ids of the Lambda functions it hosts
     * @param eventGaps     the event sources of those functions that got no trigger
     * @param hostSettings  host.json settings by dotted path ({@code extensions.serviceBus.prefetchCount}),
     *                      besides functionTimeout
     * @param keyVaultReferences whether app settings are Key Vault references, resolved with the app's
     *                      user-assigned identity ({@code keyVaultReferenceIdentity})
     */
    record FunctionApp(String symbol, Value name, Optional<Value> condition, String plan, PlanKind planKind,
                       Optional<Runtime> runtime, Optional<FlexConfig> flex, SiteSettings site,
                       List<AppSetting> appSettings, String identity, String storage, String insights,
                       Optional<Value> subnetId, Optional<Integer> functionTimeoutSeconds, List<Trigger> triggers,
                       List<String> awsFunctions, List<EventGap> eventGaps, Map<String, Value> hostSettings,
                       boolean keyVaultReferences, SourceLocation source) implements AzureResource {
        public FunctionApp {
            check(symbol, name, condition, source);
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(planKind, "planKind");
            Objects.requireNonNull(runtime, "runtime");
            Objects.requireNonNull(flex, "flex");
            Objects.requireNonNull(site, "site");
            appSettings = List.copyOf(appSettings);
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(storage, "storage");
            Objects.requireNonNull(insights, "insights");
            Objects.requireNonNull(subnetId, "subnetId");
            Objects.requireNonNull(functionTimeoutSeconds, "functionTimeoutSeconds");
            triggers = List.copyOf(triggers);
            awsFunctions = List.copyOf(awsFunctions);
            eventGaps = List.copyOf(eventGaps);
            hostSettings = Collections.unmodifiableMap(new LinkedHashMap<>(hostSettings));
        }

        /** An app without event gaps, host settings or Key Vault references. */
        public FunctionApp(String symbol, Value name, Optional<Value> condition, String plan, PlanKind planKind,
                           Optional<Runtime> runtime, Optional<FlexConfig> flex, SiteSettings site,
                           List<AppSetting> appSettings, String identity, String storage, String insights,
                           Optional<Value> subnetId, Optional<Integer> functionTimeoutSeconds, List<Trigger> triggers,
                           List<String> awsFunctions, SourceLocation source) {
            this(symbol, name, condition, plan, planKind, runtime, flex, site, appSettings, identity, storage, insights,
                    subnetId, functionTimeoutSeconds, triggers, awsFunctions, List.of(), Map.of(), false, source);
        }
    }

    /**
     * An event source of a hosted Lambda function that got no trigger: the deviation that says why.
     *
     * @param awsFunction the logical id of the Lambda function
     * @param eventId     the event's id in the input (SAM event name, or the logical id of the event source
     *                    mapping, permission or rule)
     * @param deviation   the id of the deviation kind that replaced it ({@code L2A201})
     * @param source      where the event is written
     */
    record EventGap(String awsFunction, String eventId, String deviation, SourceLocation source) {
        public EventGap {
            Objects.requireNonNull(awsFunction, "awsFunction");
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(deviation, "deviation");
            Objects.requireNonNull(source, "source");
        }
    }

    /**
     * A deployment slot of a function app: a second running copy of the app with the app's identity,
     * network and site configuration (settings included), which deployments go to before a swap.
     */
    record DeploymentSlot(String symbol, Value name, Optional<Value> condition, String app, SourceLocation source)
            implements AzureResource {
        public DeploymentSlot {
            check(symbol, name, condition, source);
            Objects.requireNonNull(app, "app");
        }
    }

    // ------------------------------------------------------------------------------------------ messaging

    /**
     * A Service Bus namespace; clients authenticate with Microsoft Entra only.
     *
     * @param sku               {@code Standard} (topics need it) or {@code Premium}
     * @param disableLocalAuth  whether SAS keys are off
     * @param minimumTlsVersion {@code 1.2}
     */
    record ServiceBusNamespace(String symbol, Value name, Optional<Value> condition, String sku,
                               boolean disableLocalAuth, String minimumTlsVersion, SourceLocation source)
            implements AzureResource {
        public ServiceBusNamespace {
            check(symbol, name, condition, source);
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(minimumTlsVersion, "minimumTlsVersion");
        }
    }

    /**
     * A Service Bus queue.
     *
     * @param namespace                the symbolic name of its namespace
     * @param requiresSession          ordered delivery per session (SQS FIFO message groups)
     * @param requiresDuplicateDetection duplicate detection (SQS FIFO deduplication)
     * @param lockDuration             ISO 8601 peek-lock duration (SQS visibility timeout), if set
     * @param maxDeliveryCount         deliveries before dead-lettering (SQS maxReceiveCount), if set
     * @param defaultMessageTimeToLive ISO 8601 time to live (SQS retention period), if set
     * @param deadLetteringOnMessageExpiration whether expired messages go to the dead-letter queue
     */
    record ServiceBusQueue(String symbol, Value name, Optional<Value> condition, String namespace,
                           boolean requiresSession, boolean requiresDuplicateDetection, Optional<Value> lockDuration,
                           Optional<Value> maxDeliveryCount, Optional<Value> defaultMessageTimeToLive,
                           boolean deadLetteringOnMessageExpiration, SourceLocation source) implements AzureResource {
        public ServiceBusQueue {
            check(symbol, name, condition, source);
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(lockDuration, "lockDuration");
            Objects.requireNonNull(maxDeliveryCount, "maxDeliveryCount");
            Objects.requireNonNull(defaultMessageTimeToLive, "defaultMessageTimeToLive");
        }
    }

    /**
     * A Service Bus topic.
     *
     * @param namespace     the symbolic name of its namespace
     * @param supportOrdering ordered delivery (SNS FIFO topics)
     * @param requiresDuplicateDetection duplicate detection (SNS FIFO content-based deduplication)
     */
    record ServiceBusTopic(String symbol, Value name, Optional<Value> condition, String namespace,
                           boolean supportOrdering, boolean requiresDuplicateDetection, SourceLocation source)
            implements AzureResource {
        public ServiceBusTopic {
            check(symbol, name, condition, source);
            Objects.requireNonNull(namespace, "namespace");
        }
    }

    /**
     * A subscription of a Service Bus topic.
     *
     * @param topic            the symbolic name of its topic
     * @param maxDeliveryCount deliveries before dead-lettering, if set
     * @param lockDuration     ISO 8601 peek-lock duration, if set
     * @param requiresSession  ordered delivery per session
     * @param forwardTo        the symbolic name of a queue every message is forwarded to (an SNS
     *                         subscription of an SQS queue), if any
     */
    record ServiceBusSubscription(String symbol, Value name, Optional<Value> condition, String topic,
                                  Optional<Value> maxDeliveryCount, Optional<Value> lockDuration,
                                  boolean requiresSession, Optional<String> forwardTo, SourceLocation source)
            implements AzureResource {
        public ServiceBusSubscription {
            check(symbol, name, condition, source);
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(maxDeliveryCount, "maxDeliveryCount");
            Objects.requireNonNull(lockDuration, "lockDuration");
            Objects.requireNonNull(forwardTo, "forwardTo");
        }
    }

    /**
     * A SQL filter rule of a topic subscription (an SNS filter policy). A subscription with rules replaces
     * the default match-all rule.
     *
     * @param subscription  the symbolic name of its subscription
     * @param sqlExpression the SQL filter over message application properties
     */
    record ServiceBusRule(String symbol, Value name, Optional<Value> condition, String subscription,
                          Value sqlExpression, SourceLocation source) implements AzureResource {
        public ServiceBusRule {
            check(symbol, name, condition, source);
            Objects.requireNonNull(subscription, "subscription");
            Objects.requireNonNull(sqlExpression, "sqlExpression");
        }
    }

    /**
     * An Event Grid custom topic that applications publish to (an EventBridge event bus).
     *
     * @param inputSchema      {@code CloudEventSchemaV1_0} or {@code EventGridSchema}
     * @param disableLocalAuth whether access keys are off (publishers use Microsoft Entra)
     */
    record EventGridTopic(String symbol, Value name, Optional<Value> condition, String inputSchema,
                          boolean disableLocalAuth, SourceLocation source) implements AzureResource {
        public EventGridTopic {
            check(symbol, name, condition, source);
            Objects.requireNonNull(inputSchema, "inputSchema");
        }
    }

    /**
     * An Event Grid system topic for the events of an Azure resource of the deployment.
     *
     * @param sourceResource the symbolic name of the resource whose events it publishes
     * @param topicType      {@code Microsoft.Storage.StorageAccounts}, ...
     */
    record EventGridSystemTopic(String symbol, Value name, Optional<Value> condition, String sourceResource,
                                String topicType, SourceLocation source) implements AzureResource {
        public EventGridSystemTopic {
            check(symbol, name, condition, source);
            Objects.requireNonNull(sourceResource, "sourceResource");
            Objects.requireNonNull(topicType, "topicType");
        }
    }

    /**
     * An event subscription of an Event Grid topic or system topic.
     *
     * @param topic               the symbolic name of an {@link EventGridTopic} or {@link EventGridSystemTopic}
     * @param destination         where events go
     * @param deliverySchema      {@code EventGridSchema} or {@code CloudEventSchemaV1_0}
     * @param includedEventTypes  the event types delivered; empty for all
     * @param subjectBeginsWith   a subject prefix filter, if any
     * @param subjectEndsWith     a subject suffix filter, if any
     * @param advancedFilters     filters on event fields, all of which must match
     * @param maxDeliveryAttempts delivery attempts before an event is dropped, if set
     */
    record EventGridSubscription(String symbol, Value name, Optional<Value> condition, String topic,
                                 EventDestination destination, String deliverySchema,
                                 List<String> includedEventTypes, Optional<Value> subjectBeginsWith,
                                 Optional<Value> subjectEndsWith, List<AdvancedFilter> advancedFilters,
                                 Optional<Value> maxDeliveryAttempts, SourceLocation source) implements AzureResource {
        public EventGridSubscription {
            check(symbol, name, condition, source);
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(deliverySchema, "deliverySchema");
            includedEventTypes = List.copyOf(includedEventTypes);
            Objects.requireNonNull(subjectBeginsWith, "subjectBeginsWith");
            Objects.requireNonNull(subjectEndsWith, "subjectEndsWith");
            advancedFilters = List.copyOf(advancedFilters);
            Objects.requireNonNull(maxDeliveryAttempts, "maxDeliveryAttempts");
        }
    }

    /** Where an event subscription delivers. */
    sealed interface EventDestination {

        /**
         * An Event Grid-triggered function, addressed by resource id ({@code endpointType: AzureFunction}):
         * Event Grid authenticates to it without a key.
         *
         * @param app      the symbolic name of the function app
         * @param function the function's name in the app
         */
        record Function(String app, String function) implements EventDestination {
            public Function {
                Objects.requireNonNull(app, "app");
                Objects.requireNonNull(function, "function");
            }
        }

        /**
         * A blob-triggered function with the Event Grid source: the blobs extension's webhook of the app,
         * {@code https://<host>/runtime/webhooks/blobs?functionName=Host.Functions.<function>&code=<key>},
         * with the {@code blobs_extension} system key read at deployment.
         *
         * @param app      the symbolic name of the function app
         * @param function the function's name in the app
         */
        record BlobsExtensionWebhook(String app, String function) implements EventDestination {
            public BlobsExtensionWebhook {
                Objects.requireNonNull(app, "app");
                Objects.requireNonNull(function, "function");
            }
        }
    }

    /**
     * An advanced filter of an event subscription.
     *
     * @param operatorType Event Grid's operator: {@code StringIn}, {@code StringNotIn},
     *                     {@code StringBeginsWith}, {@code StringEndsWith}, {@code StringContains},
     *                     {@code NumberIn}, {@code NumberNotIn}, {@code NumberGreaterThan},
     *                     {@code NumberGreaterThanOrEquals}, {@code NumberLessThan},
     *                     {@code NumberLessThanOrEquals}, {@code BoolEquals}, {@code IsNotNull},
     *                     {@code IsNullOrUndefined}
     * @param key          the event field ({@code type}, {@code source}, {@code data.status})
     * @param values       the values compared with; one for BoolEquals and the Number comparisons, none for
     *                     IsNotNull and IsNullOrUndefined
     */
    record AdvancedFilter(String operatorType, String key, List<Value> values) {
        public AdvancedFilter {
            Objects.requireNonNull(operatorType, "operatorType");
            Objects.requireNonNull(key, "key");
            values = List.copyOf(values);
        }
    }

    /**
     * An Event Hubs namespace; clients authenticate with Microsoft Entra only.
     *
     * @param sku {@code Standard} (consumer groups and retention beyond a day need it)
     */
    record EventHubNamespace(String symbol, Value name, Optional<Value> condition, String sku,
                             boolean disableLocalAuth, String minimumTlsVersion, SourceLocation source)
            implements AzureResource {
        public EventHubNamespace {
            check(symbol, name, condition, source);
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(minimumTlsVersion, "minimumTlsVersion");
        }
    }

    /**
     * An event hub (a Kinesis stream).
     *
     * @param namespace              the symbolic name of its namespace
     * @param partitionCount         partitions (Kinesis shards)
     * @param messageRetentionInDays retention in days
     */
    record EventHub(String symbol, Value name, Optional<Value> condition, String namespace, Value partitionCount,
                    Value messageRetentionInDays, SourceLocation source) implements AzureResource {
        public EventHub {
            check(symbol, name, condition, source);
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(partitionCount, "partitionCount");
            Objects.requireNonNull(messageRetentionInDays, "messageRetentionInDays");
        }
    }

    /** A consumer group of an event hub, one per reading function. */
    record EventHubConsumerGroup(String symbol, Value name, Optional<Value> condition, String hub,
                                 SourceLocation source) implements AzureResource {
        public EventHubConsumerGroup {
            check(symbol, name, condition, source);
            Objects.requireNonNull(hub, "hub");
        }
    }

    // ------------------------------------------------------------------------------------------ data

    /**
     * An Azure Cosmos DB for NoSQL account; clients authenticate with Microsoft Entra only.
     *
     * @param serverless        serverless capacity (DynamoDB on-demand) instead of provisioned throughput
     * @param disableLocalAuth  whether account keys are off
     * @param minimalTlsVersion {@code Tls12}
     */
    record CosmosAccount(String symbol, Value name, Optional<Value> condition, boolean serverless,
                         boolean disableLocalAuth, String minimalTlsVersion, SourceLocation source)
            implements AzureResource {
        public CosmosAccount {
            check(symbol, name, condition, source);
            Objects.requireNonNull(minimalTlsVersion, "minimalTlsVersion");
        }
    }

    /** A NoSQL database of a Cosmos DB account. */
    record CosmosSqlDatabase(String symbol, Value name, Optional<Value> condition, String account,
                             SourceLocation source) implements AzureResource {
        public CosmosSqlDatabase {
            check(symbol, name, condition, source);
            Objects.requireNonNull(account, "account");
        }
    }

    /**
     * A NoSQL container (a DynamoDB table, or the lease container of a change feed trigger).
     *
     * @param database         the symbolic name of its database
     * @param partitionKeyPath the partition key path ({@code /id})
     * @param defaultTtl       the default time to live in seconds ({@code -1}: items expire only when they
     *                         say so), if set
     */
    record CosmosSqlContainer(String symbol, Value name, Optional<Value> condition, String database,
                              String partitionKeyPath, Optional<Value> defaultTtl, SourceLocation source)
            implements AzureResource {
        public CosmosSqlContainer {
            check(symbol, name, condition, source);
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(partitionKeyPath, "partitionKeyPath");
            Objects.requireNonNull(defaultTtl, "defaultTtl");
        }
    }

    /**
     * A Cosmos DB data-plane role assignment (Cosmos DB's own RBAC, not Azure RBAC).
     *
     * @param account     the symbolic name of the account
     * @param role        a Cosmos DB built-in data role
     * @param principal   the symbolic name of the user-assigned identity that gets it
     * @param database    the symbolic name of the database it is limited to; empty for the whole account
     * @param description why the identity needs it
     */
    record CosmosSqlRoleAssignment(String symbol, Value name, Optional<Value> condition, String account,
                                   RoleDefinition role, String principal, Optional<String> database,
                                   String description, SourceLocation source) implements AzureResource {
        public CosmosSqlRoleAssignment {
            check(symbol, name, condition, source);
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * A Key Vault with Azure RBAC authorization (no access policies).
     *
     * @param softDeleteRetentionInDays days a deleted secret can be recovered
     * @param purgeProtection           whether deleted secrets cannot be purged before that
     */
    record KeyVault(String symbol, Value name, Optional<Value> condition, boolean rbacAuthorization,
                    int softDeleteRetentionInDays, boolean purgeProtection, SourceLocation source)
            implements AzureResource {
        public KeyVault {
            check(symbol, name, condition, source);
        }
    }

    /**
     * A secret in a Key Vault of the deployment.
     *
     * @param vault       the symbolic name of the vault
     * @param value       its value, always a secure parameter
     * @param contentType what the value is ({@code text/plain}), so that readers know how to use it
     */
    record KeyVaultSecret(String symbol, Value name, Optional<Value> condition, String vault, Value value,
                          String contentType, SourceLocation source) implements AzureResource {
        public KeyVaultSecret {
            check(symbol, name, condition, source);
            Objects.requireNonNull(vault, "vault");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(contentType, "contentType");
        }
    }

    // ------------------------------------------------------------------------------------------ API Management

    /**
     * An API Management instance on the Consumption tier, which like API Gateway is billed per call and has no
     * capacity to keep running. Its gateway carries what Azure Functions' HTTP triggers cannot: JWT validation,
     * subscription keys and usage limits.
     *
     * @param skuName        {@code Consumption}
     * @param capacity       0: "For Consumption SKU capacity must be specified as 0"
     *                       (ApiManagementServiceSkuProperties in apimanagement/microsoft.apimanagement/2024-05-01)
     * @param publisherEmail where API Management sends the instance's notifications; required by API Management
     * @param publisherName  the organization that publishes the APIs; required by API Management
     */
    record ApiManagementService(String symbol, Value name, Optional<Value> condition, String skuName, int capacity,
                                Value publisherEmail, Value publisherName, SourceLocation source)
            implements AzureResource {
        public ApiManagementService {
            check(symbol, name, condition, source);
            Objects.requireNonNull(skuName, "skuName");
            Objects.requireNonNull(publisherEmail, "publisherEmail");
            Objects.requireNonNull(publisherName, "publisherName");
        }
    }

    /**
     * An API of an API Management instance: the routes of one API Gateway REST or HTTP API that it fronts.
     *
     * @param service               the symbolic name of its instance
     * @param displayName           its name in the portal
     * @param path                  the URL path it is served under, after the gateway's host name
     * @param protocols             the protocols callers may use ({@code https} only)
     * @param subscriptionRequired  whether callers must send a subscription key (routes required an API key)
     * @param subscriptionKeyHeader the request header the key is read from
     * @param subscriptionKeyQuery  the query parameter the key may be sent in instead
     */
    record ApiManagementApi(String symbol, Value name, Optional<Value> condition, String service, Value displayName,
                            String path, List<String> protocols, boolean subscriptionRequired,
                            String subscriptionKeyHeader, String subscriptionKeyQuery, SourceLocation source)
            implements AzureResource {
        public ApiManagementApi {
            check(symbol, name, condition, source);
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(path, "path");
            protocols = List.copyOf(protocols);
            Objects.requireNonNull(subscriptionKeyHeader, "subscriptionKeyHeader");
            Objects.requireNonNull(subscriptionKeyQuery, "subscriptionKeyQuery");
        }
    }

    /**
     * A secret named value of an API Management instance that holds a function app's default function key, read
     * from the app's host keys when the deployment runs, so that no key is written in the template. Its display
     * name is its name: backends refer to it as <code>{{name}}</code>.
     *
     * @param service the symbolic name of its instance
     * @param app     the symbolic name of the function app whose default function key it holds
     * @param secret  whether API Management encrypts the value and hides it
     */
    record ApiManagementNamedValue(String symbol, Value name, Optional<Value> condition, String service, String app,
                                   boolean secret, SourceLocation source) implements AzureResource {
        public ApiManagementNamedValue {
            check(symbol, name, condition, source);
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(app, "app");
        }
    }

    /**
     * A backend of an API Management instance: the HTTP triggers of one function app, called with its function key.
     *
     * @param service   the symbolic name of its instance
     * @param app       the symbolic name of the function app
     * @param url       the base URL of the app's HTTP triggers ({@code https://<host>/api})
     * @param keyHeader the request header the function key is sent in ({@code x-functions-key})
     * @param key       the symbolic name of the named value that holds the key
     */
    record ApiManagementBackend(String symbol, Value name, Optional<Value> condition, String service, String app,
                                Value url, String keyHeader, String key, SourceLocation source)
            implements AzureResource {
        public ApiManagementBackend {
            check(symbol, name, condition, source);
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(app, "app");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(keyHeader, "keyHeader");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * An operation of an API Management API: one route and method.
     *
     * @param api                the symbolic name of its API
     * @param displayName        what the portal shows ({@code GET /orders/{id}})
     * @param method             the HTTP method
     * @param urlTemplate        the path after the API's ({@code /orders/{id}}; {@code /files/*} for a greedy path)
     * @param templateParameters the names of the template's {@code {name}} segments, which API Management requires
     *                           declared
     */
    record ApiManagementOperation(String symbol, Value name, Optional<Value> condition, String api,
                                  String displayName, String method, String urlTemplate,
                                  List<String> templateParameters, SourceLocation source) implements AzureResource {
        public ApiManagementOperation {
            check(symbol, name, condition, source);
            Objects.requireNonNull(api, "api");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(urlTemplate, "urlTemplate");
            templateParameters = List.copyOf(templateParameters);
        }
    }

    /**
     * The policy of an API, an operation or a product: the XML document API Management runs on every request to
     * it ({@code validate-jwt}, {@code set-backend-service}, {@code rate-limit}, {@code quota}, {@code cors}). Its
     * name is always {@code policy}.
     *
     * @param scope the symbolic name of the API, operation or product it applies to
     * @param xml   the policy document
     */
    record ApiManagementPolicy(String symbol, Value name, Optional<Value> condition, String scope, Value xml,
                               SourceLocation source) implements AzureResource {
        public ApiManagementPolicy {
            check(symbol, name, condition, source);
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(xml, "xml");
        }
    }

    /**
     * A product of an API Management instance: what subscriptions (API keys) are issued for, and where usage plan
     * limits apply.
     *
     * @param service              the symbolic name of its instance
     * @param displayName          its name in the portal
     * @param subscriptionRequired whether calls through it need a subscription key
     * @param approvalRequired     whether an administrator approves each subscription
     * @param published            whether it is published (subscriptions can be created)
     */
    record ApiManagementProduct(String symbol, Value name, Optional<Value> condition, String service,
                                Value displayName, boolean subscriptionRequired, boolean approvalRequired,
                                boolean published, SourceLocation source) implements AzureResource {
        public ApiManagementProduct {
            check(symbol, name, condition, source);
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(displayName, "displayName");
        }
    }

    /**
     * The link that puts an API into a product. Its name is the API's name.
     *
     * @param product the symbolic name of the product
     * @param api     the symbolic name of the API
     */
    record ApiManagementProductApi(String symbol, Value name, Optional<Value> condition, String product, String api,
                                   SourceLocation source) implements AzureResource {
        public ApiManagementProductApi {
            check(symbol, name, condition, source);
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(api, "api");
        }
    }

    /**
     * A subscription of a product: a pair of keys API Management generates, which callers send as their API key.
     *
     * @param product      the symbolic name of the product
     * @param displayName  its name in the portal
     * @param state        {@code active}: without it API Management creates the subscription {@code submitted},
     *                     waiting for an approval
     * @param allowTracing whether callers with its key may turn on request tracing
     */
    record ApiManagementSubscription(String symbol, Value name, Optional<Value> condition, String product,
                                     String displayName, String state, boolean allowTracing, SourceLocation source)
            implements AzureResource {
        public ApiManagementSubscription {
            check(symbol, name, condition, source);
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * A language runtime.
     *
     * @param name             Flex Consumption's runtime name: {@code dotnet-isolated}, {@code java},
     *                         {@code node}, {@code python}, {@code powershell} or {@code custom}
     * @param version          its version ({@code 3.12}, {@code 21}, {@code 10.0})
     * @param linuxFxVersion   the same for the other plans ({@code PYTHON|3.12}); empty when none applies
     * @param nameParameter    the deployment parameter that supplies the name instead, when the input's
     *                         runtime could not be mapped (then {@code name} is empty)
     * @param versionParameter the deployment parameter that supplies the version instead, likewise
     */
    record Runtime(String name, String version, String linuxFxVersion, Optional<String> nameParameter,
                   Optional<String> versionParameter) {
        public Runtime {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(linuxFxVersion, "linuxFxVersion");
            Objects.requireNonNull(nameParameter, "nameParameter");
            Objects.requireNonNull(versionParameter, "versionParameter");
        }

        /** A runtime known when planning. */
        public Runtime(String name, String version, String linuxFxVersion) {
            this(name, version, linuxFxVersion, Optional.empty(), Optional.empty());
        }

        /** A runtime supplied at deployment by two parameters. */
        public static Runtime fromParameters(String nameParameter, String versionParameter) {
            return new Runtime("", "", "", Optional.of(nameParameter), Optional.of(versionParameter));
        }
    }

    /**
     * Flex Consumption's function app configuration.
     *
     * @param instanceMemoryMB     512, 2048 or 4096
     * @param maximumInstanceCount the scale-out limit
     * @param alwaysReady          always-ready instance counts by function group or function name
     * @param deploymentContainer  the symbolic name of the blob container the package is deployed to
     */
    record FlexConfig(int instanceMemoryMB, Value maximumInstanceCount, List<AlwaysReady> alwaysReady,
                      String deploymentContainer) {
        public FlexConfig {
            Objects.requireNonNull(maximumInstanceCount, "maximumInstanceCount");
            alwaysReady = List.copyOf(alwaysReady);
            Objects.requireNonNull(deploymentContainer, "deploymentContainer");
        }
    }

    /** Always-ready instances for a function or a group ({@code http}, {@code function:name}). */
    record AlwaysReady(String name, Value instanceCount) {
        public AlwaysReady {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(instanceCount, "instanceCount");
        }
    }

    /**
     * Site settings. Empty optionals are not written.
     *
     * @param alwaysOn                    keep the app loaded (Dedicated)
     * @param functionAppScaleLimit       the scale-out limit (Consumption, Premium)
     * @param preWarmedInstanceCount      pre-warmed instances (Premium)
     * @param minimumElasticInstanceCount always-on instances (Premium)
     * @param corsAllowedOrigins          CORS origins, if any
     * @param minimumTlsVersion           {@code 1.2}
     * @param ftpsState                   {@code Disabled}; empty where the plan has no FTPS setting (Flex
     *                                    Consumption, where basic publishing credentials are off instead)
     * @param http20Enabled               HTTP/2
     * @param basicPublishingCredentials  whether FTP and SCM basic authentication stay enabled
     */
    record SiteSettings(Optional<Boolean> alwaysOn, Optional<Value> functionAppScaleLimit,
                        Optional<Value> preWarmedInstanceCount, Optional<Value> minimumElasticInstanceCount,
                        List<Value> corsAllowedOrigins, String minimumTlsVersion, Optional<String> ftpsState,
                        boolean http20Enabled, boolean basicPublishingCredentials) {
        public SiteSettings {
            Objects.requireNonNull(alwaysOn, "alwaysOn");
            Objects.requireNonNull(functionAppScaleLimit, "functionAppScaleLimit");
            Objects.requireNonNull(preWarmedInstanceCount, "preWarmedInstanceCount");
            Objects.requireNonNull(minimumElasticInstanceCount, "minimumElasticInstanceCount");
            corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
            Objects.requireNonNull(minimumTlsVersion, "minimumTlsVersion");
            Objects.requireNonNull(ftpsState, "ftpsState");
        }
    }

    private static void check(String symbol, Value name, Optional<Value> condition, SourceLocation source) {
        Objects.requireNonNull(symbol, "symbol");
        if (!symbol.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
            throw new IllegalArgumentException("not a valid symbolic name: " + symbol);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(source, "source");
    }
}
