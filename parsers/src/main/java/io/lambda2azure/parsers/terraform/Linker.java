package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.References;
import io.lambda2azure.core.model.AsyncInvokeConfig;
import io.lambda2azure.core.model.Destination;
import io.lambda2azure.core.model.FunctionAlias;
import io.lambda2azure.core.model.event.EventKind;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.event.PollingSetting;
import io.lambda2azure.core.model.event.PollingSettings;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.source.SourceLocation;
import io.lambda2azure.parsers.aws.ApiAuth;
import io.lambda2azure.parsers.aws.ApiGatewayMethods;
import io.lambda2azure.parsers.aws.EventSourceArns;
import io.lambda2azure.parsers.aws.InvokingService;
import io.lambda2azure.parsers.aws.OpenApiAuth;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Links functions to what Terraform declares on other resources: event source mappings, function URLs,
 * aliases and their provisioned concurrency, invoke configs, API Gateway routes and methods with their
 * integrations, SNS subscriptions, S3 notifications, EventBridge rules with their targets, Scheduler
 * schedules, role policies and attachments, and last the invoke permissions. Each gives the same
 * {@link EventSource} variant with the same settings the CloudFormation reader gives for its CloudFormation
 * or SAM counterpart; the event's id is the logical id of the resource that declares it.
 */
final class Linker {

    /** The settings of an event source mapping and the polling setting each is. */
    private static final Map<String, PollingSetting> POLLING = Map.ofEntries(
            Map.entry("batch_size", PollingSetting.BATCH_SIZE),
            Map.entry("maximum_batching_window_in_seconds", PollingSetting.MAXIMUM_BATCHING_WINDOW_IN_SECONDS),
            Map.entry("enabled", PollingSetting.ENABLED),
            Map.entry("starting_position", PollingSetting.STARTING_POSITION),
            Map.entry("starting_position_timestamp", PollingSetting.STARTING_POSITION_TIMESTAMP),
            Map.entry("maximum_retry_attempts", PollingSetting.MAXIMUM_RETRY_ATTEMPTS),
            Map.entry("maximum_record_age_in_seconds", PollingSetting.MAXIMUM_RECORD_AGE_IN_SECONDS),
            Map.entry("bisect_batch_on_function_error", PollingSetting.BISECT_BATCH_ON_FUNCTION_ERROR),
            Map.entry("parallelization_factor", PollingSetting.PARALLELIZATION_FACTOR),
            Map.entry("tumbling_window_in_seconds", PollingSetting.TUMBLING_WINDOW_IN_SECONDS),
            Map.entry("function_response_types", PollingSetting.FUNCTION_RESPONSE_TYPES),
            Map.entry("kms_key_arn", PollingSetting.KMS_KEY_ARN));


    private final Model model;
    /** Resources an event is tied to besides the ones its settings name (a rule for its targets' events). */
    private final Map<EventSource, Set<String>> ties = new HashMap<>();
    /** Queues an SNS subscription of the configuration delivers to. */
    private final Set<String> subscribedQueues = new HashSet<>();
    /** Event source mappings read with the SNS subscription that delivers to their queue. */
    private final Set<String> readWithTopic = new HashSet<>();
    /** Provisioned concurrency per function and qualifier. */
    private final Map<List<Object>, Expr> provisioned = new LinkedHashMap<>();
    /** The usage plan of each REST API that has one, in the model's shape. */
    private final ApiAuth.UsagePlans usagePlans = new ApiAuth.UsagePlans();

    Linker(Model model) {
        this.model = model;
    }

    /** Links every trigger, alias and policy attachment; {@link #permissions} comes after. */
    void link() {
        prepare();
        usagePlans();
        List<Declared.Instance> deferred = new ArrayList<>();
        for (Declared.Instance i : List.copyOf(model.instances)) {
            if (model.isUnsupported(i.logicalId()) || i.declared().kind != Declared.Kind.RESOURCE) {
                continue;
            }
            switch (i.declared().type) {
                case "aws_lambda_event_source_mapping" -> {
                    if (readsSubscribedQueue(i)) {
                        deferred.add(i);
                    } else {
                        eventSourceMapping(i);
                    }
                }
                case "aws_lambda_function_url" -> functionUrl(i);
                case "aws_lambda_alias" -> alias(i);
                case "aws_lambda_provisioned_concurrency_config" -> provisionedConfig(i);
                case "aws_lambda_function_event_invoke_config" -> invokeConfig(i);
                case "aws_api_gateway_rest_api" -> {
                    openApiBody(i, HttpApiKind.REST_API);
                    apiAuth(i, "aws_api_gateway_authorizer", "rest_api_id");
                }
                case "aws_api_gateway_method" -> restMethod(i);
                case "aws_api_gateway_integration" -> restIntegration(i);
                case "aws_api_gateway_resource" -> restResource(i);
                case "aws_api_gateway_deployment", "aws_apigatewayv2_deployment" -> deployment(i);
                case "aws_api_gateway_stage", "aws_apigatewayv2_stage" -> stage(i);
                case "aws_apigatewayv2_api" -> {
                    httpApi(i);
                    apiAuth(i, "aws_apigatewayv2_authorizer", "api_id");
                }
                case "aws_apigatewayv2_route" -> v2Route(i);
                case "aws_apigatewayv2_integration" -> v2Integration(i);
                case "aws_sns_topic_subscription" -> subscription(i);
                case "aws_s3_bucket_notification" -> bucketNotification(i);
                case "aws_cloudwatch_event_rule" -> rule(i);
                case "aws_cloudwatch_event_target" -> target(i);
                case "aws_scheduler_schedule" -> schedule(i);
                case "aws_cognito_user_pool" -> userPool(i);
                case "aws_iam_role_policy" -> rolePolicy(i);
                case "aws_iam_role_policy_attachment" -> attachment(i);
                default -> {
                }
            }
        }
        for (Declared.Instance i : deferred) {
            if (!readWithTopic.contains(i.logicalId())) {
                eventSourceMapping(i);
            }
        }
    }

    // ---------------------------------------------------------------- preparation

    private void prepare() {
        for (Declared.Instance s : model.ofType("aws_sns_topic_subscription")) {
            if (Expr.string("sqs").equals(peek(s, "protocol"))) {
                model.resourceOf(peek(s, "endpoint"), "aws_sqs_queue").ifPresent(subscribedQueues::add);
            }
        }
        for (Declared.Instance p : model.ofType("aws_lambda_provisioned_concurrency_config")) {
            Optional<String> function = model.functionOf(peek(p, "function_name"));
            if (function.isPresent()) {
                provisioned.put(List.of(function.get(), peek(p, "qualifier")),
                        peek(p, "provisioned_concurrent_executions"));
            }
        }
    }

