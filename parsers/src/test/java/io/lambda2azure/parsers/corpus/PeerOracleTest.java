package io.lambda2azure.parsers.corpus;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.model.event.EventKind;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.parsers.cloudformation.CloudFormationReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer oracle: AWS's own SAM translator turned each SAM input of the corpus into plain CloudFormation
 * ({@code sam-translator-expected}). Reading the SAM input and reading what the translator made of it must
 * give the same functions, with the same runtime, handler, memory, timeout, environment variable names and
 * event source kinds. The plain reading exercises the other half of the reader: functions, event source
 * mappings, permissions, notifications, rules and API Gateway bodies instead of SAM's shortcuts.
 */
class PeerOracleTest {

    private static final String CONNECTORS = "SAM connectors are unsupported on the SAM side (listed as"
            + " unsupported resources); the translation turns them into permissions and routes that the plain"
            + " reading sees";
    private static final String BARE_API_ID = "the event names its API by a bare string (RestApiId: HtmlApi), which"
            + " the translator copies as text into the permission's SourceArn, so in plain CloudFormation it names"
            + " an API outside the template; the API's routes are in an external DefinitionUri";
    private static final String SWAPPED_GET_ATT = "the translator's expected output is invalid CloudFormation"
            + " (Fn::GetAtt [Arn, <Role>], resource and attribute swapped); the reader rejects it";

    /**
     * Templates whose two readings differ for reasons that are not the reader's fault, each with the
     * reason. The test fails when one of these no longer differs (so the list only shrinks) and when any
     * other template differs.
     */
    private static final Map<String, String> KNOWN_DIFFERENCES = new TreeMap<>(Map.ofEntries(
            Map.entry("api_cache", BARE_API_ID),
            Map.entry("api_with_usageplans_intrinsics", "the input chooses CreateUsagePlan with a parameter, which the"
                    + " translator resolved to its default (PER_API)"),
            Map.entry("api_description", BARE_API_ID),
            Map.entry("api_with_mode", BARE_API_ID),
            Map.entry("api_with_path_parameters", BARE_API_ID),
            Map.entry("api_with_xray_tracing", BARE_API_ID),
            Map.entry("depends_on", BARE_API_ID),
            Map.entry("http_api_def_uri", "an HTTP API defined only by an external DefinitionUri: the permission"
                    + " the translation keeps (${__ApiId__}/${__Stage__}/*) names no route"),
            Map.entry("api_with_security_definition_and_none_components", SWAPPED_GET_ATT),
            Map.entry("http_api_custom_iam_auth", SWAPPED_GET_ATT),
            Map.entry("http_api_global_iam_auth_enabled", SWAPPED_GET_ATT),
            Map.entry("http_api_local_iam_auth_enabled", SWAPPED_GET_ATT),
            Map.entry("congito_userpool_with_sms_configuration", "the translation refers to an undeclared parameter"
                    + " ExternalId, so CloudFormation (and the reader) reject it"),
            Map.entry("connector_hardcoded_lambda_arn", "the translation refers to an undeclared resource SomeLambda"),
            Map.entry("function_with_event_dest_conditional", "the translation writes {Condition: {Condition: X}},"
                    + " which is not a valid condition"),
            Map.entry("function_with_resource_refs", "the translation keeps !Ref FunctionWithoutAlias.Version, a"
                    + " SAM-only reference that plain CloudFormation cannot resolve"),
            Map.entry("implicit_api_with_serverless_rest_api_resource", "the input names a function"
                    + " ServerlessRestApi, the id SAM reserves for its implicit API; the translator replaces the"
                    + " function by the API"),
            Map.entry("connector_api_to_function", CONNECTORS),
            Map.entry("connector_api_to_multiple_function", CONNECTORS),
            Map.entry("connector_hardcoded_props", CONNECTORS),
            Map.entry("connector_with_non_id_source_and_destination", CONNECTORS),
            Map.entry("embedded_connectors_api_to_function", CONNECTORS),
            Map.entry("embedded_connectors_hardcoded_props", CONNECTORS),
            Map.entry("embedded_connectors_sns_to", CONNECTORS),
            Map.entry("schema_validation_5", CONNECTORS)));

