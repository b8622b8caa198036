package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.model.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Optional;

import static io.lambda2azure.core.plan.Fixtures.app;
import static io.lambda2azure.core.plan.Fixtures.appOf;
import static io.lambda2azure.core.plan.Fixtures.deviations;
import static io.lambda2azure.core.plan.Fixtures.function;
import static io.lambda2azure.core.plan.Fixtures.num;
import static io.lambda2azure.core.plan.Fixtures.only;
import static io.lambda2azure.core.plan.Fixtures.param;
import static io.lambda2azure.core.plan.Fixtures.parameterNamed;
import static io.lambda2azure.core.plan.Fixtures.plan;
import static io.lambda2azure.core.plan.Fixtures.planOf;
import static io.lambda2azure.core.plan.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

/** What each hosting plan does with memory, timeouts, concurrency, networks, aliases and container images. */
class HostingPlansTest {

    // ------------------------------------------------------------------ instance size

    @ParameterizedTest(name = "{0} MB -> instanceMemoryMB {1}")
    @CsvSource({"128, 512", "256, 512", "512, 512", "513, 2048", "1024, 2048", "2048, 2048", "2049, 4096",
            "3008, 4096", "4096, 4096", "10240, 4096"})
    void flexInstanceMemoryIsTheSmallestSizeThatFits(int memory, int instanceMemory) {
        AzureDeployment d = plan(function("Orders").memory(memory), PlanKind.FLEX_CONSUMPTION);
        AzureResource.FunctionApp app = appOf(d, "Orders");
        assertThat(app.flex()).get().extracting(AzureResource.FlexConfig::instanceMemoryMB).isEqualTo(instanceMemory);
        AzureResource.HostingPlan plan = planOf(d, app);
        assertThat(plan.skuName()).isEqualTo("FC1");
        assertThat(plan.skuTier()).isEqualTo("FlexConsumption");
        assertThat(deviations(d, DeviationCatalog.MEMORY_ABOVE_PLAN)).hasSize(memory > 4096 ? 1 : 0);
    }

    @Test
    void flexDefaultsToLambdasDefaultMemoryOf128Mb() {
        AzureDeployment d = plan(function("Orders"), PlanKind.FLEX_CONSUMPTION);
        assertThat(appOf(d, "Orders").flex()).get().extracting(AzureResource.FlexConfig::instanceMemoryMB)
                .isEqualTo(512);
    }

    @ParameterizedTest(name = "{0} MB -> {1}")
    @CsvSource({"128, EP1", "1024, EP1", "3584, EP1", "3585, EP2", "4096, EP2", "7168, EP2", "7169, EP3",
            "10240, EP3"})
    void premiumSkuIsTheSmallestElasticPremiumSizeThatFits(int memory, String sku) {
        AzureDeployment d = plan(function("Orders").memory(memory), PlanKind.PREMIUM);
        AzureResource.HostingPlan plan = planOf(d, appOf(d, "Orders"));
        assertThat(plan.skuName()).isEqualTo(sku);
        assertThat(plan.skuTier()).isEqualTo("ElasticPremium");
        assertThat(appOf(d, "Orders").flex()).isEmpty();
        assertThat(deviations(d, DeviationCatalog.MEMORY_ABOVE_PLAN)).isEmpty();
    }

    @ParameterizedTest(name = "{0} MB -> {1}")
    @CsvSource({"128, P0v3", "4096, P0v3", "4097, P1v3", "8192, P1v3", "10240, P2v3", "16384, P2v3", "20000, P3v3",
            "32768, P3v3"})
    void dedicatedSkuIsTheSmallestPremiumV3SizeThatFits(int memory, String sku) {
        AzureDeployment d = plan(function("Orders").memory(memory), PlanKind.DEDICATED);
        AzureResource.HostingPlan plan = planOf(d, appOf(d, "Orders"));
        assertThat(plan.skuName()).isEqualTo(sku);
        assertThat(plan.skuTier()).isEqualTo("PremiumV3");
        assertThat(deviations(d, DeviationCatalog.MEMORY_ABOVE_PLAN)).isEmpty();
    }

