package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AppSetting;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.RoleDefinition;
import io.lambda2azure.core.azure.Trigger;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.deviation.DeviationKind;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.References;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.PollingSetting;
import io.lambda2azure.core.model.event.PollingSettings;
import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Wires one function app to the services its functions use: the trigger of each event source (with the
 * entity it reads, its identity-based connection settings and the data role on that entity), the event
 * subscriptions, subscriptions and consumer groups a trigger needs, host.json extension settings, and the
 * role assignments that replace IAM permissions. Resources it creates for the app are kept until
 * {@link #flush()}, so that they follow the app in the output.
 *
 * <p>Trigger settings follow Microsoft Learn's binding references (functions-bindings-service-bus-trigger,
 * functions-bindings-event-hubs-trigger, functions-bindings-cosmosdb-v2-trigger,
 * functions-event-grid-blob-trigger, functions-bindings-event-grid-trigger); identity-based connections follow
 * functions-reference#configure-an-identity-based-connection: {@code <prefix>__fullyQualifiedNamespace},
 * {@code __accountEndpoint}, {@code __blobServiceUri}, with {@code __credential} managedidentity and the
 * user-assigned identity's {@code __clientId}. docs/azure-facts-events.md lists each fact with its page.
 */
final class AppWiring {

    static final String SERVICE_BUS = "ServiceBusConnection";
    static final String EVENT_HUBS = "EventHubsConnection";
    static final String COSMOS = "CosmosDBConnection";

    private final PlanContext context;
    private final Services services;
    private final String app;
    private final String identity;
    private final Optional<Value> condition;
    private final List<AppSetting> settings;
    final List<Trigger> triggers = new ArrayList<>();
    final List<AzureResource.EventGap> gaps = new ArrayList<>();
    final Map<String, Value> hostSettings = new LinkedHashMap<>();
    private final List<AzureResource> pending = new ArrayList<>();
    private final Set<String> assigned = new LinkedHashSet<>();
    private final Set<String> sdkConnections = new LinkedHashSet<>();
    private final Map<String, String> systemTopics;
    boolean keyVaultReferences;

    AppWiring(PlanContext context, Services services, String app, String identity, Optional<Value> condition,
              List<AppSetting> settings, Map<String, String> systemTopics) {
        this.context = context;
        this.services = services;
        this.app = app;
        this.identity = identity;
        this.condition = condition;
        this.settings = settings;
        this.systemTopics = systemTopics;
    }

    /** Adds the resources planned for the app, after the app itself. */
    void flush() {
        pending.forEach(context::add);
        pending.clear();
    }

    // ------------------------------------------------------------------ events

    /**
     * Plans the trigger of an event source other than HTTP and schedules, or records the gap with the
     * deviation that says why none was generated.
     */
    void event(Function f, EventSource event, String function) {
        Optional<Deviation.Target> target = Optional.of(Deviation.Target.resource(app));
        Optional<Value> when = and(condition, context.condition(event.condition()));
        if (event instanceof EventSource.Queue q) {
            queue(f, q, function, when, target);
        } else if (event instanceof EventSource.Topic t) {
            topic(f, t, function, when, target);
        } else if (event instanceof EventSource.ObjectStorage o) {
            objectStorage(f, o, function, when, target);
        } else if (event instanceof EventSource.TableStream t) {
            tableStream(f, t, function, target);
        } else if (event instanceof EventSource.Stream s) {
            stream(f, s, function, when, target);
        } else if (event instanceof EventSource.Kafka k) {
            kafka(f, k, function, target);
        } else if (event instanceof EventSource.EventBusRule r) {
            eventBusRule(f, r, function, when, target);
        } else {
            noAzureSource(f, event, target);
        }
    }

    private void queue(Function f, EventSource.Queue q, String function, Optional<Value> when,
                       Optional<Deviation.Target> target) {
        Optional<Services.Counterpart> queue = resolve(q.queue()).filter(c -> c.kind() == Services.Kind.QUEUE);
        Map<String, String> binding = new LinkedHashMap<>();
        if (queue.isEmpty()) {
            external(f, q, function, "Service Bus queue", "queueName", "Azure Service Bus Data Receiver", binding,
                    "serviceBusTrigger", target);
            return;
        }
        Services.Counterpart c = queue.get();
        if (services.storageQueue(c)) {
            storageQueueTrigger(f, q, c, function, binding, target);
            return;
        }
        serviceBusConnection();
        binding.put("queueName", entity(c.symbol(), "NAME", q.location()));
        binding.put("connection", SERVICE_BUS);
        // Lambda hands SQS messages over in batches (10 by default).
        binding.put("cardinality", "many");
        if (c.fifo()) {
            binding.put("isSessionsEnabled", "true");
        }
        int batch = batchSize(q.settings(), 10);
        host("extensions.serviceBus.maxMessageBatchSize", batch);
        maximumConcurrency(q.settings(), "extensions.serviceBus.maxConcurrentCalls");
        pollingGaps(f, q.id(), q.settings(), q.location(), target);
        disabled(q.settings(), function, q.location());
        role(c.symbol(), c.condition(), Roles.SERVICE_BUS_DATA_RECEIVER, q.location(),
                "The " + function + " trigger receives and settles messages of " + c.logicalId() + ".");
        triggers.add(new Trigger(f.logicalId(), function, "serviceBusTrigger", binding, Optional.of(SERVICE_BUS),
                Optional.of(c.symbol()), q.id(), q.location()));
    }

    /**
     * An SQS event of a queue that became a Storage queue: the queue trigger, which takes up to 32 messages at
     * once (learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue#host-json).
     */
    private void storageQueueTrigger(Function f, EventSource.Queue q, Services.Counterpart c, String function,
                                     Map<String, String> binding, Optional<Deviation.Target> target) {
        String connection = "QUEUE_STORAGE";
        setting(connection + "__queueServiceUri", Value.ref(c.parent(), Value.Attribute.QUEUE_ENDPOINT),
                SourceLocation.UNKNOWN);
        identitySettings(connection);
        binding.put("queueName", entity(c.symbol(), "NAME", q.location()));
        binding.put("connection", connection);
        int batch = batchSize(q.settings(), 10);
        if (batch > 32) {
            context.deviation(DeviationCatalog.BATCH_SETTINGS, q.id() + " of " + f.logicalId() + " reads batches of "
                    + batch + "; the queue trigger fetches at most 32 messages at once", q.location(), target);
        }
        host("extensions.queues.batchSize", Math.min(32, batch));
        pollingGaps(f, q.id(), q.settings(), q.location(), target);
        disabled(q.settings(), function, q.location());
        role(c.symbol(), c.condition(), Roles.STORAGE_QUEUE_DATA_READER, q.location(),
                "The " + function + " trigger reads messages of " + c.logicalId() + ".");
        role(c.symbol(), c.condition(), Roles.STORAGE_QUEUE_DATA_MESSAGE_PROCESSOR, q.location(),
                "The " + function + " trigger deletes processed messages of " + c.logicalId() + ".");
        triggers.add(new Trigger(f.logicalId(), function, "queueTrigger", binding, Optional.of(connection),
                Optional.of(c.symbol()), q.id(), q.location()));
    }

