package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.model.resource.KeyAttribute;
import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the Azure counterpart of every queue, topic, bucket, table, stream, event bus and secret the template
 * defines, in input order: SQS to Service Bus queues, SNS to Service Bus topics, S3 to a storage account with a
 * private container, DynamoDB to Cosmos DB for NoSQL containers, Kinesis to event hubs, EventBridge buses to
 * Event Grid topics, Secrets Manager secrets to Key Vault secrets. Namespaces, the Cosmos DB account and the
 * vault are shared and created where first needed. Every data service has local (key) authentication off and
 * TLS 1.2, so that only the functions' managed identities with their role assignments reach it.
 */
final class Services {

    /** What a dependency became on Azure. */
    enum Kind { QUEUE, TOPIC, BUCKET, TABLE, STREAM, EVENT_BUS, SECRET }

    /**
     * The Azure counterpart of one AWS resource.
     *
     * @param symbol    the entity (queue, topic, container, Cosmos container, hub, Event Grid topic, secret)
     * @param parent    the namespace, storage account, Cosmos database or vault that holds it ({@code symbol}
     *                  itself for Event Grid topics)
     * @param fifo      for queues and topics: ordered delivery
     */
    record Counterpart(String logicalId, Kind kind, String symbol, String parent, Optional<Value> condition,
                       boolean fifo, SourceLocation source) {
    }

    /** Counterparts by the literal AWS name of their resource (policy templates often name a bucket or queue). */
    private final Map<String, Counterpart> byAwsName = new LinkedHashMap<>();

    private final PlanContext context;
    private final Map<String, Counterpart> byLogicalId = new LinkedHashMap<>();
    private final Set<String> storageNames = new HashSet<>();
    private String serviceBus;
    private String eventHubs;
    private String cosmosAccount;
    private String cosmosDatabase;
    private String leaseContainer;
    private String keyVault;
    private String queueStorage;
    private final Map<String, Counterpart> externalSecrets = new LinkedHashMap<>();
    private String defaultBus;

    Services(PlanContext context) {
        this.context = context;
    }

    /** Plans the counterparts of the dependencies, in input order. */
    void plan(List<DependencyResource> dependencies) {
        for (DependencyResource r : dependencies) {
            if (r instanceof DependencyResource.Queue q) {
                queue(q);
            } else if (r instanceof DependencyResource.Topic t) {
                topic(t);
            } else if (r instanceof DependencyResource.Bucket b) {
                bucket(b);
            } else if (r instanceof DependencyResource.Table t) {
                table(t);
            } else if (r instanceof DependencyResource.Stream s) {
                stream(s);
            } else if (r instanceof DependencyResource.EventBus e) {
                eventBus(e);
            } else if (r instanceof DependencyResource.Secret s) {
                secret(s);
            }
        }
    }

    /** The counterpart of a template resource, if it has one. */
    Optional<Counterpart> counterpart(String logicalId) {
        return Optional.ofNullable(byLogicalId.get(logicalId));
    }

    /** The counterpart of the template resource with that literal AWS name, if exactly one has it. */
    Optional<Counterpart> counterpartNamed(String awsName) {
        return Optional.ofNullable(byAwsName.get(awsName));
    }

    private void remember(Optional<Expr> awsName, Counterpart c) {
        byLogicalId.put(c.logicalId(), c);
        awsName.flatMap(Expr::asString).ifPresent(n -> {
            if (byAwsName.containsKey(n)) {
                byAwsName.put(n, null); // ambiguous: two resources of different kinds share the name
            } else {
                byAwsName.put(n, c);
            }
        });
    }

    /**
     * The Azure value for {@code Ref}/{@code GetAtt} of a resource with a counterpart: names for Ref and name
     * attributes (what code passes to an SDK), ids for ARNs, the endpoint for event buses (what a publisher
     * needs) and the secret URI for secrets.
     */
    Optional<Value> value(String logicalId, Optional<String> attribute) {
        Counterpart c = byLogicalId.get(logicalId);
        if (c == null) {
            return Optional.empty();
        }
        boolean arn = attribute.filter(a -> a.equals("Arn") || a.endsWith("Arn")).isPresent();
        if (c.kind() == Kind.TOPIC && eventGrid(c)) {
            return Optional.of(Value.ref(c.symbol(), arn ? Value.Attribute.ID : Value.Attribute.TOPIC_ENDPOINT));
        }
        return Optional.of(switch (c.kind()) {
            case EVENT_BUS -> Value.ref(c.symbol(), arn ? Value.Attribute.ID : Value.Attribute.TOPIC_ENDPOINT);
            case SECRET -> Value.ref(c.symbol(), Value.Attribute.SECRET_URI);
            default -> Value.ref(c.symbol(), arn ? Value.Attribute.ID : Value.Attribute.NAME);
        });
    }

