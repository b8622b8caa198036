package io.lambda2azure.emitters.report;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Trigger;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.DeploymentPreference;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.FunctionAlias;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.Output;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.event.PollingSettings;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.plan.AzurePlanner;
import io.lambda2azure.core.plan.PlanOptions;
import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built models for the report tests: the emitters module has no parser, so applications are built
 * here with builders that default every field to "not set"; deployments come from the planner, with what
 * it does not generate yet (triggers that connect to services, host settings) put in by hand.
 */
final class Fixtures {

    static final String FILE = "app/template.yaml";

    private Fixtures() {
    }

    static SourceLocation at(int line, int column) {
        return new SourceLocation(FILE, line, column);
    }

    static Expr str(String value) {
        return new Expr.StringLiteral(value);
    }

    static Expr num(long value) {
        return new Expr.NumberLiteral(BigDecimal.valueOf(value));
    }

    static FunctionBuilder function(String logicalId, int line) {
        return new FunctionBuilder(logicalId, at(line, 3));
    }

    static AppBuilder app() {
        return new AppBuilder(FILE);
    }

    static EventSource http(String id, String method, String path, boolean iam, int line) {
        return new EventSource.Http(id, EventOrigin.SAM_EVENT, Optional.empty(), HttpApiKind.REST_API, Optional.empty(),
                path, method, iam ? Optional.of(new HttpAuth(Optional.of(str("AWS_IAM")), Optional.empty(),
                Optional.empty(), Optional.empty())) : Optional.empty(), Optional.empty(), at(line, 9));
    }

    static EventSource schedule(String id, String expression, int line) {
        return new EventSource.Schedule(id, EventOrigin.SAM_EVENT, Optional.empty(), str(expression), false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at(line, 9));
    }

    static EventSource queue(String id, String queue, int line) {
        return new EventSource.Queue(id, EventOrigin.SAM_EVENT, Optional.empty(), new Expr.AttributeRef(queue, "Arn"),
                PollingSettings.NONE, at(line, 9));
    }

    /**
     * A small application that touches every area: an HTTP API function with IAM auth, an environment
     * variable naming an AWS resource, policies and tracing; a job function with a schedule, an SQS queue
     * (no trigger), a VPC, an alias and a layer; an unsupported resource, an unmapped property and an
     * output of an AWS resource.
     */
    static ServerlessApp small() {
        Function api = function("OrdersApi", 10)
                .runtime("python3.12").memory(1024).timeout(30)
                .environment("TABLE_NAME", new Expr.ResourceRef("OrdersTable"), 20)
                .environment("STAGE", str("prod"), 20)
                .policy(new FunctionPolicy.PolicyTemplate("DynamoDBCrudPolicy",
                        new Expr.MapExpr(Map.of("TableName", new Expr.ResourceRef("OrdersTable"))), at(24, 9)), 23)
                .tracing("Active", 18)
                .event(http("CreateOrder", "POST", "/orders", true, 28))
                .event(http("GetOrder", "GET", "/orders/{id}", false, 33))
                .build();
        Function job = function("NightlyJob", 40)
                .runtime("java17").memory(512).timeout(900)
                .role(new Expr.AttributeRef("JobRole", "Arn"), 46)
                .vpc(new VpcConfig(Optional.of(new Expr.ParameterRef("SubnetIds")), Optional.empty(), Optional.empty()), 47)
                .alias("live", 49)
                .layer(new Expr.ResourceRef("SharedLayer"), 51)
                .event(schedule("Nightly", "cron(0 2 * * ? *)", 55))
                .event(queue("Jobs", "JobsQueue", 60))
                .build();
        Role role = new Role("JobRole", Optional.empty(), List.of(str("lambda.amazonaws.com")), List.of(),
                List.of(new PolicyStatement(Optional.empty(), true, List.of(str("sqs:ReceiveMessage")), false,
                        List.of(new Expr.AttributeRef("JobsQueue", "Arn")), false, Optional.empty(), at(75, 11))),
                Optional.empty(), at(70, 3));
        return app().function(api).function(job).role(role)
                .unsupported(new UnsupportedResource("Dashboard", "AWS::CloudWatch::Dashboard",
                        "dashboards are not migrated", List.of(), at(80, 3)))
                .unmapped(new UnmappedProperty("OrdersApi", "AWS::Serverless::Function", "SnapStart",
                        new Expr.MapExpr(Map.of("ApplyOn", str("PublishedVersions"))), at(17, 7)))
                .output(new Output("ApiUrl", new Expr.Interpolation(List.of(str("https://"),
                        new Expr.ResourceRef("ServerlessRestApi"), str(".execute-api.amazonaws.com/"))),
                        Optional.of("The API"), Optional.empty(), Optional.empty(), at(90, 3)))
                .output(new Output("ApiFunction", new Expr.ResourceRef("OrdersApi"), Optional.empty(), Optional.empty(),
                        Optional.empty(), at(93, 3)))
                .build();
    }

