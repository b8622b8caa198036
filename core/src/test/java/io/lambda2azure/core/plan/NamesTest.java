package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static io.lambda2azure.core.plan.Fixtures.app;
import static io.lambda2azure.core.plan.Fixtures.appOf;
import static io.lambda2azure.core.plan.Fixtures.function;
import static io.lambda2azure.core.plan.Fixtures.maxLength;
import static io.lambda2azure.core.plan.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

/** Symbols, parameter names and resource names built from input ids. */
class NamesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "OrdersFunction, ordersFunction",
            "APIHandler, apiHandler",
            "API, api",
            "ABTest, abTest",
            "Orders, orders",
            "orders, orders",
            "S3Handler, s3Handler",
            "HTTPApi2, httpApi2",
            "A, a",
    })
    void lowerCamel(String input, String expected) {
        assertThat(Names.lowerCamel(input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "OrdersFunction, orders-function",
            "APIHandler, api-handler",
            "my_func, my-func",
            "S3Handler, s3-handler",
            "orders, orders",
            "Orders--Function__V2, orders-function-v2",
            "'', app",
            "___, app",
    })
    void kebab(String input, String expected) {
        assertThat(Names.kebab(input)).isEqualTo(expected);
    }

    @Test
    void symbolsAreValidIdentifiersForBicepAndTerraform() {
        Names names = new Names();
        assertThat(names.symbol("OrdersFunction")).isEqualTo("ordersFunction");
        assertThat(names.symbol("123Start")).isEqualTo("r123Start");
        assertThat(names.symbol("")).isEqualTo("r");
        assertThat(names.symbol("my-func.v2")).matches("[a-zA-Z_][a-zA-Z0-9_]*");
    }

    @Test
    void symbolsAreMadeUniqueWithANumberSuffix() {
        Names names = new Names();
        assertThat(names.symbol("Orders")).isEqualTo("orders");
        assertThat(names.symbol("Orders")).isEqualTo("orders2");
        assertThat(names.symbol("orders")).isEqualTo("orders3");
        assertThat(names.symbol("Orders")).isEqualTo("orders4");
    }

    @Test
    void reservedNamesAreNotHandedOutAsSymbols() {
        Names names = new Names();
        names.reserve("location");
        assertThat(names.symbol("Location")).isEqualTo("location2");
    }

    @Test
    void parametersKeepTheInputNameWherePossible() {
        Names names = new Names();
        assertThat(names.parameter("Stage")).isEqualTo("Stage");
        assertThat(names.parameter("table-name")).isEqualTo("tablename");
        assertThat(names.parameter("my_param")).isEqualTo("my_param");
        assertThat(names.parameter("1stParam")).isEqualTo("p1stParam");
        assertThat(names.parameter("")).isEqualTo("p");
    }

    @ParameterizedTest
    @ValueSource(strings = {"param", "var", "resource", "output", "module", "if", "for", "in", "true", "false", "null",
            "existing", "targetScope", "import", "metadata", "type", "func", "source", "version", "providers", "count",
            "for_each", "lifecycle", "depends_on", "locals", "location", "resourceSuffix", "appName"})
    void reservedWordsGetAValueSuffix(String word) {
        assertThat(new Names().parameter(word)).isEqualTo(word + "Value");
    }

    @Test
    void parameterNamesAreUniqueAndShareTheSymbolSpace() {
        Names names = new Names();
        assertThat(names.parameter("Stage")).isEqualTo("Stage");
        assertThat(names.parameter("Stage")).isEqualTo("Stage2");
        assertThat(names.symbol("stageApp")).isEqualTo("stageApp");
        assertThat(names.parameter("stageApp")).isEqualTo("stageApp2");
    }

    @Test
    void planningNamesEverySymbolOnce() {
        AzureDeployment d = plan(app(function("Orders"), function("OrdersIdentity"), function("orders_package"),
                function("HostStorage")).build(), PlanKind.FLEX_CONSUMPTION);
        List<String> symbols = d.resources().stream().map(AzureResource::symbol).toList();
        assertThat(symbols).doesNotHaveDuplicates();
        assertThat(d.parameters().stream().map(p -> p.name()).toList()).doesNotHaveDuplicates();
        assertThat(d.outputs().stream().map(o -> o.name()).toList()).doesNotHaveDuplicates();
        // the function called HostStorage got its symbol first; the shared account gets another
        assertThat(appOf(d, "HostStorage").symbol()).isEqualTo("hostStorage");
        assertThat(appOf(d, "HostStorage").storage()).isNotEqualTo("hostStorage");
    }

    @Test
    void inputParametersThatCollideWithPlannerParametersAreRenamed() {
        AzureDeployment d = plan(app(function("Orders")).parameter("location", "String", Fixtures.str("eu"))
                .parameter("appName", "String", Fixtures.str("x")).build(), PlanKind.PREMIUM);
        assertThat(d.parameters().stream().map(p -> p.name()))
                .containsExactly("location", "appName", "resourceSuffix", "locationValue", "appNameValue");
    }

    @Test
    void appNameComesFromTheTemplateFolderOrFileName() {
        assertThat(AzurePlanner.appName("services/orders/template.yaml")).isEqualTo("orders");
        assertThat(AzurePlanner.appName("infra/main.tf")).isEqualTo("infra");
        assertThat(AzurePlanner.appName("OrderService.yaml")).isEqualTo("order-service");
        assertThat(AzurePlanner.appName("examples/queue-worker/terraform")).isEqualTo("queue-worker");
        assertThat(AzurePlanner.appName("orders/main.tf.json")).isEqualTo("orders");
        assertThat(AzurePlanner.appName("payments.tf")).isEqualTo("payments");
        assertThat(AzurePlanner.appName("template.yaml")).isEqualTo("template");
        assertThat(AzurePlanner.appName("")).isEqualTo("app");
        assertThat(AzurePlanner.appName("AVeryLongServiceNameThatGoesOnAndOn.json")).hasSizeLessThanOrEqualTo(20)
                .doesNotEndWith("-");
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void theStorageAccountNameIsAtMost24LowerCaseCharacters(PlanKind plan) {
        AzureResource.StorageAccount storage = plan(function("Orders"), plan)
                .resources(AzureResource.StorageAccount.class).get(0);
        assertThat(maxLength(storage.name())).isLessThanOrEqualTo(24);
        assertThat(storage.name()).isEqualTo(new Value.Interpolation(List.of(Value.text("st"),
                new Value.Param("resourceSuffix"))));
    }

    @Test
    void resourceNamesUseTheCafAbbreviationsAndTheKebabId() {
        AzureDeployment d = plan(function("OrdersFunction"), PlanKind.FLEX_CONSUMPTION);
        AzureResource.FunctionApp app = appOf(d, "OrdersFunction");
        assertThat(app.name()).isEqualTo(new Value.Interpolation(List.of(Value.text("func-"),
                new Value.Param("appName"), Value.text("-orders-function-"), new Value.Param("resourceSuffix"))));
        AzureResource identity = d.resource(app.identity()).orElseThrow();
        assertThat(((Value.Interpolation) identity.name()).parts().get(0)).isEqualTo(Value.text("id-"));
        AzureResource plan = d.resource(app.plan()).orElseThrow();
        assertThat(((Value.Interpolation) plan.name()).parts().get(0)).isEqualTo(Value.text("plan-"));
    }

    // ------------------------------------------------------------------ bugs

    /**
     * BUG (minor): lowerCamel drops separators without capitalising the next word, so Terraform-style ids
     * (aws_lambda_function.my_func) become "myfunc" and "process_orders_fn" becomes "processordersfn".
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "my_func, myFunc",
            "process_orders_fn, processOrdersFn",
            "orders-api, ordersApi",
    })
    void lowerCamelCapitalisesWordsAfterSeparators(String input, String expected) {
        assertThat(Names.lowerCamel(input)).isEqualTo(expected);
    }

    /**
     * BUG: Microsoft.Web/sites names are 2–60 characters and serverfarms names 1–60 (Learn "Naming rules and
     * restrictions for Azure resources", Microsoft.Web). The planner writes func-&lt;appName&gt;-&lt;kebab id&gt;-&lt;13-char
     * suffix&gt; without shortening: with the default appName of up to 20 characters, any logical id whose kebab form
     * is longer than 20 characters (CreateOrderFunction → create-order-function, 21) makes a name that Azure rejects.
     */
    @ParameterizedTest
    @ValueSource(strings = {"CreateOrderFunction", "ProcessIncomingCustomerOrdersFunction"})
    void functionAppAndFlexPlanNamesFitAzuresSixtyCharacterLimit(String logicalId) {
        AzureDeployment d = plan(app(function(logicalId)).build(), PlanKind.FLEX_CONSUMPTION);
        AzureResource.FunctionApp app = appOf(d, logicalId);
        assertThat(maxLength(app.name())).as("function app name").isLessThanOrEqualTo(60);
        assertThat(maxLength(d.resource(app.plan()).orElseThrow().name())).as("plan name").isLessThanOrEqualTo(60);
    }
}