    /** Whether a topic's counterpart is an Event Grid topic ({@link PlanOptions.TopicService#EVENT_GRID}). */
    boolean eventGrid(Counterpart c) {
        return context.resource(c.symbol()).filter(r -> r instanceof AzureResource.EventGridTopic).isPresent();
    }

    // ------------------------------------------------------------------ shared containers

    String serviceBusNamespace() {
        if (serviceBus == null) {
            serviceBus = context.names().symbol("serviceBus");
            // Standard: topics and subscriptions need it (learn.microsoft.com/azure/service-bus-messaging/service-bus-premium-messaging).
            context.add(new AzureResource.ServiceBusNamespace(serviceBus, Naming.name("sb-"), Optional.empty(),
                    "Standard", true, "1.2", SourceLocation.UNKNOWN));
        }
        return serviceBus;
    }

    String eventHubNamespace() {
        if (eventHubs == null) {
            eventHubs = context.names().symbol("eventHubs");
            // Standard: consumer groups beyond $Default and retention beyond a day need it
            // (learn.microsoft.com/azure/event-hubs/event-hubs-quotas).
            context.add(new AzureResource.EventHubNamespace(eventHubs, Naming.name("evhns-"), Optional.empty(),
                    "Standard", true, "1.2", SourceLocation.UNKNOWN));
        }
        return eventHubs;
    }

    String cosmosDatabase() {
        if (cosmosDatabase == null) {
            cosmosAccount = context.names().symbol("cosmos");
            // Account names: 3-44 lower-case letters, digits and hyphens; "cosmos-" + appName (<= 20) + "-" + 13.
            context.add(new AzureResource.CosmosAccount(cosmosAccount, Naming.name("cosmos-"), Optional.empty(),
                    true, true, "Tls12", SourceLocation.UNKNOWN));
            cosmosDatabase = context.names().symbol("cosmosDatabase");
            context.add(new AzureResource.CosmosSqlDatabase(cosmosDatabase, new Value.Param("appName"),
                    Optional.empty(), cosmosAccount, SourceLocation.UNKNOWN));
        }
        return cosmosDatabase;
    }

    String cosmosAccount() {
        cosmosDatabase();
        return cosmosAccount;
    }

    /**
     * The change feed trigger's lease container, generated rather than created by the trigger: with identity
     * connections the trigger cannot create it (data-plane RBAC has no container creation).
     */
    String leaseContainer() {
        if (leaseContainer == null) {
            String database = cosmosDatabase();
            leaseContainer = context.names().symbol("leases");
            context.add(new AzureResource.CosmosSqlContainer(leaseContainer, Value.text("leases"), Optional.empty(),
                    database, "/id", Optional.empty(), SourceLocation.UNKNOWN));
        }
        return leaseContainer;
    }

    String keyVault() {
        if (keyVault == null) {
            keyVault = context.names().symbol("keyVault");
            // Vault names: 3-24 letters, digits and hyphens, starting with a letter: "kv-" + the 13-character suffix
            // (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftkeyvault).
            context.add(new AzureResource.KeyVault(keyVault, new Value.Interpolation(List.of(Value.text("kv-"),
                    new Value.Param("resourceSuffix"))), Optional.empty(), true, 90, true, SourceLocation.UNKNOWN));
        }
        return keyVault;
    }

    /** The Event Grid topic standing for EventBridge's default bus, which custom applications may publish to. */
    Counterpart defaultEventBus(SourceLocation at) {
        if (defaultBus == null) {
            defaultBus = context.names().symbol("defaultEventBus");
            context.add(new AzureResource.EventGridTopic(defaultBus, Naming.name("evgt-", "default", 10),
                    Optional.empty(), "CloudEventSchemaV1_0", true, at));
            context.deviation(DeviationCatalog.EVENT_BUS, "EventBridge's default event bus becomes the Event Grid"
                    + " topic " + defaultBus, at, Optional.of(Deviation.Target.resource(defaultBus)));
        }
        return new Counterpart("default", Kind.EVENT_BUS, defaultBus, defaultBus, Optional.empty(), false, at);
    }

