package io.lambda2azure.emitters.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.deviation.Area;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.plan.AzurePlanner;
import io.lambda2azure.core.plan.PlanOptions;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static AzureDeployment plan(ServerlessApp app, PlanKind kind) {
        return AzurePlanner.plan(app, PlanOptions.of(kind));
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        Iterator<String> names = node.fieldNames();
        names.forEachRemaining(keys::add);
        return keys;
    }

    // ------------------------------------------------------------------ golden files

    @Test
    void smallApplicationOnFlexConsumptionMatchesGoldenFiles() throws Exception {
        ServerlessApp app = Fixtures.small();
        AzureDeployment deployment = plan(app, PlanKind.FLEX_CONSUMPTION);
        Golden.check("small-flex.md", Reports.markdown(app, deployment));
        Golden.check("small-flex.json", Reports.json(app, deployment));
        Golden.check("small-flex.sarif", Reports.sarif(app, deployment, "1.2.3"));
    }

    @Test
    void smallApplicationOnPremiumMatchesGoldenFile() throws Exception {
        ServerlessApp app = Fixtures.small();
        Golden.check("small-premium.md", Reports.markdown(app, plan(app, PlanKind.PREMIUM)));
    }

    // ------------------------------------------------------------------ determinism and text form

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void everyReportIsDeterministicWithLfLineEndsAndAFinalNewline(PlanKind kind) {
        ServerlessApp app = Fixtures.small();
        AzureDeployment first = plan(app, kind);
        AzureDeployment second = plan(Fixtures.small(), kind);
        List<String> once = List.of(Reports.markdown(app, first), Reports.json(app, first),
                Reports.sarif(app, first, "1.0.0"));
        List<String> again = List.of(Reports.markdown(Fixtures.small(), second), Reports.json(Fixtures.small(), second),
                Reports.sarif(Fixtures.small(), second, "1.0.0"));
        assertThat(again).isEqualTo(once);
        for (String text : once) {
            assertThat(text).doesNotContain("\r").endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\t");
        }
    }

    // ------------------------------------------------------------------ markdown

    @Test
    void markdownHasTheSummaryEveryAreaInOrderAndTheBindings() {
        ServerlessApp app = Fixtures.small();
        AzureDeployment deployment = plan(app, PlanKind.FLEX_CONSUMPTION);
        String md = Reports.markdown(app, deployment);

        assertThat(md).startsWith("# Migration report: app/template.yaml\n");
        assertThat(md).contains("- **Functions:** 2: `OrdersApi`, `NightlyJob`\n",
                "- **Hosting plan:** Flex Consumption (chosen with --plan flex)\n",
                "- **Function apps generated:** 2: ",
                "- **Deviations:** " + count(deployment, Severity.BLOCKER) + " blocker, "
                        + count(deployment, Severity.WARNING) + " warning, " + count(deployment, Severity.INFO) + " info\n",
                "A **blocker** is not carried over");
        int previous = -1;
        for (Area area : Area.values()) {
            int at = md.indexOf("\n## " + area.title() + "\n");
            assertThat(at).as(area.title()).isGreaterThan(previous);
            previous = at;
        }
        assertThat(md.indexOf("\n## Bindings per function\n")).isGreaterThan(previous);
    }

    @Test
    void everyDeviationIsAGapRowOfItsAreaWithItsSourceLink() {
        ServerlessApp app = Fixtures.small();
        AzureDeployment deployment = plan(app, PlanKind.FLEX_CONSUMPTION);
        String md = Reports.markdown(app, deployment);
        for (Deviation d : deployment.deviations()) {
            String section = section(md, d.kind().area().title());
            String link = "[" + d.source().file() + ":" + d.source().line() + ":" + d.source().column() + "]("
                    + d.source().file() + "#L" + d.source().line() + ")";
            String target = d.target().map(t -> " on `" + t.resource() + t.property().map(p -> "." + p).orElse("")
                    + "`").orElse("");
            assertThat(section).as(d.line()).contains("| `" + d.kind().id() + "` | " + d.severity().id() + " | ["
                    + d.kind().title() + "](" + d.kind().helpUrl() + ")" + target + " | ");
            assertThat(section).as(d.line()).contains(link);
        }
        long rows = md.lines().filter(l -> l.matches("\\| `L2A\\d{3}` \\|.*")).count();
        assertThat(rows).isEqualTo(deployment.deviations().size());
    }

    @Test
    void bindingsOnFlexConsumptionMatchGoldenFile() throws Exception {
        ServerlessApp app = Fixtures.bindings();
        Golden.check("bindings-flex.md", Reports.markdown(app, Fixtures.bindingsDeployment(app, PlanKind.FLEX_CONSUMPTION)));
    }

    @Test
    void bindingsAreATablePerFunctionWithEntityAndConnectionOrTheDeviation() {
        ServerlessApp app = Fixtures.bindings();
        String md = section(Reports.markdown(app, Fixtures.bindingsDeployment(app, PlanKind.FLEX_CONSUMPTION)),
                "Bindings per function");
        String worker = subsection(md, "OrderWorker");
        assertThat(worker).contains("Function app `orderWorker`.\n");
        assertThat(worker).contains("| Event | Binding | Azure function | Entity | Connection |\n");
        assertThat(worker).contains("| `Orders` (queue) at [app/template.yaml:20:9](app/template.yaml#L20) |"
                + " `serviceBusTrigger` | `OrderWorker_Orders` | queue `orders` | `ORDERS_SERVICEBUS` |\n");
        assertThat(worker).contains("| `serviceBusTrigger` | `OrderWorker_Audit` | topic `audit`, subscription"
                + " `order-worker` | `ORDERS_SERVICEBUS` |\n");
        assertThat(worker).contains("| `httpTrigger` | `OrderWorker_Api` | route `orders`, methods `get` | none |\n");
        assertThat(worker).contains("| `Legacy` (alexa) at [app/template.yaml:32:9](app/template.yaml#L32) | none:"
                + " replaced by [`L2A201`](#triggers): [Event source not carried over]("
                + DeviationCatalog.TRIGGER_NOT_MAPPED.helpUrl() + ") | none | none | none |\n");
        // Rows in the function's event order.
        assertThat(worker.indexOf("`Orders`")).isLessThan(worker.indexOf("`Audit`"));
        assertThat(worker.indexOf("`Audit`")).isLessThan(worker.indexOf("`Api`"));
        assertThat(worker.indexOf("`Api`")).isLessThan(worker.indexOf("`Legacy`"));

        String ingest = subsection(md, "Ingest");
        assertThat(ingest).contains("| `blobTrigger` | `Ingest_Uploads` | container `uploads`, path `{name}` |"
                + " `UPLOADS_STORAGE` |\n");
        assertThat(ingest).contains("| `cosmosDBTrigger` | `Ingest_Changes` | database `orders`, container `items` |"
                + " `ORDERS_COSMOS` |\n");
        assertThat(ingest).contains("| `eventHubTrigger` | `Ingest_Clicks` | hub `clicks`, consumer group `ingest` |"
                + " `CLICKS_EVENTHUB` |\n");
        assertThat(ingest).contains("| `eventGridTrigger` | `Ingest_OrderPlaced` | resource `orderPlacedSubscription`"
                + " | none |\n");
        assertThat(ingest).contains("| `timerTrigger` | `Ingest_Nightly` | schedule `0 0 2 * * *` | none |\n");
        assertThat(subsection(md, "Idle")).contains("No event sources.");
        for (String line : md.lines().filter(l -> l.startsWith("| `")).toList()) {
            assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count()).as(line).isEqualTo(6);
        }
    }

    @Test
    void groupedFunctionsNameTheFunctionsTheyShareTheirAppWith() {
        ServerlessApp app = Fixtures.app()
                .function(Fixtures.function("A", 5).runtime("python3.12").event(Fixtures.http("Get", "GET", "/a", false, 8))
                        .build())
                .function(Fixtures.function("B", 20).runtime("python3.12").build()).build();
        String md = Reports.markdown(app, AzurePlanner.plan(app, new PlanOptions(Optional.of(PlanKind.PREMIUM), true)));
        assertThat(subsection(md, "A")).contains("Function app `aGroup`, shared with `B`.");
        assertThat(subsection(md, "B")).contains("Function app `aGroup`, shared with `A`.", "No event sources.");
    }

    @Test
    void theEntityComesFromTheBindingsSettings() {
        assertThat(MarkdownReport.entity(Fixtures.trigger("F", "E", 1, "httpTrigger", null, null, "route", "{*proxy}",
                "methods", "", "authLevel", "anonymous"))).isEqualTo("route `{*proxy}`, any method");
        assertThat(MarkdownReport.entity(Fixtures.trigger("F", "E", 1, "blobTrigger", "S", "c", "blobPath", "inbox")))
                .isEqualTo("container `inbox`");
        assertThat(MarkdownReport.entity(Fixtures.trigger("F", "E", 1, "queueTrigger", "S", null, "queueName",
                "%JOBS_QUEUE%"))).isEqualTo("queue `%JOBS_QUEUE%`");
        assertThat(MarkdownReport.entity(Fixtures.trigger("F", "E", 1, "customTrigger", null, "thing"))).isEqualTo(
                "resource `thing`");
        assertThat(MarkdownReport.entity(Fixtures.trigger("F", "E", 1, "customTrigger", null, null, "other", "x")))
                .isEqualTo("none");
    }

    @Test
    void strategyIsCustomWhereAWarningOrBlockerSitsOnTheRow() {
        ServerlessApp app = Fixtures.small();
        String md = Reports.markdown(app, plan(app, PlanKind.FLEX_CONSUMPTION));
        assertThat(row(md, "Event `CreateOrder` of `OrdersApi`")).endsWith("| custom |"); // HTTP auth differs
        assertThat(row(md, "Event `GetOrder` of `OrdersApi`")).endsWith("| built-in |");
        assertThat(row(md, "Event `Jobs` of `NightlyJob`")).contains("serviceBusTrigger").endsWith("| custom |");
        assertThat(row(md, "Tracing of `OrdersApi`")).endsWith("| built-in |"); // info only
        assertThat(row(md, "Network of `NightlyJob`")).endsWith("| custom |");
        assertThat(row(md, "Network of `OrdersApi`")).endsWith("| built-in |");
        assertThat(row(md, "Layers of `NightlyJob`")).endsWith("| custom |");
    }

    @Test
    void optionalRowsAppearWhenTheInputSetsThem() {
        ServerlessApp app = Fixtures.app().function(Fixtures.function("Heavy", 5).runtime("nodejs22.x")
                .memory(4096).timeout(60).architectures("arm64", 9).ephemeralStorage(2048, 10).reserved(10, 11)
                .provisioned(5, 12).alias("live", 13).deploymentPreference("Canary10Percent5Minutes", 14)
                .layer(new io.lambda2azure.core.expr.Expr.ResourceRef("Deps"), 15)
                .event(Fixtures.http("Get", "GET", "/items/{proxy+}", false, 20)).build()).build();
        String md = Reports.markdown(app, plan(app, PlanKind.PREMIUM));
        assertThat(row(md, "Architecture of `Heavy`")).contains("`[\"arm64\"]`").endsWith("| custom |");
        assertThat(row(md, "Ephemeral storage of `Heavy`")).contains("`2048` MB").endsWith("| built-in |");
        assertThat(row(md, "Concurrency of `Heavy`")).contains("reserved `10`, provisioned `5`",
                "functionAppScaleLimit `10`", "minimumElasticInstanceCount `5`");
        assertThat(row(md, "Gradual deployment of `Heavy`")).contains("CodeDeploy `Canary10Percent5Minutes`")
                .endsWith("| custom |");
        assertThat(row(md, "Versions and aliases of `Heavy`")).contains("slot `staging`").endsWith("| built-in |");
        assertThat(row(md, "Event `Get` of `Heavy`")).contains("`route=items/{*proxy}, methods=get, authLevel=anonymous`");
    }

    @Test
    void groupedFunctionsShowEachFunctionsValueWhereTheyDiffer() {
        ServerlessApp app = Fixtures.app()
                .function(Fixtures.function("A", 5).runtime("python3.12").memory(512).timeout(10).build())
                .function(Fixtures.function("B", 20).runtime("python3.12").memory(1024).timeout(10).build()).build();
        AzureDeployment deployment = AzurePlanner.plan(app, new PlanOptions(Optional.of(PlanKind.PREMIUM), true));
        String md = Reports.markdown(app, deployment);
        assertThat(row(md, "Runtime of `A`, `B`")).contains("| `python3.12` |");
        assertThat(row(md, "Memory of `A`, `B`")).contains("| `A`: `512` MB; `B`: `1024` MB |");
        assertThat(md).contains("- **Function apps generated:** 1: `aGroup` (hosts `A`, `B`)");
    }

    @Test
    void sectionsWithoutDeviationsSaySo() {
        ServerlessApp app = Fixtures.app().function(Fixtures.function("Plain", 5).runtime("python3.12")
                .memory(512).timeout(10).event(Fixtures.schedule("Tick", "rate(5 minutes)", 12)).build()).build();
        String md = Reports.markdown(app, plan(app, PlanKind.FLEX_CONSUMPTION));
        assertThat(section(md, "Networking")).contains("No deviations.");
        assertThat(section(md, "Unsupported resources and properties"))
                .contains("No AWS features of this area in the input.", "No deviations.");
    }

    @Test
    void anApplicationWithoutFunctionsStillRenders() {
        ServerlessApp app = Fixtures.app().build();
        AzureDeployment deployment = plan(app, PlanKind.FLEX_CONSUMPTION);
        String md = Reports.markdown(app, deployment);
        assertThat(md).contains("- **Functions:** 0\n", "- **Function apps generated:** 0\n",
                "No function apps were generated.");
        assertThat(Reports.json(app, deployment)).contains("\"deviations\": []");
    }

    @Test
    void cellTextIsEscapedAndStaysOnOneLine() {
        Deviation tricky = new Deviation(DeviationCatalog.UNMAPPED_PROPERTY, Severity.WARNING,
                "a | b\nc <app> *x* [y] `z` __init__ ${Stage} ~old~ &amp; TABLE_NAME",
                new SourceLocation("my dir/t (1).yaml", 7, 2), Optional.empty());
        Deviation noLine = new Deviation(DeviationCatalog.UNSUPPORTED_RESOURCE, Severity.WARNING, "no line",
                new SourceLocation("t.yaml", 0, 0), Optional.empty());
        AzureDeployment deployment = new AzureDeployment("my dir/t (1).yaml", PlanKind.FLEX_CONSUMPTION, "a | reason",
                List.of(), List.of(), List.of(), List.of(), List.of(tricky, noLine));
        ServerlessApp app = new Fixtures.AppBuilder("my dir/t (1).yaml").build();
        String md = Reports.markdown(app, deployment);

        assertThat(md).contains("| a \\| b c \\<app\\> \\*x\\* \\[y\\] \\`z\\` \\_\\_init\\_\\_ \\${Stage} \\~old\\~"
                + " \\&amp; TABLE_NAME ([my dir/t (1).yaml:7:2](my%20dir/t%20%281%29.yaml#L7)) |");
        assertThat(md).contains("| no line ([t.yaml](t.yaml)) |");
        assertThat(md).contains("(a \\| reason)");
        // Every table row has exactly as many unescaped pipes as its header.
        for (String line : md.lines().filter(l -> l.startsWith("| `L2A")).toList()) {
            assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count()).as(line).isEqualTo(7);
        }
    }

    // ------------------------------------------------------------------ JSON

    @Test
    void jsonHasTheDocumentedStructureInOrder() throws Exception {
        ServerlessApp app = Fixtures.small();
        AzureDeployment deployment = plan(app, PlanKind.FLEX_CONSUMPTION);
        JsonNode root = JSON.readTree(Reports.json(app, deployment));

        assertThat(keys(root)).containsExactly("formatVersion", "source", "plan", "summary", "deviations");
        assertThat(root.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(root.get("source").asText()).isEqualTo("app/template.yaml");
        assertThat(keys(root.get("plan"))).containsExactly("id", "title", "reason");
        assertThat(root.at("/plan/id").asText()).isEqualTo("flex");
        assertThat(root.at("/plan/title").asText()).isEqualTo("Flex Consumption");
        assertThat(root.at("/plan/reason").asText()).isEqualTo(deployment.planReason());
        JsonNode summary = root.get("summary");
        assertThat(keys(summary)).containsExactly("functions", "functionApps", "blocker", "warning", "info");
        assertThat(summary.get("functions").asInt()).isEqualTo(2);
        assertThat(summary.get("functionApps").asInt()).isEqualTo(2);
        assertThat(summary.get("blocker").asLong()).isEqualTo(count(deployment, Severity.BLOCKER));
        assertThat(summary.get("warning").asLong()).isEqualTo(count(deployment, Severity.WARNING));
        assertThat(summary.get("info").asLong()).isEqualTo(count(deployment, Severity.INFO));

        JsonNode deviations = root.get("deviations");
        assertThat(deviations).hasSize(deployment.deviations().size());
        for (int i = 0; i < deviations.size(); i++) {
            JsonNode node = deviations.get(i);
            Deviation d = deployment.deviations().get(i);
            assertThat(keys(node)).containsExactly("id", "severity", "area", "title", "message", "impact",
                    "mitigation", "helpUrl", "source", "target");
            assertThat(node.get("id").asText()).isEqualTo(d.kind().id());
            assertThat(node.get("severity").asText()).isEqualTo(d.severity().id());
            assertThat(node.get("area").asText()).isEqualTo(d.kind().area().name().toLowerCase(java.util.Locale.ROOT));
            assertThat(node.get("title").asText()).isEqualTo(d.kind().title());
            assertThat(node.get("message").asText()).isEqualTo(d.message());
            assertThat(node.get("impact").asText()).isEqualTo(d.kind().impact());
            assertThat(node.get("mitigation").asText()).isEqualTo(d.kind().mitigation());
            assertThat(node.get("helpUrl").asText()).isEqualTo(d.kind().helpUrl());
            assertThat(keys(node.get("source"))).containsExactly("file", "line", "column");
            assertThat(node.at("/source/file").asText()).isEqualTo(d.source().file());
            assertThat(node.at("/source/line").asInt()).isEqualTo(d.source().line());
            assertThat(node.at("/source/column").asInt()).isEqualTo(d.source().column());
            if (d.target().isEmpty()) {
                assertThat(node.get("target").isNull()).isTrue();
            } else {
                assertThat(keys(node.get("target"))).containsExactly("resource", "property");
                assertThat(node.at("/target/resource").asText()).isEqualTo(d.target().get().resource());
                JsonNode property = node.at("/target/property");
                assertThat(property.isNull() ? Optional.empty() : Optional.of(property.asText()))
                        .isEqualTo(d.target().get().property());
            }
        }
        assertThat(deviations.findValues("target").stream().anyMatch(JsonNode::isNull)).isTrue();
        assertThat(deviations.findValues("property").stream().anyMatch(JsonNode::isNull)).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    static long count(AzureDeployment deployment, Severity severity) {
        return deployment.deviations().stream().filter(d -> d.severity() == severity).count();
    }

    /** The text of one {@code ## } section. */
    static String section(String md, String title) {
        int start = md.indexOf("\n## " + title + "\n");
        assertThat(start).as(title).isNotNegative();
        int end = md.indexOf("\n## ", start + 1);
        return md.substring(start, end < 0 ? md.length() : end);
    }

    /** The text of one {@code ### } subsection. */
    static String subsection(String md, String title) {
        int start = md.indexOf("\n### " + title + "\n");
        assertThat(start).as(title).isNotNegative();
        int end = md.indexOf("\n##", start + 1);
        return md.substring(start, end < 0 ? md.length() : end);
    }

    static String row(String md, String feature) {
        return md.lines().filter(l -> l.startsWith("| " + feature + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + feature));
    }
}
