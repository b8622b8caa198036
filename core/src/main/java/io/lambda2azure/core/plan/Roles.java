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
}