    // ------------------------------------------------------------------ counterparts

    private void queue(DependencyResource.Queue q) {
        Optional<Value> condition = context.condition(q.condition());
        if (context.options().queues() == PlanOptions.QueueService.STORAGE) {
            storageQueue(q, condition);
            return;
        }
        String namespace = serviceBusNamespace();
        String symbol = context.names().symbol(q.logicalId());
        Optional<Deviation.Target> target = Optional.of(Deviation.Target.resource(symbol));
        boolean fifo = q.fifo().filter(AzurePlanner::isTrue).isPresent();
        Optional<Value> lock = q.visibilityTimeout().map(v -> {
            Optional<Integer> seconds = AzurePlanner.integer(v);
            // Service Bus locks a message for at most 5 minutes (learn.microsoft.com/azure/service-bus-messaging/message-transfers-locks-settlement).
            if (seconds.isPresent() && seconds.get() > 300) {
                context.deviation(DeviationCatalog.QUEUE_SEMANTICS, "the visibility timeout of " + q.logicalId() + " is "
                        + seconds.get() + " s; the Service Bus lock lasts at most 300 s and the Functions host"
                        + " renews it while the function runs", q.location(), target);
            }
            return seconds.<Value>map(s -> Value.text("PT" + Math.max(5, Math.min(300, s)) + "S"))
                    .orElseGet(() -> duration(v, q.location(), target));
        });
        Optional<Value> ttl = q.messageRetentionPeriod().map(v -> AzurePlanner.integer(v)
                .<Value>map(s -> Value.text("PT" + s + "S")).orElseGet(() -> duration(v, q.location(), target)));
        Optional<Value> maxDelivery = q.redrivePolicy().flatMap(p -> p instanceof Expr.MapExpr m
                ? Optional.ofNullable(m.entries().get("maxReceiveCount")) : Optional.empty())
                .map(v -> AzurePlanner.integer(v).map(Value::number).orElseGet(() ->
                        context.translate(v, q.location(), target)));
        boolean dedup = fifo && q.contentBasedDeduplication().filter(AzurePlanner::isTrue).isPresent();
        context.add(new AzureResource.ServiceBusQueue(symbol, entityName(q.name(), q.logicalId(), q.location(), target),
                condition, namespace, fifo, dedup, lock, maxDelivery, ttl, q.redrivePolicy().isPresent(), q.location()));
        List<String> notes = new java.util.ArrayList<>();
        if (fifo) {
            notes.add("FIFO ordering becomes sessions (set the message group as session id)");
        }
        q.delaySeconds().ifPresent(d -> notes.add("the delivery delay becomes scheduled messages set by the sender"));
        q.redrivePolicy().ifPresent(d -> notes.add("the redrive policy becomes dead-lettering after the max delivery"
                + " count (the dead-letter queue is the queue's $DeadLetterQueue)"));
        if (!notes.isEmpty()) {
            context.deviation(DeviationCatalog.QUEUE_SEMANTICS, q.logicalId() + ": " + String.join("; ", notes),
                    q.location(), target);
        }
        remember(q.name(), new Counterpart(q.logicalId(), Kind.QUEUE, symbol, namespace, condition, fifo,
                q.location()));
    }

    /**
     * An SQS queue as a queue of one storage account for all of them, reached with identities only. Queue names:
     * 3-63 lower-case letters, digits and single hyphens (learn.microsoft.com/rest/api/storageservices/naming-queues-and-metadata).
     */
    private void storageQueue(DependencyResource.Queue q, Optional<Value> condition) {
        if (queueStorage == null) {
            queueStorage = context.names().symbol("queueStorage");
            context.add(new AzureResource.StorageAccount(queueStorage, new Value.Interpolation(List.of(Value.text("stq"),
                    new Value.Param("resourceSuffix"))), Optional.empty(), "Standard_LRS", false, "TLS1_2", false,
                    SourceLocation.UNKNOWN));
        }
        String symbol = context.names().symbol(q.logicalId());
        String literal = q.name().flatMap(Expr::asString).map(n -> n.replaceFirst("\\.fifo$", ""))
                .map(Names::kebab).filter(n -> n.length() >= 3).orElse(Names.kebab(q.logicalId(), 63));
        context.add(new AzureResource.StorageQueue(symbol, Value.text(literal.length() > 63 ? Names.kebab(literal, 63)
                : literal), condition, queueStorage, q.location()));
        List<String> notes = new java.util.ArrayList<>();
        notes.add(q.logicalId() + " becomes Storage queue " + literal);
        if (q.fifo().filter(AzurePlanner::isTrue).isPresent()) {
            notes.add("FIFO ordering and deduplication are lost: Storage queues deliver in no guaranteed order");
        }
        q.redrivePolicy().ifPresent(r -> notes.add("the redrive policy becomes the <queue>-poison queue after"
                + " maxDequeueCount deliveries"));
        q.visibilityTimeout().ifPresent(v -> notes.add("the visibility timeout is managed by the host while the"
                + " function runs"));
        context.deviation(DeviationCatalog.QUEUE_SEMANTICS, String.join("; ", notes), q.location(),
                Optional.of(Deviation.Target.resource(symbol)));
        remember(q.name(), new Counterpart(q.logicalId(), Kind.QUEUE, symbol, queueStorage, condition, false,
                q.location()));
    }

