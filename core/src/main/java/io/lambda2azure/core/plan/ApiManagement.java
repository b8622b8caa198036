package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the APIs whose routes need what Azure Functions' HTTP triggers cannot do behind one API Management instance
 * on the Consumption tier: JWT and Cognito user pool authorizers become {@code validate-jwt} policies, API keys
 * become subscription keys, usage plans become products with {@code rate-limit} and {@code quota} policies.
 *
 * <p>An API is put behind API Management when one of its routes has a JWT or Cognito authorizer or requires an API
 * key, or when it has a usage plan. Then every route of it that API Management can protect as API Gateway did
 * (open routes, JWT and Cognito authorizers, API keys) becomes an operation whose policy validates the token and
 * sends the call to the function app's backend with the app's function key; the HTTP trigger requires that key
 * ({@code authLevel: function}), so that API Management cannot be bypassed. Routes with a Lambda authorizer, IAM
 * authorization or an authorizer of unknown kind are not put behind it: they keep a function key and a deviation
 * says what to do.
 *
 * <p>The function key is read from the app's host keys when the deployment runs, into a secret named value: this is
 * what Microsoft's import of a function app into API Management does
 * (learn.microsoft.com/azure/api-management/import-function-app-as-api). A keyless design, App Service
 * authentication with API Management's managed identity, needs a Microsoft Entra app registration that neither
 * Bicep nor azurerm creates.
 */
final class ApiManagement {

    /** How a route is protected on Azure. */
    enum Protection {
        /** Anonymous HTTP trigger: the route was open and its API is not behind API Management. */
        OPEN,
        /** An operation of API Management, which sends the function key. */
        GATEWAY,
        /** A function key, because the Lambda authorizer's logic is not carried (L2A213). */
        LAMBDA_AUTHORIZER,
        /** A function key, because IAM or an unknown authorizer has no equivalent (L2A204). */
        FUNCTION_KEY
    }

    /** What kind of authorization a route has. */
    private enum Kind { NONE, JWT, COGNITO, LAMBDA, IAM, UNKNOWN }

    /**
     * The authorization of one route as the template declares it.
     *
     * @param authorizer the authorizer's name, if the route names one
     * @param config     the authorizer's definition in the API's {@code Auth.Authorizers}, if the template has it
     * @param scopes     the scopes the route requires (its own, else the authorizer's)
     * @param apiKey     whether the route requires an API key
     */
    private record RouteAuth(Kind kind, Optional<String> authorizer, Map<String, Expr> config, Optional<Expr> scopes,
                             boolean apiKey) {
    }

    /** A route of an API, with the function app that hosts it. */
    private record Route(Function function, EventSource.Http http, String app, RouteAuth auth) {
    }

    /** The {@code validate-jwt} settings of one authorizer, built once per API. */
    private record Jwt(String header, boolean query, List<Value> issuers, List<Value> audiences) {
    }

