package io.lambda2azure.parsers.aws;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.resource.DependencyResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The authorization of an API as the model keeps it ({@code DependencyResource.Api.auth}): the shape of SAM's
 * {@code Auth} property, which the planner reads. Readers of formats that declare authorizers and usage plans as
 * resources of their own (Terraform's {@code aws_api_gateway_authorizer}, {@code aws_apigatewayv2_authorizer},
 * {@code aws_api_gateway_usage_plan}) build it here, so that an API means the same whatever format declared it.
 * Shared by the readers; not part of the library's API.
 *
 * <p>The SAM property names are those of docs.aws.amazon.com/serverless-application-model/latest/developerguide/
 * sam-property-api-apiauth.html (REST: {@code Authorizers} with {@code FunctionArn}, {@code FunctionPayloadType},
 * {@code UserPoolArn}, {@code Identity}; {@code UsagePlan} with {@code CreateUsagePlan}, {@code Quota},
 * {@code Throttle}) and sam-property-httpapi-httpapiauth.html (HTTP: {@code JwtConfiguration},
 * {@code IdentitySource}, Lambda authorizers with {@code AuthorizerPayloadFormatVersion}).
 */
public final class ApiAuth {

    /** {@code method.request.header.X-Token}, {@code $request.querystring.token}, ... */
    private static final String[][] SOURCES = {
            {"method.request.header.", "Headers"}, {"method.request.querystring.", "QueryStrings"},
            {"stageVariables.", "StageVariables"}, {"context.", "Context"},
            {"$request.header.", "Headers"}, {"$request.querystring.", "QueryStrings"},
            {"$stageVariables.", "StageVariables"}, {"$context.", "Context"}};

    private ApiAuth() {
    }

    /**
     * An authorizer of a REST API (API Gateway's {@code Type}: {@code TOKEN}, the default, and {@code REQUEST} are
     * Lambda authorizers; {@code COGNITO_USER_POOLS} checks a user pool's tokens).
     *
     * @param type           the authorizer type, if stated
     * @param identitySource where the token is read, comma-separated ({@code method.request.header.Authorization})
     * @param providerArns   the user pools of a Cognito authorizer
     * @param function       the Lambda authorizer's function (its ARN, or the authorizer URI when it is not a
     *                       function of the input)
     * @param ttl            how long a result is cached, in seconds
     * @param validation     the pattern a token authorizer's token must match
     */
    public static Expr restAuthorizer(Optional<Expr> type, Optional<Expr> identitySource, Optional<Expr> providerArns,
                                      Optional<Expr> function, Optional<Expr> ttl, Optional<Expr> validation) {
        String kind = type.flatMap(Expr::asString).map(t -> t.toUpperCase(Locale.ROOT)).orElse("TOKEN");
        Map<String, Expr> authorizer = new LinkedHashMap<>();
        Map<String, Expr> identity = new LinkedHashMap<>();
        List<String> sources = identitySource.flatMap(Expr::asString).map(ApiAuth::split).orElse(List.of());
        if (kind.equals("COGNITO_USER_POOLS")) {
            providerArns.ifPresent(arns -> authorizer.put("UserPoolArn", single(arns)));
        } else {
            function.ifPresent(f -> authorizer.put("FunctionArn", f));
            if (kind.equals("REQUEST")) {
                authorizer.put("FunctionPayloadType", Expr.string("REQUEST"));
            }
        }
        if (kind.equals("REQUEST")) {
            identity.putAll(identityLists(sources));
        } else {
            // A token authorizer reads one header.
            sources.stream().filter(s -> s.startsWith("method.request.header.")).findFirst()
                    .ifPresent(h -> identity.put("Header", Expr.string(h.substring("method.request.header.".length()))));
        }
        validation.ifPresent(v -> identity.put("ValidationExpression", v));
        ttl.ifPresent(t -> identity.put("ReauthorizeEvery", t));
        if (!identity.isEmpty()) {
            authorizer.put("Identity", new Expr.MapExpr(identity));
        }
        return new Expr.MapExpr(authorizer);
    }

