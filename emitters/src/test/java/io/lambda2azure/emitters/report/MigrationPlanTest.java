package io.lambda2azure.emitters.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Trigger;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.plan.AzurePlanner;
import io.lambda2azure.core.plan.PlanOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.lambda2azure.emitters.report.ReportsTest.keys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MigrationPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bindingsOnFlexConsumptionMatchGoldenFile() throws Exception {
        ServerlessApp app = Fixtures.bindings();
        Golden.check("bindings-flex-migration-plan.json",
                Reports.migrationPlan(app, Fixtures.bindingsDeployment(app, PlanKind.FLEX_CONSUMPTION)));
    }

    @Test
    void hasTheDocumentedStructureInOrder() throws Exception {
        ServerlessApp app = Fixtures.bindings();
        AzureDeployment deployment = Fixtures.bindingsDeployment(app, PlanKind.PREMIUM);
        JsonNode root = JSON.readTree(Reports.migrationPlan(app, deployment));

        assertThat(keys(root)).containsExactly("schemaVersion", "source", "plan", "functions");
        assertThat(root.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(root.get("source").asText()).isEqualTo("app/template.yaml");
        assertThat(keys(root.get("plan"))).containsExactly("id", "title", "reason");
        assertThat(root.at("/plan/id").asText()).isEqualTo("premium");
        assertThat(root.get("functions")).extracting(f -> f.get("awsFunction").asText())
                .containsExactly("OrderWorker", "Ingest", "Idle");

        JsonNode worker = root.at("/functions/0");
        AzureResource.FunctionApp app0 = deployment.resources(AzureResource.FunctionApp.class).get(0);
        assertThat(keys(worker)).containsExactly("awsFunction", "functionApp", "plan", "runtime", "events");
        assertThat(keys(worker.get("functionApp"))).containsExactly("symbol", "name");
        assertThat(worker.at("/functionApp/symbol").asText()).isEqualTo(app0.symbol()).isEqualTo("orderWorker");
        assertThat(worker.at("/functionApp/name").asText()).isEqualTo(Texts.value(app0.name()));
        assertThat(keys(worker.get("plan"))).containsExactly("id", "resource", "sku");
        assertThat(worker.at("/plan/id").asText()).isEqualTo("premium");
        assertThat(worker.at("/plan/resource").asText()).isEqualTo(app0.plan());
        assertThat(worker.at("/plan/sku").asText()).startsWith("EP");
        assertThat(keys(worker.get("runtime"))).containsExactly("name", "version", "nameParameter",
                "versionParameter");
        assertThat(worker.at("/runtime/name").asText()).isEqualTo("python");
        assertThat(worker.at("/runtime/nameParameter").isNull()).isTrue();

        JsonNode events = worker.get("events");
        assertThat(events).extracting(e -> e.get("id").asText()).containsExactly("Orders", "Audit", "Api", "Legacy");
        for (JsonNode event : events) {
            assertThat(keys(event)).containsExactly("id", "kind", "source", "binding", "deviation");
            assertThat(keys(event.get("source"))).containsExactly("file", "line", "column");
        }
        JsonNode orders = events.get(0);
        assertThat(orders.get("kind").asText()).isEqualTo("queue");
        assertThat(orders.at("/source/line").asInt()).isEqualTo(20);
        assertThat(keys(orders.get("binding"))).containsExactly("type", "name", "connection", "resource", "settings");
        assertThat(orders.at("/binding/type").asText()).isEqualTo("serviceBusTrigger");
        assertThat(orders.at("/binding/name").asText()).isEqualTo("OrderWorker_Orders");
        assertThat(orders.at("/binding/connection").asText()).isEqualTo("ORDERS_SERVICEBUS");
        assertThat(orders.at("/binding/resource").asText()).isEqualTo("ordersQueue");
        assertThat(keys(orders.at("/binding/settings"))).containsExactly("queueName", "connection");
        assertThat(orders.get("deviation").isNull()).isTrue();

        JsonNode api = events.get(2);
        assertThat(api.at("/binding/type").asText()).isEqualTo("httpTrigger");
        assertThat(api.at("/binding/connection").isNull()).isTrue();
        assertThat(api.at("/binding/resource").isNull()).isTrue();
        assertThat(api.at("/binding/settings/route").asText()).isEqualTo("orders");

        JsonNode legacy = events.get(3);
        assertThat(legacy.get("kind").asText()).isEqualTo("alexa");
        assertThat(legacy.get("binding").isNull()).isTrue();
        assertThat(legacy.get("deviation").asText()).isEqualTo("L2A201");

        assertThat(root.at("/functions/2/events")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void everyEventOfEveryFunctionAppearsExactlyOnceWithABindingOrADeviation(PlanKind kind) throws Exception {
        ServerlessApp bindings = Fixtures.bindings();
        ServerlessApp small = Fixtures.small();
        assertEveryEventOnce(bindings, Fixtures.bindingsDeployment(bindings, kind));
        assertEveryEventOnce(small, AzurePlanner.plan(small, PlanOptions.of(kind)));
        assertEveryEventOnce(small, AzurePlanner.plan(small, new PlanOptions(Optional.of(kind), true)));
    }

    /** The events of the plan, in order, are the input's events; each has one binding or one deviation. */
    static void assertEveryEventOnce(ServerlessApp app, AzureDeployment deployment) throws Exception {
        JsonNode root = JSON.readTree(Reports.migrationPlan(app, deployment));
        List<String> expected = new ArrayList<>();
        for (Function f : app.functions()) {
            for (EventSource e : f.events()) {
                expected.add(f.logicalId() + "/" + e.id() + "@" + e.location());
            }
        }
        List<String> actual = new ArrayList<>();
        for (JsonNode f : root.get("functions")) {
            for (JsonNode e : f.get("events")) {
                actual.add(f.get("awsFunction").asText() + "/" + e.get("id").asText() + "@" + e.at("/source/file")
                        .asText() + ":" + e.at("/source/line").asInt() + ":" + e.at("/source/column").asInt());
                assertThat(e.get("binding").isNull() != e.get("deviation").isNull()).as("binding xor deviation: %s", e)
                        .isTrue();
            }
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(root.get("functions")).extracting(f -> f.get("awsFunction").asText())
                .containsExactlyElementsOf(app.functions().stream().map(Function::logicalId).toList());
        long triggers = deployment.resources(AzureResource.FunctionApp.class).stream()
                .mapToLong(fa -> fa.triggers().size()).sum();
        long gaps = deployment.resources(AzureResource.FunctionApp.class).stream()
                .mapToLong(fa -> fa.eventGaps().size()).sum();
        assertThat(root.findValues("binding").stream().filter(b -> !b.isNull()).count()).isEqualTo(triggers);
        assertThat(root.findValues("deviation").stream().filter(d -> !d.isNull()).count()).isEqualTo(gaps);
    }

    @Test
    void groupedFunctionsEachHaveTheirOwnEntryWithTheSharedApp() throws Exception {
        ServerlessApp app = Fixtures.app()
                .function(Fixtures.function("A", 5).runtime("python3.12").event(Fixtures.http("Get", "GET", "/a", false, 8))
                        .build())
                .function(Fixtures.function("B", 20).runtime("python3.12").event(Fixtures.queue("Jobs", "Q", 23))
                        .build()).build();
        AzureDeployment deployment = AzurePlanner.plan(app, new PlanOptions(Optional.of(PlanKind.PREMIUM), true));
        JsonNode root = JSON.readTree(Reports.migrationPlan(app, deployment));
        assertThat(root.get("functions")).extracting(f -> f.at("/functionApp/symbol").asText())
                .containsExactly("aGroup", "aGroup");
        assertThat(root.at("/functions/0/events/0/binding/name").asText()).isEqualTo("A");
        assertThat(root.at("/functions/1/events/0/binding/type").asText()).isEqualTo("serviceBusTrigger");
    }

    @Test
    void aRuntimeFromParametersNamesTheParametersAndAMissingRuntimeIsNull() throws Exception {
        ServerlessApp app = Fixtures.app().function(Fixtures.function("Fn", 5).runtime("python3.12").build()).build();
        AzureDeployment planned = AzurePlanner.plan(app, PlanOptions.of(PlanKind.FLEX_CONSUMPTION));
        AzureDeployment fromParameters = Fixtures.mapApps(planned, fa -> Fixtures.app(fa,
                Optional.of(AzureResource.Runtime.fromParameters("fnRuntimeName", "fnRuntimeVersion")), fa.triggers(),
                fa.eventGaps(), fa.hostSettings()));
        JsonNode runtime = JSON.readTree(Reports.migrationPlan(app, fromParameters)).at("/functions/0/runtime");
        assertThat(runtime.get("name").isNull()).isTrue();
        assertThat(runtime.get("version").isNull()).isTrue();
        assertThat(runtime.get("nameParameter").asText()).isEqualTo("fnRuntimeName");
        assertThat(runtime.get("versionParameter").asText()).isEqualTo("fnRuntimeVersion");

        AzureDeployment none = Fixtures.mapApps(planned, fa -> Fixtures.app(fa, Optional.empty(), fa.triggers(),
                fa.eventGaps(), fa.hostSettings()));
        assertThat(JSON.readTree(Reports.migrationPlan(app, none)).at("/functions/0/runtime").isNull()).isTrue();
    }

    // ------------------------------------------------------------------ inconsistent deployments are refused

    @Test
    void anEventWithoutTriggerOrGapIsRefused() {
        ServerlessApp app = Fixtures.bindings();
        AzureDeployment deployment = Fixtures.mapApps(Fixtures.bindingsDeployment(app, PlanKind.FLEX_CONSUMPTION),
                fa -> Fixtures.app(fa, fa.runtime(), fa.triggers(), List.of(), fa.hostSettings()));
        assertThatThrownBy(() -> Reports.migrationPlan(app, deployment)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event Legacy of OrderWorker at app/template.yaml:32:9 has neither a trigger nor an event"
                        + " gap in function app orderWorker");
    }

    @Test
    void aSecondOutcomeForOneEventIsRefused() {
        ServerlessApp app = Fixtures.bindings();
        AzureDeployment deployment = Fixtures.mapApps(Fixtures.bindingsDeployment(app, PlanKind.FLEX_CONSUMPTION),
                fa -> {
                    List<AzureResource.EventGap> gaps = new ArrayList<>(fa.eventGaps());
                    fa.triggers().stream().filter(t -> t.eventId().equals("Orders")).forEach(t ->
                            gaps.add(new AzureResource.EventGap(t.awsFunction(), t.eventId(), "L2A201", t.source())));
                    return Fixtures.app(fa, fa.runtime(), fa.triggers(), gaps, fa.hostSettings());
                });
        assertThatThrownBy(() -> Reports.migrationPlan(app, deployment)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("of OrderWorker replaces event Orders at app/template.yaml:20:9");
    }

    @Test
    void aFunctionWithoutAppIsRefused() {
        ServerlessApp app = Fixtures.bindings();
        AzureDeployment other = AzurePlanner.plan(Fixtures.small(), PlanOptions.of(PlanKind.FLEX_CONSUMPTION));
        assertThatThrownBy(() -> Reports.migrationPlan(app, other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no function app hosts OrderWorker");
    }

    @Test
    void triggersKeepTheirSettingsInOrder() throws Exception {
        ServerlessApp app = Fixtures.bindings();
        AzureDeployment deployment = Fixtures.bindingsDeployment(app, PlanKind.FLEX_CONSUMPTION);
        JsonNode changes = JSON.readTree(Reports.migrationPlan(app, deployment)).at("/functions/1/events/1/binding");
        Trigger trigger = deployment.resources(AzureResource.FunctionApp.class).get(1).triggers().stream()
                .filter(t -> t.eventId().equals("Changes")).findFirst().orElseThrow();
        assertThat(keys(changes.get("settings"))).containsExactlyElementsOf(trigger.settings().keySet());
        for (Map.Entry<String, String> setting : trigger.settings().entrySet()) {
            assertThat(changes.at("/settings/" + setting.getKey()).asText()).isEqualTo(setting.getValue());
        }
    }
}
