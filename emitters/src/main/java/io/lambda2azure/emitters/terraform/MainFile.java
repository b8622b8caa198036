package io.lambda2azure.emitters.terraform;

import io.lambda2azure.core.azure.AppSetting;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.AdvancedFilter;
import io.lambda2azure.core.azure.AzureResource.AlwaysReady;
import io.lambda2azure.core.azure.AzureResource.ApiManagementApi;
import io.lambda2azure.core.azure.AzureResource.ApiManagementBackend;
import io.lambda2azure.core.azure.AzureResource.ApiManagementNamedValue;
import io.lambda2azure.core.azure.AzureResource.ApiManagementOperation;
import io.lambda2azure.core.azure.AzureResource.ApiManagementPolicy;
import io.lambda2azure.core.azure.AzureResource.ApiManagementProduct;
import io.lambda2azure.core.azure.AzureResource.ApiManagementProductApi;
import io.lambda2azure.core.azure.AzureResource.ApiManagementService;
import io.lambda2azure.core.azure.AzureResource.ApiManagementSubscription;
import io.lambda2azure.core.azure.AzureResource.ApplicationInsights;
import io.lambda2azure.core.azure.AzureResource.BlobContainer;
import io.lambda2azure.core.azure.AzureResource.CosmosAccount;
import io.lambda2azure.core.azure.AzureResource.CosmosSqlContainer;
import io.lambda2azure.core.azure.AzureResource.CosmosSqlDatabase;
import io.lambda2azure.core.azure.AzureResource.CosmosSqlRoleAssignment;
import io.lambda2azure.core.azure.AzureResource.DeploymentSlot;
import io.lambda2azure.core.azure.AzureResource.EventDestination;
import io.lambda2azure.core.azure.AzureResource.EventGridSubscription;
import io.lambda2azure.core.azure.AzureResource.EventGridSystemTopic;
import io.lambda2azure.core.azure.AzureResource.EventGridTopic;
import io.lambda2azure.core.azure.AzureResource.EventHub;
import io.lambda2azure.core.azure.AzureResource.EventHubConsumerGroup;
import io.lambda2azure.core.azure.AzureResource.EventHubNamespace;
import io.lambda2azure.core.azure.AzureResource.FlexConfig;
import io.lambda2azure.core.azure.AzureResource.FunctionApp;
import io.lambda2azure.core.azure.AzureResource.HostingPlan;
import io.lambda2azure.core.azure.AzureResource.KeyVault;
import io.lambda2azure.core.azure.AzureResource.KeyVaultSecret;
import io.lambda2azure.core.azure.AzureResource.LogAnalyticsWorkspace;
import io.lambda2azure.core.azure.AzureResource.RoleAssignment;
import io.lambda2azure.core.azure.AzureResource.Runtime;
import io.lambda2azure.core.azure.AzureResource.ServiceBusNamespace;
import io.lambda2azure.core.azure.AzureResource.ServiceBusQueue;
import io.lambda2azure.core.azure.AzureResource.ServiceBusRule;
import io.lambda2azure.core.azure.AzureResource.ServiceBusSubscription;
import io.lambda2azure.core.azure.AzureResource.ServiceBusTopic;
import io.lambda2azure.core.azure.AzureResource.SiteSettings;
import io.lambda2azure.core.azure.AzureResource.StorageAccount;
import io.lambda2azure.core.azure.AzureResource.UserAssignedIdentity;
import io.lambda2azure.core.azure.AzureVariable;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.emitters.common.CosmosPaths;
import io.lambda2azure.emitters.common.EventDestinations;
import io.lambda2azure.emitters.common.FilterOperators;
import io.lambda2azure.emitters.common.ImplicitSettings;
import io.lambda2azure.emitters.terraform.Azurerm.AppType;
import io.lambda2azure.emitters.terraform.BodyItem.Block;
import io.lambda2azure.emitters.terraform.HclExpr.Conditional;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectExpr;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectItem;
import io.lambda2azure.emitters.terraform.HclExpr.Template;
import io.lambda2azure.emitters.terraform.HclExpr.Tuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.lambda2azure.emitters.terraform.HclExpr.bool;
import static io.lambda2azure.emitters.terraform.HclExpr.call;
import static io.lambda2azure.emitters.terraform.HclExpr.number;
import static io.lambda2azure.emitters.terraform.HclExpr.string;

/**
 * Builds {@code main.tf}: the locals, the data sources, then one resource block for each resource of the model, in
 * the model's order (a data source only one kind of resource needs, a function app's host keys for an Event Grid
 * webhook, goes right before the first resource that reads it). Each resource kind has one method below, and that
 * method is the one place where the kind's model fields map to azurerm arguments. The blocks carry the same settings
 * as the Bicep emitter's resources, and the deviation comments go where the Bicep emitter puts them
 * ({@link DeviationComments}): a deviation on a property goes above the argument or block that writes it, the key
 * being the model record's component name ({@code lockDuration}, {@code advancedFilters}; {@code role},
 * {@code principal} and {@code database} for the role and scope of a Cosmos DB role assignment).
 */
final class MainFile {

    /** App settings the azurerm function app resources own through arguments of their own. */
    static final String EXTENSION_VERSION = "FUNCTIONS_EXTENSION_VERSION";
    static final String STORAGE_ACCOUNT_NAME = "AzureWebJobsStorage__accountName";
    static final String INSIGHTS_CONNECTION_STRING = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    static final String INSIGHTS_KEY = "APPINSIGHTS_INSTRUMENTATIONKEY";

    private final AzureDeployment deployment;
    private final Expressions refs;
    /** Data sources a resource needs, declared right before it (the host keys a webhook reads). */
    private final List<Block> before = new ArrayList<>();
    /** The function apps whose host keys data source is declared. */
    private final Set<String> hostKeysRead = new HashSet<>();

    private MainFile(AzureDeployment deployment, Expressions refs) {
        this.deployment = deployment;
        this.refs = refs;
    }

    /** The tree of main.tf. Call before reading {@link Expressions#clientConfigUsed()} for the other files. */
    static HclFile build(AzureDeployment deployment, Expressions refs, List<String> header) {
        return new MainFile(deployment, refs).file(header);
    }

    private HclFile file(List<String> header) {
        List<BodyItem> resources = new ArrayList<>();
        for (AzureResource r : deployment.resources()) {
            Block block = resource(r);
            resources.addAll(before);
            before.clear();
            resources.add(block);
        }
        Optional<Block> locals = locals();
        List<BodyItem> items = new ArrayList<>();
        items.add(new BodyItem.Comments(header));
        locals.ifPresent(items::add);
        items.add(Body.block(List.of("The resource group everything is deployed to; it must exist."), "data",
                List.of(Azurerm.DATA_RESOURCE_GROUP, "target"),
                new Body().arg("name", Expressions.resourceGroupName())));
        if (refs.clientConfigUsed()) {
            items.add(Body.block(List.of("The subscription and tenant of the provider's credentials."), "data",
                    List.of(Azurerm.DATA_CLIENT_CONFIG, "current"), new Body()));
        }
        items.addAll(resources);
        return new HclFile(items);
    }

    // -------------------------------------------------------------- locals

    private Optional<Block> locals() {
        Body body = new Body();
        boolean first = true;
        for (AzureParameter p : deployment.parameters()) {
            Optional<String> local = refs.fallbackLocal(p.name());
            if (local.isEmpty()) {
                continue;
            }
            List<String> comments = first ? List.of("Variables whose default is an expression: null means that"
                    + " expression.") : List.of();
            first = false;
            body.arg(comments, local.get(), call("coalesce", HclExpr.ref("var", refs.variableName(p.name())),
                    refs.of(p.defaultValue().orElseThrow())));
        }
        if (!body.isEmpty() && !deployment.variables().isEmpty()) {
            body.blank();
        }
        for (AzureVariable v : deployment.variables()) {
            body.arg(refs.localName(v.name()), refs.of(v.expression()));
        }
        return body.isEmpty() ? Optional.empty() : Optional.of(Body.nested(List.of(), "locals", body));
    }