    @Test
    void dedicatedAboveTheLargestSkuKeepsP3v3AndSaysSo() {
        Function f = function("Orders").memory(40000).build();
        AzureDeployment d = plan(f, PlanKind.DEDICATED);
        assertThat(planOf(d, appOf(d, "Orders")).skuName()).isEqualTo("P3v3");
        Deviation dev = only(d, DeviationCatalog.MEMORY_ABOVE_PLAN);
        assertThat(dev.message()).contains("40000 MB", "32768 MB");
        assertThat(dev.target()).contains(target("hostingPlan", "sku"));
    }

    @ParameterizedTest(name = "{0} MB")
    @CsvSource({"128", "1536", "1537", "3008"})
    void consumptionIsAlwaysY1(int memory) {
        AzureDeployment d = plan(function("Orders").memory(memory), PlanKind.CONSUMPTION);
        AzureResource.HostingPlan plan = planOf(d, appOf(d, "Orders"));
        assertThat(plan.skuName()).isEqualTo("Y1");
        assertThat(plan.skuTier()).isEqualTo("Dynamic");
        assertThat(deviations(d, DeviationCatalog.MEMORY_ABOVE_PLAN)).hasSize(memory > 1536 ? 1 : 0);
    }

    @Test
    void theSharedPlanIsSizedForTheLargestFunction() {
        AzureDeployment d = plan(app(function("Small").memory(256), function("Large").memory(6000),
                function("Medium").memory(1024)).build(), PlanKind.PREMIUM);
        assertThat(d.resources(AzureResource.HostingPlan.class)).singleElement()
                .extracting(AzureResource.HostingPlan::skuName).isEqualTo("EP2");
    }

    // ------------------------------------------------------------------ plans per app

