package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AppSetting;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.RoleDefinition;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.lambda2azure.core.plan.Fixtures.app;
import static io.lambda2azure.core.plan.Fixtures.appOf;
import static io.lambda2azure.core.plan.Fixtures.function;
import static io.lambda2azure.core.plan.Fixtures.plan;
import static io.lambda2azure.core.plan.Fixtures.setting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Secure defaults the planner writes into the model on every plan: identity-only storage, Entra-only telemetry,
 * TLS 1.2, no FTP or basic publishing credentials, and least-privilege role assignments with the role GUIDs of
 * docs/azure-facts.md §5.
 */
class SecureDefaultsTest {

    private static final String BLOB_DATA_OWNER = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private static final String TABLE_DATA_CONTRIBUTOR = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private static final String QUEUE_DATA_CONTRIBUTOR = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private static final String METRICS_PUBLISHER = "3913510d-42f4-4e42-8a64-420c390055eb";

    private static AzureDeployment httpAndTimerApp(PlanKind kind) {
        return plan(app(function("Orders").http("/orders", "GET").schedule("rate(5 minutes)")).build(), kind);
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void hostStorageAcceptsOnlyIdentitiesOverTls12AndNoPublicBlobs(PlanKind kind) {
        AzureDeployment d = httpAndTimerApp(kind);
        assertThat(d.resources(AzureResource.StorageAccount.class)).singleElement().satisfies(storage -> {
            assertThat(storage.allowSharedKeyAccess()).as("allowSharedKeyAccess").isFalse();
            assertThat(storage.minimumTlsVersion()).isEqualTo("TLS1_2");
            assertThat(storage.allowBlobPublicAccess()).as("allowBlobPublicAccess").isFalse();
            assertThat(storage.sku()).isEqualTo("Standard_LRS");
            assertThat(storage.condition()).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void applicationInsightsAcceptsOnlyEntraAuthenticatedTelemetry(PlanKind kind) {
        AzureDeployment d = httpAndTimerApp(kind);
        AzureResource.ApplicationInsights insights = d.resources(AzureResource.ApplicationInsights.class).get(0);
        assertThat(insights.disableLocalAuth()).isTrue();
        assertThat(d.resource(insights.workspace())).get().isInstanceOf(AzureResource.LogAnalyticsWorkspace.class);
        assertThat(d.resources(AzureResource.LogAnalyticsWorkspace.class)).singleElement()
                .extracting(AzureResource.LogAnalyticsWorkspace::retentionInDays).isEqualTo(Value.number(30));
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void theHostReachesStorageAndTelemetryWithItsUserAssignedIdentity(PlanKind kind) {
        AzureDeployment d = httpAndTimerApp(kind);
        AzureResource.FunctionApp app = appOf(d, "Orders");
        String identity = app.identity();
        assertThat(d.resource(identity)).get().isInstanceOf(AzureResource.UserAssignedIdentity.class);
        assertThat(d.resource(app.storage())).get().isInstanceOf(AzureResource.StorageAccount.class);
        assertThat(d.resource(app.insights())).get().isInstanceOf(AzureResource.ApplicationInsights.class);

        assertThat(setting(app, "AzureWebJobsStorage__accountName"))
                .contains(Value.ref(app.storage(), Value.Attribute.NAME));
        assertThat(setting(app, "AzureWebJobsStorage__credential")).contains(Value.text("managedidentity"));
        assertThat(setting(app, "AzureWebJobsStorage__clientId"))
                .contains(Value.ref(identity, Value.Attribute.CLIENT_ID));
        assertThat(setting(app, "APPLICATIONINSIGHTS_CONNECTION_STRING"))
                .contains(Value.ref(app.insights(), Value.Attribute.CONNECTION_STRING));
        assertThat(setting(app, "APPLICATIONINSIGHTS_AUTHENTICATION_STRING")).contains(new Value.Interpolation(
                List.of(Value.text("Authorization=AAD;ClientId="), Value.ref(identity, Value.Attribute.CLIENT_ID))));

        assertThat(setting(app, "AzureWebJobsStorage")).as("no key-based connection string").isEmpty();
        assertThat(setting(app, "APPINSIGHTS_INSTRUMENTATIONKEY")).isEmpty();
        assertThat(setting(app, "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")).isEmpty();
        assertThat(app.appSettings()).extracting(AppSetting::value).noneSatisfy(v ->
                assertThat(v.toString()).containsIgnoringCase("AccountKey"));
        assertThat(app.appSettings()).extracting(AppSetting::name).doesNotHaveDuplicates();
        assertThat(app.appSettings().subList(0, 5)).as("host settings come first").extracting(AppSetting::source)
                .containsOnly(SourceLocation.UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(value = PlanKind.class, names = {"PREMIUM", "DEDICATED", "CONSUMPTION"})
    void nonFlexPlansRunFromAPackageFetchedWithTheIdentity(PlanKind kind) {
        AzureDeployment d = httpAndTimerApp(kind);
        AzureResource.FunctionApp app = appOf(d, "Orders");
        assertThat(setting(app, "FUNCTIONS_EXTENSION_VERSION")).contains(Value.text("~4"));
        assertThat(setting(app, "WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID"))
                .contains(Value.ref(app.identity(), Value.Attribute.ID));
        assertThat(setting(app, "WEBSITE_RUN_FROM_PACKAGE")).get().isInstanceOf(Value.Interpolation.class);
        assertThat(app.flex()).isEmpty();
    }

    @Test
    void flexDeploysToItsBlobContainerAndUsesNoDeprecatedSettings() {
        AzureDeployment d = httpAndTimerApp(PlanKind.FLEX_CONSUMPTION);
        AzureResource.FunctionApp app = appOf(d, "Orders");
        String container = app.flex().orElseThrow().deploymentContainer();
        assertThat(d.resource(container)).get().isInstanceOfSatisfying(AzureResource.BlobContainer.class,
                c -> assertThat(c.storageAccount()).isEqualTo(app.storage()));
        for (String deprecated : List.of("FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION",
                "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_TIME_ZONE")) {
            assertThat(setting(app, deprecated)).as(deprecated).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void siteSettingsRequireTls12AndTurnOffFtpAndBasicPublishing(PlanKind kind) {
        AzureResource.SiteSettings site = appOf(httpAndTimerApp(kind), "Orders").site();
        assertThat(site.minimumTlsVersion()).isEqualTo("1.2");
        assertThat(site.basicPublishingCredentials()).as("basic publishing credentials").isFalse();
        assertThat(site.http20Enabled()).isTrue();
        if (kind == PlanKind.FLEX_CONSUMPTION) {
            assertThat(site.ftpsState()).as("Flex has no ftpsState").isEmpty();
        } else {
            assertThat(site.ftpsState()).contains("Disabled");
        }
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void anHttpAndTimerAppGetsExactlyTheHostsThreeRoles(PlanKind kind) {
        AzureDeployment d = httpAndTimerApp(kind);
        AzureResource.FunctionApp app = appOf(d, "Orders");
        List<AzureResource.RoleAssignment> roles = d.resources(AzureResource.RoleAssignment.class);
        assertThat(roles).extracting(r -> r.role().name(), r -> r.role().id(), AzureResource.RoleAssignment::scope)
                .containsExactlyInAnyOrder(
                        tuple("Storage Blob Data Owner", BLOB_DATA_OWNER, app.storage()),
                        tuple("Storage Table Data Contributor", TABLE_DATA_CONTRIBUTOR, app.storage()),
                        tuple("Monitoring Metrics Publisher", METRICS_PUBLISHER, app.insights()));
        assertThat(roles).allSatisfy(r -> {
            assertThat(r.principal()).isEqualTo(app.identity());
            assertThat(r.description()).isNotBlank();
            assertThat(r.name()).isEqualTo(new Value.Call(Value.Fn.GUID, List.of(Value.ref(r.scope(),
                    Value.Attribute.ID), Value.ref(app.identity(), Value.Attribute.ID), Value.text(r.role().id()))));
        });
        assertThat(roles).extracting(AzureResource.RoleAssignment::name).doesNotHaveDuplicates();
    }

    @Test
    void everyAppHasItsOwnIdentityAndRoles() {
        AzureDeployment d = plan(app(function("Orders").http("/orders", "GET"), function("Nightly")
                .schedule("rate(1 day)")).build(), PlanKind.FLEX_CONSUMPTION);
        assertThat(appOf(d, "Orders").identity()).isNotEqualTo(appOf(d, "Nightly").identity());
        assertThat(d.resources(AzureResource.RoleAssignment.class)).hasSize(6);
        assertThat(d.resources(AzureResource.UserAssignedIdentity.class)).hasSize(2);
        assertThat(d.resources(AzureResource.StorageAccount.class)).hasSize(1);
        assertThat(d.resources(AzureResource.ApplicationInsights.class)).hasSize(1);
    }

    @Test
    void theRoleGuidsAreTheBuiltInRoles() {
        assertThat(List.of(Roles.STORAGE_BLOB_DATA_OWNER, Roles.STORAGE_TABLE_DATA_CONTRIBUTOR,
                Roles.STORAGE_QUEUE_DATA_CONTRIBUTOR, Roles.MONITORING_METRICS_PUBLISHER))
                .extracting(RoleDefinition::id)
                .containsExactly(BLOB_DATA_OWNER, TABLE_DATA_CONTRIBUTOR, QUEUE_DATA_CONTRIBUTOR, METRICS_PUBLISHER);
    }
}