    /**
     * The Key Vault secret standing for a secret the template only names through a dynamic reference
     * ({@code {{resolve:secretsmanager:name...}}}, {@code {{resolve:ssm-secure:name}}}): one per name, its value
     * a secure parameter.
     */
    Counterpart externalSecret(String awsName, SourceLocation at) {
        Counterpart known = externalSecrets.get(awsName);
        if (known != null) {
            return known;
        }
        String vault = keyVault();
        String symbol = context.names().symbol(Names.lowerCamel(awsName) + "Secret");
        String parameter = context.addSecureParameter(Names.lowerCamel(awsName) + "SecretValue", "The value of the Key"
                + " Vault secret that replaces the AWS secret or SecureString parameter " + awsName + ".", at);
        context.add(new AzureResource.KeyVaultSecret(symbol, Value.text(Names.kebab(awsName, 127)), Optional.empty(),
                vault, new Value.Param(parameter), "text/plain", at));
        Counterpart c = new Counterpart(awsName, Kind.SECRET, symbol, vault, Optional.empty(), false, at);
        externalSecrets.put(awsName, c);
        return c;
    }

    /** Whether a queue's counterpart is a Storage queue ({@link PlanOptions.QueueService#STORAGE}). */
    boolean storageQueue(Counterpart c) {
        return context.resource(c.symbol()).filter(r -> r instanceof AzureResource.StorageQueue).isPresent();
    }

    private void topic(DependencyResource.Topic t) {
        Optional<Value> condition = context.condition(t.condition());
        if (context.options().topics() == PlanOptions.TopicService.EVENT_GRID) {
            // Push delivery like SNS; message attributes travel as CloudEvents extension attributes.
            String symbol = context.names().symbol(t.logicalId());
            context.add(new AzureResource.EventGridTopic(symbol, Naming.name("evgt-", t.logicalId(), 10), condition,
                    "CloudEventSchemaV1_0", true, t.location()));
            context.deviation(DeviationCatalog.EVENT_BUS, t.logicalId() + " becomes the Event Grid topic " + symbol
                    + "; SNS message attributes become CloudEvents extension attributes", t.location(),
                    Optional.of(Deviation.Target.resource(symbol)));
            remember(t.name(), new Counterpart(t.logicalId(), Kind.TOPIC, symbol, symbol, condition, false,
                    t.location()));
            return;
        }
        String namespace = serviceBusNamespace();
        String symbol = context.names().symbol(t.logicalId());
        Optional<Deviation.Target> target = Optional.of(Deviation.Target.resource(symbol));
        boolean fifo = t.fifo().filter(AzurePlanner::isTrue).isPresent();
        context.add(new AzureResource.ServiceBusTopic(symbol, entityName(t.name(), t.logicalId(), t.location(), target),
                condition, namespace, fifo, false, t.location()));
        remember(t.name(), new Counterpart(t.logicalId(), Kind.TOPIC, symbol, namespace, condition, fifo,
                t.location()));
    }

