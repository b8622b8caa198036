package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureParameter;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.model.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.lambda2azure.core.plan.Fixtures.appOf;
import static io.lambda2azure.core.plan.Fixtures.deviations;
import static io.lambda2azure.core.plan.Fixtures.function;
import static io.lambda2azure.core.plan.Fixtures.only;
import static io.lambda2azure.core.plan.Fixtures.param;
import static io.lambda2azure.core.plan.Fixtures.plan;
import static io.lambda2azure.core.plan.Fixtures.setting;
import static io.lambda2azure.core.plan.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lambda runtimes to Azure Functions runtimes on each plan (docs/azure-facts.md §1.5–§1.7): the chosen
 * name, version and linuxFxVersion, whether the version changed or went down, and the deviations that say so.
 */
class RuntimesTest {

    private static final List<PlanKind> CURRENT_PLANS = List.of(PlanKind.FLEX_CONSUMPTION, PlanKind.PREMIUM,
            PlanKind.DEDICATED);

    /** lambda runtime, name, version, changed, downgraded — on Flex, Premium and Dedicated. */
    private static final Object[][] CURRENT = {
            {"python2.7", "python", "3.11", true, false},
            {"python3.6", "python", "3.11", true, false},
            {"python3.7", "python", "3.11", true, false},
            {"python3.8", "python", "3.11", true, false},
            {"python3.9", "python", "3.11", true, false},
            {"python3.10", "python", "3.11", true, false},
            {"python3.11", "python", "3.11", false, false},
            {"python3.12", "python", "3.12", false, false},
            {"python3.13", "python", "3.13", false, false},
            {"nodejs4.3", "node", "22", true, false},
            {"nodejs6.10", "node", "22", true, false},
            {"nodejs8.10", "node", "22", true, false},
            {"nodejs10.x", "node", "22", true, false},
            {"nodejs12.x", "node", "22", true, false},
            {"nodejs14.x", "node", "22", true, false},
            {"nodejs16.x", "node", "22", true, false},
            {"nodejs18.x", "node", "22", true, false},
            {"nodejs20.x", "node", "22", true, false},
            {"nodejs22.x", "node", "22", false, false},
            {"nodejs24.x", "node", "24", false, false},
            {"java8", "java", "11", true, false},
            {"java8.al2", "java", "11", true, false},
            {"java11", "java", "11", false, false},
            {"java17", "java", "17", false, false},
            {"java21", "java", "21", false, false},
            {"java25", "java", "25", false, false},
            {"dotnetcore1.0", "dotnet-isolated", "10.0", true, false},
            {"dotnetcore2.1", "dotnet-isolated", "10.0", true, false},
            {"dotnetcore3.1", "dotnet-isolated", "10.0", true, false},
            {"dotnet6", "dotnet-isolated", "10.0", true, false},
            {"dotnet8", "dotnet-isolated", "10.0", true, false},
            {"dotnet10", "dotnet-isolated", "10.0", false, false},
    };

    /** Linux Consumption gets no new versions: Node 22, Python 3.12 and Java 21 are its last, .NET none. */
    private static final Object[][] CONSUMPTION = {
            {"python2.7", "python", "3.11", true, false},
            {"python3.11", "python", "3.11", false, false},
            {"python3.12", "python", "3.12", false, false},
            {"python3.13", "python", "3.12", true, true},
            {"python3.14", "python", "3.12", true, true},
            {"nodejs18.x", "node", "22", true, false},
            {"nodejs22.x", "node", "22", false, false},
            {"nodejs24.x", "node", "22", true, true},
            {"java8", "java", "11", true, false},
            {"java8.al2", "java", "11", true, false},
            {"java17", "java", "17", false, false},
            {"java21", "java", "21", false, false},
            {"java25", "java", "21", true, true},
    };