    // -------------------------------------------------------------- resources

    private Block resource(AzureResource r) {
        DeviationComments notes = DeviationComments.of(deployment, r.symbol());
        if (r instanceof LogAnalyticsWorkspace w) {
            return workspace(w, notes);
        }
        if (r instanceof ApplicationInsights a) {
            return insights(a, notes);
        }
        if (r instanceof StorageAccount s) {
            return storage(s, notes);
        }
        if (r instanceof BlobContainer c) {
            return container(c, notes);
        }
        if (r instanceof AzureResource.StorageQueue q) {
            deployment.resource(q.storageAccount()).filter(StorageAccount.class::isInstance)
                    .orElseThrow(() -> new IllegalStateException("storage queue " + q.symbol() + " is in storage account "
                            + q.storageAccount() + ", which the deployment does not have"));
            return add(q, notes, new Body()
                    .arg(notes.take("name"), "name", refs.of(q.name()))
                    .arg("storage_account_id", refs.attribute(q.storageAccount(), Value.Attribute.ID)), List.of());
        }
        if (r instanceof UserAssignedIdentity i) {
            return add(i, notes, named(i, notes), List.of());
        }
        if (r instanceof RoleAssignment a) {
            return roleAssignment(a, notes);
        }
        if (r instanceof HostingPlan p) {
            return plan(p, notes);
        }
        if (r instanceof FunctionApp app) {
            return app.planKind() == PlanKind.FLEX_CONSUMPTION ? flexApp(app, notes) : linuxApp(app, notes);
        }
        if (r instanceof DeploymentSlot s) {
            return slot(s, notes);
        }
        return messagingOrData(r, notes);
    }

    private Block messagingOrData(AzureResource r, DeviationComments notes) {
        if (r instanceof ServiceBusNamespace n) {
            return serviceBusNamespace(n, notes);
        }
        if (r instanceof ServiceBusQueue q) {
            return serviceBusQueue(q, notes);
        }
        if (r instanceof ServiceBusTopic t) {
            return serviceBusTopic(t, notes);
        }
        if (r instanceof ServiceBusSubscription sub) {
            return serviceBusSubscription(sub, notes);
        }
        if (r instanceof ServiceBusRule rule) {
            return serviceBusRule(rule, notes);
        }
        if (r instanceof EventGridTopic t) {
            return eventGridTopic(t, notes);
        }
        if (r instanceof EventGridSystemTopic t) {
            return eventGridSystemTopic(t, notes);
        }
        if (r instanceof EventGridSubscription sub) {
            return eventSubscription(sub, notes);
        }
        if (r instanceof EventHubNamespace n) {
            return eventHubNamespace(n, notes);
        }
        if (r instanceof EventHub h) {
            return eventHub(h, notes);
        }
        if (r instanceof EventHubConsumerGroup g) {
            return consumerGroup(g, notes);
        }
        if (r instanceof CosmosAccount a) {
            return cosmosAccount(a, notes);
        }
        if (r instanceof CosmosSqlDatabase d) {
            return cosmosDatabase(d, notes);
        }
        if (r instanceof CosmosSqlContainer c) {
            return cosmosContainer(c, notes);
        }
        if (r instanceof CosmosSqlRoleAssignment a) {
            return cosmosRoleAssignment(a, notes);
        }
        if (r instanceof KeyVault v) {
            return keyVault(v, notes);
        }
        if (r instanceof KeyVaultSecret secret) {
            return keyVaultSecret(secret, notes);
        }
        return apiManagement(r, notes);
    }

    private Block apiManagement(AzureResource r, DeviationComments notes) {
        if (r instanceof ApiManagementService service) {
            return apiManagementService(service, notes);
        }
        if (r instanceof ApiManagementApi api) {
            return apiManagementApi(api, notes);
        }
        if (r instanceof ApiManagementNamedValue value) {
            return namedValue(value, notes);
        }
        if (r instanceof ApiManagementBackend backend) {
            return backend(backend, notes);
        }
        if (r instanceof ApiManagementOperation operation) {
            return operation(operation, notes);
        }
        if (r instanceof ApiManagementPolicy policy) {
            return policy(policy, notes);
        }
        if (r instanceof ApiManagementProduct product) {
            return product(product, notes);
        }
        if (r instanceof ApiManagementProductApi link) {
            return productApi(link, notes);
        }
        if (r instanceof ApiManagementSubscription subscription) {
            return subscription(subscription, notes);
        }
        throw new IllegalArgumentException("no Terraform for resource " + r);
    }

    private Block workspace(LogAnalyticsWorkspace w, DeviationComments notes) {
        Body body = named(w, notes)
                .arg("sku", string("PerGB2018"))
                .arg(notes.take("retentionInDays"), "retention_in_days", refs.of(w.retentionInDays()));
        return add(w, notes, body, List.of());
    }

    private Block insights(ApplicationInsights a, DeviationComments notes) {
        Body body = named(a, notes)
                .arg("application_type", string("web"))
                .arg("workspace_id", refs.attribute(a.workspace(), Value.Attribute.ID))
                .arg(notes.take("disableLocalAuth"), "local_authentication_enabled", bool(!a.disableLocalAuth()));
        return add(a, notes, body, List.of());
    }

    private Block storage(StorageAccount s, DeviationComments notes) {
        int separator = s.sku().indexOf('_');
        if (separator <= 0 || separator == s.sku().length() - 1) {
            throw new IllegalArgumentException("storage account " + s.symbol() + " has SKU " + s.sku()
                    + ", which is not <tier>_<replication>");
        }
        Body body = named(s, notes)
                .arg(notes.take("sku"), "account_tier", string(s.sku().substring(0, separator)))
                .arg("account_replication_type", string(s.sku().substring(separator + 1)))
                .arg("account_kind", string("StorageV2"))
                .arg("min_tls_version", string(s.minimumTlsVersion()))
                .arg("allow_nested_items_to_be_public", bool(s.allowBlobPublicAccess()))
                .arg(notes.take("allowSharedKeyAccess"), "shared_access_key_enabled", bool(s.allowSharedKeyAccess()))
                .arg("https_traffic_only_enabled", bool(true))
                .arg("default_to_oauth_authentication", bool(true));
        return add(s, notes, body, List.of());
    }

