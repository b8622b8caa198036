package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.ServerlessApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;

import static io.lambda2azure.core.plan.Fixtures.app;
import static io.lambda2azure.core.plan.Fixtures.appOf;
import static io.lambda2azure.core.plan.Fixtures.deviations;
import static io.lambda2azure.core.plan.Fixtures.function;
import static io.lambda2azure.core.plan.Fixtures.param;
import static io.lambda2azure.core.plan.Fixtures.setting;
import static io.lambda2azure.core.plan.Fixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

/** --plan auto, --group-functions and determinism. */
class PlannerOptionsTest {

    private static AzureDeployment grouped(ServerlessApp app, PlanKind kind) {
        return AzurePlanner.plan(app, new PlanOptions(Optional.of(kind), true));
    }

    // ------------------------------------------------------------------ auto

    @Test
    void autoPicksFlexWhenNothingBlocks() {
        AzureDeployment d = AzurePlanner.plan(app(function("Orders").http("/orders", "GET")).build(),
                PlanOptions.auto());
        assertThat(d.plan()).isEqualTo(PlanKind.FLEX_CONSUMPTION);
        assertThat(d.planReason()).contains("--plan auto", "Flex Consumption: 0 blockers",
                "Premium (Elastic Premium): 0 blockers", "Dedicated (App Service plan): 0 blockers",
                "Consumption is not considered");
        assertThat(d.count(Severity.BLOCKER)).isZero();
    }

    @Test
    void autoPicksPremiumWhenAContainerImageBlocksFlex() {
        AzureDeployment d = AzurePlanner.plan(app(function("Orders").containerImage("repo/orders:1"),
                function("Billing")).build(), PlanOptions.auto());
        assertThat(d.plan()).isEqualTo(PlanKind.PREMIUM);
        assertThat(d.planReason()).contains("Flex Consumption: 1 blocker,", "Premium (Elastic Premium): 0 blockers",
                "Dedicated (App Service plan): 0 blockers");
        assertThat(deviations(d, DeviationCatalog.CONTAINER_NOT_ON_PLAN)).singleElement()
                .satisfies(dev -> assertThat(dev.severity()).isEqualTo(Severity.WARNING));
        assertThat(d.resources(AzureResource.HostingPlan.class)).singleElement()
                .extracting(AzureResource.HostingPlan::skuTier).isEqualTo("ElasticPremium");
    }

    @Test
    void autoKeepsTheCheapestPlanWhenEveryPlanHasTheSameBlockers() {
        AzureDeployment d = AzurePlanner.plan(app(function("Worker").alexa("Skill")).build(), PlanOptions.auto());
        assertThat(d.plan()).isEqualTo(PlanKind.FLEX_CONSUMPTION);
        assertThat(d.planReason()).contains("Flex Consumption: 1 blocker,", "Premium (Elastic Premium): 1 blocker,",
                "Dedicated (App Service plan): 1 blocker)");
    }

    @Test
    void autoNeverPicksConsumption() {
        AzureDeployment d = AzurePlanner.plan(app(function("Orders").runtime("dotnet8")).build(), PlanOptions.auto());
        assertThat(d.plan()).isNotEqualTo(PlanKind.CONSUMPTION);
        assertThat(deviations(d, DeviationCatalog.CONSUMPTION_RETIREMENT)).isEmpty();
    }

    @Test
    void autoGivesTheSameDeploymentAsChoosingThatPlanExceptForTheReason() {
        ServerlessApp input = app(function("Orders").containerImage("repo/orders:1")).build();
        AzureDeployment auto = AzurePlanner.plan(input, PlanOptions.auto());
        AzureDeployment chosen = AzurePlanner.plan(input, PlanOptions.of(auto.plan()));
        assertThat(auto.resources()).isEqualTo(chosen.resources());
        assertThat(auto.deviations()).isEqualTo(chosen.deviations());
        assertThat(auto.parameters()).isEqualTo(chosen.parameters());
    }

    // ------------------------------------------------------------------ grouping