    private void bucket(DependencyResource.Bucket b) {
        Optional<Value> condition = context.condition(b.condition());
        String account = context.names().symbol(b.logicalId() + "Storage");
        Optional<Deviation.Target> target = Optional.of(Deviation.Target.resource(account));
        // Storage account names: 3-24 lower-case letters and digits: "st" + up to 9 of the bucket's + the 13-character
        // suffix (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftstorage).
        String base = b.logicalId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        base = base.length() > 9 ? base.substring(0, 9) : base;
        String unique = base;
        for (int i = 2; !storageNames.add(unique); i++) {
            unique = base.substring(0, Math.min(base.length(), 8)) + i;
        }
        context.add(new AzureResource.StorageAccount(account, new Value.Interpolation(List.of(Value.text("st" + unique),
                new Value.Param("resourceSuffix"))), condition, "Standard_LRS", false, "TLS1_2", false, b.location()));
        String container = context.names().symbol(b.logicalId() + "Container");
        // Container names: 3-63 lower-case letters, digits and hyphens; a literal bucket name that fits is kept.
        Value containerName = b.name().flatMap(Expr::asString)
                .filter(n -> n.matches("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]")).<Value>map(Value::text)
                .orElse(Value.text(Names.kebab(b.logicalId(), 63)));
        context.add(new AzureResource.BlobContainer(container, containerName, condition, account, b.location()));
        context.deviation(DeviationCatalog.BUCKET_SETTINGS, b.logicalId() + " becomes container "
                + ((Value.Text) containerName).value() + " in storage account " + account, b.location(), target);
        remember(b.name(), new Counterpart(b.logicalId(), Kind.BUCKET, container, account, condition, false,
                b.location()));
    }

    private void table(DependencyResource.Table t) {
        Optional<Value> condition = context.condition(t.condition());
        String database = cosmosDatabase();
        String symbol = context.names().symbol(t.logicalId());
        Optional<Deviation.Target> target = Optional.of(Deviation.Target.resource(symbol));
        Optional<KeyAttribute> hash = t.key().stream().filter(k -> k.keyType().equals("HASH")).findFirst();
        String partitionKey = "/" + hash.flatMap(k -> k.name().asString()).orElse("id");
        List<String> notes = new java.util.ArrayList<>();
        t.key().stream().filter(k -> k.keyType().equals("RANGE")).findFirst().ifPresent(k ->
                notes.add("sort key " + k.name() + " is an ordinary property"));
        if (hash.isPresent() && hash.get().name().asString().isEmpty()) {
            notes.add("the partition key is symbolic (" + hash.get().name() + "); /id is used");
            partitionKey = "/id";
        }
        t.streamViewType().ifPresent(v -> notes.add("the stream (" + v + ") becomes the change feed, which has the"
                + " latest version of changed items and no deletes"));
        // A TTL attribute becomes per-item ttl: defaultTtl -1 turns expiry on without a default.
        Optional<Value> ttl = t.timeToLive().map(v -> {
            notes.add("TTL attribute " + v + " becomes each item's ttl property (seconds from the last write)");
            return Value.number(-1);
        });
        if (t.billingMode().flatMap(Expr::asString).filter(m -> m.equals("PROVISIONED")).isPresent()
                || t.billingMode().isEmpty()) {
            notes.add("provisioned capacity becomes serverless capacity");
        }
        context.add(new AzureResource.CosmosSqlContainer(symbol, entityName(t.name(), t.logicalId(), t.location(), target),
                condition, database, partitionKey, ttl, t.location()));
        context.deviation(DeviationCatalog.TABLE_MODEL, t.logicalId() + " becomes Cosmos DB container " + symbol
                + " partitioned by " + partitionKey + (notes.isEmpty() ? "" : "; " + String.join("; ", notes)),
                t.location(), target);
        remember(t.name(), new Counterpart(t.logicalId(), Kind.TABLE, symbol, database, condition, false,
                t.location()));
    }

    private void stream(DependencyResource.Stream s) {
        Optional<Value> condition = context.condition(s.condition());
        String namespace = eventHubNamespace();
        String symbol = context.names().symbol(s.logicalId());
        Optional<Deviation.Target> target = Optional.of(Deviation.Target.resource(symbol));
        // Standard namespaces: at most 32 partitions and 7 days' retention (learn.microsoft.com/azure/event-hubs/event-hubs-quotas).
        Value partitions;
        Optional<Integer> shards = s.shardCount().flatMap(AzurePlanner::integer);
        if (s.shardCount().isEmpty()) {
            partitions = Value.number(4); // on-demand streams start with 4 shards (docs.aws.amazon.com/streams/latest/dev/how-do-i-size-a-stream.html)
        } else if (shards.isPresent()) {
            if (shards.get() > 32) {
                context.deviation(DeviationCatalog.STREAM_LIMITS, s.logicalId() + " has " + shards.get() + " shards;"
                        + " the event hub gets 32 partitions", s.location(), target);
            }
            partitions = Value.number(Math.max(1, Math.min(32, shards.get())));
        } else {
            partitions = context.translate(s.shardCount().get(), s.location(), target);
        }
        int hours = s.retentionPeriodHours().flatMap(AzurePlanner::integer).orElse(24);
        int days = Math.max(1, Math.min(7, (hours + 23) / 24));
        if (hours > 7 * 24) {
            context.deviation(DeviationCatalog.STREAM_LIMITS, s.logicalId() + " keeps records " + hours + " hours;"
                    + " the event hub keeps them 7 days", s.location(), target);
        }
        context.add(new AzureResource.EventHub(symbol, entityName(s.name(), s.logicalId(), s.location(), target),
                condition, namespace, partitions, Value.number(days), s.location()));
        remember(s.name(), new Counterpart(s.logicalId(), Kind.STREAM, symbol, namespace, condition, false,
                s.location()));
    }

