package io.lambda2azure.emitters;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.AdvancedFilter;
import io.lambda2azure.core.azure.AzureResource.CosmosSqlRoleAssignment;
import io.lambda2azure.core.azure.AzureResource.EventGridSubscription;
import io.lambda2azure.core.azure.AzureResource.FunctionApp;
import io.lambda2azure.core.azure.AzureResource.KeyVault;
import io.lambda2azure.core.azure.AzureResource.ServiceBusNamespace;
import io.lambda2azure.core.azure.AzureResource.ServiceBusSubscription;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.emitters.bicep.BicepEmitter;
import io.lambda2azure.emitters.fixtures.Fixtures;
import io.lambda2azure.emitters.terraform.TerraformEmitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static io.lambda2azure.emitters.fixtures.Fixtures.onProperty;
import static io.lambda2azure.emitters.fixtures.Fixtures.onResource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The messaging, event and data resources in both languages at once: the same deviation keys land above the lines
 * that write them, the same settings are written or left out, and the same invalid models are refused.
 */
class EventResourcesInBothLanguagesTest {

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
            new Key("bus", "name", "name", "name"),
            new Key("bus", "sku", "sku", "sku"),
            new Key("bus", "minimumTlsVersion", "minimumTlsVersion", "minimum_tls_version"),
            new Key("bus", "disableLocalAuth", "disableLocalAuth", "local_auth_enabled"),
            new Key("ordersQueue", "requiresSession", "requiresSession", "requires_session"),
            new Key("ordersQueue", "requiresDuplicateDetection", "requiresDuplicateDetection",
                    "requires_duplicate_detection"),
            new Key("ordersQueue", "lockDuration", "lockDuration", "lock_duration"),
            new Key("ordersQueue", "maxDeliveryCount", "maxDeliveryCount", "max_delivery_count"),
            new Key("ordersQueue", "defaultMessageTimeToLive", "defaultMessageTimeToLive", "default_message_ttl"),
            new Key("ordersQueue", "deadLetteringOnMessageExpiration", "deadLetteringOnMessageExpiration",
                    "dead_lettering_on_message_expiration"),
            new Key("orderEvents", "supportOrdering", "supportOrdering", "support_ordering"),
            new Key("orderEvents", "requiresDuplicateDetection", "requiresDuplicateDetection",
                    "requires_duplicate_detection"),
            new Key("ordersForward", "maxDeliveryCount", "maxDeliveryCount", "max_delivery_count"),
            new Key("ordersForward", "requiresSession", "requiresSession", "requires_session"),
            new Key("ordersForward", "forwardTo", "forwardTo", "forward_to"),
            new Key("auditSubscription", "lockDuration", "lockDuration", "lock_duration"),
            new Key("auditLargeOrders", "sqlExpression", "sqlFilter", "sql_filter"),
            new Key("shippingEvents", "inputSchema", "inputSchema", "input_schema"),
            new Key("shippingEvents", "disableLocalAuth", "disableLocalAuth", "local_auth_enabled"),
            new Key("storageEvents", "sourceResource", "source", "source_resource_id"),
            new Key("storageEvents", "topicType", "topicType", "topic_type"),
            new Key("orderShipped", "destination", "destination", "azure_function_endpoint"),
            new Key("orderShipped", "deliverySchema", "eventDeliverySchema", "event_delivery_schema"),
            new Key("orderShipped", "includedEventTypes", "includedEventTypes", "included_event_types"),
            new Key("orderShipped", "advancedFilters", "advancedFilters", "advanced_filter"),
            new Key("orderShipped", "maxDeliveryAttempts", "retryPolicy", "retry_policy"),
            new Key("thumbnailUploads", "destination", "destination", "webhook_endpoint"),
            new Key("thumbnailUploads", "subjectBeginsWith", "subjectBeginsWith", "subject_begins_with"),
            new Key("thumbnailUploads", "subjectEndsWith", "subjectEndsWith", "subject_ends_with"),
            new Key("streams", "sku", "sku", "sku"),
            new Key("streams", "minimumTlsVersion", "minimumTlsVersion", "minimum_tls_version"),
            new Key("streams", "disableLocalAuth", "disableLocalAuth", "local_authentication_enabled"),
            new Key("clicks", "partitionCount", "partitionCount", "partition_count"),
            new Key("clicks", "messageRetentionInDays", "messageRetentionInDays", "message_retention"),
            new Key("clicksWorker", "name", "name", "name"),
            new Key("cosmos", "serverless", "capabilities", "capabilities"),
            new Key("cosmos", "disableLocalAuth", "disableLocalAuth", "local_authentication_enabled"),
            new Key("cosmos", "minimalTlsVersion", "minimalTlsVersion", "minimal_tls_version"),
            new Key("ordersDatabase", "name", "name", "name"),
            new Key("ordersTable", "partitionKeyPath", "partitionKey", "partition_key_paths"),
            new Key("ordersTable", "defaultTtl", "defaultTtl", "default_ttl"),
            new Key("ordersDataContributor", "role", "roleDefinitionId", "role_definition_id"),
            new Key("ordersDataContributor", "principal", "principalId", "principal_id"),
            new Key("ordersDataContributor", "database", "scope", "scope"),
            new Key("vault", "rbacAuthorization", "enableRbacAuthorization", "rbac_authorization_enabled"),
            new Key("vault", "softDeleteRetentionInDays", "softDeleteRetentionInDays", "soft_delete_retention_days"),
            new Key("vault", "purgeProtection", "enablePurgeProtection", "purge_protection_enabled"),
            new Key("signingKeySecret", "value", "value", "value"),
            new Key("workerApp", "keyVaultReferences", "keyVaultReferenceIdentity", "key_vault_reference_identity_id"));

    private static String message(Key k) {
        return "note on " + k.symbol() + "." + k.key();
    }

    @Test
    void aDeviationOnEachPropertyKeyGoesAboveTheLineThatWritesItInBothLanguages() {
        List<Deviation> deviations = new ArrayList<>();
        for (Key k : KEYS) {
            deviations.add(onProperty(DeviationCatalog.UNMAPPED_PROPERTY, message(k), 1, k.symbol(), k.key()));
        }
        AzureDeployment d = Fixtures.withDeviations(Fixtures.events(), deviations);
        String bicep = bicep(d);
        String terraform = terraform(d);
        for (Key k : KEYS) {
            // The deviation, then any comment lines of the emitter, then the property: nothing else between them.
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
    void aDeviationOnTheResourceOrAKeyItDoesNotWriteGoesAboveTheResourceInBothLanguages() {
        AzureDeployment d = Fixtures.withDeviations(Fixtures.events(), List.of(
                onResource(DeviationCatalog.UNMAPPED_PROPERTY, "on the queue", 1, "paymentsQueue"),
                // paymentsQueue has no lock duration: the key is not written, so the note goes above the resource.
                onProperty(DeviationCatalog.UNMAPPED_PROPERTY, "unwritten key", 1, "paymentsQueue", "lockDuration")));
        assertThat(bicep(d)).contains("// L2A902 warning: on the queue\n// L2A902 warning: unwritten key\n"
                + "resource paymentsQueue 'Microsoft.ServiceBus/namespaces/queues@");
        assertThat(terraform(d)).contains("# L2A902 warning: on the queue\n# L2A902 warning: unwritten key\n"
                + "resource \"azurerm_servicebus_queue\" \"payments_queue\" {");
    }

    @Test
    void theKeyVaultReferenceIdentityIsWrittenOnlyForAppsWithKeyVaultReferences() {
        assertThat(bicep(Fixtures.events())).contains("    keyVaultReferenceIdentity: identity.id\n");
        assertThat(terraform(Fixtures.events())).containsPattern(
                "\n  key_vault_reference_identity_id +=  ?azurerm_user_assigned_identity.identity.id\n");
        for (AzureDeployment d : List.of(Fixtures.flex(), Fixtures.premium(), Fixtures.dedicated())) {
            assertThat(bicep(d)).doesNotContain("keyVaultReferenceIdentity");
            assertThat(terraform(d)).doesNotContain("key_vault_reference_identity_id");
        }
        // Flex Consumption in azurerm has no argument for it: a comment says so, below the deviations on the key.
        AzureDeployment flex = Fixtures.withDeviations(withKeyVaultReferences(Fixtures.flex()), List.of(onProperty(
                DeviationCatalog.SECRET_SETTING, "reads a secret", 1, "ordersFunction", "keyVaultReferences")));
        assertThat(bicep(flex)).contains("    // L2A302 info: reads a secret\n"
                + "    keyVaultReferenceIdentity: identity.id\n");
        assertThat(terraform(flex)).contains("  # L2A302 info: reads a secret\n  # Not written: the Key Vault"
                + " reference identity (keyVaultReferenceIdentity = the user-assigned identity), without which the"
                + " app's Key Vault references do not resolve; azurerm_function_app_flex_consumption has no"
                + " key_vault_reference_identity_id argument in azurerm 4.79.0. Set it after deployment: az"
                + " functionapp update --set keyVaultReferenceIdentity=<the identity's id>.\n");
    }

    private static AzureDeployment withKeyVaultReferences(AzureDeployment d) {
        return Fixtures.withResources(d, r -> r instanceof FunctionApp a ? new FunctionApp(a.symbol(), a.name(),
                a.condition(), a.plan(), a.planKind(), a.runtime(), a.flex(), a.site(), a.appSettings(), a.identity(),
                a.storage(), a.insights(), a.subnetId(), a.functionTimeoutSeconds(), a.triggers(), a.awsFunctions(),
                a.eventGaps(), a.hostSettings(), true, a.source()) : r);
    }

    @Test
    void hostSettingsAndEventGapsAreNotInfrastructure() {
        AzureDeployment d = Fixtures.events();
        FunctionApp app = d.resources(FunctionApp.class).get(0);
        assertThat(app.hostSettings()).isNotEmpty();
        assertThat(app.eventGaps()).isNotEmpty();
        for (String text : List.of(bicep(d), terraform(d))) {
            assertThat(text).doesNotContain("prefetchCount").doesNotContain("ClickStream\n")
                    .doesNotContain("serviceBusTrigger");
        }
    }

    @Test
    void aPremiumServiceBusNamespaceGetsOneMessagingUnitAndPartitionInBoth() {
        AzureDeployment d = Fixtures.withResources(Fixtures.events(), r -> r instanceof ServiceBusNamespace n
                ? new ServiceBusNamespace(n.symbol(), n.name(), n.condition(), "Premium", n.disableLocalAuth(),
                n.minimumTlsVersion(), n.source()) : r);
        assertThat(bicep(d)).contains("""
                  sku: {
                    name: 'Premium'
                    tier: 'Premium'
                    capacity: 1
                  }
                  properties: {
                    minimumTlsVersion: '1.2'
                    disableLocalAuth: true
                    premiumMessagingPartitions: 1
                  }
                """);
        assertThat(terraform(d)).contains("""
                  sku                          = "Premium"
                  capacity                     = 1
                  premium_messaging_partitions = 1
                """);
        assertThat(bicep(Fixtures.events())).doesNotContain("capacity:").doesNotContain("premiumMessagingPartitions");
        assertThat(terraform(Fixtures.events())).doesNotContainPattern("capacity +=")
                .doesNotContain("premium_messaging");
    }

    @Test
    void withoutPurgeProtectionNeitherLanguageWritesIt() {
        AzureDeployment withoutPurgeProtection = Fixtures.withResources(Fixtures.events(), r -> r instanceof KeyVault v
                ? new KeyVault(v.symbol(), v.name(), v.condition(), v.rbacAuthorization(), 7, false, v.source()) : r);
        AzureDeployment d = Fixtures.withDeviations(withoutPurgeProtection, List.of(onProperty(
                DeviationCatalog.UNMAPPED_PROPERTY, "no purge protection", 1, "vault", "purgeProtection")));
        assertThat(bicep(d)).doesNotContain("enablePurgeProtection").contains("softDeleteRetentionInDays: 7\n")
                .contains("// L2A902 warning: no purge protection\nresource vault 'Microsoft.KeyVault/vaults@");
        assertThat(terraform(d)).doesNotContain("purge_protection_enabled")
                .contains("soft_delete_retention_days = 7\n")
                .contains("# L2A902 warning: no purge protection\nresource \"azurerm_key_vault\" \"vault\" {");
    }

    @Test
    void aCosmosRoleAssignmentWithoutADatabaseIsScopedToTheAccount() {
        AzureDeployment d = Fixtures.withResources(Fixtures.events(), r -> r instanceof CosmosSqlRoleAssignment a
                ? new CosmosSqlRoleAssignment(a.symbol(), a.name(), a.condition(), a.account(), a.role(),
                a.principal(), Optional.empty(), a.description(), a.source()) : r);
        assertThat(bicep(d)).contains("    scope: cosmos.id\n");
        assertThat(terraform(d)).containsPattern("\n  scope +=  ?azurerm_cosmosdb_account.cosmos.id\n");
    }

    @Test
    void aSubscriptionWithoutItsOwnDeliveryCountGetsServiceBussDefaultInBoth() {
        String note = "The template sets no maximum delivery count: 10 is Service Bus's default.";
        assertThat(bicep(Fixtures.events())).contains("// " + note + "\n    maxDeliveryCount: 10\n")
                .contains("    maxDeliveryCount: 3\n");
        assertThat(terraform(Fixtures.events())).contains("# " + note + "\n  max_delivery_count = 10\n")
                .containsPattern("max_delivery_count += 3\n");
        assertThat(bicep(Fixtures.events()).split(Pattern.quote(note), -1)).hasSize(2);
    }

    @Test
    void invalidFiltersAndReferencesAreRefusedByBoth() {
        List<AzureDeployment> invalid = List.of(
                withFilter(new AdvancedFilter("StringLike", "data.x", List.of(Value.text("a")))),
                withFilter(new AdvancedFilter("NumberLessThan", "data.x", List.of(Value.number(1), Value.number(2)))),
                withFilter(new AdvancedFilter("IsNotNull", "data.x", List.of(Value.text("a")))),
                withFilter(new AdvancedFilter("StringIn", "data.x", List.of())),
                Fixtures.withResources(Fixtures.events(), r -> r instanceof ServiceBusSubscription s
                        && s.forwardTo().isPresent() ? new ServiceBusSubscription(s.symbol(), s.name(), s.condition(),
                        s.topic(), s.maxDeliveryCount(), s.lockDuration(), s.requiresSession(),
                        Optional.of("orderEvents"), s.source()) : r),
                withSubscription(s -> new EventGridSubscription(s.symbol(), s.name(), s.condition(), "bus",
                        s.destination(), s.deliverySchema(), s.includedEventTypes(), s.subjectBeginsWith(),
                        s.subjectEndsWith(), s.advancedFilters(), s.maxDeliveryAttempts(), s.source())),
                withSubscription(s -> new EventGridSubscription(s.symbol(), s.name(), s.condition(), s.topic(),
                        new AzureResource.EventDestination.Function("cosmos", "f"), s.deliverySchema(),
                        s.includedEventTypes(), s.subjectBeginsWith(), s.subjectEndsWith(), s.advancedFilters(),
                        s.maxDeliveryAttempts(), s.source())));
        for (AzureDeployment d : invalid) {
            assertThatThrownBy(() -> bicep(d)).isInstanceOfAny(IllegalArgumentException.class,
                    IllegalStateException.class);
            assertThatThrownBy(() -> terraform(d)).isInstanceOfAny(IllegalArgumentException.class,
                    IllegalStateException.class);
        }
        assertThatThrownBy(() -> bicep(invalid.get(0))).hasMessageContaining("StringLike");
        assertThatThrownBy(() -> terraform(invalid.get(1))).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> terraform(invalid.get(4))).hasMessageContaining("orderEvents, which is not a"
                + " ServiceBusQueue");
    }

    private static AzureDeployment withFilter(AdvancedFilter filter) {
        return withSubscription(s -> s.advancedFilters().isEmpty() ? s : new EventGridSubscription(s.symbol(),
                s.name(), s.condition(), s.topic(), s.destination(), s.deliverySchema(), s.includedEventTypes(),
                s.subjectBeginsWith(), s.subjectEndsWith(), List.of(filter), s.maxDeliveryAttempts(), s.source()));
    }

    private static AzureDeployment withSubscription(UnaryOperator<EventGridSubscription> change) {
        return Fixtures.withResources(Fixtures.events(), r -> r instanceof EventGridSubscription s
                && s.symbol().equals("orderShipped") ? change.apply(s) : r);
    }
}