    @Test
    void compatibleFunctionsShareOneApp() {
        ServerlessApp input = app(function("Orders").http("/orders", "GET").env("TABLE", "orders").memory(512),
                function("Billing").http("/billing", "POST").env("TABLE", "orders").env("MODE", "live").memory(2048),
                function("Reports").runtime("nodejs22.x").schedule("rate(1 day)")).build();
        AzureDeployment d = grouped(input, PlanKind.FLEX_CONSUMPTION);

        List<AzureResource.FunctionApp> apps = d.resources(AzureResource.FunctionApp.class);
        assertThat(apps).hasSize(2);
        AzureResource.FunctionApp shared = appOf(d, "Orders");
        assertThat(shared).isSameAs(appOf(d, "Billing"));
        assertThat(shared.symbol()).isEqualTo("ordersGroup");
        assertThat(shared.awsFunctions()).containsExactly("Orders", "Billing");
        assertThat(shared.triggers()).extracting(t -> t.function()).containsExactly("Orders", "Billing");
        assertThat(setting(shared, "TABLE")).contains(Value.text("orders"));
        assertThat(setting(shared, "MODE")).contains(Value.text("live"));
        assertThat(shared.appSettings()).extracting(s -> s.name()).doesNotHaveDuplicates();
        assertThat(shared.flex()).get().extracting(AzureResource.FlexConfig::instanceMemoryMB)
                .as("sized for the larger member").isEqualTo(2048);
        assertThat(appOf(d, "Reports").symbol()).as("a lone function keeps its plain symbol").isEqualTo("reports");
        assertThat(appOf(d, "Reports").awsFunctions()).containsExactly("Reports");
    }

    @Test
    void conflictingEnvironmentValuesSplitTheGroup() {
        ServerlessApp input = app(function("Orders").env("TABLE", "orders"),
                function("Billing").env("TABLE", "invoices"),
                function("Audit").env("TABLE", "orders")).build();
        AzureDeployment d = grouped(input, PlanKind.PREMIUM);
        assertThat(d.resources(AzureResource.FunctionApp.class)).hasSize(2);
        assertThat(appOf(d, "Orders")).isSameAs(appOf(d, "Audit"));
        assertThat(appOf(d, "Billing")).isNotSameAs(appOf(d, "Orders"));
        assertThat(setting(appOf(d, "Billing"), "TABLE")).contains(Value.text("invoices"));
    }

    @Test
    void differentRuntimesNetworksConditionsOrImagesAreNotGrouped() {
        ServerlessApp input = app(function("A"), function("B").runtime("python3.11"), function("C").vpc(),
                function("D").condition("IsProd"), function("E").containerImage("repo/e:1"),
                function("F").containerImage("repo/f:1"), function("G").arm64())
                .parameter("Stage", "String", str("dev"))
                .condition("IsProd", new Expr.Equals(param("Stage"), str("prod"))).build();
        AzureDeployment d = grouped(input, PlanKind.PREMIUM);
        assertThat(d.resources(AzureResource.FunctionApp.class)).hasSize(7);
    }

    @Test
    void withoutGroupingEveryFunctionHasItsOwnApp() {
        ServerlessApp input = app(function("Orders"), function("Billing")).build();
        AzureDeployment d = AzurePlanner.plan(input, PlanOptions.of(PlanKind.PREMIUM));
        assertThat(d.resources(AzureResource.FunctionApp.class)).hasSize(2);
        assertThat(PlanOptions.of(PlanKind.PREMIUM).groupFunctions()).isFalse();
        assertThat(PlanOptions.auto().groupFunctions()).isFalse();
        assertThat(PlanOptions.auto().plan()).isEmpty();
    }

    @Test
    void aReferenceToAGroupedFunctionIsTheGroupsApp() {
        ServerlessApp input = app(function("Orders").env("NEXT", new Expr.ResourceRef("Billing")),
                function("Billing")).build();
        AzureDeployment d = grouped(input, PlanKind.FLEX_CONSUMPTION);
        assertThat(setting(appOf(d, "Orders"), "NEXT")).contains(Value.ref("ordersGroup", Value.Attribute.NAME));
    }

    // ------------------------------------------------------------------ determinism

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void planningTwiceGivesEqualDeployments(PlanKind kind) {
        ServerlessApp input = richApp();
        AzureDeployment first = AzurePlanner.plan(input, PlanOptions.of(kind));
        AzureDeployment second = AzurePlanner.plan(input, PlanOptions.of(kind));
        assertThat(second).isEqualTo(first);
        assertThat(grouped(input, kind)).isEqualTo(grouped(input, kind));
    }

    @Test
    void autoIsDeterministicToo() {
        ServerlessApp input = richApp();
        assertThat(AzurePlanner.plan(input, PlanOptions.auto())).isEqualTo(AzurePlanner.plan(input,
                PlanOptions.auto()));
    }

