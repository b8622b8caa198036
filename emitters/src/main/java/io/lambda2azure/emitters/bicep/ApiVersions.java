package io.lambda2azure.emitters.bicep;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The resource types the Bicep emitter writes and the api-version of each: the newest <em>stable</em>
 * api-version that has a {@code types.json} in the local Bicep type data
 * ({@code shared/azure-schemas/bicep-types/generated}, bicep-types-az commit {@code 1f896de2}). Each comment
 * names the schema file the version comes from; {@code ApiVersionsTest} checks every entry against that
 * index. This is the only place api-versions are written.
 */
public final class ApiVersions {

    /** {@code web/microsoft.web/2025-03-01/types.json}. */
    public static final String SITES = "2025-03-01";

    /** {@code web/microsoft.web/2025-03-01/types.json}. */
    public static final String SITE_SLOTS = "2025-03-01";

    /** {@code web/microsoft.web/2025-03-01/types.json}. */
    public static final String SITE_BASIC_PUBLISHING_CREDENTIALS_POLICIES = "2025-03-01";

    /** {@code web/microsoft.web/2025-03-01/types.json}. */
    public static final String SERVER_FARMS = "2025-03-01";

    /** {@code storage/microsoft.storage/2026-04-01/types.json}. */
    public static final String STORAGE_ACCOUNTS = "2026-04-01";

    /** {@code storage/microsoft.storage/2026-04-01/types.json}. */
    public static final String BLOB_SERVICES = "2026-04-01";

    /** {@code storage/microsoft.storage/2026-04-01/types.json}. */
    public static final String QUEUE_SERVICES = "2026-04-01";

    /** {@code storage/microsoft.storage/2026-04-01/types.json}. */
    public static final String QUEUES = "2026-04-01";

    /** {@code storage/microsoft.storage/2026-04-01/types.json}. */
    public static final String BLOB_CONTAINERS = "2026-04-01";

    /**
     * {@code applicationinsights/microsoft.insights/2020-02-02/types.json} (2020-02-02-preview is newer by
     * name but a preview).
     */
    public static final String APPLICATION_INSIGHTS = "2020-02-02";

    /** {@code operationalinsights/microsoft.operationalinsights/2026-03-01/types.json}. */
    public static final String LOG_ANALYTICS_WORKSPACES = "2026-03-01";

    /** {@code msi/microsoft.managedidentity/2024-11-30/types.json} (2025-05-31-preview is a preview). */
    public static final String USER_ASSIGNED_IDENTITIES = "2024-11-30";

    /** {@code authorization/microsoft.authorization/2022-04-01/types.json}. */
    public static final String ROLE_ASSIGNMENTS = "2022-04-01";

    /** {@code servicebus/microsoft.servicebus/2026-01-01/types.json} (2026-07-01-preview is a preview). */
    public static final String SERVICE_BUS_NAMESPACES = "2026-01-01";

    /** {@code servicebus/microsoft.servicebus/2026-01-01/types.json}. */
    public static final String SERVICE_BUS_QUEUES = "2026-01-01";

    /** {@code servicebus/microsoft.servicebus/2026-01-01/types.json}. */
    public static final String SERVICE_BUS_TOPICS = "2026-01-01";

    /** {@code servicebus/microsoft.servicebus/2026-01-01/types.json}. */
    public static final String SERVICE_BUS_SUBSCRIPTIONS = "2026-01-01";

    /** {@code servicebus/microsoft.servicebus/2026-01-01/types.json}. */
    public static final String SERVICE_BUS_RULES = "2026-01-01";

    /**
     * {@code eventgrid/microsoft.eventgrid/2025-02-15/types.json} (2025-04-01-preview and 2025-07-15-preview are
     * previews).
     */
    public static final String EVENT_GRID_TOPICS = "2025-02-15";

    /** {@code eventgrid/microsoft.eventgrid/2025-02-15/types.json}. */
    public static final String EVENT_GRID_SYSTEM_TOPICS = "2025-02-15";

    /** {@code eventgrid/microsoft.eventgrid/2025-02-15/types.json}. */
    public static final String EVENT_GRID_SYSTEM_TOPIC_EVENT_SUBSCRIPTIONS = "2025-02-15";

    /** {@code eventgrid/microsoft.eventgrid/2025-02-15/types.json}. */
    public static final String EVENT_GRID_EVENT_SUBSCRIPTIONS = "2025-02-15";

    /** {@code eventhub/microsoft.eventhub/2026-01-01/types.json} (2026-07-01-preview is a preview). */
    public static final String EVENT_HUB_NAMESPACES = "2026-01-01";

    /** {@code eventhub/microsoft.eventhub/2026-01-01/types.json}. */
    public static final String EVENT_HUBS = "2026-01-01";