    /** An attribute's value without marking it read (for looking ahead), null literal when absent. */
    private Expr peek(Declared.Instance i, String attribute) {
        return model.attrs(i).peek(attribute);
    }

    // ---------------------------------------------------------------- event source mappings

    private boolean readsSubscribedQueue(Declared.Instance i) {
        return model.resourceOf(peek(i, "event_source_arn"), "aws_sqs_queue").filter(subscribedQueues::contains)
                .isPresent();
    }

    private void eventSourceMapping(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> functionName = a.expr("function_name");
        Optional<String> function = functionName.flatMap(model::functionOf);
        if (function.isEmpty()) {
            model.unsupported(i, functionName.isEmpty() ? "event source mapping without function_name"
                    : "event source mapping for " + functionName.get() + ", which is not a function of this"
                    + " configuration");
            return;
        }
        Optional<EventSource> event = pollingEvent(i.logicalId(), i.condition(), a, i.location(),
                EventOrigin.EVENT_SOURCE_MAPPING, i);
        event.ifPresent(e -> model.functions.get(function.get()).events.add(e));
    }

    /**
     * The polled event a mapping's settings describe, or empty (the instance then unsupported) when its
     * source cannot be told. Shared with the Lambda module's {@code event_source_mapping} entries.
     */
    Optional<EventSource> pollingEvent(String id, Optional<String> condition, Attrs a, SourceLocation at,
                                       EventOrigin origin, Declared.Instance owner) {
        Optional<Expr> arn = a.expr("event_source_arn");
        EventKind kind = mappingKind(a, arn);
        if (kind == null) {
            String reason = arn.isEmpty()
                    ? "event source mapping without event_source_arn or self_managed_event_source; its source is"
                    + " unknown"
                    : "event source mapping whose event_source_arn " + arn.get() + " does not show which service it"
                    + " reads (SQS, DynamoDB, Kinesis, Kafka, Amazon MQ or DocumentDB); refer to the queue, table"
                    + " or stream, or write its ARN, so that the event can be mapped";
            if (owner != null) {
                model.unsupported(owner, reason);
            } else {
                model.unsupported(id, "event_source_mapping", reason, List.of(), at);
            }
            return Optional.empty();
        }
        PollingSettings settings = settings(a);
        return Optional.of(switch (kind) {
            case QUEUE -> new EventSource.Queue(id, origin, condition, arn.orElseThrow(), settings, at);
            case TABLE_STREAM -> new EventSource.TableStream(id, origin, condition, arn.orElseThrow(), settings, at);
            case STREAM -> new EventSource.Stream(id, origin, condition, arn.orElseThrow(), settings, at);
            case KAFKA -> {
                Expr topics = a.expr("topics").orElse(new Expr.ListExpr(List.of()));
                Optional<Attrs> selfManaged = a.block("self_managed_event_source");
                if (selfManaged.isPresent()) {
                    Optional<Expr> servers = selfManaged.get().expr("endpoints").map(e -> e instanceof Expr.MapExpr m
                            && m.entries().containsKey("KAFKA_BOOTSTRAP_SERVERS")
                            ? m.entries().get("KAFKA_BOOTSTRAP_SERVERS") : e);
                    Optional<Expr> group = a.block("self_managed_kafka_event_source_config")
                            .flatMap(c -> c.expr("consumer_group_id"));
                    yield new EventSource.Kafka(id, origin, condition, false, Optional.empty(), servers, topics, group,
                            settings, at);
                }
                Optional<Expr> group = a.block("amazon_managed_kafka_event_source_config")
                        .flatMap(c -> c.expr("consumer_group_id"));
                yield new EventSource.Kafka(id, origin, condition, true, arn, Optional.empty(), topics, group,
                        settings, at);
            }
            case BROKER -> new EventSource.Broker(id, origin, condition, arn.orElseThrow(),
                    a.expr("queues").orElseThrow(), settings, at);
            case DOCUMENT_DB_STREAM -> {
                Attrs config = a.block("document_db_event_source_config").orElseThrow();
                yield new EventSource.DocumentDbStream(id, origin, condition, arn.orElseThrow(),
                        config.expr("database_name").orElse(Expr.string("")), config.expr("collection_name"),
                        config.expr("full_document"), settings, at);
            }
            default -> throw new IllegalStateException("not a polled event kind: " + kind);
        });
    }

    private EventKind mappingKind(Attrs a, Optional<Expr> arn) {
        if (a.hasBlock("document_db_event_source_config") && arn.isPresent()) {
            return EventKind.DOCUMENT_DB_STREAM;
        }
        if (a.has("topics") && (a.hasBlock("self_managed_event_source") || arn.isPresent())) {
            return EventKind.KAFKA;
        }
        if (arn.isEmpty()) {
            return null;
        }
        if (a.has("queues")) {
            return EventKind.BROKER;
        }
        Set<EventKind> kinds = new HashSet<>();
        for (String id : References.of(arn.get())) {
            EventKind kind = switch (model.typeOf(id)) {
                case "aws_sqs_queue" -> EventKind.QUEUE;
                case "aws_dynamodb_table" -> EventKind.TABLE_STREAM;
                case "aws_kinesis_stream", "aws_kinesis_stream_consumer" -> EventKind.STREAM;
                default -> null;
            };
            if (kind != null) {
                kinds.add(kind);
            }
        }
        String text = text(arn.get());
        if (text != null) {
            kinds.addAll(EventSourceArns.kinds(text));
        }
        return kinds.size() == 1 ? kinds.iterator().next() : null;
    }

    /** The polling settings, structured ones in CloudFormation's shape. */
    static PollingSettings settings(Attrs a) {
        Map<PollingSetting, Expr> values = new EnumMap<>(PollingSetting.class);
        POLLING.forEach((argument, setting) -> a.expr(argument).ifPresent(v -> values.put(setting, v)));
        a.block("filter_criteria").ifPresent(c -> {
            List<Expr> filters = new ArrayList<>();
            for (Attrs filter : c.blocks("filter")) {
                filter.expr("pattern").ifPresent(p -> filters.add(new Expr.MapExpr(Map.of("Pattern", p))));
            }
            values.put(PollingSetting.FILTER_CRITERIA, new Expr.MapExpr(Map.of("Filters", new Expr.ListExpr(filters))));
        });
        a.block("destination_config").flatMap(d -> d.block("on_failure")).flatMap(f -> f.expr("destination_arn"))
                .ifPresent(d -> values.put(PollingSetting.ON_FAILURE_DESTINATION,
                        new Expr.MapExpr(Map.of("OnFailure", new Expr.MapExpr(Map.of("Destination", d))))));
        a.block("scaling_config").ifPresent(s -> values.put(PollingSetting.MAXIMUM_CONCURRENCY,
                s.asCloudFormationMap()));
        List<Attrs> access = a.blocks("source_access_configuration");
        if (!access.isEmpty()) {
            List<Expr> items = new ArrayList<>();
            for (Attrs c : access) {
                Map<String, Expr> entry = new LinkedHashMap<>();
                c.expr("type").ifPresent(v -> entry.put("Type", v));
                c.expr("uri").ifPresent(v -> entry.put("URI", v));
                items.add(new Expr.MapExpr(entry));
            }
            values.put(PollingSetting.SOURCE_ACCESS_CONFIGURATIONS, new Expr.ListExpr(items));
        }
        a.block("metrics_config").ifPresent(m -> values.put(PollingSetting.METRICS_CONFIG, m.asCloudFormationMap()));
        a.block("provisioned_poller_config").ifPresent(p -> values.put(PollingSetting.PROVISIONED_POLLER_CONFIG,
                p.asCloudFormationMap()));
        return new PollingSettings(values);
    }

