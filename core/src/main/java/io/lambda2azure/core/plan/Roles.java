package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.RoleDefinition;

/**
 * Azure built-in roles the planner assigns. Ids from Microsoft Learn, "Azure built-in roles"
 * (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles); see docs/azure-facts.md §5.
 */
final class Roles {

    private Roles() {
    }

    /** The Functions host's minimum on its storage account (Learn: functions-reference, host storage). */
    static final RoleDefinition STORAGE_BLOB_DATA_OWNER =
            new RoleDefinition("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b");
    static final RoleDefinition STORAGE_QUEUE_DATA_CONTRIBUTOR =
            new RoleDefinition("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88");
    /** Diagnostic events of the host go to table storage (Learn: functions-reference, host storage). */
    static final RoleDefinition STORAGE_TABLE_DATA_CONTRIBUTOR =
            new RoleDefinition("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3");
    /** Entra-authenticated Application Insights ingestion (Learn: functions-app-settings). */
    static final RoleDefinition MONITORING_METRICS_PUBLISHER =
            new RoleDefinition("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb");

    // Data roles for the services event sources and dependencies map to (Learn: built-in roles, per category;
    // docs/azure-facts-events.md lists each with its page).
    static final RoleDefinition SERVICE_BUS_DATA_RECEIVER =
            new RoleDefinition("Azure Service Bus Data Receiver", "4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0");
    static final RoleDefinition SERVICE_BUS_DATA_SENDER =
            new RoleDefinition("Azure Service Bus Data Sender", "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39");
    static final RoleDefinition SERVICE_BUS_DATA_OWNER =
            new RoleDefinition("Azure Service Bus Data Owner", "090c5cfd-751d-490a-894a-3ce6f1109419");
    static final RoleDefinition EVENT_HUBS_DATA_RECEIVER =
            new RoleDefinition("Azure Event Hubs Data Receiver", "a638d3c7-ab3a-418d-83e6-5f17a39d4fde");
    static final RoleDefinition EVENT_HUBS_DATA_SENDER =
            new RoleDefinition("Azure Event Hubs Data Sender", "2b629674-e913-4c01-ae53-ef4638d8f975");
    static final RoleDefinition EVENT_HUBS_DATA_OWNER =
            new RoleDefinition("Azure Event Hubs Data Owner", "f526a384-b230-433a-b45c-95f59c4a2dec");
    static final RoleDefinition STORAGE_BLOB_DATA_READER =
            new RoleDefinition("Storage Blob Data Reader", "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1");
    static final RoleDefinition STORAGE_BLOB_DATA_CONTRIBUTOR =
            new RoleDefinition("Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe");
    /** The blob trigger's host storage needs it (Learn: functions-bindings-storage-blob-trigger, identity-based connections). */
    static final RoleDefinition STORAGE_ACCOUNT_CONTRIBUTOR =
            new RoleDefinition("Storage Account Contributor", "17d1049b-9a84-46fb-8f53-869881c3d3ab");
    /** A Storage queue trigger reads and settles messages (Learn: functions-bindings-storage-queue, identity-based connections). */
    static final RoleDefinition STORAGE_QUEUE_DATA_READER =
            new RoleDefinition("Storage Queue Data Reader", "19e7f393-937e-4f77-808e-94535e297925");
    static final RoleDefinition STORAGE_QUEUE_DATA_MESSAGE_PROCESSOR =
            new RoleDefinition("Storage Queue Data Message Processor", "8a0f0c08-91a1-4084-bc3d-661d67233fed");
    static final RoleDefinition STORAGE_QUEUE_DATA_MESSAGE_SENDER =
            new RoleDefinition("Storage Queue Data Message Sender", "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a");
    static final RoleDefinition KEY_VAULT_SECRETS_USER =
            new RoleDefinition("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6");
    static final RoleDefinition EVENT_GRID_DATA_SENDER =
            new RoleDefinition("EventGrid Data Sender", "d5a91429-5739-47e2-a06b-3470a27159e7");
    /** Cosmos DB's own data-plane roles (Learn: cosmos-db/nosql/security/reference-data-plane-roles). */
    static final RoleDefinition COSMOS_DATA_READER =
            new RoleDefinition("Cosmos DB Built-in Data Reader", "00000000-0000-0000-0000-000000000001");
    static final RoleDefinition COSMOS_DATA_CONTRIBUTOR =
            new RoleDefinition("Cosmos DB Built-in Data Contributor", "00000000-0000-0000-0000-000000000002");
}