    private void topic(Function f, EventSource.Topic t, String function, Optional<Value> when,
                       Optional<Deviation.Target> target) {
        Optional<Services.Counterpart> topic = resolve(t.topic()).filter(c -> c.kind() == Services.Kind.TOPIC);
        Map<String, String> binding = new LinkedHashMap<>();
        if (topic.isEmpty()) {
            external(f, t, function, "Service Bus topic and subscription", "topicName",
                    "Azure Service Bus Data Receiver", binding, "serviceBusTrigger", target);
            return;
        }
        Services.Counterpart c = topic.get();
        if (services.eventGrid(c)) {
            eventGridTopic(f, t, c, function, when, target);
            return;
        }
        serviceBusConnection();
        String subscription = context.names().symbol(function + "Subscription");
        // Subscription names: 1-50 characters.
        String subscriptionName = Names.kebab(function, 50);
        Optional<Value> subscriptionCondition = and(when, c.condition());
        pending.add(new AzureResource.ServiceBusSubscription(subscription, Value.text(subscriptionName),
                subscriptionCondition, c.symbol(), Optional.empty(), Optional.empty(), c.fifo(), Optional.empty(),
                t.location()));
        t.filterPolicy().ifPresent(policy -> filterRule(t, policy, subscription, subscriptionCondition, target));
        t.viaQueue().ifPresent(v -> context.deviation(DeviationCatalog.QUEUE_SEMANTICS, "the SQS queue between "
                + c.logicalId() + " and " + f.logicalId() + " is not generated: the topic subscription buffers the"
                + " messages itself", t.location(), target));
        binding.put("topicName", entity(c.symbol(), "NAME", t.location()));
        binding.put("subscriptionName", subscriptionName);
        binding.put("connection", SERVICE_BUS);
        if (c.fifo()) {
            binding.put("isSessionsEnabled", "true");
        }
        // A topic trigger's role must be scoped to its subscription: topic scope alone fails
        // (learn.microsoft.com/azure/azure-functions/functions-bindings-service-bus#grant-permission-to-the-identity).
        role(subscription, subscriptionCondition, Roles.SERVICE_BUS_DATA_RECEIVER, t.location(),
                "The " + function + " trigger receives messages of its subscription of " + c.logicalId() + ".");
        triggers.add(new Trigger(f.logicalId(), function, "serviceBusTrigger", binding, Optional.of(SERVICE_BUS),
                Optional.of(subscription), t.id(), t.location()));
    }

    /** An SNS subscription of a topic that became an Event Grid topic: an event subscription to the function. */
    private void eventGridTopic(Function f, EventSource.Topic t, Services.Counterpart c, String function,
                                Optional<Value> when, Optional<Deviation.Target> target) {
        List<String> unmapped = new ArrayList<>();
        List<AzureResource.AdvancedFilter> filters = List.of();
        if (t.filterPolicy().isPresent()) {
            if (t.filterPolicyScope().flatMap(Expr::asString).filter(s -> s.equals("MessageBody")).isPresent()) {
                filters = Filters.nested("data", t.filterPolicy().get(), unmapped);
            } else {
                filters = Filters.attributes(t.filterPolicy().get(), unmapped);
            }
        }
        if (!unmapped.isEmpty()) {
            context.deviation(DeviationCatalog.EVENT_FILTER_PARTIAL, "the filter policy of " + t.id() + " has"
                    + " conditions the Event Grid filter leaves out: " + String.join(", ", unmapped), t.location(),
                    target);
        }
        String subscription = context.names().symbol(function + "EventSubscription");
        pending.add(new AzureResource.EventGridSubscription(subscription, Value.text(Names.kebab(function, 64)),
                and(and(Optional.of(new Value.Param(deploySubscriptions(t.location()))), when), c.condition()),
                c.symbol(), new AzureResource.EventDestination.Function(app, function), "CloudEventSchemaV1_0",
                List.of(), Optional.empty(), Optional.empty(), filters, Optional.empty(), t.location()));
        context.deviation(DeviationCatalog.SUBSCRIPTION_AFTER_CODE, "the event subscription of " + function + " to "
                + c.logicalId() + " deploys when deployEventSubscriptions is true", t.location(),
                Optional.of(Deviation.Target.resource(subscription)));
        triggers.add(new Trigger(f.logicalId(), function, "eventGridTrigger", new LinkedHashMap<>(), t.id(),
                t.location()));
    }

    /** An SNS filter policy as a Service Bus SQL filter over message properties. */
    private void filterRule(EventSource.Topic t, Expr policy, String subscription, Optional<Value> when,
                            Optional<Deviation.Target> target) {
        if (t.filterPolicyScope().flatMap(Expr::asString).filter(s -> s.equals("MessageBody")).isPresent()) {
            context.deviation(DeviationCatalog.EVENT_FILTER_PARTIAL, "the filter policy of " + t.id() + " applies to"
                    + " the message body; Service Bus filters read message properties only, so every message is"
                    + " delivered", t.location(), target);
            return;
        }
        List<String> unmapped = new ArrayList<>();
        Optional<String> sql = Filters.sql(policy, unmapped);
        if (!unmapped.isEmpty()) {
            context.deviation(DeviationCatalog.EVENT_FILTER_PARTIAL, "the filter policy of " + t.id()
                    + " has conditions the subscription rule leaves out: " + String.join(", ", unmapped),
                    t.location(), target);
        }
        sql.ifPresent(expression -> pending.add(new AzureResource.ServiceBusRule(
                context.names().symbol(subscription + "Filter"), Value.text("filter-policy"), when, subscription,
                Value.text(expression), t.location())));
    }