    @Test
    void samInputsAndTheirTranslationsDescribeTheSameFunctions() throws Exception {
        Path inputs = Corpus.root().resolve("sam-translator");
        Path outputs = Corpus.root().resolve("sam-translator-expected");
        Map<String, String> differences = new TreeMap<>();
        int compared = 0;
        int withUsagePlans = 0;
        int withAuthorizers = 0;
        for (Path input : Corpus.templates("sam-translator")) {
            String base = input.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            Path output = outputs.resolve(base + ".json");
            if (!Files.exists(output)) {
                continue;
            }
            ServerlessApp sam;
            try {
                sam = CloudFormationReader.read(input);
            } catch (InvalidInputException e) {
                continue; // an invalid input; CorpusTest checks that it is rejected for the right reason
            }
            ServerlessApp plain;
            try {
                plain = CloudFormationReader.read(output);
            } catch (InvalidInputException e) {
                differences.put(base + " translation rejected", e.problems().get(0).message());
                continue;
            }
            compared++;
            compare(base, sam, plain, differences);
            withUsagePlans += sameUsagePlans(base, sam, plain, differences) ? 1 : 0;
            withAuthorizers += sameAuthorizers(base, sam, plain, differences) ? 1 : 0;
        }
        assertThat(compared).as("pairs compared").isGreaterThan(400);
        // So that equal empty answers cannot pass for a comparison: the corpus has many of both.
        assertThat(withUsagePlans).as("pairs whose SAM input has a usage plan").isGreaterThan(5);
        assertThat(withAuthorizers).as("pairs whose SAM input has authorizers").isGreaterThan(40);
        System.out.printf("peer oracle: %d pairs compared, %d with usage plans, %d with authorizers%n", compared,
                withUsagePlans, withAuthorizers);

        Map<String, String> unexpected = new TreeMap<>(differences);
        unexpected.keySet().removeIf(key -> KNOWN_DIFFERENCES.containsKey(template(key)));
        Set<String> gone = new TreeSet<>(KNOWN_DIFFERENCES.keySet());
        differences.keySet().forEach(key -> gone.remove(template(key)));
        assertThat(unexpected).as("differences between SAM inputs and their translations (%d pairs compared)",
                compared).isEmpty();
        assertThat(gone).as("known differences that no longer occur: remove them from KNOWN_DIFFERENCES")
                .isEmpty();
    }

    private static String template(String differenceKey) {
        return differenceKey.substring(0, differenceKey.indexOf(' '));
    }

