package io.lambda2azure.emitters.hostjson;

import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.FunctionApp;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.emitters.fixtures.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostJsonTest {

    private static FunctionApp flexApp() {
        return Fixtures.flex().resources(FunctionApp.class).get(0);
    }

    /** A copy of the app with another runtime, functionTimeout and host settings. */
    private static FunctionApp with(FunctionApp fa, Optional<AzureResource.Runtime> runtime, Optional<Integer> timeout,
                                    Map<String, Value> hostSettings) {
        return new FunctionApp(fa.symbol(), fa.name(), fa.condition(), fa.plan(), fa.planKind(), runtime, fa.flex(),
                fa.site(), fa.appSettings(), fa.identity(), fa.storage(), fa.insights(), fa.subnetId(), timeout,
                fa.triggers(), fa.awsFunctions(), fa.eventGaps(), hostSettings, fa.keyVaultReferences(), fa.source());
    }

    private static FunctionApp withSettings(Object... pathsAndValues) {
        Map<String, Value> settings = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            settings.put((String) pathsAndValues[i], (Value) pathsAndValues[i + 1]);
        }
        FunctionApp fa = flexApp();
        return with(fa, fa.runtime(), Optional.empty(), settings);
    }

    @Test
    void writesVersionTimeoutNestedHostSettingsInOrderAndTheExtensionBundle() {
        Map<String, Value> settings = new LinkedHashMap<>();
        settings.put("extensions.serviceBus.prefetchCount", Value.number(20));
        settings.put("logging.logLevel.default", Value.text("Information"));
        settings.put("extensions.serviceBus.autoCompleteMessages", Value.bool(false));
        settings.put("extensions.blobs.maxDegreeOfParallelism", Value.number(4));
        settings.put("extensions.serviceBus.sessionHandlerOptions.maxConcurrentSessions", Value.number(8));
        settings.put("extensions.eventHubs.initialOffsetOptions", new Value.Obj(Map.of("type", Value.text("fromStart"))));
        settings.put("logging.logLevel.Function", new Value.Null());
        settings.put("extensions.http.customHeaders", new Value.Array(List.of(Value.text("a"), Value.number(1))));
        settings.put("concurrency.maximumFunctionConcurrency", new Value.Number(new BigDecimal("1.50")));
        FunctionApp fa = flexApp();

        assertThat(HostJson.render(with(fa, fa.runtime(), Optional.of(600), settings))).isEqualTo("""
                {
                  "version": "2.0",
                  "functionTimeout": "00:10:00",
                  "extensions": {
                    "serviceBus": {
                      "prefetchCount": 20,
                      "autoCompleteMessages": false,
                      "sessionHandlerOptions": {
                        "maxConcurrentSessions": 8
                      }
                    },
                    "blobs": {
                      "maxDegreeOfParallelism": 4
                    },
                    "eventHubs": {
                      "initialOffsetOptions": {
                        "type": "fromStart"
                      }
                    },
                    "http": {
                      "customHeaders": [
                        "a",
                        1
                      ]
                    }
                  },
                  "logging": {
                    "logLevel": {
                      "default": "Information",
                      "Function": null
                    }
                  },
                  "concurrency": {
                    "maximumFunctionConcurrency": 1.5
                  },
                  "extensionBundle": {
                    "id": "Microsoft.Azure.Functions.ExtensionBundle",
                    "version": "[4.*, 5.0.0)"
                  }
                }
                """);
    }

    @Test
    void anAppWithoutTimeoutOrSettingsGetsOnlyTheVersionAndTheBundle() {
        FunctionApp fa = flexApp();
        assertThat(HostJson.render(with(fa, fa.runtime(), Optional.empty(), Map.of()))).isEqualTo("""
                {
                  "version": "2.0",
                  "extensionBundle": {
                    "id": "Microsoft.Azure.Functions.ExtensionBundle",
                    "version": "[4.*, 5.0.0)"
                  }
                }
                """);
    }

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({"1, 00:00:01", "230, 00:03:50", "900, 00:15:00", "3600, 01:00:00", "86399, 23:59:59"})
    void functionTimeoutIsATimespan(int seconds, String expected) {
        FunctionApp fa = flexApp();
        assertThat(HostJson.render(with(fa, fa.runtime(), Optional.of(seconds), Map.of())))
                .contains("\"functionTimeout\": \"" + expected + "\",\n");
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "86400"})
    void aTimeoutHostJsonCannotHoldIsRefused(int seconds) {
        FunctionApp fa = flexApp();
        assertThatThrownBy(() -> HostJson.render(with(fa, fa.runtime(), Optional.of(seconds), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("function app ordersFunction has a functionTimeout of " + seconds
                        + " s; host.json takes 1 s to 23:59:59");
    }

    @Test
    void everyRuntimeButDotnetIsolatedGetsTheExtensionBundle() {
        for (FunctionApp fa : Fixtures.runtimes().resources(FunctionApp.class)) {
            boolean dotnet = fa.runtime().map(r -> r.name().equals("dotnet-isolated")).orElse(false);
            assertThat(HostJson.render(fa).contains("\"extensionBundle\"")).as(fa.symbol()).isEqualTo(!dotnet);
        }
        assertThat(Fixtures.runtimes().resources(FunctionApp.class)).anySatisfy(fa ->
                assertThat(fa.runtime()).map(AzureResource.Runtime::name).contains("dotnet-isolated"));
        FunctionApp fa = flexApp();
        assertThat(HostJson.render(with(fa, Optional.empty(), Optional.empty(), Map.of())))
                .as("a runtime supplied at deployment").contains("\"extensionBundle\"");
    }

    @Test
    void aStringOfLiteralPartsIsALiteral() {
        assertThat(HostJson.render(withSettings("extensions.queues.messageEncoding",
                new Value.Interpolation(List.of(Value.text("ba"), Value.text("se64"))))))
                .contains("\"messageEncoding\": \"base64\"");
    }

    @Test
    void nonLiteralValuesAreRefusedWithTheSettingAndWhyInTheMessage() {
        assertThatThrownBy(() -> HostJson.render(withSettings("extensions.serviceBus.prefetchCount",
                new Value.Param("prefetch"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host setting 'extensions.serviceBus.prefetchCount' of function app ordersFunction is"
                        + " deployment parameter prefetch; host.json is part of the code package, not of the"
                        + " deployment, so only literal values (text, numbers, booleans, null, arrays and objects of"
                        + " them) can go there");
        assertThatThrownBy(() -> HostJson.render(withSettings("a.b", Value.ref("storage", Value.Attribute.NAME))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is the name of resource storage;");
        assertThatThrownBy(() -> HostJson.render(withSettings("a.b", new Value.Interpolation(List.of(Value.text("x"),
                new Value.Param("p")))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a string built from non-literal parts;");
        assertThatThrownBy(() -> HostJson.render(withSettings("a.b", new Value.Array(List.of(Value.number(1),
                new Value.Variable("isProd")))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a.b'").hasMessageContaining("is named value isProd;");
        assertThatThrownBy(() -> HostJson.render(withSettings("a.b", new Value.Obj(Map.of("k",
                new Value.Context(Value.ContextValue.LOCATION)))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is the deployment's location;");
        assertThatThrownBy(() -> HostJson.render(withSettings("a.b", new Value.Call(Value.Fn.TO_LOWER,
                List.of(Value.text("X")))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a call of to_lower;");
        assertThatThrownBy(() -> HostJson.render(withSettings("a.b", new Value.Conditional(new Value.Variable("c"),
                Value.number(1), Value.number(2))))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a conditional value;");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                          | is not a dotted path of names",
            "extensions..serviceBus      | is not a dotted path of names",
            "extensions.                 | is not a dotted path of names",
            "version                     | sets version, which host.json takes from the app itself",
            "functionTimeout             | sets functionTimeout, which host.json takes from the app itself",
            "extensionBundle.version     | sets extensionBundle, which host.json takes from the app itself"})
    void badPathsAreRefused(String path, String why) {
        assertThatThrownBy(() -> HostJson.render(withSettings(path, Value.number(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host setting '" + path + "' of function app ordersFunction " + why);
    }

    @Test
    void pathsThatPutAValueWhereAnotherNeedsAnObjectClash() {
        assertThatThrownBy(() -> HostJson.render(withSettings("extensions.serviceBus", Value.number(1),
                "extensions.serviceBus.prefetchCount", Value.number(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("host setting 'extensions.serviceBus.prefetchCount' of function app ordersFunction clashes"
                        + " with another host setting at the same place");
        assertThatThrownBy(() -> HostJson.render(withSettings("extensions.serviceBus.prefetchCount", Value.number(2),
                "extensions.serviceBus", Value.number(1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'extensions.serviceBus' of function app ordersFunction clashes");
    }
}