    private void objectStorage(Function f, EventSource.ObjectStorage o, String function, Optional<Value> when,
                               Optional<Deviation.Target> target) {
        Optional<Services.Counterpart> bucket = resolve(o.bucket()).filter(c -> c.kind() == Services.Kind.BUCKET);
        if (bucket.isEmpty()) {
            gap(f, o, DeviationCatalog.EXTERNAL_EVENT_SOURCE, "the bucket " + o.bucket() + " of " + o.id() + " is not"
                    + " in the template; create an Event Grid subscription of its storage account for " + function
                    + " by hand", target);
            return;
        }
        Services.Counterpart c = bucket.get();
        List<String> events = new ArrayList<>();
        if (o.events() instanceof Expr.ListExpr l) {
            l.items().forEach(i -> i.asString().ifPresent(events::add));
        } else {
            o.events().asString().ifPresent(events::add);
        }
        List<String> types = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (String e : events) {
            if (e.startsWith("s3:ObjectCreated:")) {
                add(types, "Microsoft.Storage.BlobCreated");
            } else if (e.startsWith("s3:ObjectRemoved:")) {
                add(types, "Microsoft.Storage.BlobDeleted");
            } else {
                unmapped.add(e);
            }
        }
        if (types.isEmpty()) {
            gap(f, o, DeviationCatalog.TRIGGER_NOT_MAPPED, "the S3 events " + events + " of " + o.id() + " have no Blob"
                    + " Storage event (Blob Storage publishes blob created, deleted and tier-changed events)", target);
            return;
        }
        if (!unmapped.isEmpty()) {
            context.deviation(DeviationCatalog.EVENT_FILTER_PARTIAL, "S3 events " + unmapped + " of " + o.id()
                    + " have no Blob Storage event and are not delivered", o.location(), target);
        }
        String prefix = "";
        String suffix = "";
        for (Map.Entry<String, String> rule : Filters.keyRules(o.filter()).entrySet()) {
            if (rule.getKey().equalsIgnoreCase("prefix")) {
                prefix = rule.getValue();
            } else if (rule.getKey().equalsIgnoreCase("suffix")) {
                suffix = rule.getValue();
            }
        }
        String account = c.parent();
        String systemTopic = systemTopics.computeIfAbsent(account, a -> {
            String symbol = context.names().symbol(a + "Events");
            context.add(new AzureResource.EventGridSystemTopic(symbol, Naming.name("evgst-", c.logicalId(), 40),
                    c.condition(), a, "Microsoft.Storage.StorageAccounts", c.source()));
            return symbol;
        });
        boolean blobTrigger = types.equals(List.of("Microsoft.Storage.BlobCreated"));
        String connection = constant(c.logicalId()) + "_STORAGE";
        Map<String, String> binding = new LinkedHashMap<>();
        AzureResource.EventDestination destination;
        if (blobTrigger) {
            // On Flex Consumption the blob trigger must use the Event Grid source; it is the low-latency choice on
            // every plan (learn.microsoft.com/azure/azure-functions/functions-event-grid-blob-trigger).
            storageConnection(connection, account);
            String container = entity(c.symbol(), "NAME", o.location());
            binding.put("path", container + "/" + prefix + "{name}" + suffix);
            binding.put("source", "EventGrid");
            binding.put("connection", connection);
            destination = new AzureResource.EventDestination.BlobsExtensionWebhook(app, function);
            // The blob trigger reads blobs and uses queues of its connection, with the Event Grid source too
            // (learn.microsoft.com/azure/azure-functions/functions-bindings-storage-blob-trigger#identity-based-connections).
            setting(connection + "__queueServiceUri", Value.ref(account, Value.Attribute.QUEUE_ENDPOINT),
                    SourceLocation.UNKNOWN);
            role(account, c.condition(), Roles.STORAGE_BLOB_DATA_OWNER, o.location(),
                    "The " + function + " blob trigger reads new blobs of " + c.logicalId() + ".");
            role(account, c.condition(), Roles.STORAGE_QUEUE_DATA_CONTRIBUTOR, o.location(),
                    "The " + function + " blob trigger keeps its poison messages in queues of the account.");
        } else {
            destination = new AzureResource.EventDestination.Function(app, function);
        }
        String subscription = context.names().symbol(function + "EventSubscription");
        Value subject = new Value.Interpolation(List.of(Value.text("/blobServices/default/containers/"),
                Value.ref(c.symbol(), Value.Attribute.NAME), Value.text("/blobs/" + prefix)));
        pending.add(new AzureResource.EventGridSubscription(subscription, Value.text(Names.kebab(function, 64)),
                and(and(Optional.of(new Value.Param(deploySubscriptions(o.location()))), when), c.condition()), systemTopic, destination,
                "EventGridSchema", types, Optional.of(subject),
                suffix.isEmpty() ? Optional.empty() : Optional.of(Value.text(suffix)), List.of(), Optional.empty(),
                o.location()));
        context.deviation(DeviationCatalog.SUBSCRIPTION_AFTER_CODE, "the event subscription of " + function + " to "
                + c.logicalId() + " deploys when deployEventSubscriptions is true", o.location(),
                Optional.of(Deviation.Target.resource(subscription)));
        if (blobTrigger) {
            triggers.add(new Trigger(f.logicalId(), function, "blobTrigger", binding, Optional.of(connection),
                    Optional.of(account), o.id(), o.location()));
        } else {
            triggers.add(new Trigger(f.logicalId(), function, "eventGridTrigger", binding, o.id(), o.location()));
        }
    }

