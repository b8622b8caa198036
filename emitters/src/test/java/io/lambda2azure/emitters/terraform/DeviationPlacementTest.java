package io.lambda2azure.emitters.terraform;

import io.lambda2azure.emitters.fixtures.Fixtures;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.UserAssignedIdentity;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.lambda2azure.emitters.fixtures.Fixtures.at;
import static io.lambda2azure.emitters.fixtures.Fixtures.deviation;
import static io.lambda2azure.emitters.fixtures.Fixtures.onProperty;
import static io.lambda2azure.emitters.fixtures.Fixtures.onResource;
import static io.lambda2azure.emitters.fixtures.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

/** Where deviation comments go: above the resource, above an argument, or nowhere; as the Bicep emitter does. */
class DeviationPlacementTest {

    private static String emit(List<AzureResource> resources, List<Deviation> deviations) {
        return TerraformEmitter.emit(new AzureDeployment("t.yaml", PlanKind.FLEX_CONSUMPTION, "test", List.of(),
                List.of(), resources, List.of(), deviations)).mainTf();
    }

    /** The fixture with other deviations. */
    private static String emit(AzureDeployment d, List<Deviation> deviations) {
        return TerraformEmitter.emit(new AzureDeployment(d.source(), d.plan(), d.planReason(), d.parameters(),
                d.variables(), d.resources(), d.outputs(), deviations)).mainTf();
    }

    private static List<AzureResource> identity() {
        return List.of(new UserAssignedIdentity("id", text("my-id"), Optional.empty(), at(1)));
    }

    @Test
    void resourceDeviationGoesAboveTheResource() {
        String tf = emit(identity(), List.of(onResource(DeviationCatalog.TRACING, "X-Ray is off", 3, "id")));
        assertThat(tf).endsWith("""

                # L2A601 info: X-Ray is off
                resource "azurerm_user_assigned_identity" "id" {
                  name                = "my-id"
                  resource_group_name = var.resource_group_name
                  location            = data.azurerm_resource_group.target.location
                }
                """);
    }

    @Test
    void unknownPropertyKeyFallsBackAboveTheResourceInModelOrder() {
        String tf = emit(identity(), List.of(
                onProperty(DeviationCatalog.LAYERS, "uses 2 layers", 5, "id", "layers"),
                onResource(DeviationCatalog.TRACING, "X-Ray is off", 4, "id"),
                onProperty(DeviationCatalog.ARM64, "runs on arm64", 6, "id", "no.such.property")));
        assertThat(tf).contains("""

                # L2A601 info: X-Ray is off
                # L2A107 warning: uses 2 layers
                # L2A106 warning: runs on arm64
                resource "azurerm_user_assigned_identity" "id" {
                """);
    }

    @Test
    void propertyDeviationGoesAboveItsArgumentAndEndsTheAlignmentGroup() {
        String tf = emit(identity(), List.of(onProperty(DeviationCatalog.AWS_VALUE, "name differs", 5, "id",
                "name")));
        assertThat(tf).endsWith("""
                resource "azurerm_user_assigned_identity" "id" {
                  # L2A303 warning: name differs
                  name                = "my-id"
                  resource_group_name = var.resource_group_name
                  location            = data.azurerm_resource_group.target.location
                }
                """);
    }

    @Test
    void deviationsWithoutTargetOrWithAnUnknownResourceAreNotPrinted() {
        String tf = emit(identity(), List.of(
                deviation(DeviationCatalog.TRACING, "no target", 2, Optional.empty()),
                onResource(DeviationCatalog.TRACING, "unknown resource", 2, "elsewhere")));
        assertThat(tf).doesNotContain("L2A").doesNotContain("no target").doesNotContain("unknown resource");
    }

    @Test
    void longAndMultiLineMessagesStayOnOneLine() {
        String message = "a very long message ".repeat(20).trim();
        String tf = emit(identity(), List.of(onResource(DeviationCatalog.TRACING, message + "\nsecond line", 2,
                "id")));
        assertThat(tf).contains("\n# L2A601 info: " + message + " second line\nresource \"azurerm_user_assigned");
    }

