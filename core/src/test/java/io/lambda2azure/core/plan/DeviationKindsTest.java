package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.deviation.DeviationKind;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.event.HttpAuth;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.lambda2azure.core.plan.Fixtures.TEMPLATE_START;
import static io.lambda2azure.core.plan.Fixtures.app;
import static io.lambda2azure.core.plan.Fixtures.appOf;
import static io.lambda2azure.core.plan.Fixtures.bool;
import static io.lambda2azure.core.plan.Fixtures.deviations;
import static io.lambda2azure.core.plan.Fixtures.function;
import static io.lambda2azure.core.plan.Fixtures.list;
import static io.lambda2azure.core.plan.Fixtures.num;
import static io.lambda2azure.core.plan.Fixtures.only;
import static io.lambda2azure.core.plan.Fixtures.param;
import static io.lambda2azure.core.plan.Fixtures.plan;
import static io.lambda2azure.core.plan.Fixtures.str;
import static io.lambda2azure.core.plan.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per deviation kind the planner raises, named after the kind's id: each checks the severity, what the
 * message names, the source location (the exact property or element written in the input) and the Azure target
 * (resource symbol and property key). {@link #everyCatalogKindIsRaisedByAPlannerTestOrListedWithAReason()} keeps
 * this list complete.
 */
class DeviationKindsTest {

    /**
     * Kinds of the catalog that no planner test raises, with the reason. Every kind is raised by the planner
     * today, so this is empty; a kind added to the catalog must get a test below or an entry here.
     */
    private static final Map<String, String> RAISED_ELSEWHERE = Map.of();

    @Test
    void everyCatalogKindIsRaisedByAPlannerTestOrListedWithAReason() {
        Set<String> tested = Arrays.stream(DeviationKindsTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).map(Method::getName)
                .filter(n -> n.matches("L2A\\d{3}_.*")).map(n -> n.substring(0, 6))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> catalog = DeviationCatalog.all().stream().map(DeviationKind::id)
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> missing = new TreeSet<>(catalog);
        missing.removeAll(tested);
        missing.removeAll(RAISED_ELSEWHERE.keySet());
        assertThat(missing).as("catalog kinds with neither a planner test nor a reason").isEmpty();

        assertThat(catalog).as("tests and exceptions name catalog kinds").containsAll(tested)
                .containsAll(RAISED_ELSEWHERE.keySet());
        assertThat(RAISED_ELSEWHERE.keySet()).as("a kind is either tested here or listed, not both")
                .doesNotContainAnyElementsOf(tested);
        assertThat(RAISED_ELSEWHERE.values()).allSatisfy(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void catalogIdsAreUniqueSortedAndFindableById() {
        assertThat(DeviationCatalog.all()).extracting(DeviationKind::id).doesNotHaveDuplicates().isSorted();
        for (DeviationKind kind : DeviationCatalog.all()) {
            assertThat(DeviationCatalog.byId(kind.id().toLowerCase())).contains(kind);
            assertThat(kind.helpUrl()).startsWith("https://");
        }
        assertThat(DeviationCatalog.byId("L2A999")).isEmpty();
    }

    // ------------------------------------------------------------------ 1xx compute and runtime

    @Test
    void L2A101_runtimeVersionChanged() {
        Function f = function("Orders").runtime("python3.9").build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.RUNTIME_VERSION_CHANGED);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("python3.9", "python 3.11", "nearest version");
        assertThat(d.source()).isEqualTo(f.locationOf("Runtime"));
        assertThat(d.target()).contains(target("orders", "runtime"));

        Deviation older = only(plan(function("Orders").runtime("nodejs24.x"), PlanKind.CONSUMPTION),
                DeviationCatalog.RUNTIME_VERSION_CHANGED);
        assertThat(older.severity()).as("a downgrade is a warning").isEqualTo(Severity.WARNING);
        assertThat(older.message()).contains("nodejs24.x", "node 22", "older version", "Consumption");
    }

    @Test
    void L2A102_customHandler() {
        Function f = function("Orders").runtime("provided.al2023").build();
        Deviation d = only(plan(f, PlanKind.PREMIUM), DeviationCatalog.CUSTOM_HANDLER);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("provided.al2023", "custom handler");
        assertThat(d.source()).isEqualTo(f.locationOf("Runtime"));
        assertThat(d.target()).contains(target("orders", "runtime"));
    }

    @Test
    void L2A103_memoryAbovePlan() {
        Function f = function("Orders").memory(10240).build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.MEMORY_ABOVE_PLAN);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Orders", "10240 MB", "Flex Consumption", "4096 MB");
        assertThat(d.source()).isEqualTo(f.locationOf("MemorySize"));
        assertThat(d.target()).contains(target("orders", "instanceMemory"));

        Deviation sku = only(plan(f, PlanKind.CONSUMPTION), DeviationCatalog.MEMORY_ABOVE_PLAN);
        assertThat(sku.message()).contains("1536 MB");
        assertThat(sku.target()).as("on plans with SKUs the plan's sku is the place").contains(target("hostingPlan",
                "sku"));
    }

    @Test
    void L2A104_timeoutAbovePlan() {
        Function f = function("Orders").timeout(900).build();
        Deviation d = only(plan(f, PlanKind.CONSUMPTION), DeviationCatalog.TIMEOUT_ABOVE_PLAN);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Orders", "900 s", "Consumption", "600 s");
        assertThat(d.source()).isEqualTo(f.locationOf("Timeout"));
        assertThat(d.target()).contains(target("orders"));
    }

    @Test
    void L2A105_httpResponseLimit() {
        Function f = function("Orders").timeout(300).http("/orders", "GET").build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.HTTP_RESPONSE_LIMIT);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Orders", "HTTP-triggered", "300 s", "230 s");
        assertThat(d.source()).isEqualTo(f.locationOf("Timeout"));
        assertThat(d.target()).contains(target("orders"));
    }

    @Test
    void L2A106_arm64() {
        Function f = function("Orders").arm64().build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.ARM64);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Orders", "arm64");
        assertThat(d.source()).isEqualTo(f.locationOf("Architectures"));
        assertThat(d.target()).contains(target("orders"));
    }

    @Test
    void L2A107_layers() {
        Function f = function("Orders").layer(new Expr.ResourceRef("SharedLayer"))
                .layer(str("arn:aws:lambda:eu-west-1:123456789012:layer:x:3")).build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.LAYERS);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Orders", "2 layers", "SharedLayer", "layer:x:3");
        assertThat(d.source()).isEqualTo(f.locationOf("Layers"));
        assertThat(d.target()).contains(target("orders"));
    }

    @Test
    void L2A108_containerNotOnPlan() {
        Function f = function("Orders").containerImage("123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders:1").build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.CONTAINER_NOT_ON_PLAN);
        assertThat(d.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(d.message()).contains("Orders", "container image", "Flex Consumption cannot run container images");
        assertThat(d.source()).isEqualTo(f.locationOf("PackageType"));
        assertThat(d.target()).contains(target("orders", "runtime"));

        Deviation premium = only(plan(f, PlanKind.PREMIUM), DeviationCatalog.CONTAINER_NOT_ON_PLAN);
        assertThat(premium.severity()).isEqualTo(Severity.WARNING);
        assertThat(premium.message()).contains("Azure Container Registry", "DOCKER|");
    }

    @Test
    void L2A109_ephemeralStorage() {
        Function f = function("Orders").ephemeralStorage(10240).build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.EPHEMERAL_STORAGE);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Orders", "10240 MB", "/tmp");
        assertThat(d.source()).isEqualTo(f.locationOf("EphemeralStorage"));
        assertThat(d.target()).contains(target("orders"));

        assertThat(deviations(plan(function("Orders").ephemeralStorage(512), PlanKind.FLEX_CONSUMPTION),
                DeviationCatalog.EPHEMERAL_STORAGE)).as("512 MB is Lambda's default").isEmpty();
    }

    @Test
    void L2A110_reservedConcurrency() {
        Function f = function("Orders").reserved(10).build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.RESERVED_CONCURRENCY);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Orders", "reserves 10", "maximumInstanceCount 40", "lowest");
        assertThat(d.source()).isEqualTo(f.locationOf("ReservedConcurrentExecutions"));
        assertThat(d.target()).contains(target("orders", "maximumInstanceCount"));

        Deviation premium = only(plan(f, PlanKind.PREMIUM), DeviationCatalog.RESERVED_CONCURRENCY);
        assertThat(premium.message()).contains("functionAppScaleLimit 10");
        assertThat(premium.target()).contains(target("orders", "functionAppScaleLimit"));
    }

    @Test
    void L2A111_provisionedConcurrency() {
        Function f = function("Orders").provisioned(5).http("/orders", "GET").build();
        Deviation d = only(plan(f, PlanKind.PREMIUM), DeviationCatalog.PROVISIONED_CONCURRENCY);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Orders", "keeps 5 environments initialized", "minimumElasticInstanceCount");
        assertThat(d.source()).isEqualTo(f.locationOf("ProvisionedConcurrencyConfig"));
        assertThat(d.target()).contains(target("orders", "minimumElasticInstanceCount"));

        Deviation flex = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.PROVISIONED_CONCURRENCY);
        assertThat(flex.message()).contains("always-ready");
        assertThat(flex.target()).contains(target("orders", "alwaysReady"));

        Deviation dedicated = only(plan(f, PlanKind.DEDICATED), DeviationCatalog.PROVISIONED_CONCURRENCY);
        assertThat(dedicated.message()).contains("Always On");
        assertThat(dedicated.target()).contains(target("orders"));
    }

    @Test
    void L2A112_consumptionRetirement() {
        AzureDeployment deployment = plan(function("Orders"), PlanKind.CONSUMPTION);
        Deviation d = only(deployment, DeviationCatalog.CONSUMPTION_RETIREMENT);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("30 September 2028", "Flex Consumption");
        assertThat(d.source()).isEqualTo(TEMPLATE_START);
        assertThat(d.target()).contains(target("hostingPlan"));
        assertThat(deployment.resource("hostingPlan")).get().isInstanceOf(AzureResource.HostingPlan.class);

        for (PlanKind other : new PlanKind[] {PlanKind.FLEX_CONSUMPTION, PlanKind.PREMIUM, PlanKind.DEDICATED}) {
            assertThat(deviations(plan(function("Orders"), other), DeviationCatalog.CONSUMPTION_RETIREMENT)).isEmpty();
        }
    }

    @Test
    void L2A113_noWarmInstances() {
        Function f = function("Orders").provisioned(5).build();
        Deviation d = only(plan(f, PlanKind.CONSUMPTION), DeviationCatalog.NO_WARM_INSTANCES);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Orders", "keeps 5", "Consumption cannot keep instances warm");
        assertThat(d.source()).isEqualTo(f.locationOf("ProvisionedConcurrencyConfig"));
        assertThat(d.target()).contains(target("orders"));
    }

    @Test
    void L2A114_unknownRuntime() {
        Function f = function("Orders").runtime("cobol9").build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.UNKNOWN_RUNTIME);
        assertThat(d.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(d.message()).contains("'cobol9'", "not a Lambda runtime");
        assertThat(d.source()).isEqualTo(f.locationOf("Runtime"));
        assertThat(d.target()).contains(target("orders", "runtime"));
    }

    @Test
    void L2A115_noCodeLocation() {
        AzureDeployment deployment = plan(function("Orders"), PlanKind.FLEX_CONSUMPTION);
        Deviation d = only(deployment, DeviationCatalog.NO_CODE_LOCATION);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("published separately");
        assertThat(d.source()).isEqualTo(TEMPLATE_START);
        assertThat(d.target()).isEmpty();

        ServerlessApp empty = app(new Function[0]).build();
        assertThat(deviations(plan(empty, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.NO_CODE_LOCATION))
                .as("no functions, no code to publish").isEmpty();
    }

    @Test
    void L2A116_versionNotOnPlan() {
        Function f = function("Orders").runtime("dotnet8").build();
        Deviation d = only(plan(f, PlanKind.CONSUMPTION), DeviationCatalog.VERSION_NOT_ON_PLAN);
        assertThat(d.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(d.message()).contains("Consumption", "dotnet-isolated", "dotnet8");
        assertThat(d.source()).isEqualTo(f.locationOf("Runtime"));
        assertThat(d.target()).contains(target("orders", "runtime"));
    }

    @Test
    void L2A117_memoryAtDeployment() {
        Function f = function("Orders").memory(param("MemorySize")).build();
        AzureDeployment deployment = plan(app(f).parameter("MemorySize", "Number", num(1024)).build(),
                PlanKind.FLEX_CONSUMPTION);
        Deviation d = only(deployment, DeviationCatalog.MEMORY_AT_DEPLOYMENT);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Orders", "!Ref MemorySize");
        assertThat(d.source()).isEqualTo(f.locationOf("MemorySize"));
        assertThat(d.target()).contains(target("orders", "instanceMemory"));
        assertThat(appOf(deployment, "Orders").flex()).get().extracting(AzureResource.FlexConfig::instanceMemoryMB)
                .as("Flex's default size").isEqualTo(2048);
    }

    @Test
    void L2A118_noContentShare() {
        Function f = function("Orders").build();
        for (PlanKind kind : new PlanKind[] {PlanKind.PREMIUM, PlanKind.CONSUMPTION}) {
            Deviation d = only(plan(f, kind), DeviationCatalog.NO_CONTENT_SHARE);
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message()).contains("orders", "app.zip", "Azure Files");
            assertThat(d.source()).isEqualTo(f.location());
            assertThat(d.target()).contains(target("orders"));
        }
        for (PlanKind kind : new PlanKind[] {PlanKind.FLEX_CONSUMPTION, PlanKind.DEDICATED}) {
            assertThat(deviations(plan(f, kind), DeviationCatalog.NO_CONTENT_SHARE)).as(kind.id()).isEmpty();
        }
    }

    // ------------------------------------------------------------------ 2xx triggers

    @Test
    void L2A201_triggerNotMapped() {
        Function f = function("Orders").alexa("Skill").build();
        AzureDeployment deployment = plan(f, PlanKind.FLEX_CONSUMPTION);
        Deviation d = only(deployment, DeviationCatalog.TRIGGER_NOT_MAPPED);
        assertThat(d.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(d.message()).contains("alexa", "Skill", "Orders", "no Azure counterpart", "HTTP trigger");
        assertThat(d.source()).isEqualTo(f.events().get(0).location());
        assertThat(d.target()).contains(target("orders"));
        assertThat(appOf(deployment, "Orders").eventGaps()).extracting(AzureResource.EventGap::deviation)
                .containsExactly("L2A201");
    }

    @Test
    void L2A202_scheduleNotExact() {
        Function f = function("Orders").schedule("rate(7 minutes)").build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.SCHEDULE_NOT_EXACT);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("'rate(7 minutes)'", "'0 */7 * * * *'", "full hour");
        assertThat(d.source()).isEqualTo(f.events().get(0).location());
        assertThat(d.target()).contains(target("orders"));
    }

    @Test
    void L2A203_scheduleDisabled() {
        Function f = function("Nightly").schedule(str("cron(0 2 * * ? *)"), Optional.of(bool(false)),
                Optional.empty()).build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.SCHEDULE_DISABLED);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Nightly", "disabled");
        assertThat(d.source()).isEqualTo(f.events().get(0).location());
        assertThat(d.target()).contains(target("nightly"));
    }

    @Test
    void L2A204_httpAuthChanged() {
        Function f = function("Orders").http("/orders", "GET", new HttpAuth(Optional.of(str("AWS_IAM")),
                Optional.empty(), Optional.empty(), Optional.empty())).build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.HTTP_AUTH_CHANGED);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("GET /orders", "AWS_IAM", "function key");
        assertThat(d.source()).isEqualTo(f.events().get(0).location());
        assertThat(d.target()).contains(target("orders"));
    }

    @Test
    void L2A205_httpRouteChanged() {
        Function f = function("Orders").http("/orders", "GET").http("/orders/{id}", "GET").build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.HTTP_ROUTE_CHANGED);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("orders", "/api/");
        assertThat(d.source()).isEqualTo(f.location());
        assertThat(d.target()).contains(target("orders"));

        assertThat(deviations(plan(function("Nightly").schedule("rate(1 day)"), PlanKind.FLEX_CONSUMPTION),
                DeviationCatalog.HTTP_ROUTE_CHANGED)).isEmpty();
    }

    @Test
    void L2A206_corsChanged() {
        Function f = function("Orders").httpWithCors("/orders", "GET", str("'https://shop.example.com'")).build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.CORS_CHANGED);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("https://shop.example.com", "whole app");
        assertThat(d.source()).isEqualTo(f.events().get(0).location());
        assertThat(d.target()).contains(target("orders"));
    }

    private static Function queueWorker(io.lambda2azure.core.model.event.PollingSettings settings, String queue) {
        Fixtures.FunctionBuilder b = function("Worker");
        return b.event(new io.lambda2azure.core.model.event.EventSource.Queue("Jobs",
                io.lambda2azure.core.model.event.EventOrigin.SAM_EVENT, Optional.empty(),
                new Expr.AttributeRef(queue, "Arn"), settings, b.nextEventLocation())).build();
    }

    @Test
    void L2A207_eventFilterPartial() {
        Function f = queueWorker(new io.lambda2azure.core.model.event.PollingSettings(Map.of(
                io.lambda2azure.core.model.event.PollingSetting.FILTER_CRITERIA, Fixtures.map("Filters", list()))),
                "JobsQueue");
        Deviation d = only(plan(app(f).queue("JobsQueue", false).build(), PlanKind.FLEX_CONSUMPTION),
                DeviationCatalog.EVENT_FILTER_PARTIAL);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("filter criteria", "Jobs");
        assertThat(d.source()).isEqualTo(f.events().get(0).location());
        assertThat(d.target()).contains(target("worker"));
    }

    @Test
    void L2A208_batchSettings() {
        Function f = queueWorker(new io.lambda2azure.core.model.event.PollingSettings(Map.of(
                io.lambda2azure.core.model.event.PollingSetting.MAXIMUM_BATCHING_WINDOW_IN_SECONDS, num(5))), "JobsQueue");
        Deviation d = only(plan(app(f).queue("JobsQueue", false).build(), PlanKind.FLEX_CONSUMPTION),
                DeviationCatalog.BATCH_SETTINGS);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Jobs", "Worker", "MaximumBatchingWindowInSeconds");
        assertThat(d.source()).isEqualTo(f.events().get(0).location());
        assertThat(d.target()).contains(target("worker"));
    }

    @Test
    void L2A209_externalEventSource() {
        Function f = queueWorker(io.lambda2azure.core.model.event.PollingSettings.NONE, "ElsewhereQueue");
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.EXTERNAL_EVENT_SOURCE);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Jobs", "ElsewhereQueue", "not in the template", "Data Receiver");
        assertThat(d.source()).isEqualTo(f.events().get(0).location());
        assertThat(d.target()).contains(target("worker"));
    }

    @Test
    void L2A210_subscriptionAfterCode() {
        Function f = function("Resize").bucket("Upload", new Expr.ResourceRef("Images")).build();
        AzureDeployment deployment = plan(app(f).bucket("Images").build(), PlanKind.FLEX_CONSUMPTION);
        Deviation d = only(deployment, DeviationCatalog.SUBSCRIPTION_AFTER_CODE);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Resize", "Images", "deployEventSubscriptions");
        assertThat(d.source()).isEqualTo(f.events().get(0).location());
        assertThat(d.target()).contains(target(deployment.resources(AzureResource.EventGridSubscription.class).get(0)
                .symbol()));
    }

    @Test
    void L2A211_kafkaTrigger() {
        Fixtures.FunctionBuilder b = function("Consumer");
        Function f = b.event(new io.lambda2azure.core.model.event.EventSource.Kafka("Orders",
                io.lambda2azure.core.model.event.EventOrigin.SAM_EVENT, Optional.empty(), false, Optional.empty(),
                Optional.of(list(str("broker:9092"))), list(str("orders")), Optional.empty(),
                io.lambda2azure.core.model.event.PollingSettings.NONE, b.nextEventLocation())).build();
        Deviation d = only(plan(f, PlanKind.CONSUMPTION), DeviationCatalog.KAFKA_TRIGGER);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("self-managed Kafka", "Consumer", "Consumption plan has no Kafka trigger");
        assertThat(d.source()).isEqualTo(f.events().get(0).location());
        assertThat(d.target()).contains(target("consumer"));
    }

    @Test
    void L2A212_startingPosition() {
        Fixtures.FunctionBuilder b = function("Clicks");
        Function f = b.event(new io.lambda2azure.core.model.event.EventSource.Stream("Stream",
                io.lambda2azure.core.model.event.EventOrigin.SAM_EVENT, Optional.empty(),
                new Expr.AttributeRef("ClickStream", "Arn"), new io.lambda2azure.core.model.event.PollingSettings(Map.of(
                io.lambda2azure.core.model.event.PollingSetting.STARTING_POSITION, str("AT_TIMESTAMP"))),
                b.nextEventLocation())).build();
        Deviation d = only(plan(app(f).stream("ClickStream", 2).build(), PlanKind.FLEX_CONSUMPTION),
                DeviationCatalog.STARTING_POSITION);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Stream", "timestamp", "enqueuedTimeUtc");
        assertThat(d.source()).isEqualTo(f.events().get(0).location());
        assertThat(d.target()).contains(target("clicks"));
    }

    /** An API of the template with that Auth section, and a route of it protected by the event's auth. */
    private static ServerlessApp routeOnApi(String function, String path, Optional<HttpAuth> auth, Expr apiAuth) {
        return app(function(function).route("OrdersApi", io.lambda2azure.core.model.event.HttpApiKind.REST_API, path,
                "GET", auth)).api("OrdersApi", io.lambda2azure.core.model.event.HttpApiKind.REST_API,
                Optional.of(apiAuth), Optional.empty(), Optional.empty()).build();
    }

    private static io.lambda2azure.core.source.SourceLocation apiLocation(ServerlessApp app) {
        return app.resources().stream().filter(r -> r.logicalId().equals("OrdersApi")).findFirst().orElseThrow()
                .location();
    }

    private static Optional<HttpAuth> named(String authorizer) {
        return Optional.of(new HttpAuth(Optional.empty(), Optional.of(authorizer), Optional.empty(), Optional.empty()));
    }

    @Test
    void L2A213_lambdaAuthorizer() {
        ServerlessApp input = routeOnApi("Orders", "/orders", named("TokenAuth"), Fixtures.map("Authorizers",
                Fixtures.map("TokenAuth", Fixtures.map("FunctionArn", new Expr.AttributeRef("AuthFunction", "Arn")))));
        Deviation d = only(plan(input, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.LAMBDA_AUTHORIZER);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("GET /orders", "Lambda authorizer TokenAuth", "AuthFunction.Arn",
                "function key", "not behind API Management", "logic is not carried");
        assertThat(d.source()).isEqualTo(input.functions().get(0).events().get(0).location());
        assertThat(d.target()).contains(target("orders"));
    }

    @Test
    void L2A214_apiKeys() {
        ServerlessApp input = routeOnApi("Orders", "/orders", Optional.of(new HttpAuth(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(bool(true)))), Fixtures.map("ApiKeyRequired",
                bool(true)));
        Deviation d = only(plan(input, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.API_KEYS);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("OrdersApi", "subscription key", "orders-api-keys", "x-api-key",
                "recreate consumers' keys");
        assertThat(d.source()).isEqualTo(apiLocation(input));
        assertThat(d.target()).contains(target("ordersApi", "subscriptionRequired"));
    }

    @Test
    void L2A215_usagePlanLimits() {
        ServerlessApp input = routeOnApi("Orders", "/orders", Optional.empty(), Fixtures.map("UsagePlan",
                Fixtures.map("CreateUsagePlan", str("PER_API"), "Throttle", Fixtures.map("RateLimit", num(100),
                        "BurstLimit", num(200)), "Quota", Fixtures.map("Limit", num(1000), "Period", str("DAY")))));
        Deviation d = only(plan(input, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.USAGE_PLAN_LIMITS);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("usage plan of OrdersApi", "orders-api-usage-plan", "100 calls per 1 second",
                "burst limit 200", "1000 calls per day");
        assertThat(d.source()).isEqualTo(apiLocation(input));
        assertThat(d.target()).contains(target("ordersApiUsagePlan"));
    }

    @Test
    void L2A216_jwtValidation() {
        ServerlessApp input = routeOnApi("Orders", "/orders", named("Pool"), Fixtures.map("Authorizers",
                Fixtures.map("Pool", Fixtures.map("UserPoolArn",
                        str("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Xyz")))));
        Deviation d = only(plan(input, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.JWT_VALIDATION);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Cognito user pool authorizer Pool", "OrdersApi", "validate-jwt",
                "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Xyz");
        assertThat(d.source()).isEqualTo(apiLocation(input));
        assertThat(d.target()).contains(target("ordersApi"));
    }

    // ------------------------------------------------------------------ 3xx identity

    @Test
    void L2A301_permissionsNotMapped() {
        Function f = function("Orders").role(new Expr.AttributeRef("OrdersRole", "Arn")).build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.PERMISSIONS_NOT_MAPPED);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("execution role", "OrdersRole", "outside the template");
        assertThat(d.source()).isEqualTo(f.locationOf("Role"));
        assertThat(d.target()).contains(target("orders"));
    }

    @Test
    void L2A302_secretSetting() {
        Function f = function("Orders").env("DB_PASSWORD", param("DbPassword")).build();
        AzureDeployment deployment = plan(app(f).parameter("DbPassword", "String", Optional.empty(), java.util.List.of(),
                true).build(), PlanKind.FLEX_CONSUMPTION);
        Deviation d = only(deployment, DeviationCatalog.SECRET_SETTING);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("DB_PASSWORD", "Orders", "secret");
        assertThat(d.source()).isEqualTo(f.locationOf("Environment"));
        assertThat(d.target()).contains(target("orders", "appSettings.DB_PASSWORD"));
    }

    @Test
    void L2A303_awsValue() {
        Function f = function("Orders").env("DB_HOST", new Expr.AttributeRef("Database", "Endpoint.Address")).build();
        AzureDeployment deployment = plan(app(f).unsupported("Database", "AWS::RDS::DBInstance", "not migrated")
                .build(), PlanKind.FLEX_CONSUMPTION);
        Deviation d = only(deployment, DeviationCatalog.AWS_VALUE);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Database.Endpoint.Address", "AWS::RDS::DBInstance", "parameter");
        assertThat(d.source()).isEqualTo(f.locationOf("Environment"));
        assertThat(d.target()).contains(target("orders", "appSettings.DB_HOST"));
    }

    @Test
    void L2A304_permissionStatement() {
        Function f = function("Orders").managedPolicy("AmazonDynamoDBReadOnlyAccess").build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.PERMISSION_STATEMENT);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("AmazonDynamoDBReadOnlyAccess", "Orders", "least-privilege");
        assertThat(d.source()).isEqualTo(f.policies().get(0).location());
        assertThat(d.target()).contains(target("orders"));
        assertThat(deviations(plan(function("Orders").managedPolicy("AWSLambdaBasicExecutionRole").build(),
                PlanKind.FLEX_CONSUMPTION), DeviationCatalog.PERMISSION_STATEMENT)).as("covered by the host").isEmpty();
    }

    @Test
    void L2A305_secretAsReference() {
        Function f = function("Orders").env("DB_PASSWORD", new Expr.ResourceRef("DbSecret")).build();
        Deviation d = only(plan(app(f).secret("DbSecret").build(), PlanKind.PREMIUM), DeviationCatalog.SECRET_AS_REFERENCE);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("DB_PASSWORD", "DbSecret", "Key Vault reference");
        assertThat(d.source()).isEqualTo(f.locationOf("Environment"));
        assertThat(d.target()).contains(target("orders", "appSettings.DB_PASSWORD"));
    }

    @Test
    void L2A306_sdkCalls() {
        Function f = function("Orders").policyTemplate("SQSSendMessagePolicy", "QueueName",
                new Expr.AttributeRef("Jobs", "QueueName")).build();
        Deviation d = only(plan(app(f).queue("Jobs", false).build(), PlanKind.DEDICATED), DeviationCatalog.SDK_CALLS);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("orders", "ServiceBusConnection");
        assertThat(d.source()).isEqualTo(f.location());
        assertThat(d.target()).contains(target("orders"));
    }

    // ------------------------------------------------------------------ 4xx networking

    @Test
    void L2A401_vnetSubnetNeeded() {
        Function f = function("Orders").vpc().build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.VNET_SUBNET_NEEDED);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Orders", "VPC", "parameter ordersSubnetId");
        assertThat(d.source()).isEqualTo(f.locationOf("VpcConfig"));
        assertThat(d.target()).contains(target("orders", "subnet"));
    }

    @Test
    void L2A402_vnetNotOnPlan() {
        Function f = function("Orders").vpc().build();
        Deviation d = only(plan(f, PlanKind.CONSUMPTION), DeviationCatalog.VNET_NOT_ON_PLAN);
        assertThat(d.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(d.message()).contains("Orders", "VPC");
        assertThat(d.source()).isEqualTo(f.locationOf("VpcConfig"));
        assertThat(d.target()).contains(target("orders"));
    }

    // ------------------------------------------------------------------ 5xx deployment

    @Test
    void L2A501_aliasesAsSlots() {
        Function f = function("Orders").alias("live").build();
        Deviation d = only(plan(f, PlanKind.PREMIUM), DeviationCatalog.ALIASES_AS_SLOTS);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Orders", "live", "staging slot");
        assertThat(d.source()).isEqualTo(f.aliases().get(0).location());
        assertThat(d.target()).contains(target("ordersStaging"));
    }

    @Test
    void L2A502_noSlots() {
        Function f = function("Orders").alias("live").build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.NO_SLOTS);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Orders", "live", "aliases");
        assertThat(d.source()).isEqualTo(f.aliases().get(0).location());
        assertThat(d.target()).contains(target("orders"));
    }

    @Test
    void L2A503_gradualDeployment() {
        Function f = function("Orders").autoPublishAlias("live").deploymentPreference("Canary10Percent5Minutes")
                .build();
        Deviation d = only(plan(f, PlanKind.PREMIUM), DeviationCatalog.GRADUAL_DEPLOYMENT);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Orders", "gradually", "CodeDeploy");
        assertThat(d.source()).isEqualTo(f.deploymentPreference().orElseThrow().location());
        assertThat(d.target()).contains(target("orders"));
    }

    @Test
    void L2A504_asyncDestinations() {
        Function f = function("Orders").deadLetter(new Expr.AttributeRef("Dlq", "Arn")).build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.ASYNC_DESTINATIONS);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Orders", "dead-letter");
        assertThat(d.source()).isEqualTo(f.locationOf("DeadLetterQueue"));
        assertThat(d.target()).contains(target("orders"));

        Function async = function("Orders").asyncInvokeConfig().build();
        Deviation config = only(plan(async, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.ASYNC_DESTINATIONS);
        assertThat(config.message()).contains("asynchronous invocation settings");
        assertThat(config.source()).isEqualTo(async.asyncInvokeConfig().orElseThrow().location());
    }

    // ------------------------------------------------------------------ 6xx monitoring

    @Test
    void L2A601_tracing() {
        Function f = function("Orders").tracing("Active").build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.TRACING);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Orders", "X-Ray");
        assertThat(d.source()).isEqualTo(f.locationOf("Tracing"));
        assertThat(d.target()).contains(target("orders"));

        assertThat(deviations(plan(function("Orders").tracing("PassThrough"), PlanKind.FLEX_CONSUMPTION),
                DeviationCatalog.TRACING)).isEmpty();
    }

    @Test
    void L2A602_logSettings() {
        Function f = function("Orders").logging().build();
        Deviation d = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.LOG_SETTINGS);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Orders", "logging settings");
        assertThat(d.source()).isEqualTo(f.locationOf("LoggingConfig"));
        assertThat(d.target()).contains(target("orders"));

        AzureDeployment groups = plan(app(function("Orders")).logGroup("OrdersLogs", Optional.of(num(90)))
                .logGroup("AuditLogs", Optional.of(num(3653))).build(), PlanKind.FLEX_CONSUMPTION);
        Deviation workspace = only(groups, DeviationCatalog.LOG_SETTINGS);
        assertThat(workspace.message()).contains("730 days");
        assertThat(workspace.source()).isEqualTo(TEMPLATE_START);
        assertThat(workspace.target()).contains(target("logAnalytics"));
        assertThat(groups.resources(AzureResource.LogAnalyticsWorkspace.class)).singleElement()
                .extracting(AzureResource.LogAnalyticsWorkspace::retentionInDays)
                .isEqualTo(io.lambda2azure.core.azure.Value.number(730));
    }

    // ------------------------------------------------------------------ 9xx unsupported

    @Test
    void L2A901_unsupportedResource() {
        ServerlessApp input = app(function("Orders")).unsupported("Workflow", "AWS::StepFunctions::StateMachine",
                "state machines are not modelled").build();
        Deviation d = only(plan(input, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.UNSUPPORTED_RESOURCE);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Workflow", "AWS::StepFunctions::StateMachine", "not modelled");
        assertThat(d.source()).isEqualTo(input.unsupportedResources().get(0).location());
        assertThat(d.target()).isEmpty();
    }

    @Test
    void L2A902_unmappedProperty() {
        ServerlessApp input = app(function("Orders")).unmapped("Orders", "AWS::Serverless::Function", "SnapStart",
                Fixtures.map("ApplyOn", str("PublishedVersions")))
                .unmapped("Bucket", "AWS::S3::Bucket", "LifecycleConfiguration", str("x")).build();
        AzureDeployment deployment = plan(input, PlanKind.FLEX_CONSUMPTION);
        assertThat(deviations(deployment, DeviationCatalog.UNMAPPED_PROPERTY)).hasSize(2);
        Deviation d = deviations(deployment, DeviationCatalog.UNMAPPED_PROPERTY).get(0);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("SnapStart", "Orders", "AWS::Serverless::Function");
        assertThat(d.source()).isEqualTo(input.unmappedProperties().get(0).location());
        assertThat(d.target()).as("a function's property points at its app").contains(target("orders"));
        Deviation other = deviations(deployment, DeviationCatalog.UNMAPPED_PROPERTY).get(1);
        assertThat(other.target()).as("nothing was generated for the bucket").isEmpty();
    }

    @Test
    void L2A903_unconvertibleValue() {
        Function f = function("Orders").env("VPC_ID", new Expr.ImportValue(str("shared-vpc-id"))).build();
        AzureDeployment deployment = plan(f, PlanKind.FLEX_CONSUMPTION);
        Deviation d = only(deployment, DeviationCatalog.UNCONVERTIBLE_VALUE);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("!ImportValue \"shared-vpc-id\"", "parameter convertedValue");
        assertThat(d.source()).isEqualTo(f.locationOf("Environment"));
        assertThat(d.target()).contains(target("orders", "appSettings.VPC_ID"));
    }

    @Test
    void L2A904_outputNotCarried() {
        ServerlessApp input = app(function("Orders")).table("OrdersTable")
                .unsupported("Database", "AWS::RDS::DBInstance", "not migrated")
                .output("DatabaseArn", new Expr.AttributeRef("Database", "Arn"))
                .output("Imported", new Expr.ImportValue(str("x")))
                .output("Listed", list(new Expr.ResourceRef("Database")))
                .output("TableArn", new Expr.AttributeRef("OrdersTable", "Arn")).build();
        AzureDeployment deployment = plan(input, PlanKind.FLEX_CONSUMPTION);
        assertThat(deviations(deployment, DeviationCatalog.OUTPUT_NOT_CARRIED)).hasSize(3);
        Deviation d = deviations(deployment, DeviationCatalog.OUTPUT_NOT_CARRIED).get(0);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("output DatabaseArn", "!GetAtt Database.Arn");
        assertThat(d.source()).isEqualTo(input.outputs().get(0).location());
        assertThat(d.target()).isEmpty();
        assertThat(deployment.outputs()).extracting(o -> o.name()).doesNotContain("DatabaseArn", "Imported", "Listed")
                .as("a resource with a generated counterpart is carried").contains("TableArn");
    }

    // ------------------------------------------------------------------ 7xx data and messaging

    @Test
    void L2A701_queueSemantics() {
        ServerlessApp a = app(function("Api").http("/", "GET")).queue("Jobs", true).build();
        AzureDeployment deployment = plan(a, PlanKind.FLEX_CONSUMPTION);
        Deviation d = only(deployment, DeviationCatalog.QUEUE_SEMANTICS);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Jobs", "sessions", "dead-lettering");
        assertThat(d.source()).isEqualTo(a.resources().get(0).location());
        assertThat(d.target()).contains(target("jobs"));
    }

    @Test
    void L2A702_tableModel() {
        ServerlessApp a = app(function("Api").http("/", "GET")).table("Orders").build();
        Deviation d = only(plan(a, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.TABLE_MODEL);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Orders", "Cosmos DB container", "/id");
        assertThat(d.source()).isEqualTo(a.resources().get(0).location());
        assertThat(d.target()).contains(target("orders"));
    }

    @Test
    void L2A703_streamLimits() {
        ServerlessApp a = app(function("Api").http("/", "GET")).stream("Clicks", 64).build();
        Deviation d = only(plan(a, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.STREAM_LIMITS);
        assertThat(d.severity()).isEqualTo(Severity.WARNING);
        assertThat(d.message()).contains("Clicks", "64 shards", "32 partitions");
        assertThat(d.source()).isEqualTo(a.resources().get(0).location());
        assertThat(d.target()).contains(target("clicks"));
    }

    @Test
    void L2A704_bucketSettings() {
        ServerlessApp a = app(function("Api").http("/", "GET")).bucket("Images").build();
        Deviation d = only(plan(a, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.BUCKET_SETTINGS);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Images", "container", "imagesStorage");
        assertThat(d.source()).isEqualTo(a.resources().get(0).location());
        assertThat(d.target()).contains(target("imagesStorage"));
    }

    @Test
    void L2A705_eventBus() {
        ServerlessApp a = app(function("Api").http("/", "GET")).eventBus("Orders").build();
        Deviation d = only(plan(a, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.EVENT_BUS);
        assertThat(d.severity()).isEqualTo(Severity.INFO);
        assertThat(d.message()).contains("Orders", "Event Grid topic");
        assertThat(d.source()).isEqualTo(a.resources().get(0).location());
        assertThat(d.target()).contains(target("orders"));
    }
}