    /**
     * An authorizer of an HTTP API ({@code JWT}, or {@code REQUEST}: a Lambda authorizer).
     *
     * @param type            the authorizer type
     * @param identitySources where the identity is read ({@code $request.header.Authorization}), a list or a
     *                        comma-separated string
     * @param issuer          a JWT authorizer's issuer
     * @param audience        a JWT authorizer's audiences
     * @param function        a Lambda authorizer's function
     * @param payloadVersion  the payload format a Lambda authorizer receives
     * @param simpleResponses whether a Lambda authorizer answers with a boolean
     * @param ttl             how long a Lambda authorizer's result is cached, in seconds
     */
    public static Expr httpAuthorizer(Optional<Expr> type, Optional<Expr> identitySources, Optional<Expr> issuer,
                                      Optional<Expr> audience, Optional<Expr> function, Optional<Expr> payloadVersion,
                                      Optional<Expr> simpleResponses, Optional<Expr> ttl) {
        String kind = type.flatMap(Expr::asString).map(t -> t.toUpperCase(Locale.ROOT)).orElse("");
        Map<String, Expr> authorizer = new LinkedHashMap<>();
        Optional<Expr> sourceList = identitySources.map(s -> s.asString().<Expr>map(text -> new Expr.ListExpr(
                split(text).stream().<Expr>map(Expr::string).toList())).orElse(s));
        if (kind.equals("JWT")) {
            sourceList.map(ApiAuth::single).ifPresent(s -> authorizer.put("IdentitySource", s));
            Map<String, Expr> jwt = new LinkedHashMap<>();
            // SAM spells these two in lower case.
            issuer.ifPresent(i -> jwt.put("issuer", i));
            audience.ifPresent(a -> jwt.put("audience", a));
            authorizer.put("JwtConfiguration", new Expr.MapExpr(jwt));
            return new Expr.MapExpr(authorizer);
        }
        function.ifPresent(f -> authorizer.put("FunctionArn", f));
        payloadVersion.ifPresent(v -> authorizer.put("AuthorizerPayloadFormatVersion", v));
        simpleResponses.ifPresent(v -> authorizer.put("EnableSimpleResponses", v));
        List<String> sources = new ArrayList<>();
        sourceList.ifPresent(s -> (s instanceof Expr.ListExpr l ? l.items() : List.of(s))
                .forEach(item -> item.asString().ifPresent(sources::add)));
        Map<String, Expr> identity = new LinkedHashMap<>(identityLists(sources));
        ttl.ifPresent(t -> identity.put("ReauthorizeEvery", t));
        if (!identity.isEmpty()) {
            authorizer.put("Identity", new Expr.MapExpr(identity));
        }
        return new Expr.MapExpr(authorizer);
    }

    /**
     * A usage plan with its limits.
     *
     * @param shared whether the plan covers several APIs (SAM's {@code SHARED}) rather than one ({@code PER_API})
     */
    public static Expr usagePlan(boolean shared, Optional<Expr> name, Optional<Expr> rateLimit,
                                 Optional<Expr> burstLimit, Optional<Expr> quotaLimit, Optional<Expr> quotaPeriod,
                                 Optional<Expr> quotaOffset) {
        Map<String, Expr> plan = new LinkedHashMap<>();
        plan.put("CreateUsagePlan", Expr.string(shared ? "SHARED" : "PER_API"));
        name.ifPresent(n -> plan.put("UsagePlanName", n));
        Map<String, Expr> throttle = new LinkedHashMap<>();
        rateLimit.ifPresent(r -> throttle.put("RateLimit", r));
        burstLimit.ifPresent(b -> throttle.put("BurstLimit", b));
        if (!throttle.isEmpty()) {
            plan.put("Throttle", new Expr.MapExpr(throttle));
        }
        Map<String, Expr> quota = new LinkedHashMap<>();
        quotaLimit.ifPresent(l -> quota.put("Limit", l));
        quotaPeriod.ifPresent(p -> quota.put("Period", p));
        quotaOffset.ifPresent(o -> quota.put("Offset", o));
        if (!quota.isEmpty()) {
            plan.put("Quota", new Expr.MapExpr(quota));
        }
        return new Expr.MapExpr(plan);
    }

    /**
     * The usage plans a reader carries, by API. API Management gives each API one product in this conversion, so an
     * API keeps its first plan: a plan of one API is SAM's {@code PER_API}, the first plan of several APIs SAM's
     * {@code SHARED}; a further plan of an API that has one, or a further plan of several APIs, is refused.
     */
    public static final class UsagePlans {

        private final Map<String, Expr> byApi = new HashMap<>();
        private boolean shared;