    static Stream<Arguments> languageRuntimes() {
        List<Arguments> cases = new ArrayList<>();
        for (PlanKind plan : CURRENT_PLANS) {
            for (Object[] row : CURRENT) {
                cases.add(Arguments.of(row[0], plan, row[1], row[2], row[3], row[4]));
            }
        }
        for (Object[] row : CONSUMPTION) {
            cases.add(Arguments.of(row[0], PlanKind.CONSUMPTION, row[1], row[2], row[3], row[4]));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1} -> {2} {3}")
    @MethodSource("languageRuntimes")
    void mapsALanguageRuntimeToTheNearestSupportedVersion(String lambda, PlanKind plan, String name, String version,
                                                          boolean changed, boolean downgraded) {
        Runtimes.Mapping mapping = Runtimes.map(lambda, plan);

        assertThat(mapping).isInstanceOf(Runtimes.Mapped.class);
        Runtimes.Mapped mapped = (Runtimes.Mapped) mapping;
        String fx = Runtimes.fxPrefix(name).orElseThrow() + "|" + version;
        assertThat(mapped.runtime()).isEqualTo(new AzureResource.Runtime(name, version, fx));
        assertThat(mapped.changed()).as("changed").isEqualTo(changed);
        assertThat(mapped.downgraded()).as("downgraded").isEqualTo(downgraded);
        assertThat(mapped.from()).isEqualTo(lambda);
    }

    @ParameterizedTest(name = "{0} on {1} -> {2} {3}")
    @MethodSource("languageRuntimes")
    void thePlannedAppRunsTheMappedRuntimeAndSaysWhenTheVersionChanged(String lambda, PlanKind plan, String name,
                                                                        String version, boolean changed,
                                                                        boolean downgraded) {
        Function f = function("Orders").runtime(lambda).build();
        AzureDeployment d = plan(f, plan);
        AzureResource.FunctionApp app = appOf(d, "Orders");

        assertThat(app.runtime()).map(AzureResource.Runtime::name).contains(name);
        assertThat(app.runtime()).map(AzureResource.Runtime::version).contains(version);
        List<Deviation> changes = deviations(d, DeviationCatalog.RUNTIME_VERSION_CHANGED);
        if (!changed) {
            assertThat(changes).isEmpty();
        } else {
            assertThat(changes).singleElement().satisfies(dev -> {
                assertThat(dev.severity()).isEqualTo(downgraded ? Severity.WARNING : Severity.INFO);
                assertThat(dev.message()).contains(lambda, name + " " + version);
                if (downgraded) {
                    assertThat(dev.message()).contains("older version", plan.title());
                }
                assertThat(dev.source()).isEqualTo(f.locationOf("Runtime"));
                assertThat(dev.target()).contains(target("orders", "runtime"));
            });
        }
        if (plan == PlanKind.FLEX_CONSUMPTION) {
            assertThat(setting(app, "FUNCTIONS_WORKER_RUNTIME")).as("Flex sets the runtime in functionAppConfig")
                    .isEmpty();
        } else {
            assertThat(setting(app, "FUNCTIONS_WORKER_RUNTIME")).contains(Value.text(name));
        }
        assertThat(d.count(Severity.BLOCKER)).isZero();
    }

    @Test
    void linuxFxVersionIsLanguageBarVersionInUpperCase() {
        assertThat(Runtimes.map("python3.12", PlanKind.PREMIUM)).extracting(m -> ((Runtimes.Mapped) m).runtime()
                .linuxFxVersion()).isEqualTo("PYTHON|3.12");
        assertThat(Runtimes.map("nodejs22.x", PlanKind.DEDICATED)).extracting(m -> ((Runtimes.Mapped) m).runtime()
                .linuxFxVersion()).isEqualTo("NODE|22");
        assertThat(Runtimes.map("java21", PlanKind.CONSUMPTION)).extracting(m -> ((Runtimes.Mapped) m).runtime()
                .linuxFxVersion()).isEqualTo("JAVA|21");
        assertThat(Runtimes.map("dotnet8", PlanKind.FLEX_CONSUMPTION)).extracting(m -> ((Runtimes.Mapped) m).runtime()
                .linuxFxVersion()).isEqualTo("DOTNET-ISOLATED|10.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dotnetcore3.1", "dotnet6", "dotnet8"})
    void dotnetHasNoVersionOnConsumption(String lambda) {
        assertThat(Runtimes.map(lambda, PlanKind.CONSUMPTION))
                .isEqualTo(new Runtimes.NotOnPlan("dotnet-isolated", lambda));

        Function f = function("Orders").runtime(lambda).build();
        AzureDeployment d = plan(f, PlanKind.CONSUMPTION);
        assertThat(appOf(d, "Orders").runtime()).isEmpty();
        Deviation dev = only(d, DeviationCatalog.VERSION_NOT_ON_PLAN);
        assertThat(dev.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(dev.message()).contains("Consumption", "dotnet-isolated", lambda);
        assertThat(dev.source()).isEqualTo(f.locationOf("Runtime"));
        assertThat(dev.target()).contains(target("orders", "runtime"));
    }

    static Stream<Arguments> customRuntimes() {
        List<Arguments> cases = new ArrayList<>();
        for (String lambda : List.of("ruby2.5", "ruby2.7", "ruby3.2", "ruby3.3", "ruby3.4", "go1.x", "provided",
                "provided.al2", "provided.al2023")) {
            for (PlanKind plan : PlanKind.values()) {
                cases.add(Arguments.of(lambda, plan));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("customRuntimes")
    void osOnlyRuntimesRubyAndGoRunAsCustomHandlers(String lambda, PlanKind plan) {
        assertThat(Runtimes.map(lambda, plan))
                .isEqualTo(new Runtimes.Custom(new AzureResource.Runtime("custom", "1.0", ""), lambda));

        Function f = function("Worker").runtime(lambda).build();
        AzureDeployment d = plan(f, plan);
        assertThat(appOf(d, "Worker").runtime()).contains(new AzureResource.Runtime("custom", "1.0", ""));
        Deviation dev = only(d, DeviationCatalog.CUSTOM_HANDLER);
        assertThat(dev.severity()).isEqualTo(Severity.WARNING);
        assertThat(dev.message()).contains(lambda, "custom handler");
        assertThat(dev.target()).contains(target("worker", "runtime"));
        assertThat(deviations(d, DeviationCatalog.RUNTIME_VERSION_CHANGED)).isEmpty();
        if (plan != PlanKind.FLEX_CONSUMPTION) {
            assertThat(setting(appOf(d, "Worker"), "FUNCTIONS_WORKER_RUNTIME")).contains(Value.text("custom"));
        }
    }

    /**
     * No runtime was chosen: none at all, except on Flex Consumption, which requires one, where two deployment
     * parameters supply it.
     */
    static void assertNoRuntimeChosen(AzureDeployment d, PlanKind plan) {
        Optional<AzureResource.Runtime> runtime = appOf(d, "Orders").runtime();
        if (plan != PlanKind.FLEX_CONSUMPTION) {
            assertThat(runtime).isEmpty();
            return;
        }
        assertThat(runtime).contains(AzureResource.Runtime.fromParameters("ordersRuntimeName", "ordersRuntimeVersion"));
        assertThat(d.parameters()).extracting(AzureParameter::name)
                .contains("ordersRuntimeName", "ordersRuntimeVersion");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cobol9", "python", "java", "Python3.12", "perl5.36"})
    void anUnknownRuntimeIsABlocker(String lambda) {
        assertThat(Runtimes.map(lambda, PlanKind.FLEX_CONSUMPTION)).isEqualTo(new Runtimes.Unknown(lambda));

        Function f = function("Orders").runtime(lambda).build();
        for (PlanKind plan : PlanKind.values()) {
            AzureDeployment d = plan(f, plan);
            assertNoRuntimeChosen(d, plan);
            Deviation dev = only(d, DeviationCatalog.UNKNOWN_RUNTIME);
            assertThat(dev.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(dev.message()).contains("'" + lambda + "'");
            assertThat(dev.source()).isEqualTo(f.locationOf("Runtime"));
            assertThat(dev.target()).contains(target("orders", "runtime"));
        }
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void aSymbolicRuntimeIsChosenAtDeploymentSoNoRuntimeIsPicked(PlanKind plan) {
        Function f = function("Orders").runtime(param("LambdaRuntime")).build();
        AzureDeployment d = plan(Fixtures.app(f).parameter("LambdaRuntime", "String", Fixtures.str("python3.12"))
                .build(), plan);

        assertNoRuntimeChosen(d, plan);
        Deviation dev = only(d, DeviationCatalog.UNKNOWN_RUNTIME);
        assertThat(dev.severity()).isEqualTo(Severity.BLOCKER);
        assertThat(dev.message()).contains("Orders", "!Ref LambdaRuntime", "no runtime was chosen");
        assertThat(dev.source()).isEqualTo(f.locationOf("Runtime"));
        assertThat(setting(appOf(d, "Orders"), "FUNCTIONS_WORKER_RUNTIME")).isEmpty();
    }

    @Test
    void aMissingRuntimeOnAZipFunctionIsABlocker() {
        Function f = function("Orders").noRuntime().build();
        Deviation dev = only(plan(f, PlanKind.FLEX_CONSUMPTION), DeviationCatalog.UNKNOWN_RUNTIME);
        assertThat(dev.message()).contains("not set");
        assertThat(dev.source()).isEqualTo(f.location());
    }

    @Test
    void versionsCompareNumericallyNotAsText() {
        assertThat(Runtimes.compare("3.11", "3.9")).isPositive();
        assertThat(Runtimes.compare("10.0", "8.0")).isPositive();
        assertThat(Runtimes.compare("22", "4.3")).isPositive();
        assertThat(Runtimes.compare("3.12", "3.12")).isZero();
        assertThat(Runtimes.compare("10", "10.0")).isZero();
        assertThat(Runtimes.compare("3.1", "3.10")).isNegative();
    }

    // ------------------------------------------------------------------ bugs

    /**
     * BUG: docs/azure-facts.md §1.5 ([langs], 2026-08) lists Python 3.14 as supported until April 2029, and the
     * table already follows [langs] for Node.js 24 and Java 25, but Runtimes.PYTHON stops at 3.13: a python3.14
     * function is downgraded to 3.13 with a warning on Flex, Premium and Dedicated.
     */
    @ParameterizedTest
    @EnumSource(value = PlanKind.class, names = {"FLEX_CONSUMPTION", "PREMIUM", "DEDICATED"})
    void python314IsOfferedWhereverLinuxConsumptionIsNot(PlanKind plan) {
        assertThat(Runtimes.map("python3.14", plan)).isEqualTo(new Runtimes.Mapped(
                new AzureResource.Runtime("python", "3.14", "PYTHON|3.14"), false, false, "python3.14"));
    }

    /**
     * BUG (minor): "nodejs" is the identifier of Lambda's first Node.js runtime (0.10). Every other retired
     * runtime (python2.7, nodejs4.3, dotnetcore1.0) maps to the oldest supported version, but the pattern needs a
     * version number, so "nodejs" is reported as "not a Lambda runtime" — a blocker.
     */
    @Test
    void theVersionlessNodejsRuntimeMapsToNodeLikeOtherRetiredVersions() {
        assertThat(Runtimes.map("nodejs", PlanKind.FLEX_CONSUMPTION)).isInstanceOfSatisfying(Runtimes.Mapped.class,
                m -> {
                    assertThat(m.runtime().name()).isEqualTo("node");
                    assertThat(m.changed()).isTrue();
                });
        assertThat(Optional.of(Runtimes.map("nodejs", PlanKind.CONSUMPTION))).get()
                .isInstanceOf(Runtimes.Mapped.class);
    }
}
