package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Trigger;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.event.HttpAuth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.lambda2azure.core.plan.Fixtures.app;
import static io.lambda2azure.core.plan.Fixtures.appOf;
import static io.lambda2azure.core.plan.Fixtures.bool;
import static io.lambda2azure.core.plan.Fixtures.deviations;
import static io.lambda2azure.core.plan.Fixtures.function;
import static io.lambda2azure.core.plan.Fixtures.list;
import static io.lambda2azure.core.plan.Fixtures.map;
import static io.lambda2azure.core.plan.Fixtures.only;
import static io.lambda2azure.core.plan.Fixtures.param;
import static io.lambda2azure.core.plan.Fixtures.plan;
import static io.lambda2azure.core.plan.Fixtures.setting;
import static io.lambda2azure.core.plan.Fixtures.str;
import static io.lambda2azure.core.plan.Fixtures.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** HTTP routes and schedules become trigger bindings; other event sources are reported. */
class TriggersTest {

    private static Trigger onlyTrigger(AzureDeployment d, String function) {
        List<Trigger> triggers = appOf(d, function).triggers();
        assertThat(triggers).hasSize(1);
        return triggers.get(0);
    }

    private static HttpAuth auth(Optional<Expr> type, Optional<String> authorizer, Optional<Expr> apiKey) {
        return new HttpAuth(type, authorizer, Optional.empty(), apiKey);
    }

    // ------------------------------------------------------------------ HTTP

    @ParameterizedTest(name = "{1} {0} -> route ''{2}'' methods ''{3}''")
    @CsvSource(delimiter = '|', value = {
            "/orders              | GET    | orders              | get",
            "/orders/{id}         | POST   | orders/{id}         | post",
            "/{proxy+}            | ANY    | '{*proxy}'          | ''",
            "/api/{proxy+}        | DELETE | 'api/{*proxy}'      | delete",
            "/files/{key+}        | PUT    | 'files/{*key}'      | put",
            "$default             | ANY    | '{*path}'           | ''",
            "/                    | GET    | ''                  | get",
    })
    void httpRoutesAndMethods(String path, String method, String route, String methods) {
        Function f = function("Orders").http(path, method).build();
        Trigger trigger = onlyTrigger(plan(f, PlanKind.FLEX_CONSUMPTION), "Orders");
        assertThat(trigger.type()).isEqualTo("httpTrigger");
        assertThat(trigger.function()).isEqualTo("Orders");
        assertThat(trigger.settings()).containsEntry("route", route).containsEntry("methods", methods)
                .containsEntry("authLevel", "anonymous");
        assertThat(trigger.eventId()).isEqualTo(f.events().get(0).id());
        assertThat(trigger.source()).isEqualTo(f.events().get(0).location());
    }