    static EventSource topic(String id, String topic, int line) {
        return new EventSource.Topic(id, EventOrigin.SAM_EVENT, Optional.empty(), new Expr.ResourceRef(topic),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at(line, 9));
    }

    static EventSource bucket(String id, String bucket, int line) {
        return new EventSource.ObjectStorage(id, EventOrigin.SAM_EVENT, Optional.empty(), new Expr.ResourceRef(bucket),
                str("s3:ObjectCreated:*"), Optional.empty(), at(line, 9));
    }

    static EventSource tableStream(String id, String table, int line) {
        return new EventSource.TableStream(id, EventOrigin.SAM_EVENT, Optional.empty(),
                new Expr.AttributeRef(table, "StreamArn"), PollingSettings.NONE, at(line, 9));
    }

    static EventSource stream(String id, String stream, int line) {
        return new EventSource.Stream(id, EventOrigin.SAM_EVENT, Optional.empty(), new Expr.AttributeRef(stream, "Arn"),
                PollingSettings.NONE, at(line, 9));
    }

    static EventSource rule(String id, int line) {
        return new EventSource.EventBusRule(id, EventOrigin.SAM_EVENT, Optional.empty(), Optional.empty(),
                new Expr.MapExpr(Map.of("source", new Expr.ListExpr(List.of(str("orders"))))), Optional.empty(),
                Optional.empty(), at(line, 9));
    }

    static EventSource alexa(String id, int line) {
        return new EventSource.Alexa(id, EventOrigin.SAM_EVENT, Optional.empty(), Optional.empty(), at(line, 9));
    }

    /**
     * An application whose events cover every binding the model knows, with a hand-built deployment: two
     * functions on Flex Consumption, one with Service Bus queue and topic triggers, an HTTP route and an Alexa
     * event that got no trigger (an event gap), one with blob (Event Grid source), Cosmos DB change feed,
     * Event Hubs, Event Grid and timer triggers, and a third without events.
     */
    static ServerlessApp bindings() {
        Function worker = function("OrderWorker", 10).runtime("python3.12").memory(2048).timeout(600)
                .event(queue("Orders", "OrdersQueue", 20))
                .event(topic("Audit", "AuditTopic", 24))
                .event(http("Api", "GET", "/orders", false, 28))
                .event(alexa("Legacy", 32))
                .build();
        Function ingest = function("Ingest", 40).runtime("nodejs22.x").memory(512).timeout(30)
                .event(bucket("Uploads", "UploadsBucket", 50))
                .event(tableStream("Changes", "OrdersTable", 54))
                .event(stream("Clicks", "ClickStream", 58))
                .event(rule("OrderPlaced", 62))
                .event(schedule("Nightly", "cron(0 2 * * ? *)", 66))
                .build();
        Function idle = function("Idle", 80).runtime("python3.12").build();
        return app().function(worker).function(ingest).function(idle).build();
    }

