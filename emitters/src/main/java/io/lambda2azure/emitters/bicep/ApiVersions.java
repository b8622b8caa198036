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

    /** Resource type names, as Bicep writes them. */
    static final String TYPE_SITES = "Microsoft.Web/sites";
    static final String TYPE_SITE_SLOTS = "Microsoft.Web/sites/slots";
    static final String TYPE_SITE_BASIC_PUBLISHING_CREDENTIALS_POLICIES =
            "Microsoft.Web/sites/basicPublishingCredentialsPolicies";
    static final String TYPE_SERVER_FARMS = "Microsoft.Web/serverfarms";
    static final String TYPE_STORAGE_ACCOUNTS = "Microsoft.Storage/storageAccounts";
    static final String TYPE_BLOB_SERVICES = "Microsoft.Storage/storageAccounts/blobServices";
    static final String TYPE_BLOB_CONTAINERS = "Microsoft.Storage/storageAccounts/blobServices/containers";
    static final String TYPE_APPLICATION_INSIGHTS = "Microsoft.Insights/components";
    static final String TYPE_LOG_ANALYTICS_WORKSPACES = "Microsoft.OperationalInsights/workspaces";
    static final String TYPE_USER_ASSIGNED_IDENTITIES = "Microsoft.ManagedIdentity/userAssignedIdentities";
    static final String TYPE_ROLE_ASSIGNMENTS = "Microsoft.Authorization/roleAssignments";

    private static final Map<String, String> BY_TYPE;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(TYPE_SITES, SITES);
        m.put(TYPE_SITE_SLOTS, SITE_SLOTS);
        m.put(TYPE_SITE_BASIC_PUBLISHING_CREDENTIALS_POLICIES, SITE_BASIC_PUBLISHING_CREDENTIALS_POLICIES);
        m.put(TYPE_SERVER_FARMS, SERVER_FARMS);
        m.put(TYPE_STORAGE_ACCOUNTS, STORAGE_ACCOUNTS);
        m.put(TYPE_BLOB_SERVICES, BLOB_SERVICES);
        m.put(TYPE_BLOB_CONTAINERS, BLOB_CONTAINERS);
        m.put(TYPE_APPLICATION_INSIGHTS, APPLICATION_INSIGHTS);
        m.put(TYPE_LOG_ANALYTICS_WORKSPACES, LOG_ANALYTICS_WORKSPACES);
        m.put(TYPE_USER_ASSIGNED_IDENTITIES, USER_ASSIGNED_IDENTITIES);
        m.put(TYPE_ROLE_ASSIGNMENTS, ROLE_ASSIGNMENTS);
        BY_TYPE = java.util.Collections.unmodifiableMap(m);
    }

    private ApiVersions() {
    }

    /** Every resource type the emitter writes, with its api-version, in a fixed order. */
    public static Map<String, String> byType() {
        return BY_TYPE;
    }
}
