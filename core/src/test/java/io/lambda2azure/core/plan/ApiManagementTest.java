package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.ApiManagementApi;
import io.lambda2azure.core.azure.AzureResource.ApiManagementBackend;
import io.lambda2azure.core.azure.AzureResource.ApiManagementNamedValue;
import io.lambda2azure.core.azure.AzureResource.ApiManagementOperation;
import io.lambda2azure.core.azure.AzureResource.ApiManagementPolicy;
import io.lambda2azure.core.azure.AzureResource.ApiManagementProduct;
import io.lambda2azure.core.azure.AzureResource.ApiManagementProductApi;
import io.lambda2azure.core.azure.AzureResource.ApiManagementService;
import io.lambda2azure.core.azure.AzureResource.ApiManagementSubscription;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Trigger;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.HttpAuth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static io.lambda2azure.core.plan.Fixtures.app;
import static io.lambda2azure.core.plan.Fixtures.appOf;
import static io.lambda2azure.core.plan.Fixtures.bool;
import static io.lambda2azure.core.plan.Fixtures.deviations;
import static io.lambda2azure.core.plan.Fixtures.function;
import static io.lambda2azure.core.plan.Fixtures.list;
import static io.lambda2azure.core.plan.Fixtures.map;
import static io.lambda2azure.core.plan.Fixtures.num;
import static io.lambda2azure.core.plan.Fixtures.only;
import static io.lambda2azure.core.plan.Fixtures.param;
import static io.lambda2azure.core.plan.Fixtures.plan;
import static io.lambda2azure.core.plan.Fixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

/** The API Management instance, APIs, operations, policies and products the planner puts in front of routes. */
class ApiManagementTest {

    private static Optional<HttpAuth> authorizer(String name) {
        return Optional.of(new HttpAuth(Optional.empty(), Optional.of(name), Optional.empty(), Optional.empty()));
    }

    private static Optional<HttpAuth> apiKey() {
        return Optional.of(new HttpAuth(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(bool(true))));
    }

    /** A policy document as text, deployment values written ${like.this}. */
    static String text(Value value) {
        if (value instanceof Value.Text t) {
            return t.value();
        }
        if (value instanceof Value.Param p) {
            return "${" + p.name() + "}";
        }
        if (value instanceof Value.ResourceProperty r) {
            return "${" + r.resource() + "." + r.attribute() + "}";
        }
        if (value instanceof Value.Interpolation i) {
            return i.parts().stream().map(ApiManagementTest::text).collect(Collectors.joining());
        }
        return value.toString();
    }

    private static String policyOf(AzureDeployment d, String scope) {
        return text(d.resources(ApiManagementPolicy.class).stream().filter(p -> p.scope().equals(scope))
                .findFirst().orElseThrow().xml());
    }

    private static ApiManagementOperation operation(AzureDeployment d, String method, String urlTemplate) {
        return d.resources(ApiManagementOperation.class).stream()
                .filter(o -> o.method().equals(method) && o.urlTemplate().equals(urlTemplate)).findFirst()
                .orElseThrow(() -> new AssertionError("no operation " + method + " " + urlTemplate));
    }

    private static Trigger trigger(AzureDeployment d, String function) {
        return appOf(d, function).triggers().stream().filter(t -> t.awsFunction().equals(function)).findFirst()
                .orElseThrow();
    }

    /** An HTTP API with a JWT authorizer (SAM's lowercase keys) as the default, and one open route. */
    private static ServerlessApp jwtApi() {
        Expr auth = map("Authorizers", map("OrdersJwt", map(
                        "IdentitySource", str("$request.header.X-Token"),
                        "AuthorizationScopes", list(str("orders/read")),
                        "JwtConfiguration", map("issuer", str("https://login.example.com/tenant/"),
                                "audience", list(str("orders-api"), str("orders-admin"))))),
                "DefaultAuthorizer", str("OrdersJwt"));
        return app(
                function("GetOrder").route("OrdersApi", HttpApiKind.HTTP_API, "/orders/{orderId}", "GET",
                        authorizer("OrdersJwt")),
                function("Health").route("OrdersApi", HttpApiKind.HTTP_API, "/health", "GET", authorizer("NONE")))
                .api("OrdersApi", HttpApiKind.HTTP_API, Optional.of(auth), Optional.empty(), Optional.empty())
                .build();
    }