    /**
     * The planner's deployment of {@link #bindings()} with what the planner does not generate yet put in by
     * hand: the queue, topic, blob, change feed, event hub and Event Grid triggers with their identity-based
     * connections (their L2A201 deviations and event gaps removed), and host settings.
     */
    static AzureDeployment bindingsDeployment(ServerlessApp app, PlanKind plan) {
        AzureDeployment planned = AzurePlanner.plan(app, PlanOptions.of(plan));
        Map<String, List<Trigger>> added = new LinkedHashMap<>();
        added.put("OrderWorker", List.of(
                trigger("OrderWorker", "Orders", 20, "serviceBusTrigger", "ORDERS_SERVICEBUS", "ordersQueue",
                        "queueName", "orders", "connection", "ORDERS_SERVICEBUS"),
                trigger("OrderWorker", "Audit", 24, "serviceBusTrigger", "ORDERS_SERVICEBUS", "auditOrderWorker",
                        "topicName", "audit", "subscriptionName", "order-worker", "connection", "ORDERS_SERVICEBUS")));
        added.put("Ingest", List.of(
                trigger("Ingest", "Uploads", 50, "blobTrigger", "UPLOADS_STORAGE", "uploadsContainer",
                        "blobPath", "uploads/{name}", "source", "EventGrid", "connection", "UPLOADS_STORAGE"),
                trigger("Ingest", "Changes", 54, "cosmosDBTrigger", "ORDERS_COSMOS", "ordersItems",
                        "databaseName", "orders", "containerName", "items", "leaseContainerName", "leases",
                        "connection", "ORDERS_COSMOS"),
                trigger("Ingest", "Clicks", 58, "eventHubTrigger", "CLICKS_EVENTHUB", "clickStreamIngest",
                        "eventHubName", "clicks", "consumerGroup", "ingest", "connection", "CLICKS_EVENTHUB"),
                trigger("Ingest", "OrderPlaced", 62, "eventGridTrigger", null, "orderPlacedSubscription")));
        Map<String, Map<String, Value>> hostSettings = Map.of(
                "OrderWorker", orderedMap("extensions.serviceBus.prefetchCount", Value.number(20),
                        "extensions.serviceBus.maxConcurrentCalls", Value.number(16),
                        "extensions.serviceBus.autoCompleteMessages", Value.bool(true)),
                "Ingest", orderedMap("extensions.eventHubs.maxEventBatchSize", Value.number(100),
                        "extensions.blobs.maxDegreeOfParallelism", Value.number(4)));
        java.util.Set<SourceLocation> replaced = new java.util.HashSet<>();
        added.values().forEach(list -> list.forEach(t -> replaced.add(t.source())));
        AzureDeployment withTriggers = mapApps(planned, fa -> {
            // The planner's own trigger of a replaced event gives way to the hand-built one.
            List<Trigger> triggers = new ArrayList<>(fa.triggers().stream()
                    .filter(t -> !replaced.contains(t.source())).toList());
            Map<String, Value> settings = new LinkedHashMap<>();
            for (String f : fa.awsFunctions()) {
                triggers.addAll(added.getOrDefault(f, List.of()));
                settings.putAll(hostSettings.getOrDefault(f, Map.of()));
            }
            // In the function's event order, as the planner writes them.
            triggers.sort(java.util.Comparator.comparing(Trigger::source));
            List<AzureResource.EventGap> gaps = fa.eventGaps().stream()
                    .filter(g -> !replaced.contains(g.source())).toList();
            return app(fa, fa.runtime(), triggers, gaps, settings);
        });
        List<Deviation> deviations = planned.deviations().stream()
                .filter(d -> !(d.kind().id().equals(DeviationCatalog.TRIGGER_NOT_MAPPED.id())
                        && replaced.contains(d.source())))
                .toList();
        return new AzureDeployment(planned.source(), planned.plan(), planned.planReason(), planned.parameters(),
                planned.variables(), withTriggers.resources(), planned.outputs(), deviations);
    }

