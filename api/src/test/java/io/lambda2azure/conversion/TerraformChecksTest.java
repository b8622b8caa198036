package io.lambda2azure.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambda2azure.Conversion;
import io.lambda2azure.ConversionOptions;
import io.lambda2azure.Lambda2Azure;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.schema.AzurermSchemaCheck;
import io.lambda2azure.schema.BicepResources;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Terraform output checked by HashiCorp's own HCL parser and formatter (from npm, installed by
 * tools/setup-node-tools), against the azurerm provider schema, by checkov, and against the Bicep output of
 * the same conversion: both must describe the same resources with the same key settings.
 */
class TerraformChecksTest {

    @TempDir
    static Path output;

    @BeforeAll
    static void convertEveryExample() throws Exception {
        Optional<String> skip = TerraformValidators.skipReason();
        Assumptions.assumeTrue(skip.isEmpty(), () -> "skipped: " + skip.orElse(""));
        for (Path template : ExamplesGoldenTest.examples()) {
            for (PlanKind plan : PlanKind.values()) {
                Lambda2Azure.write(Lambda2Azure.convert(template, ConversionOptions.both(plan)),
                        output.resolve(template.getParent().getFileName().toString()).resolve(plan.id()));
            }
        }
    }

    static List<Path> files(Path root, String suffix) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void everyTerraformFileParsesAndIsFormattedLikeTerraformFmt() throws Exception {
        List<Path> tf = files(output, ".tf");
        assertThat(tf).hasSizeGreaterThanOrEqualTo(64);
        assertThat(TerraformValidators.hclProblems(tf)).isEmpty();
    }