    /** {@code eventhub/microsoft.eventhub/2026-01-01/types.json}. */
    public static final String EVENT_HUB_CONSUMER_GROUPS = "2026-01-01";

    /** {@code cosmos-db/microsoft.documentdb/2026-03-15/types.json} (2026-04-01-preview is a preview). */
    public static final String COSMOS_ACCOUNTS = "2026-03-15";

    /** {@code cosmos-db/microsoft.documentdb/2026-03-15/types.json}. */
    public static final String COSMOS_SQL_DATABASES = "2026-03-15";

    /** {@code cosmos-db/microsoft.documentdb/2026-03-15/types.json}. */
    public static final String COSMOS_SQL_CONTAINERS = "2026-03-15";

    /** {@code cosmos-db/microsoft.documentdb/2026-03-15/types.json}. */
    public static final String COSMOS_SQL_ROLE_ASSIGNMENTS = "2026-03-15";

    /** {@code keyvault/microsoft.keyvault/2026-02-01/types.json} (2026-03-01-preview is a preview). */
    public static final String KEY_VAULTS = "2026-02-01";

    /** {@code keyvault/microsoft.keyvault/2026-02-01/types.json}. */
    public static final String KEY_VAULT_SECRETS = "2026-02-01";

    /**
     * {@code apimanagement/microsoft.apimanagement/2024-05-01/types.json} (2024-06-01-preview, 2024-10-01-preview,
     * 2025-03-01-preview and 2025-09-01-preview are previews).
     */
    public static final String API_MANAGEMENT_SERVICES = "2024-05-01";

    /** {@code apimanagement/microsoft.apimanagement/2024-05-01/types.json}. */
    public static final String API_MANAGEMENT_APIS = "2024-05-01";

    /** {@code apimanagement/microsoft.apimanagement/2024-05-01/types.json}. */
    public static final String API_MANAGEMENT_API_POLICIES = "2024-05-01";

    /** {@code apimanagement/microsoft.apimanagement/2024-05-01/types.json}. */
    public static final String API_MANAGEMENT_OPERATIONS = "2024-05-01";

    /** {@code apimanagement/microsoft.apimanagement/2024-05-01/types.json}. */
    public static final String API_MANAGEMENT_OPERATION_POLICIES = "2024-05-01";

    /** {@code apimanagement/microsoft.apimanagement/2024-05-01/types.json}. */
    public static final String API_MANAGEMENT_BACKENDS = "2024-05-01";

    /** {@code apimanagement/microsoft.apimanagement/2024-05-01/types.json}. */
    public static final String API_MANAGEMENT_NAMED_VALUES = "2024-05-01";

    /** {@code apimanagement/microsoft.apimanagement/2024-05-01/types.json}. */
    public static final String API_MANAGEMENT_PRODUCTS = "2024-05-01";

    /** {@code apimanagement/microsoft.apimanagement/2024-05-01/types.json}. */
    public static final String API_MANAGEMENT_PRODUCT_APIS = "2024-05-01";

    /** {@code apimanagement/microsoft.apimanagement/2024-05-01/types.json}. */
    public static final String API_MANAGEMENT_PRODUCT_POLICIES = "2024-05-01";

    /** {@code apimanagement/microsoft.apimanagement/2024-05-01/types.json}. */
    public static final String API_MANAGEMENT_SUBSCRIPTIONS = "2024-05-01";

    /**
     * The api-version of {@code listKeys} on a function app's host ({@code Microsoft.Web/sites/host}), which is a
     * resource function, not a resource the emitter declares: {@code web/microsoft.web/2025-03-01/types.json}
     * (its {@code listkeys} function type; {@code ApiVersionsTest} checks it against the index's resource
     * functions).
     */
    public static final String SITE_HOST_KEYS = "2025-03-01";