    /** The deployment with every function app changed. */
    static AzureDeployment mapApps(AzureDeployment deployment,
                                   java.util.function.UnaryOperator<AzureResource.FunctionApp> change) {
        List<AzureResource> resources = new ArrayList<>();
        for (AzureResource r : deployment.resources()) {
            resources.add(r instanceof AzureResource.FunctionApp fa ? change.apply(fa) : r);
        }
        return new AzureDeployment(deployment.source(), deployment.plan(), deployment.planReason(),
                deployment.parameters(), deployment.variables(), resources, deployment.outputs(),
                deployment.deviations());
    }

    /** A copy of a function app with another runtime, triggers, event gaps and host settings. */
    static AzureResource.FunctionApp app(AzureResource.FunctionApp fa, Optional<AzureResource.Runtime> runtime,
                                         List<Trigger> triggers, List<AzureResource.EventGap> gaps,
                                         Map<String, Value> hostSettings) {
        return new AzureResource.FunctionApp(fa.symbol(), fa.name(), fa.condition(), fa.plan(), fa.planKind(), runtime,
                fa.flex(), fa.site(), fa.appSettings(), fa.identity(), fa.storage(), fa.insights(), fa.subnetId(),
                fa.functionTimeoutSeconds(), triggers, fa.awsFunctions(), gaps, hostSettings, fa.keyVaultReferences(),
                fa.source());
    }