    // ---------------------------------------------------------------- function settings

    private Optional<FunctionDraft> owner(Declared.Instance i, Attrs a, String argument, String what) {
        Optional<Expr> function = a.expr(argument);
        Optional<String> target = function.flatMap(model::functionOf);
        if (target.isEmpty()) {
            model.unsupported(i, what + " of " + function.map(Expr::toString).orElse("no function")
                    + ", which is not a function of this configuration");
        }
        return target.map(model.functions::get);
    }

    private void functionUrl(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<FunctionDraft> f = owner(i, a, "function_name", "function URL");
        if (f.isEmpty()) {
            return;
        }
        a.expr("qualifier");
        HttpAuth auth = new HttpAuth(a.expr("authorization_type"), Optional.empty(), Optional.empty(),
                Optional.empty());
        f.get().events.add(new EventSource.Http(i.logicalId(), EventOrigin.FUNCTION_URL, i.condition(),
                HttpApiKind.FUNCTION_URL, Optional.empty(), "/", "ANY", Optional.of(auth),
                a.block("cors").map(Attrs::asCloudFormationMap), i.location()));
    }

    private void alias(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<FunctionDraft> owner = owner(i, a, "function_name", "alias");
        if (owner.isEmpty()) {
            return;
        }
        FunctionDraft f = owner.get();
        Optional<Expr> name = a.expr("name");
        if (name.isEmpty()) {
            model.session.problem(i.location(), i.declared().address() + " has no name; aws_lambda_alias requires it");
            return;
        }
        Optional<Expr> version = a.expr("function_version");
        a.expr("description");
        Optional<Expr> provisionedHere = provisioned(f.logicalId, name.get(), i.logicalId());
        if (provisionedHere.isPresent() && f.provisionedConcurrency.isEmpty()) {
            f.provisionedConcurrency = provisionedHere;
        }
        Optional<Expr> routing = a.block("routing_config").map(Attrs::asCloudFormationMap);
        // An alias on the version each change publishes is SAM's AutoPublishAlias.
        if (f.publishes && f.autoPublishAlias.isEmpty() && version.filter(v -> v instanceof Expr.AttributeRef r
                && r.logicalId().equals(f.logicalId) && "Version".equals(r.attribute())).isPresent()) {
            f.autoPublishAlias = name;
        }
        f.aliases.add(new FunctionAlias(i.logicalId(), name.get(), provisionedHere, routing, i.location()));
    }