    /** Standard methods an ANY route becomes, one operation each: API Management has no wildcard method. */
    private static final List<String> ANY_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD",
            "OPTIONS");

    /** API Gateway's API key header, which API Management is told to read the subscription key from. */
    static final String API_KEY_HEADER = "x-api-key";
    /** API Management's default query parameter for the subscription key. */
    static final String API_KEY_QUERY = "subscription-key";
    /** The header Azure Functions reads a function key from (learn.microsoft.com/azure/azure-functions/function-keys-how-to). */
    static final String FUNCTION_KEY_HEADER = "x-functions-key";

    /** {@code arn:aws:cognito-idp:<region>:<account>:userpool/<pool id>}. */
    private static final Pattern USER_POOL_ARN = Pattern.compile(
            "arn:aws[a-z-]*:cognito-idp:([a-z0-9-]+):\\d{12}:userpool/([A-Za-z0-9_-]+)");

    private final PlanContext context;
    private final Map<String, DependencyResource.Api> apis = new LinkedHashMap<>();
    /** Routes by API logical id, in template order. */
    private final Map<String, List<Route>> routes = new LinkedHashMap<>();
    private final Map<EventSource.Http, Protection> protection = new IdentityHashMap<>();
    private final Set<String> fronted = new LinkedHashSet<>();

    private String service;
    /** Where shared resources (the instance, a shared usage plan's product) say they come from. */
    private SourceLocation templateStart;
    /** Backend symbols by function app symbol. */
    private final Map<String, String> backends = new LinkedHashMap<>();
    private String sharedProduct;

    /**
     * Decides, before any function app is planned, which APIs go behind API Management and how each route is
     * protected.
     *
     * @param appOfFunction the symbol of the function app hosting each Lambda function
     */
    ApiManagement(PlanContext context, List<Function> functions, List<DependencyResource> resources,
                  Map<String, String> appOfFunction) {
        this.context = context;
        resources.stream().filter(DependencyResource.Api.class::isInstance).map(DependencyResource.Api.class::cast)
                .forEach(a -> apis.putIfAbsent(a.logicalId(), a));
        for (Function f : functions) {
            for (EventSource event : f.events()) {
                if (event instanceof EventSource.Http http) {
                    RouteAuth auth = classify(http);
                    if (http.apiKind() != HttpApiKind.FUNCTION_URL && http.apiId().isPresent()) {
                        routes.computeIfAbsent(http.apiId().get(), k -> new ArrayList<>())
                                .add(new Route(f, http, appOfFunction.get(f.logicalId()), auth));
                    }
                    // Until its API is put behind API Management, only an open route stays anonymous.
                    protection.put(http, auth.kind() == Kind.LAMBDA ? Protection.LAMBDA_AUTHORIZER
                            : auth.kind() == Kind.NONE && !auth.apiKey() ? Protection.OPEN : Protection.FUNCTION_KEY);
                }
            }
        }
        routes.forEach((api, list) -> {
            boolean carried = list.stream().anyMatch(r -> carried(r.auth()));
            boolean needsGateway = list.stream().anyMatch(r -> r.auth().kind() == Kind.JWT
                    || r.auth().kind() == Kind.COGNITO || (carried(r.auth()) && r.auth().apiKey()))
                    || carried && usagePlan(api).isPresent();
            if (needsGateway) {
                fronted.add(api);
                list.stream().filter(r -> carried(r.auth())).forEach(r -> protection.put(r.http(), Protection.GATEWAY));
            }
        });
    }

    /** How a route is protected on Azure; an event the planner did not see first is treated as open. */
    Protection protection(EventSource.Http http) {
        return protection.getOrDefault(http, Protection.OPEN);
    }

    /** Whether API Management can protect the route as API Gateway did. */
    private static boolean carried(RouteAuth auth) {
        return auth.kind() == Kind.NONE || auth.kind() == Kind.JWT || auth.kind() == Kind.COGNITO;
    }

    /** The name of the authorizer protecting a route, with its kind, for messages. */
    String describe(EventSource.Http http) {
        RouteAuth auth = classify(http);
        return auth.authorizer().map(a -> "the " + (auth.kind() == Kind.LAMBDA ? "Lambda " : "") + "authorizer " + a)
                .orElse("authorization " + http.auth().flatMap(HttpAuth::type).map(Object::toString).orElse("NONE"))
                + Optional.ofNullable(auth.config().get("FunctionArn")).map(arn -> " (" + arn + ")").orElse("")
                + (auth.apiKey() ? " and an API key" : "");
    }

    // ------------------------------------------------------------------ classification

    private RouteAuth classify(EventSource.Http http) {
        HttpAuth auth = http.auth().orElse(new HttpAuth(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
        boolean apiKey = auth.apiKeyRequired().filter(AzurePlanner::isTrue).isPresent();
        // A type chosen at deployment (a parameter) is not known: "?" keeps such a route protected by a key.
        String type = auth.type().map(t -> t.asString().map(v -> v.toUpperCase(Locale.ROOT)).orElse("?")).orElse("");
        Optional<String> name = auth.authorizer();
        Map<String, Expr> config = name.flatMap(n -> authorizers(http.apiId()).map(a -> a.get(n)))
                .map(ApiManagement::entries).orElse(Map.of());
        Optional<Expr> scopes = auth.scopes().or(() -> Optional.ofNullable(config.get("AuthorizationScopes")));
        Kind kind;
        if (name.filter(n -> n.equalsIgnoreCase("NONE")).isPresent()) {
            kind = Kind.NONE;
        } else if (name.filter(n -> n.equals("AWS_IAM")).isPresent()) {
            kind = Kind.IAM;
        } else if (config.containsKey("UserPoolArn")) {
            kind = Kind.COGNITO;
        } else if (config.containsKey("JwtConfiguration")) {
            kind = Kind.JWT;
        } else if (config.containsKey("FunctionArn")) {
            kind = Kind.LAMBDA;
        } else {
            kind = switch (type) {
                case "", "NONE" -> name.isPresent() ? Kind.UNKNOWN : Kind.NONE;
                case "AWS_IAM" -> Kind.IAM;
                case "COGNITO_USER_POOLS" -> Kind.COGNITO;
                case "JWT" -> Kind.JWT;
                case "CUSTOM" -> Kind.LAMBDA;
                default -> Kind.UNKNOWN;
            };
        }
        return new RouteAuth(kind, name.filter(n -> !n.equalsIgnoreCase("NONE")), config, scopes, apiKey);
    }

    /** The API's {@code Auth} section, if the template has it as a map. */
    private Map<String, Expr> auth(String api) {
        return Optional.ofNullable(apis.get(api)).flatMap(DependencyResource.Api::auth).map(ApiManagement::entries)
                .orElse(Map.of());
    }

    private Optional<Map<String, Expr>> authorizers(Optional<String> api) {
        return api.map(this::auth).map(a -> a.get("Authorizers")).map(ApiManagement::entries);
    }

    /** The API's usage plan, unless it has none or {@code CreateUsagePlan: NONE}. */
    private Optional<Map<String, Expr>> usagePlan(String api) {
        Map<String, Expr> plan = entries(auth(api).get("UsagePlan"));
        String create = Optional.ofNullable(plan.get("CreateUsagePlan")).flatMap(Expr::asString).orElse("NONE");
        return create.equals("PER_API") || create.equals("SHARED") ? Optional.of(plan) : Optional.empty();
    }

    private static Map<String, Expr> entries(Expr expr) {
        return expr instanceof Expr.MapExpr m ? m.entries() : Map.of();
    }

    /** A key of a map whatever its case: SAM documents {@code issuer}, CloudFormation writes {@code Issuer}. */
    private static Optional<Expr> anyCase(Map<String, Expr> map, String key) {
        return map.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue)
                .findFirst();
    }

    // ------------------------------------------------------------------ planning

    /** Plans the instance and every fronted API; call once every function app is planned. */
    void plan(SourceLocation templateStart) {
        this.templateStart = templateStart;
        fronted.forEach(this::api);
    }

    private void api(String apiId) {
        List<Route> list = routes.get(apiId);
        Optional<DependencyResource.Api> declared = Optional.ofNullable(apis.get(apiId));
        SourceLocation at = declared.map(DependencyResource.Api::location).orElse(list.get(0).http().location());
        String service = service();
        String symbol = context.names().symbol(apiId);
        Optional<Value> condition = context.condition(declared.flatMap(DependencyResource.Api::condition));
        Deviation.Target target = Deviation.Target.resource(symbol);
        Value displayName = declared.flatMap(DependencyResource.Api::name)
                .map(n -> context.translate(n, at, Optional.of(target))).orElse(Value.text(apiId));
        String path = Names.kebab(apiId, 80);
        List<Route> gateway = list.stream().filter(r -> protection(r.http()) == Protection.GATEWAY).toList();
        boolean keys = gateway.stream().anyMatch(r -> r.auth().apiKey());
        context.add(new AzureResource.ApiManagementApi(symbol, Value.text(path), condition, service, displayName, path,
                List.of("https"), keys, API_KEY_HEADER, API_KEY_QUERY, at));
        context.deviation(DeviationCatalog.HTTP_ROUTE_CHANGED, "the routes of " + apiId + " are served by API"
                + " Management under https://<instance>.azure-api.net/" + path + "/, which calls the function apps"
                + " with their function key", at, Optional.of(target));
        declared.flatMap(DependencyResource.Api::cors).map(CorsRules::of).filter(c -> !c.origins().isEmpty())
                .ifPresent(cors -> context.add(new AzureResource.ApiManagementPolicy(
                        context.names().symbol(symbol + "Policy"), Value.text("policy"), condition, symbol,
                        corsPolicy(cors, at, target), at)));

        Map<String, Jwt> jwts = new LinkedHashMap<>();
        Set<String> operationNames = new HashSet<>();
        Set<String> explicit = new HashSet<>();
        gateway.forEach(r -> explicit.add(r.http().method() + " " + r.http().path()));
        for (Route route : gateway) {
            String backend = backend(route.app(), service, route.function().location());
            Optional<Jwt> jwt = Optional.empty();
            if (route.auth().kind() == Kind.JWT || route.auth().kind() == Kind.COGNITO) {
                String authorizer = route.auth().authorizer().orElse(route.auth().kind().name());
                jwt = Optional.of(jwts.computeIfAbsent(authorizer, a -> jwt(apiId, a, route, at, target)));
            }
            EventSource.Http http = route.http();
            List<String> methods = "ANY".equals(http.method())
                    ? ANY_METHODS.stream().filter(m -> !explicit.contains(m + " " + http.path())).toList()
                    : List.of(http.method());
            Template template = template(http.path());
            // An operation exists when both its API and the function app behind it do.
            Optional<Value> opCondition = and(condition, context.resource(route.app()).flatMap(AzureResource::condition));
            for (String method : methods) {
                String name = unique(Names.kebab(method + " " + http.path(), 76), operationNames);
                String op = context.names().symbol(symbol + "_" + method.toLowerCase(Locale.ROOT) + "_" + http.path());
                context.add(new AzureResource.ApiManagementOperation(op, Value.text(name), opCondition, symbol,
                        method + " " + http.path(), method, template.url(), template.parameters(), http.location()));
                context.add(new AzureResource.ApiManagementPolicy(context.names().symbol(op + "Policy"),
                        Value.text("policy"), opCondition, op, operationPolicy(backend, jwt, route.auth().scopes(),
                        http.location(), target), http.location()));
            }
        }
        products(apiId, symbol, condition, keys, gateway, at);
    }

    /** The instance, created for the first API that needs it. */
    private String service() {
        if (service == null) {
            SourceLocation at = templateStart;
            service = context.names().symbol("apiManagement");
            String email = context.addParameter("apiManagementPublisherEmail", AzureParameter.ParamType.STRING,
                    "The email address API Management sends the instance's notifications to (API Management"
                            + " requires a publisher email).", at);
            // Defaults to the application's name: API Management shows it in notifications and the developer portal.
            String publisher = context.addParameter("apiManagementPublisherName", AzureParameter.ParamType.STRING,
                    new Value.Param("appName"), "The organization that publishes the APIs (API Management requires a"
                            + " publisher name).", at);
            // Service names: 1-50 letters, digits and hyphens starting with a letter; "apim-" + appName (at most 20)
            // + "-" + the 13-character suffix stays within (learn.microsoft.com/azure/azure-resource-manager/
            // management/resource-name-rules#microsoftapimanagement).
            context.add(new AzureResource.ApiManagementService(service, Naming.name("apim-"), Optional.empty(),
                    "Consumption", 0, new Value.Param(email), new Value.Param(publisher), at));
        }
        return service;
    }

    /** The backend of a function app with the named value holding its key, created for its first route. */
    private String backend(String app, String service, SourceLocation at) {
        String known = backends.get(app);
        if (known != null) {
            return known;
        }
        Optional<Value> condition = context.resource(app).flatMap(AzureResource::condition);
        String key = context.names().symbol(app + "Key");
        String base = Names.kebab(app, 70);
        context.add(new AzureResource.ApiManagementNamedValue(key, Value.text(base + "-key"), condition, service, app,
                true, at));
        String backend = context.names().symbol(app + "Backend");
        context.add(new AzureResource.ApiManagementBackend(backend, Value.text(base), condition, service, app,
                new Value.Interpolation(List.of(Value.text("https://"), Value.ref(app, Value.Attribute.DEFAULT_HOST_NAME),
                        Value.text("/api"))), FUNCTION_KEY_HEADER, key, at));
        backends.put(app, backend);
        return backend;
    }

    private static String unique(String name, Set<String> taken) {
        String unique = name;
        for (int i = 2; !taken.add(unique); i++) {
            unique = name + "-" + i;
        }
        return unique;
    }

    private static Optional<Value> and(Optional<Value> a, Optional<Value> b) {
        if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
            return a.or(() -> b);
        }
        return Optional.of(new Value.Call(Value.Fn.AND, List.of(a.get(), b.get())));
    }

    /**
     * An operation's URL template: {@code {name}} segments are template parameters; a greedy {@code {proxy+}} and
     * an HTTP API's {@code $default} route become API Management's wildcard {@code /*}
     * (learn.microsoft.com/azure/api-management/add-api-manually#add-and-test-a-wildcard-operation).
     */
    private record Template(String url, List<String> parameters) {
    }

    private static Template template(String path) {
        if ("$default".equals(path)) {
            return new Template("/*", List.of());
        }
        List<String> segments = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.matches("\\{[^}]+\\+}")) {
                segments.add("*");
                break;
            }
            Matcher m = Pattern.compile("\\{([^}]+)}").matcher(segment);
            while (m.find()) {
                parameters.add(m.group(1));
            }
            segments.add(segment);
        }
        return new Template("/" + String.join("/", segments), parameters);
    }

    // ------------------------------------------------------------------ JWT and Cognito

    /** The validate-jwt settings of an authorizer, with the deviation that says what was carried. */
    private Jwt jwt(String apiId, String authorizer, Route route, SourceLocation at, Deviation.Target target) {
        Map<String, Expr> config = route.auth().config();
        String header = "Authorization";
        boolean query = false;
        Optional<String> source = anyCase(config, "IdentitySource").flatMap(Expr::asString)
                .or(() -> anyCase(entries(config.get("Identity")), "Header").flatMap(Expr::asString)
                        .map(h -> "$request.header." + h));
        if (source.isPresent()) {
            Matcher m = Pattern.compile("\\$request\\.(header|querystring)\\.([A-Za-z0-9_.-]+)").matcher(source.get());
            if (m.matches()) {
                query = m.group(1).equals("querystring");
                header = m.group(2);
            }
        }
        List<Value> issuers = new ArrayList<>();
        List<Value> audiences = new ArrayList<>();
        String what;
        String from;
        if (route.auth().kind() == Kind.COGNITO) {
            Optional<Expr> pools = Optional.ofNullable(config.get("UserPoolArn"));
            what = "Cognito user pool authorizer " + authorizer + pools.map(p -> " (" + p + ")").orElse("");
            List<Expr> arns = pools.map(p -> p instanceof Expr.ListExpr l ? l.items() : List.of(p)).orElse(List.of());
            for (Expr arn : arns) {
                Matcher m = arn.asString().map(USER_POOL_ARN::matcher).filter(Matcher::matches).orElse(null);
                if (m == null) {
                    issuers.clear();
                    break;
                }
                issuers.add(Value.text("https://cognito-idp." + m.group(1) + ".amazonaws.com/" + m.group(2)));
            }
            from = issuers.isEmpty() ? "" : "the user pool's issuer " + issuers.stream().map(v -> ((Value.Text) v)
                    .value()).toList();
        } else {
            Map<String, Expr> jwt = entries(config.get("JwtConfiguration"));
            what = "JWT authorizer " + authorizer;
            Optional<Expr> issuer = anyCase(jwt, "issuer");
            issuer.filter(i -> i.asString().isPresent() || i instanceof Expr.ParameterRef)
                    .ifPresent(i -> issuers.add(context.translate(i, at, Optional.of(target))));
            from = issuers.isEmpty() ? "" : "the issuer " + issuer.get();
            issuerParameter(apiId, authorizer, issuer.map(i -> "the issuer " + i)
                    .orElse("an issuer the template does not give"), issuers, at);
            Optional<Expr> audience = anyCase(jwt, "audience");
            for (Expr a : audience.map(x -> x instanceof Expr.ListExpr l ? l.items() : List.of(x)).orElse(List.of())) {
                if (a.asString().isPresent() || a instanceof Expr.ParameterRef) {
                    audiences.add(context.translate(a, at, Optional.of(target)));
                } else {
                    // An audience of AWS (a Cognito app client's id) is asked for: leaving it out would accept the
                    // issuer's tokens for any audience.
                    audiences.add(new Value.Param(context.addParameter(Names.lowerCamel(authorizer) + "Audience",
                            AzureParameter.ParamType.STRING, "An audience the " + authorizer + " authorizer of "
                                    + apiId + " accepts, replacing " + a + " (for a Cognito user pool, the id of the"
                                    + " app client; for Microsoft Entra ID, the application id URI).", at)));
                }
            }
        }
        String parameter = issuerParameter(apiId, authorizer, Optional.ofNullable(config.get("UserPoolArn"))
                .map(p -> "the Cognito user pool " + p).orElse("an issuer the template does not give"), issuers, at);
        context.deviation(DeviationCatalog.JWT_VALIDATION, "the " + what + " of " + apiId + " becomes a validate-jwt"
                + " policy on its routes, checking " + (parameter == null ? from : "the issuer of parameter "
                + parameter) + anyCase(entries(config.get("JwtConfiguration")), "audience").map(a -> " and the audiences "
                + a).orElse("")
                + (header.equals("Authorization") && !query ? "" : " with the token read from "
                + (query ? "query parameter " : "header ") + header)
                // validate-jwt compares audiences with the aud claim only (learn.microsoft.com/azure/api-management/
                // validate-jwt-policy); API Gateway's JWT authorizer also takes a matching client_id.
                + (audiences.isEmpty() || route.auth().kind() != Kind.JWT ? "" : "; API Management checks the"
                + " audiences against the aud claim only, where API Gateway also accepted a matching client_id"
                + " (Cognito access tokens carry no aud)")
                + (route.auth().scopes().isEmpty() ? "" : "; the scopes are checked in the scope claim (Microsoft"
                + " Entra ID writes them in scp)"), at, Optional.of(target));
        return new Jwt(header, query, issuers, audiences);
    }

    /**
     * The parameter that supplies the issuer when the template's is not a literal or a parameter (a Cognito user pool
     * of the template, an issuer built with the region), added to the issuers; empty when they are known.
     */
    private String issuerParameter(String apiId, String authorizer, String replaced, List<Value> issuers,
                                   SourceLocation at) {
        if (!issuers.isEmpty()) {
            return issuers.get(0) instanceof Value.Param p ? p.name() : null;
        }
        String parameter = context.addParameter(Names.lowerCamel(authorizer) + "Issuer", AzureParameter.ParamType.STRING,
                "The OpenID Connect issuer the " + authorizer + " authorizer of " + apiId + " trusts, replacing "
                        + replaced + " (https://cognito-idp.<region>.amazonaws.com/<user pool id> keeps a Cognito user"
                        + " pool, https://login.microsoftonline.com/<tenant id>/v2.0 is Microsoft Entra ID).", at);
        issuers.add(new Value.Param(parameter));
        return parameter;
    }

    private Value operationPolicy(String backend, Optional<Jwt> jwt, Optional<Expr> scopes, SourceLocation at,
                                  Deviation.Target target) {
        Xml xml = new Xml().text("<policies><inbound><base />");
        jwt.ifPresent(j -> {
            // API Gateway answers 401 Unauthorized to a missing or invalid token.
            xml.text("<validate-jwt " + (j.query() ? "query-parameter-name" : "header-name") + "=\"")
                    .literal(j.header())
                    .text("\" failed-validation-httpcode=\"401\" failed-validation-error-message=\"Unauthorized\">");
            // Each issuer's signing keys come from its OpenID configuration, as API Gateway finds them.
            for (Value issuer : j.issuers()) {
                // Discovery documents sit under the issuer (OpenID Connect Discovery 1.0, section 4).
                Value base = issuer instanceof Value.Text t ? Value.text(t.value().replaceAll("/+$", "")) : issuer;
                xml.text("<openid-config url=\"").value(base).text("/.well-known/openid-configuration\" />");
            }
            if (!j.audiences().isEmpty()) {
                xml.text("<audiences>");
                j.audiences().forEach(a -> xml.text("<audience>").value(a).text("</audience>"));
                xml.text("</audiences>");
            }
            xml.text("<issuers>");
            j.issuers().forEach(i -> xml.text("<issuer>").value(i).text("</issuer>"));
            xml.text("</issuers>");
            List<Expr> required = scopes.map(s -> s instanceof Expr.ListExpr l ? l.items() : List.of(s))
                    .orElse(List.of());
            if (!required.isEmpty()) {
                // API Gateway accepts a token that has any of the route's scopes in its scope claim.
                xml.text("<required-claims><claim name=\"scope\" match=\"any\" separator=\" \">");
                required.forEach(s -> xml.text("<value>").value(context.translate(s, at, Optional.of(target)))
                        .text("</value>"));
                xml.text("</claim></required-claims>");
            }
            xml.text("</validate-jwt>");
        });
        xml.text("<set-backend-service backend-id=\"").value(Value.ref(backend, Value.Attribute.NAME))
                .text("\" /></inbound>");
        return xml.sections().build();
    }

    private Value corsPolicy(CorsRules cors, SourceLocation at, Deviation.Target target) {
        boolean any = cors.origins().stream().anyMatch(o -> CorsRules.unquote(o).equals(Expr.string("*")));
        // API Management refuses credentials with the wildcard origin, as browsers do.
        Xml xml = new Xml().text("<policies><inbound><base /><cors allow-credentials=\""
                + (cors.credentials() && !any) + "\"><allowed-origins>");
        for (Expr origin : cors.origins()) {
            Expr clean = CorsRules.unquote(origin);
            xml.text("<origin>").value(clean.asString().<Value>map(Value::text)
                    .orElseGet(() -> context.translate(clean, at, Optional.of(target)))).text("</origin>");
        }
        xml.text("</allowed-origins><allowed-methods>");
        (cors.methods().isEmpty() ? List.of("*") : cors.methods()).forEach(m -> xml.text("<method>").literal(m)
                .text("</method>"));
        xml.text("</allowed-methods><allowed-headers>");
        (cors.headers().isEmpty() ? List.of("*") : cors.headers()).forEach(h -> xml.text("<header>").literal(h)
                .text("</header>"));
        xml.text("</allowed-headers></cors></inbound>");
        return xml.sections().build();
    }

    // ------------------------------------------------------------------ API keys and usage plans

    private void products(String apiId, String api, Optional<Value> condition, boolean keys, List<Route> gateway,
                          SourceLocation at) {
        Optional<Map<String, Expr>> plan = usagePlan(apiId);
        String product;
        String productName;
        boolean created = true;
        if (plan.isPresent() && "SHARED".equals(plan.get().get("CreateUsagePlan").asString().orElse(""))) {
            productName = "shared-usage-plan";
            created = sharedProduct == null;
            if (created) {
                sharedProduct = product(context.names().symbol("sharedUsagePlan"), productName, Optional.empty(),
                        plan.get(), "the shared usage plan", templateStart);
            }
            product = sharedProduct;
        } else if (plan.isPresent()) {
            productName = Names.kebab(apiId, 200) + "-usage-plan";
            product = product(context.names().symbol(apiId + "UsagePlan"), productName, condition, plan.get(),
                    "the usage plan of " + apiId, at);
        } else if (keys) {
            productName = Names.kebab(apiId, 200) + "-keys";
            product = product(context.names().symbol(apiId + "Keys"), productName, condition, Map.of(),
                    "the API keys of " + apiId, at);
        } else {
            return;
        }
        context.add(new AzureResource.ApiManagementProductApi(context.names().symbol(product + "_" + api),
                Value.ref(api, Value.Attribute.NAME), condition, product, api, at));
        if (created) {
            // The API keys of a usage plan become one subscription, as SAM creates one API key for a usage plan.
            String subscription = Names.kebab(productName, 200) + "-subscription";
            AzureResource.ApiManagementProduct p = (AzureResource.ApiManagementProduct) context.resource(product)
                    .orElseThrow();
            context.add(new AzureResource.ApiManagementSubscription(context.names().symbol(product + "Subscription"),
                    Value.text(subscription), p.condition(), product, productName.length() > 87
                    ? productName.substring(0, 87) + " subscription" : productName + " subscription", "active", false,
                    p.source()));
        }
        if (keys) {
            List<String> opened = gateway.stream().filter(r -> !r.auth().apiKey())
                    .map(r -> r.http().method() + " " + r.http().path()).toList();
            context.deviation(DeviationCatalog.API_KEYS, "the routes of " + apiId + " that required an API key are"
                    + " served by API Management, which reads a subscription key of product " + productName + " from"
                    + " the " + API_KEY_HEADER + " header; recreate consumers' keys as subscriptions of it"
                    + (opened.isEmpty() ? "" : "; " + opened + " did not require a key and now do"), at,
                    Optional.of(Deviation.Target.property(api, "subscriptionRequired")));
        }
    }

    /** A product and, for a usage plan with limits, its policy. */
    private String product(String symbol, String name, Optional<Value> condition, Map<String, Expr> plan,
                           String what, SourceLocation at) {
        Value displayName = Optional.ofNullable(plan.get("UsagePlanName")).filter(n -> n.asString().isPresent())
                .map(n -> context.translate(n, at, Optional.empty())).orElse(Value.text(name));
        context.add(new AzureResource.ApiManagementProduct(symbol, Value.text(name), condition, service, displayName,
                true, false, true, at));
        List<String> notes = new ArrayList<>();
        Optional<Value> limits = limits(plan, at, notes, Deviation.Target.resource(symbol));
        limits.ifPresent(xml -> context.add(new AzureResource.ApiManagementPolicy(context.names().symbol(symbol
                + "Policy"), Value.text("policy"), condition, symbol, xml, at)));
        if (limits.isPresent() || !notes.isEmpty()) {
            context.deviation(DeviationCatalog.USAGE_PLAN_LIMITS, what + " becomes product " + name
                    + (notes.isEmpty() ? "" : ": " + String.join("; ", notes)), at,
                    Optional.of(Deviation.Target.resource(symbol)));
        }
        return symbol;
    }

    /**
     * The product policy of a usage plan's throttle and quota. {@code rate-limit} allows a renewal period of at most
     * 300 seconds (learn.microsoft.com/azure/api-management/rate-limit-policy) and {@code quota} applies only at
     * product scope (learn.microsoft.com/azure/api-management/quota-policy).
     */
    private Optional<Value> limits(Map<String, Expr> plan, SourceLocation at, List<String> notes,
                                   Deviation.Target target) {
        Map<String, Expr> throttle = entries(plan.get("Throttle"));
        Map<String, Expr> quota = entries(plan.get("Quota"));
        Xml xml = new Xml().text("<policies><inbound><base />");
        boolean any = false;
        Optional<Expr> rate = Optional.ofNullable(throttle.get("RateLimit"));
        if (rate.isPresent()) {
            Optional<BigDecimal> literal = number(rate.get());
            if (literal.isPresent() && literal.get().signum() > 0) {
                // API Gateway's rate is requests per second: the shortest window that makes it a whole number of
                // calls.
                int period = 1;
                while (period < 300 && literal.get().multiply(BigDecimal.valueOf(period)).stripTrailingZeros()
                        .scale() > 0) {
                    period++;
                }
                BigDecimal calls = literal.get().multiply(BigDecimal.valueOf(period)).max(BigDecimal.ONE)
                        .setScale(0, java.math.RoundingMode.DOWN);
                xml.text("<rate-limit calls=\"" + calls.toPlainString() + "\" renewal-period=\"" + period + "\" />");
                notes.add("the rate of " + literal.get().toPlainString() + " requests per second becomes " + calls
                        + " calls per " + period + (period == 1 ? " second" : " seconds"));
                any = true;
            } else if (rate.get() instanceof Expr.ParameterRef) {
                xml.text("<rate-limit calls=\"").value(context.translate(rate.get(), at, Optional.of(target)))
                        .text("\" renewal-period=\"1\" />");
                notes.add("the rate " + rate.get() + " must be a whole number of requests per second");
                any = true;
            } else {
                notes.add("the rate " + rate.get() + " is not carried");
            }
        }
        Optional.ofNullable(throttle.get("BurstLimit")).ifPresent(b -> notes.add("the burst limit " + b
                + " is not carried: API Management has none"));
        Optional<Expr> limit = Optional.ofNullable(quota.get("Limit"));
        if (limit.isPresent()) {
            String period = Optional.ofNullable(quota.get("Period")).flatMap(Expr::asString)
                    .map(p -> p.toUpperCase(Locale.ROOT)).orElse("");
            int seconds = switch (period) {
                case "DAY" -> 86_400;
                case "WEEK" -> 604_800;
                case "MONTH" -> 2_592_000;
                default -> 0;
            };
            Optional<BigDecimal> literal = number(limit.get());
            boolean symbolic = limit.get() instanceof Expr.ParameterRef;
            if (seconds > 0 && (literal.isPresent() || symbolic)) {
                xml.text("<quota calls=\"").value(literal.<Value>map(n -> Value.text(n.toBigInteger().toString()))
                        .orElseGet(() -> context.translate(limit.get(), at, Optional.of(target))))
                        .text("\" renewal-period=\"" + seconds + "\" />");
                notes.add("the quota of " + limit.get() + " calls per " + period.toLowerCase(Locale.ROOT)
                        + " counts from the subscription's creation" + (period.equals("MONTH")
                        ? ", in periods of 30 days" : ""));
                any = true;
            } else {
                notes.add("the quota " + limit.get() + " per " + quota.get("Period") + " is not carried");
            }
            Optional.ofNullable(quota.get("Offset")).ifPresent(o -> notes.add("the quota offset " + o
                    + " is not carried"));
        }
        xml.text("</inbound>");
        return any ? Optional.of(xml.sections().build()) : Optional.empty();
    }

    private static Optional<BigDecimal> number(Expr expr) {
        if (expr instanceof Expr.NumberLiteral n) {
            return Optional.of(n.value());
        }
        return expr.asString().filter(s -> s.strip().matches("\\d+(\\.\\d+)?")).map(s -> new BigDecimal(s.strip()));
    }

    // ------------------------------------------------------------------ XML

    /**
     * A policy document as literal text and deployment values. Literal text is written as given (the caller writes
     * well-formed XML); {@link #literal} escapes a value that comes from the template.
     */
    private static final class Xml {
        private final List<Value> parts = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Xml text(String xml) {
            text.append(xml);
            return this;
        }

        Xml literal(String value) {
            return text(escape(value));
        }

        /** A value known when the deployment runs; a literal one is escaped now. */
        Xml value(Value value) {
            if (value instanceof Value.Text t) {
                return literal(t.value());
            }
            flush();
            parts.add(value);
            return this;
        }

        /** Closes the document: the other sections only inherit the enclosing scopes' policies. */
        Xml sections() {
            return text("<backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error>"
                    + "</policies>");
        }

        Value build() {
            flush();
            return parts.size() == 1 ? parts.get(0) : new Value.Interpolation(parts);
        }

        private void flush() {
            if (text.length() > 0) {
                parts.add(Value.text(text.toString()));
                text.setLength(0);
            }
        }

        private static String escape(String value) {
            return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }
    }
}