    static List<HttpAuth> protectedAuths() {
        return List.of(
                auth(Optional.of(str("AWS_IAM")), Optional.empty(), Optional.empty()),
                auth(Optional.of(str("COGNITO_USER_POOLS")), Optional.of("MyCognito"), Optional.empty()),
                auth(Optional.empty(), Optional.of("JwtAuthorizer"), Optional.empty()),
                auth(Optional.empty(), Optional.empty(), Optional.of(bool(true))),
                auth(Optional.of(str("NONE")), Optional.empty(), Optional.of(bool(true))));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("protectedAuths")
    void aProtectedRouteNeedsAFunctionKey(HttpAuth auth) {
        Function f = function("Orders").http("/orders", "POST", auth).build();
        AzureDeployment d = plan(f, PlanKind.FLEX_CONSUMPTION);
        assertThat(onlyTrigger(d, "Orders").settings()).containsEntry("authLevel", "function");
        Deviation dev = only(d, DeviationCatalog.HTTP_AUTH_CHANGED);
        assertThat(dev.message()).contains("POST /orders", "function key");
        assertThat(dev.source()).isEqualTo(f.events().get(0).location());
        assertThat(dev.target()).contains(target("orders"));
    }

    static List<HttpAuth> openAuths() {
        return List.of(
                auth(Optional.of(str("NONE")), Optional.empty(), Optional.empty()),
                auth(Optional.empty(), Optional.of("NONE"), Optional.empty()),
                auth(Optional.empty(), Optional.empty(), Optional.of(bool(false))),
                auth(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("openAuths")
    void anOpenRouteStaysAnonymous(HttpAuth auth) {
        AzureDeployment d = plan(function("Orders").http("/orders", "GET", auth), PlanKind.FLEX_CONSUMPTION);
        assertThat(onlyTrigger(d, "Orders").settings()).containsEntry("authLevel", "anonymous");
        assertThat(deviations(d, DeviationCatalog.HTTP_AUTH_CHANGED)).isEmpty();
    }

    @Test
    void corsOriginsGoIntoTheSiteSettings() {
        Function f = function("Orders")
                .httpWithCors("/orders", "GET", str("'https://shop.example.com'"))
                .httpWithCors("/orders/{id}", "GET", map("AllowOrigins", list(str("https://shop.example.com"),
                        str("https://admin.example.com")), "AllowMethods", list(str("GET"))))
                .build();
        AzureDeployment d = plan(f, PlanKind.PREMIUM);
        assertThat(appOf(d, "Orders").site().corsAllowedOrigins()).containsExactly(
                Value.text("https://shop.example.com"), Value.text("https://admin.example.com"));
        assertThat(deviations(d, DeviationCatalog.CORS_CHANGED)).hasSize(2)
                .allSatisfy(dev -> assertThat(dev.target()).contains(target("orders")));
    }

    @Test
    void corsOfARestApiAllowOriginIsUnquoted() {
        Function f = function("Orders").httpWithCors("/orders", "GET", map("AllowOrigin", str("'*'"))).build();
        assertThat(appOf(plan(f, PlanKind.FLEX_CONSUMPTION), "Orders").site().corsAllowedOrigins())
                .containsExactly(Value.text("*"));
    }

    @Test
    void corsOfTheApiResourceAppliesToItsRoutes() {
        AzureDeployment d = plan(app(function("Orders").httpOnApi("OrdersApi", "/orders", "GET"))
                .api("OrdersApi", map("AllowOrigins", list(str("https://app.example.com")))).build(),
                PlanKind.FLEX_CONSUMPTION);
        assertThat(appOf(d, "Orders").site().corsAllowedOrigins()).containsExactly(
                Value.text("https://app.example.com"));
        assertThat(only(d, DeviationCatalog.CORS_CHANGED).message()).contains("https://app.example.com");
    }

    @Test
    void aSymbolicCorsOriginIsTranslated() {
        AzureDeployment d = plan(app(function("Orders").httpWithCors("/orders", "GET",
                map("AllowOrigins", list(param("Origin"))))).parameter("Origin", "String", str("https://x")).build(),
                PlanKind.FLEX_CONSUMPTION);
        assertThat(appOf(d, "Orders").site().corsAllowedOrigins()).containsExactly(new Value.Param("Origin"));
    }

    @Test
    void withoutCorsThereAreNoOrigins() {
        AzureDeployment d = plan(function("Orders").http("/orders", "GET"), PlanKind.FLEX_CONSUMPTION);
        assertThat(appOf(d, "Orders").site().corsAllowedOrigins()).isEmpty();
        assertThat(deviations(d, DeviationCatalog.CORS_CHANGED)).isEmpty();
    }

    // ------------------------------------------------------------------ schedules

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rate(5 minutes)         | 0 */5 * * * *",
            "cron(0 9 ? * 2-6 *)     | 0 0 9 * * 1-5",
            "cron(30 18 ? * MON-FRI *) | 0 30 18 * * MON-FRI",
    })
    void aScheduleBecomesATimerTriggerWithNcrontab(String expression, String ncrontab) {
        Function f = function("Nightly").schedule(expression).build();
        AzureDeployment d = plan(f, PlanKind.FLEX_CONSUMPTION);
        Trigger trigger = onlyTrigger(d, "Nightly");
        assertThat(trigger.type()).isEqualTo("timerTrigger");
        assertThat(trigger.settings()).isEqualTo(Map.of("schedule", ncrontab));
        assertThat(trigger.source()).isEqualTo(f.events().get(0).location());
        assertThat(deviations(d, DeviationCatalog.SCHEDULE_NOT_EXACT)).isEmpty();
        assertThat(deviations(d, DeviationCatalog.SCHEDULE_DISABLED)).isEmpty();
        assertThat(setting(appOf(d, "Nightly"), "AzureWebJobs.Nightly.Disabled")).isEmpty();
    }

    @Test
    void anInexactScheduleKeepsTheNearestExpression() {
        AzureDeployment d = plan(function("Nightly").schedule("cron(0 0 L * ? *)"), PlanKind.FLEX_CONSUMPTION);
        assertThat(onlyTrigger(d, "Nightly").settings()).containsEntry("schedule", "0 0 0 * * *");
        assertThat(only(d, DeviationCatalog.SCHEDULE_NOT_EXACT).message()).contains("'L'");
    }

    @ParameterizedTest
    @CsvSource({"false", "DISABLED"})
    void aDisabledScheduleIsDisabledThroughAnAppSetting(String state) {
        Expr enabled = "false".equals(state) ? bool(false) : str(state);
        Function f = function("Nightly").schedule(str("rate(1 day)"), Optional.of(enabled), Optional.empty()).build();
        AzureDeployment d = plan(f, PlanKind.FLEX_CONSUMPTION);
        AzureResource.FunctionApp app = appOf(d, "Nightly");
        assertThat(setting(app, "AzureWebJobs.Nightly.Disabled")).contains(Value.text("true"));
        assertThat(app.appSettings()).filteredOn(s -> s.name().equals("AzureWebJobs.Nightly.Disabled"))
                .singleElement().extracting(s -> s.source()).isEqualTo(f.events().get(0).location());
        assertThat(onlyTrigger(d, "Nightly").type()).as("the trigger is still generated").isEqualTo("timerTrigger");
        Deviation dev = only(d, DeviationCatalog.SCHEDULE_DISABLED);
        assertThat(dev.severity()).isEqualTo(Severity.INFO);
    }

    @ParameterizedTest
    @CsvSource({"true", "ENABLED"})
    void anEnabledScheduleHasNoDisabledSetting(String state) {
        Expr enabled = "true".equals(state) ? bool(true) : str(state);
        AzureDeployment d = plan(function("Nightly").schedule(str("rate(1 day)"), Optional.of(enabled),
                Optional.empty()), PlanKind.FLEX_CONSUMPTION);
        assertThat(setting(appOf(d, "Nightly"), "AzureWebJobs.Nightly.Disabled")).isEmpty();
        assertThat(deviations(d, DeviationCatalog.SCHEDULE_DISABLED)).isEmpty();
    }

    @Test
    void aSymbolicScheduleIsReadFromAnAppSetting() {
        Function f = function("Nightly").schedule(param("Schedule"), Optional.empty(), Optional.empty()).build();
        AzureDeployment d = plan(app(f).parameter("Schedule", "String", str("rate(1 hour)")).build(),
                PlanKind.FLEX_CONSUMPTION);
        assertThat(onlyTrigger(d, "Nightly").settings()).containsEntry("schedule", "%NIGHTLY_SCHEDULE%");
        assertThat(setting(appOf(d, "Nightly"), "NIGHTLY_SCHEDULE")).contains(new Value.Param("Schedule"));
        assertThat(only(d, DeviationCatalog.SCHEDULE_NOT_EXACT).message()).contains("NIGHTLY_SCHEDULE", "NCRONTAB");
    }

    @Test
    void aRateWithAParameterBuildsItsNcrontabFromTheParameter() {
        Expr rate = new Expr.Interpolation(List.of(str("rate("), param("Minutes"), str(" minutes)")));
        Function f = function("Poller").schedule(rate, Optional.empty(), Optional.empty()).build();
        AzureDeployment d = plan(app(f).parameter("Minutes", "Number", str("5")).build(), PlanKind.FLEX_CONSUMPTION);
        assertThat(onlyTrigger(d, "Poller").settings()).containsEntry("schedule", "%POLLER_SCHEDULE%");
        assertThat(setting(appOf(d, "Poller"), "POLLER_SCHEDULE")).contains(new Value.Interpolation(List.of(
                Value.text("0 */"), new Value.Param("Minutes"), Value.text(" * * * *"))));
        assertThat(only(d, DeviationCatalog.SCHEDULE_NOT_EXACT).message()).contains("builds the NCRONTAB expression");
    }

    @Test
    void aScheduleTimeZoneIsNotApplied() {
        AzureDeployment d = plan(function("Nightly").schedule(str("cron(0 9 * * ? *)"), Optional.empty(),
                Optional.of(str("Europe/Berlin"))), PlanKind.FLEX_CONSUMPTION);
        assertThat(only(d, DeviationCatalog.SCHEDULE_NOT_EXACT).message()).contains("Europe/Berlin", "UTC");
        assertThat(setting(appOf(d, "Nightly"), "WEBSITE_TIME_ZONE")).isEmpty();

        AzureDeployment utc = plan(function("Nightly").schedule(str("cron(0 9 * * ? *)"), Optional.empty(),
                Optional.of(str("UTC"))), PlanKind.FLEX_CONSUMPTION);
        assertThat(deviations(utc, DeviationCatalog.SCHEDULE_NOT_EXACT)).isEmpty();
    }

    @Test
    void anAppCanHaveHttpAndTimerTriggers() {
        AzureDeployment d = plan(function("Orders").http("/orders", "GET").schedule("rate(1 hour)"),
                PlanKind.PREMIUM);
        assertThat(appOf(d, "Orders").triggers()).extracting(Trigger::type).containsExactly("httpTrigger",
                "timerTrigger");
    }

    // ------------------------------------------------------------------ other sources

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void sourcesWithoutAnAzureCounterpartAreBlockersAndGetNoTrigger(PlanKind kind) {
        Fixtures.FunctionBuilder b = function("Worker").alexa("Skill");
        b.event(new io.lambda2azure.core.model.event.EventSource.IotRule("Sensors",
                io.lambda2azure.core.model.event.EventOrigin.SAM_EVENT, Optional.empty(), str("SELECT * FROM 'x'"),
                Optional.empty(), b.nextEventLocation()));
        b.event(new io.lambda2azure.core.model.event.EventSource.Cognito("SignUp",
                io.lambda2azure.core.model.event.EventOrigin.SAM_EVENT, Optional.empty(), new Expr.ResourceRef("Pool"),
                List.of(str("PreSignUp")), b.nextEventLocation()));
        Function f = b.build();
        AzureDeployment d = plan(f, kind);
        assertThat(appOf(d, "Worker").triggers()).isEmpty();
        assertThat(appOf(d, "Worker").eventGaps()).extracting(AzureResource.EventGap::eventId)
                .containsExactly("Skill", "Sensors", "SignUp");
        List<Deviation> unmapped = deviations(d, DeviationCatalog.TRIGGER_NOT_MAPPED);
        assertThat(unmapped).hasSize(3).allSatisfy(dev -> {
            assertThat(dev.severity()).isEqualTo(Severity.BLOCKER);
            assertThat(dev.target()).contains(target("worker"));
        });
        assertThat(unmapped).extracting(Deviation::message)
                .anySatisfy(m -> assertThat(m).contains("IoT Hub"))
                .anySatisfy(m -> assertThat(m).contains("External ID"));
        assertThat(unmapped).extracting(Deviation::source)
                .containsExactlyElementsOf(f.events().stream().map(e -> e.location()).toList());
        assertThat(d.resources(AzureResource.RoleAssignment.class)).as("no trigger needs queue roles")
                .extracting(r -> r.role().name()).doesNotContain("Storage Queue Data Contributor");
    }

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void everyEventIsATriggerOrAnEventGapOfItsApp(PlanKind kind) {
        Function f = function("Worker").http("/jobs", "POST").alexa("Skill")
                .schedule("rate(1 hour)").queue("Jobs", new Expr.AttributeRef("JobsQueue", "Arn")).build();
        AzureResource.FunctionApp app = appOf(plan(f, kind), "Worker");
        assertThat(app.eventGaps()).containsExactly(
                new AzureResource.EventGap("Worker", "Skill", "L2A201", f.events().get(1).location()));
        assertThat(app.triggers()).extracting(Trigger::awsFunction, Trigger::eventId)
                .containsExactly(tuple("Worker", f.events().get(0).id()), tuple("Worker", f.events().get(2).id()),
                        tuple("Worker", "Jobs"));
    }
}
