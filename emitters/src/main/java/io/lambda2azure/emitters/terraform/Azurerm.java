package io.lambda2azure.emitters.terraform;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.ApiManagementApi;
import io.lambda2azure.core.azure.AzureResource.ApiManagementBackend;
import io.lambda2azure.core.azure.AzureResource.ApiManagementNamedValue;
import io.lambda2azure.core.azure.AzureResource.ApiManagementOperation;
import io.lambda2azure.core.azure.AzureResource.ApiManagementPolicy;
import io.lambda2azure.core.azure.AzureResource.ApiManagementProduct;
import io.lambda2azure.core.azure.AzureResource.ApiManagementProductApi;
import io.lambda2azure.core.azure.AzureResource.ApiManagementService;
import io.lambda2azure.core.azure.AzureResource.ApiManagementSubscription;
import io.lambda2azure.core.azure.AzureResource.ApplicationInsights;
import io.lambda2azure.core.azure.AzureResource.BlobContainer;
import io.lambda2azure.core.azure.AzureResource.CosmosAccount;
import io.lambda2azure.core.azure.AzureResource.CosmosSqlContainer;
import io.lambda2azure.core.azure.AzureResource.CosmosSqlDatabase;
import io.lambda2azure.core.azure.AzureResource.CosmosSqlRoleAssignment;
import io.lambda2azure.core.azure.AzureResource.DeploymentSlot;
import io.lambda2azure.core.azure.AzureResource.EventGridSubscription;
import io.lambda2azure.core.azure.AzureResource.EventGridSystemTopic;
import io.lambda2azure.core.azure.AzureResource.EventGridTopic;
import io.lambda2azure.core.azure.AzureResource.EventHub;
import io.lambda2azure.core.azure.AzureResource.EventHubConsumerGroup;
import io.lambda2azure.core.azure.AzureResource.EventHubNamespace;
import io.lambda2azure.core.azure.AzureResource.FunctionApp;
import io.lambda2azure.core.azure.AzureResource.HostingPlan;
import io.lambda2azure.core.azure.AzureResource.KeyVault;
import io.lambda2azure.core.azure.AzureResource.KeyVaultSecret;
import io.lambda2azure.core.azure.AzureResource.LogAnalyticsWorkspace;
import io.lambda2azure.core.azure.AzureResource.RoleAssignment;
import io.lambda2azure.core.azure.AzureResource.ServiceBusNamespace;
import io.lambda2azure.core.azure.AzureResource.ServiceBusQueue;
import io.lambda2azure.core.azure.AzureResource.ServiceBusRule;
import io.lambda2azure.core.azure.AzureResource.ServiceBusSubscription;
import io.lambda2azure.core.azure.AzureResource.ServiceBusTopic;
import io.lambda2azure.core.azure.AzureResource.StorageAccount;
import io.lambda2azure.core.azure.AzureResource.UserAssignedIdentity;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Value;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the Terraform emitter relies on from the azurerm provider, in one place. Every resource type, argument and
 * attribute here was checked against the provider schema of azurerm {@value #SCHEMA_VERSION}
 * ({@code shared/azure-schemas/azurerm/azurerm-schema.json}); {@code AzurermSchemaTest} checks them again, and
 * walks every block the emitter writes against that schema.
 */
final class Azurerm {

    /** The provider version whose schema the output was checked against. */
    static final String SCHEMA_VERSION = "4.79.0";

    /** The provider's registry address. */
    static final String PROVIDER_SOURCE = "hashicorp/azurerm";

    /**
     * The provider version constraint: the 4.x releases from the checked one on. Older 4.x releases lack
     * arguments the output uses ({@code azurerm_function_app_flex_consumption} appeared during 4.x).
     */
    static final String PROVIDER_VERSION = "~> 4.79";

    /** The Terraform versions the output is written for. */
    static final String TERRAFORM_VERSION = ">= 1.5.0";

    static final String LOG_ANALYTICS_WORKSPACE = "azurerm_log_analytics_workspace";
    static final String APPLICATION_INSIGHTS = "azurerm_application_insights";
    static final String STORAGE_ACCOUNT = "azurerm_storage_account";
    static final String STORAGE_CONTAINER = "azurerm_storage_container";
    static final String STORAGE_QUEUE = "azurerm_storage_queue";
    static final String USER_ASSIGNED_IDENTITY = "azurerm_user_assigned_identity";
    static final String ROLE_ASSIGNMENT = "azurerm_role_assignment";
    static final String SERVICE_PLAN = "azurerm_service_plan";
    static final String FLEX_FUNCTION_APP = "azurerm_function_app_flex_consumption";
    static final String LINUX_FUNCTION_APP = "azurerm_linux_function_app";
    static final String LINUX_FUNCTION_APP_SLOT = "azurerm_linux_function_app_slot";
    static final String SERVICEBUS_NAMESPACE = "azurerm_servicebus_namespace";
    static final String SERVICEBUS_QUEUE = "azurerm_servicebus_queue";
    static final String SERVICEBUS_TOPIC = "azurerm_servicebus_topic";
    static final String SERVICEBUS_SUBSCRIPTION = "azurerm_servicebus_subscription";
    static final String SERVICEBUS_SUBSCRIPTION_RULE = "azurerm_servicebus_subscription_rule";
    static final String EVENTGRID_TOPIC = "azurerm_eventgrid_topic";
    static final String EVENTGRID_SYSTEM_TOPIC = "azurerm_eventgrid_system_topic";
    /** A subscription of a custom topic, which azurerm writes as an extension of the topic ({@code scope}). */
    static final String EVENTGRID_EVENT_SUBSCRIPTION = "azurerm_eventgrid_event_subscription";
    static final String EVENTGRID_SYSTEM_TOPIC_EVENT_SUBSCRIPTION = "azurerm_eventgrid_system_topic_event_subscription";
    static final String EVENTHUB_NAMESPACE = "azurerm_eventhub_namespace";
    static final String EVENTHUB = "azurerm_eventhub";
    static final String EVENTHUB_CONSUMER_GROUP = "azurerm_eventhub_consumer_group";
    static final String COSMOSDB_ACCOUNT = "azurerm_cosmosdb_account";
    static final String COSMOSDB_SQL_DATABASE = "azurerm_cosmosdb_sql_database";
    static final String COSMOSDB_SQL_CONTAINER = "azurerm_cosmosdb_sql_container";
    static final String COSMOSDB_SQL_ROLE_ASSIGNMENT = "azurerm_cosmosdb_sql_role_assignment";
    static final String KEY_VAULT = "azurerm_key_vault";
    static final String KEY_VAULT_SECRET = "azurerm_key_vault_secret";

    static final String API_MANAGEMENT = "azurerm_api_management";
    static final String API_MANAGEMENT_API = "azurerm_api_management_api";
    static final String API_MANAGEMENT_API_POLICY = "azurerm_api_management_api_policy";
    static final String API_MANAGEMENT_API_OPERATION = "azurerm_api_management_api_operation";
    static final String API_MANAGEMENT_API_OPERATION_POLICY = "azurerm_api_management_api_operation_policy";
    static final String API_MANAGEMENT_BACKEND = "azurerm_api_management_backend";
    static final String API_MANAGEMENT_NAMED_VALUE = "azurerm_api_management_named_value";
    static final String API_MANAGEMENT_PRODUCT = "azurerm_api_management_product";
    static final String API_MANAGEMENT_PRODUCT_API = "azurerm_api_management_product_api";
    static final String API_MANAGEMENT_PRODUCT_POLICY = "azurerm_api_management_product_policy";
    static final String API_MANAGEMENT_SUBSCRIPTION = "azurerm_api_management_subscription";

    /** Data sources. */
    static final String DATA_RESOURCE_GROUP = "azurerm_resource_group";
    static final String DATA_CLIENT_CONFIG = "azurerm_client_config";
    /** A function app's host keys; {@link #BLOBS_EXTENSION_KEY} is the blobs extension's system key. */
    static final String DATA_FUNCTION_APP_HOST_KEYS = "azurerm_function_app_host_keys";
    static final String BLOBS_EXTENSION_KEY = "blobs_extension_key";
    /** The app's default function key in {@link #DATA_FUNCTION_APP_HOST_KEYS}. */
    static final String DEFAULT_FUNCTION_KEY = "default_function_key";

    private Azurerm() {
    }

    /**
     * The azurerm resource type a model resource is written as. An event subscription's type depends on its topic,
     * which is looked up in the deployment.
     */
    static String type(AzureResource r, AzureDeployment deployment) {
        if (r instanceof EventGridSubscription s) {
            AzureResource topic = deployment.resource(s.topic()).orElse(null);
            if (topic instanceof EventGridSystemTopic) {
                return EVENTGRID_SYSTEM_TOPIC_EVENT_SUBSCRIPTION;
            }
            if (topic instanceof EventGridTopic) {
                return EVENTGRID_EVENT_SUBSCRIPTION;
            }
            throw new IllegalStateException("event subscription " + s.symbol() + " is on " + s.topic()
                    + ", which is not an Event Grid topic or system topic of the deployment");
        }
        if (r instanceof ApiManagementPolicy p) {
            AzureResource scope = deployment.resource(p.scope()).orElse(null);
            if (scope instanceof ApiManagementApi) {
                return API_MANAGEMENT_API_POLICY;
            }
            if (scope instanceof ApiManagementOperation) {
                return API_MANAGEMENT_API_OPERATION_POLICY;
            }
            if (scope instanceof ApiManagementProduct) {
                return API_MANAGEMENT_PRODUCT_POLICY;
            }
            throw new IllegalStateException("policy " + p.symbol() + " applies to " + p.scope()
                    + ", which is not an API, operation or product of the deployment");
        }
        if (r instanceof LogAnalyticsWorkspace) {
            return LOG_ANALYTICS_WORKSPACE;
        }
        if (r instanceof ApplicationInsights) {
            return APPLICATION_INSIGHTS;
        }
        if (r instanceof StorageAccount) {
            return STORAGE_ACCOUNT;
        }
        if (r instanceof BlobContainer) {
            return STORAGE_CONTAINER;
        }
        if (r instanceof AzureResource.StorageQueue) {
            return STORAGE_QUEUE;
        }
        if (r instanceof UserAssignedIdentity) {
            return USER_ASSIGNED_IDENTITY;
        }
        if (r instanceof RoleAssignment) {
            return ROLE_ASSIGNMENT;
        }
        if (r instanceof HostingPlan) {
            return SERVICE_PLAN;
        }
        if (r instanceof FunctionApp app) {
            return app.planKind() == PlanKind.FLEX_CONSUMPTION ? FLEX_FUNCTION_APP : LINUX_FUNCTION_APP;
        }
        if (r instanceof DeploymentSlot) {
            return LINUX_FUNCTION_APP_SLOT;
        }
        return messagingOrData(r);
    }

    private static String messagingOrData(AzureResource r) {
        if (r instanceof ServiceBusNamespace) {
            return SERVICEBUS_NAMESPACE;
        }
        if (r instanceof ServiceBusQueue) {
            return SERVICEBUS_QUEUE;
        }
        if (r instanceof ServiceBusTopic) {
            return SERVICEBUS_TOPIC;
        }
        if (r instanceof ServiceBusSubscription) {
            return SERVICEBUS_SUBSCRIPTION;
        }
        if (r instanceof ServiceBusRule) {
            return SERVICEBUS_SUBSCRIPTION_RULE;
        }
        if (r instanceof EventGridTopic) {
            return EVENTGRID_TOPIC;
        }
        if (r instanceof EventGridSystemTopic) {
            return EVENTGRID_SYSTEM_TOPIC;
        }
        if (r instanceof EventHubNamespace) {
            return EVENTHUB_NAMESPACE;
        }
        if (r instanceof EventHub) {
            return EVENTHUB;
        }
        if (r instanceof EventHubConsumerGroup) {
            return EVENTHUB_CONSUMER_GROUP;
        }
        if (r instanceof CosmosAccount) {
            return COSMOSDB_ACCOUNT;
        }
        if (r instanceof CosmosSqlDatabase) {
            return COSMOSDB_SQL_DATABASE;
        }
        if (r instanceof CosmosSqlContainer) {
            return COSMOSDB_SQL_CONTAINER;
        }
        if (r instanceof CosmosSqlRoleAssignment) {
            return COSMOSDB_SQL_ROLE_ASSIGNMENT;
        }
        if (r instanceof KeyVault) {
            return KEY_VAULT;
        }
        if (r instanceof KeyVaultSecret) {
            return KEY_VAULT_SECRET;
        }
        return apiManagement(r);
    }

    private static String apiManagement(AzureResource r) {
        if (r instanceof ApiManagementService) {
            return API_MANAGEMENT;
        }
        if (r instanceof ApiManagementApi) {
            return API_MANAGEMENT_API;
        }
        if (r instanceof ApiManagementOperation) {
            return API_MANAGEMENT_API_OPERATION;
        }
        if (r instanceof ApiManagementBackend) {
            return API_MANAGEMENT_BACKEND;
        }
        if (r instanceof ApiManagementNamedValue) {
            return API_MANAGEMENT_NAMED_VALUE;
        }
        if (r instanceof ApiManagementProduct) {
            return API_MANAGEMENT_PRODUCT;
        }
        if (r instanceof ApiManagementProductApi) {
            return API_MANAGEMENT_PRODUCT_API;
        }
        if (r instanceof ApiManagementSubscription) {
            return API_MANAGEMENT_SUBSCRIPTION;
        }
        throw new IllegalArgumentException("no azurerm resource type for " + r);
    }

    /**
     * The exported attribute a model attribute reads on a resource of that azurerm type. The model's ID is the Azure
     * Resource Manager id everywhere; azurerm_key_vault_secret's {@code id} is the secret's data-plane URL instead, so
     * its ARM id is {@code resource_versionless_id} (role assignments on a secret need the ARM id). Some API Management
     * types name the Azure name {@code operation_id}, {@code product_id}, {@code subscription_id} or {@code api_name}.
     */
    static String attribute(String resourceType, Value.Attribute attribute) {
        if (resourceType.equals(KEY_VAULT_SECRET) && attribute == Value.Attribute.ID) {
            return "resource_versionless_id";
        }
        // API Management resources whose azurerm type calls the Azure name after the kind of thing it is.
        if (attribute == Value.Attribute.NAME) {
            switch (resourceType) {
                case API_MANAGEMENT_API_OPERATION:
                    return "operation_id";
                case API_MANAGEMENT_PRODUCT:
                    return "product_id";
                case API_MANAGEMENT_SUBSCRIPTION:
                    return "subscription_id";
                case API_MANAGEMENT_PRODUCT_API:
                    return "api_name";
                default:
                    break;
            }
        }
        return attribute(attribute);
    }

    /** The exported attribute a model attribute reads, on most resource types (see the two-argument form). */
    static String attribute(Value.Attribute attribute) {
        return switch (attribute) {
            case NAME -> "name";
            case ID -> "id";
            case PRINCIPAL_ID -> "principal_id";
            case CLIENT_ID -> "client_id";
            case CONNECTION_STRING -> "connection_string";
            case BLOB_ENDPOINT -> "primary_blob_endpoint";
            case QUEUE_ENDPOINT -> "primary_queue_endpoint";
            case DEFAULT_HOST_NAME -> "default_hostname";
            // azurerm_cosmosdb_account.endpoint, azurerm_key_vault.vault_uri, azurerm_key_vault_secret.versionless_id
            // (the secret's URI without version, so that Key Vault references follow rotation) and
            // azurerm_eventgrid_topic.endpoint, all computed attributes in the 4.79.0 schema.
            case DOCUMENT_ENDPOINT -> "endpoint";
            case VAULT_URI -> "vault_uri";
            case SECRET_URI -> "versionless_id";
            case TOPIC_ENDPOINT -> "endpoint";
        };
    }

    /**
     * The three azurerm resource types a function app or slot is written as, and the arguments each lacks in
     * azurerm {@value #SCHEMA_VERSION} (paths relative to the resource block). A model setting that would need a
     * missing argument becomes a comment line instead.
     */
    enum AppType {
        FLEX(FLEX_FUNCTION_APP, Set.of("key_vault_reference_identity_id", "ftp_publish_basic_authentication_enabled",
                "functions_extension_version", "storage_account_name", "storage_uses_managed_identity",
                "site_config.always_on", "site_config.app_scale_limit", "site_config.pre_warmed_instance_count",
                "site_config.ftps_state", "site_config.application_stack")),
        LINUX(LINUX_FUNCTION_APP, Set.of()),
        SLOT(LINUX_FUNCTION_APP_SLOT, Set.of());

        private final String resourceType;
        private final Set<String> missing;

        AppType(String resourceType, Set<String> missing) {
            this.resourceType = resourceType;
            this.missing = missing;
        }

        String resourceType() {
            return resourceType;
        }

        /** Whether the resource type has the argument at that path ({@code site_config.always_on}). */
        boolean has(String path) {
            return !missing.contains(path);
        }

        /** The arguments the resource type lacks, for tests. */
        Set<String> missing() {
            return missing;
        }
    }

    /**
     * The {@code site_config.application_stack} arguments of a Linux function app for each Flex runtime name: the
     * version argument, and the flags to set with it. Custom handlers have no version argument.
     */
    record Stack(String versionArgument, Map<String, Boolean> flags) {
    }

    static final Map<String, Stack> STACKS;

    static {
        Map<String, Stack> m = new LinkedHashMap<>();
        m.put("dotnet-isolated", new Stack("dotnet_version", Map.of("use_dotnet_isolated_runtime", true)));
        m.put("java", new Stack("java_version", Map.of()));
        m.put("node", new Stack("node_version", Map.of()));
        m.put("powershell", new Stack("powershell_core_version", Map.of()));
        m.put("python", new Stack("python_version", Map.of()));
        m.put("custom", new Stack("", Map.of("use_custom_runtime", true)));
        STACKS = java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The values each {@code application_stack} version argument documents in azurerm {@value #SCHEMA_VERSION}
     * (the attribute descriptions of {@code azurerm_linux_function_app}; the provider validates some of these
     * lists). A version outside its list gets a comment line, because the provider may reject it.
     */
    static final Map<String, List<String>> DOCUMENTED_STACK_VERSIONS = Map.of(
            "dotnet_version", List.of("3.1", "6.0", "7.0", "8.0", "9.0"),
            "java_version", List.of("8", "11", "17", "21", "25"),
            "node_version", List.of("12", "14", "16", "18", "20", "22", "24"),
            "powershell_core_version", List.of("7", "7.2", "7.4"),
            "python_version", List.of("3.14", "3.13", "3.12", "3.11", "3.10", "3.9", "3.8", "3.7"));
}