    @Test
    void flexGivesEveryAppItsOwnFc1Plan() {
        AzureDeployment d = plan(app(function("Orders"), function("Billing"), function("Audit")).build(),
                PlanKind.FLEX_CONSUMPTION);
        List<AzureResource.HostingPlan> plans = d.resources(AzureResource.HostingPlan.class);
        assertThat(plans).hasSize(3).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(PlanKind.FLEX_CONSUMPTION);
            assertThat(p.skuName()).isEqualTo("FC1");
        });
        List<AzureResource.FunctionApp> apps = d.resources(AzureResource.FunctionApp.class);
        assertThat(apps).extracting(AzureResource.FunctionApp::plan).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(plans.stream().map(AzureResource::symbol).toList());
        assertThat(plans).extracting(AzureResource::name).doesNotHaveDuplicates();
        assertThat(apps).allSatisfy(a -> assertThat(a.planKind()).isEqualTo(PlanKind.FLEX_CONSUMPTION));
    }

    @ParameterizedTest
    @EnumSource(value = PlanKind.class, names = {"PREMIUM", "DEDICATED", "CONSUMPTION"})
    void otherPlansShareOnePlan(PlanKind kind) {
        AzureDeployment d = plan(app(function("Orders"), function("Billing"), function("Audit")).build(), kind);
        assertThat(d.resources(AzureResource.HostingPlan.class)).singleElement().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo("hostingPlan");
            assertThat(p.kind()).isEqualTo(kind);
            assertThat(p.condition()).isEmpty();
        });
        assertThat(d.resources(AzureResource.FunctionApp.class)).hasSize(3)
                .allSatisfy(a -> assertThat(a.plan()).isEqualTo("hostingPlan"));
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void theDeploymentRecordsItsPlanAndWhy(PlanKind kind) {
        AzureDeployment d = plan(function("Orders"), kind);
        assertThat(d.plan()).isEqualTo(kind);
        assertThat(d.planReason()).isEqualTo("chosen with --plan " + kind.id());
        assertThat(d.source()).isEqualTo(Fixtures.FILE);
    }

    // ------------------------------------------------------------------ timeouts

    @Test
    void consumptionCapsTimeoutsAtTenMinutes() {
        AzureDeployment d = plan(function("Orders").timeout(900), PlanKind.CONSUMPTION);
        assertThat(appOf(d, "Orders").functionTimeoutSeconds()).contains(600);
        assertThat(only(d, DeviationCatalog.TIMEOUT_ABOVE_PLAN).severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void consumptionKeepsTimeoutsUpToTenMinutes() {
        AzureDeployment d = plan(function("Orders").timeout(600), PlanKind.CONSUMPTION);
        assertThat(appOf(d, "Orders").functionTimeoutSeconds()).contains(600);
        assertThat(deviations(d, DeviationCatalog.TIMEOUT_ABOVE_PLAN)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = PlanKind.class, names = {"FLEX_CONSUMPTION", "PREMIUM", "DEDICATED"})
    void plansWithoutAMaximumKeepLambdasFifteenMinutes(PlanKind kind) {
        AzureDeployment d = plan(function("Orders").timeout(900), kind);
        assertThat(appOf(d, "Orders").functionTimeoutSeconds()).contains(900);
        assertThat(deviations(d, DeviationCatalog.TIMEOUT_ABOVE_PLAN)).isEmpty();
    }

    @ParameterizedTest(name = "{0} s -> L2A105: {1}")
    @CsvSource({"30, false", "230, false", "231, true", "900, true"})
    void httpFunctionsMustAnswerWithin230Seconds(int timeout, boolean limited) {
        for (PlanKind kind : PlanKind.values()) {
            AzureDeployment d = plan(function("Orders").timeout(timeout).http("/orders", "GET"), kind);
            assertThat(deviations(d, DeviationCatalog.HTTP_RESPONSE_LIMIT)).as(kind.id()).hasSize(limited ? 1 : 0);
        }
    }

    @Test
    void onConsumptionTheHttpLimitIsCheckedAgainstTheCappedTimeout() {
        AzureDeployment d = plan(function("Orders").timeout(900).http("/orders", "GET"), PlanKind.CONSUMPTION);
        assertThat(only(d, DeviationCatalog.HTTP_RESPONSE_LIMIT).message()).contains("600 s");
    }

    @Test
    void timersMayRunLongerThan230Seconds() {
        AzureDeployment d = plan(function("Nightly").timeout(900).schedule("rate(1 day)"), PlanKind.FLEX_CONSUMPTION);
        assertThat(deviations(d, DeviationCatalog.HTTP_RESPONSE_LIMIT)).isEmpty();
    }

    @Test
    void withoutATimeoutLambdasDefaultOfThreeSecondsApplies() {
        assertThat(appOf(plan(function("Orders"), PlanKind.PREMIUM), "Orders").functionTimeoutSeconds()).contains(3);
    }

    // ------------------------------------------------------------------ reserved concurrency

    @ParameterizedTest(name = "reserved {0} -> maximumInstanceCount {1}")
    @CsvSource({"1, 40", "10, 40", "40, 40", "41, 41", "500, 500", "1000, 1000", "5000, 1000"})
    void flexMaximumInstanceCountIsReservedConcurrencyClampedTo40To1000(int reserved, int max) {
        AzureDeployment d = plan(function("Orders").reserved(reserved), PlanKind.FLEX_CONSUMPTION);
        assertThat(appOf(d, "Orders").flex()).get().extracting(AzureResource.FlexConfig::maximumInstanceCount)
                .isEqualTo(Value.number(max));
        assertThat(only(d, DeviationCatalog.RESERVED_CONCURRENCY).message()).contains("maximumInstanceCount " + max);
    }

    @Test
    void flexMaximumInstanceCountDefaultsTo100() {
        AzureDeployment d = plan(function("Orders"), PlanKind.FLEX_CONSUMPTION);
        assertThat(appOf(d, "Orders").flex()).get().extracting(AzureResource.FlexConfig::maximumInstanceCount)
                .isEqualTo(Value.number(100));
        assertThat(deviations(d, DeviationCatalog.RESERVED_CONCURRENCY)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = PlanKind.class, names = {"PREMIUM", "CONSUMPTION"})
    void premiumAndConsumptionLimitTheAppWithFunctionAppScaleLimit(PlanKind kind) {
        AzureDeployment d = plan(function("Orders").reserved(10), kind);
        AzureResource.FunctionApp app = appOf(d, "Orders");
        assertThat(app.site().functionAppScaleLimit()).contains(Value.number(10));
        assertThat(app.flex()).isEmpty();
        assertThat(only(d, DeviationCatalog.RESERVED_CONCURRENCY).target())
                .contains(target("orders", "functionAppScaleLimit"));
    }

    @Test
    void aReservedConcurrencyParameterStaysSymbolicOnPremium() {
        AzureDeployment d = plan(app(function("Orders").reserved(param("MaxConcurrency")))
                .parameter("MaxConcurrency", "Number", num(25)).build(), PlanKind.PREMIUM);
        assertThat(appOf(d, "Orders").site().functionAppScaleLimit()).contains(new Value.Param("MaxConcurrency"));
    }

    @Test
    void dedicatedHasNoPerAppLimitSoOnlyTheDeviationRemains() {
        AzureDeployment d = plan(function("Orders").reserved(10), PlanKind.DEDICATED);
        AzureResource.FunctionApp app = appOf(d, "Orders");
        assertThat(app.site().functionAppScaleLimit()).isEmpty();
        Deviation dev = only(d, DeviationCatalog.RESERVED_CONCURRENCY);
        assertThat(dev.message()).contains("no per-app limit on Dedicated");
    }

    @ParameterizedTest
    @EnumSource(value = PlanKind.class, names = {"PREMIUM", "DEDICATED", "CONSUMPTION"})
    void withoutReservedConcurrencyThereIsNoScaleLimit(PlanKind kind) {
        assertThat(appOf(plan(function("Orders"), kind), "Orders").site().functionAppScaleLimit()).isEmpty();
    }

    // ------------------------------------------------------------------ provisioned concurrency

    @Test
    void flexKeepsTheHttpGroupReadyForAnHttpApp() {
        AzureDeployment d = plan(function("Orders").provisioned(3).http("/orders", "GET"), PlanKind.FLEX_CONSUMPTION);
        assertThat(appOf(d, "Orders").flex()).get().extracting(AzureResource.FlexConfig::alwaysReady)
                .isEqualTo(List.of(new AzureResource.AlwaysReady("http", Value.number(3))));
    }

    @Test
    void flexKeepsTheFunctionReadyForANonHttpApp() {
        AzureDeployment d = plan(function("Nightly").provisioned(2).schedule("rate(1 hour)"),
                PlanKind.FLEX_CONSUMPTION);
        assertThat(appOf(d, "Nightly").flex()).get().extracting(AzureResource.FlexConfig::alwaysReady)
                .isEqualTo(List.of(new AzureResource.AlwaysReady("function:Nightly", Value.number(2))));
    }

    @Test
    void flexWithoutProvisionedConcurrencyHasNoAlwaysReadyInstances() {
        assertThat(appOf(plan(function("Orders").http("/", "GET"), PlanKind.FLEX_CONSUMPTION), "Orders").flex()).get()
                .extracting(AzureResource.FlexConfig::alwaysReady).isEqualTo(List.of());
    }

    @Test
    void provisionedConcurrencyOnAnAliasCounts() {
        Function f = new Function(
                "Orders", "AWS::Lambda::Function", Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Fixtures.str("python3.12")), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), java.util.Map.of(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(new io.lambda2azure.core.model.FunctionAlias("OrdersLive", Fixtures.str("live"),
                        Optional.of(num(4)), Optional.empty(), Fixtures.at(9, 3))),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                Optional.empty(), Optional.empty(), java.util.Map.of(), List.of(), java.util.Map.of(),
                Fixtures.at(5, 3));
        AzureDeployment d = plan(f, PlanKind.PREMIUM);
        assertThat(appOf(d, "Orders").site().minimumElasticInstanceCount()).contains(Value.number(4));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 1", "5, 5", "20, 20", "21, 20", "50, 20"})
    void premiumKeepsAlwaysReadyInstancesCappedAt20(int provisioned, int minimum) {
        AzureDeployment d = plan(function("Orders").provisioned(provisioned).http("/orders", "GET"), PlanKind.PREMIUM);
        AzureResource.SiteSettings site = appOf(d, "Orders").site();
        assertThat(site.minimumElasticInstanceCount()).contains(Value.number(minimum));
        assertThat(site.preWarmedInstanceCount()).contains(Value.number(1));
    }

    @Test
    void premiumWithoutProvisionedConcurrencySetsNoWarmInstances() {
        AzureResource.SiteSettings site = appOf(plan(function("Orders"), PlanKind.PREMIUM), "Orders").site();
        assertThat(site.minimumElasticInstanceCount()).isEmpty();
        assertThat(site.preWarmedInstanceCount()).isEmpty();
    }

    @Test
    void consumptionCannotKeepInstancesWarm() {
        AzureDeployment d = plan(function("Orders").provisioned(5), PlanKind.CONSUMPTION);
        AzureResource.SiteSettings site = appOf(d, "Orders").site();
        assertThat(site.minimumElasticInstanceCount()).isEmpty();
        assertThat(site.preWarmedInstanceCount()).isEmpty();
        assertThat(only(d, DeviationCatalog.NO_WARM_INSTANCES).severity()).isEqualTo(Severity.WARNING);
        assertThat(deviations(d, DeviationCatalog.PROVISIONED_CONCURRENCY)).isEmpty();
    }

    @Test
    void dedicatedIsAlwaysOn() {
        AzureDeployment d = plan(function("Orders").provisioned(5), PlanKind.DEDICATED);
        AzureResource.SiteSettings site = appOf(d, "Orders").site();
        assertThat(site.alwaysOn()).contains(true);
        assertThat(site.minimumElasticInstanceCount()).isEmpty();
        assertThat(deviations(d, DeviationCatalog.PROVISIONED_CONCURRENCY)).hasSize(1);
        assertThat(appOf(plan(function("Orders"), PlanKind.DEDICATED), "Orders").site().alwaysOn()).contains(true);
    }

    @ParameterizedTest
    @EnumSource(value = PlanKind.class, names = {"FLEX_CONSUMPTION", "PREMIUM", "CONSUMPTION"})
    void onlyDedicatedSetsAlwaysOn(PlanKind kind) {
        assertThat(appOf(plan(function("Orders"), kind), "Orders").site().alwaysOn()).isEmpty();
    }

    // ------------------------------------------------------------------ networking

    @ParameterizedTest
    @CsvSource({"FLEX_CONSUMPTION, Microsoft.App/environments", "PREMIUM, Microsoft.Web/serverFarms",
            "DEDICATED, Microsoft.Web/serverFarms"})
    void aVpcBecomesASubnetParameter(PlanKind kind, String delegation) {
        Function f = function("Orders").vpc().build();
        AzureDeployment d = plan(f, kind);
        AzureResource.FunctionApp app = appOf(d, "Orders");
        assertThat(app.subnetId()).contains(new Value.Param("ordersSubnetId"));
        AzureParameter subnet = parameterNamed(d, "ordersSubnetId").orElseThrow();
        assertThat(subnet.type()).isEqualTo(AzureParameter.ParamType.STRING);
        assertThat(subnet.defaultValue()).isEmpty();
        assertThat(subnet.description()).get().asString().contains(delegation, "subnet-0a1b");
        assertThat(subnet.source()).isEqualTo(f.locationOf("VpcConfig"));
        assertThat(only(d, DeviationCatalog.VNET_SUBNET_NEEDED).target()).contains(target("orders", "subnet"));
        assertThat(deviations(d, DeviationCatalog.VNET_NOT_ON_PLAN)).isEmpty();
        assertThat(d.parameters().indexOf(subnet)).as("added parameters come after the input's")
                .isEqualTo(d.parameters().size() - 1);
    }

    @Test
    void consumptionCannotJoinAVirtualNetwork() {
        AzureDeployment d = plan(function("Orders").vpc(), PlanKind.CONSUMPTION);
        assertThat(appOf(d, "Orders").subnetId()).isEmpty();
        assertThat(parameterNamed(d, "ordersSubnetId")).isEmpty();
        assertThat(only(d, DeviationCatalog.VNET_NOT_ON_PLAN).severity()).isEqualTo(Severity.BLOCKER);
        assertThat(deviations(d, DeviationCatalog.VNET_SUBNET_NEEDED)).isEmpty();
    }

    @Test
    void everyAppInAVpcGetsItsOwnSubnetParameter() {
        AzureDeployment d = plan(app(function("Orders").vpc(), function("Billing").vpc()).build(), PlanKind.PREMIUM);
        assertThat(appOf(d, "Orders").subnetId()).contains(new Value.Param("ordersSubnetId"));
        assertThat(appOf(d, "Billing").subnetId()).contains(new Value.Param("billingSubnetId"));
    }

    @Test
    void withoutAVpcThereIsNoSubnet() {
        assertThat(appOf(plan(function("Orders"), PlanKind.PREMIUM), "Orders").subnetId()).isEmpty();
    }

    // ------------------------------------------------------------------ aliases and slots

    @ParameterizedTest
    @EnumSource(value = PlanKind.class, names = {"PREMIUM", "DEDICATED"})
    void aliasesBecomeAStagingSlot(PlanKind kind) {
        Function f = function("Orders").autoPublishAlias("live").build();
        AzureDeployment d = plan(f, kind);
        assertThat(d.resources(AzureResource.DeploymentSlot.class)).singleElement().satisfies(slot -> {
            assertThat(slot.app()).isEqualTo("orders");
            assertThat(slot.name()).isEqualTo(Value.text("staging"));
            assertThat(slot.symbol()).isEqualTo("ordersStaging");
            assertThat(slot.source()).isEqualTo(f.aliases().get(0).location());
        });
        assertThat(only(d, DeviationCatalog.ALIASES_AS_SLOTS).target()).contains(target("ordersStaging"));
        assertThat(deviations(d, DeviationCatalog.NO_SLOTS)).isEmpty();
    }

    @Test
    void flexHasNoSlots() {
        AzureDeployment d = plan(function("Orders").autoPublishAlias("live"), PlanKind.FLEX_CONSUMPTION);
        assertThat(d.resources(AzureResource.DeploymentSlot.class)).isEmpty();
        assertThat(only(d, DeviationCatalog.NO_SLOTS).severity()).isEqualTo(Severity.WARNING);
        assertThat(deviations(d, DeviationCatalog.ALIASES_AS_SLOTS)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void withoutAliasesThereIsNoSlot(PlanKind kind) {
        AzureDeployment d = plan(function("Orders"), kind);
        assertThat(d.resources(AzureResource.DeploymentSlot.class)).isEmpty();
        assertThat(deviations(d, DeviationCatalog.NO_SLOTS)).isEmpty();
    }

    @Test
    void aSlotOfAConditionalAppHasTheSameCondition() {
        AzureDeployment d = plan(app(function("Orders").condition("IsProd").alias("live"))
                .condition("IsProd", new io.lambda2azure.core.expr.Expr.Equals(param("Stage"), Fixtures.str("prod")))
                .parameter("Stage", "String", Fixtures.str("dev")).build(), PlanKind.PREMIUM);
        assertThat(d.resources(AzureResource.DeploymentSlot.class)).singleElement()
                .extracting(AzureResource::condition).isEqualTo(Optional.of(new Value.Variable("IsProd")));
    }

    // ------------------------------------------------------------------ container images

    @ParameterizedTest
    @CsvSource({"FLEX_CONSUMPTION, BLOCKER", "CONSUMPTION, BLOCKER", "PREMIUM, WARNING", "DEDICATED, WARNING"})
    void containerImagesRunOnlyOnPremiumAndDedicated(PlanKind kind, Severity severity) {
        AzureDeployment d = plan(function("Orders").containerImage("repo/orders:1"), kind);
        assertThat(only(d, DeviationCatalog.CONTAINER_NOT_ON_PLAN).severity()).isEqualTo(severity);
        AzureResource.FunctionApp app = appOf(d, "Orders");
        RuntimesTest.assertNoRuntimeChosen(d, kind);
        assertThat(Fixtures.setting(app, "FUNCTIONS_WORKER_RUNTIME")).isEmpty();
        assertThat(deviations(d, DeviationCatalog.UNKNOWN_RUNTIME)).as("no runtime is expected of an image")
                .isEmpty();
    }
    /**
     * Regression: the L2A111 message used to concatenate a {@link Value} record ("always-ready instances
     * Number[value=3]"); fixed in commit 7bb5e37 while these tests were written.
     */
    @ParameterizedTest
    @EnumSource(value = PlanKind.class, names = {"FLEX_CONSUMPTION", "PREMIUM"})
    void provisionedConcurrencyMessagesShowTheCountNotAValueRecord(PlanKind kind) {
        AzureDeployment d = plan(function("Orders").provisioned(3).http("/orders", "GET"), kind);
        String message = only(d, DeviationCatalog.PROVISIONED_CONCURRENCY).message();
        assertThat(message).doesNotContain("Number[").doesNotContain("value=")
                .contains(kind == PlanKind.PREMIUM ? "minimumElasticInstanceCount 3" : "always-ready instances 3");
    }

    // ------------------------------------------------------------------ bugs

    /**
     * BUG: a Timeout that comes from a parameter (Timeout: !Ref FunctionTimeout) is read as "not set" and replaced
     * by Lambda's default of 3 seconds, so host.json's functionTimeout becomes 3 s and every execution that ran up to
     * the parameter's value on Lambda is killed after 3 s — silently (a symbolic MemorySize at least raises L2A117).
     * Fix: leave functionTimeoutSeconds empty (the plan's default, 30 min) for symbolic timeouts, and raise a
     * deviation; or use the parameter's default.
     */
    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void aTimeoutFromAParameterIsNotReplacedByThreeSeconds(PlanKind kind) {
        AzureDeployment d = plan(app(function("Orders").timeout(param("FunctionTimeout")))
                .parameter("FunctionTimeout", "Number", num(300)).build(), kind);
        assertThat(appOf(d, "Orders").functionTimeoutSeconds()).isNotEqualTo(Optional.of(3));
    }

    /**
     * BUG: L2A117 (memory from a parameter) always targets the function app's "instanceMemory", a Flex-only
     * property; on Premium, Dedicated and Consumption the instance size is the plan's "sku" (which is where L2A103
     * points on those plans), so the comment has no element to be written above. Fix: target
     * property(plan, "sku") unless the plan is Flex, as memory() already does for L2A103.
     */
    @ParameterizedTest
    @EnumSource(value = PlanKind.class, names = {"PREMIUM", "DEDICATED", "CONSUMPTION"})
    void memoryFromAParameterPointsAtThePlansSkuOnPlansWithSkus(PlanKind kind) {
        AzureDeployment d = plan(app(function("Orders").memory(param("MemorySize")))
                .parameter("MemorySize", "Number", num(1024)).build(), kind);
        assertThat(only(d, DeviationCatalog.MEMORY_AT_DEPLOYMENT).target()).contains(target("hostingPlan", "sku"));
    }

    /**
     * BUG: functionAppScaleLimit "can't exceed the plan's maximum burst" (docs/azure-facts.md §1.1, [premium]), and
     * Linux Consumption scales to 100 instances. The planner copies reserved concurrency unclamped, so a function
     * reserving 100 executions gets functionAppScaleLimit 100 on a Premium plan whose maximumElasticWorkerCount is
     * 20 (and 500 on Consumption). Flex already clamps to its range. Fix: clamp to facts.maxInstances() (and to the
     * plan's burst) on Premium and Consumption, as Flex does.
     */
    @ParameterizedTest
    @EnumSource(value = PlanKind.class, names = {"PREMIUM", "CONSUMPTION"})
    void theScaleLimitStaysWithinThePlansScaleOut(PlanKind kind) {
        AzureDeployment d = plan(function("Orders").reserved(500), kind);
        AzureResource.FunctionApp app = appOf(d, "Orders");
        int limit = ((Value.Number) app.site().functionAppScaleLimit().orElseThrow()).value().intValue();
        int planMaximum = planOf(d, app).maximumElasticWorkerCount()
                .orElse(PlanCatalog.of(kind).maxInstances());
        assertThat(limit).isLessThanOrEqualTo(Math.min(planMaximum, PlanCatalog.of(kind).maxInstances()));
    }

    /**
     * BUG: on Dedicated, L2A110 targets the app's "functionAppScaleLimit", but Dedicated apps get no
     * functionAppScaleLimit (SiteSettings leaves it empty), so the deviation points at a property that is never
     * written. Fix: target the app as a whole on Dedicated.
     */
    @Test
    void reservedConcurrencyOnDedicatedPointsAtAnElementThatExists() {
        AzureDeployment d = plan(function("Orders").reserved(10), PlanKind.DEDICATED);
        assertThat(appOf(d, "Orders").site().functionAppScaleLimit()).isEmpty();
        assertThat(only(d, DeviationCatalog.RESERVED_CONCURRENCY).target()).contains(target("orders"));
    }
}