    @Test
    void everyFlexAppPropertyKeyIsPlacedAboveItsArgument() {
        String tf = TerraformEmitter.emit(Fixtures.flex()).mainTf();
        assertThat(tf)
                .contains("  # L2A101 info: OrdersFunction runs python3.9, which Azure Functions no longer supports;"
                        + " Python 3.12 is used\n  runtime_name    = \"python\"\n")
                .contains("  # L2A103 warning: OrdersFunction has 1536 MB; the instance has 2048 MB\n"
                        + "  instance_memory_in_mb = 2048\n")
                .contains("  # L2A110 info: OrdersFunction reserves 5 executions; maximumInstanceCount from a"
                        + " parameter\n  maximum_instance_count = var.max_instances\n")
                .contains("  # L2A111 info: OrdersFunction keeps 2 environments initialized; always-ready instances"
                        + " 2\n  always_ready {\n")
                .contains("    # L2A303 warning: TABLE_NAME names the DynamoDB table orders\n"
                        + "    \"TABLE_NAME\" = ")
                .contains("    # L2A302 info: DB_PASSWORD comes from the NoEcho parameter DbPassword\n"
                        + "    \"DB_PASSWORD\" = var.db_password\n")
                .contains("  # L2A401 warning: OrdersFunction runs in a VPC; the parameter subnetId names its"
                        + " subnet\n  virtual_network_subnet_id = var.subnet_id\n")
                .contains("  # L2A117 warning: plan size note\n  sku_name = \"FC1\"\n")
                .contains("# L2A105 warning: OrdersFunction times out after 900 s; HTTP responses end after 230 s\n"
                        + "# L2A107 warning: OrdersFunction uses 1 layer\n"
                        + "resource \"azurerm_function_app_flex_consumption\" \"orders_function\" {\n")
                .contains("# L2A902 warning: Uploads bucket versioning is not carried over\n"
                        + "resource \"azurerm_storage_container\" \"uploads_container\" {\n")
                .doesNotContain("reports only").doesNotContain("Tracing: Active");
    }

    @Test
    void siteConfigKeysArePlacedAboveTheirArguments() {
        String tf = TerraformEmitter.emit(Fixtures.premium()).mainTf();
        assertThat(tf)
                .contains("    # L2A101 info: ReportsFunction runs nodejs18.x; Node 22 is used\n"
                        + "    application_stack {\n")
                .contains("    # L2A110 info: ReportsFunction reserves 5 executions; functionAppScaleLimit 5\n"
                        + "    app_scale_limit = 5\n")
                .contains("    # L2A111 info: ReportsFunction keeps 2 environments initialized;"
                        + " minimumElasticInstanceCount 2\n    elastic_instance_minimum ")
                .contains("# L2A501 info: Alias live becomes the slot live\n"
                        + "resource \"azurerm_linux_function_app_slot\" \"reports_function_live\" {\n");
        // The slot copies the app's settings, but the app's deviations stay on the app.
        assertThat(tf.split("L2A110", -1)).hasSize(2);
    }

    @Test
    void settingsWrittenAsArgumentsKeepTheirDeviations() {
        String tf = emit(Fixtures.premium(), List.of(
                onProperty(DeviationCatalog.AWS_VALUE, "insights", 1, "reportsFunction",
                        "appSettings.APPLICATIONINSIGHTS_CONNECTION_STRING"),
                onProperty(DeviationCatalog.AWS_VALUE, "storage", 2, "reportsFunction",
                        "appSettings.AzureWebJobsStorage__accountName")));
        assertThat(tf).contains("  # L2A303 warning: storage\n  storage_account_name          = ")
                .contains("    # L2A303 warning: insights\n    application_insights_connection_string = ");
    }

    @Test
    void runtimeDeviationFallsBackAboveTheAppWhenNoRuntimeIsWritten() {
        String tf = TerraformEmitter.emit(Fixtures.dedicated()).mainTf();
        assertThat(tf).contains("# L2A114 blocker: App's runtime provided.al2 could not be mapped\n"
                + "resource \"azurerm_linux_function_app\" \"app\" {\n").doesNotContain("application_stack");
    }

    @Test
    void settingsFlexHasNoArgumentForKeepTheirDeviationsAboveTheComment() {
        String tf = TerraformEmitter.emit(Fixtures.runtimes()).mainTf();
        assertThat(tf).contains("    # L2A204 warning: always on note\n"
                + "    # Not written: alwaysOn = true; azurerm_function_app_flex_consumption has no"
                + " site_config.always_on argument in azurerm 4.79.0.\n");
    }

    @Test
    void sameAppSettingDeviationGoesAboveTheFirstSettingOfThatName() {
        List<Deviation> deviations = List.of(onProperty(DeviationCatalog.AWS_VALUE, "one", 1, "ordersFunction",
                "appSettings.GREETING"), onProperty(DeviationCatalog.AWS_VALUE, "two", 2, "ordersFunction",
                "appSettings.GREETING"));
        String tf = emit(Fixtures.flex(), deviations);
        assertThat(tf).contains("""
                    # L2A303 warning: one
                    # L2A303 warning: two
                    "GREETING" = "It's $${name}\\n"
                """);
    }
}