    /** A trigger of a Lambda function's event at {@code line}; settings as name, value pairs. */
    static Trigger trigger(String awsFunction, String eventId, int line, String type, String connection,
                           String resource, String... settings) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < settings.length; i += 2) {
            map.put(settings[i], settings[i + 1]);
        }
        return new Trigger(awsFunction, awsFunction + "_" + eventId, type, map, Optional.ofNullable(connection),
                Optional.ofNullable(resource), eventId, at(line, 9));
    }

    private static Map<String, Value> orderedMap(Object... entries) {
        Map<String, Value> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], (Value) entries[i + 1]);
        }
        return map;
    }

    /** Builds a {@link Function}; everything not set stays empty. */
    static final class FunctionBuilder {
        private final String logicalId;
        private final SourceLocation location;
        private String resourceType = "AWS::Serverless::Function";
        private Optional<Expr> runtime = Optional.empty();
        private Optional<FunctionCode> code = Optional.of(new FunctionCode.ZipArchive(new Expr.StringLiteral("src/")));
        private Optional<Expr> memory = Optional.empty();
        private Optional<Expr> timeout = Optional.empty();
        private Optional<Expr> ephemeral = Optional.empty();
        private Optional<Expr> architectures = Optional.empty();
        private final Map<String, Expr> environment = new LinkedHashMap<>();
        private final List<Expr> layers = new ArrayList<>();
        private Optional<VpcConfig> vpc = Optional.empty();
        private Optional<Expr> reserved = Optional.empty();
        private Optional<Expr> provisioned = Optional.empty();
        private Optional<Expr> autoPublishAlias = Optional.empty();
        private final List<FunctionAlias> aliases = new ArrayList<>();
        private Optional<DeploymentPreference> deploymentPreference = Optional.empty();
        private Optional<Expr> tracing = Optional.empty();
        private Optional<Expr> role = Optional.empty();
        private final List<FunctionPolicy> policies = new ArrayList<>();
        private final List<EventSource> events = new ArrayList<>();
        private final Map<String, SourceLocation> locations = new LinkedHashMap<>();

        FunctionBuilder(String logicalId, SourceLocation location) {
            this.logicalId = logicalId;
            this.location = location;
        }

        private SourceLocation property(String name, int line) {
            SourceLocation at = new SourceLocation(location.file(), line, 7);
            locations.putIfAbsent(name, at);
            return at;
        }

        FunctionBuilder resourceType(String type) {
            resourceType = type;
            return this;
        }

        FunctionBuilder runtime(String value) {
            runtime = Optional.of(str(value));
            property("Runtime", location.line() + 2);
            return this;
        }

        FunctionBuilder runtime(Expr value, int line) {
            runtime = Optional.of(value);
            property("Runtime", line);
            return this;
        }

        FunctionBuilder code(FunctionCode value) {
            code = Optional.of(value);
            return this;
        }

        FunctionBuilder memory(long mb) {
            memory = Optional.of(num(mb));
            property("MemorySize", location.line() + 4);
            return this;
        }

        FunctionBuilder timeout(long seconds) {
            timeout = Optional.of(num(seconds));
            property("Timeout", location.line() + 5);
            return this;
        }

        FunctionBuilder ephemeralStorage(long mb, int line) {
            ephemeral = Optional.of(num(mb));
            property("EphemeralStorage", line);
            return this;
        }

        FunctionBuilder architectures(String value, int line) {
            architectures = Optional.of(new Expr.ListExpr(List.of(str(value))));
            property("Architectures", line);
            return this;
        }

        FunctionBuilder environment(String name, Expr value, int line) {
            environment.put(name, value);
            property("Environment", line);
            return this;
        }

        FunctionBuilder layer(Expr value, int line) {
            layers.add(value);
            property("Layers", line);
            return this;
        }

        FunctionBuilder vpc(VpcConfig value, int line) {
            vpc = Optional.of(value);
            property("VpcConfig", line);
            return this;
        }

        FunctionBuilder reserved(long value, int line) {
            reserved = Optional.of(num(value));
            property("ReservedConcurrentExecutions", line);
            return this;
        }

        FunctionBuilder provisioned(long value, int line) {
            provisioned = Optional.of(num(value));
            property("ProvisionedConcurrencyConfig", line);
            return this;
        }

        FunctionBuilder alias(String name, int line) {
            autoPublishAlias = Optional.of(str(name));
            aliases.add(new FunctionAlias(logicalId + "Alias" + name, str(name), Optional.empty(), Optional.empty(),
                    property("AutoPublishAlias", line)));
            return this;
        }

        FunctionBuilder deploymentPreference(String type, int line) {
            deploymentPreference = Optional.of(new DeploymentPreference(Optional.of(str(type)), Optional.empty(),
                    Optional.empty(), Optional.empty(), property("DeploymentPreference", line)));
            return this;
        }

        FunctionBuilder tracing(String mode, int line) {
            tracing = Optional.of(str(mode));
            property("Tracing", line);
            return this;
        }

        FunctionBuilder role(Expr value, int line) {
            role = Optional.of(value);
            property("Role", line);
            return this;
        }

        FunctionBuilder policy(FunctionPolicy policy, int line) {
            policies.add(policy);
            property("Policies", line);
            return this;
        }

        FunctionBuilder event(EventSource event) {
            events.add(event);
            return this;
        }

        Function build() {
            return new Function(logicalId, resourceType, Optional.empty(), Optional.empty(), Optional.empty(), runtime,
                    Optional.of(str("app.handler")), code, memory, timeout, ephemeral, architectures, environment,
                    layers, vpc, reserved, provisioned, autoPublishAlias, aliases, deploymentPreference,
                    Optional.empty(), Optional.empty(), tracing, role, policies, Optional.empty(), Optional.empty(),
                    Map.of(), events, locations, location);
        }
    }

    /** Builds a {@link ServerlessApp}. */
    static final class AppBuilder {
        private final String source;
        private final List<Function> functions = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();
        private final List<Output> outputs = new ArrayList<>();
        private final List<UnsupportedResource> unsupported = new ArrayList<>();
        private final List<UnmappedProperty> unmapped = new ArrayList<>();

        AppBuilder(String source) {
            this.source = source;
        }

        AppBuilder function(Function function) {
            functions.add(function);
            return this;
        }

        AppBuilder role(Role role) {
            roles.add(role);
            return this;
        }

        AppBuilder output(Output output) {
            outputs.add(output);
            return this;
        }

        AppBuilder unsupported(UnsupportedResource resource) {
            unsupported.add(resource);
            return this;
        }

        AppBuilder unmapped(UnmappedProperty property) {
            unmapped.add(property);
            return this;
        }

        ServerlessApp build() {
            return new ServerlessApp(source, InputKind.SAM, Optional.empty(), List.of(), List.of(), List.of(),
                    functions, List.of(), roles, List.of(), outputs, unsupported, unmapped);
        }
    }
}