    /** Resource type names, as Bicep writes them. */
    static final String TYPE_SITES = "Microsoft.Web/sites";
    static final String TYPE_SITE_SLOTS = "Microsoft.Web/sites/slots";
    static final String TYPE_SITE_BASIC_PUBLISHING_CREDENTIALS_POLICIES =
            "Microsoft.Web/sites/basicPublishingCredentialsPolicies";
    static final String TYPE_SERVER_FARMS = "Microsoft.Web/serverfarms";
    static final String TYPE_STORAGE_ACCOUNTS = "Microsoft.Storage/storageAccounts";
    static final String TYPE_BLOB_SERVICES = "Microsoft.Storage/storageAccounts/blobServices";
    static final String TYPE_QUEUE_SERVICES = "Microsoft.Storage/storageAccounts/queueServices";
    static final String TYPE_QUEUES = "Microsoft.Storage/storageAccounts/queueServices/queues";
    static final String TYPE_BLOB_CONTAINERS = "Microsoft.Storage/storageAccounts/blobServices/containers";
    static final String TYPE_APPLICATION_INSIGHTS = "Microsoft.Insights/components";
    static final String TYPE_LOG_ANALYTICS_WORKSPACES = "Microsoft.OperationalInsights/workspaces";
    static final String TYPE_USER_ASSIGNED_IDENTITIES = "Microsoft.ManagedIdentity/userAssignedIdentities";
    static final String TYPE_ROLE_ASSIGNMENTS = "Microsoft.Authorization/roleAssignments";
    static final String TYPE_SERVICE_BUS_NAMESPACES = "Microsoft.ServiceBus/namespaces";
    static final String TYPE_SERVICE_BUS_QUEUES = "Microsoft.ServiceBus/namespaces/queues";
    static final String TYPE_SERVICE_BUS_TOPICS = "Microsoft.ServiceBus/namespaces/topics";
    static final String TYPE_SERVICE_BUS_SUBSCRIPTIONS = "Microsoft.ServiceBus/namespaces/topics/subscriptions";
    static final String TYPE_SERVICE_BUS_RULES = "Microsoft.ServiceBus/namespaces/topics/subscriptions/rules";
    static final String TYPE_EVENT_GRID_TOPICS = "Microsoft.EventGrid/topics";
    static final String TYPE_EVENT_GRID_SYSTEM_TOPICS = "Microsoft.EventGrid/systemTopics";
    static final String TYPE_EVENT_GRID_SYSTEM_TOPIC_EVENT_SUBSCRIPTIONS =
            "Microsoft.EventGrid/systemTopics/eventSubscriptions";
    static final String TYPE_EVENT_GRID_EVENT_SUBSCRIPTIONS = "Microsoft.EventGrid/eventSubscriptions";
    static final String TYPE_EVENT_HUB_NAMESPACES = "Microsoft.EventHub/namespaces";
    static final String TYPE_EVENT_HUBS = "Microsoft.EventHub/namespaces/eventhubs";
    static final String TYPE_EVENT_HUB_CONSUMER_GROUPS = "Microsoft.EventHub/namespaces/eventhubs/consumergroups";
    static final String TYPE_COSMOS_ACCOUNTS = "Microsoft.DocumentDB/databaseAccounts";
    static final String TYPE_COSMOS_SQL_DATABASES = "Microsoft.DocumentDB/databaseAccounts/sqlDatabases";
    static final String TYPE_COSMOS_SQL_CONTAINERS = "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers";
    static final String TYPE_COSMOS_SQL_ROLE_ASSIGNMENTS = "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments";
    static final String TYPE_KEY_VAULTS = "Microsoft.KeyVault/vaults";
    static final String TYPE_KEY_VAULT_SECRETS = "Microsoft.KeyVault/vaults/secrets";
    static final String TYPE_API_MANAGEMENT_SERVICES = "Microsoft.ApiManagement/service";
    static final String TYPE_API_MANAGEMENT_APIS = "Microsoft.ApiManagement/service/apis";
    static final String TYPE_API_MANAGEMENT_API_POLICIES = "Microsoft.ApiManagement/service/apis/policies";
    static final String TYPE_API_MANAGEMENT_OPERATIONS = "Microsoft.ApiManagement/service/apis/operations";
    static final String TYPE_API_MANAGEMENT_OPERATION_POLICIES =
            "Microsoft.ApiManagement/service/apis/operations/policies";
    static final String TYPE_API_MANAGEMENT_BACKENDS = "Microsoft.ApiManagement/service/backends";
    static final String TYPE_API_MANAGEMENT_NAMED_VALUES = "Microsoft.ApiManagement/service/namedValues";
    static final String TYPE_API_MANAGEMENT_PRODUCTS = "Microsoft.ApiManagement/service/products";
    static final String TYPE_API_MANAGEMENT_PRODUCT_APIS = "Microsoft.ApiManagement/service/products/apis";
    static final String TYPE_API_MANAGEMENT_PRODUCT_POLICIES = "Microsoft.ApiManagement/service/products/policies";
    static final String TYPE_API_MANAGEMENT_SUBSCRIPTIONS = "Microsoft.ApiManagement/service/subscriptions";
    /** The function app host, whose {@code listKeys} the emitter calls; not a declared resource. */
    static final String TYPE_SITE_HOST = "Microsoft.Web/sites/host";

