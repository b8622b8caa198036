package io.lambda2azure.emitters.terraform;

import io.lambda2azure.emitters.fixtures.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.emitters.common.FilterOperators;
import io.lambda2azure.emitters.terraform.Azurerm.AppType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks the emitter against the azurerm 4.79.0 provider schema: every block it writes (arguments exist, are
 * settable and not deprecated; required arguments are written; block counts within min and max; literals of the
 * right type), every reference it makes, and the facts in {@link Azurerm}.
 */
class AzurermSchemaTest {

    private static AzurermSchema schema;

    @BeforeAll
    static void load() {
        var loaded = AzurermSchema.load();
        assumeTrue(loaded.isPresent(), "skipped: shared/azure-schemas is not beside the checkout");
        schema = loaded.get();
    }

    static Stream<Arguments> fixtures() {
        return TerraformEmitterGoldenTest.fixtures();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyBlockAndReferenceMatchesTheSchema(String name, Supplier<AzureDeployment> fixture) {
        TerraformTree tree = TerraformEmitter.tree(fixture.get());
        List<String> expected = name.equals("runtimes")
                // The Flex app whose runtime could not be chosen: a comment asks for them instead.
                ? List.of("azurerm_function_app_flex_consumption.flex_app.runtime_name: required but not written",
                "azurerm_function_app_flex_consumption.flex_app.runtime_version: required but not written")
                : List.of();
        assertThat(schema.problems(tree)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void theCheckFindsWhatIsWrong() {
        TerraformTree good = TerraformEmitter.tree(Fixtures.premium());
        List<BodyItem> items = new ArrayList<>(good.main().items());
        items.add(Body.block(List.of(), "resource", List.of(Azurerm.SERVICE_PLAN, "bad"), new Body()
                .arg("name", HclExpr.string("x"))
                .arg("kind", HclExpr.string("elastic"))
                .arg("os_type", HclExpr.bool(true))
                .arg("no_such_thing", HclExpr.string("x"))
                .arg("location", HclExpr.ref("var", "missing"))
                .arg("resource_group_name", HclExpr.ref("azurerm_service_plan", "plan", "no_attribute"))
                .unmapped(List.of(), "sku_name", "pretend it is missing")
                .block(Body.nested(List.of(), "nope", new Body()))));
        items.add(Body.block(List.of(), "resource", List.of("azurerm_no_such_type", "x"), new Body()));
        TerraformTree bad = new TerraformTree(good.versions(), good.variables(), new HclFile(items), good.outputs(),
                good.tfvarsExample());
        assertThat(schema.problems(bad)).containsExactlyInAnyOrder(
                "azurerm_service_plan.bad.kind: read-only",
                "azurerm_service_plan.bad.os_type: true is not a \"string\"",
                "azurerm_service_plan.bad.no_such_thing: no such argument",
                "azurerm_service_plan.bad.sku_name: exists, but the setting is only a comment",
                "azurerm_service_plan.bad.nope: no such block",
                "azurerm_service_plan.bad.sku_name: required but not written",
                "azurerm_no_such_type.x: no such resource type",
                "var.missing: no such variable",
                "azurerm_service_plan.plan.no_attribute: the resource has no such attribute");
    }

    @Test
    void referencesToResourcesWithCountNeedAnIndex() {
        TerraformTree tree = TerraformEmitter.tree(Fixtures.premium());
        List<BodyItem> items = new ArrayList<>(tree.main().items());
        items.add(Body.block(List.of(), "resource", List.of(Azurerm.USER_ASSIGNED_IDENTITY, "extra"), new Body()
                .arg("name", HclExpr.ref("azurerm_linux_function_app", "reports_function", "name"))
                .arg("resource_group_name", HclExpr.ref("var", "resource_group_name"))
                .arg("location", HclExpr.ref("local", "location"))));
        TerraformTree bad = new TerraformTree(tree.versions(), tree.variables(), new HclFile(items), tree.outputs(),
                tree.tfvarsExample());
        assertThat(schema.problems(bad)).containsExactly(
                "azurerm_linux_function_app.reports_function.name: the resource has count, so it needs [0]");
    }

    @Test
    void referencesToDataSourcesWithCountNeedAnIndex() {
        TerraformTree tree = TerraformEmitter.tree(Fixtures.premium());
        List<BodyItem> items = new ArrayList<>(tree.main().items());
        items.add(new BodyItem.Block(List.of(), "data", List.of(Azurerm.DATA_FUNCTION_APP_HOST_KEYS, "keys"),
                List.of(new BodyItem.Attribute(List.of(), "count", HclExpr.number(1)),
                        new BodyItem.Attribute(List.of(), "name", HclExpr.string("app")),
                        new BodyItem.Attribute(List.of(), "resource_group_name", HclExpr.ref("var",
                                "resource_group_name")))));
        items.add(Body.block(List.of(), "resource", List.of(Azurerm.USER_ASSIGNED_IDENTITY, "extra"), new Body()
                .arg("name", HclExpr.ref("data", Azurerm.DATA_FUNCTION_APP_HOST_KEYS, "keys",
                        Azurerm.BLOBS_EXTENSION_KEY))
                .arg("resource_group_name", new HclExpr.Traversal("data", List.of(
                        new HclExpr.GetAttr(Azurerm.DATA_FUNCTION_APP_HOST_KEYS), new HclExpr.GetAttr("keys"),
                        new HclExpr.Index(0), new HclExpr.GetAttr("no_such_key"))))
                .arg("location", HclExpr.ref("local", "location"))));
        TerraformTree bad = new TerraformTree(tree.versions(), tree.variables(), new HclFile(items), tree.outputs(),
                tree.tfvarsExample());
        assertThat(schema.problems(bad)).containsExactlyInAnyOrder(
                "data.azurerm_function_app_host_keys.keys.blobs_extension_key: the data source has count, so it"
                        + " needs [0]",
                "data.azurerm_function_app_host_keys.keys[0].no_such_key: the data source has no such attribute");
    }

    @Test
    void theHostKeysOfAConditionalAppAreReadUnderItsCondition() {
        AzureDeployment d = Fixtures.withResources(Fixtures.events(), r -> r instanceof AzureResource.FunctionApp a
                ? new AzureResource.FunctionApp(a.symbol(), a.name(), Optional.of(Fixtures.param("enableAudit")),
                a.plan(), a.planKind(), a.runtime(), a.flex(), a.site(), a.appSettings(), a.identity(), a.storage(),
                a.insights(), a.subnetId(), a.functionTimeoutSeconds(), a.triggers(), a.awsFunctions(), a.eventGaps(),
                a.hostSettings(), a.keyVaultReferences(), a.source()) : r);
        TerraformTree tree = TerraformEmitter.tree(d);
        assertThat(schema.problems(tree)).isEmpty();
        assertThat(HclPrinter.print(tree.main())).contains("""
                data "azurerm_function_app_host_keys" "worker_app" {
                  count = var.enable_audit ? 1 : 0

                  name                = azurerm_linux_function_app.worker_app[0].name
                """).contains("&code=${data.azurerm_function_app_host_keys.worker_app[0].blobs_extension_key}\"");
    }

    @Test
    void everyAdvancedFilterOperatorIsABlockOfBothSubscriptionTypesWithTheValuesItTakes() {
        for (String type : List.of(Azurerm.EVENTGRID_EVENT_SUBSCRIPTION,
                Azurerm.EVENTGRID_SYSTEM_TOPIC_EVENT_SUBSCRIPTION)) {
            JsonNode filters = AzurermSchema.at(schema.resource(type).orElseThrow(), "advanced_filter").orElseThrow();
            assertThat(filters.path("block_types").size()).as(type).isEqualTo(FilterOperators.all().size());
            for (String operator : FilterOperators.all()) {
                FilterOperators.Arity arity = FilterOperators.arity(new AzureResource.AdvancedFilter(operator, "k",
                        java.util.Collections.nCopies(operator.startsWith("Is") ? 0 : 1, Value.text("v"))));
                JsonNode block = filters.path("block_types").path(TfNames.snake(operator)).path("block");
                assertThat(block.path("attributes").has("key")).as(type + " " + operator).isTrue();
                assertThat(block.path("attributes").has("value")).as(type + " " + operator)
                        .isEqualTo(arity == FilterOperators.Arity.ONE);
                assertThat(block.path("attributes").has("values")).as(type + " " + operator)
                        .isEqualTo(arity == FilterOperators.Arity.MANY);
            }
        }
    }

    @Test
    void theArgumentsTheEmitterDerivesExist() {
        // The required arguments the model leaves implicit are required indeed, so writing them is not optional.
        assertThat(AzurermSchema.at(schema.resource(Azurerm.SERVICEBUS_SUBSCRIPTION).orElseThrow(),
                "max_delivery_count").orElseThrow().path("required").asBoolean()).isTrue();
        JsonNode cosmos = schema.resource(Azurerm.COSMOSDB_ACCOUNT).orElseThrow();
        assertThat(cosmos.path("block_types").path("consistency_policy").path("min_items").asInt()).isEqualTo(1);
        assertThat(cosmos.path("block_types").path("geo_location").path("min_items").asInt()).isEqualTo(1);
        JsonNode retry = AzurermSchema.at(schema.resource(Azurerm.EVENTGRID_EVENT_SUBSCRIPTION).orElseThrow(),
                "retry_policy").orElseThrow();
        assertThat(retry.path("attributes").path("event_time_to_live").path("required").asBoolean()).isTrue();
        // The blobs extension's key, and the provider features that keep deleted vaults recoverable.
        assertThat(schema.dataSource(Azurerm.DATA_FUNCTION_APP_HOST_KEYS).orElseThrow().path("attributes")
                .path(Azurerm.BLOBS_EXTENSION_KEY).path("sensitive").asBoolean()).isTrue();
        // The function key API Management sends; the revision an API needs; the type a template parameter needs.
        assertThat(schema.dataSource(Azurerm.DATA_FUNCTION_APP_HOST_KEYS).orElseThrow().path("attributes")
                .path(Azurerm.DEFAULT_FUNCTION_KEY).path("sensitive").asBoolean()).isTrue();
        assertThat(AzurermSchema.at(schema.resource(Azurerm.API_MANAGEMENT_API).orElseThrow(), "revision")
                .orElseThrow().path("required").asBoolean()).isTrue();
        assertThat(AzurermSchema.at(schema.resource(Azurerm.API_MANAGEMENT_API_OPERATION).orElseThrow(),
                "template_parameter.type").orElseThrow().path("required").asBoolean()).isTrue();
        JsonNode keyVault = AzurermSchema.at(schema.providerBlock(), "features.key_vault").orElseThrow();
        assertThat(keyVault.path("attributes").has("purge_soft_delete_on_destroy")).isTrue();
        assertThat(keyVault.path("attributes").has("purge_soft_deleted_secrets_on_destroy")).isTrue();
    }

    @Test
    void argumentsAFunctionAppTypeLacksAreMissingFromItsSchemaAndPresentOnLinuxApps() {
        JsonNode flex = schema.resource(AppType.FLEX.resourceType()).orElseThrow();
        JsonNode linux = schema.resource(AppType.LINUX.resourceType()).orElseThrow();
        JsonNode slot = schema.resource(AppType.SLOT.resourceType()).orElseThrow();
        for (String path : AppType.FLEX.missing()) {
            assertThat(AzurermSchema.at(flex, path)).as(path).isEmpty();
            assertThat(AzurermSchema.at(linux, path)).as(path).isPresent();
            assertThat(AzurermSchema.at(slot, path)).as(path).isPresent();
        }
        assertThat(AppType.LINUX.missing()).isEmpty();
        assertThat(AppType.SLOT.missing()).isEmpty();
    }

    @Test
    void everyModelAttributeIsAnAttributeOfTheTypesThatHaveIt() {
        Map<Value.Attribute, List<String>> types = Map.of(
                Value.Attribute.PRINCIPAL_ID, List.of(Azurerm.USER_ASSIGNED_IDENTITY),
                Value.Attribute.CLIENT_ID, List.of(Azurerm.USER_ASSIGNED_IDENTITY),
                Value.Attribute.CONNECTION_STRING, List.of(Azurerm.APPLICATION_INSIGHTS),
                Value.Attribute.BLOB_ENDPOINT, List.of(Azurerm.STORAGE_ACCOUNT),
                Value.Attribute.QUEUE_ENDPOINT, List.of(Azurerm.STORAGE_ACCOUNT),
                Value.Attribute.DEFAULT_HOST_NAME, List.of(Azurerm.FLEX_FUNCTION_APP, Azurerm.LINUX_FUNCTION_APP,
                        Azurerm.LINUX_FUNCTION_APP_SLOT),
                Value.Attribute.DOCUMENT_ENDPOINT, List.of(Azurerm.COSMOSDB_ACCOUNT),
                Value.Attribute.VAULT_URI, List.of(Azurerm.KEY_VAULT),
                Value.Attribute.SECRET_URI, List.of(Azurerm.KEY_VAULT_SECRET),
                Value.Attribute.TOPIC_ENDPOINT, List.of(Azurerm.EVENTGRID_TOPIC));
        List<String> all = List.of(Azurerm.LOG_ANALYTICS_WORKSPACE, Azurerm.APPLICATION_INSIGHTS,
                Azurerm.STORAGE_ACCOUNT, Azurerm.STORAGE_CONTAINER, Azurerm.STORAGE_QUEUE, Azurerm.USER_ASSIGNED_IDENTITY,
                Azurerm.ROLE_ASSIGNMENT, Azurerm.SERVICE_PLAN, Azurerm.FLEX_FUNCTION_APP, Azurerm.LINUX_FUNCTION_APP,
                Azurerm.LINUX_FUNCTION_APP_SLOT, Azurerm.SERVICEBUS_NAMESPACE, Azurerm.SERVICEBUS_QUEUE,
                Azurerm.SERVICEBUS_TOPIC, Azurerm.SERVICEBUS_SUBSCRIPTION, Azurerm.SERVICEBUS_SUBSCRIPTION_RULE,
                Azurerm.EVENTGRID_TOPIC, Azurerm.EVENTGRID_SYSTEM_TOPIC, Azurerm.EVENTGRID_EVENT_SUBSCRIPTION,
                Azurerm.EVENTGRID_SYSTEM_TOPIC_EVENT_SUBSCRIPTION, Azurerm.EVENTHUB_NAMESPACE, Azurerm.EVENTHUB,
                Azurerm.EVENTHUB_CONSUMER_GROUP, Azurerm.COSMOSDB_ACCOUNT, Azurerm.COSMOSDB_SQL_DATABASE,
                Azurerm.COSMOSDB_SQL_CONTAINER, Azurerm.COSMOSDB_SQL_ROLE_ASSIGNMENT, Azurerm.KEY_VAULT,
                Azurerm.KEY_VAULT_SECRET, Azurerm.API_MANAGEMENT, Azurerm.API_MANAGEMENT_API,
                Azurerm.API_MANAGEMENT_API_OPERATION, Azurerm.API_MANAGEMENT_BACKEND, Azurerm.API_MANAGEMENT_NAMED_VALUE,
                Azurerm.API_MANAGEMENT_PRODUCT, Azurerm.API_MANAGEMENT_PRODUCT_API, Azurerm.API_MANAGEMENT_SUBSCRIPTION);
        // Policies are left out: the model never reads a policy's name (always "policy") or id.
        for (Value.Attribute attribute : Value.Attribute.values()) {
            for (String type : types.getOrDefault(attribute, all)) {
                JsonNode block = schema.resource(type).orElseThrow();
                assertThat(block.path("attributes").has(Azurerm.attribute(type, attribute))).as(type + " " + attribute)
                        .isTrue();
            }
        }
        // A secret's id is its data-plane URL; the ARM id, which role assignments are scoped to, has its own name.
        assertThat(Azurerm.attribute(Azurerm.KEY_VAULT_SECRET, Value.Attribute.ID))
                .isEqualTo("resource_versionless_id");
        assertThat(Azurerm.attribute(Azurerm.KEY_VAULT, Value.Attribute.ID)).isEqualTo("id");
        // Outputs that read a connection string must be sensitive: the schema marks it so.
        assertThat(schema.resource(Azurerm.APPLICATION_INSIGHTS).orElseThrow()
                .path("attributes").path("connection_string").path("sensitive").asBoolean()).isTrue();
    }

    @Test
    void applicationStacksUseItsArgumentsAndTheDocumentedVersionsAreTheSchemasOwn() {
        JsonNode stack = AzurermSchema.at(schema.resource(Azurerm.LINUX_FUNCTION_APP).orElseThrow(),
                "site_config.application_stack").orElseThrow();
        for (Azurerm.Stack s : Azurerm.STACKS.values()) {
            if (!s.versionArgument().isEmpty()) {
                assertThat(stack.path("attributes").has(s.versionArgument())).as(s.versionArgument()).isTrue();
            }
            s.flags().keySet().forEach(flag -> assertThat(stack.path("attributes").path(flag).path("type").asText())
                    .as(flag).isEqualTo("bool"));
        }
        Pattern value = Pattern.compile("`([0-9.]+)`");
        for (Map.Entry<String, List<String>> documented : Azurerm.DOCUMENTED_STACK_VERSIONS.entrySet()) {
            String description = stack.path("attributes").path(documented.getKey()).path("description").asText();
            List<String> values = new ArrayList<>();
            for (Matcher m = value.matcher(description); m.find(); ) {
                values.add(m.group(1));
            }
            assertThat(values).as(documented.getKey()).containsExactlyElementsOf(documented.getValue());
        }
    }

    @Test
    void theProviderBlockSettingsExist() {
        JsonNode provider = schema.providerBlock();
        assertThat(provider.path("attributes").has("storage_use_azuread")).isTrue();
        assertThat(provider.path("attributes").has("subscription_id")).isTrue();
        assertThat(provider.path("block_types").has("features")).isTrue();
    }
}