    private void tableStream(Function f, EventSource.TableStream t, String function,
                             Optional<Deviation.Target> target) {
        Optional<Services.Counterpart> table = resolve(t.stream()).filter(c -> c.kind() == Services.Kind.TABLE);
        Map<String, String> binding = new LinkedHashMap<>();
        if (table.isEmpty()) {
            external(f, t, function, "Cosmos DB container", "containerName", "Cosmos DB Built-in Data Contributor",
                    binding, "cosmosDBTrigger", target);
            return;
        }
        Services.Counterpart c = table.get();
        String lease = services.leaseContainer();
        cosmosConnection();
        binding.put("databaseName", entity(c.parent(), "NAME", t.location()));
        binding.put("containerName", entity(c.symbol(), "NAME", t.location()));
        binding.put("leaseContainerName", "leases");
        binding.put("leaseContainerPrefix", Names.kebab(function, 40) + "-");
        binding.put("connection", COSMOS);
        t.settings().get(PollingSetting.STARTING_POSITION).flatMap(Expr::asString).ifPresent(p -> {
            if (p.equals("TRIM_HORIZON")) {
                binding.put("startFromBeginning", "true");
            } else if (p.equals("AT_TIMESTAMP")) {
                context.deviation(DeviationCatalog.STARTING_POSITION, t.id() + " starts at a timestamp; set"
                        + " startFromTime on the trigger", t.location(), target);
            }
        });
        t.settings().get(PollingSetting.BATCH_SIZE).flatMap(AzurePlanner::integer)
                .ifPresent(b -> binding.put("maxItemsPerInvocation", String.valueOf(b)));
        pollingGaps(f, t.id(), t.settings(), t.location(), target);
        disabled(t.settings(), function, t.location());
        cosmosRole(c.parent(), Roles.COSMOS_DATA_CONTRIBUTOR, t.location(), "The " + function + " trigger reads the"
                + " change feed of " + c.logicalId() + " and writes its leases.");
        triggers.add(new Trigger(f.logicalId(), function, "cosmosDBTrigger", binding, Optional.of(COSMOS),
                Optional.of(c.parent()), t.id(), t.location()));
        context.resource(lease); // the lease container exists before any trigger reads it
    }

    private void stream(Function f, EventSource.Stream s, String function, Optional<Value> when,
                        Optional<Deviation.Target> target) {
        Optional<Services.Counterpart> stream = resolve(s.stream()).filter(c -> c.kind() == Services.Kind.STREAM);
        Map<String, String> binding = new LinkedHashMap<>();
        if (stream.isEmpty()) {
            external(f, s, function, "event hub", "eventHubName", "Azure Event Hubs Data Receiver", binding,
                    "eventHubTrigger", target);
            return;
        }
        Services.Counterpart c = stream.get();
        eventHubsConnection();
        String group = context.names().symbol(function + "ConsumerGroup");
        // Consumer group names: 1-50 characters.
        String groupName = Names.kebab(function, 50);
        pending.add(new AzureResource.EventHubConsumerGroup(group, Value.text(groupName), and(when, c.condition()),
                c.symbol(), s.location()));
        binding.put("eventHubName", entity(c.symbol(), "NAME", s.location()));
        binding.put("consumerGroup", groupName);
        binding.put("connection", EVENT_HUBS);
        binding.put("cardinality", "many");
        // Lambda reads up to 100 Kinesis records at once by default.
        host("extensions.eventHubs.maxEventBatchSize", batchSize(s.settings(), 100));
        s.settings().get(PollingSetting.STARTING_POSITION).flatMap(Expr::asString).ifPresent(p -> {
            String offset = switch (p) {
                case "TRIM_HORIZON" -> "fromStart";
                case "LATEST" -> "fromEnd";
                default -> "fromEnqueuedTime";
            };
            hostSettings.put("extensions.eventHubs.initialOffsetOptions.type", Value.text(offset));
            if (offset.equals("fromEnqueuedTime")) {
                context.deviation(DeviationCatalog.STARTING_POSITION, s.id() + " starts at a timestamp; set"
                        + " extensions.eventHubs.initialOffsetOptions.enqueuedTimeUtc in host.json", s.location(), target);
            }
        });
        pollingGaps(f, s.id(), s.settings(), s.location(), target);
        disabled(s.settings(), function, s.location());
        role(c.symbol(), c.condition(), Roles.EVENT_HUBS_DATA_RECEIVER, s.location(),
                "The " + function + " trigger reads events of " + c.logicalId() + ".");
        triggers.add(new Trigger(f.logicalId(), function, "eventHubTrigger", binding, Optional.of(EVENT_HUBS),
                Optional.of(c.symbol()), s.id(), s.location()));
    }

