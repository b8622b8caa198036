package io.lambda2azure.emitters.common;

/**
 * Settings one of the target languages needs that the Azure model leaves implicit, in one place so that the Bicep
 * and the Terraform emitter write the same value. None of them is a mapping decision: each is Azure's own default
 * (or the only value that keeps the resource as the model describes it), written out because azurerm requires the
 * argument or because writing it in one language only would make the two outputs differ.
 */
public final class ImplicitSettings {

    /**
     * Deliveries of a Service Bus message before it is dead-lettered when the model sets none: Service Bus's
     * default, 10 ("Maximum delivery count",
     * learn.microsoft.com/azure/service-bus-messaging/service-bus-dead-letter-queues).
     * azurerm_servicebus_subscription requires {@code max_delivery_count}.
     */
    public static final long SERVICE_BUS_MAX_DELIVERY_COUNT = 10;

    /** Why {@link #SERVICE_BUS_MAX_DELIVERY_COUNT} is written, for a comment line above it. */
    public static final String SERVICE_BUS_MAX_DELIVERY_COUNT_NOTE = "The template sets no maximum delivery count: 10"
            + " is Service Bus's default.";

    /**
     * The messaging units and partitions of a Premium Service Bus namespace: the smallest Premium namespace
     * (1 and 1). azurerm_servicebus_namespace rejects a Premium namespace whose {@code capacity} is left at 0; Azure
     * creates a Premium namespace with 1 messaging unit when none is given.
     */
    public static final long SERVICE_BUS_PREMIUM_CAPACITY = 1;

    /** See {@link #SERVICE_BUS_PREMIUM_CAPACITY}. */
    public static final long SERVICE_BUS_PREMIUM_PARTITIONS = 1;

    /** The SKU name whose namespaces need {@link #SERVICE_BUS_PREMIUM_CAPACITY}. */
    public static final String SERVICE_BUS_PREMIUM = "Premium";

    /**
     * How long Event Grid retries an event, in minutes, written beside the model's maximum delivery attempts:
     * Event Grid's default, 1440 (one day; "Retry policy",
     * learn.microsoft.com/azure/event-grid/delivery-and-retry). azurerm's {@code retry_policy} requires
     * {@code event_time_to_live} with {@code max_delivery_attempts}.
     */
    public static final long EVENT_GRID_EVENT_TIME_TO_LIVE_MINUTES = 1440;

    /** Why {@link #EVENT_GRID_EVENT_TIME_TO_LIVE_MINUTES} is written, for a comment line above it. */
    public static final String EVENT_GRID_EVENT_TIME_TO_LIVE_NOTE = "Event Grid's default time to live (one day),"
            + " written beside the maximum delivery attempts.";

    /**
     * The default consistency of a Cosmos DB account: Session, the level new accounts get and the one the Azure
     * Functions Cosmos DB trigger and bindings are documented with
     * (learn.microsoft.com/azure/cosmos-db/consistency-levels). Both the Bicep ({@code consistencyPolicy}) and
     * azurerm ({@code consistency_policy}, a required block) need it written.
     */
    public static final String COSMOS_CONSISTENCY_LEVEL = "Session";

    /** A Cosmos DB account has one region: the deployment's location, with failover priority 0. */
    public static final long COSMOS_FAILOVER_PRIORITY = 0;

    /** The API of the account: NoSQL ({@code GlobalDocumentDB}, the default kind). */
    public static final String COSMOS_KIND = "GlobalDocumentDB";

    /** The only offer type Cosmos DB accounts have; required in both languages. */
    public static final String COSMOS_OFFER_TYPE = "Standard";

    /** The capability that makes an account serverless. */
    public static final String COSMOS_SERVERLESS_CAPABILITY = "EnableServerless";

    /** The partitioning of a container with one partition key path. */
    public static final String COSMOS_PARTITION_KEY_KIND = "Hash";

    /**
     * The Key Vault SKU: standard (software-protected keys). Secrets are the same in both SKUs; premium adds HSM
     * keys, which the model has none of. The Bicep SKU family is always {@code A}.
     */
    public static final String KEY_VAULT_SKU = "standard";

    /** See {@link #KEY_VAULT_SKU}. */
    public static final String KEY_VAULT_SKU_FAMILY = "A";

    /**
     * The type of an API Management operation's URL template parameters, which both languages require: path segments
     * are strings, as API Gateway passes them to the function.
     */
    public static final String APIM_TEMPLATE_PARAMETER_TYPE = "string";

    /** The format of API Management policy documents: XML, which API Management checks when the policy is set. */
    public static final String APIM_POLICY_FORMAT = "xml";

    /**
     * The revision of an API Management API, which azurerm requires; 1 is the revision API Management gives a new
     * API when none is named, so the Bicep output leaves it out.
     */
    public static final String APIM_API_REVISION = "1";

    private ImplicitSettings() {
    }
}