    @Test
    void deviationsAreInSourceOrder() {
        AzureDeployment d = AzurePlanner.plan(richApp(), PlanOptions.of(PlanKind.CONSUMPTION));
        assertThat(d.deviations()).isSorted();
    }

    private static ServerlessApp richApp() {
        return app(
                function("Orders").runtime("python3.9").memory(3008).timeout(900).reserved(10).provisioned(2)
                        .http("/orders/{proxy+}", "ANY").env("TABLE", new Expr.ResourceRef("OrdersTable"))
                        .env("REGION", new Expr.PseudoRef(io.lambda2azure.core.expr.Pseudo.REGION))
                        .vpc().autoPublishAlias("live").tracing("Active"),
                function("Nightly").runtime("nodejs24.x").schedule("cron(0 2 ? * 2-6 *)")
                        .env("TABLE", new Expr.ResourceRef("OrdersTable")),
                function("Worker").runtime("provided.al2023").queue("Jobs", new Expr.ResourceRef("JobsQueue"))
                        .arm64().layer(str("arn:aws:lambda:eu-west-1:1:layer:l:1")))
                .table("OrdersTable").parameter("Stage", "String", str("dev"))
                .output("Api", new Expr.ResourceRef("Orders")).build();
    }

    // ------------------------------------------------------------------ bugs

    /**
     * BUG: on Flex every group gets its own FC1 plan, but only a one-member group's plan is named after its
     * function; every multi-member group's plan is named plan-&lt;appName&gt;-&lt;suffix&gt;, so two groups get
     * two plans with the same Azure name in one resource group and the deployment fails (or one overwrites the other).
     * Fix: in hostingPlan(), name Flex plans after the first member whatever the group size.
     */
    @Test
    void flexPlansOfTwoGroupsHaveDifferentNames() {
        ServerlessApp input = app(function("Orders"), function("Billing"),
                function("Reports").runtime("nodejs22.x"), function("Exports").runtime("nodejs22.x")).build();
        AzureDeployment d = grouped(input, PlanKind.FLEX_CONSUMPTION);
        assertThat(d.resources(AzureResource.FunctionApp.class)).hasSize(2);
        assertThat(d.resources(AzureResource.HostingPlan.class)).hasSize(2).extracting(AzureResource::name)
                .doesNotHaveDuplicates();
    }

    /**
     * BUG: with grouping, provisioned concurrency of a timer function in a group that also serves HTTP is put on
     * the "http" always-ready group (httpFunctions &gt; 0 for the app), and otherwise on "function:" + the app's
     * first trigger — not on the function that asked for it. The always-ready instances keep the wrong functions
     * warm. Fix: compute the group per function that has provisioned concurrency (http if that function has an HTTP
     * event, else function:&lt;its id&gt;) and add one AlwaysReady entry per group.
     */
    @Test
    void groupedAlwaysReadyInstancesGoToTheFunctionThatAskedForThem() {
        ServerlessApp input = app(function("Api").http("/orders", "GET"),
                function("Nightly").schedule("rate(1 hour)").provisioned(2)).build();
        AzureDeployment d = grouped(input, PlanKind.FLEX_CONSUMPTION);
        assertThat(appOf(d, "Api")).isSameAs(appOf(d, "Nightly"));
        assertThat(appOf(d, "Nightly").flex()).get().extracting(AzureResource.FlexConfig::alwaysReady)
                .isEqualTo(List.of(new AzureResource.AlwaysReady("function:Nightly", Value.number(2))));
    }

    /**
     * BUG: with grouping, the app's instance limit is the reserved concurrency of whichever member comes last:
     * Orders reserves 200 and Billing 50, so the shared app is limited to 50 and Orders can use a quarter of what
     * it reserved on Lambda. The limit depends on input order. Fix: take the largest (or the sum, clamped) over the
     * members instead of overwriting.
     */
    @Test
    void aGroupsInstanceLimitCoversEveryMembersReservedConcurrency() {
        ServerlessApp input = app(function("Orders").reserved(200), function("Billing").reserved(50)).build();
        AzureDeployment d = grouped(input, PlanKind.FLEX_CONSUMPTION);
        Value limit = appOf(d, "Orders").flex().orElseThrow().maximumInstanceCount();
        assertThat(((Value.Number) limit).value().intValue()).isGreaterThanOrEqualTo(200);
    }
}