    private Block container(BlobContainer c, DeviationComments notes) {
        deployment.resource(c.storageAccount()).filter(StorageAccount.class::isInstance)
                .orElseThrow(() -> new IllegalStateException("blob container " + c.symbol() + " is in storage account "
                        + c.storageAccount() + ", which the deployment does not have"));
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(c.name()))
                .arg("storage_account_id", refs.attribute(c.storageAccount(), Value.Attribute.ID))
                .arg("container_access_type", string("private"));
        return add(c, notes, body, List.of());
    }

    /**
     * The role definition id is written with the subscription ({@code /subscriptions/<id>/providers/...}), the form
     * Azure returns: azurerm compares it as written and replaces the assignment on any other difference.
     */
    private Block roleAssignment(RoleAssignment a, DeviationComments notes) {
        Template roleId = new Template(List.of("/subscriptions/",
                "/providers/Microsoft.Authorization/roleDefinitions/" + a.role().id()), List.of(refs.subscriptionId()));
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(a.name()))
                .arg("scope", refs.attribute(a.scope(), Value.Attribute.ID))
                .arg(List.of(a.role().name()), "role_definition_id", roleId)
                .arg("principal_id", refs.attribute(a.principal(), Value.Attribute.PRINCIPAL_ID))
                .arg("principal_type", string("ServicePrincipal"))
                .arg("description", string(a.description()));
        return add(a, notes, body, List.of());
    }

    /** {@code sku.tier}, {@code kind} and {@code reserved} are computed from {@code sku_name} and {@code os_type}. */
    private Block plan(HostingPlan p, DeviationComments notes) {
        Body body = named(p, notes)
                .arg("os_type", string("Linux"))
                .arg(notes.take("sku"), "sku_name", string(p.skuName()));
        p.maximumElasticWorkerCount().ifPresent(n -> body.arg(notes.take("maximumElasticWorkerCount"),
                "maximum_elastic_worker_count", number(n)));
        return add(p, notes, body, List.of());
    }

    // -------------------------------------------------------------- messaging

    private Block serviceBusNamespace(ServiceBusNamespace n, DeviationComments notes) {
        Body body = named(n, notes).arg(notes.take("sku"), "sku", string(n.sku()));
        if (ImplicitSettings.SERVICE_BUS_PREMIUM.equals(n.sku())) {
            // azurerm rejects a Premium namespace without messaging units and partitions (both default to 0).
            body.arg("capacity", number(ImplicitSettings.SERVICE_BUS_PREMIUM_CAPACITY))
                    .arg("premium_messaging_partitions", number(ImplicitSettings.SERVICE_BUS_PREMIUM_PARTITIONS));
        }
        body.arg(notes.take("minimumTlsVersion"), "minimum_tls_version", string(n.minimumTlsVersion()))
                .arg(notes.take("disableLocalAuth"), "local_auth_enabled", bool(!n.disableLocalAuth()));
        return add(n, notes, body, List.of());
    }

    private Block serviceBusQueue(ServiceBusQueue q, DeviationComments notes) {
        require(q.namespace(), ServiceBusNamespace.class, "Service Bus queue " + q.symbol() + " is in");
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(q.name()))
                .arg("namespace_id", refs.attribute(q.namespace(), Value.Attribute.ID))
                .arg(notes.take("requiresSession"), "requires_session", bool(q.requiresSession()))
                .arg(notes.take("requiresDuplicateDetection"), "requires_duplicate_detection",
                        bool(q.requiresDuplicateDetection()));
        q.lockDuration().ifPresent(v -> body.arg(notes.take("lockDuration"), "lock_duration", refs.of(v)));
        q.maxDeliveryCount().ifPresent(v -> body.arg(notes.take("maxDeliveryCount"), "max_delivery_count",
                refs.of(v)));
        q.defaultMessageTimeToLive().ifPresent(v -> body.arg(notes.take("defaultMessageTimeToLive"),
                "default_message_ttl", refs.of(v)));
        body.arg(notes.take("deadLetteringOnMessageExpiration"), "dead_lettering_on_message_expiration",
                bool(q.deadLetteringOnMessageExpiration()));
        return add(q, notes, body, List.of());
    }

    private Block serviceBusTopic(ServiceBusTopic t, DeviationComments notes) {
        require(t.namespace(), ServiceBusNamespace.class, "Service Bus topic " + t.symbol() + " is in");
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(t.name()))
                .arg("namespace_id", refs.attribute(t.namespace(), Value.Attribute.ID))
                .arg(notes.take("supportOrdering"), "support_ordering", bool(t.supportOrdering()))
                .arg(notes.take("requiresDuplicateDetection"), "requires_duplicate_detection",
                        bool(t.requiresDuplicateDetection()));
        return add(t, notes, body, List.of());
    }

    /** {@code max_delivery_count} is required: without the model's, Service Bus's default is written. */
    private Block serviceBusSubscription(ServiceBusSubscription sub, DeviationComments notes) {
        require(sub.topic(), ServiceBusTopic.class, "Service Bus subscription " + sub.symbol() + " is in");
        List<String> deliveries = new ArrayList<>(notes.take("maxDeliveryCount"));
        if (sub.maxDeliveryCount().isEmpty()) {
            deliveries.add(ImplicitSettings.SERVICE_BUS_MAX_DELIVERY_COUNT_NOTE);
        }
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(sub.name()))
                .arg("topic_id", refs.attribute(sub.topic(), Value.Attribute.ID))
                .arg(deliveries, "max_delivery_count", sub.maxDeliveryCount().map(refs::of)
                        .orElseGet(() -> number(ImplicitSettings.SERVICE_BUS_MAX_DELIVERY_COUNT)));
        sub.lockDuration().ifPresent(v -> body.arg(notes.take("lockDuration"), "lock_duration", refs.of(v)));
        body.arg(notes.take("requiresSession"), "requires_session", bool(sub.requiresSession()));
        sub.forwardTo().ifPresent(queue -> {
            require(queue, ServiceBusQueue.class, "Service Bus subscription " + sub.symbol() + " forwards to");
            // Service Bus names the entity to forward to, not its resource id.
            body.arg(notes.take("forwardTo"), "forward_to", refs.attribute(queue, Value.Attribute.NAME));
        });
        return add(sub, notes, body, List.of());
    }

    private Block serviceBusRule(ServiceBusRule rule, DeviationComments notes) {
        require(rule.subscription(), ServiceBusSubscription.class, "Service Bus rule " + rule.symbol()
                + " belongs to");
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(rule.name()))
                .arg("subscription_id", refs.attribute(rule.subscription(), Value.Attribute.ID))
                .arg("filter_type", string("SqlFilter"))
                .arg(notes.take("sqlExpression"), "sql_filter", refs.of(rule.sqlExpression()));
        return add(rule, notes, body, List.of());
    }

    // -------------------------------------------------------------- Event Grid

    private Block eventGridTopic(EventGridTopic t, DeviationComments notes) {
        Body body = named(t, notes)
                .arg(notes.take("inputSchema"), "input_schema", string(t.inputSchema()))
                .arg(notes.take("disableLocalAuth"), "local_auth_enabled", bool(!t.disableLocalAuth()));
        return add(t, notes, body, List.of());
    }

    private Block eventGridSystemTopic(EventGridSystemTopic t, DeviationComments notes) {
        require(t.sourceResource(), AzureResource.class, "Event Grid system topic " + t.symbol()
                + " publishes the events of");
        Body body = named(t, notes)
                .arg(notes.take("sourceResource"), "source_resource_id",
                        refs.attribute(t.sourceResource(), Value.Attribute.ID))
                .arg(notes.take("topicType"), "topic_type", string(t.topicType()));
        return add(t, notes, body, List.of());
    }

    /**
     * A subscription of a system topic names the topic and its resource group; one of a custom topic has the topic
     * as its scope. The arguments are the same otherwise.
     */
    private Block eventSubscription(EventGridSubscription sub, DeviationComments notes) {
        Body body = new Body().arg(notes.take("name"), "name", refs.of(sub.name()));
        if (Azurerm.EVENTGRID_SYSTEM_TOPIC_EVENT_SUBSCRIPTION.equals(refs.address(sub.symbol()).type())) {
            body.arg("system_topic", refs.attribute(sub.topic(), Value.Attribute.NAME))
                    .arg("resource_group_name", Expressions.resourceGroupName());
        } else {
            body.arg("scope", refs.attribute(sub.topic(), Value.Attribute.ID));
        }
        body.arg(notes.take("deliverySchema"), "event_delivery_schema", string(sub.deliverySchema()));
        if (!sub.includedEventTypes().isEmpty()) {
            body.arg(notes.take("includedEventTypes"), "included_event_types",
                    new Tuple(sub.includedEventTypes().stream().<HclExpr>map(HclExpr::string).toList()));
        }
        List<String> destinationComments = new ArrayList<>(notes.take("destination"));
        destinationComments.add(EventDestinations.deployCodeFirst(sub.destination()));
        body.block(destination(sub, destinationComments));
        if (sub.subjectBeginsWith().isPresent() || sub.subjectEndsWith().isPresent()) {
            Body subject = new Body();
            sub.subjectBeginsWith().ifPresent(v -> subject.arg(notes.take("subjectBeginsWith"),
                    "subject_begins_with", refs.of(v)));
            sub.subjectEndsWith().ifPresent(v -> subject.arg(notes.take("subjectEndsWith"), "subject_ends_with",
                    refs.of(v)));
            body.block(Body.nested(List.of(), "subject_filter", subject));
        }
        if (!sub.advancedFilters().isEmpty()) {
            Body filters = new Body();
            for (AdvancedFilter f : sub.advancedFilters()) {
                filters.block(advancedFilter(f));
            }
            body.block(Body.nested(notes.take("advancedFilters"), "advanced_filter", filters));
        }
        sub.maxDeliveryAttempts().ifPresent(attempts -> body.block(Body.nested(notes.take("maxDeliveryAttempts"),
                "retry_policy", new Body()
                        .arg("max_delivery_attempts", refs.of(attempts))
                        .arg(List.of(ImplicitSettings.EVENT_GRID_EVENT_TIME_TO_LIVE_NOTE), "event_time_to_live",
                                number(ImplicitSettings.EVENT_GRID_EVENT_TIME_TO_LIVE_MINUTES)))));
        return add(sub, notes, body, List.of());
    }

    private Block destination(EventGridSubscription sub, List<String> comments) {
        EventDestination d = sub.destination();
        if (d instanceof EventDestination.Function f) {
            require(f.app(), FunctionApp.class, "event subscription " + sub.symbol() + " delivers to");
            return Body.nested(comments, "azure_function_endpoint", new Body()
                    .arg("function_id", refs.of(EventDestinations.functionId(f))));
        }
        if (d instanceof EventDestination.BlobsExtensionWebhook w) {
            FunctionApp app = require(w.app(), FunctionApp.class, "event subscription " + sub.symbol()
                    + " delivers to");
            Template url = new Template(List.of("https://", EventDestinations.webhookPath(w) + "&code=", ""),
                    List.of(refs.attribute(w.app(), Value.Attribute.DEFAULT_HOST_NAME),
                            hostKeys(app, Azurerm.BLOBS_EXTENSION_KEY)));
            return Body.nested(comments, "webhook_endpoint", new Body().arg("url", url));
        }
        throw new IllegalArgumentException("no Terraform for event destination " + d);
    }

    /**
     * {@code data.azurerm_function_app_host_keys.<app>.<key>}, declaring the data source before the first resource
     * that reads it. It is labelled like the app and deployed under the app's condition; its comment says which
     * resources of the deployment read which key.
     */
    private HclExpr hostKeys(FunctionApp app, String key) {
        Expressions.Address appAddress = refs.address(app.symbol());
        if (hostKeysRead.add(app.symbol())) {
            List<BodyItem> items = new ArrayList<>();
            app.condition().ifPresent(c -> {
                items.add(new BodyItem.Attribute(List.of(), "count", new Conditional(refs.of(c), number(1),
                        number(0))));
                items.add(new BodyItem.Blank());
            });
            items.addAll(new Body()
                    .arg("name", refs.attribute(app.symbol(), Value.Attribute.NAME))
                    .arg("resource_group_name", Expressions.resourceGroupName())
                    .build());
            List<String> readers = new ArrayList<>();
            if (deployment.resources(EventGridSubscription.class).stream().anyMatch(sub -> sub.destination()
                    instanceof EventDestination.BlobsExtensionWebhook w && w.app().equals(app.symbol()))) {
                readers.add("Event Grid authenticates to the blobs extension's webhook with its system key");
            }
            if (deployment.resources(ApiManagementNamedValue.class).stream().anyMatch(v -> v.app()
                    .equals(app.symbol()))) {
                readers.add("API Management calls its HTTP triggers with its default function key");
            }
            before.add(new Block(List.of("The host keys of " + app.symbol() + ", read after it is deployed: "
                    + String.join("; ", readers) + "."), "data",
                    List.of(Azurerm.DATA_FUNCTION_APP_HOST_KEYS, appAddress.label()), items));
        }
        List<HclExpr.Step> steps = new ArrayList<>(List.of(new HclExpr.GetAttr(Azurerm.DATA_FUNCTION_APP_HOST_KEYS),
                new HclExpr.GetAttr(appAddress.label())));
        if (appAddress.counted()) {
            steps.add(new HclExpr.Index(0));
        }
        steps.add(new HclExpr.GetAttr(key));
        return new HclExpr.Traversal("data", steps);
    }

    /** One block per filter, named after its operator: {@code StringIn} → {@code string_in}. */
    private Block advancedFilter(AdvancedFilter f) {
        FilterOperators.Arity arity = FilterOperators.arity(f);
        Body body = new Body().arg("key", string(f.key()));
        if (arity == FilterOperators.Arity.ONE) {
            body.arg("value", refs.of(f.values().get(0)));
        } else if (arity == FilterOperators.Arity.MANY) {
            body.arg("values", new Tuple(f.values().stream().map(refs::of).toList()));
        }
        return Body.nested(List.of(), TfNames.snake(f.operatorType()), body);
    }

    // -------------------------------------------------------------- Event Hubs

    private Block eventHubNamespace(EventHubNamespace n, DeviationComments notes) {
        Body body = named(n, notes)
                .arg(notes.take("sku"), "sku", string(n.sku()))
                .arg(notes.take("minimumTlsVersion"), "minimum_tls_version", string(n.minimumTlsVersion()))
                .arg(notes.take("disableLocalAuth"), "local_authentication_enabled", bool(!n.disableLocalAuth()));
        return add(n, notes, body, List.of());
    }

    private Block eventHub(EventHub h, DeviationComments notes) {
        require(h.namespace(), EventHubNamespace.class, "event hub " + h.symbol() + " is in");
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(h.name()))
                .arg("namespace_id", refs.attribute(h.namespace(), Value.Attribute.ID))
                .arg(notes.take("partitionCount"), "partition_count", refs.of(h.partitionCount()))
                .arg(notes.take("messageRetentionInDays"), "message_retention", refs.of(h.messageRetentionInDays()));
        return add(h, notes, body, List.of());
    }

    private Block consumerGroup(EventHubConsumerGroup g, DeviationComments notes) {
        EventHub hub = require(g.hub(), EventHub.class, "consumer group " + g.symbol() + " is in");
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(g.name()))
                .arg("namespace_name", refs.attribute(hub.namespace(), Value.Attribute.NAME))
                .arg("eventhub_name", refs.attribute(g.hub(), Value.Attribute.NAME))
                .arg("resource_group_name", Expressions.resourceGroupName());
        return add(g, notes, body, List.of());
    }

    // -------------------------------------------------------------- Cosmos DB

    private Block cosmosAccount(CosmosAccount a, DeviationComments notes) {
        Body body = named(a, notes)
                .arg("offer_type", string(ImplicitSettings.COSMOS_OFFER_TYPE))
                .arg("kind", string(ImplicitSettings.COSMOS_KIND))
                .arg(notes.take("disableLocalAuth"), "local_authentication_enabled", bool(!a.disableLocalAuth()))
                .arg(notes.take("minimalTlsVersion"), "minimal_tls_version", string(a.minimalTlsVersion()))
                .block(Body.nested(List.of(), "consistency_policy", new Body()
                        .arg("consistency_level", string(ImplicitSettings.COSMOS_CONSISTENCY_LEVEL))))
                // One region, the deployment's: the model describes a single-region account.
                .block(Body.nested(List.of(), "geo_location", new Body()
                        .arg("location", refs.location())
                        .arg("failover_priority", number(ImplicitSettings.COSMOS_FAILOVER_PRIORITY))));
        if (a.serverless()) {
            body.block(Body.nested(notes.take("serverless"), "capabilities", new Body()
                    .arg("name", string(ImplicitSettings.COSMOS_SERVERLESS_CAPABILITY))));
        }
        return add(a, notes, body, List.of());
    }

    private Block cosmosDatabase(CosmosSqlDatabase d, DeviationComments notes) {
        require(d.account(), CosmosAccount.class, "Cosmos DB database " + d.symbol() + " is in");
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(d.name()))
                .arg("resource_group_name", Expressions.resourceGroupName())
                .arg("account_name", refs.attribute(d.account(), Value.Attribute.NAME));
        return add(d, notes, body, List.of());
    }

    private Block cosmosContainer(CosmosSqlContainer c, DeviationComments notes) {
        CosmosSqlDatabase database = require(c.database(), CosmosSqlDatabase.class, "Cosmos DB container "
                + c.symbol() + " is in");
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(c.name()))
                .arg("resource_group_name", Expressions.resourceGroupName())
                .arg("account_name", refs.attribute(database.account(), Value.Attribute.NAME))
                .arg("database_name", refs.attribute(c.database(), Value.Attribute.NAME))
                .arg(notes.take("partitionKeyPath"), "partition_key_paths",
                        new Tuple(List.of(string(c.partitionKeyPath()))))
                .arg("partition_key_kind", string(ImplicitSettings.COSMOS_PARTITION_KEY_KIND));
        c.defaultTtl().ifPresent(ttl -> body.arg(notes.take("defaultTtl"), "default_ttl", refs.of(ttl)));
        return add(c, notes, body, List.of());
    }

    /** Cosmos DB's own data-plane RBAC: the role and the scope are paths inside the account. */
    private Block cosmosRoleAssignment(CosmosSqlRoleAssignment a, DeviationComments notes) {
        require(a.account(), CosmosAccount.class, "Cosmos DB role assignment " + a.symbol() + " is in");
        a.database().ifPresent(db -> require(db, CosmosSqlDatabase.class, "Cosmos DB role assignment "
                + a.symbol() + " is limited to"));
        List<String> role = new ArrayList<>(notes.take("role"));
        role.add(a.role().name());
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(a.name()))
                .arg("resource_group_name", Expressions.resourceGroupName())
                .arg("account_name", refs.attribute(a.account(), Value.Attribute.NAME))
                .arg(role, "role_definition_id", refs.of(CosmosPaths.roleDefinitionId(a)))
                .arg(notes.take("principal"), "principal_id", refs.attribute(a.principal(),
                        Value.Attribute.PRINCIPAL_ID))
                .arg(notes.take("database"), "scope", refs.of(CosmosPaths.scope(a)));
        // The resource has no description argument: the model's reason is a comment instead.
        return add(a, notes, body, List.of(a.description()));
    }

    // -------------------------------------------------------------- Key Vault

    private Block keyVault(KeyVault v, DeviationComments notes) {
        Body body = named(v, notes)
                .arg("tenant_id", refs.of(new Value.Context(Value.ContextValue.TENANT_ID)))
                .arg("sku_name", string(ImplicitSettings.KEY_VAULT_SKU))
                .arg(notes.take("rbacAuthorization"), "rbac_authorization_enabled", bool(v.rbacAuthorization()))
                .arg(notes.take("softDeleteRetentionInDays"), "soft_delete_retention_days",
                        number(v.softDeleteRetentionInDays()));
        // Written only when on, as the Bicep emitter must (Key Vault does not accept false); off is the default.
        if (v.purgeProtection()) {
            body.arg(notes.take("purgeProtection"), "purge_protection_enabled", bool(true));
        }
        return add(v, notes, body, List.of());
    }

    /**
     * azurerm writes secrets through the vault's data plane, not through Azure Resource Manager as the Bicep does:
     * the identity running Terraform needs a role that may set secrets on the vault, and the value is kept in the
     * Terraform state.
     */
    private Block keyVaultSecret(KeyVaultSecret secret, DeviationComments notes) {
        require(secret.vault(), KeyVault.class, "Key Vault secret " + secret.symbol() + " is in");
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(secret.name()))
                .arg("key_vault_id", refs.attribute(secret.vault(), Value.Attribute.ID))
                .arg(notes.take("value"), "value", refs.of(secret.value()))
                .arg(notes.take("contentType"), "content_type", string(secret.contentType()));
        return add(secret, notes, body, List.of("azurerm sets the secret through the vault's data plane: the identity"
                + " running Terraform needs the Key Vault Secrets Officer role on the vault, and the Terraform state"
                + " holds the value, so keep the state in a protected backend."));
    }

    // -------------------------------------------------------------- function apps

    /** Flex Consumption: deployment storage, runtime and scale are top-level arguments. */
    private Block flexApp(FunctionApp app, DeviationComments notes) {
        AppType type = AppType.FLEX;
        FlexConfig flex = app.flex().orElseThrow(() -> new IllegalStateException("function app " + app.symbol()
                + " is on Flex Consumption but has no Flex configuration"));
        BlobContainer container = deployment.resource(flex.deploymentContainer())
                .filter(BlobContainer.class::isInstance).map(BlobContainer.class::cast)
                .orElseThrow(() -> new IllegalStateException("function app " + app.symbol() + " deploys to "
                        + flex.deploymentContainer() + ", which is not a blob container of the deployment"));
        Settings settings = Settings.of(app.appSettings(), type);

        Body body = named(app, notes).arg("service_plan_id", refs.attribute(app.plan(), Value.Attribute.ID)).blank();
        access(body, app, type, notes);
        body.blank()
                .comments(List.of("azurerm may add an AzureWebJobsStorage setting without a key next to the"
                        + " identity-based storage settings (hashicorp/terraform-provider-azurerm#29693); remove it"
                        + " if the host cannot reach its storage."))
                .arg("storage_container_type", string("blobContainer"))
                .arg("storage_container_endpoint", refs.of(new Value.Interpolation(List.of(
                        Value.ref(container.storageAccount(), Value.Attribute.BLOB_ENDPOINT),
                        Value.ref(container.symbol(), Value.Attribute.NAME)))))
                .arg("storage_authentication_type", string("UserAssignedIdentity"))
                .arg("storage_user_assigned_identity_id", refs.attribute(app.identity(), Value.Attribute.ID))
                .blank();
        Optional<Runtime> runtime = app.runtime();
        if (runtime.isPresent() && runtime.get().nameParameter().isPresent()) {
            body.arg(notes.take("runtime"), "runtime_name", refs.of(new Value.Param(runtime.get().nameParameter().get())))
                    .arg("runtime_version", refs.of(new Value.Param(runtime.get().versionParameter().orElseThrow())));
        } else if (runtime.isPresent()) {
            body.arg(notes.take("runtime"), "runtime_name", string(runtime.get().name()));
            if (runtime.get().version().isEmpty()) {
                body.comments(List.of("runtime_version is required, but the model has no version for runtime "
                        + runtime.get().name() + ": set it by hand."));
            } else {
                body.arg("runtime_version", string(runtime.get().version()));
            }
        } else {
            body.comments(List.of("runtime_name and runtime_version are required, but no runtime was chosen for"
                    + " this app (see the deviations above it): set them by hand."));
        }
        body.arg(notes.take("maximumInstanceCount"), "maximum_instance_count", refs.of(flex.maximumInstanceCount()))
                .arg(notes.take("instanceMemory"), "instance_memory_in_mb", number(flex.instanceMemoryMB()));
        appSettings(body, settings, notes);
        body.block(identity(app));
        List<AlwaysReady> ready = flex.alwaysReady();
        for (int i = 0; i < ready.size(); i++) {
            body.block(Body.nested(i == 0 ? notes.take("alwaysReady") : List.of(), "always_ready", new Body()
                    .arg("name", string(ready.get(i).name()))
                    .arg("instance_count", refs.of(ready.get(i).instanceCount()))));
        }
        body.block(siteConfig(app, type, settings, notes));
        return add(app, notes, body, List.of());
    }

    /** Premium, Dedicated and Consumption: a Linux function app with identity-based host storage. */
    private Block linuxApp(FunctionApp app, DeviationComments notes) {
        AppType type = AppType.LINUX;
        Settings settings = Settings.of(app.appSettings(), type);
        Body body = named(app, notes).arg("service_plan_id", refs.attribute(app.plan(), Value.Attribute.ID)).blank();
        access(body, app, type, notes);
        hostSettings(body, settings, notes);
        appSettings(body, settings, notes);
        body.block(identity(app));
        body.block(siteConfig(app, type, settings, notes));
        return add(app, notes, body, List.of());
    }

    /**
     * A slot is a second running copy of its app: the same plan, identity, network, host storage and site
     * configuration (settings included), as the Bicep emitter writes it. Deviations of the app stay on the app.
     */
    private Block slot(DeploymentSlot s, DeviationComments notes) {
        FunctionApp app = deployment.resource(s.app()).filter(FunctionApp.class::isInstance)
                .map(FunctionApp.class::cast)
                .orElseThrow(() -> new IllegalStateException("deployment slot " + s.symbol() + " belongs to "
                        + s.app() + ", which is not a function app of the deployment"));
        AppType type = AppType.SLOT;
        DeviationComments appNotes = DeviationComments.none();
        Settings settings = Settings.of(app.appSettings(), type);
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(s.name()))
                .arg("function_app_id", refs.attribute(s.app(), Value.Attribute.ID))
                .arg("service_plan_id", refs.attribute(app.plan(), Value.Attribute.ID))
                .blank()
                .arg("https_only", bool(true));
        if (app.keyVaultReferences()) {
            body.arg("key_vault_reference_identity_id", refs.attribute(app.identity(), Value.Attribute.ID));
        }
        app.subnetId().ifPresent(subnet -> body.arg("virtual_network_subnet_id", refs.of(subnet)));
        hostSettings(body, settings, appNotes);
        appSettings(body, settings, appNotes);
        body.block(identity(app));
        body.block(siteConfig(app, type, settings, appNotes));
        List<String> extra = app.planKind() == PlanKind.FLEX_CONSUMPTION
                ? List.of("Flex Consumption has no deployment slots: azurerm_linux_function_app_slot needs an"
                + " azurerm_linux_function_app.") : List.of();
        return add(s, notes, body, extra);
    }

    /** HTTPS only, the Key Vault reference identity, the subnet, and basic publishing credentials. */
    private void access(Body body, FunctionApp app, AppType type, DeviationComments notes) {
        body.arg("https_only", bool(true));
        // Key Vault references resolve with the system-assigned identity unless the app names another one; the app
        // has only its user-assigned identity, so references need it named.
        if (app.keyVaultReferences()) {
            List<String> comments = notes.take("keyVaultReferences");
            if (type.has("key_vault_reference_identity_id")) {
                body.arg(comments, "key_vault_reference_identity_id", refs.attribute(app.identity(),
                        Value.Attribute.ID));
            } else {
                body.unmapped(comments, "key_vault_reference_identity_id", notWritten("the Key Vault reference"
                        + " identity (keyVaultReferenceIdentity = the user-assigned identity), without which the"
                        + " app's Key Vault references do not resolve", type, "key_vault_reference_identity_id")
                        + " Set it after deployment: az functionapp update --set keyVaultReferenceIdentity=<the"
                        + " identity's id>.");
            }
        }
        app.subnetId().ifPresent(subnet -> body.arg(notes.take("subnet"), "virtual_network_subnet_id",
                refs.of(subnet)));
        if (!app.site().basicPublishingCredentials()) {
            if (type.has("ftp_publish_basic_authentication_enabled")) {
                body.arg("ftp_publish_basic_authentication_enabled", bool(false));
            } else {
                body.unmapped(List.of(), "ftp_publish_basic_authentication_enabled", notWritten("FTP basic"
                        + " authentication off (basicPublishingCredentialsPolicies/ftp)", type,
                        "ftp_publish_basic_authentication_enabled"));
            }
            body.arg("webdeploy_publish_basic_authentication_enabled", bool(false));
        }
    }

    /** The runtime host version and identity-based host storage, from the settings azurerm owns. */
    private void hostSettings(Body body, Settings settings, DeviationComments notes) {
        Optional<AppSetting> version = settings.owned(EXTENSION_VERSION);
        Optional<AppSetting> storage = settings.owned(STORAGE_ACCOUNT_NAME);
        if (version.isEmpty() && storage.isEmpty()) {
            return;
        }
        body.blank();
        version.ifPresent(s -> body.arg(notes.take("appSettings." + s.name()), "functions_extension_version",
                refs.of(s.value())));
        storage.ifPresent(s -> body
                .arg(notes.take("appSettings." + s.name()), "storage_account_name", refs.of(s.value()))
                .arg("storage_uses_managed_identity", bool(true)));
    }

    /** {@code app_settings = { "NAME" = value ... }}, without the settings written as arguments. */
    private void appSettings(Body body, Settings settings, DeviationComments notes) {
        List<ObjectItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>(settings.owned().keySet());
        List<String> duplicates = new ArrayList<>();
        for (AppSetting setting : settings.remaining()) {
            if (!seen.add(setting.name())) {
                duplicates.add("The model sets " + setting.name() + " more than once; only its first value is"
                        + " written.");
                continue;
            }
            items.add(new ObjectItem(notes.take("appSettings." + setting.name()), setting.name(), true,
                    refs.of(setting.value())));
        }
        if (!items.isEmpty()) {
            body.blank().comments(duplicates).arg("app_settings", new ObjectExpr(items));
        }
    }

    private Block identity(FunctionApp app) {
        return Body.nested(List.of(), "identity", new Body()
                .arg("type", string("UserAssigned"))
                .arg("identity_ids", new Tuple(List.of(refs.attribute(app.identity(), Value.Attribute.ID)))));
    }

    /** {@code site_config}: the model's site settings, the language stack, CORS. */
    private Block siteConfig(FunctionApp app, AppType type, Settings settings, DeviationComments notes) {
        SiteSettings site = app.site();
        Body body = new Body();
        site.alwaysOn().ifPresent(on -> siteArgument(body, type, notes, "alwaysOn", "always_on", bool(on)));
        site.functionAppScaleLimit().ifPresent(v -> siteArgument(body, type, notes, "functionAppScaleLimit",
                "app_scale_limit", refs.of(v)));
        site.minimumElasticInstanceCount().ifPresent(v -> siteArgument(body, type, notes,
                "minimumElasticInstanceCount", "elastic_instance_minimum", refs.of(v)));
        site.preWarmedInstanceCount().ifPresent(v -> siteArgument(body, type, notes, "preWarmedInstanceCount",
                "pre_warmed_instance_count", refs.of(v)));
        body.arg("minimum_tls_version", string(site.minimumTlsVersion()));
        site.ftpsState().ifPresent(state -> siteArgument(body, type, notes, "ftpsState", "ftps_state",
                string(state)));
        body.arg("http2_enabled", bool(site.http20Enabled()));
        settings.owned(INSIGHTS_CONNECTION_STRING).ifPresent(s -> body.arg(notes.take("appSettings." + s.name()),
                "application_insights_connection_string", refs.of(s.value())));
        settings.owned(INSIGHTS_KEY).ifPresent(s -> body.arg(notes.take("appSettings." + s.name()),
                "application_insights_key", refs.of(s.value())));
        if (app.planKind() != PlanKind.FLEX_CONSUMPTION) {
            app.runtime().ifPresent(runtime -> applicationStack(body, type, runtime, notes));
        }
        if (!site.corsAllowedOrigins().isEmpty()) {
            body.block(Body.nested(notes.take("cors"), "cors", new Body().arg("allowed_origins",
                    new Tuple(site.corsAllowedOrigins().stream().map(refs::of).toList()))));
        }
        return Body.nested(List.of(), "site_config", body);
    }

    /** A site setting: its argument, or a comment where the resource type has none. */
    private static void siteArgument(Body body, AppType type, DeviationComments notes, String key, String argument,
                                     HclExpr value) {
        List<String> comments = notes.take(key);
        if (type.has("site_config." + argument)) {
            body.arg(comments, argument, value);
        } else {
            body.unmapped(comments, argument, notWritten(key + " = " + HclPrinter.print(value), type,
                    "site_config." + argument));
        }
    }

    /** {@code application_stack}: the language and version the Bicep emitter writes as linuxFxVersion. */
    private static void applicationStack(Body body, AppType type, Runtime runtime, DeviationComments notes) {
        String what = "the runtime " + runtime.name() + " " + runtime.version()
                + (runtime.linuxFxVersion().isEmpty() ? "" : " (linuxFxVersion " + runtime.linuxFxVersion() + ")");
        if (!type.has("site_config.application_stack")) {
            body.unmapped(notes.take("runtime"), "application_stack", notWritten(what, type,
                    "site_config.application_stack"));
            return;
        }
        Azurerm.Stack stack = Azurerm.STACKS.get(runtime.name());
        if (stack == null) {
            List<String> lines = new ArrayList<>(notes.take("runtime"));
            lines.add("Not written: " + what + "; application_stack has no argument for this language.");
            body.comments(lines);
            return;
        }
        Body stackBody = new Body();
        List<String> comments = new ArrayList<>(notes.take("runtime"));
        if (!stack.versionArgument().isEmpty()) {
            stackBody.arg(stack.versionArgument(), string(runtime.version()));
            List<String> documented = Azurerm.DOCUMENTED_STACK_VERSIONS.get(stack.versionArgument());
            if (documented != null && !documented.contains(runtime.version())) {
                comments.add("azurerm " + Azurerm.SCHEMA_VERSION + " documents " + stack.versionArgument() + " "
                        + String.join(", ", documented) + "; a newer provider may be needed for "
                        + runtime.version() + ".");
            }
        }
        stack.flags().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(flag -> stackBody.arg(flag.getKey(), bool(flag.getValue())));
        body.block(Body.nested(comments, "application_stack", stackBody));
    }

    private static String notWritten(String what, AppType type, String argument) {
        return "Not written: " + what + "; " + type.resourceType() + " has no " + argument + " argument in azurerm "
                + Azurerm.SCHEMA_VERSION + ".";
    }

    // -------------------------------------------------------------- API Management

    /** {@code sku_name} is the SKU and its capacity: {@code Consumption_0}. */
    private Block apiManagementService(ApiManagementService service, DeviationComments notes) {
        // No security block: the Consumption tier accepts no change to the protocol and cipher defaults, which allow
        // TLS 1.2 (learn.microsoft.com/azure/api-management/api-management-howto-manage-protocols-ciphers).
        Body body = named(service, notes)
                .arg(notes.take("publisherName"), "publisher_name", refs.of(service.publisherName()))
                .arg(notes.take("publisherEmail"), "publisher_email", refs.of(service.publisherEmail()))
                .arg(notes.take("sku"), "sku_name", string(service.skuName() + "_" + service.capacity()));
        return add(service, notes, body, List.of());
    }

    private Block apiManagementApi(ApiManagementApi api, DeviationComments notes) {
        require(api.service(), ApiManagementService.class, "API " + api.symbol() + " is in");
        Body body = inService(api, api.service(), notes)
                .arg("revision", string(ImplicitSettings.APIM_API_REVISION))
                .arg(notes.take("displayName"), "display_name", refs.of(api.displayName()))
                .arg(notes.take("path"), "path", string(api.path()))
                .arg(notes.take("protocols"), "protocols",
                        new Tuple(api.protocols().stream().<HclExpr>map(HclExpr::string).toList()))
                .arg(notes.take("subscriptionRequired"), "subscription_required", bool(api.subscriptionRequired()))
                .block(Body.nested(List.of(), "subscription_key_parameter_names", new Body()
                        .arg("header", string(api.subscriptionKeyHeader()))
                        .arg("query", string(api.subscriptionKeyQuery()))));
        return add(api, notes, body, List.of());
    }

    /** The app's default function key, from its host keys read when the configuration is applied. */
    private Block namedValue(ApiManagementNamedValue value, DeviationComments notes) {
        require(value.service(), ApiManagementService.class, "named value " + value.symbol() + " is in");
        FunctionApp app = require(value.app(), FunctionApp.class, "named value " + value.symbol()
                + " holds the key of");
        Body body = inService(value, value.service(), notes)
                .arg("display_name", refs.of(value.name()))
                .arg(notes.take("secret"), "secret", bool(value.secret()))
                .arg(notes.take("app"), "value", hostKeys(app, Azurerm.DEFAULT_FUNCTION_KEY));
        return add(value, notes, body, List.of());
    }

    private Block backend(ApiManagementBackend backend, DeviationComments notes) {
        require(backend.service(), ApiManagementService.class, "backend " + backend.symbol() + " is in");
        require(backend.app(), FunctionApp.class, "backend " + backend.symbol() + " calls");
        require(backend.key(), ApiManagementNamedValue.class, "backend " + backend.symbol() + " sends the key of");
        // {{name}} is replaced by the named value when API Management calls the backend; naming it through the
        // resource also makes the backend wait for it.
        Template reference = new Template(List.of("{{", "}}"),
                List.of(refs.attribute(backend.key(), Value.Attribute.NAME)));
        Body body = inService(backend, backend.service(), notes)
                .arg("protocol", string("http"))
                .arg(notes.take("url"), "url", refs.of(backend.url()))
                .block(Body.nested(notes.take("key"), "credentials", new Body()
                        .arg("header", new ObjectExpr(List.of(new ObjectItem(List.of(), backend.keyHeader(), true,
                                reference))))));
        return add(backend, notes, body, List.of());
    }

    private Block operation(ApiManagementOperation operation, DeviationComments notes) {
        require(operation.api(), ApiManagementApi.class, "operation " + operation.symbol() + " is in");
        Body body = new Body()
                .arg(notes.take("name"), "operation_id", refs.of(operation.name()))
                .arg("api_name", refs.attribute(operation.api(), Value.Attribute.NAME))
                .arg("api_management_name", attribute(operation.api(), "api_management_name"))
                .arg("resource_group_name", Expressions.resourceGroupName())
                .arg("display_name", string(operation.displayName()))
                .arg(notes.take("method"), "method", string(operation.method()))
                .arg(notes.take("urlTemplate"), "url_template", string(operation.urlTemplate()));
        for (String parameter : operation.templateParameters()) {
            body.block(Body.nested(List.of(), "template_parameter", new Body()
                    .arg("name", string(parameter))
                    .arg("required", bool(true))
                    .arg("type", string(ImplicitSettings.APIM_TEMPLATE_PARAMETER_TYPE))));
        }
        return add(operation, notes, body, List.of());
    }

    /** The arguments that name the API, operation or product a policy applies to, then its XML. */
    private Block policy(ApiManagementPolicy policy, DeviationComments notes) {
        AzureResource scope = require(policy.scope(), AzureResource.class, "policy " + policy.symbol()
                + " applies to");
        Body body = new Body();
        if (scope instanceof ApiManagementApi) {
            body.arg("api_name", refs.attribute(policy.scope(), Value.Attribute.NAME))
                    .arg("api_management_name", attribute(policy.scope(), "api_management_name"));
        } else if (scope instanceof ApiManagementOperation) {
            body.arg("api_name", attribute(policy.scope(), "api_name"))
                    .arg("api_management_name", attribute(policy.scope(), "api_management_name"))
                    .arg("operation_id", attribute(policy.scope(), "operation_id"));
        } else if (scope instanceof ApiManagementProduct) {
            body.arg("product_id", attribute(policy.scope(), "product_id"))
                    .arg("api_management_name", attribute(policy.scope(), "api_management_name"));
        } else {
            throw new IllegalStateException("policy " + policy.symbol() + " applies to " + policy.scope()
                    + ", which is not an API, operation or product of the deployment");
        }
        body.arg("resource_group_name", Expressions.resourceGroupName())
                .arg(notes.take("xml"), "xml_content", refs.of(policy.xml()));
        return add(policy, notes, body, List.of());
    }

    private Block product(ApiManagementProduct product, DeviationComments notes) {
        require(product.service(), ApiManagementService.class, "product " + product.symbol() + " is in");
        Body body = new Body()
                .arg(notes.take("name"), "product_id", refs.of(product.name()))
                .arg("api_management_name", refs.attribute(product.service(), Value.Attribute.NAME))
                .arg("resource_group_name", Expressions.resourceGroupName())
                .arg(notes.take("displayName"), "display_name", refs.of(product.displayName()))
                .arg(notes.take("subscriptionRequired"), "subscription_required",
                        bool(product.subscriptionRequired()))
                .arg(notes.take("approvalRequired"), "approval_required", bool(product.approvalRequired()))
                .arg(notes.take("published"), "published", bool(product.published()));
        return add(product, notes, body, List.of());
    }

    private Block productApi(ApiManagementProductApi link, DeviationComments notes) {
        require(link.product(), ApiManagementProduct.class, "product API " + link.symbol() + " is in");
        require(link.api(), ApiManagementApi.class, "product API " + link.symbol() + " links");
        Body body = new Body()
                .arg(notes.take("name"), "api_name", refs.of(link.name()))
                .arg("product_id", attribute(link.product(), "product_id"))
                .arg("api_management_name", attribute(link.product(), "api_management_name"))
                .arg("resource_group_name", Expressions.resourceGroupName());
        return add(link, notes, body, List.of());
    }

    private Block subscription(ApiManagementSubscription subscription, DeviationComments notes) {
        require(subscription.product(), ApiManagementProduct.class, "subscription " + subscription.symbol()
                + " is for");
        Body body = new Body()
                .arg(notes.take("name"), "subscription_id", refs.of(subscription.name()))
                .arg("api_management_name", attribute(subscription.product(), "api_management_name"))
                .arg("resource_group_name", Expressions.resourceGroupName())
                .arg(notes.take("product"), "product_id", refs.attribute(subscription.product(), Value.Attribute.ID))
                .arg("display_name", string(subscription.displayName()))
                .arg(notes.take("state"), "state", string(subscription.state()))
                .arg(notes.take("allowTracing"), "allow_tracing", bool(subscription.allowTracing()));
        return add(subscription, notes, body, List.of());
    }

    /** {@code name}, {@code resource_group_name} and {@code api_management_name}: a resource of an instance. */
    private Body inService(AzureResource r, String service, DeviationComments notes) {
        return new Body()
                .arg(notes.take("name"), "name", refs.of(r.name()))
                .arg("resource_group_name", Expressions.resourceGroupName())
                .arg("api_management_name", refs.attribute(service, Value.Attribute.NAME));
    }

    /** An exported attribute of a resource of the deployment that the model has no attribute for. */
    private HclExpr attribute(String symbol, String name) {
        return HclExpr.attr(refs.address(symbol).instance(), name);
    }

    // -------------------------------------------------------------- helpers

    /** The resource a record refers to, which must be of that kind. */
    private <T extends AzureResource> T require(String symbol, Class<T> kind, String what) {
        return deployment.resource(symbol).filter(kind::isInstance).map(kind::cast)
                .orElseThrow(() -> new IllegalStateException(what + " " + symbol + ", which is not "
                        + (kind == AzureResource.class ? "a resource" : "a " + kind.getSimpleName())
                        + " of the deployment"));
    }

    /** {@code name}, {@code resource_group_name} and {@code location}, which most resources start with. */
    private Body named(AzureResource r, DeviationComments notes) {
        return new Body()
                .arg(notes.take("name"), "name", refs.of(r.name()))
                .arg("resource_group_name", Expressions.resourceGroupName())
                .arg("location", refs.location());
    }

    /**
     * The resource block: {@code count} first when the resource has a condition, then the body; above it the
     * deviations not placed on an argument, then any notes of the emitter.
     */
    private Block add(AzureResource r, DeviationComments notes, Body body, List<String> extraComments) {
        List<BodyItem> items = new ArrayList<>();
        r.condition().ifPresent(c -> {
            items.add(new BodyItem.Attribute(List.of(), "count", new Conditional(refs.of(c), number(1), number(0))));
            items.add(new BodyItem.Blank());
        });
        items.addAll(body.build());
        List<String> comments = new ArrayList<>(notes.rest());
        comments.addAll(extraComments);
        Expressions.Address address = refs.address(r.symbol());
        return new Block(comments, "resource", List.of(address.type(), address.label()), items);
    }

    /**
     * An app's settings, split into those azurerm owns through arguments of the resource type (its read moves them
     * out of {@code app_settings}, so writing them there would show a change on every plan) and the rest.
     */
    record Settings(Map<String, AppSetting> owned, List<AppSetting> remaining) {

        static Settings of(List<AppSetting> settings, AppType type) {
            Set<String> ownedNames = type == AppType.FLEX
                    ? Set.of(INSIGHTS_CONNECTION_STRING, INSIGHTS_KEY)
                    : Set.of(EXTENSION_VERSION, STORAGE_ACCOUNT_NAME, INSIGHTS_CONNECTION_STRING, INSIGHTS_KEY);
            Map<String, AppSetting> owned = new LinkedHashMap<>();
            List<AppSetting> remaining = new ArrayList<>();
            for (AppSetting s : settings) {
                if (ownedNames.contains(s.name()) && !owned.containsKey(s.name())) {
                    owned.put(s.name(), s);
                } else {
                    remaining.add(s);
                }
            }
            return new Settings(owned, remaining);
        }

        Optional<AppSetting> owned(String name) {
            return Optional.ofNullable(owned.get(name));
        }
    }
}