    private void kafka(Function f, EventSource.Kafka k, String function, Optional<Deviation.Target> target) {
        String prefix = settingSafe(function.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        Value brokers = k.bootstrapServers().map(b -> b instanceof Expr.ListExpr l
                        ? new Value.Call(Value.Fn.JOIN, List.of(Value.text(","), context.translate(b, k.location(), target)))
                        : context.translate(b, k.location(), target))
                .orElseGet(() -> new Value.Param(context.addParameter(function + "KafkaBrokers",
                        AzureParameter.ParamType.STRING, "The bootstrap servers of the Kafka cluster "
                                + k.cluster().map(Object::toString).orElse("") + " that " + function + " reads.",
                        k.location())));
        setting(prefix + "_KAFKA_BROKERS", brokers, k.location());
        Map<String, String> binding = new LinkedHashMap<>();
        binding.put("brokerList", "%" + prefix + "_KAFKA_BROKERS%");
        List<String> topics = new ArrayList<>();
        if (k.topics() instanceof Expr.ListExpr l) {
            l.items().forEach(i -> i.asString().ifPresent(topics::add));
        } else {
            k.topics().asString().ifPresent(topics::add);
        }
        binding.put("topic", topics.isEmpty() ? "%" + prefix + "_KAFKA_TOPIC%" : topics.get(0));
        if (topics.isEmpty()) {
            setting(prefix + "_KAFKA_TOPIC", context.translate(k.topics(), k.location(), target), k.location());
        }
        binding.put("consumerGroup", k.consumerGroupId().flatMap(Expr::asString).orElse(Names.kebab(function)));
        binding.put("cardinality", "many");
        // The Kafka trigger runs on Premium, Dedicated and Flex Consumption, not on Consumption
        // (learn.microsoft.com/azure/azure-functions/functions-bindings-kafka).
        boolean unsupported = context.plan() == PlanKind.CONSUMPTION;
        context.deviation(DeviationCatalog.KAFKA_TRIGGER, (k.managed() ? "the MSK" : "the self-managed Kafka")
                + " event of " + function + " becomes a Kafka trigger" + (topics.size() > 1 ? " of topic "
                + topics.get(0) + " (one trigger reads one topic; " + topics.subList(1, topics.size())
                + " need their own functions)" : "") + "; authentication settings are not generated"
                + (unsupported ? "; the Consumption plan has no Kafka trigger" : ""), k.location(), target);
        triggers.add(new Trigger(f.logicalId(), function, "kafkaTrigger", binding, k.id(), k.location()));
    }

    private void eventBusRule(Function f, EventSource.EventBusRule r, String function, Optional<Value> when,
                              Optional<Deviation.Target> target) {
        Optional<Services.Counterpart> bus = r.eventBus().isEmpty() ? Optional.of(services.defaultEventBus(r.location()))
                : resolve(r.eventBus().get()).filter(c -> c.kind() == Services.Kind.EVENT_BUS);
        if (bus.isEmpty()) {
            gap(f, r, DeviationCatalog.EXTERNAL_EVENT_SOURCE, "the event bus " + r.eventBus().get() + " of " + r.id()
                    + " is not in the template; subscribe " + function + " to the Event Grid topic that replaces it",
                    target);
            return;
        }
        List<String> unmapped = new ArrayList<>();
        List<AzureResource.AdvancedFilter> filters = Filters.eventPattern(r.pattern(), unmapped);
        if (Filters.awsServiceSource(r.pattern())) {
            gap(f, r, DeviationCatalog.TRIGGER_NOT_MAPPED, "the rule " + r.id() + " matches events of AWS services ("
                    + r.pattern() + "); subscribe " + function + " to the matching Azure system topic (Event Grid"
                    + " system topics publish resource events of Azure services) or to Azure Monitor alerts", target);
            return;
        }
        if (!unmapped.isEmpty()) {
            context.deviation(DeviationCatalog.EVENT_FILTER_PARTIAL, "the pattern of " + r.id() + " has conditions"
                    + " the Event Grid filter leaves out: " + String.join(", ", unmapped), r.location(), target);
        }
        r.input().ifPresent(i -> context.deviation(DeviationCatalog.EVENT_FILTER_PARTIAL, "the rule " + r.id()
                + " passes a fixed input or transformed event; the function receives the event itself", r.location(),
                target));
        Services.Counterpart c = bus.get();
        String subscription = context.names().symbol(function + "EventSubscription");
        boolean enabled = r.enabled().filter(e -> e.equals(new Expr.BooleanLiteral(false))
                || e.equals(Expr.string("DISABLED"))).isEmpty();
        if (!enabled) {
            setting("AzureWebJobs." + function + ".Disabled", Value.text("true"), r.location());
        }
        pending.add(new AzureResource.EventGridSubscription(subscription, Value.text(Names.kebab(function, 64)),
                and(and(Optional.of(new Value.Param(deploySubscriptions(r.location()))), when), c.condition()), c.symbol(),
                new AzureResource.EventDestination.Function(app, function), "CloudEventSchemaV1_0", List.of(),
                Optional.empty(), Optional.empty(), filters, Optional.empty(), r.location()));
        context.deviation(DeviationCatalog.SUBSCRIPTION_AFTER_CODE, "the event subscription of " + function + " to "
                + c.symbol() + " deploys when deployEventSubscriptions is true", r.location(),
                Optional.of(Deviation.Target.resource(subscription)));
        triggers.add(new Trigger(f.logicalId(), function, "eventGridTrigger", new LinkedHashMap<>(), r.id(),
                r.location()));
    }

    private void noAzureSource(Function f, EventSource event, Optional<Deviation.Target> target) {
        String advice;
        if (event instanceof EventSource.Broker) {
            advice = "RabbitMQ brokers: the RabbitMQ trigger (Premium and Dedicated plans); ActiveMQ: move the queues to"
                    + " Service Bus (JMS 2.0 on Premium) and use the Service Bus trigger";
        } else if (event instanceof EventSource.DocumentDbStream) {
            advice = "Azure Cosmos DB for MongoDB has no change stream trigger; move the collection to Cosmos DB for"
                    + " NoSQL and use the Cosmos DB trigger, or poll with a timer trigger";
        } else if (event instanceof EventSource.IotRule) {
            advice = "route IoT Hub messages to Event Hubs (message routing) or Event Grid and trigger on those";
        } else if (event instanceof EventSource.Cognito) {
            advice = "Microsoft Entra External ID custom authentication extensions call an HTTP endpoint: expose the"
                    + " logic as an HTTP trigger";
        } else if (event instanceof EventSource.Alexa) {
            advice = "register an HTTP trigger as the skill's HTTPS endpoint";
        } else if (event instanceof EventSource.LogSubscription) {
            advice = "export logs with a diagnostic setting to an event hub and use the Event Hubs trigger";
        } else if (event instanceof EventSource.InvokePermission p) {
            advice = p.principal() + " may invoke the function on AWS; give the caller an HTTP trigger or a queue"
                    + " on Azure";
        } else {
            advice = "create the trigger by hand";
        }
        gap(f, event, DeviationCatalog.TRIGGER_NOT_MAPPED, "the " + event.kind().id() + " event " + event.id() + " of "
                + f.logicalId() + " has no Azure counterpart: " + advice, target);
    }

    /**
     * A source outside the template: the trigger reads an existing Azure resource that parameters name, and a
     * deviation says which role the identity needs on it.
     */
    private void external(Function f, EventSource event, String function, String what, String entitySetting,
                          String role, Map<String, String> binding, String type, Optional<Deviation.Target> target) {
        String prefix = settingSafe(function.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        String connection = prefix + "_CONNECTION";
        String endpointSuffix = switch (type) {
            case "cosmosDBTrigger" -> "__accountEndpoint";
            default -> "__fullyQualifiedNamespace";
        };
        String endpoint = context.addParameter(function + (type.equals("cosmosDBTrigger") ? "AccountEndpoint"
                        : "Namespace"), AzureParameter.ParamType.STRING, "The "
                        + (type.equals("cosmosDBTrigger") ? "account endpoint" : "fully qualified namespace")
                        + " of the existing " + what + " that " + function + " reads (" + event.id() + ").",
                event.location());
        String entity = context.addParameter(function + Character.toUpperCase(entitySetting.charAt(0))
                + entitySetting.substring(1), AzureParameter.ParamType.STRING, "The " + entitySetting + " of the"
                + " existing " + what + " that " + function + " reads (" + event.id() + ").", event.location());
        setting(connection + endpointSuffix, new Value.Param(endpoint), event.location());
        identitySettings(connection);
        setting(prefix + "_" + entitySetting.toUpperCase(Locale.ROOT), new Value.Param(entity), event.location());
        binding.put(entitySetting, "%" + prefix + "_" + entitySetting.toUpperCase(Locale.ROOT) + "%");
        binding.put("connection", connection);
        context.deviation(DeviationCatalog.EXTERNAL_EVENT_SOURCE, "the source of " + event.id() + " ("
                + sourceOf(event) + ") is not in the template: parameters " + endpoint + " and " + entity + " name the"
                + " existing " + what + ", and the identity of " + app + " needs " + role + " on it", event.location(),
                target);
        triggers.add(new Trigger(f.logicalId(), function, type, binding, Optional.of(connection), Optional.empty(),
                event.id(), event.location()));
    }

    private static String sourceOf(EventSource event) {
        if (event instanceof EventSource.Queue q) {
            return q.queue().toString();
        } else if (event instanceof EventSource.Topic t) {
            return t.topic().toString();
        } else if (event instanceof EventSource.TableStream t) {
            return t.stream().toString();
        } else if (event instanceof EventSource.Stream s) {
            return s.stream().toString();
        }
        return event.id();
    }

    private void gap(Function f, EventSource event, DeviationKind kind, String message,
                     Optional<Deviation.Target> target) {
        context.deviation(kind, message, event.location(), target);
        gaps.add(new AzureResource.EventGap(f.logicalId(), event.id(), kind.id(), event.location()));
    }

    // ------------------------------------------------------------------ polling settings

    private static int batchSize(PollingSettings settings, int lambdaDefault) {
        return settings.get(PollingSetting.BATCH_SIZE).flatMap(AzurePlanner::integer).orElse(lambdaDefault);
    }

    private void maximumConcurrency(PollingSettings settings, String hostSetting) {
        settings.get(PollingSetting.MAXIMUM_CONCURRENCY).ifPresent(scaling -> {
            if (scaling instanceof Expr.MapExpr m && m.entries().containsKey("MaximumConcurrency")) {
                AzurePlanner.integer(m.entries().get("MaximumConcurrency")).ifPresent(n -> host(hostSetting, n));
            }
        });
    }

    /** Lambda settings with no one-to-one trigger setting. */
    private void pollingGaps(Function f, String eventId, PollingSettings settings, SourceLocation at,
                             Optional<Deviation.Target> target) {
        settings.get(PollingSetting.FILTER_CRITERIA).ifPresent(c -> context.deviation(
                DeviationCatalog.EVENT_FILTER_PARTIAL, "the filter criteria of " + eventId + " are not applied by the"
                        + " trigger: " + c, at, target));
        List<String> names = new ArrayList<>();
        for (PollingSetting s : List.of(PollingSetting.MAXIMUM_BATCHING_WINDOW_IN_SECONDS,
                PollingSetting.BISECT_BATCH_ON_FUNCTION_ERROR, PollingSetting.FUNCTION_RESPONSE_TYPES,
                PollingSetting.TUMBLING_WINDOW_IN_SECONDS, PollingSetting.PARALLELIZATION_FACTOR,
                PollingSetting.MAXIMUM_RETRY_ATTEMPTS, PollingSetting.MAXIMUM_RECORD_AGE_IN_SECONDS,
                PollingSetting.ON_FAILURE_DESTINATION)) {
            if (settings.get(s).isPresent()) {
                names.add(s.propertyName());
            }
        }
        if (!names.isEmpty()) {
            context.deviation(DeviationCatalog.BATCH_SETTINGS, eventId + " of " + f.logicalId() + " sets "
                    + String.join(", ", names), at, target);
        }
    }

    private void disabled(PollingSettings settings, String function, SourceLocation at) {
        settings.get(PollingSetting.ENABLED).filter(e -> e.equals(new Expr.BooleanLiteral(false))
                || e.equals(Expr.string("false"))).ifPresent(e ->
                setting("AzureWebJobs." + function + ".Disabled", Value.text("true"), at));
    }

    private void host(String path, int value) {
        Value current = hostSettings.get(path);
        if (current instanceof Value.Number n && n.value().intValue() >= value) {
            return;
        }
        hostSettings.put(path, Value.number(value));
    }

    // ------------------------------------------------------------------ permissions

    /** The access an IAM action or policy template grants on a data service. */
    enum Access { READ, RECEIVE, SEND, WRITE, OWNER }

    /** Grants the identity the data role for an access on a generated resource. */
    void grant(Services.Counterpart c, Access access, SourceLocation at, String why) {
        switch (c.kind()) {
            case TOPIC -> {
                if (services.eventGrid(c)) {
                    eventGridPublisher(c, access, at, why);
                } else {
                    serviceBusConnection();
                    sdkConnections.add(SERVICE_BUS);
                    role(c.symbol(), c.condition(), access == Access.SEND ? Roles.SERVICE_BUS_DATA_SENDER
                            : access == Access.OWNER || access == Access.WRITE ? Roles.SERVICE_BUS_DATA_OWNER
                            : Roles.SERVICE_BUS_DATA_RECEIVER, at, why);
                }
            }
            case QUEUE -> {
                if (services.storageQueue(c)) {
                    setting("QUEUE_STORAGE__queueServiceUri", Value.ref(c.parent(), Value.Attribute.QUEUE_ENDPOINT), at);
                    identitySettings("QUEUE_STORAGE");
                    sdkConnections.add("QUEUE_STORAGE");
                    role(c.symbol(), c.condition(), access == Access.SEND ? Roles.STORAGE_QUEUE_DATA_MESSAGE_SENDER
                            : access == Access.RECEIVE || access == Access.READ ? Roles.STORAGE_QUEUE_DATA_MESSAGE_PROCESSOR
                            : Roles.STORAGE_QUEUE_DATA_CONTRIBUTOR, at, why);
                    return;
                }
                serviceBusConnection();
                sdkConnections.add(SERVICE_BUS);
                role(c.symbol(), c.condition(), access == Access.SEND ? Roles.SERVICE_BUS_DATA_SENDER
                        : access == Access.OWNER || access == Access.WRITE ? Roles.SERVICE_BUS_DATA_OWNER
                        : Roles.SERVICE_BUS_DATA_RECEIVER, at, why);
            }
            case STREAM -> {
                eventHubsConnection();
                sdkConnections.add(EVENT_HUBS);
                role(c.symbol(), c.condition(), access == Access.SEND ? Roles.EVENT_HUBS_DATA_SENDER
                        : access == Access.OWNER || access == Access.WRITE ? Roles.EVENT_HUBS_DATA_OWNER
                        : Roles.EVENT_HUBS_DATA_RECEIVER, at, why);
            }
            case BUCKET -> {
                String connection = constant(c.logicalId()) + "_STORAGE";
                storageConnection(connection, c.parent());
                sdkConnections.add(connection);
                role(c.symbol(), c.condition(), access == Access.READ || access == Access.RECEIVE
                        ? Roles.STORAGE_BLOB_DATA_READER : Roles.STORAGE_BLOB_DATA_CONTRIBUTOR, at, why);
            }
            case TABLE -> {
                cosmosConnection();
                sdkConnections.add(COSMOS);
                cosmosRole(c.parent(), access == Access.READ || access == Access.RECEIVE ? Roles.COSMOS_DATA_READER
                        : Roles.COSMOS_DATA_CONTRIBUTOR, at, why);
            }
            case EVENT_BUS -> eventGridPublisher(c, access, at, why);
            case SECRET -> role(c.symbol(), c.condition(), Roles.KEY_VAULT_SECRETS_USER, at, why);
            default -> throw new IllegalStateException("no access for " + c.kind());
        }
    }

    private void eventGridPublisher(Services.Counterpart c, Access access, SourceLocation at, String why) {
        String connection = constant(c.logicalId()) + "_EVENTGRID";
        // The Event Grid output binding's identity-based connection (functions-bindings-event-grid-output).
        setting(connection + "__topicEndpointUri", Value.ref(c.symbol(), Value.Attribute.TOPIC_ENDPOINT), at);
        identitySettings(connection);
        sdkConnections.add(connection);
        if (access == Access.SEND || access == Access.WRITE || access == Access.OWNER) {
            role(c.symbol(), c.condition(), Roles.EVENT_GRID_DATA_SENDER, at, why);
        }
    }

    /** The connection settings code reaches the generated services with, said once per app. */
    void reportSdkConnections(SourceLocation at) {
        if (!sdkConnections.isEmpty()) {
            context.deviation(DeviationCatalog.SDK_CALLS, app + " reaches its services through the identity-based"
                    + " connection settings " + String.join(", ", sdkConnections), at,
                    Optional.of(Deviation.Target.resource(app)));
        }
    }

    /**
     * An environment value that names a secret of the template becomes a Key Vault reference resolved with the
     * app's identity.
     */
    Optional<Value> secretReference(Expr value, String setting, SourceLocation at) {
        Optional<Services.Counterpart> secret = Optional.empty();
        String note = "";
        if (value instanceof Expr.ResourceRef || value instanceof Expr.AttributeRef) {
            secret = resolve(value).filter(c -> c.kind() == Services.Kind.SECRET);
        } else {
            // A dynamic reference: {{resolve:secretsmanager:<id>[:SecretString[:<json key>...]]}} or
            // {{resolve:ssm-secure:<name>[:<version>]}} (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html).
            java.util.regex.Matcher m = DYNAMIC_REFERENCE.matcher(value.asString().orElse(""));
            if (value instanceof Expr.Interpolation i && i.parts().size() >= 2
                    && i.parts().get(0).asString().filter(p -> p.equals("{{resolve:secretsmanager:")).isPresent()) {
                secret = resolve(i.parts().get(1)).filter(c -> c.kind() == Services.Kind.SECRET);
                String rest = i.parts().size() > 2 ? i.parts().get(2).asString().orElse("") : "";
                note = jsonKeyNote(rest);
            } else if (m.matches()) {
                secret = Optional.of(services.counterpartNamed(m.group(2)).filter(c -> c.kind() == Services.Kind.SECRET)
                        .orElseGet(() -> services.externalSecret(m.group(2), at)));
                note = jsonKeyNote(m.group(3) == null ? "" : m.group(3));
            }
        }
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        Services.Counterpart c = secret.get();
        keyVaultReferences = true;
        grant(c, Access.READ, at, "App setting " + setting + " is a Key Vault reference to " + c.logicalId() + ".");
        context.deviation(DeviationCatalog.SECRET_AS_REFERENCE, setting + " named " + c.logicalId() + " and now holds"
                + " its value through a Key Vault reference" + note, at,
                Optional.of(Deviation.Target.property(app, "appSettings." + setting)));
        return Optional.of(new Value.Interpolation(List.of(Value.text("@Microsoft.KeyVault(SecretUri="),
                Value.ref(c.symbol(), Value.Attribute.SECRET_URI), Value.text(")"))));
    }

    private static final java.util.regex.Pattern DYNAMIC_REFERENCE = java.util.regex.Pattern.compile(
            "\\{\\{resolve:(secretsmanager|ssm-secure):([^:}]+)((?::[^}]*)?)}}");

    /** {@code :SecretString:password}: a Key Vault secret holds one value, not a JSON document with keys. */
    private static String jsonKeyNote(String rest) {
        String[] parts = rest.replaceFirst("}}$", "").split(":");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("SecretString") && !parts[i + 1].isEmpty()) {
                return "; it read the JSON key " + parts[i + 1] + ": store that value as the Key Vault secret";
            }
        }
        return "";
    }

