package io.lambda2azure.emitters;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.ApiManagementBackend;
import io.lambda2azure.core.azure.AzureResource.ApiManagementNamedValue;
import io.lambda2azure.core.azure.AzureResource.ApiManagementPolicy;
import io.lambda2azure.core.azure.AzureResource.ApiManagementSubscription;
import io.lambda2azure.core.azure.AzureResource.EventDestination;
import io.lambda2azure.core.azure.AzureResource.EventGridSubscription;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.emitters.bicep.BicepEmitter;
import io.lambda2azure.emitters.fixtures.Fixtures;
import io.lambda2azure.emitters.terraform.TerraformEmitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static io.lambda2azure.emitters.fixtures.Fixtures.onProperty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API Management resources in both languages at once: the same deviation keys land above the lines that write
 * them, the function key is read from the app's host keys at deployment in both, policies become children of their
 * API, operation or product, and the same invalid models are refused.
 */
class ApiManagementInBothLanguagesTest {

    private static String bicep(AzureDeployment d) {
        return BicepEmitter.emit(d).mainBicep();
    }

    private static String terraform(AzureDeployment d) {
        return TerraformEmitter.emit(d).mainTf();
    }

    /** A property key of a model resource, and the Bicep property and azurerm argument or block that write it. */
    private record Key(String symbol, String key, String bicep, String terraform) {
    }

    private static final List<Key> KEYS = List.of(
            new Key("apiManagement", "sku", "sku", "sku_name"),
            new Key("apiManagement", "publisherEmail", "publisherEmail", "publisher_email"),
            new Key("apiManagement", "publisherName", "publisherName", "publisher_name"),
            new Key("ordersApi", "displayName", "displayName", "display_name"),
            new Key("ordersApi", "path", "path", "path"),
            new Key("ordersApi", "protocols", "protocols", "protocols"),
            new Key("ordersApi", "subscriptionRequired", "subscriptionRequired", "subscription_required"),
            new Key("ordersAppKey", "secret", "secret", "secret"),
            new Key("ordersAppKey", "app", "value", "value"),
            new Key("ordersAppBackend", "url", "url", "url"),
            new Key("ordersAppBackend", "key", "credentials", "credentials"),
            new Key("ordersApiGetOrder", "name", "name", "operation_id"),
            new Key("ordersApiGetOrder", "method", "method", "method"),
            new Key("ordersApiGetOrder", "urlTemplate", "urlTemplate", "url_template"),
            new Key("ordersApiGetOrderPolicy", "xml", "value", "xml_content"),
            new Key("ordersApiUsagePlan", "name", "name", "product_id"),
            new Key("ordersApiUsagePlan", "displayName", "displayName", "display_name"),
            new Key("ordersApiUsagePlan", "subscriptionRequired", "subscriptionRequired", "subscription_required"),
            new Key("ordersApiUsagePlan", "approvalRequired", "approvalRequired", "approval_required"),
            new Key("ordersApiUsagePlan", "published", "state", "published"),
            new Key("ordersApiUsagePlanOrdersApi", "name", "name", "api_name"),
            new Key("ordersApiUsagePlanSubscription", "name", "name", "subscription_id"),
            new Key("ordersApiUsagePlanSubscription", "product", "scope", "product_id"),
            new Key("ordersApiUsagePlanSubscription", "state", "state", "state"),
            new Key("ordersApiUsagePlanSubscription", "allowTracing", "allowTracing", "allow_tracing"));

    private static String message(Key k) {
        return "note on " + k.symbol() + "." + k.key();
    }

    @Test
    void aDeviationOnEachPropertyKeyGoesAboveTheLineThatWritesItInBothLanguages() {
        List<Deviation> deviations = new ArrayList<>();
        for (Key k : KEYS) {
            deviations.add(onProperty(DeviationCatalog.UNMAPPED_PROPERTY, message(k), 1, k.symbol(), k.key()));
        }
        AzureDeployment d = Fixtures.withDeviations(Fixtures.apiManagement(), deviations);
        String bicep = bicep(d);
        String terraform = terraform(d);
        for (Key k : KEYS) {
            String line = Pattern.quote("L2A902 warning: " + message(k)) + "\n(\\s*(//|#) [^\n]*\n)*\\s*";
            assertThat(bicep).as("Bicep %s.%s", k.symbol(), k.key())
                    .containsPattern("// " + line + Pattern.quote(k.bicep()) + ": ");
            assertThat(terraform).as("Terraform %s.%s", k.symbol(), k.key())
                    .containsPattern("# " + line + Pattern.quote(k.terraform()) + " +[={]");
            assertThat(bicep.split(Pattern.quote(message(k)) + "\n", -1)).hasSize(2);
            assertThat(terraform.split(Pattern.quote(message(k)) + "\n", -1)).hasSize(2);
        }
    }

    @Test
    void theFunctionKeyIsReadFromTheAppsHostKeysWhenTheDeploymentRunsNeverWritten() {
        String bicep = bicep(Fixtures.apiManagement());
        String terraform = terraform(Fixtures.apiManagement());
        assertThat(bicep).contains("    secret: true\n    value: listKeys('${ordersApp.id}/host/default',"
                + " '2025-03-01').functionKeys.default\n");
        assertThat(terraform).contains("  secret              = true\n  value               ="
                + " data.azurerm_function_app_host_keys.orders_app.default_function_key\n");
        // The backend sends it through the named value, which it waits for by naming it.
        assertThat(bicep).contains("'x-functions-key': [\n          '{{${ordersAppKey.name}}}'\n");
        assertThat(terraform).contains("\"x-functions-key\" = \"{{${azurerm_api_management_named_value.orders_app_key"
                + ".name}}}\"\n");
        // A conditional app's keys are read under its condition.
        assertThat(terraform).contains("data \"azurerm_function_app_host_keys\" \"reports_app\" {\n"
                + "  count = var.enable_reports ? 1 : 0\n");
    }