    private static final Map<String, String> BY_TYPE;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TYPE_SITES, SITES);
        m.put(TYPE_SITE_SLOTS, SITE_SLOTS);
        m.put(TYPE_SITE_BASIC_PUBLISHING_CREDENTIALS_POLICIES, SITE_BASIC_PUBLISHING_CREDENTIALS_POLICIES);
        m.put(TYPE_SERVER_FARMS, SERVER_FARMS);
        m.put(TYPE_STORAGE_ACCOUNTS, STORAGE_ACCOUNTS);
        m.put(TYPE_BLOB_SERVICES, BLOB_SERVICES);
        m.put(TYPE_QUEUE_SERVICES, QUEUE_SERVICES);
        m.put(TYPE_QUEUES, QUEUES);
        m.put(TYPE_BLOB_CONTAINERS, BLOB_CONTAINERS);
        m.put(TYPE_APPLICATION_INSIGHTS, APPLICATION_INSIGHTS);
        m.put(TYPE_LOG_ANALYTICS_WORKSPACES, LOG_ANALYTICS_WORKSPACES);
        m.put(TYPE_USER_ASSIGNED_IDENTITIES, USER_ASSIGNED_IDENTITIES);
        m.put(TYPE_ROLE_ASSIGNMENTS, ROLE_ASSIGNMENTS);
        m.put(TYPE_SERVICE_BUS_NAMESPACES, SERVICE_BUS_NAMESPACES);
        m.put(TYPE_SERVICE_BUS_QUEUES, SERVICE_BUS_QUEUES);
        m.put(TYPE_SERVICE_BUS_TOPICS, SERVICE_BUS_TOPICS);
        m.put(TYPE_SERVICE_BUS_SUBSCRIPTIONS, SERVICE_BUS_SUBSCRIPTIONS);
        m.put(TYPE_SERVICE_BUS_RULES, SERVICE_BUS_RULES);
        m.put(TYPE_EVENT_GRID_TOPICS, EVENT_GRID_TOPICS);
        m.put(TYPE_EVENT_GRID_SYSTEM_TOPICS, EVENT_GRID_SYSTEM_TOPICS);
        m.put(TYPE_EVENT_GRID_SYSTEM_TOPIC_EVENT_SUBSCRIPTIONS, EVENT_GRID_SYSTEM_TOPIC_EVENT_SUBSCRIPTIONS);
        m.put(TYPE_EVENT_GRID_EVENT_SUBSCRIPTIONS, EVENT_GRID_EVENT_SUBSCRIPTIONS);
        m.put(TYPE_EVENT_HUB_NAMESPACES, EVENT_HUB_NAMESPACES);
        m.put(TYPE_EVENT_HUBS, EVENT_HUBS);
        m.put(TYPE_EVENT_HUB_CONSUMER_GROUPS, EVENT_HUB_CONSUMER_GROUPS);
        m.put(TYPE_COSMOS_ACCOUNTS, COSMOS_ACCOUNTS);
        m.put(TYPE_COSMOS_SQL_DATABASES, COSMOS_SQL_DATABASES);
        m.put(TYPE_COSMOS_SQL_CONTAINERS, COSMOS_SQL_CONTAINERS);
        m.put(TYPE_COSMOS_SQL_ROLE_ASSIGNMENTS, COSMOS_SQL_ROLE_ASSIGNMENTS);
        m.put(TYPE_KEY_VAULTS, KEY_VAULTS);
        m.put(TYPE_KEY_VAULT_SECRETS, KEY_VAULT_SECRETS);
        m.put(TYPE_API_MANAGEMENT_SERVICES, API_MANAGEMENT_SERVICES);
        m.put(TYPE_API_MANAGEMENT_APIS, API_MANAGEMENT_APIS);
        m.put(TYPE_API_MANAGEMENT_API_POLICIES, API_MANAGEMENT_API_POLICIES);
        m.put(TYPE_API_MANAGEMENT_OPERATIONS, API_MANAGEMENT_OPERATIONS);
        m.put(TYPE_API_MANAGEMENT_OPERATION_POLICIES, API_MANAGEMENT_OPERATION_POLICIES);
        m.put(TYPE_API_MANAGEMENT_BACKENDS, API_MANAGEMENT_BACKENDS);
        m.put(TYPE_API_MANAGEMENT_NAMED_VALUES, API_MANAGEMENT_NAMED_VALUES);
        m.put(TYPE_API_MANAGEMENT_PRODUCTS, API_MANAGEMENT_PRODUCTS);
        m.put(TYPE_API_MANAGEMENT_PRODUCT_APIS, API_MANAGEMENT_PRODUCT_APIS);
        m.put(TYPE_API_MANAGEMENT_PRODUCT_POLICIES, API_MANAGEMENT_PRODUCT_POLICIES);
        m.put(TYPE_API_MANAGEMENT_SUBSCRIPTIONS, API_MANAGEMENT_SUBSCRIPTIONS);
        BY_TYPE = java.util.Collections.unmodifiableMap(m);
    }

    private ApiVersions() {
    }

    /**
     * Every resource type the emitter writes, with its api-version, in a fixed order. {@link #SITE_HOST_KEYS} is
     * not here: it is the api-version of a function call, not of a resource.
     */
    public static Map<String, String> byType() {
        return BY_TYPE;
    }
}
