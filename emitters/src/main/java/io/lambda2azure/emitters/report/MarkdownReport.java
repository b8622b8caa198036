package io.lambda2azure.emitters.report;

import io.lambda2azure.core.azure.AppSetting;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureOutput;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.FunctionApp;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Trigger;
import io.lambda2azure.core.deviation.Area;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.deviation.DeviationKind;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.FunctionAlias;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.LoggingConfig;
import io.lambda2azure.core.model.Output;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code deviations.md}: the migration document a team would otherwise fill by hand, filled in from the
 * model. A summary; per design area ({@link Area} order) a feature mapping table (AWS implementation, Azure
 * implementation, built-in or custom) and a gap table (one row per deviation of the area); and per Lambda
 * function a table of its events: the binding each one's Azure function declares, or the deviation that
 * replaced it.
 *
 * <p>Every cell is one line; input text is escaped ({@link Md}) so that it renders as written.
 */
final class MarkdownReport {

    static final String BUILT_IN = "built-in";
    static final String CUSTOM = "custom";

    /** One row of a mapping table; cells are Markdown already. */
    private record Row(String feature, String aws, String azure, boolean generated, Predicate<Deviation> element) {
    }

    private final ServerlessApp app;
    private final AzureDeployment deployment;
    private final List<FunctionApp> functionApps;
    /** Deviations of severity warning or higher: the ones that make a row "custom". */
    private final List<Deviation> serious;
    /** Role assignments by the identity that gets them, and slots by their app: looked up per app. */
    private final Map<String, List<AzureResource.RoleAssignment>> rolesByPrincipal = new HashMap<>();
    private final Map<String, List<AzureResource.DeploymentSlot>> slotsByApp = new HashMap<>();
    private final Map<Row, List<Deviation>> candidatesOf = new java.util.IdentityHashMap<>();
    private final Map<String, Function> functionsById = new HashMap<>();
    private final StringBuilder out = new StringBuilder();

    MarkdownReport(ServerlessApp app, AzureDeployment deployment) {
        this.app = app;
        this.deployment = deployment;
        this.functionApps = deployment.resources(FunctionApp.class);
        app.functions().forEach(f -> functionsById.put(f.logicalId(), f));
        this.serious = deployment.deviations().stream().filter(d -> d.severity().atLeast(Severity.WARNING)).toList();
        deployment.resources(AzureResource.RoleAssignment.class).forEach(r ->
                rolesByPrincipal.computeIfAbsent(r.principal(), k -> new ArrayList<>()).add(r));
        deployment.resources(AzureResource.DeploymentSlot.class).forEach(s ->
                slotsByApp.computeIfAbsent(s.app(), k -> new ArrayList<>()).add(s));
    }

    String render() {
        summary();
        for (Area area : Area.values()) {
            area(area);
        }
        bindings();
        return out.toString();
    }

    // ---------------------------------------------------------------- summary

    private void summary() {
        line("# Migration report: " + Md.plain(deployment.source()));
        line();
        List<String> functionIds = app.functions().stream().map(f -> Md.code(f.logicalId())).toList();
        line("- **Functions:** " + app.functions().size() + (functionIds.isEmpty() ? "" : ": "
                + String.join(", ", functionIds)));
        line("- **Hosting plan:** " + Md.plain(deployment.plan().title()) + " (" + Md.plain(deployment.planReason())
                + ")");
        List<String> apps = functionApps.stream().map(fa -> Md.code(fa.symbol()) + " (hosts "
                + ids(fa.awsFunctions()) + ")").toList();
        line("- **Function apps generated:** " + apps.size() + (apps.isEmpty() ? "" : ": " + String.join(", ", apps)));
        line("- **Deviations:** " + count(Severity.BLOCKER) + " blocker, " + count(Severity.WARNING) + " warning, "
                + count(Severity.INFO) + " info");
        line();
        line("| Area | Blocker | Warning | Info |");
        line("| --- | ---: | ---: | ---: |");
        for (Area area : Area.values()) {
            line("| " + Md.link(area.title(), "#" + anchor(area.title())) + " | "
                    + count(area, Severity.BLOCKER) + " | " + count(area, Severity.WARNING) + " | "
                    + count(area, Severity.INFO) + " |");
        }
        line();
        line("A **blocker** is " + Texts.meaning(Severity.BLOCKER) + ". A **warning** is "
                + Texts.meaning(Severity.WARNING) + ". An **info** is " + Texts.meaning(Severity.INFO) + ".");
        line();
        line("In the feature mappings, the migration strategy is **" + BUILT_IN + "** when lambda2azure generated"
                + " the Azure implementation with no blocker or warning on it, and **" + CUSTOM + "** when the"
                + " migration team has to complete it.");
    }

    private long count(Severity severity) {
        return deployment.deviations().stream().filter(d -> d.severity() == severity).count();
    }