    @Test
    void aJwtAuthorizerPutsItsApiBehindApiManagementWithValidateJwt() {
        AzureDeployment d = plan(jwtApi(), PlanKind.FLEX_CONSUMPTION);

        ApiManagementService service = d.resources(ApiManagementService.class).get(0);
        assertThat(service.skuName()).isEqualTo("Consumption");
        assertThat(service.capacity()).isZero();
        AzureParameter email = d.parameters().stream().filter(p -> p.name().equals("apiManagementPublisherEmail"))
                .findFirst().orElseThrow();
        assertThat(email.defaultValue()).isEmpty();
        assertThat(d.parameters()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("apiManagementPublisherName");
            assertThat(p.defaultValue()).contains(new Value.Param("appName"));
        });

        ApiManagementApi api = d.resources(ApiManagementApi.class).get(0);
        assertThat(api.symbol()).isEqualTo("ordersApi");
        assertThat(api.path()).isEqualTo("orders-api");
        assertThat(api.protocols()).containsExactly("https");
        assertThat(api.subscriptionRequired()).isFalse();

        // Both routes are operations; the function apps require the function key API Management sends.
        ApiManagementOperation get = operation(d, "GET", "/orders/{orderId}");
        assertThat(get.templateParameters()).containsExactly("orderId");
        assertThat(get.displayName()).isEqualTo("GET /orders/{orderId}");
        operation(d, "GET", "/health");
        assertThat(trigger(d, "GetOrder").settings()).containsEntry("authLevel", "function");
        assertThat(trigger(d, "Health").settings()).containsEntry("authLevel", "function");
        assertThat(deviations(d, DeviationCatalog.HTTP_AUTH_CHANGED)).isEmpty();

        String policy = policyOf(d, get.symbol());
        assertThat(policy).startsWith("<policies><inbound><base /><validate-jwt header-name=\"X-Token\""
                + " failed-validation-httpcode=\"401\" failed-validation-error-message=\"Unauthorized\">"
                + "<openid-config url=\"https://login.example.com/tenant/.well-known/openid-configuration\" />"
                + "<audiences><audience>orders-api</audience><audience>orders-admin</audience></audiences>"
                + "<issuers><issuer>https://login.example.com/tenant/</issuer></issuers>"
                + "<required-claims><claim name=\"scope\" match=\"any\" separator=\" \"><value>orders/read</value>"
                + "</claim></required-claims></validate-jwt>");
        assertThat(policy).contains("<set-backend-service backend-id=\"${getOrderBackend.NAME}\" />")
                .endsWith("</inbound><backend><base /></backend><outbound><base /></outbound><on-error><base />"
                        + "</on-error></policies>");
        assertThat(policyOf(d, operation(d, "GET", "/health").symbol())).doesNotContain("validate-jwt")
                .contains("backend-id=\"${healthBackend.NAME}\"");

        // One backend and one secret named value with the function key per app behind the API.
        ApiManagementBackend backend = d.resources(ApiManagementBackend.class).get(0);
        assertThat(backend.app()).isEqualTo("getOrder");
        assertThat(text(backend.url())).isEqualTo("https://${getOrder.DEFAULT_HOST_NAME}/api");
        assertThat(backend.keyHeader()).isEqualTo("x-functions-key");
        ApiManagementNamedValue key = (ApiManagementNamedValue) d.resource(backend.key()).orElseThrow();
        assertThat(key.app()).isEqualTo("getOrder");
        assertThat(key.secret()).isTrue();
        assertThat(d.resources(ApiManagementBackend.class)).hasSize(2);