    private static void compare(String template, ServerlessApp sam, ServerlessApp plain,
                                Map<String, String> differences) {
        Set<String> samIds = sam.functions().stream().map(Function::logicalId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> plainIds = plain.functions().stream().map(Function::logicalId).collect(Collectors.toCollection(TreeSet::new));
        if (!samIds.equals(plainIds)) {
            differences.put(template + " functions", samIds + " vs " + plainIds);
            return;
        }
        for (Function s : sam.functions()) {
            Function p = plain.function(s.logicalId()).orElseThrow();
            String prefix = template + " " + s.logicalId() + " ";
            same(prefix + "runtime", s.runtime(), p.runtime(), differences);
            same(prefix + "handler", s.handler(), p.handler(), differences);
            same(prefix + "memory", s.memorySize(), p.memorySize(), differences);
            same(prefix + "timeout", s.timeout(), p.timeout(), differences);
            if (!new TreeSet<>(s.environment().keySet()).equals(new TreeSet<>(p.environment().keySet()))) {
                differences.put(prefix + "environment", new TreeSet<>(s.environment().keySet()) + " vs "
                        + new TreeSet<>(p.environment().keySet()));
            }
            Set<EventKind> samKinds = kinds(s.events());
            Set<EventKind> plainKinds = kinds(p.events());
            if (!samKinds.equals(plainKinds)) {
                differences.put(prefix + "events", samKinds + " vs " + plainKinds);
            }
        }
    }

    /**
     * The usage plan of each API, as the planner reads it: SAM declares it in the API's {@code Auth.UsagePlan}, the
     * translation as {@code AWS::ApiGateway::UsagePlan} resources, which the plain reading puts back in that shape.
     */
    private static boolean sameUsagePlans(String template, ServerlessApp sam, ServerlessApp plain,
                                          Map<String, String> differences) {
        Map<String, Expr> samPlans = usagePlans(sam);
        Map<String, Expr> plainPlans = usagePlans(plain);
        if (!samPlans.equals(plainPlans)) {
            differences.put(template + " usage plans", samPlans + " vs " + plainPlans);
        }
        return !samPlans.isEmpty();
    }

    /**
     * The authorizers of each API by name and kind (Cognito, JWT, Lambda), which is what the planner tells apart:
     * SAM declares them in the API's {@code Auth.Authorizers}, the translation as the OpenAPI body's security
     * schemes or as authorizer resources.
     */
    private static boolean sameAuthorizers(String template, ServerlessApp sam, ServerlessApp plain,
                                           Map<String, String> differences) {
        Map<String, String> samKinds = authorizerKinds(sam);
        Map<String, String> plainKinds = authorizerKinds(plain);
        if (!samKinds.equals(plainKinds)) {
            differences.put(template + " authorizers", samKinds + " vs " + plainKinds);
        }
        return !samKinds.isEmpty();
    }

    private static Map<String, String> authorizerKinds(ServerlessApp app) {
        Map<String, String> kinds = new TreeMap<>();
        for (DependencyResource r : app.resources()) {
            if (r instanceof DependencyResource.Api api && api.auth().orElse(null) instanceof Expr.MapExpr auth
                    && auth.entries().get("Authorizers") instanceof Expr.MapExpr authorizers) {
                authorizers.entries().forEach((name, a) -> {
                    Map<String, Expr> entries = a instanceof Expr.MapExpr m ? m.entries() : Map.of();
                    kinds.put(api.logicalId() + "." + name, entries.containsKey("UserPoolArn") ? "cognito"
                            : entries.containsKey("JwtConfiguration") ? "jwt"
                            : entries.containsKey("FunctionArn") ? "lambda" : "other");
                });
            }
        }
        return kinds;
    }

    private static Map<String, Expr> usagePlans(ServerlessApp app) {
        Map<String, Expr> plans = new TreeMap<>();
        for (DependencyResource r : app.resources()) {
            if (r instanceof DependencyResource.Api api && api.auth().orElse(null) instanceof Expr.MapExpr auth
                    && auth.entries().get("UsagePlan") instanceof Expr.MapExpr plan
                    && plan.entries().get("CreateUsagePlan") != null
                    && !Expr.string("NONE").equals(plan.entries().get("CreateUsagePlan"))) {
                Map<String, Expr> kept = new TreeMap<>(plan.entries());
                kept.keySet().retainAll(Set.of("CreateUsagePlan", "UsagePlanName", "Throttle", "Quota"));
                plans.put(api.logicalId(), new Expr.MapExpr(kept));
            }
        }
        // A plan SAM shares among the template's APIs when only one API uses it is that API's plan alone, which is
        // all its translation can say.
        Expr shared = Expr.string("SHARED");
        if (plans.values().stream().filter(p -> shared.equals(((Expr.MapExpr) p).entries().get("CreateUsagePlan")))
                .count() == 1) {
            plans.replaceAll((api, p) -> {
                Map<String, Expr> entries = new TreeMap<>(((Expr.MapExpr) p).entries());
                entries.replace("CreateUsagePlan", shared, Expr.string("PER_API"));
                return new Expr.MapExpr(entries);
            });
        }
        return plans;
    }

    private static Set<EventKind> kinds(List<EventSource> events) {
        return events.stream().map(EventSource::kind).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void same(String key, Optional<Expr> sam, Optional<Expr> plain, Map<String, String> differences) {
        if (!sam.equals(plain)) {
            differences.put(key, sam.map(Expr::toString).orElse("(none)") + " vs "
                    + plain.map(Expr::toString).orElse("(none)"));
        }
    }
}