    // ------------------------------------------------------------------ connections and roles

    private void serviceBusConnection() {
        // <namespace>.servicebus.windows.net (functions-bindings-service-bus#identity-based-connections).
        setting(SERVICE_BUS + "__fullyQualifiedNamespace", new Value.Interpolation(List.of(
                Value.ref(services.serviceBusNamespace(), Value.Attribute.NAME), Value.text(".servicebus.windows.net"))),
                SourceLocation.UNKNOWN);
        identitySettings(SERVICE_BUS);
    }

    private void eventHubsConnection() {
        setting(EVENT_HUBS + "__fullyQualifiedNamespace", new Value.Interpolation(List.of(
                Value.ref(services.eventHubNamespace(), Value.Attribute.NAME), Value.text(".servicebus.windows.net"))),
                SourceLocation.UNKNOWN);
        identitySettings(EVENT_HUBS);
    }

    private void cosmosConnection() {
        setting(COSMOS + "__accountEndpoint", Value.ref(services.cosmosAccount(), Value.Attribute.DOCUMENT_ENDPOINT),
                SourceLocation.UNKNOWN);
        identitySettings(COSMOS);
    }

    private void storageConnection(String connection, String account) {
        setting(connection + "__blobServiceUri", Value.ref(account, Value.Attribute.BLOB_ENDPOINT), SourceLocation.UNKNOWN);
        identitySettings(connection);
    }