    @Test
    void anAppWhoseKeysEventGridAndApiManagementBothReadHasOneHostKeysDataSource() {
        AzureDeployment events = Fixtures.events();
        List<AzureResource> resources = new ArrayList<>(events.resources());
        resources.add(new AzureResource.ApiManagementService("apim", Fixtures.text("apim"),
                java.util.Optional.empty(), "Consumption", 0, Fixtures.text("ops@example.com"),
                Fixtures.text("Contoso"), Fixtures.at(1)));
        resources.add(new ApiManagementNamedValue("workerKey", Fixtures.text("worker-key"), java.util.Optional.empty(),
                "apim", "workerApp", true, Fixtures.at(1)));
        AzureDeployment d = new AzureDeployment(events.source(), events.plan(), events.planReason(),
                events.parameters(), events.variables(), resources, events.outputs(), events.deviations());
        String terraform = terraform(d);
        assertThat(terraform.split("data \"azurerm_function_app_host_keys\" \"worker_app\"", -1)).hasSize(2);
        assertThat(terraform).contains("# The host keys of workerApp, read after it is deployed: Event Grid"
                + " authenticates to the blobs extension's webhook with its system key; API Management calls its HTTP"
                + " triggers with its default function key.\n");
        assertThat(d.resources(EventGridSubscription.class)).anyMatch(s -> s.destination()
                instanceof EventDestination.BlobsExtensionWebhook);
    }

    @Test
    void aPolicyIsWrittenForTheKindOfResourceItAppliesTo() {
        String bicep = bicep(Fixtures.apiManagement());
        String terraform = terraform(Fixtures.apiManagement());
        assertThat(bicep).contains("resource ordersApiPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01'"
                + " = {\n  parent: ordersApi\n  name: 'policy'\n");
        assertThat(bicep).contains("resource ordersApiGetOrderPolicy"
                + " 'Microsoft.ApiManagement/service/apis/operations/policies@2024-05-01' = {\n"
                + "  parent: ordersApiGetOrder\n");
        assertThat(bicep).contains("resource ordersApiUsagePlanPolicy"
                + " 'Microsoft.ApiManagement/service/products/policies@2024-05-01' = {\n  parent: ordersApiUsagePlan\n");
        assertThat(terraform).contains("resource \"azurerm_api_management_api_policy\" \"orders_api_policy\" {\n"
                + "  api_name            = azurerm_api_management_api.orders_api.name\n");
        assertThat(terraform).contains("resource \"azurerm_api_management_api_operation_policy\""
                + " \"orders_api_get_order_policy\" {\n");
        assertThat(terraform).contains("  operation_id        ="
                + " azurerm_api_management_api_operation.orders_api_get_order.operation_id\n");
        assertThat(terraform).contains("resource \"azurerm_api_management_product_policy\""
                + " \"orders_api_usage_plan_policy\" {\n  product_id          ="
                + " azurerm_api_management_product.orders_api_usage_plan.product_id\n");
        // Policies name the backend through its resource, so that they wait for it.
        assertThat(bicep).contains("backend-id=\"${ordersAppBackend.name}\"");
        assertThat(terraform).contains("backend-id=\\\"${azurerm_api_management_backend.orders_app_backend.name}\\\"");
    }

    @Test
    void invalidReferencesAreRefusedByBoth() {
        List<AzureDeployment> invalid = List.of(
                Fixtures.withResources(Fixtures.apiManagement(), r -> r instanceof ApiManagementPolicy p
                        && p.symbol().equals("ordersApiPolicy") ? new ApiManagementPolicy(p.symbol(), p.name(),
                        p.condition(), "ordersAppBackend", p.xml(), p.source()) : r),
                Fixtures.withResources(Fixtures.apiManagement(), r -> r instanceof ApiManagementBackend b
                        && b.symbol().equals("ordersAppBackend") ? new ApiManagementBackend(b.symbol(), b.name(),
                        b.condition(), b.service(), b.app(), b.url(), b.keyHeader(), "ordersApi", b.source()) : r),
                Fixtures.withResources(Fixtures.apiManagement(), r -> r instanceof ApiManagementNamedValue v
                        && v.symbol().equals("ordersAppKey") ? new ApiManagementNamedValue(v.symbol(), v.name(),
                        v.condition(), v.service(), "storage", v.secret(), v.source()) : r),
                Fixtures.withResources(Fixtures.apiManagement(), r -> r instanceof ApiManagementSubscription s
                        ? new ApiManagementSubscription(s.symbol(), s.name(), s.condition(), "ordersApi",
                        s.displayName(), s.state(), s.allowTracing(), s.source()) : r));
        for (AzureDeployment d : invalid) {
            assertThatThrownBy(() -> bicep(d)).isInstanceOfAny(IllegalArgumentException.class,
                    IllegalStateException.class);
            assertThatThrownBy(() -> terraform(d)).isInstanceOfAny(IllegalArgumentException.class,
                    IllegalStateException.class);
        }
        assertThatThrownBy(() -> bicep(invalid.get(0))).hasMessageContaining("not an API, operation or product");
        assertThatThrownBy(() -> terraform(invalid.get(0))).hasMessageContaining("not an API, operation or product");
        assertThatThrownBy(() -> terraform(invalid.get(1))).hasMessageContaining("ordersApi, which is not a"
                + " ApiManagementNamedValue");
        assertThatThrownBy(() -> bicep(invalid.get(2))).hasMessageContaining("storage, which is not a FunctionApp");
    }
}