    @Test
    void everyResourceConformsToTheAzurermSchema() throws Exception {
        AzurermSchemaCheck check = AzurermSchemaCheck.shared().orElse(null);
        Assumptions.assumeTrue(check != null, "skipped: ../shared/azure-schemas/azurerm is absent");
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> file : hcl2json(files(output, ".tf")).entrySet()) {
            violations.addAll(check.check(file.getKey(), file.getValue()));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void terraformAndBicepDescribeTheSameResources() throws Exception {
        List<String> differences = new ArrayList<>();
        int compared = 0;
        try (Stream<Path> dirs = Files.walk(output, 2)) {
            for (Path dir : dirs.filter(d -> Files.isDirectory(d.resolve("bicep"))).sorted().toList()) {
                Map<String, String> bicep = fromBicep(dir.resolve("bicep/main.bicep"));
                Map<String, String> terraform = fromTerraform(hcl2json(List.of(dir.resolve("terraform/main.tf")))
                        .values().iterator().next());
                if (!bicep.equals(terraform)) {
                    TreeSet<String> keys = new TreeSet<>(bicep.keySet());
                    keys.addAll(terraform.keySet());
                    for (String key : keys) {
                        if (!java.util.Objects.equals(bicep.get(key), terraform.get(key))) {
                            differences.add(output.relativize(dir) + " " + key + ": bicep=" + bicep.get(key)
                                    + " terraform=" + terraform.get(key));
                        }
                    }
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(16);
        assertThat(differences).isEmpty();
    }

    /**
     * checkov's Terraform checks that may fail, with the reason; the same findings as for Bicep where
     * checkov has the check in both languages (IndependentValidatorsTest), plus Terraform-only ones.
     */
    private static final Map<String, String> ACCEPTED = new TreeMap<>(Map.ofEntries(
            Map.entry("CKV_AZURE_17", "client certificates would make every caller of a migrated HTTP API present"
                    + " one; API Gateway did not require them"),
            Map.entry("CKV_AZURE_35", "denying storage network access by default cuts the Functions host off its"
                    + " storage unless the app is in a virtual network with private endpoints"),
            Map.entry("CKV_AZURE_206", "host storage keeps only keys, locks and the deployment package; locally"
                    + " redundant as in Microsoft's Functions samples"),
            Map.entry("CKV_AZURE_212", "a minimum instance count for failover bills idle instances"),
            Map.entry("CKV_AZURE_213", "a health check probes a path the app must serve; Lambda functions have none"),
            Map.entry("CKV_AZURE_222", "disabling public network access makes HTTP-triggered functions unreachable"),
            Map.entry("CKV_AZURE_225", "zone redundancy bills at least two always-running instances"),
            Map.entry("CKV_AZURE_56", "App Service authentication needs an identity provider registration the"
                    + " template cannot know; Lambda functions had no such setting (deviation L2A204 covers auth)"),
            Map.entry("CKV_AZURE_57", "CORS rules are carried over from the API as written (deviation L2A206)"),
            Map.entry("CKV_AZURE_62", "IP restrictions would close the migrated public HTTP API to its callers"),
            Map.entry("CKV_AZURE_33", "queue service logging is for queue-triggered apps' own storage; the host"
                    + " storage sends its logs to Application Insights"),
            Map.entry("CKV_AZURE_59", "public network access on the host storage is needed by Consumption and Flex"
                    + " apps without a virtual network"),
            Map.entry("CKV_AZURE_190", "blob public access is already off (allow_nested_items_to_be_public = false);"
                    + " the check looks for another argument"),
            Map.entry("CKV2_AZURE_1", "customer-managed keys need a Key Vault and key the template does not have"),
            Map.entry("CKV2_AZURE_33", "private endpoints for host storage need a virtual network"),
            Map.entry("CKV2_AZURE_38", "soft delete is a data-retention choice for the platform team"),
            Map.entry("CKV2_AZURE_40", "shared key access is disabled; the check flags the provider default"),
            Map.entry("CKV_AZURE_221", "disabling public network access makes HTTP-triggered functions unreachable"
                    + " (the Terraform twin of CKV_AZURE_222)"),
            Map.entry("CKV2_AZURE_21", "blob read logging needs diagnostic settings billed per GB; the host storage"
                    + " holds only the host's own state"),
            Map.entry("CKV_AZURE_41", "an expiry date stops every app reading the secret when it passes; Secrets"
                    + " Manager secrets had none"),
            Map.entry("CKV_AZURE_109", "a vault firewall needs the apps' outbound addresses or a virtual network;"
                    + " access is by Microsoft Entra RBAC only"),
            Map.entry("CKV_AZURE_189", "disabling the vault's public network access needs private endpoints in a"
                    + " virtual network (the Terraform twin of the Bicep check)"),
            Map.entry("CKV2_AZURE_32", "private endpoints for the vault need a virtual network the migrated"
                    + " functions may not have"),
            Map.entry("CKV_AZURE_107", "the Consumption tier of API Management, billed per call like API Gateway, has"
                    + " no virtual network integration (the same finding as in Bicep)"),
            Map.entry("CKV_AZURE_174", "API Management's gateway is the public entry point that replaces API Gateway;"
                    + " disabling its public network access would make the migrated API unreachable (the same finding"
                    + " as in Bicep)")));

    @Test
    void checkovFindsNoFailedCheckOnFunctionAppsStorageKeyVaultOrIdentity() throws Exception {
        Optional<String> skip = TerraformValidators.checkovSkipReason();
        Assumptions.assumeTrue(skip.isEmpty(), () -> "skipped: " + skip.orElse(""));
        List<String> failures = TerraformValidators.checkovFailures(output, resource ->
                resource.startsWith("azurerm_function_app") || resource.startsWith("azurerm_linux_function_app")
                        || resource.startsWith("azurerm_service_plan") || resource.startsWith("azurerm_storage_")
                        || resource.startsWith("azurerm_key_vault") || resource.startsWith("azurerm_user_assigned_identity")
                        || resource.startsWith("azurerm_role_assignment") || resource.startsWith("azurerm_api_management"));
        List<String> unexpected = failures.stream().filter(f -> !ACCEPTED.containsKey(f.split(" ")[0])).toList();
        // checkov 3.3.30 has no checks for azurerm_function_app_flex_consumption: the Flex apps are checked
        // only through their plan, storage, identity and role assignments (said here rather than skipped).
        assertThat(unexpected).as("failed checkov Terraform checks").isEmpty();
    }

    /**
     * Checks checkov has in both languages but judges differently on the same settings, with the reason.
     * The test fails when one of these stops differing.
     */
    private static final Map<String, String> JUDGED_DIFFERENTLY = Map.of(
            "CKV_AZURE_59", "the Bicep check passes a storage account that does not set publicNetworkAccess, the"
                    + " Terraform check fails the same account because azurerm's public_network_access_enabled"
                    + " defaults to true; both outputs leave public network access at the platform default",
            "CKV_AZURE_140", "both outputs turn Cosmos DB local authentication off (disableLocalAuth: true,"
                    + " local_authentication_enabled = false); checkov 3.3.30 reads only azurerm's deprecated"
                    + " local_authentication_disabled argument");

    @Test
    void checkovJudgesBothLanguagesAlikeWhereItHasTheSameCheck() throws Exception {
        Optional<String> skip = TerraformValidators.checkovSkipReason();
        Assumptions.assumeTrue(skip.isEmpty(), () -> "skipped: " + skip.orElse(""));
        Process process = new ProcessBuilder(".venv/bin/checkov", "--directory", output.toString(), "--framework",
                "bicep", "terraform", "--output", "json", "--compact", "--skip-download")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        JsonNode report = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
        // (example/plan, check id, resource symbol) -> framework -> passed or failed
        Map<String, Map<String, String>> outcomes = new TreeMap<>();
        for (JsonNode framework : report.isArray() ? report : new ObjectMapper().createArrayNode().add(report)) {
            String type = framework.path("check_type").asText();
            for (String kind : List.of("passed_checks", "failed_checks")) {
                for (JsonNode check : framework.path("results").path(kind)) {
                    String[] path = check.path("file_path").asText().replaceFirst("^/", "").split("/");
                    String resource = check.path("resource").asText();
                    String key = path[0] + "/" + path[1] + " " + check.path("check_id").asText() + " "
                            + label(resource.substring(resource.lastIndexOf('.') + 1));
                    outcomes.computeIfAbsent(key, k -> new TreeMap<>()).put(type, kind);
                }
            }
        }
        List<String> differences = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        int compared = 0;
        for (Map.Entry<String, Map<String, String>> outcome : outcomes.entrySet()) {
            if (outcome.getValue().size() < 2) {
                continue;
            }
            compared++;
            String check = outcome.getKey().split(" ")[1];
            if (!outcome.getValue().get("bicep").equals(outcome.getValue().get("terraform"))) {
                seen.add(check);
                if (!JUDGED_DIFFERENTLY.containsKey(check)) {
                    differences.add(outcome.getKey() + ": " + outcome.getValue());
                }
            }
        }
        assertThat(compared).as("checks checkov ran on both outputs of the same resource").isGreaterThan(100);
        assertThat(differences).isEmpty();
        assertThat(JUDGED_DIFFERENTLY.keySet()).as("listed differences that still occur").isEqualTo(seen);
    }

    @Test
    void everyCorpusTemplateConvertsToTerraformThatParsesFormatsAndConforms(@TempDir Path corpusOut) throws Exception {
        AzurermSchemaCheck check = AzurermSchemaCheck.shared().orElse(null);
        Assumptions.assumeTrue(check != null, "skipped: ../shared/azure-schemas/azurerm is absent");
        int converted = 0;
        for (Path template : CorpusConversionTest.corpusTemplates()) {
            for (PlanKind plan : PlanKind.values()) {
                Conversion conversion;
                try {
                    conversion = Lambda2Azure.convert(template, new io.lambda2azure.ConversionOptions(
                            Optional.of(plan), false, java.util.EnumSet.of(io.lambda2azure.Target.TERRAFORM)));
                } catch (io.lambda2azure.core.source.InvalidInputException e) {
                    break;
                }
                Path dir = corpusOut.resolve(template.getParent().getFileName() + "-" + template.getFileName()
                        + "-" + plan.id());
                for (Map.Entry<String, String> file : conversion.files().entrySet()) {
                    if (file.getKey().endsWith(".tf")) {
                        Path target = dir.resolve(file.getKey().substring("terraform/".length()));
                        Files.createDirectories(target.getParent());
                        Files.writeString(target, file.getValue());
                    }
                }
                converted++;
            }
        }
        assertThat(converted).isGreaterThan(1900);
        List<Path> tf = files(corpusOut, ".tf");
        List<String> problems = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (int from = 0; from < tf.size(); from += 400) {
            List<Path> batch = tf.subList(from, Math.min(tf.size(), from + 400));
            problems.addAll(TerraformValidators.hclProblems(batch));
            for (Map.Entry<String, JsonNode> file : hcl2json(batch).entrySet()) {
                violations.addAll(check.check(file.getKey(), file.getValue()));
            }
        }
        assertThat(problems).as("HCL parse and format problems in %d files", tf.size()).isEmpty();
        assertThat(violations).as("azurerm schema violations in %d files", tf.size()).isEmpty();
    }

    // ------------------------------------------------------------------ extraction from the emitted text

    /**
     * Settings azurerm writes as arguments instead (storage_account_name with storage_uses_managed_identity,
     * functions_extension_version, application_stack, application_insights_connection_string): its read code
     * moves them out of app_settings, so listing them there would show a change on every plan.
     */
    private static boolean providerManaged(String setting) {
        return setting.startsWith("AzureWebJobsStorage") || setting.equals("FUNCTIONS_EXTENSION_VERSION")
                || setting.equals("FUNCTIONS_WORKER_RUNTIME") || setting.equals("APPLICATIONINSIGHTS_CONNECTION_STRING");
    }

    private static String label(String symbol) {
        return symbol.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    static Map<String, String> fromBicep(Path file) {
        Map<String, String> facts = new TreeMap<>();
        for (BicepResources.Resource r : BicepResources.read(file)) {
            String key = label(r.symbol());
            switch (r.type()) {
                case "Microsoft.Web/sites", "Microsoft.Web/sites/slots" -> {
                    facts.put(key, r.type().endsWith("slots") ? "slot" : "function app");
                    TreeSet<String> settings = new TreeSet<>();
                    r.body().at("properties.siteConfig.appSettings").ifPresent(v -> {
                        for (BicepResources.Value item : ((BicepResources.ArrayValue) v).items()) {
                            ((BicepResources.ObjectValue) item).get("name").map(TerraformChecksTest::lit)
                                    .filter(n -> !providerManaged(n)).ifPresent(settings::add);
                        }
                    });
                    facts.put(key + ".appSettings", settings.toString());
                    r.body().at("properties.functionAppConfig.runtime.name").map(TerraformChecksTest::lit).ifPresent(n ->
                            facts.put(key + ".runtime", n + " " + r.body().at("properties.functionAppConfig.runtime.version")
                                    .map(TerraformChecksTest::lit).orElse("")));
                    r.body().at("properties.siteConfig.linuxFxVersion").map(TerraformChecksTest::lit).ifPresent(fx ->
                            facts.put(key + ".runtime", fx.toLowerCase(java.util.Locale.ROOT).replace("dotnet-isolated",
                                    "dotnet-isolated").replace('|', ' ')));
                    r.body().at("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB")
                            .map(BicepResources.Value::text).ifPresent(m -> facts.put(key + ".memory", m));
                }
                case "Microsoft.Web/serverfarms" -> facts.put(key, "plan " + r.body().at("sku.name")
                        .map(TerraformChecksTest::lit).orElse(""));
                case "Microsoft.Storage/storageAccounts" -> facts.put(key, "storage " + r.body().at("sku.name")
                        .map(TerraformChecksTest::lit).orElse(""));
                case "Microsoft.Storage/storageAccounts/blobServices/containers" -> facts.put(key, "container");
                case "Microsoft.ManagedIdentity/userAssignedIdentities" -> facts.put(key, "identity");
                case "Microsoft.Insights/components" -> facts.put(key, "application insights");
                case "Microsoft.OperationalInsights/workspaces" -> facts.put(key, "log analytics");
                case "Microsoft.Authorization/roleAssignments" -> facts.put(key, "role " + guid(r.body()
                        .at("properties.roleDefinitionId").map(BicepResources.Value::text).orElse("")) + " on "
                        + label(r.body().get("scope").map(BicepResources.Value::text).orElse("")));
                case "Microsoft.ServiceBus/namespaces" -> facts.put(key, "service bus " + bicep(r, "sku.name")
                        + " local auth off " + bicep(r, "properties.disableLocalAuth"));
                case "Microsoft.ServiceBus/namespaces/queues" -> facts.put(key, "queue sessions "
                        + bicep(r, "properties.requiresSession"));
                case "Microsoft.ServiceBus/namespaces/topics" -> facts.put(key, "topic");
                case "Microsoft.ServiceBus/namespaces/topics/subscriptions" -> facts.put(key, "subscription deliveries "
                        + bicep(r, "properties.maxDeliveryCount") + " forward to "
                        + label(bicep(r, "properties.forwardTo").replaceAll("\\..*", "")));
                case "Microsoft.ServiceBus/namespaces/topics/subscriptions/rules" -> facts.put(key, "rule "
                        + bicep(r, "properties.sqlFilter.sqlExpression"));
                case "Microsoft.EventGrid/topics" -> facts.put(key, "event grid topic local auth off "
                        + bicep(r, "properties.disableLocalAuth"));
                case "Microsoft.EventGrid/systemTopics" -> facts.put(key, "system topic "
                        + bicep(r, "properties.topicType"));
                case "Microsoft.EventGrid/eventSubscriptions", "Microsoft.EventGrid/systemTopics/eventSubscriptions" ->
                        facts.put(key, "event subscription to " + bicep(r, "properties.destination.endpointType"));
                case "Microsoft.EventHub/namespaces" -> facts.put(key, "event hubs " + bicep(r, "sku.name")
                        + " local auth off " + bicep(r, "properties.disableLocalAuth"));
                case "Microsoft.EventHub/namespaces/eventhubs" -> facts.put(key, "event hub partitions "
                        + bicep(r, "properties.partitionCount"));
                case "Microsoft.EventHub/namespaces/eventhubs/consumergroups" -> facts.put(key, "consumer group");
                case "Microsoft.DocumentDB/databaseAccounts" -> facts.put(key, "cosmos serverless "
                        + r.body().at("properties.capabilities").isPresent() + " local auth off "
                        + bicep(r, "properties.disableLocalAuth"));
                case "Microsoft.DocumentDB/databaseAccounts/sqlDatabases" -> facts.put(key, "cosmos database");
                case "Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers" -> facts.put(key,
                        "cosmos container");
                case "Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments" -> facts.put(key, "cosmos role "
                        + guid(bicep(r, "properties.roleDefinitionId")));
                case "Microsoft.KeyVault/vaults" -> facts.put(key, "key vault rbac "
                        + bicep(r, "properties.enableRbacAuthorization") + " purge protection "
                        + r.body().at("properties.enablePurgeProtection").map(TerraformChecksTest::lit)
                        .orElse("false"));
                case "Microsoft.KeyVault/vaults/secrets" -> facts.put(key, "secret");
                case "Microsoft.ApiManagement/service" -> facts.put(key, "api management " + bicep(r, "sku.name"));
                case "Microsoft.ApiManagement/service/apis" -> facts.put(key, "api " + bicep(r, "properties.path")
                        + " keys " + bicep(r, "properties.subscriptionRequired"));
                case "Microsoft.ApiManagement/service/apis/operations" -> facts.put(key, "operation "
                        + bicep(r, "properties.method") + " " + bicep(r, "properties.urlTemplate"));
                case "Microsoft.ApiManagement/service/apis/policies",
                        "Microsoft.ApiManagement/service/apis/operations/policies",
                        "Microsoft.ApiManagement/service/products/policies" -> facts.put(key, "policy");
                case "Microsoft.ApiManagement/service/backends" -> facts.put(key, "backend "
                        + bicep(r, "properties.protocol"));
                case "Microsoft.ApiManagement/service/namedValues" -> facts.put(key, "named value secret "
                        + bicep(r, "properties.secret"));
                case "Microsoft.ApiManagement/service/products" -> facts.put(key, "product subscription "
                        + bicep(r, "properties.subscriptionRequired"));
                case "Microsoft.ApiManagement/service/products/apis" -> facts.put(key, "product api");
                case "Microsoft.ApiManagement/service/subscriptions" -> facts.put(key, "subscription "
                        + bicep(r, "properties.state"));
                default -> {
                    // blobServices and basicPublishingCredentialsPolicies are Bicep's way of writing what
                    // azurerm expresses as arguments of the account and the app.
                }
            }
        }
        return facts;
    }

    static Map<String, String> fromTerraform(JsonNode config) {
        Map<String, String> facts = new TreeMap<>();
        for (Map.Entry<String, JsonNode> type : config.path("resource").properties()) {
            for (Map.Entry<String, JsonNode> name : type.getValue().properties()) {
                String key = label(name.getKey());
                JsonNode body = name.getValue().get(0);
                switch (type.getKey()) {
                    case "azurerm_function_app_flex_consumption", "azurerm_linux_function_app",
                            "azurerm_linux_function_app_slot" -> {
                        facts.put(key, type.getKey().endsWith("_slot") ? "slot" : "function app");
                        TreeSet<String> settings = new TreeSet<>();
                        body.path("app_settings").fieldNames().forEachRemaining(n -> {
                            if (!providerManaged(n)) {
                                settings.add(n);
                            }
                        });
                        facts.put(key + ".appSettings", settings.toString());
                        if (body.has("runtime_name")) {
                            facts.put(key + ".runtime", body.path("runtime_name").asText() + " "
                                    + body.path("runtime_version").asText(""));
                            facts.put(key + ".memory", body.path("instance_memory_in_mb").asText());
                        }
                        JsonNode stack = body.path("site_config").path(0).path("application_stack").path(0);
                        stackRuntime(stack).ifPresent(runtime -> facts.put(key + ".runtime", runtime));
                    }
                    case "azurerm_service_plan" -> facts.put(key, "plan " + body.path("sku_name").asText());
                    case "azurerm_storage_account" -> facts.put(key, "storage " + body.path("account_tier").asText()
                            + "_" + body.path("account_replication_type").asText());
                    case "azurerm_storage_container" -> facts.put(key, "container");
                    case "azurerm_user_assigned_identity" -> facts.put(key, "identity");
                    case "azurerm_application_insights" -> facts.put(key, "application insights");
                    case "azurerm_log_analytics_workspace" -> facts.put(key, "log analytics");
                    case "azurerm_role_assignment" -> facts.put(key, "role " + guid(body.path("role_definition_id")
                            .asText()) + " on " + label(address(body.path("scope").asText())));
                    case "azurerm_servicebus_namespace" -> facts.put(key, "service bus " + body.path("sku").asText()
                            + " local auth off " + !body.path("local_auth_enabled").asBoolean(true));
                    case "azurerm_servicebus_queue" -> facts.put(key, "queue sessions "
                            + body.path("requires_session").asBoolean(false));
                    case "azurerm_servicebus_topic" -> facts.put(key, "topic");
                    case "azurerm_servicebus_subscription" -> facts.put(key, "subscription deliveries "
                            + body.path("max_delivery_count").asText() + " forward to "
                            + label(address(body.path("forward_to").asText(""))));
                    case "azurerm_servicebus_subscription_rule" -> facts.put(key, "rule "
                            + body.path("sql_filter").asText());
                    case "azurerm_eventgrid_topic" -> facts.put(key, "event grid topic local auth off "
                            + !body.path("local_auth_enabled").asBoolean(true));
                    case "azurerm_eventgrid_system_topic" -> facts.put(key, "system topic "
                            + body.path("topic_type").asText());
                    case "azurerm_eventgrid_event_subscription", "azurerm_eventgrid_system_topic_event_subscription" ->
                            facts.put(key, "event subscription to " + (body.has("azure_function_endpoint")
                                    ? "AzureFunction" : body.has("webhook_endpoint") ? "WebHook" : "?"));
                    case "azurerm_eventhub_namespace" -> facts.put(key, "event hubs " + body.path("sku").asText()
                            + " local auth off " + !body.path("local_authentication_enabled").asBoolean(true));
                    case "azurerm_eventhub" -> facts.put(key, "event hub partitions "
                            + body.path("partition_count").asText());
                    case "azurerm_eventhub_consumer_group" -> facts.put(key, "consumer group");
                    case "azurerm_cosmosdb_account" -> facts.put(key, "cosmos serverless " + body.has("capabilities")
                            + " local auth off " + !body.path("local_authentication_enabled").asBoolean(true));
                    case "azurerm_cosmosdb_sql_database" -> facts.put(key, "cosmos database");
                    case "azurerm_cosmosdb_sql_container" -> facts.put(key, "cosmos container");
                    case "azurerm_cosmosdb_sql_role_assignment" -> facts.put(key, "cosmos role "
                            + guid(body.path("role_definition_id").asText()));
                    case "azurerm_key_vault" -> facts.put(key, "key vault rbac "
                            + body.path("rbac_authorization_enabled").asBoolean(false) + " purge protection "
                            + body.path("purge_protection_enabled").asBoolean(false));
                    case "azurerm_key_vault_secret" -> facts.put(key, "secret");
                    case "azurerm_api_management" -> facts.put(key, "api management "
                            + body.path("sku_name").asText().replaceAll("_\\d+$", ""));
                    case "azurerm_api_management_api" -> facts.put(key, "api " + body.path("path").asText() + " keys "
                            + body.path("subscription_required").asBoolean(true));
                    case "azurerm_api_management_api_operation" -> facts.put(key, "operation "
                            + body.path("method").asText() + " " + body.path("url_template").asText());
                    case "azurerm_api_management_api_policy", "azurerm_api_management_api_operation_policy",
                            "azurerm_api_management_product_policy" -> facts.put(key, "policy");
                    case "azurerm_api_management_backend" -> facts.put(key, "backend " + body.path("protocol").asText());
                    case "azurerm_api_management_named_value" -> facts.put(key, "named value secret "
                            + body.path("secret").asBoolean(false));
                    case "azurerm_api_management_product" -> facts.put(key, "product subscription "
                            + body.path("subscription_required").asBoolean(true));
                    case "azurerm_api_management_product_api" -> facts.put(key, "product api");
                    case "azurerm_api_management_subscription" -> facts.put(key, "subscription "
                            + body.path("state").asText());
                    default -> facts.put(key, "unexpected " + type.getKey());
                }
            }
        }
        return facts;
    }

    /** The runtime an application_stack block selects, as "name version". */
    private static Optional<String> stackRuntime(JsonNode stack) {
        if (stack.isMissingNode()) {
            return Optional.empty();
        }
        if (stack.has("python_version")) {
            return Optional.of("python " + stack.path("python_version").asText());
        }
        if (stack.has("node_version")) {
            return Optional.of("node " + stack.path("node_version").asText());
        }
        if (stack.has("java_version")) {
            return Optional.of("java " + stack.path("java_version").asText());
        }
        if (stack.has("powershell_core_version")) {
            return Optional.of("powershell " + stack.path("powershell_core_version").asText());
        }
        if (stack.has("dotnet_version")) {
            return Optional.of("dotnet-isolated " + stack.path("dotnet_version").asText());
        }
        return Optional.empty();
    }

    /** The literal value or expression text at a path of a Bicep resource's body, empty when it is not there. */
    private static String bicep(BicepResources.Resource r, String path) {
        return r.body().at(path).map(TerraformChecksTest::lit).orElse("");
    }

    /** A literal's value, or an expression's text. */
    static String lit(BicepResources.Value value) {
        return value instanceof BicepResources.StringLiteral s ? s.value() : value.text();
    }

    private static String guid(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}")
                .matcher(text);
        return m.find() ? m.group() : text;
    }

    /** {@code ${azurerm_storage_account.host_storage.id}} → {@code host_storage}. */
    private static String address(String reference) {
        String[] parts = reference.replace("${", "").replace("}", "").split("\\.");
        return parts.length >= 2 ? parts[1].replaceAll("\\[0]$", "") : reference;
    }

    static Map<String, JsonNode> hcl2json(List<Path> files) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "tools/hcl2json.mjs"));
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("hcl2json parses every file").isZero();
        JsonNode all = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
        Map<String, JsonNode> result = new TreeMap<>();
        all.properties().forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }
}