    private void identitySettings(String connection) {
        setting(connection + "__credential", Value.text("managedidentity"), SourceLocation.UNKNOWN);
        setting(connection + "__clientId", Value.ref(identity, Value.Attribute.CLIENT_ID), SourceLocation.UNKNOWN);
    }

    private void setting(String name, Value value, SourceLocation at) {
        if (settings.stream().noneMatch(s -> s.name().equals(name))) {
            settings.add(new AppSetting(name, value, at));
        }
    }

    /**
     * The binding value for an entity's name: the literal when the name is one, otherwise an app setting that
     * holds it, read with a %binding expression%.
     */
    private String entity(String symbol, String suffix, SourceLocation at) {
        Optional<AzureResource> resource = context.resource(symbol);
        if (resource.isPresent() && resource.get().name() instanceof Value.Text t) {
            return t.value();
        }
        String setting = constant(symbol) + "_" + suffix;
        setting(setting, Value.ref(symbol, Value.Attribute.NAME), at);
        return "%" + setting + "%";
    }

    private static String settingSafe(String name) {
        return name.replaceAll("_+", "_");
    }

    /** {@code UploadsBucket} → {@code UPLOADS_BUCKET}, for app setting names. */
    private static String constant(String id) {
        return Names.kebab(id).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private void role(String scope, Optional<Value> scopeCondition, RoleDefinition role, SourceLocation at,
                      String why) {
        if (!assigned.add(scope + "/" + role.id())) {
            return;
        }
        // A stronger role on the same scope makes a weaker one redundant.
        if (role.equals(Roles.SERVICE_BUS_DATA_OWNER) || role.equals(Roles.EVENT_HUBS_DATA_OWNER)
                || role.equals(Roles.STORAGE_BLOB_DATA_CONTRIBUTOR)) {
            pending.removeIf(r -> r instanceof AzureResource.RoleAssignment a && a.scope().equals(scope)
                    && weaker(a.role(), role));
        } else if (assigned.stream().anyMatch(k -> k.startsWith(scope + "/") && stronger(k.substring(scope.length() + 1), role))) {
            return;
        }
        String symbol = context.names().symbol(app + Character.toUpperCase(scope.charAt(0)) + scope.substring(1)
                + role.name().replaceAll("^(Azure|Storage) ", "").replaceAll("[^A-Za-z]", ""));
        Value name = new Value.Call(Value.Fn.GUID, List.of(Value.ref(scope, Value.Attribute.ID),
                Value.ref(identity, Value.Attribute.ID), Value.text(role.id())));
        pending.add(new AzureResource.RoleAssignment(symbol, name, and(condition, scopeCondition), scope, role,
                identity, why, at));
    }

    private static boolean weaker(RoleDefinition existing, RoleDefinition added) {
        if (added.equals(Roles.STORAGE_BLOB_DATA_CONTRIBUTOR)) {
            return existing.equals(Roles.STORAGE_BLOB_DATA_READER);
        }
        if (added.equals(Roles.SERVICE_BUS_DATA_OWNER)) {
            return existing.equals(Roles.SERVICE_BUS_DATA_RECEIVER) || existing.equals(Roles.SERVICE_BUS_DATA_SENDER);
        }
        if (added.equals(Roles.EVENT_HUBS_DATA_OWNER)) {
            return existing.equals(Roles.EVENT_HUBS_DATA_RECEIVER) || existing.equals(Roles.EVENT_HUBS_DATA_SENDER);
        }
        return false;
    }

    private static boolean stronger(String existingId, RoleDefinition added) {
        for (RoleDefinition strong : List.of(Roles.SERVICE_BUS_DATA_OWNER, Roles.EVENT_HUBS_DATA_OWNER,
                Roles.STORAGE_BLOB_DATA_CONTRIBUTOR, Roles.STORAGE_BLOB_DATA_OWNER)) {
            if (strong.id().equals(existingId) && (weaker(added, strong) || (strong.equals(Roles.STORAGE_BLOB_DATA_OWNER)
                    && (added.equals(Roles.STORAGE_BLOB_DATA_READER) || added.equals(Roles.STORAGE_BLOB_DATA_CONTRIBUTOR))))) {
                return true;
            }
        }
        return false;
    }

    private void cosmosRole(String database, RoleDefinition role, SourceLocation at, String why) {
        if (!assigned.add(database + "/" + role.id())) {
            return;
        }
        if (role.equals(Roles.COSMOS_DATA_CONTRIBUTOR)) {
            pending.removeIf(r -> r instanceof AzureResource.CosmosSqlRoleAssignment a
                    && a.database().equals(Optional.of(database)) && a.role().equals(Roles.COSMOS_DATA_READER));
        } else if (assigned.contains(database + "/" + Roles.COSMOS_DATA_CONTRIBUTOR.id())) {
            return;
        }
        String account = services.cosmosAccount();
        String symbol = context.names().symbol(app + "Cosmos" + role.name().replaceAll("^Cosmos DB Built-in ", "")
                .replaceAll("[^A-Za-z]", ""));
        // Cosmos DB role assignment names are GUIDs (Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments).
        Value name = new Value.Call(Value.Fn.GUID, List.of(Value.ref(account, Value.Attribute.ID),
                Value.ref(identity, Value.Attribute.ID), Value.text(role.id()), Value.ref(database, Value.Attribute.NAME)));
        pending.add(new AzureResource.CosmosSqlRoleAssignment(symbol, name, condition, account, role, identity,
                Optional.of(database), why, at));
    }

    private String deploySubscriptions(SourceLocation at) {
        return context.addSwitch("deployEventSubscriptions", false, "Deploy the Event Grid subscriptions: set to true"
                + " once the function code is published, because Event Grid validates the function endpoint when it"
                + " creates a subscription.", at);
    }

    private static Optional<Value> and(Optional<Value> a, Optional<Value> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty() || a.equals(b)) {
            return a;
        }
        return Optional.of(new Value.Call(Value.Fn.AND, List.of(a.get(), b.get())));
    }

    private static void add(List<String> list, String item) {
        if (!list.contains(item)) {
            list.add(item);
        }
    }

    /** The generated counterpart a reference names: {@code !GetAtt Queue.Arn}, {@code ${Bucket}/*}, a literal name. */
    Optional<Services.Counterpart> resolve(Expr expr) {
        if (expr instanceof Expr.StringLiteral s) {
            return services.counterpartNamed(s.value());
        }
        // A reference to an alias or version ("Fn.Alias") names its function's resource.
        return References.of(expr).stream().map(id -> services.counterpart(id.split("\\.")[0]))
                .flatMap(Optional::stream).findFirst();
    }
}