    private void eventBus(DependencyResource.EventBus e) {
        Optional<Value> condition = context.condition(e.condition());
        String symbol = context.names().symbol(e.logicalId());
        context.add(new AzureResource.EventGridTopic(symbol, Naming.name("evgt-", e.logicalId(), 10), condition,
                "CloudEventSchemaV1_0", true, e.location()));
        context.deviation(DeviationCatalog.EVENT_BUS, e.logicalId() + " becomes the Event Grid topic " + symbol,
                e.location(), Optional.of(Deviation.Target.resource(symbol)));
        remember(e.name(), new Counterpart(e.logicalId(), Kind.EVENT_BUS, symbol, symbol, condition, false,
                e.location()));
    }

    private void secret(DependencyResource.Secret s) {
        Optional<Value> condition = context.condition(s.condition());
        String vault = keyVault();
        String symbol = context.names().symbol(s.logicalId());
        // The value never passes through the template in plain text: a secure parameter supplies it.
        String parameter = context.addSecureParameter(s.logicalId() + "Value", "The value of the Key Vault secret"
                + " that replaces " + s.logicalId() + (s.generate().isPresent()
                ? " (Secrets Manager generated it; generate one of the same form)" : "") + ".", s.location());
        // Secret names: 1-127 letters, digits and hyphens.
        context.add(new AzureResource.KeyVaultSecret(symbol, Value.text(Names.kebab(s.logicalId(), 127)), condition,
                vault, new Value.Param(parameter), "text/plain", s.location()));
        remember(s.name(), new Counterpart(s.logicalId(), Kind.SECRET, symbol, vault, condition, false,
                s.location()));
    }

    /** The entity's AWS name when it is set (symbolic names stay symbolic), else its logical id in kebab case. */
    private Value entityName(Optional<Expr> name, String logicalId, SourceLocation at, Optional<Deviation.Target> target) {
        if (name.isPresent()) {
            Optional<String> literal = name.get().asString();
            if (literal.isPresent()) {
                // Entity names allow letters, digits, periods, hyphens and underscores; ".fifo" is an SQS convention.
                String clean = literal.get().replaceFirst("\\.fifo$", "").replaceAll("[^A-Za-z0-9._-]", "-");
                if (!clean.isEmpty() && clean.length() <= 50) {
                    return Value.text(clean);
                }
            } else {
                Expr symbolic = name.get();
                // orders-${Stage}.fifo: the suffix is an SQS convention that Service Bus does not need.
                if (symbolic instanceof Expr.Interpolation i && !i.parts().isEmpty()
                        && i.parts().get(i.parts().size() - 1) instanceof Expr.StringLiteral last
                        && last.value().endsWith(".fifo")) {
                    List<Expr> parts = new java.util.ArrayList<>(i.parts());
                    String rest = last.value().substring(0, last.value().length() - ".fifo".length());
                    parts.remove(parts.size() - 1);
                    if (!rest.isEmpty()) {
                        parts.add(Expr.string(rest));
                    }
                    symbolic = new Expr.Interpolation(parts);
                }
                return context.translate(symbolic, at, target);
            }
        }
        return Value.text(Names.kebab(logicalId, 50));
    }

    /** An ISO 8601 duration of a symbolic number of seconds. */
    private Value duration(Expr seconds, SourceLocation at, Optional<Deviation.Target> target) {
        return new Value.Interpolation(List.of(Value.text("PT"), context.translate(seconds, at, target), Value.text("S")));
    }

    static boolean isNumber(Value v) {
        return v instanceof Value.Number n && n.value().compareTo(BigDecimal.ZERO) >= 0;
    }
}