        assertThat(only(d, DeviationCatalog.JWT_VALIDATION).message()).contains("JWT authorizer OrdersJwt",
                "https://login.example.com/tenant/", "orders-api", "header X-Token");
        assertThat(deviations(d, DeviationCatalog.HTTP_ROUTE_CHANGED)).anySatisfy(dev -> {
            assertThat(dev.message()).contains("API Management", "/orders-api/");
            assertThat(dev.target()).contains(Fixtures.target("ordersApi"));
        });
        assertThat(d.resources(ApiManagementProduct.class)).isEmpty();
    }

    @Test
    void aCognitoAuthorizerTrustsTheUserPoolsIssuerOrAParameterWhenThePoolIsSymbolic() {
        Expr literal = map("Authorizers", map("Pool", map("UserPoolArn",
                str("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbC123"))));
        AzureDeployment d = plan(app(function("Orders").route("OrdersApi", HttpApiKind.REST_API, "/orders", "POST",
                authorizer("Pool"))).api("OrdersApi", HttpApiKind.REST_API, Optional.of(literal), Optional.empty(),
                Optional.empty()).build(), PlanKind.FLEX_CONSUMPTION);
        String policy = policyOf(d, operation(d, "POST", "/orders").symbol());
        assertThat(policy).contains("<validate-jwt header-name=\"Authorization\"",
                "<openid-config url=\"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/"
                        + "openid-configuration\" />",
                "<issuers><issuer>https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123</issuer></issuers>")
                .doesNotContain("<audiences>");

        Expr symbolic = map("Authorizers", map("Pool", map("UserPoolArn", new Expr.AttributeRef("UserPool", "Arn"),
                "Identity", map("Header", str("Auth")))));
        AzureDeployment s = plan(app(function("Orders").route("OrdersApi", HttpApiKind.REST_API, "/orders", "POST",
                authorizer("Pool"))).api("OrdersApi", HttpApiKind.REST_API, Optional.of(symbolic), Optional.empty(),
                Optional.empty()).build(), PlanKind.FLEX_CONSUMPTION);
        AzureParameter issuer = s.parameters().stream().filter(p -> p.name().equals("poolIssuer")).findFirst()
                .orElseThrow();
        assertThat(issuer.defaultValue()).isEmpty();
        assertThat(issuer.description().orElseThrow()).contains("Pool authorizer of OrdersApi", "UserPool.Arn",
                "https://cognito-idp.<region>.amazonaws.com/<user pool id>", "Microsoft Entra ID");
        assertThat(policyOf(s, operation(s, "POST", "/orders").symbol())).contains(
                "<validate-jwt header-name=\"Auth\"",
                "<openid-config url=\"${poolIssuer}/.well-known/openid-configuration\" />",
                "<issuer>${poolIssuer}</issuer>");
        assertThat(only(s, DeviationCatalog.JWT_VALIDATION).message()).contains("parameter poolIssuer");

        // A Cognito authorizer whose definition the template does not hold (CloudFormation's AuthorizerId).
        AzureDeployment c = plan(app(function("Orders").route("OrdersApi", HttpApiKind.REST_API, "/orders", "POST",
                Optional.of(new HttpAuth(Optional.of(str("COGNITO_USER_POOLS")), Optional.of("OrdersAuthorizer"),
                        Optional.empty(), Optional.empty())))).build(), PlanKind.FLEX_CONSUMPTION);
        assertThat(c.parameters()).anySatisfy(p -> {
            assertThat(p.name()).isEqualTo("ordersAuthorizerIssuer");
            assertThat(p.description().orElseThrow()).contains("an issuer the template does not give");
        });
        assertThat(policyOf(c, operation(c, "POST", "/orders").symbol())).contains("${ordersAuthorizerIssuer}");
    }

    @Test
    void apiKeysAndAUsagePlanBecomeAProductWithLimitsAndASubscription() {
        Expr auth = map("ApiKeyRequired", bool(true), "UsagePlan", map("CreateUsagePlan", str("PER_API"),
                "UsagePlanName", str("Partners"),
                "Throttle", map("RateLimit", num("2.5"), "BurstLimit", num(10)),
                "Quota", map("Limit", num(5000), "Period", str("MONTH"), "Offset", num(2))));
        AzureDeployment d = plan(app(
                function("Orders").route("OrdersApi", HttpApiKind.REST_API, "/orders", "GET", apiKey()),
                function("Ping").route("OrdersApi", HttpApiKind.REST_API, "/ping", "GET", Optional.empty()))
                .api("OrdersApi", HttpApiKind.REST_API, Optional.of(auth), Optional.empty(), Optional.empty())
                .build(), PlanKind.FLEX_CONSUMPTION);

        ApiManagementApi api = d.resources(ApiManagementApi.class).get(0);
        assertThat(api.subscriptionRequired()).isTrue();
        assertThat(api.subscriptionKeyHeader()).isEqualTo("x-api-key");
        ApiManagementProduct product = d.resources(ApiManagementProduct.class).get(0);
        assertThat(product.name()).isEqualTo(Value.text("orders-api-usage-plan"));
        assertThat(product.displayName()).isEqualTo(Value.text("Partners"));
        assertThat(product.subscriptionRequired()).isTrue();
        assertThat(product.published()).isTrue();
        // 2.5 requests per second is 5 calls in 2 seconds; a month of quota is 30 days.
        assertThat(policyOf(d, product.symbol())).isEqualTo("<policies><inbound><base /><rate-limit calls=\"5\""
                + " renewal-period=\"2\" /><quota calls=\"5000\" renewal-period=\"2592000\" /></inbound><backend>"
                + "<base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>");
        ApiManagementProductApi link = d.resources(ApiManagementProductApi.class).get(0);
        assertThat(link.product()).isEqualTo(product.symbol());
        assertThat(link.api()).isEqualTo(api.symbol());
        assertThat(link.name()).isEqualTo(Value.ref(api.symbol(), Value.Attribute.NAME));
        ApiManagementSubscription subscription = d.resources(ApiManagementSubscription.class).get(0);
        assertThat(subscription.product()).isEqualTo(product.symbol());
        assertThat(subscription.state()).isEqualTo("active");
        assertThat(subscription.allowTracing()).isFalse();

        assertThat(only(d, DeviationCatalog.API_KEYS).message()).contains("orders-api-usage-plan", "x-api-key",
                "[GET /ping] did not require a key");
        assertThat(only(d, DeviationCatalog.USAGE_PLAN_LIMITS).message()).contains("5 calls per 2 seconds",
                "burst limit 10", "30 days", "offset 2");
        assertThat(trigger(d, "Ping").settings()).containsEntry("authLevel", "function");
    }

    @Test
    void aSharedUsagePlanIsOneProductForEveryApiThatSharesIt() {
        Expr shared = map("UsagePlan", map("CreateUsagePlan", str("SHARED")));
        AzureDeployment d = plan(app(
                function("A").route("FirstApi", HttpApiKind.REST_API, "/a", "GET", Optional.empty()),
                function("B").route("SecondApi", HttpApiKind.REST_API, "/b", "GET", Optional.empty()))
                .api("FirstApi", HttpApiKind.REST_API, Optional.of(shared), Optional.empty(), Optional.empty())
                .api("SecondApi", HttpApiKind.REST_API, Optional.of(shared), Optional.empty(), Optional.empty())
                .build(), PlanKind.FLEX_CONSUMPTION);
        assertThat(d.resources(ApiManagementService.class)).hasSize(1);
        assertThat(d.resources(ApiManagementApi.class)).extracting(ApiManagementApi::subscriptionRequired)
                .containsExactly(false, false);
        assertThat(d.resources(ApiManagementProduct.class)).extracting(AzureResource::name)
                .containsExactly(Value.text("shared-usage-plan"));
        assertThat(d.resources(ApiManagementProductApi.class)).extracting(ApiManagementProductApi::api)
                .containsExactly("firstApi", "secondApi");
        assertThat(d.resources(ApiManagementSubscription.class)).hasSize(1);
        // No limits: no product policy.
        assertThat(d.resources(ApiManagementPolicy.class)).noneMatch(p -> p.scope().equals("sharedUsagePlan"));
    }

    @Test
    void lambdaAndIamRoutesAreNotPutBehindApiManagement() {
        Expr auth = map("Authorizers", map(
                "Token", map("FunctionArn", new Expr.AttributeRef("AuthFn", "Arn")),
                "Jwt", map("JwtConfiguration", map("Issuer", str("https://issuer.example.com"), "Audience",
                        list(str("x"))))));
        AzureDeployment d = plan(app(
                function("Custom").route("Api", HttpApiKind.HTTP_API, "/custom", "GET", authorizer("Token")),
                function("Signed").route("Api", HttpApiKind.HTTP_API, "/signed", "GET", authorizer("AWS_IAM")),
                function("Token").route("Api", HttpApiKind.HTTP_API, "/token", "GET", authorizer("Jwt")))
                .api("Api", HttpApiKind.HTTP_API, Optional.of(auth), Optional.empty(), Optional.empty()).build(),
                PlanKind.FLEX_CONSUMPTION);
        assertThat(d.resources(ApiManagementOperation.class)).extracting(ApiManagementOperation::urlTemplate)
                .containsExactly("/token");
        assertThat(trigger(d, "Custom").settings()).containsEntry("authLevel", "function");
        assertThat(trigger(d, "Signed").settings()).containsEntry("authLevel", "function");
        assertThat(only(d, DeviationCatalog.LAMBDA_AUTHORIZER).message()).contains("GET /custom",
                "Lambda authorizer Token", "AuthFn.Arn", "function key");
        assertThat(only(d, DeviationCatalog.HTTP_AUTH_CHANGED).message()).contains("GET /signed", "AWS_IAM");
        assertThat(d.resources(ApiManagementBackend.class)).extracting(ApiManagementBackend::app)
                .containsExactly("token");
    }

    @Test
    void anApiWithOnlyOpenRoutesStaysOnTheFunctionApps() {
        AzureDeployment d = plan(app(function("Orders").route("Api", HttpApiKind.HTTP_API, "/orders", "GET",
                Optional.empty())).api("Api", HttpApiKind.HTTP_API, Optional.of(map("Authorizers", map())),
                Optional.empty(), Optional.empty()).build(), PlanKind.FLEX_CONSUMPTION);
        assertThat(d.resources()).noneMatch(r -> r.getClass().getSimpleName().startsWith("ApiManagement"));
        assertThat(trigger(d, "Orders").settings()).containsEntry("authLevel", "anonymous");
        assertThat(d.parameters()).noneMatch(p -> p.name().startsWith("apiManagement"));
    }

    @Test
    void anyMethodIsAnOperationPerMethodTheApiDoesNotRouteElsewhereAndGreedyPathsAreWildcards() {
        AzureDeployment d = plan(app(
                function("Proxy").route("Api", HttpApiKind.REST_API, "/files/{key+}", "ANY", apiKey()),
                function("Upload").route("Api", HttpApiKind.REST_API, "/files/{key+}", "PUT", apiKey()),
                function("Default").route("Api", HttpApiKind.REST_API, "$default", "ANY", apiKey()))
                .build(), PlanKind.FLEX_CONSUMPTION);
        assertThat(d.resources(ApiManagementOperation.class)).extracting(o -> o.method() + " " + o.urlTemplate())
                .containsExactly("GET /files/*", "POST /files/*", "PATCH /files/*", "DELETE /files/*",
                        "HEAD /files/*", "OPTIONS /files/*", "PUT /files/*", "GET /*", "POST /*", "PUT /*",
                        "PATCH /*", "DELETE /*", "HEAD /*", "OPTIONS /*");
        assertThat(d.resources(ApiManagementOperation.class)).extracting(AzureResource::name).doesNotHaveDuplicates();
        assertThat(d.resources(ApiManagementOperation.class)).allSatisfy(o ->
                assertThat(o.templateParameters()).isEmpty());
        // Without a declared API the routes are still grouped under its id, and a product holds the keys.
        assertThat(d.resources(ApiManagementProduct.class)).extracting(AzureResource::name)
                .containsExactly(Value.text("api-keys"));
        assertThat(d.resources(ApiManagementPolicy.class)).noneMatch(p -> p.scope().equals("apiKeys"));
    }

    @Test
    void corsOfAFrontedApiIsAnApiPolicyAndConditionsCombine() {
        Expr cors = map("AllowOrigin", str("'https://shop.example.com'"), "AllowMethods", str("'GET,POST'"),
                "AllowHeaders", str("'Content-Type'"), "AllowCredentials", bool(true));
        ServerlessApp input = app(function("Orders").condition("IsProd").route("OrdersApi", HttpApiKind.REST_API,
                "/orders", "GET", apiKey()))
                .parameter("Stage", "String", str("dev"))
                .condition("IsProd", new Expr.Equals(param("Stage"), str("prod")))
                .condition("HasApi", new Expr.Equals(param("Stage"), str("prod")))
                .api("OrdersApi", HttpApiKind.REST_API, Optional.empty(), Optional.of(cors), Optional.of("HasApi"))
                .build();
        AzureDeployment d = plan(input, PlanKind.FLEX_CONSUMPTION);
        ApiManagementApi api = d.resources(ApiManagementApi.class).get(0);
        assertThat(api.condition()).contains(new Value.Variable("HasApi"));
        assertThat(policyOf(d, api.symbol())).isEqualTo("<policies><inbound><base /><cors allow-credentials=\"true\">"
                + "<allowed-origins><origin>https://shop.example.com</origin></allowed-origins><allowed-methods>"
                + "<method>GET</method><method>POST</method></allowed-methods><allowed-headers><header>Content-Type"
                + "</header></allowed-headers></cors></inbound><backend><base /></backend><outbound><base />"
                + "</outbound><on-error><base /></on-error></policies>");
        ApiManagementOperation op = operation(d, "GET", "/orders");
        assertThat(op.condition()).contains(new Value.Call(Value.Fn.AND, List.of(new Value.Variable("HasApi"),
                new Value.Variable("IsProd"))));
        assertThat(d.resources(ApiManagementBackend.class).get(0).condition())
                .contains(new Value.Variable("IsProd"));
    }
}