    private long count(Area area, Severity severity) {
        return deployment.deviations().stream().filter(d -> d.kind().area() == area && d.severity() == severity)
                .count();
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    // ---------------------------------------------------------------- areas

    private void area(Area area) {
        line();
        line("## " + Md.plain(area.title()));
        line();
        line("**Feature mapping**");
        line();
        List<Row> rows = rows(area);
        if (rows.isEmpty()) {
            line("No AWS features of this area in the input.");
        } else {
            line("| Feature | AWS implementation | Azure implementation | Migration strategy |");
            line("| --- | --- | --- | --- |");
            for (Row row : rows) {
                line("| " + row.feature() + " | " + row.aws() + " | " + row.azure() + " | " + strategy(row) + " |");
            }
        }
        line();
        line("**Deviations**");
        line();
        List<Deviation> gaps = deployment.deviations().stream().filter(d -> d.kind().area() == area).toList();
        if (gaps.isEmpty()) {
            line("No deviations.");
            return;
        }
        line("| Id | Severity | Feature | Deviation | Impact | Mitigation |");
        line("| --- | --- | --- | --- | --- | --- |");
        for (Deviation d : gaps) {
            DeviationKind kind = d.kind();
            String where = Md.source(d.source());
            String target = d.target().map(t -> " on " + Md.code(t.resource() + t.property().map(p -> "." + p)
                    .orElse(""))).orElse("");
            line("| " + Md.code(kind.id()) + " | " + d.severity().id() + " | " + Md.link(kind.title(), kind.helpUrl())
                    + target + " | " + Md.plain(d.message()) + (where.isEmpty() ? "" : " (" + where + ")") + " | "
                    + Md.text(kind.impact()) + " | " + Md.text(kind.mitigation()) + " |");
        }
    }

    private String strategy(Row row) {
        // A function app's rows can only concern deviations on that app, its plan, identity and slots.
        List<Deviation> candidates = candidatesOf.getOrDefault(row, serious);
        boolean clean = candidates.stream().noneMatch(d -> row.element().test(d));
        return row.generated() && clean ? BUILT_IN : CUSTOM;
    }

    private List<Row> rows(Area area) {
        List<Row> rows = new ArrayList<>();
        if (area == Area.UNSUPPORTED) {
            unsupportedRows(rows);
            return rows;
        }
        if (area == Area.DATA) {
            dataRows(rows);
            return rows;
        }
        for (FunctionApp fa : functionApps) {
            List<Function> members = members(fa);
            int first = rows.size();
            switch (area) {
                case COMPUTE -> computeRows(fa, members, rows);
                case TRIGGERS -> triggerRows(fa, members, rows);
                case IDENTITY -> identityRows(fa, members, rows);
                case NETWORKING -> networkRows(fa, members, rows);
                case DEPLOYMENT -> deploymentRows(fa, members, rows);
                case MONITORING -> monitoringRows(fa, members, rows);
                default -> throw new IllegalStateException("area " + area);
            }
            List<Deviation> candidates = appScope(fa);
            rows.subList(first, rows.size()).forEach(row -> candidatesOf.put(row, candidates));
        }
        if (area == Area.TRIGGERS) {
            apiRows(rows);
        }
        return rows;
    }

    /**
     * One row per API put behind API Management: its operations, the products its keys and usage plan became, and
     * the deviations on any of them.
     */
    private void apiRows(List<Row> rows) {
        for (AzureResource.ApiManagementApi api : deployment.resources(AzureResource.ApiManagementApi.class)) {
            Set<String> symbols = new java.util.HashSet<>(Set.of(api.symbol()));
            List<AzureResource.ApiManagementOperation> operations = deployment
                    .resources(AzureResource.ApiManagementOperation.class).stream()
                    .filter(o -> o.api().equals(api.symbol())).toList();
            operations.forEach(o -> symbols.add(o.symbol()));
            List<String> products = new ArrayList<>();
            for (AzureResource.ApiManagementProductApi link : deployment
                    .resources(AzureResource.ApiManagementProductApi.class)) {
                if (link.api().equals(api.symbol())) {
                    symbols.add(link.product());
                    deployment.resource(link.product()).ifPresent(p -> products.add(Md.code(Texts.value(p.name()))));
                }
            }
            String aws = app.resources().stream().filter(r -> r.location().equals(api.source())).findFirst()
                    .map(r -> Md.code(r.resourceType()) + " " + Md.plain(r.logicalId())).orElse(Md.plain(api.symbol()));
            String azure = "API Management API " + Md.code(api.path()) + " with " + operations.size()
                    + (operations.size() == 1 ? " operation" : " operations")
                    + (api.subscriptionRequired() ? ", subscription key required" : "")
                    + (products.isEmpty() ? "" : ", product " + String.join(", ", products));
            rows.add(new Row("Authorization, API keys and usage plans of " + Md.code(api.symbol()), aws, azure, true,
                    d -> d.target().isPresent() && symbols.contains(d.target().get().resource())));
        }
    }

    // ---------------------------------------------------------------- data and messaging

    /** One row per queue, topic, bucket, table, stream, bus or secret of the input with its counterparts. */
    private void dataRows(List<Row> rows) {
        for (io.lambda2azure.core.model.resource.DependencyResource r : app.resources()) {
            List<AzureResource> counterparts = deployment.resources().stream()
                    .filter(a -> a.source().equals(r.location()) && !(a instanceof FunctionApp)
                            && !(a instanceof AzureResource.RoleAssignment) && !apiManagement(a))
                    .toList();
            if (counterparts.isEmpty()) {
                continue;
            }
            Set<String> symbols = counterparts.stream().map(AzureResource::symbol).collect(Collectors.toSet());
            String azure = counterparts.stream().map(a -> Md.plain(kindOf(a)) + " " + Md.code(Texts.value(a.name())))
                    .collect(Collectors.joining(", "));
            Predicate<Deviation> element = d -> d.kind().area() == Area.DATA && d.target().isPresent()
                    && symbols.contains(d.target().get().resource());
            Row row = new Row(Md.plain(r.logicalId()), Md.code(r.resourceType()), azure, true, element);
            rows.add(row);
            candidatesOf.put(row, serious);
        }
    }

    /** Whether a resource is part of API Management, which the Triggers area shows per API. */
    private static boolean apiManagement(AzureResource r) {
        return r instanceof AzureResource.ApiManagementService || r instanceof AzureResource.ApiManagementApi
                || r instanceof AzureResource.ApiManagementOperation || r instanceof AzureResource.ApiManagementPolicy
                || r instanceof AzureResource.ApiManagementBackend || r instanceof AzureResource.ApiManagementNamedValue
                || r instanceof AzureResource.ApiManagementProduct || r instanceof AzureResource.ApiManagementProductApi
                || r instanceof AzureResource.ApiManagementSubscription;
    }

    /** A resource kind in words: {@code ServiceBusQueue} → {@code Service Bus queue}. */
    private static String kindOf(AzureResource resource) {
        String words = resource.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2");
        return words.replace("Service Bus", "Service Bus").replace("Cosmos Sql", "Cosmos DB")
                .replace("Event Grid", "Event Grid").toLowerCase(java.util.Locale.ROOT)
                .replace("service bus", "Service Bus").replace("cosmos db", "Cosmos DB")
                .replace("event grid", "Event Grid").replace("event hub", "Event Hubs")
                .replace("key vault", "Key Vault");
    }

    private List<Deviation> appScope(FunctionApp fa) {
        List<String> symbols = new ArrayList<>(List.of(fa.symbol(), fa.plan(), fa.identity()));
        slotsByApp.getOrDefault(fa.symbol(), List.of()).forEach(slot -> symbols.add(slot.symbol()));
        return symbols.stream().distinct().flatMap(symbol -> deployment.deviationsTargeting(symbol).stream())
                .filter(d -> d.severity().atLeast(Severity.WARNING)).toList();
    }

    // ---------------------------------------------------------------- compute and runtime

    private void computeRows(FunctionApp fa, List<Function> members, List<Row> rows) {
        String of = " of " + ids(fa.awsFunctions());
        Set<String> self = Set.of(fa.symbol());
        rows.add(new Row("Runtime" + of, perFunction(members, MarkdownReport::awsRuntime),
                fa.runtime().map(r -> azureRuntime(fa, r)).orElse("none chosen"), fa.runtime().isPresent(),
                on(self, DeviationCatalog.RUNTIME_VERSION_CHANGED, DeviationCatalog.CUSTOM_HANDLER,
                        DeviationCatalog.CONTAINER_NOT_ON_PLAN, DeviationCatalog.UNKNOWN_RUNTIME,
                        DeviationCatalog.VERSION_NOT_ON_PLAN)));
        if (members.stream().anyMatch(f -> f.architectures().isPresent())) {
            rows.add(new Row("Architecture" + of, perFunction(members, f -> f.architectures()
                    .map(e -> Md.code(Texts.shortExpr(e))).orElse(Md.code("x86_64") + " (default)")),
                    Md.plain("x86-64"), true, on(self, DeviationCatalog.ARM64)));
        }
        rows.add(new Row("Code package" + of, perFunction(members, MarkdownReport::awsCode), azureCode(fa), true,
                on(self, DeviationCatalog.CONTAINER_NOT_ON_PLAN)));

        Set<SourceLocation> memoryAt = members.stream().map(f -> f.locationOf("MemorySize")).collect(Collectors.toSet());
        Predicate<Deviation> memoryKinds = kinds(DeviationCatalog.MEMORY_ABOVE_PLAN,
                DeviationCatalog.MEMORY_AT_DEPLOYMENT);
        rows.add(new Row("Memory" + of, perFunction(members, f -> f.memorySize().map(MarkdownReport::megabytes)
                .orElse("128 MB (default)")), azureMemory(fa), true,
                memoryKinds.and(d -> targets(d, fa.symbol()) || targets(d, fa.plan()) && memoryAt.contains(d.source()))));
        rows.add(new Row("Timeout" + of, perFunction(members, f -> f.timeout().map(MarkdownReport::seconds)
                .orElse("3 s (default)")), fa.functionTimeoutSeconds().map(s -> "functionTimeout "
                + Md.code(Texts.duration(s))).orElse("plan default"), true,
                on(self, DeviationCatalog.TIMEOUT_ABOVE_PLAN, DeviationCatalog.HTTP_RESPONSE_LIMIT)));
        rows.add(new Row("Concurrency" + of, perFunction(members, MarkdownReport::awsConcurrency), azureScale(fa), true,
                on(self, DeviationCatalog.RESERVED_CONCURRENCY, DeviationCatalog.PROVISIONED_CONCURRENCY,
                        DeviationCatalog.NO_WARM_INSTANCES)));
        if (members.stream().anyMatch(f -> !f.layers().isEmpty())) {
            rows.add(new Row("Layers" + of, perFunction(members, f -> f.layers().isEmpty() ? "none"
                    : f.layers().stream().map(e -> Md.code(Texts.shortExpr(e))).collect(Collectors.joining(", "))),
                    "none: add their contents to the package", false, on(self, DeviationCatalog.LAYERS)));
        }
        if (members.stream().anyMatch(f -> f.ephemeralStorage().isPresent())) {
            rows.add(new Row("Ephemeral storage" + of, perFunction(members, f -> f.ephemeralStorage()
                    .map(MarkdownReport::megabytes).orElse("512 MB (default)")), "the instance's temporary storage",
                    true, on(self, DeviationCatalog.EPHEMERAL_STORAGE)));
        }
    }

    private static String awsRuntime(Function f) {
        if (f.code().isPresent() && f.code().get() instanceof FunctionCode.ContainerImage) {
            return "container image";
        }
        return f.runtime().map(e -> Md.code(Texts.shortExpr(e))).orElse("not set");
    }

    private static String azureRuntime(FunctionApp fa, AzureResource.Runtime runtime) {
        if (runtime.name().equals("custom")) {
            return "custom handler";
        }
        if (runtime.nameParameter().isPresent()) {
            return "runtime from parameters " + Md.code(runtime.nameParameter().get()) + " and "
                    + Md.code(runtime.versionParameter().orElse(""));
        }
        return fa.planKind() == PlanKind.FLEX_CONSUMPTION || runtime.linuxFxVersion().isEmpty()
                ? "runtime " + Md.code(runtime.name() + " " + runtime.version())
                : "linuxFxVersion " + Md.code(runtime.linuxFxVersion());
    }

    private static String awsCode(Function f) {
        if (f.code().isEmpty()) {
            return "not set";
        }
        FunctionCode code = f.code().get();
        if (code instanceof FunctionCode.ZipArchive zip) {
            return "zip " + Md.code(Texts.shortExpr(zip.location()));
        }
        if (code instanceof FunctionCode.InlineSource) {
            return "inline code";
        }
        FunctionCode.ContainerImage image = (FunctionCode.ContainerImage) code;
        return "container image" + image.imageUri().map(u -> " " + Md.code(Texts.shortExpr(u))).orElse("");
    }

    private String azureCode(FunctionApp fa) {
        if (fa.flex().isPresent()) {
            String container = fa.flex().get().deploymentContainer();
            return "deployment to blob container " + Md.code(deployment.resource(container)
                    .map(r -> Texts.value(r.name())).orElse(container));
        }
        return fa.appSettings().stream().anyMatch(s -> s.name().equals("WEBSITE_RUN_FROM_PACKAGE"))
                ? "run from a package in blob storage (" + Md.code("WEBSITE_RUN_FROM_PACKAGE") + ")"
                : "deployed separately";
    }

    private String azureMemory(FunctionApp fa) {
        if (fa.flex().isPresent()) {
            return "instanceMemoryMB " + Md.code(String.valueOf(fa.flex().get().instanceMemoryMB()));
        }
        return deployment.resource(fa.plan()).filter(r -> r instanceof AzureResource.HostingPlan)
                .map(r -> (AzureResource.HostingPlan) r)
                .map(p -> "plan SKU " + Md.code(p.skuName()) + " (" + Md.plain(p.skuTier()) + ")")
                .orElse("plan " + Md.code(fa.plan()));
    }

    private static String megabytes(Expr e) {
        return e instanceof Expr.NumberLiteral || e.asString().filter(s -> s.matches("\\d+")).isPresent()
                ? Md.code(Texts.expr(e)) + " MB" : Md.code(Texts.shortExpr(e));
    }

    private static String seconds(Expr e) {
        return e instanceof Expr.NumberLiteral || e.asString().filter(s -> s.matches("\\d+")).isPresent()
                ? Md.code(Texts.expr(e)) + " s" : Md.code(Texts.shortExpr(e));
    }

    private static String awsConcurrency(Function f) {
        List<String> parts = new ArrayList<>();
        f.reservedConcurrency().ifPresent(e -> parts.add("reserved " + Md.code(Texts.shortExpr(e))));
        f.provisionedConcurrency().or(() -> f.aliases().stream().flatMap(a -> a.provisionedConcurrency().stream())
                .findFirst()).ifPresent(e -> parts.add("provisioned " + Md.code(Texts.shortExpr(e))));
        return parts.isEmpty() ? "unreserved" : String.join(", ", parts);
    }

    private static String azureScale(FunctionApp fa) {
        List<String> parts = new ArrayList<>();
        fa.flex().ifPresent(flex -> {
            parts.add("maximumInstanceCount " + Md.code(Texts.value(flex.maximumInstanceCount())));
            if (!flex.alwaysReady().isEmpty()) {
                parts.add("always ready " + flex.alwaysReady().stream()
                        .map(a -> Md.code(a.name() + "=" + Texts.value(a.instanceCount())))
                        .collect(Collectors.joining(", ")));
            }
        });
        AzureResource.SiteSettings site = fa.site();
        if (site.alwaysOn().orElse(false)) {
            parts.add("Always On");
        }
        site.functionAppScaleLimit().ifPresent(v -> parts.add("functionAppScaleLimit " + Md.code(Texts.value(v))));
        site.minimumElasticInstanceCount().ifPresent(v -> parts.add("minimumElasticInstanceCount "
                + Md.code(Texts.value(v))));
        site.preWarmedInstanceCount().ifPresent(v -> parts.add("preWarmedInstanceCount " + Md.code(Texts.value(v))));
        return parts.isEmpty() ? "the plan's default scale-out" : String.join(", ", parts);
    }

    // ---------------------------------------------------------------- triggers

    private void triggerRows(FunctionApp fa, List<Function> members, List<Row> rows) {
        for (Function f : members) {
            for (EventSource event : f.events()) {
                Optional<Trigger> trigger = fa.triggers().stream().filter(t -> t.eventId().equals(event.id())
                        && t.source().equals(event.location())).findFirst();
                rows.add(new Row("Event " + Md.code(event.id()) + " of " + Md.code(f.logicalId()), describe(event),
                        trigger.map(t -> Md.code(t.type()) + (t.settings().isEmpty() ? ""
                                : " " + Md.code(Texts.settings(t.settings())))).orElse("none generated"),
                        trigger.isPresent(), d -> d.source().equals(event.location())
                        && d.target().map(t -> t.resource().equals(fa.symbol())).orElse(true)));
            }
        }
        if (!fa.site().corsAllowedOrigins().isEmpty()) {
            rows.add(new Row("CORS of " + ids(fa.awsFunctions()), "per API or route", "allowed origins "
                    + fa.site().corsAllowedOrigins().stream().map(v -> Md.code(Texts.value(v)))
                    .collect(Collectors.joining(", ")) + " for the whole app", true,
                    on(Set.of(fa.symbol()), DeviationCatalog.CORS_CHANGED)));
        }
    }

    /** The AWS side of an event source, short. */
    static String describe(EventSource event) {
        if (event instanceof EventSource.Http h) {
            String api = h.apiKind() == HttpApiKind.REST_API ? "REST API" : h.apiKind() == HttpApiKind.HTTP_API
                    ? "HTTP API" : "function URL";
            return api + " " + Md.code(h.method() + " " + h.path());
        }
        if (event instanceof EventSource.Queue q) {
            return "SQS queue " + Md.code(Texts.shortExpr(q.queue()));
        }
        if (event instanceof EventSource.Topic t) {
            return "SNS topic " + Md.code(Texts.shortExpr(t.topic()));
        }
        if (event instanceof EventSource.ObjectStorage o) {
            return "S3 bucket " + Md.code(Texts.shortExpr(o.bucket())) + " " + Md.code(Texts.shortExpr(o.events()));
        }
        if (event instanceof EventSource.TableStream t) {
            return "DynamoDB stream " + Md.code(Texts.shortExpr(t.stream()));
        }
        if (event instanceof EventSource.Stream s) {
            return "Kinesis stream " + Md.code(Texts.shortExpr(s.stream()));
        }
        if (event instanceof EventSource.Kafka k) {
            return (k.managed() ? "Amazon MSK" : "self-managed Kafka") + " topics "
                    + Md.code(Texts.shortExpr(k.topics()));
        }
        if (event instanceof EventSource.Broker b) {
            return "Amazon MQ " + Md.code(Texts.shortExpr(b.broker())) + " queues "
                    + Md.code(Texts.shortExpr(b.queues()));
        }
        if (event instanceof EventSource.DocumentDbStream d) {
            return "DocumentDB change stream " + Md.code(Texts.shortExpr(d.cluster()));
        }
        if (event instanceof EventSource.Schedule s) {
            return (s.scheduler() ? "EventBridge Scheduler " : "EventBridge schedule ")
                    + Md.code(Texts.shortExpr(s.expression()));
        }
        if (event instanceof EventSource.EventBusRule r) {
            return "EventBridge rule on " + r.eventBus().map(b -> "bus " + Md.code(Texts.shortExpr(b)))
                    .orElse("the default bus");
        }
        if (event instanceof EventSource.LogSubscription l) {
            return "CloudWatch Logs subscription " + Md.code(Texts.shortExpr(l.logGroup()));
        }
        if (event instanceof EventSource.IotRule i) {
            return "IoT rule " + Md.code(Texts.shortExpr(i.sql()));
        }
        if (event instanceof EventSource.Cognito c) {
            return "Cognito user pool " + Md.code(Texts.shortExpr(c.userPool()));
        }
        if (event instanceof EventSource.Alexa) {
            return "Alexa skill";
        }
        EventSource.InvokePermission p = (EventSource.InvokePermission) event;
        return "invoke permission for " + Md.code(Texts.shortExpr(p.principal()));
    }

    // ---------------------------------------------------------------- identity and access

    private void identityRows(FunctionApp fa, List<Function> members, List<Row> rows) {
        String of = " of " + ids(fa.awsFunctions());
        rows.add(new Row("Execution identity" + of, perFunction(members, MarkdownReport::awsRole),
                "user-assigned identity " + Md.code(fa.identity()), true, d -> false));
        List<String> roles = rolesByPrincipal.getOrDefault(fa.identity(), List.of()).stream()
                .map(r -> Md.plain(r.role().name()) + " on " + Md.code(r.scope())).toList();
        rows.add(new Row("Permissions" + of, perFunction(members, this::awsPermissions),
                roles.isEmpty() ? "none" : "role assignments: " + String.join(", ", roles), true,
                on(Set.of(fa.symbol()), DeviationCatalog.PERMISSIONS_NOT_MAPPED)));
        if (members.stream().anyMatch(f -> !f.environment().isEmpty())) {
            Set<String> names = members.stream().flatMap(f -> f.environment().keySet().stream())
                    .collect(Collectors.toSet());
            long settings = fa.appSettings().stream().map(AppSetting::name).filter(names::contains).count();
            rows.add(new Row("Environment" + of, perFunction(members, f -> Texts.count(f.environment().size(),
                    "variable", "variables")), Texts.count((int) settings, "app setting", "app settings"), true,
                    d -> targets(d, fa.symbol()) && d.target().get().property().filter(p -> p.startsWith("appSettings."))
                            .isPresent()));
        }
    }

    private static String awsRole(Function f) {
        if (f.role().isPresent()) {
            return "role " + Md.code(Texts.shortExpr(f.role().get()));
        }
        if (f.resourceType().contains("/")) {
            return "role generated by the module " + Md.code(f.resourceType()); // terraform-aws-modules/lambda/aws
        }
        return f.resourceType().equals("AWS::Serverless::Function") ? "role generated by SAM" : "none";
    }

    private String awsPermissions(Function f) {
        List<String> parts = new ArrayList<>();
        for (FunctionPolicy policy : f.policies()) {
            if (policy instanceof FunctionPolicy.ManagedPolicy m) {
                parts.add(Md.code(Texts.shortExpr(m.arnOrName())));
            } else if (policy instanceof FunctionPolicy.PolicyTemplate t) {
                parts.add(Md.code(t.name()));
            } else if (policy instanceof FunctionPolicy.InlineStatements s) {
                parts.add("inline policy (" + Texts.count(s.statements().size(), "statement", "statements") + ")");
            } else if (policy instanceof FunctionPolicy.Symbolic s) {
                parts.add(Md.code(Texts.shortExpr(s.value())));
            }
        }
        f.role().ifPresent(r -> parts.add(role(r).map(role -> "role " + Md.code(role.logicalId()) + ": "
                        + Texts.count(role.statements().size(), "statement", "statements") + ", "
                        + Texts.count(role.managedPolicies().size(), "managed policy", "managed policies"))
                .orElse("what role " + Md.code(Texts.shortExpr(r)) + " allows")));
        return parts.isEmpty() ? "none stated" : String.join(", ", parts);
    }

    /** The role of the input that a role expression refers to, if any. */
    private Optional<Role> role(Expr expr) {
        String id = expr instanceof Expr.ResourceRef r ? r.logicalId()
                : expr instanceof Expr.AttributeRef a ? a.logicalId() : null;
        return id == null ? Optional.empty()
                : app.roles().stream().filter(r -> r.logicalId().equals(id)).findFirst();
    }

    // ---------------------------------------------------------------- networking

    private void networkRows(FunctionApp fa, List<Function> members, List<Row> rows) {
        boolean vpc = members.stream().anyMatch(f -> f.vpc().isPresent());
        rows.add(new Row("Network of " + ids(fa.awsFunctions()), perFunction(members, f -> f.vpc()
                .map(MarkdownReport::awsVpc).orElse("no VPC")), fa.subnetId().map(v -> "virtual network integration,"
                + " subnet " + Md.code(Texts.value(v))).orElse("no virtual network integration"),
                !vpc || fa.subnetId().isPresent(),
                on(Set.of(fa.symbol()), DeviationCatalog.VNET_SUBNET_NEEDED, DeviationCatalog.VNET_NOT_ON_PLAN)));
    }

    private static String awsVpc(VpcConfig vpc) {
        List<String> parts = new ArrayList<>();
        vpc.subnetIds().ifPresent(s -> parts.add("subnets " + Md.code(Texts.shortExpr(s))));
        vpc.securityGroupIds().ifPresent(s -> parts.add("security groups " + Md.code(Texts.shortExpr(s))));
        return "VPC" + (parts.isEmpty() ? "" : ", " + String.join(", ", parts));
    }

    // ---------------------------------------------------------------- deployment and versions

    private void deploymentRows(FunctionApp fa, List<Function> members, List<Row> rows) {
        String of = " of " + ids(fa.awsFunctions());
        List<AzureResource.DeploymentSlot> slots = slotsByApp.getOrDefault(fa.symbol(), List.of());
        Set<String> resources = new HashSet<>();
        resources.add(fa.symbol());
        slots.forEach(s -> resources.add(s.symbol()));
        boolean versions = members.stream().anyMatch(f -> !f.aliases().isEmpty() || f.autoPublishAlias().isPresent());
        rows.add(new Row("Versions and aliases" + of, perFunction(members, MarkdownReport::awsVersions),
                slots.isEmpty() ? "production slot only" : slots.stream().map(s -> "slot " + Md.code(Texts.value(s.name())))
                        .collect(Collectors.joining(", ")), !versions || !slots.isEmpty(),
                on(resources, DeviationCatalog.ALIASES_AS_SLOTS, DeviationCatalog.NO_SLOTS)));
        if (members.stream().anyMatch(f -> f.deploymentPreference().isPresent())) {
            rows.add(new Row("Gradual deployment" + of, perFunction(members, f -> f.deploymentPreference()
                    .map(p -> "CodeDeploy" + p.type().map(t -> " " + Md.code(Texts.shortExpr(t))).orElse(""))
                    .orElse("none")), "none: swap slots or split traffic by hand", false,
                    on(resources, DeviationCatalog.GRADUAL_DEPLOYMENT)));
        }
        if (members.stream().anyMatch(f -> f.deadLetter().isPresent() || f.asyncInvokeConfig().isPresent())) {
            rows.add(new Row("Asynchronous invocation" + of, perFunction(members, MarkdownReport::awsAsync),
                    "none: handle failures in code", false, on(resources, DeviationCatalog.ASYNC_DESTINATIONS)));
        }
    }

    private static String awsVersions(Function f) {
        List<String> names = new ArrayList<>();
        f.autoPublishAlias().ifPresent(a -> names.add(Texts.expr(a)));
        for (FunctionAlias alias : f.aliases()) {
            names.add(Texts.expr(alias.name()));
        }
        List<String> distinct = names.stream().distinct().toList();
        return distinct.isEmpty() ? "unpublished (" + Md.code("$LATEST") + ")"
                : "aliases " + distinct.stream().map(n -> Md.code(Texts.shorten(n))).collect(Collectors.joining(", "));
    }

    private static String awsAsync(Function f) {
        List<String> parts = new ArrayList<>();
        f.deadLetter().ifPresent(d -> parts.add("dead-letter " + Md.code(Texts.shortExpr(d.target()))));
        f.asyncInvokeConfig().ifPresent(c -> {
            c.maximumRetryAttempts().ifPresent(r -> parts.add("retries " + Md.code(Texts.shortExpr(r))));
            c.maximumEventAgeInSeconds().ifPresent(a -> parts.add("maximum age " + seconds(a)));
            c.onSuccess().ifPresent(d -> parts.add("on success " + Md.code(Texts.shortExpr(d.target()))));
            c.onFailure().ifPresent(d -> parts.add("on failure " + Md.code(Texts.shortExpr(d.target()))));
        });
        return parts.isEmpty() ? "defaults" : String.join(", ", parts);
    }

    // ---------------------------------------------------------------- monitoring

    private void monitoringRows(FunctionApp fa, List<Function> members, List<Row> rows) {
        String of = " of " + ids(fa.awsFunctions());
        rows.add(new Row("Tracing" + of, perFunction(members, f -> f.tracing().map(t -> "X-Ray "
                + Md.code(Texts.shortExpr(t))).orElse("not set")), "Application Insights " + Md.code(fa.insights()),
                true, on(Set.of(fa.symbol()), DeviationCatalog.TRACING)));
        Optional<AzureResource.LogAnalyticsWorkspace> workspace = deployment.resource(fa.insights())
                .filter(r -> r instanceof AzureResource.ApplicationInsights)
                .flatMap(r -> deployment.resource(((AzureResource.ApplicationInsights) r).workspace()))
                .filter(r -> r instanceof AzureResource.LogAnalyticsWorkspace)
                .map(r -> (AzureResource.LogAnalyticsWorkspace) r);
        Set<String> resources = new HashSet<>();
        resources.add(fa.symbol());
        workspace.ifPresent(w -> resources.add(w.symbol()));
        rows.add(new Row("Logs" + of, perFunction(members, f -> f.logging().map(MarkdownReport::awsLogging)
                .orElse("CloudWatch Logs, default settings")), workspace.map(w -> "Log Analytics workspace "
                + Md.code(w.symbol()) + ", " + Md.code(Texts.value(w.retentionInDays())) + " days")
                .orElse("Application Insights " + Md.code(fa.insights())), true,
                on(resources, DeviationCatalog.LOG_SETTINGS)));
    }

    private static String awsLogging(LoggingConfig logging) {
        List<String> parts = new ArrayList<>();
        logging.logFormat().ifPresent(e -> parts.add("format " + Md.code(Texts.shortExpr(e))));
        logging.applicationLogLevel().ifPresent(e -> parts.add("application level " + Md.code(Texts.shortExpr(e))));
        logging.systemLogLevel().ifPresent(e -> parts.add("system level " + Md.code(Texts.shortExpr(e))));
        logging.logGroup().ifPresent(e -> parts.add("log group " + Md.code(Texts.shortExpr(e))));
        return "CloudWatch Logs" + (parts.isEmpty() ? "" : ", " + String.join(", ", parts));
    }

    // ---------------------------------------------------------------- unsupported

    private void unsupportedRows(List<Row> rows) {
        for (UnsupportedResource u : app.unsupportedResources()) {
            String nested = u.nestedFunctionIds().isEmpty() ? "" : " with functions " + ids(u.nestedFunctionIds());
            rows.add(new Row(Md.code(u.logicalId()), Md.code(u.type()) + nested, "none", false, at(u.location())));
        }
        for (UnmappedProperty p : app.unmappedProperties()) {
            rows.add(new Row(Md.code(p.path()) + " of " + Md.code(p.resourceId()), Md.code(Texts.shortExpr(p.value())),
                    "none", false, at(p.location())));
        }
        for (Output o : app.outputs()) {
            Optional<AzureOutput> output = deployment.outputs().stream().filter(a -> a.source().equals(o.location()))
                    .findFirst();
            rows.add(new Row("Output " + Md.code(o.name()), Md.code(Texts.shortExpr(o.value())),
                    output.map(a -> "output " + Md.code(a.name())).orElse("none"), output.isPresent(),
                    at(o.location())));
        }
    }

    // ---------------------------------------------------------------- bindings

    private void bindings() {
        line();
        line("## Bindings per function");
        line();
        line("Azure Functions declares triggers in code. Each event of a Lambda function becomes an Azure function in"
                + " its function app, whose code declares the binding below; an event that a deviation replaced has"
                + " none. " + Md.code("migration-plan.json") + " lists the same for tools.");
        if (app.functions().isEmpty()) {
            line();
            line("No function apps were generated.");
        }
        for (FunctionEvents.Hosted hosted : FunctionEvents.of(app, deployment)) {
            line();
            line("### " + Md.plain(hosted.function().logicalId()));
            line();
            List<String> others = hosted.app().awsFunctions().stream()
                    .filter(id -> !id.equals(hosted.function().logicalId())).toList();
            line("Function app " + Md.code(hosted.app().symbol()) + (others.isEmpty() ? "" : ", shared with "
                    + ids(others)) + ".");
            line();
            if (hosted.events().isEmpty()) {
                line("No event sources.");
                continue;
            }
            line("| Event | Binding | Azure function | Entity | Connection |");
            line("| --- | --- | --- | --- | --- |");
            for (FunctionEvents.Outcome outcome : hosted.events()) {
                String where = Md.source(outcome.source());
                String event = Md.code(outcome.event().id()) + " (" + outcome.event().kind().id() + ")"
                        + (where.isEmpty() ? "" : " at " + where);
                if (outcome.trigger().isPresent()) {
                    Trigger t = outcome.trigger().get();
                    line("| " + event + " | " + Md.code(t.type()) + " | " + Md.code(t.function()) + " | " + entity(t)
                            + " | " + t.connection().map(Md::code).orElse("none") + " |");
                } else {
                    line("| " + event + " | none: replaced by " + deviation(outcome.gap().get().deviation())
                            + " | none | none | none |");
                }
            }
        }
    }

    /**
     * What a trigger reads, from its settings: queue, topic and subscription, blob container and path, Cosmos
     * DB database and container, event hub and consumer group, HTTP route, timer schedule; else the resource.
     */
    static String entity(Trigger trigger) {
        Map<String, String> s = trigger.settings();
        List<String> parts = new ArrayList<>();
        setting(s, "queueName", "queue", parts);
        setting(s, "topicName", "topic", parts);
        setting(s, "subscriptionName", "subscription", parts);
        setting(s, "eventHubName", "hub", parts);
        setting(s, "consumerGroup", "consumer group", parts);
        setting(s, "databaseName", "database", parts);
        setting(s, "containerName", "container", parts);
        if (s.containsKey("blobPath")) {
            // The first segment of a blob path is its container; the rest filters the blobs.
            String path = s.get("blobPath");
            int slash = path.indexOf('/');
            parts.add("container " + Md.code(slash < 0 ? path : path.substring(0, slash)));
            if (slash >= 0) {
                parts.add("path " + Md.code(path.substring(slash + 1)));
            }
        }
        if (s.containsKey("route")) {
            String methods = s.getOrDefault("methods", "");
            parts.add("route " + Md.code(s.get("route")) + (methods.isEmpty() ? ", any method"
                    : ", methods " + Md.code(methods)));
        }
        setting(s, "schedule", "schedule", parts);
        if (parts.isEmpty()) {
            return trigger.resource().map(r -> "resource " + Md.code(r)).orElse("none");
        }
        return String.join(", ", parts);
    }

    private static void setting(Map<String, String> settings, String name, String label, List<String> parts) {
        if (settings.containsKey(name)) {
            parts.add(label + " " + Md.code(settings.get(name)));
        }
    }

    /**
     * A deviation kind by id, linked as the gap tables link it: the id to its area's section of this report,
     * where the deviation's row is, and the title to the kind's Microsoft Learn page.
     */
    private static String deviation(String id) {
        Optional<DeviationKind> kind = DeviationCatalog.byId(id);
        if (kind.isEmpty()) {
            return Md.code(id);
        }
        return "[" + Md.code(kind.get().id()) + "](#" + anchor(kind.get().area().title()) + "): "
                + Md.link(kind.get().title(), kind.get().helpUrl());
    }

    // ---------------------------------------------------------------- helpers

    private List<Function> members(FunctionApp fa) {
        return fa.awsFunctions().stream().map(functionsById::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String ids(List<String> ids) {
        return ids.stream().map(Md::code).collect(Collectors.joining(", "));
    }

    /** One text when every function has the same, else {@code `Id`: text} per function. */
    private static String perFunction(List<Function> members, java.util.function.Function<Function, String> text) {
        List<String> texts = members.stream().map(text).toList();
        if (texts.isEmpty()) {
            return "none";
        }
        if (texts.stream().distinct().count() == 1) {
            return texts.get(0);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            parts.add(Md.code(members.get(i).logicalId()) + ": " + texts.get(i));
        }
        return String.join("; ", parts);
    }

    private static boolean targets(Deviation d, String resource) {
        return d.target().isPresent() && d.target().get().resource().equals(resource);
    }

    private static Predicate<Deviation> kinds(DeviationKind... kinds) {
        Set<String> ids = new HashSet<>();
        for (DeviationKind kind : kinds) {
            ids.add(kind.id());
        }
        return d -> ids.contains(d.kind().id());
    }

    /** Deviations of these kinds written on one of these Azure resources. */
    private static Predicate<Deviation> on(Set<String> resources, DeviationKind... kinds) {
        Set<String> copy = Set.copyOf(resources);
        return kinds(kinds).and(d -> d.target().isPresent() && copy.contains(d.target().get().resource()));
    }

    /** Deviations at this source location. */
    private static Predicate<Deviation> at(SourceLocation location) {
        return d -> d.source().equals(location);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }
}