    /** The provisioned concurrency a config sets on a function's alias (by name or by reference). */
    private Optional<Expr> provisioned(String function, Expr aliasName, String aliasId) {
        for (Map.Entry<List<Object>, Expr> e : provisioned.entrySet()) {
            if (!e.getKey().get(0).equals(function)) {
                continue;
            }
            Expr qualifier = (Expr) e.getKey().get(1);
            if (qualifier.equals(aliasName) || References.of(qualifier).contains(aliasId)) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    private void provisionedConfig(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<FunctionDraft> owner = owner(i, a, "function_name", "provisioned concurrency config");
        if (owner.isEmpty()) {
            return;
        }
        a.expr("qualifier");
        Optional<Expr> executions = a.expr("provisioned_concurrent_executions");
        if (owner.get().provisionedConcurrency.isEmpty()) {
            owner.get().provisionedConcurrency = executions;
        }
        a.ignore("skip_destroy");
    }

    private void invokeConfig(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<FunctionDraft> owner = owner(i, a, "function_name", "event invoke config");
        if (owner.isEmpty()) {
            return;
        }
        FunctionDraft f = owner.get();
        if (f.asyncInvokeConfig.isPresent()) {
            model.unsupported(i, "function " + f.logicalId + " already has an event invoke config; only one is"
                    + " kept per function");
            return;
        }
        a.expr("qualifier");
        Optional<Destination> onSuccess = Optional.empty();
        Optional<Destination> onFailure = Optional.empty();
        Optional<Attrs> destinations = a.block("destination_config");
        if (destinations.isPresent()) {
            onSuccess = destinations.get().block("on_success").flatMap(d -> d.expr("destination"))
                    .map(d -> new Destination(Optional.empty(), d));
            onFailure = destinations.get().block("on_failure").flatMap(d -> d.expr("destination"))
                    .map(d -> new Destination(Optional.empty(), d));
        }
        f.asyncInvokeConfig = Optional.of(new AsyncInvokeConfig(a.expr("maximum_event_age_in_seconds"),
                a.expr("maximum_retry_attempts"), onSuccess, onFailure, i.location()));
    }

    // ---------------------------------------------------------------- API Gateway REST APIs

    private void restResource(Declared.Instance i) {
        Attrs a = model.attrs(i);
        a.expr("path_part");
        a.expr("parent_id");
        a.expr("rest_api_id");
    }

    private void deployment(Declared.Instance i) {
        // A deployment snapshots the API for a stage; the routes and the stage say everything the model keeps.
        Attrs a = model.attrs(i);
        a.ignore("rest_api_id", "api_id", "triggers", "description", "stage_name", "variables",
                "stage_description");
    }

    private void stage(Declared.Instance i) {
        Attrs a = model.attrs(i);
        a.expr("rest_api_id");
        a.expr("api_id");
        a.ignore("deployment_id", "auto_deploy");
    }

    private void restMethod(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Declared.Instance> integration = model.ofType("aws_api_gateway_integration").stream()
                .filter(g -> integrates(g, i)).findFirst();
        Optional<String> function = integration.flatMap(g -> model.functionOf(peek(g, "uri")));
        if (function.isEmpty()) {
            model.unsupported(i, "API Gateway method that integrates no function of this configuration"
                    + integration.map(g -> " (integration " + g.logicalId() + ")").orElse(""));
            return;
        }
        Optional<String> method = a.string("http_method").map(m -> m.toUpperCase(Locale.ROOT));
        if (method.isEmpty() || !ApiGatewayMethods.NAMES.contains(method.get())) {
            model.unsupported(i, "API Gateway method whose http_method is not a literal method name");
            return;
        }
        String path = restPath(a.expr("resource_id").orElse(null), 0);
        if (path == null) {
            model.unsupported(i, "API Gateway method whose resource_id does not lead, through aws_api_gateway_resource"
                    + " path parts of this configuration, to the API's root_resource_id; its path is unknown");
            return;
        }
        Optional<String> apiId = a.expr("rest_api_id").flatMap(v -> model.resourceOf(v, "aws_api_gateway_rest_api"));
        HttpAuth auth = new HttpAuth(a.expr("authorization"), a.expr("authorizer_id").flatMap(this::authorizerName),
                a.expr("authorization_scopes"), a.expr("api_key_required"));
        model.functions.get(function.get()).events.add(new EventSource.Http(i.logicalId(), EventOrigin.API_GATEWAY,
                i.condition(), HttpApiKind.REST_API, apiId, path, method.get(), Optional.of(auth), Optional.empty(),
                i.location()));
    }

    /** Whether an integration belongs to a method: it names the method, or its API, resource and verb. */
    private boolean integrates(Declared.Instance integration, Declared.Instance method) {
        Expr httpMethod = peek(integration, "http_method");
        if (References.of(httpMethod).contains(method.logicalId())) {
            return true;
        }
        return peek(integration, "resource_id").equals(peek(method, "resource_id"))
                && peek(integration, "rest_api_id").equals(peek(method, "rest_api_id"))
                && httpMethod.asString().map(m -> m.equalsIgnoreCase(peek(method, "http_method").asString().orElse("")))
                .orElse(false);
    }

    private void restIntegration(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> uri = a.expr("uri");
        if (uri.flatMap(model::functionOf).isEmpty()) {
            model.unsupported(i, "API Gateway integration with no function of this configuration"
                    + uri.map(u -> " (uri " + u + ")").orElse(""));
            return;
        }
        boolean routed = model.ofType("aws_api_gateway_method").stream().anyMatch(m -> integrates(i, m));
        if (!routed) {
            model.unsupported(i, "API Gateway integration that no method of this configuration has");
            return;
        }
        for (String argument : List.of("rest_api_id", "resource_id", "http_method", "type", "integration_http_method")) {
            a.expr(argument);
        }
    }

    /** The full path of an API Gateway resource, or null when it cannot be followed to the root. */
    private String restPath(Expr resourceId, int depth) {
        if (resourceId instanceof Expr.AttributeRef att && "RootResourceId".equals(att.attribute())) {
            return "/";
        }
        if (depth > 64 || !(resourceId instanceof Expr.ResourceRef ref)
                || !"aws_api_gateway_resource".equals(model.typeOf(ref.logicalId()))) {
            return null;
        }
        Declared.Instance resource = model.instance(ref.logicalId()).orElseThrow();
        Optional<String> part = peek(resource, "path_part").asString();
        if (part.isEmpty()) {
            return null;
        }
        String parent = restPath(peek(resource, "parent_id"), depth + 1);
        if (parent == null) {
            return null;
        }
        return (parent.endsWith("/") ? parent : parent + "/") + part.get();
    }

    /** Routes of an inline OpenAPI body ({@code body = jsonencode({...})}) that integrate a function. */
    private void openApiBody(Declared.Instance api, HttpApiKind kind) {
        Expr body = peek(api, "body");
        Expr definition = JsonExprs.decode(body).orElse(body);
        if (!(definition instanceof Expr.MapExpr map) || !(map.entries().get("paths") instanceof Expr.MapExpr paths)) {
            return;
        }
        paths.entries().forEach((path, item) -> {
            if (!(item instanceof Expr.MapExpr operations)) {
                return;
            }
            String routePath = kind == HttpApiKind.HTTP_API && ("$default".equals(path) || "/$default".equals(path))
                    ? "$default" : path;
            for (String operation : ApiGatewayMethods.OPENAPI_OPERATIONS) {
                if (operations.entries().get(operation) instanceof Expr.MapExpr op
                        && op.entries().get("x-amazon-apigateway-integration") instanceof Expr.MapExpr integration
                        && integration.entries().get("uri") != null) {
                    Optional<String> function = model.functionOf(integration.entries().get("uri"));
                    if (function.isEmpty()) {
                        continue;
                    }
                    String method = operation.startsWith("x-") ? "ANY" : operation.toUpperCase(Locale.ROOT);
                    model.functions.get(function.get()).events.add(new EventSource.Http(api.logicalId() + "["
                            + method + " " + routePath + "]", EventOrigin.API_GATEWAY, api.condition(), kind,
                            Optional.of(api.logicalId()), routePath, method, OpenApiAuth.operation(definition, op),
                            Optional.empty(), api.location()));
                }
            }
        });
    }

    // ---------------------------------------------------------------- API Gateway HTTP APIs

    private void httpApi(Declared.Instance i) {
        openApiBody(i, HttpApiKind.HTTP_API);
        Expr target = peek(i, "target");
        Optional<String> function = model.functionOf(target);
        if (function.isEmpty()) {
            return;
        }
        // Quick create: the API routes everything (or its route_key) to the function.
        Attrs a = model.attrs(i);
        a.expr("target");
        String path = "$default";
        String method = "ANY";
        Optional<String> key = a.string("route_key");
        if (key.isPresent()) {
            Optional<ApiGatewayMethods.Route> route = ApiGatewayMethods.routeKey(key.get());
            if (route.isPresent()) {
                method = route.get().method();
                path = route.get().path();
            }
        }
        model.functions.get(function.get()).events.add(new EventSource.Http(i.logicalId(), EventOrigin.API_GATEWAY,
                i.condition(), HttpApiKind.HTTP_API, Optional.of(i.logicalId()), path, method, Optional.empty(),
                Optional.empty(), a.location("target")));
    }

    private void v2Route(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> target = a.expr("target");
        Optional<String> integration = target.flatMap(t -> model.resourceOf(t, "aws_apigatewayv2_integration"));
        Optional<String> function = integration.flatMap(g -> model.instance(g))
                .flatMap(g -> model.functionOf(peek(g, "integration_uri")));
        if (function.isEmpty()) {
            model.unsupported(i, "API Gateway route whose target is not an integration of this configuration with a"
                    + " function of this configuration" + target.map(t -> " (target " + t + ")").orElse(""));
            return;
        }
        ApiGatewayMethods.Route route = a.string("route_key").flatMap(ApiGatewayMethods::routeKey).orElse(null);
        if (route == null) {
            model.unsupported(i, "API Gateway route whose route_key is not a literal \"$default\" or"
                    + " \"<METHOD> <path>\"");
            return;
        }
        Optional<String> apiId = a.expr("api_id").flatMap(v -> model.resourceOf(v, "aws_apigatewayv2_api"));
        Optional<Expr> type = a.expr("authorization_type");
        Optional<String> authorizer = a.expr("authorizer_id").flatMap(this::authorizerName);
        Optional<Expr> scopes = a.expr("authorization_scopes");
        Optional<Expr> apiKey = a.expr("api_key_required");
        Optional<HttpAuth> auth = type.isPresent() || authorizer.isPresent() || scopes.isPresent() || apiKey.isPresent()
                ? Optional.of(new HttpAuth(type, authorizer, scopes, apiKey)) : Optional.empty();
        model.functions.get(function.get()).events.add(new EventSource.Http(i.logicalId(), EventOrigin.API_GATEWAY,
                i.condition(), HttpApiKind.HTTP_API, apiId, route.path(), route.method(), auth, Optional.empty(),
                i.location()));
    }

    private void v2Integration(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> uri = a.expr("integration_uri");
        if (uri.flatMap(model::functionOf).isEmpty()) {
            model.unsupported(i, "API Gateway integration with no function of this configuration"
                    + uri.map(u -> " (integration_uri " + u + ")").orElse(""));
            return;
        }
        boolean routed = model.ofType("aws_apigatewayv2_route").stream()
                .anyMatch(r -> model.resourceOf(peek(r, "target"), "aws_apigatewayv2_integration")
                        .filter(i.logicalId()::equals).isPresent());
        if (!routed) {
            model.unsupported(i, "API Gateway integration that no route of this configuration targets");
            return;
        }
        for (String argument : List.of("api_id", "integration_type", "integration_method", "payload_format_version")) {
            a.expr(argument);
        }
    }

    // ---------------------------------------------------------------- API authorization

    private static final Set<String> AUTHORIZERS = Set.of("aws_api_gateway_authorizer", "aws_apigatewayv2_authorizer");

    /**
     * The authorizer a route's {@code authorizer_id} names, by its name as API Gateway knows it (what SAM keys
     * {@code Auth.Authorizers} by), else by whatever the value refers to.
     */
    private Optional<String> authorizerName(Expr authorizerId) {
        Optional<String> id = References.of(authorizerId).stream().findFirst();
        return id.map(ref -> model.instance(ref).filter(z -> AUTHORIZERS.contains(z.declared().type))
                .flatMap(z -> model.attrs(z).string("name")).orElse(ref));
    }

    /**
     * Reads the authorizers of an API ({@code aws_api_gateway_authorizer}, {@code aws_apigatewayv2_authorizer}, the
     * security schemes of its OpenAPI {@code body}) and its usage plan into its auth, in the shape the model keeps
     * ({@link ApiAuth}).
     */
    private void apiAuth(Declared.Instance api, String authorizerType, String apiArgument) {
        Map<String, Expr> authorizers = new LinkedHashMap<>();
        Expr body = peek(api, "body");
        // An inline OpenAPI body declares authorizers too, as its security schemes.
        Map<String, Expr> inBody = OpenApiAuth.authorizers(JsonExprs.decode(body).orElse(body),
                authorizerType.equals("aws_api_gateway_authorizer") ? HttpApiKind.REST_API : HttpApiKind.HTTP_API,
                model::functionOf);
        for (Declared.Instance z : model.ofType(authorizerType)) {
            if (model.resourceOf(peek(z, apiArgument), api.declared().type).filter(api.logicalId()::equals).isEmpty()) {
                continue;
            }
            model.claim(z.logicalId());
            Attrs a = model.attrs(z);
            a.expr(apiArgument);
            String name = a.string("name").orElse(z.logicalId());
            Optional<Expr> uri = a.expr("authorizer_uri");
            // The model names a Lambda authorizer by its function's ARN, as SAM's FunctionArn does.
            Optional<Expr> function = uri.map(u -> model.functionOf(u)
                    .<Expr>map(f -> new Expr.AttributeRef(f, "Arn")).orElse(u));
            a.ignore("authorizer_credentials");
            Optional<Attrs> jwt = a.block("jwt_configuration");
            Expr authorizer = authorizerType.equals("aws_api_gateway_authorizer")
                    ? ApiAuth.restAuthorizer(a.expr("type"), a.expr("identity_source"), a.expr("provider_arns"),
                    function, a.expr("authorizer_result_ttl_in_seconds"), a.expr("identity_validation_expression"))
                    : ApiAuth.httpAuthorizer(a.expr("authorizer_type"), a.expr("identity_sources"),
                    jwt.flatMap(j -> j.expr("issuer")), jwt.flatMap(j -> j.expr("audience")), function,
                    a.expr("authorizer_payload_format_version"), a.expr("enable_simple_responses"),
                    a.expr("authorizer_result_ttl_in_seconds"));
            authorizers.putIfAbsent(name, authorizer);
        }
        inBody.forEach(authorizers::putIfAbsent);
        Optional<Expr> auth = ApiAuth.of(authorizers, usagePlans.of(api.logicalId()));
        if (auth.isEmpty()) {
            return;
        }
        for (int k = 0; k < model.dependencies.size(); k++) {
            if (model.dependencies.get(k) instanceof DependencyResource.Api read
                    && read.logicalId().equals(api.logicalId())) {
                model.dependencies.set(k, ApiAuth.withAuth(read, auth.get()));
            }
        }
    }

    /** Usage plans by the REST APIs they cover ({@link ApiAuth.UsagePlans}), with their keys. */
    private void usagePlans() {
        for (Declared.Instance plan : model.ofType("aws_api_gateway_usage_plan")) {
            Attrs a = model.attrs(plan);
            List<String> apis = new ArrayList<>();
            for (Attrs stage : a.blocks("api_stages")) {
                stage.expr("api_id").flatMap(v -> model.resourceOf(v, "aws_api_gateway_rest_api"))
                        .filter(id -> !apis.contains(id)).ifPresent(apis::add);
                // A per-method throttle has no product-wide counterpart: left unread, it is reported.
                stage.expr("stage");
            }
            if (apis.isEmpty()) {
                continue; // reported as referring to no resource of the configuration
            }
            Optional<String> refused = usagePlans.carry(apis, shared -> {
                Optional<Attrs> throttle = a.block("throttle_settings");
                Optional<Attrs> quota = a.block("quota_settings");
                return ApiAuth.usagePlan(shared, a.expr("name"),
                        throttle.flatMap(t -> t.expr("rate_limit")), throttle.flatMap(t -> t.expr("burst_limit")),
                        quota.flatMap(q -> q.expr("limit")), quota.flatMap(q -> q.expr("period")),
                        quota.flatMap(q -> q.expr("offset")));
            });
            if (refused.isPresent()) {
                model.unsupported(plan, refused.get());
                continue;
            }
            model.claim(plan.logicalId());
            for (Declared.Instance key : model.ofType("aws_api_gateway_usage_plan_key")) {
                if (model.resourceOf(peek(key, "usage_plan_id"), "aws_api_gateway_usage_plan")
                        .filter(plan.logicalId()::equals).isEmpty()) {
                    continue;
                }
                model.claim(key.logicalId());
                Attrs k = model.attrs(key);
                k.expr("usage_plan_id");
                k.expr("key_type");
                // A key's value is not carried (its value is an unmapped property): consumers get subscription
                // keys of the API Management product instead.
                k.expr("key_id").flatMap(v -> model.resourceOf(v, "aws_api_gateway_api_key")).flatMap(model::instance)
                        .ifPresent(apiKey -> {
                            model.claim(apiKey.logicalId());
                            model.attrs(apiKey).ignore("name", "description", "enabled", "customer_id", "tags");
                        });
            }
        }
    }

    // ---------------------------------------------------------------- Cognito

    /** Cognito triggers whose Lambda is set in a block rather than an argument. */
    private static final Set<String> COGNITO_TRIGGER_BLOCKS = Set.of("custom_email_sender", "custom_sms_sender",
            "pre_token_generation_config");

    /**
     * A user pool's {@code lambda_config} triggers, as events of the functions they call; CloudFormation's names of
     * the triggers are Terraform's in UpperCamel ({@code pre_sign_up} → {@code PreSignUp}).
     */
    private void userPool(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Map<String, List<Expr>> triggers = new LinkedHashMap<>();
        Map<String, SourceLocation> locations = new HashMap<>();
        Optional<Attrs> config = a.block("lambda_config");
        if (config.isPresent()) {
            Attrs c = config.get();
            for (String trigger : c.argumentNames()) {
                if (trigger.equals("kms_key_id")) {
                    continue;
                }
                Optional<String> function = model.functionOf(c.peek(trigger));
                if (function.isPresent()) {
                    c.expr(trigger);
                    triggers.computeIfAbsent(function.get(), k -> new ArrayList<>()).add(Expr.string(
                            Ids.upperCamel(trigger)));
                    locations.putIfAbsent(function.get(), c.location(trigger));
                }
            }
            for (String block : COGNITO_TRIGGER_BLOCKS) {
                for (Attrs b : c.blocks(block)) {
                    Optional<String> function = b.expr("lambda_arn").flatMap(model::functionOf);
                    if (function.isPresent()) {
                        triggers.computeIfAbsent(function.get(), k -> new ArrayList<>()).add(Expr.string(
                                Ids.upperCamel(block)));
                        locations.putIfAbsent(function.get(), b.location());
                    }
                }
            }
        }
        if (triggers.isEmpty()) {
            model.unsupported(i, "Cognito user pool: no Azure equivalent is generated, and it triggers no function of"
                    + " this configuration");
            return;
        }
        Expr pool = new Expr.ResourceRef(i.logicalId());
        triggers.forEach((function, names) -> {
            String id = triggers.size() == 1 ? i.logicalId() : i.logicalId() + "[" + function + "]";
            model.functions.get(function).events.add(new EventSource.Cognito(id, EventOrigin.SOURCE_RESOURCE,
                    i.condition(), pool, names, locations.get(function)));
        });
    }

    // ---------------------------------------------------------------- SNS

    private void subscription(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> topic = a.expr("topic_arn");
        Optional<Expr> endpoint = a.expr("endpoint");
        String protocol = a.string("protocol").map(p -> p.toLowerCase(Locale.ROOT)).orElse("");
        if (topic.isEmpty() || endpoint.isEmpty()) {
            model.unsupported(i, "SNS subscription without topic_arn or endpoint");
            return;
        }
        if ("lambda".equals(protocol)) {
            Optional<String> function = model.functionOf(endpoint.get());
            if (function.isEmpty()) {
                model.unsupported(i, "SNS subscription of " + endpoint.get() + ", which is not a function of this"
                        + " configuration");
                return;
            }
            model.functions.get(function.get()).events.add(new EventSource.Topic(i.logicalId(),
                    EventOrigin.SOURCE_RESOURCE, i.condition(), topic.get(), a.expr("filter_policy"),
                    a.expr("filter_policy_scope"), Optional.empty(), Optional.empty(), i.location()));
            return;
        }
        if ("sqs".equals(protocol)) {
            List<EventSource> events = viaQueue(i, topic.get(), endpoint.get(), a);
            if (events.isEmpty()) {
                model.unsupported(i, "SNS subscription delivering to the queue " + endpoint.get() + ", which no"
                        + " function of this configuration reads through an event source mapping");
            }
            return;
        }
        model.unsupported(i, "SNS subscription with protocol " + (protocol.isEmpty() ? "(none)" : protocol)
                + "; only subscriptions that invoke a function of this configuration (protocol lambda, or sqs to a"
                + " queue a function reads) are mapped");
    }

    /** SAM's {@code SqsSubscription}: the functions reading the queue get the topic, with the mapping read. */
    private List<EventSource> viaQueue(Declared.Instance subscription, Expr topic, Expr endpoint, Attrs a) {
        List<EventSource> events = new ArrayList<>();
        Optional<String> queue = model.resourceOf(endpoint, "aws_sqs_queue");
        if (queue.isEmpty()) {
            return events;
        }
        Optional<Expr> filterPolicy = a.expr("filter_policy");
        Optional<Expr> filterPolicyScope = a.expr("filter_policy_scope");
        for (Declared.Instance mapping : model.ofType("aws_lambda_event_source_mapping")) {
            if (!model.resourceOf(peek(mapping, "event_source_arn"), "aws_sqs_queue").equals(queue)) {
                continue;
            }
            Attrs m = model.attrs(mapping);
            Optional<String> function = model.functionOf(peek(mapping, "function_name"));
            if (function.isEmpty()) {
                continue;
            }
            m.expr("function_name");
            Map<String, Expr> sqs = new LinkedHashMap<>();
            sqs.put("QueueArn", m.expr("event_source_arn").orElseThrow());
            m.expr("batch_size").ifPresent(v -> sqs.put("BatchSize", v));
            m.expr("enabled").ifPresent(v -> sqs.put("Enabled", v));
            readWithTopic.add(mapping.logicalId());
            EventSource event = new EventSource.Topic(subscription.logicalId(), EventOrigin.SOURCE_RESOURCE,
                    subscription.condition(), topic, filterPolicy, filterPolicyScope,
                    Optional.of(new Expr.MapExpr(sqs)), Optional.empty(), subscription.location());
            model.functions.get(function.get()).events.add(event);
            events.add(event);
        }
        return events;
    }

    // ---------------------------------------------------------------- S3

    private void bucketNotification(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> bucketValue = a.expr("bucket");
        Optional<String> bucket = bucketValue.flatMap(b -> model.resourceOf(b, "aws_s3_bucket"));
        if (bucket.isEmpty()) {
            model.unsupported(i, "S3 bucket notification of " + bucketValue.map(Expr::toString).orElse("no bucket")
                    + ", which is not a bucket of this configuration");
            return;
        }
        List<Attrs> configurations = a.blocks("lambda_function");
        for (int n = 0; n < configurations.size(); n++) {
            Attrs c = configurations.get(n);
            Optional<String> function = c.expr("lambda_function_arn").flatMap(model::functionOf);
            if (function.isEmpty()) {
                continue;
            }
            Expr events = c.expr("events").orElse(new Expr.ListExpr(List.of()));
            if (!(events instanceof Expr.ListExpr)) {
                events = new Expr.ListExpr(List.of(events));
            }
            List<Expr> rules = new ArrayList<>();
            c.expr("filter_prefix").ifPresent(p -> rules.add(new Expr.MapExpr(ruleEntry("prefix", p))));
            c.expr("filter_suffix").ifPresent(s -> rules.add(new Expr.MapExpr(ruleEntry("suffix", s))));
            Optional<Expr> filter = rules.isEmpty() ? Optional.empty() : Optional.of(new Expr.MapExpr(Map.of("S3Key",
                    new Expr.MapExpr(Map.of("Rules", new Expr.ListExpr(rules))))));
            String id = c.string("id").orElse(configurations.size() == 1 ? i.logicalId()
                    : i.logicalId() + ".lambda_function[" + n + "]");
            model.functions.get(function.get()).events.add(new EventSource.ObjectStorage(id,
                    EventOrigin.SOURCE_RESOURCE, i.condition(), new Expr.ResourceRef(bucket.get()), events, filter,
                    c.location()));
        }
    }

    private static Map<String, Expr> ruleEntry(String name, Expr value) {
        Map<String, Expr> rule = new LinkedHashMap<>();
        rule.put("Name", Expr.string(name));
        rule.put("Value", value);
        return rule;
    }

    // ---------------------------------------------------------------- EventBridge

    private void rule(Declared.Instance rule) {
        List<Declared.Instance> targets = targetsOf(rule);
        if (targets.stream().noneMatch(t -> model.functionOf(peek(t, "arn")).isPresent())) {
            model.unsupported(rule, "EventBridge rule with no target that is a function of this configuration");
            return;
        }
        Attrs a = model.attrs(rule);
        if (!a.has("schedule_expression") && !a.has("event_pattern")) {
            model.unsupported(rule, "EventBridge rule with neither schedule_expression nor event_pattern");
        }
    }

    private List<Declared.Instance> targetsOf(Declared.Instance rule) {
        return model.ofType("aws_cloudwatch_event_target").stream()
                .filter(t -> model.resourceOf(peek(t, "rule"), "aws_cloudwatch_event_rule")
                        .filter(rule.logicalId()::equals).isPresent())
                .toList();
    }

    private void target(Declared.Instance target) {
        Attrs t = model.attrs(target);
        Optional<String> ruleId = t.expr("rule").flatMap(r -> model.resourceOf(r, "aws_cloudwatch_event_rule"));
        Optional<Expr> arn = t.expr("arn");
        Optional<String> function = arn.flatMap(model::functionOf);
        if (ruleId.isEmpty() || function.isEmpty() || model.isUnsupported(ruleId.get())) {
            model.unsupported(target, ruleId.isEmpty() ? "EventBridge target of a rule outside this configuration"
                    : function.isEmpty() ? "EventBridge target that is not a function of this configuration"
                    + arn.map(x -> " (" + x + ")").orElse("")
                    : "target of " + ruleId.get() + ", which is not mapped");
            return;
        }
        Declared.Instance ruleInstance = model.instance(ruleId.get()).orElseThrow();
        Attrs r = model.attrs(ruleInstance);
        Optional<Expr> schedule = r.expr("schedule_expression");
        Optional<Expr> pattern = r.expr("event_pattern");
        Optional<Expr> eventBus = r.expr("event_bus_name");
        t.expr("event_bus_name");
        Optional<Expr> enabled = r.has("state") ? r.expr("state") : r.expr("is_enabled");
        r.expr("state");
        r.expr("is_enabled");
        t.ignore("target_id");
        Optional<Expr> input = t.has("input") ? t.expr("input") : t.has("input_path") ? t.expr("input_path")
                : t.block("input_transformer").map(x -> {
            Map<String, Expr> transformer = new LinkedHashMap<>();
            x.expr("input_paths").ifPresent(v -> transformer.put("InputPathsMap", v));
            x.expr("input_template").ifPresent(v -> transformer.put("InputTemplate", v));
            return new Expr.MapExpr(transformer);
        });
        Optional<String> condition = target.condition().or(ruleInstance::condition);
        EventSource event = schedule.isPresent()
                ? new EventSource.Schedule(target.logicalId(), EventOrigin.SOURCE_RESOURCE, condition, schedule.get(),
                false, enabled, input, Optional.empty(), Optional.empty(), target.location())
                : new EventSource.EventBusRule(target.logicalId(), EventOrigin.SOURCE_RESOURCE, condition,
                eventBus.filter(b -> !Expr.string("default").equals(b)), pattern.orElse(new Expr.MapExpr(Map.of())),
                input, enabled, target.location());
        ties.put(event, Set.of(ruleInstance.logicalId()));
        model.functions.get(function.get()).events.add(event);
    }

    private void schedule(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Attrs> target = a.block("target");
        Optional<Expr> arn = target.flatMap(t -> t.expr("arn"));
        Optional<String> function = arn.flatMap(model::functionOf);
        if (function.isEmpty()) {
            model.unsupported(i, "EventBridge Scheduler schedule whose target is not a function of this configuration"
                    + arn.map(x -> " (" + x + ")").orElse(""));
            return;
        }
        Optional<Expr> expression = a.expr("schedule_expression");
        if (expression.isEmpty()) {
            model.unsupported(i, "EventBridge Scheduler schedule without schedule_expression");
            return;
        }
        // {Mode: OFF}, the only required setting, is the same as no window.
        Optional<Expr> window = a.block("flexible_time_window").map(Attrs::asCloudFormationMap)
                .filter(w -> !(w instanceof Expr.MapExpr m && m.entries().size() == 1
                        && Expr.string("OFF").equals(m.entries().get("Mode"))));
        model.functions.get(function.get()).events.add(new EventSource.Schedule(i.logicalId(),
                EventOrigin.SOURCE_RESOURCE, i.condition(), expression.get(), true, a.expr("state"),
                target.get().expr("input"), a.expr("schedule_expression_timezone"), window, i.location()));
    }

    // ---------------------------------------------------------------- IAM

    private void rolePolicy(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> role = a.expr("role");
        Optional<Model.RoleDraft> draft = role.flatMap(r -> model.resourceOf(r, "aws_iam_role")).map(model.roles::get);
        if (draft.isEmpty()) {
            model.unsupported(i, "inline policy of the role " + role.map(Expr::toString).orElse("(none)")
                    + ", which is not a role of this configuration");
            return;
        }
        a.expr("name");
        Optional<List<io.lambda2azure.core.model.identity.PolicyStatement>> statements = Policies.read(a, "policy");
        if (statements.isEmpty()) {
            model.unsupported(i, "inline role policy whose document cannot be read while reading the configuration");
            return;
        }
        draft.get().statements.addAll(statements.get());
    }

    private void attachment(Declared.Instance i) {
        Attrs a = model.attrs(i);
        Optional<Expr> role = a.expr("role");
        Optional<String> roleId = role.flatMap(r -> model.resourceOf(r, "aws_iam_role"));
        if (roleId.isEmpty() || !model.roles.containsKey(roleId.get())) {
            model.unsupported(i, "policy attachment to the role " + role.map(Expr::toString).orElse("(none)")
                    + ", which is not a role of this configuration");
            return;
        }
        Optional<Expr> policy = a.expr("policy_arn");
        Optional<String> policyId = policy.flatMap(p -> model.resourceOf(p, "aws_iam_policy"));
        if (policyId.isPresent() && model.policies.containsKey(policyId.get())) {
            model.policies.get(policyId.get()).roles.add(new Expr.ResourceRef(roleId.get()));
        } else {
            policy.ifPresent(model.roles.get(roleId.get()).managed::add);
        }
    }

    // ---------------------------------------------------------------- permissions

    /**
     * Invoke permissions, matched against what the resources above declared: most only grant what a
     * notification, subscription, route or rule of the configuration already says; the others become
     * {@link EventSource.InvokePermission}s.
     */
    void permissions() {
        Map<String, List<EventSource>> declared = new HashMap<>();
        model.functions.forEach((id, f) -> declared.put(id, List.copyOf(f.events)));
        for (Declared.Instance i : model.ofType("aws_lambda_permission")) {
            Attrs a = model.attrs(i);
            Optional<Expr> functionName = a.expr("function_name");
            Optional<String> target = functionName.flatMap(model::functionOf);
            if (target.isEmpty()) {
                model.unsupported(i, "permission to invoke " + functionName.map(Expr::toString).orElse("no function")
                        + ", which is not a function of this configuration");
                continue;
            }
            a.ignore("statement_id", "statement_id_prefix");
            a.expr("qualifier");
            a.expr("principal_org_id");
            String action = a.string("action").orElse("");
            permission(i.logicalId(), i.condition(), i.location(), target.get(), action,
                    a.expr("principal").orElse(Expr.string("")), a.expr("source_arn"), a.expr("source_account"),
                    a.expr("event_source_token"), a.expr("function_url_auth_type"), declared)
                    .ifPresent(reason -> model.unsupported(i, reason));
        }
    }

    /**
     * Links one permission to its function; a reason when it is not an invoke permission.
     */
    Optional<String> permission(String id, Optional<String> condition, SourceLocation at, String function,
                                String action, Expr principal, Optional<Expr> sourceArn, Optional<Expr> sourceAccount,
                                Optional<Expr> token, Optional<Expr> urlAuthType,
                                Map<String, List<EventSource>> declared) {
        if (!action.isEmpty() && !action.startsWith("lambda:Invoke") && !"lambda:*".equals(action)) {
            return Optional.of("permission for " + action + ", which does not invoke the function");
        }
        FunctionDraft f = model.functions.get(function);
        List<EventSource> existing = declared.getOrDefault(function, List.of());
        if ("lambda:InvokeFunctionUrl".equals(action) || urlAuthType.isPresent()) {
            if (existing.stream().noneMatch(e -> e instanceof EventSource.Http h
                    && h.apiKind() == HttpApiKind.FUNCTION_URL)) {
                f.events.add(new EventSource.InvokePermission(id, EventOrigin.PERMISSION, condition, principal,
                        sourceArn, sourceAccount, at));
            }
            return Optional.empty();
        }
        Optional<InvokingService> service = InvokingService.of(Optional.ofNullable(text(principal)).orElse(""));
        if (service.isPresent() && consumed(service.get(), sourceArn, token, existing, function)) {
            return Optional.empty();
        }
        if (service.isPresent() && service.get() == InvokingService.ALEXA) {
            f.events.add(new EventSource.Alexa(id, EventOrigin.PERMISSION, condition, token, at));
            return Optional.empty();
        }
        f.events.add(new EventSource.InvokePermission(id, EventOrigin.PERMISSION, condition, principal, sourceArn,
                sourceAccount, at));
        return Optional.empty();
    }

    private boolean consumed(InvokingService service, Optional<Expr> sourceArn, Optional<Expr> token,
                             List<EventSource> existing, String function) {
        Set<String> named = new LinkedHashSet<>();
        sourceArn.ifPresent(arn -> References.of(arn).stream()
                .filter(id -> !id.equals(function) && model.instance(id).isPresent()).forEach(named::add));
        boolean toAuthorizer = sourceArn.map(Linker::text).filter(t -> t.contains("/authorizers/")).isPresent();
        return service.alreadyDeclared(named, toAuthorizer, token, existing, this::tiedResources,
                () -> authorizes(named, function));
    }

    /**
     * Whether an authorizer of the configuration calls the function: one the permission's source ARN names, or
     * one of an API it names. The authorizer is read with its API, not as an event of the function.
     */
    private boolean authorizes(Set<String> named, String function) {
        for (String type : AUTHORIZERS) {
            for (Declared.Instance z : model.ofType(type)) {
                boolean calls = model.functionOf(peek(z, "authorizer_uri")).filter(function::equals).isPresent();
                Set<String> api = References.of(peek(z, type.equals("aws_api_gateway_authorizer") ? "rest_api_id"
                        : "api_id"));
                if (calls && (named.contains(z.logicalId()) || named.stream().anyMatch(api::contains))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The resources of the configuration an event is tied to: its declaring resource and its source. */
    private Set<String> tiedResources(EventSource event) {
        Set<String> tied = InvokingService.tiedResources(event);
        tied.addAll(ties.getOrDefault(event, Set.of()));
        return tied;
    }

    // ---------------------------------------------------------------- helpers

    /** The literal text of a string value, a NUL for every symbolic part; null for other values. */
    static String text(Expr value) {
        if (value instanceof Expr.StringLiteral s) {
            return s.value();
        }
        if (!(value instanceof Expr.Interpolation i)) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Expr part : i.parts()) {
            text.append(part instanceof Expr.StringLiteral s ? s.value() : "\u0000");
        }
        return text.toString();
    }
}