        /**
         * Carries a plan of these APIs, built once it is known to be carried (so that what it reads is read only
         * then), or says why it is not.
         *
         * @param apis the APIs of the plan's stages, at least one
         * @param plan the plan, given whether it is shared ({@link #usagePlan})
         * @return empty when carried, else the reason it is not, for an unsupported resource
         */
        public Optional<String> carry(List<String> apis, Function<Boolean, Expr> plan) {
            Optional<String> taken = apis.stream().filter(byApi::containsKey).findFirst();
            if (taken.isPresent() || apis.size() > 1 && shared) {
                return Optional.of(taken.map(t -> "a second usage plan of " + t)
                        .orElse("a second usage plan of several APIs") + "; API Management gets one product per API"
                        + " from this conversion: add a product with this plan's limits by hand");
            }
            shared |= apis.size() > 1;
            Expr carried = plan.apply(apis.size() > 1);
            apis.forEach(api -> byApi.put(api, carried));
            return Optional.empty();
        }

        /** The plan carried for an API, if any. */
        public Optional<Expr> of(String api) {
            return Optional.ofNullable(byApi.get(api));
        }
    }

    /** An API's {@code Auth}: its authorizers by name and its usage plan; empty when it has neither. */
    public static Optional<Expr> of(Map<String, Expr> authorizers, Optional<Expr> usagePlan) {
        Map<String, Expr> auth = new LinkedHashMap<>();
        usagePlan.ifPresent(p -> auth.put("UsagePlan", p));
        if (!authorizers.isEmpty()) {
            auth.put("Authorizers", new Expr.MapExpr(authorizers));
        }
        return auth.isEmpty() ? Optional.empty() : Optional.of(new Expr.MapExpr(auth));
    }

    /**
     * An API's {@code Auth} with more authorizers (those of its OpenAPI definition): its own authorizers keep their
     * definition; an {@code Auth} that is not a plain map (an intrinsic) is left as it is.
     */
    public static Optional<Expr> withAuthorizers(Optional<Expr> auth, Map<String, Expr> more) {
        if (more.isEmpty() || auth.isPresent() && !(auth.get() instanceof Expr.MapExpr)) {
            return auth;
        }
        Map<String, Expr> entries = new LinkedHashMap<>(auth.map(a -> ((Expr.MapExpr) a).entries()).orElse(Map.of()));
        Expr own = entries.get("Authorizers");
        if (own != null && !(own instanceof Expr.MapExpr)) {
            return auth;
        }
        Map<String, Expr> authorizers = new LinkedHashMap<>(own == null ? Map.of() : ((Expr.MapExpr) own).entries());
        more.forEach(authorizers::putIfAbsent);
        entries.put("Authorizers", new Expr.MapExpr(authorizers));
        return Optional.of(new Expr.MapExpr(entries));
    }

    /** The API with that auth, read from resources of their own after the API. */
    public static DependencyResource.Api withAuth(DependencyResource.Api api, Expr auth) {
        return new DependencyResource.Api(api.logicalId(), api.resourceType(), api.condition(), api.kind(), api.name(),
                api.stageName(), api.cors(), Optional.of(auth), api.definition(), api.domain(), api.location());
    }

    /** Identity sources as SAM's {@code Identity} lists ({@code Headers}, {@code QueryStrings}, ...). */
    private static Map<String, Expr> identityLists(List<String> sources) {
        Map<String, List<Expr>> lists = new LinkedHashMap<>();
        for (String source : sources) {
            for (String[] prefix : SOURCES) {
                if (source.startsWith(prefix[0])) {
                    lists.computeIfAbsent(prefix[1], k -> new ArrayList<>())
                            .add(Expr.string(source.substring(prefix[0].length())));
                    break;
                }
            }
        }
        Map<String, Expr> identity = new LinkedHashMap<>();
        lists.forEach((key, items) -> identity.put(key, new Expr.ListExpr(items)));
        return identity;
    }

    private static List<String> split(String sources) {
        List<String> list = new ArrayList<>();
        for (String s : sources.split(",")) {
            if (!s.isBlank()) {
                list.add(s.strip());
            }
        }
        return list;
    }

    /** A list of one item as the item, as SAM writes a single user pool or identity source. */
    private static Expr single(Expr value) {
        return value instanceof Expr.ListExpr l && l.items().size() == 1 ? l.items().get(0) : value;
    }
}
