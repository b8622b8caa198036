package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.References;
import io.lambda2azure.core.model.FunctionAlias;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.event.EventKind;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.source.SourceLocation;
import io.lambda2azure.parsers.aws.ApiAuth;
import io.lambda2azure.parsers.aws.ApiGatewayMethods;
import io.lambda2azure.parsers.aws.EventSourceArns;
import io.lambda2azure.parsers.aws.InvokingService;
import io.lambda2azure.parsers.aws.OpenApiAuth;

import java.util.ArrayList;
import java.util.HashMap;
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
 * Links functions to the triggers that plain CloudFormation declares on <em>other</em> resources: event
 * source mappings, permissions, function URLs, API Gateway methods and routes, OpenAPI bodies, SNS
 * subscriptions, S3 notifications, EventBridge rules and schedules, log subscriptions, IoT rules and
 * Cognito triggers. It also attaches aliases, versions and event invoke configs to their function.
 *
 * <p>A trigger written with plain CloudFormation yields the same {@link EventSource} variant with the same
 * settings as its SAM {@code Events} equivalent, so that a template and its SAM-translated form read alike.
 * Runs after every resource was read; permissions are linked last, because most of them only grant what
 * another resource of the template already declares.
 */
final class EventLinker {

    private static final String ESM = "AWS::Lambda::EventSourceMapping";
    private static final String PERMISSION = "AWS::Lambda::Permission";
    private static final String URL = "AWS::Lambda::Url";
    private static final String ALIAS = "AWS::Lambda::Alias";
    private static final String VERSION = "AWS::Lambda::Version";
    private static final String INVOKE_CONFIG = "AWS::Lambda::EventInvokeConfig";
    private static final String REST_RESOURCE = "AWS::ApiGateway::Resource";
    private static final String REST_METHOD = "AWS::ApiGateway::Method";
    private static final String V2_ROUTE = "AWS::ApiGatewayV2::Route";
    private static final String V2_INTEGRATION = "AWS::ApiGatewayV2::Integration";
    private static final String SUBSCRIPTION = "AWS::SNS::Subscription";
    private static final String RULE = "AWS::Events::Rule";
    private static final String SCHEDULE = "AWS::Scheduler::Schedule";
    private static final String LOG_FILTER = "AWS::Logs::SubscriptionFilter";
    private static final String IOT_RULE = "AWS::IoT::TopicRule";
    private static final String USER_POOL = "AWS::Cognito::UserPool";

    private static final String REST_API = "AWS::ApiGateway::RestApi";
    private static final String V2_API = "AWS::ApiGatewayV2::Api";
    private static final String REST_AUTHORIZER = "AWS::ApiGateway::Authorizer";
    private static final String V2_AUTHORIZER = "AWS::ApiGatewayV2::Authorizer";
    private static final String USAGE_PLAN = "AWS::ApiGateway::UsagePlan";
    private static final String USAGE_PLAN_KEY = "AWS::ApiGateway::UsagePlanKey";
    private static final String API_KEY = "AWS::ApiGateway::ApiKey";
    private static final String SAM_API = "AWS::Serverless::Api";
    private static final String SAM_HTTP_API = "AWS::Serverless::HttpApi";
    private static final String TOPIC = "AWS::SNS::Topic";
    private static final String BUCKET = "AWS::S3::Bucket";
    private static final String QUEUE = "AWS::SQS::Queue";

    /** The resource types this class reads whole; the resource dispatcher skips them. */
    static final Set<String> OWNED_TYPES = Set.of(ESM, PERMISSION, URL, ALIAS, VERSION, INVOKE_CONFIG,
            REST_RESOURCE, REST_METHOD, V2_ROUTE, V2_INTEGRATION, SUBSCRIPTION, RULE, SCHEDULE, LOG_FILTER, IOT_RULE,
            USER_POOL, REST_AUTHORIZER, V2_AUTHORIZER, USAGE_PLAN, USAGE_PLAN_KEY, API_KEY);

    /** The APIs SAM creates implicitly; a SAM template may refer to them. */
    private static final String IMPLICIT_REST_API = "ServerlessRestApi";
    private static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";

    /** OpenAPI operation keys, in the order OpenAPI lists them, with API Gateway's catch-all. */

    /** Marks a symbolic part in the text of an ARN, so that text patterns never match across it. */
    private static final char HOLE = '\u0000';
    /** {@code /<stage>/<METHOD>/<path>} after the API id in an execute-api ARN. */
    private static final Pattern ROUTE_ARN = Pattern.compile("/([^/]*)/([A-Za-z*]+)(/[^\u0000]*)?");

    private final ReadContext context;
    /** Conversions already made, so that a value is converted (and its problems reported) once. */
    private final Map<Node, Expr> converted = new IdentityHashMap<>();
    /** Ids of resources another reader already reported as unsupported. */
    private final Set<String> unsupportedIds = new HashSet<>();
    /** Queues (as {@link #queueKey}s) that an SNS subscription of the template delivers to. */
    private final Set<String> subscribedQueues = new HashSet<>();
    /** Event source mappings that poll an SQS queue, by {@link #queueKey}, in input order. */
    private final Map<String, List<RawResource>> mappingsByQueue = new LinkedHashMap<>();
    /** Event source mappings read as part of an SNS subscription through a queue. */
    private final Set<String> mappingsReadWithTopic = new HashSet<>();
    /** Integrations a route of the template targets. */
    private final Set<String> routedIntegrations = new HashSet<>();

    EventLinker(ReadContext context) {
        this.context = context;
    }

    /** Links every trigger, alias, version and invoke config of the template to its function. */
    void link() {
        context.unsupported.forEach(u -> unsupportedIds.add(u.logicalId()));
        prepare();
        List<RawResource> permissions = new ArrayList<>();
        List<RawResource> deferred = new ArrayList<>();
        for (RawResource raw : context.resources.values()) {
            if (unsupportedIds.contains(raw.logicalId())) {
                continue;
            }
            switch (raw.type()) {
                case ESM -> {
                    if (readsSubscribedQueue(raw)) {
                        deferred.add(raw); // read with the SNS subscription that delivers to the queue, if it can be
                    } else {
                        eventSourceMapping(raw);
                    }
                }
                case PERMISSION -> permissions.add(raw);
                case URL -> functionUrl(raw);
                case ALIAS -> alias(raw);
                case VERSION -> version(raw);
                case INVOKE_CONFIG -> invokeConfig(raw);
                case REST_API -> openApiBody(raw, "Body", HttpApiKind.REST_API, false);
                case SAM_API -> openApiBody(raw, "DefinitionBody", HttpApiKind.REST_API, true);
                case SAM_HTTP_API -> openApiBody(raw, "DefinitionBody", HttpApiKind.HTTP_API, true);
                case V2_API -> v2Api(raw);
                case REST_RESOURCE -> restResource(raw);
                case REST_METHOD -> restMethod(raw);
                case V2_ROUTE -> v2Route(raw);
                case V2_INTEGRATION -> v2Integration(raw);
                case SUBSCRIPTION -> subscription(raw);
                case TOPIC -> topicSubscriptions(raw);
                case BUCKET -> bucketNotifications(raw);
                case RULE -> rule(raw);
                case SCHEDULE -> scheduler(raw);
                case LOG_FILTER -> logSubscription(raw);
                case IOT_RULE -> iotRule(raw);
                case USER_POOL -> userPool(raw);
                default -> {
                }
            }
        }
        for (RawResource raw : deferred) {
            if (!mappingsReadWithTopic.contains(raw.logicalId())) {
                eventSourceMapping(raw);
            }
        }
        // Permissions are matched against what the resources above declared, not against each other.
        Map<String, List<EventSource>> declared = new HashMap<>();
        context.functions.forEach((id, f) -> declared.put(id, List.copyOf(f.events)));
        for (RawResource raw : permissions) {
            permission(raw, declared);
        }
        apiAuthorization();
    }

    // ---------------------------------------------------------------- preparation

    /** Finds what links resources across each other: SNS-to-SQS subscriptions and routed integrations. */
    private void prepare() {
        for (RawResource raw : context.resources.values()) {
            if (unsupportedIds.contains(raw.logicalId())) {
                continue;
            }
            Node.Mapping props = raw.properties();
            switch (raw.type()) {
                case SUBSCRIPTION -> sqsEndpoint(props).ifPresent(subscribedQueues::add);
                case TOPIC -> {
                    if (props.get("Subscription") instanceof Node.Sequence seq) {
                        for (Node item : seq.items()) {
                            if (item instanceof Node.Mapping m && !Intrinsics.isIntrinsic(m)) {
                                sqsEndpoint(m).ifPresent(subscribedQueues::add);
                            }
                        }
                    }
                }
                case ESM -> {
                    Node arn = props.get("EventSourceArn");
                    if (arn != null && !Intrinsics.isNoValue(arn)) {
                        queueKey(expr(arn)).ifPresent(q ->
                                mappingsByQueue.computeIfAbsent(q, k -> new ArrayList<>()).add(raw));
                    }
                }
                case V2_ROUTE -> {
                    Node target = props.get("Target");
                    if (target != null && !Intrinsics.isNoValue(target)) {
                        integrationOf(expr(target)).ifPresent(routedIntegrations::add);
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The queue an SNS subscription with protocol {@code sqs} delivers to, as a {@link #queueKey}. */
    private Optional<String> sqsEndpoint(Node.Mapping subscription) {
        if (subscription.get("Protocol") instanceof Node.Scalar s && "sqs".equalsIgnoreCase(s.text())
                && subscription.get("Endpoint") != null) {
            return queueKey(expr(subscription.get("Endpoint")));
        }
        return Optional.empty();
    }

    /**
     * What identifies the SQS queue an ARN designates, so that a subscription's endpoint and a mapping's
     * source can be matched: a queue of the template ({@code !GetAtt Queue.Arn}), or the same ARN text.
     */
    private Optional<String> queueKey(Expr arn) {
        if (arn instanceof Expr.AttributeRef att && QUEUE.equals(context.typeOf(att.logicalId()))) {
            return Optional.of("queue " + att.logicalId());
        }
        String text = text(arn);
        if (text != null && text.contains(":sqs:")) {
            return Optional.of("arn " + arn);
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- event source mappings

    /** Whether a mapping polls a queue that an SNS subscription of the template delivers to. */
    private boolean readsSubscribedQueue(RawResource raw) {
        return mappingsByQueue.entrySet().stream().anyMatch(e -> subscribedQueues.contains(e.getKey())
                && e.getValue().contains(raw));
    }

    private void eventSourceMapping(RawResource raw) {
        Props p = context.props(raw);
        Optional<Expr> function = read(p, "FunctionName");
        Optional<String> target = function.flatMap(context::functionOf);
        if (target.isEmpty()) {
            context.unsupported(raw, function.isEmpty()
                    ? "event source mapping without FunctionName"
                    : "event source mapping for " + function.get() + ", which is not a function of this template");
            return;
        }
        Optional<Expr> arn = read(p, "EventSourceArn");
        EventKind kind = mappingKind(p, arn);
        if (kind == null) {
            context.unsupported(raw, arn.isEmpty()
                    ? "event source mapping without EventSourceArn or SelfManagedEventSource; its source is unknown"
                    : "event source mapping whose EventSourceArn " + arn.get() + " does not show which service it"
                    + " reads (SQS, DynamoDB, Kinesis, Kafka, Amazon MQ or DocumentDB); write the ARN, or a"
                    + " reference to the queue, table or stream, so that the event can be mapped");
            return;
        }
        String id = raw.logicalId();
        Optional<String> condition = raw.condition();
        SourceLocation at = raw.location();
        EventSource event;
        switch (kind) {
            case QUEUE -> event = new EventSource.Queue(id, EventOrigin.EVENT_SOURCE_MAPPING, condition,
                    arn.orElseThrow(), Polling.settings(p), at);
            case TABLE_STREAM -> event = new EventSource.TableStream(id, EventOrigin.EVENT_SOURCE_MAPPING, condition,
                    arn.orElseThrow(), Polling.settings(p), at);
            case STREAM -> event = new EventSource.Stream(id, EventOrigin.EVENT_SOURCE_MAPPING, condition,
                    arn.orElseThrow(), Polling.settings(p), at);
            case KAFKA -> {
                Expr topics = read(p, "Topics").orElseThrow();
                Optional<Props> selfManaged = p.object("SelfManagedEventSource");
                if (selfManaged.isPresent()) {
                    Optional<Expr> servers = selfManaged.get().object("Endpoints")
                            .flatMap(e -> read(e, "KafkaBootstrapServers"));
                    Optional<Expr> group = p.object("SelfManagedKafkaEventSourceConfig")
                            .flatMap(c -> read(c, "ConsumerGroupId"));
                    event = new EventSource.Kafka(id, EventOrigin.EVENT_SOURCE_MAPPING, condition, false,
                            Optional.empty(), servers, topics, group, Polling.settings(p), at);
                } else {
                    Optional<Expr> group = p.object("AmazonManagedKafkaEventSourceConfig")
                            .flatMap(c -> read(c, "ConsumerGroupId"));
                    event = new EventSource.Kafka(id, EventOrigin.EVENT_SOURCE_MAPPING, condition, true, arn,
                            Optional.empty(), topics, group, Polling.settings(p), at);
                }
            }
            case BROKER -> event = new EventSource.Broker(id, EventOrigin.EVENT_SOURCE_MAPPING, condition,
                    arn.orElseThrow(), read(p, "Queues").orElseThrow(), Polling.settings(p), at);
            case DOCUMENT_DB_STREAM -> {
                Props config = p.object("DocumentDBEventSourceConfig").orElseThrow();
                Optional<Expr> database = read(config, "DatabaseName");
                if (database.isEmpty()) {
                    context.unsupported(raw, "DocumentDB event source mapping without"
                            + " DocumentDBEventSourceConfig.DatabaseName; the change stream to read is unknown");
                    return;
                }
                event = new EventSource.DocumentDbStream(id, EventOrigin.EVENT_SOURCE_MAPPING, condition,
                        arn.orElseThrow(), database.get(), read(config, "CollectionName"),
                        read(config, "FullDocument"), Polling.settings(p), at);
            }
            default -> throw new IllegalStateException("not a polled event kind: " + kind);
        }
        context.functions.get(target.get()).events.add(event);
    }

    /** The kind of source an event source mapping reads, or null when it cannot be told without guessing. */
    private EventKind mappingKind(Props p, Optional<Expr> arn) {
        Node.Mapping props = p.node();
        boolean selfManaged = p.has("SelfManagedEventSource");
        if (p.has("DocumentDBEventSourceConfig") && props.get("DocumentDBEventSourceConfig") instanceof Node.Mapping m
                && !Intrinsics.isIntrinsic(m) && arn.isPresent()) {
            return EventKind.DOCUMENT_DB_STREAM;
        }
        if (p.has("Topics") && (selfManaged || arn.isPresent())) {
            return EventKind.KAFKA;
        }
        if (arn.isEmpty()) {
            return null;
        }
        if (p.has("Queues")) {
            return EventKind.BROKER;
        }
        EventKind kind = arnKind(arn.get());
        if (kind == EventKind.KAFKA || kind == EventKind.BROKER || kind == EventKind.DOCUMENT_DB_STREAM) {
            return null; // those need Topics, Queues or DocumentDBEventSourceConfig, which are missing
        }
        return kind;
    }

    /** The service an event source ARN belongs to, from the resources it refers to or its literal text. */
    private EventKind arnKind(Expr arn) {
        Set<EventKind> kinds = new HashSet<>();
        for (String id : References.of(arn)) {
            EventKind kind = switch (context.typeOf(id)) {
                case QUEUE -> EventKind.QUEUE;
                case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable" -> EventKind.TABLE_STREAM;
                case "AWS::Kinesis::Stream", "AWS::Kinesis::StreamConsumer" -> EventKind.STREAM;
                case "AWS::MSK::Cluster", "AWS::MSK::ServerlessCluster" -> EventKind.KAFKA;
                case "AWS::AmazonMQ::Broker" -> EventKind.BROKER;
                case "AWS::DocDB::DBCluster" -> EventKind.DOCUMENT_DB_STREAM;
                default -> null;
            };
            if (kind != null) {
                kinds.add(kind);
            }
        }
        String text = text(arn);
        if (text != null) {
            kinds.addAll(EventSourceArns.kinds(text));
        }
        return kinds.size() == 1 ? kinds.iterator().next() : null;
    }

    // ---------------------------------------------------------------- function settings

    private void functionUrl(RawResource raw) {
        Props p = context.props(raw);
        Optional<Expr> function = read(p, "TargetFunctionArn");
        Optional<String> target = function.flatMap(context::functionOf);
        if (target.isEmpty()) {
            context.unsupported(raw, "function URL for " + function.map(Expr::toString).orElse("no function")
                    + ", which is not a function of this template");
            return;
        }
        HttpAuth auth = new HttpAuth(read(p, "AuthType"), Optional.empty(), Optional.empty(), Optional.empty());
        context.functions.get(target.get()).events.add(new EventSource.Http(raw.logicalId(),
                EventOrigin.FUNCTION_URL, raw.condition(), HttpApiKind.FUNCTION_URL, Optional.empty(), "/", "ANY",
                Optional.of(auth), read(p, "Cors"), raw.location()));
    }

    /** The function a resource's FunctionName designates; the resource is unsupported when none does. */
    private Optional<FunctionBuilder> owner(RawResource raw, Props p, String what) {
        Optional<Expr> function = read(p, "FunctionName");
        Optional<String> target = function.flatMap(context::functionOf);
        if (target.isEmpty()) {
            context.unsupported(raw, what + " of " + function.map(Expr::toString).orElse("no function")
                    + ", which is not a function of this template");
        }
        return target.map(context.functions::get);
    }

    private void alias(RawResource raw) {
        Props p = context.props(raw);
        Optional<FunctionBuilder> owner = owner(raw, p, "alias");
        if (owner.isEmpty()) {
            return;
        }
        Optional<Expr> name = read(p, "Name");
        if (name.isEmpty()) {
            context.unsupported(raw, "alias without Name");
            return;
        }
        read(p, "FunctionVersion");
        Optional<Expr> provisioned = provisionedConcurrency(p, owner.get());
        owner.get().aliases.add(new FunctionAlias(raw.logicalId(), name.get(), provisioned, read(p, "RoutingConfig"),
                raw.location()));
    }

    /**
     * The provisioned concurrency an alias or version configures; the function's own setting when it has
     * none yet, since Lambda provisions concurrency on a published version or alias of the function.
     */
    private Optional<Expr> provisionedConcurrency(Props p, FunctionBuilder f) {
        Optional<Expr> provisioned = p.object("ProvisionedConcurrencyConfig")
                .flatMap(c -> read(c, "ProvisionedConcurrentExecutions"));
        if (provisioned.isPresent() && f.provisionedConcurrency.isEmpty()) {
            f.provisionedConcurrency = provisioned;
        }
        return provisioned;
    }

    private void version(RawResource raw) {
        Props p = context.props(raw);
        Optional<FunctionBuilder> owner = owner(raw, p, "version");
        if (owner.isEmpty()) {
            return;
        }
        read(p, "Description");
        read(p, "CodeSha256");
        provisionedConcurrency(p, owner.get());
    }

    private void invokeConfig(RawResource raw) {
        Props p = context.props(raw);
        Optional<FunctionBuilder> owner = owner(raw, p, "event invoke config");
        if (owner.isEmpty()) {
            return;
        }
        FunctionBuilder f = owner.get();
        if (f.asyncInvokeConfig.isPresent()) {
            context.unsupported(raw, "function " + f.logicalId + " already has an event invoke config; only one is"
                    + " kept per function");
            return;
        }
        read(p, "Qualifier");
        f.asyncInvokeConfig = Optional.of(ResourceReaders.asyncConfig(p, raw.location()));
    }

    // ---------------------------------------------------------------- API Gateway: OpenAPI bodies

    /**
     * Routes of an inline OpenAPI definition that integrate a function of the template. For SAM APIs only
     * routes the function's {@code Events} do not already declare are added.
     */
    private void openApiBody(RawResource raw, String key, HttpApiKind kind, boolean sam) {
        Props p = context.props(raw);
        Node body = p.node().get(key);
        if (!(body instanceof Node.Mapping definition) || Intrinsics.isIntrinsic(body)) {
            if (sam) {
                p.node(key); // kept as the API's definition by the API reader
            }
            return;
        }
        p.node(key);
        if (!(definition.get("paths") instanceof Node.Mapping paths) || Intrinsics.isIntrinsic(paths)) {
            return;
        }
        String apiId = raw.logicalId();
        Set<String> seen = new HashSet<>();
        paths.entries().forEach((path, item) -> pathItem(definition, kind, apiId, path, item, raw.condition(), sam,
                seen));
    }

    private void pathItem(Node.Mapping definition, HttpApiKind kind, String apiId, String path, Node item,
                          Optional<String> condition, boolean sam, Set<String> seen) {
        Guarded guarded = unguard(item, condition);
        if (!isPlainMapping(guarded.node())) {
            return;
        }
        Node.Mapping operations = (Node.Mapping) guarded.node();
        String routePath = kind == HttpApiKind.HTTP_API && ("$default".equals(path) || "/$default".equals(path))
                ? "$default" : path;
        for (String operation : ApiGatewayMethods.OPENAPI_OPERATIONS) {
            Node opNode = operations.get(operation);
            if (opNode == null) {
                continue;
            }
            Guarded op = unguard(opNode, guarded.condition());
            if (!(op.node() instanceof Node.Mapping opMapping) || Intrinsics.isIntrinsic(opMapping)
                    || !(opMapping.get("x-amazon-apigateway-integration") instanceof Node.Mapping integration)
                    || integration.get("uri") == null) {
                continue;
            }
            Guarded uri = unguard(integration.get("uri"), op.condition());
            Optional<String> function = context.functionOf(expr(uri.node()));
            if (function.isEmpty()) {
                continue;
            }
            String method = operation.startsWith("x-") ? "ANY" : operation.toUpperCase(Locale.ROOT);
            FunctionBuilder f = context.functions.get(function.get());
            if (!seen.add(function.get() + " " + method + " " + routePath)
                    || sam && hasRoute(f, kind, apiId, routePath, method)) {
                continue;
            }
            f.events.add(new EventSource.Http(apiId + "[" + method + " " + routePath + "]",
                    EventOrigin.API_GATEWAY, uri.condition(), kind, Optional.of(apiId), routePath, method,
                    OpenApiAuth.operation(expr(definition), expr(opMapping)), Optional.empty(),
                    operations.keyLocation(operation)));
        }
    }

    private static boolean hasRoute(FunctionBuilder f, HttpApiKind kind, String apiId, String path, String method) {
        return f.events.stream().anyMatch(e -> e instanceof EventSource.Http h && h.apiKind() == kind
                && apiId.equals(h.apiId().orElse(kind == HttpApiKind.REST_API ? IMPLICIT_REST_API : IMPLICIT_HTTP_API))
                && h.path().equals(path) && h.method().equalsIgnoreCase(method));
    }


    // ---------------------------------------------------------------- API Gateway v1 resources

    private void restResource(RawResource raw) {
        Props p = context.props(raw);
        p.node("PathPart");
        p.node("ParentId");
        p.node("RestApiId");
    }

    private void restMethod(RawResource raw) {
        Props p = context.props(raw);
        Optional<Expr> uri = p.object("Integration").flatMap(i -> read(i, "Uri"));
        Optional<String> function = uri.flatMap(context::functionOf);
        if (function.isEmpty()) {
            context.unsupported(raw, "API Gateway method that integrates no function of this template"
                    + uri.map(u -> " (Integration.Uri " + u + ")").orElse(""));
            return;
        }
        Optional<String> httpMethod = read(p, "HttpMethod").flatMap(Expr::asString);
        if (httpMethod.isEmpty()) {
            context.unsupported(raw, "API Gateway method whose HttpMethod is not a literal method name");
            return;
        }
        String path = restPath(read(p, "ResourceId").orElse(null), 0);
        if (path == null) {
            context.unsupported(raw, "API Gateway method whose ResourceId does not lead, through"
                    + " AWS::ApiGateway::Resource PathParts of this template, to the API's RootResourceId; its path is"
                    + " unknown");
            return;
        }
        Optional<String> apiId = read(p, "RestApiId").flatMap(EventLinker::logicalId);
        Optional<Expr> type = read(p, "AuthorizationType");
        Optional<String> authorizer = read(p, "AuthorizerId").flatMap(EventLinker::logicalId).map(this::authorizerName);
        Optional<Expr> scopes = read(p, "AuthorizationScopes");
        Optional<Expr> apiKey = read(p, "ApiKeyRequired");
        Optional<HttpAuth> auth = type.isPresent() || authorizer.isPresent() || scopes.isPresent() || apiKey.isPresent()
                ? Optional.of(new HttpAuth(type, authorizer, scopes, apiKey)) : Optional.empty();
        String method = httpMethod.get().toUpperCase(Locale.ROOT);
        context.functions.get(function.get()).events.add(new EventSource.Http(raw.logicalId(),
                EventOrigin.API_GATEWAY, raw.condition(), HttpApiKind.REST_API, apiId, path, method, auth,
                Optional.empty(), raw.location()));
    }

    /** The full path of an API Gateway resource id, or null when it cannot be followed to the root. */
    private String restPath(Expr resourceId, int depth) {
        if (resourceId instanceof Expr.AttributeRef att && "RootResourceId".equals(att.attribute())) {
            return "/";
        }
        if (depth > 64 || !(resourceId instanceof Expr.ResourceRef ref)
                || !REST_RESOURCE.equals(context.typeOf(ref.logicalId()))) {
            return null;
        }
        Node.Mapping resource = context.resources.get(ref.logicalId()).properties();
        Node part = resource.get("PathPart");
        Node parent = resource.get("ParentId");
        if (!(part instanceof Node.Scalar s) || s.isNull() || parent == null) {
            return null;
        }
        String parentPath = restPath(expr(parent), depth + 1);
        if (parentPath == null) {
            return null;
        }
        return (parentPath.endsWith("/") ? parentPath : parentPath + "/") + s.text();
    }

    // ---------------------------------------------------------------- API authorization

    /**
     * An authorizer's name as API Gateway knows it (what SAM keys {@code Auth.Authorizers} by, and the planner names
     * its parameters after), else the logical id a method or route refers to it by.
     */
    private String authorizerName(String id) {
        RawResource raw = context.resources.get(id);
        if (raw != null && (REST_AUTHORIZER.equals(raw.type()) || V2_AUTHORIZER.equals(raw.type()))
                && raw.properties().get("Name") instanceof Node.Scalar name && !name.isNull()) {
            return name.text();
        }
        return id;
    }

    /**
     * Reads the authorizers (resources of their own, and the security schemes of an inline OpenAPI body) and usage
     * plans of the template's API Gateway APIs into each API's auth, in the shape SAM's {@code Auth} gives a SAM API
     * ({@link ApiAuth}); the API keys of the plans are read with them.
     */
    private void apiAuthorization() {
        ApiAuth.UsagePlans plans = usagePlans();
        Map<String, Map<String, Expr>> authorizers = new LinkedHashMap<>();
        for (RawResource raw : context.resources.values()) {
            boolean rest = REST_AUTHORIZER.equals(raw.type());
            if (unsupportedIds.contains(raw.logicalId()) || !rest && !V2_AUTHORIZER.equals(raw.type())) {
                continue;
            }
            Props p = context.props(raw);
            Optional<String> api = read(p, rest ? "RestApiId" : "ApiId").flatMap(EventLinker::logicalId)
                    .filter(id -> (rest ? REST_API : V2_API).equals(context.typeOf(id)));
            if (api.isEmpty()) {
                context.unsupported(raw, "authorizer of no API of this template");
                continue;
            }
            read(p, "Name");
            // The model names a Lambda authorizer by its function's ARN, as SAM's FunctionArn does.
            Optional<Expr> function = read(p, "AuthorizerUri").map(uri -> context.functionOf(uri)
                    .<Expr>map(f -> new Expr.AttributeRef(f, "Arn")).orElse(uri));
            // The role API Gateway calls the authorizer with, and the OpenAPI spelling of the type, have no bearing.
            p.ignore("AuthorizerCredentials", "AuthorizerCredentialsArn", "AuthType");
            Optional<Props> jwt = rest ? Optional.empty() : p.object("JwtConfiguration");
            Expr authorizer = rest
                    ? ApiAuth.restAuthorizer(read(p, "Type"), read(p, "IdentitySource"), read(p, "ProviderARNs"),
                    function, read(p, "AuthorizerResultTtlInSeconds"), read(p, "IdentityValidationExpression"))
                    : ApiAuth.httpAuthorizer(read(p, "AuthorizerType"), read(p, "IdentitySource"),
                    jwt.flatMap(j -> read(j, "Issuer")), jwt.flatMap(j -> read(j, "Audience")), function,
                    read(p, "AuthorizerPayloadFormatVersion"), read(p, "EnableSimpleResponses"),
                    read(p, "AuthorizerResultTtlInSeconds"));
            authorizers.computeIfAbsent(api.get(), k -> new LinkedHashMap<>())
                    .putIfAbsent(authorizerName(raw.logicalId()), authorizer);
        }
        for (int k = 0; k < context.dependencies.size(); k++) {
            if (!(context.dependencies.get(k) instanceof DependencyResource.Api api)) {
                continue;
            }
            boolean sam = SAM_API.equals(api.resourceType()) || SAM_HTTP_API.equals(api.resourceType());
            Map<String, Expr> declared = new LinkedHashMap<>(authorizers.getOrDefault(api.logicalId(), Map.of()));
            // An inline OpenAPI body declares authorizers too, as its security schemes.
            RawResource raw = context.resources.get(api.logicalId());
            if (raw != null && raw.properties().get(sam ? "DefinitionBody" : "Body") instanceof Node.Mapping body
                    && !Intrinsics.isIntrinsic(body)) {
                OpenApiAuth.authorizers(expr(body), api.kind(), context::functionOf).forEach(declared::putIfAbsent);
            }
            // A SAM API's Auth comes first: SAM writes it into the definition over what the body says.
            Optional<Expr> auth = sam ? ApiAuth.withAuthorizers(api.auth(), declared)
                    : ApiAuth.of(declared, plans.of(api.logicalId()));
            if (auth.isPresent() && !auth.equals(api.auth())) {
                context.dependencies.set(k, ApiAuth.withAuth(api, auth.get()));
            }
        }
    }

    /** Usage plans by the REST APIs of their {@code ApiStages} ({@link ApiAuth.UsagePlans}), with their keys. */
    private ApiAuth.UsagePlans usagePlans() {
        ApiAuth.UsagePlans byApi = new ApiAuth.UsagePlans();
        Set<String> carried = new HashSet<>();
        for (RawResource raw : context.resources.values()) {
            if (unsupportedIds.contains(raw.logicalId()) || !USAGE_PLAN.equals(raw.type())) {
                continue;
            }
            Props p = context.props(raw);
            List<String> apis = new ArrayList<>();
            List<Node> stages = p.list("ApiStages").orElse(List.of());
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i) instanceof Node.Mapping m && !Intrinsics.isIntrinsic(m)) {
                    // A per-method Throttle has no product-wide counterpart: left unread, it is reported.
                    Props stage = p.child("ApiStages[" + i + "]", m);
                    read(stage, "Stage");
                    read(stage, "ApiId").flatMap(EventLinker::logicalId).filter(id -> REST_API.equals(context.typeOf(id)))
                            .filter(id -> !apis.contains(id)).ifPresent(apis::add);
                }
            }
            if (apis.isEmpty()) {
                context.unsupported(raw, "usage plan of no API of this template");
                continue;
            }
            Optional<String> refused = byApi.carry(apis, shared -> {
                Optional<Props> throttle = p.object("Throttle");
                Optional<Props> quota = p.object("Quota");
                p.ignore("Description", "Tags");
                return ApiAuth.usagePlan(shared, read(p, "UsagePlanName"),
                        throttle.flatMap(t -> read(t, "RateLimit")), throttle.flatMap(t -> read(t, "BurstLimit")),
                        quota.flatMap(q -> read(q, "Limit")), quota.flatMap(q -> read(q, "Period")),
                        quota.flatMap(q -> read(q, "Offset")));
            });
            if (refused.isPresent()) {
                context.unsupported(raw, refused.get());
                continue;
            }
            carried.add(raw.logicalId());
        }
        usagePlanKeys(carried);
        return byApi;
    }

    /**
     * The keys of the usage plans read, and their API keys, are part of the plans: API Management's product has a
     * subscription instead (an API key's {@code Value} is not carried, and is reported). Keys of other plans and
     * API keys in no plan read are not carried.
     */
    private void usagePlanKeys(Set<String> plans) {
        Set<String> keys = new HashSet<>();
        for (RawResource raw : context.resources.values()) {
            if (unsupportedIds.contains(raw.logicalId()) || !USAGE_PLAN_KEY.equals(raw.type())) {
                continue;
            }
            Props p = context.props(raw);
            Optional<String> plan = read(p, "UsagePlanId").flatMap(EventLinker::logicalId).filter(plans::contains);
            if (plan.isEmpty()) {
                context.unsupported(raw, "key of no usage plan read from this template");
                continue;
            }
            read(p, "KeyType");
            read(p, "KeyId").flatMap(EventLinker::logicalId).ifPresent(keys::add);
        }
        for (RawResource raw : context.resources.values()) {
            if (unsupportedIds.contains(raw.logicalId()) || !API_KEY.equals(raw.type())) {
                continue;
            }
            if (!keys.contains(raw.logicalId())) {
                context.unsupported(raw, "API key of no usage plan read from this template");
                continue;
            }
            context.props(raw).ignore("Name", "Description", "Enabled", "GenerateDistinctId", "StageKeys",
                    "CustomerId", "Tags");
        }
    }

    // ---------------------------------------------------------------- API Gateway v2 resources

    private void v2Api(RawResource raw) {
        Props p = context.props(raw);
        if (p.has("Body")) {
            openApiBody(raw, "Body", HttpApiKind.HTTP_API, false);
        }
        Node targetNode = p.node().get("Target");
        if (targetNode == null || Intrinsics.isNoValue(targetNode)) {
            return;
        }
        // Quick create: the API routes everything (or its RouteKey) to the target function.
        Optional<String> function = context.functionOf(expr(targetNode));
        if (function.isEmpty()) {
            return;
        }
        p.node("Target");
        String path = "$default";
        String method = "ANY";
        Node routeKey = p.node().get("RouteKey");
        if (routeKey instanceof Node.Scalar s && !s.isNull()) {
            Optional<ApiGatewayMethods.Route> route = ApiGatewayMethods.routeKey(s.text());
            if (route.isEmpty()) {
                return;
            }
            p.node("RouteKey");
            method = route.get().method();
            path = route.get().path();
        }
        context.functions.get(function.get()).events.add(new EventSource.Http(raw.logicalId(),
                EventOrigin.API_GATEWAY, raw.condition(), HttpApiKind.HTTP_API, Optional.of(raw.logicalId()), path,
                method, Optional.empty(), Optional.empty(), p.location("Target")));
    }

    /** The reason an API this route or integration belongs to is not mapped, if it is not. */
    private Optional<String> unmappedApi(RawResource raw) {
        Node api = raw.properties().get("ApiId");
        if (api == null) {
            return Optional.empty();
        }
        Set<String> ids = References.of(expr(api));
        return context.unsupported.stream().filter(u -> ids.contains(u.logicalId()))
                .map(u -> "belongs to " + u.logicalId() + ", which is not mapped: " + u.reason()).findFirst();
    }

    private void v2Route(RawResource raw) {
        Optional<String> unmapped = unmappedApi(raw);
        if (unmapped.isPresent()) {
            context.unsupported(raw, "API Gateway route that " + unmapped.get());
            return;
        }
        Props p = context.props(raw);
        Optional<Expr> target = read(p, "Target");
        Optional<String> integration = target.flatMap(this::integrationOf);
        Optional<String> function = integration.flatMap(this::integratedFunction);
        if (function.isEmpty()) {
            context.unsupported(raw, "API Gateway route whose Target is not an integration of this template with a"
                    + " function of this template" + target.map(t -> " (Target " + t + ")").orElse(""));
            return;
        }
        Optional<String> key = read(p, "RouteKey").flatMap(Expr::asString);
        ApiGatewayMethods.Route route = key.flatMap(ApiGatewayMethods::routeKey).orElse(null);
        if (route == null) {
            context.unsupported(raw, "API Gateway route whose RouteKey is not a literal '$default' or"
                    + " '<METHOD> <path>'");
            return;
        }
        Optional<String> apiId = read(p, "ApiId").flatMap(EventLinker::logicalId);
        Optional<Expr> type = read(p, "AuthorizationType");
        Optional<String> authorizer = read(p, "AuthorizerId").flatMap(EventLinker::logicalId).map(this::authorizerName);
        Optional<Expr> scopes = read(p, "AuthorizationScopes");
        Optional<Expr> apiKey = read(p, "ApiKeyRequired");
        Optional<HttpAuth> auth = type.isPresent() || authorizer.isPresent() || scopes.isPresent() || apiKey.isPresent()
                ? Optional.of(new HttpAuth(type, authorizer, scopes, apiKey)) : Optional.empty();
        context.functions.get(function.get()).events.add(new EventSource.Http(raw.logicalId(),
                EventOrigin.API_GATEWAY, raw.condition(), HttpApiKind.HTTP_API, apiId, route.path(), route.method(), auth,
                Optional.empty(), raw.location()));
    }

    private void v2Integration(RawResource raw) {
        Optional<String> unmapped = unmappedApi(raw);
        if (unmapped.isPresent()) {
            context.unsupported(raw, "API Gateway integration that " + unmapped.get());
            return;
        }
        Props p = context.props(raw);
        Optional<Expr> uri = read(p, "IntegrationUri");
        if (uri.flatMap(context::functionOf).isEmpty()) {
            context.unsupported(raw, "API Gateway integration with no function of this template"
                    + uri.map(u -> " (IntegrationUri " + u + ")").orElse(""));
            return;
        }
        if (!routedIntegrations.contains(raw.logicalId())) {
            context.unsupported(raw, "API Gateway integration that no route of this template targets");
            return;
        }
        read(p, "ApiId");
        read(p, "IntegrationType");
        read(p, "IntegrationMethod");
        read(p, "PayloadFormatVersion");
    }

    /** The integration of the template a route's {@code integrations/<id>} target names. */
    private Optional<String> integrationOf(Expr target) {
        for (String id : References.of(target)) {
            if (V2_INTEGRATION.equals(context.typeOf(id))) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private Optional<String> integratedFunction(String integration) {
        Node uri = context.resources.get(integration).properties().get("IntegrationUri");
        return uri == null ? Optional.empty() : context.functionOf(expr(uri));
    }

    // ---------------------------------------------------------------- SNS

    private void subscription(RawResource raw) {
        Props p = context.props(raw);
        Optional<Expr> protocol = read(p, "Protocol");
        Optional<Expr> topic = read(p, "TopicArn");
        Optional<Expr> endpoint = read(p, "Endpoint");
        String protocolName = protocol.flatMap(Expr::asString).map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        if (topic.isEmpty() || endpoint.isEmpty()) {
            context.unsupported(raw, "SNS subscription without TopicArn or Endpoint");
            return;
        }
        if ("lambda".equals(protocolName)) {
            Optional<String> function = context.functionOf(endpoint.get());
            if (function.isEmpty()) {
                context.unsupported(raw, "SNS subscription of " + endpoint.get() + ", which is not a function of"
                        + " this template");
                return;
            }
            context.functions.get(function.get()).events.add(new EventSource.Topic(raw.logicalId(),
                    EventOrigin.SOURCE_RESOURCE, raw.condition(), topic.get(), read(p, "FilterPolicy"),
                    read(p, "FilterPolicyScope"), Optional.empty(), read(p, "Region"), raw.location()));
            return;
        }
        if ("sqs".equals(protocolName)) {
            List<EventSource> events = viaQueue(raw.logicalId(), raw.condition(), topic.get(), endpoint.get(),
                    p, raw.location());
            if (events.isEmpty()) {
                context.unsupported(raw, "SNS subscription delivering to the queue " + endpoint.get() + ", which "
                        + queueReaders(endpoint.get()).map(f -> "function " + f + " reads as a queue event; the"
                        + " delivery from the topic to the queue is not mapped")
                        .orElse("no function of this template reads through an event source mapping"));
            }
            return;
        }
        context.unsupported(raw, "SNS subscription with protocol " + protocol.map(Expr::toString).orElse("(none)")
                + "; only subscriptions that invoke a function of this template (protocol lambda, or sqs to a queue"
                + " a function reads) are mapped");
    }

    /**
     * A subscription that delivers to a queue which functions read through event source mappings: SAM's
     * {@code SqsSubscription}. Each mapping's function gets the topic, and the mapping is read with it.
     *
     * @param p the subscription's properties, for the filter policy; null for inline subscriptions
     */
    private List<EventSource> viaQueue(String id, Optional<String> condition, Expr topic, Expr endpoint, Props p,
                                       SourceLocation at) {
        List<EventSource> events = new ArrayList<>();
        Optional<String> queue = queueKey(endpoint);
        if (queue.isEmpty()) {
            return events;
        }
        Optional<Expr> filterPolicy = p == null ? Optional.empty() : read(p, "FilterPolicy");
        Optional<Expr> filterPolicyScope = p == null ? Optional.empty() : read(p, "FilterPolicyScope");
        Optional<Expr> region = p == null ? Optional.empty() : read(p, "Region");
        for (RawResource mapping : mappingsByQueue.getOrDefault(queue.get(), List.of())) {
            if (unsupportedIds.contains(mapping.logicalId())) {
                continue;
            }
            Props m = context.props(mapping);
            Optional<String> function = Optional.ofNullable(m.node().get("FunctionName"))
                    .filter(n -> !Intrinsics.isNoValue(n)).flatMap(n -> context.functionOf(expr(n)));
            if (function.isEmpty()) {
                continue;
            }
            read(m, "FunctionName");
            Map<String, Expr> subscription = new LinkedHashMap<>();
            subscription.put("QueueArn", read(m, "EventSourceArn").orElseThrow());
            read(m, "BatchSize").ifPresent(v -> subscription.put("BatchSize", v));
            read(m, "Enabled").ifPresent(v -> subscription.put("Enabled", v));
            mappingsReadWithTopic.add(mapping.logicalId());
            EventSource event = new EventSource.Topic(id, EventOrigin.SOURCE_RESOURCE, condition, topic, filterPolicy,
                    filterPolicyScope, Optional.of(new Expr.MapExpr(subscription)), region, at);
            context.functions.get(function.get()).events.add(event);
            events.add(event);
        }
        return events;
    }

    /** A function that already reads the queue an ARN designates, through a queue event of its own. */
    private Optional<String> queueReaders(Expr endpoint) {
        Optional<String> key = queueKey(endpoint);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return context.functions.values().stream().filter(f -> f.events.stream().anyMatch(e ->
                e instanceof EventSource.Queue q && key.equals(queueKey(q.queue())))).map(f -> f.logicalId).findFirst();
    }

    /** The {@code Subscription} list of a topic: entries that invoke a function become topic events. */
    private void topicSubscriptions(RawResource raw) {
        Props p = context.props(raw);
        Expr topic = new Expr.ResourceRef(raw.logicalId());
        List<Item> items = items(raw, p, "", "Subscription");
        for (Item item : items) {
            if (item.props == null) {
                continue;
            }
            Props s = item.props;
            Node protocolNode = s.node().get("Protocol");
            Node endpointNode = s.node().get("Endpoint");
            if (!(protocolNode instanceof Node.Scalar protocol) || endpointNode == null) {
                continue;
            }
            String id = items.size() == 1 ? raw.logicalId() : raw.logicalId() + ".Subscription[" + item.index + "]";
            Expr endpoint = expr(endpointNode);
            if ("lambda".equalsIgnoreCase(protocol.text())) {
                Optional<String> function = context.functionOf(endpoint);
                if (function.isPresent()) {
                    s.node("Protocol");
                    s.node("Endpoint");
                    context.functions.get(function.get()).events.add(new EventSource.Topic(id,
                            EventOrigin.SOURCE_RESOURCE, item.condition, topic, Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), item.node.location()));
                }
            } else if ("sqs".equalsIgnoreCase(protocol.text())
                    && !viaQueue(id, item.condition, topic, endpoint, null, item.node.location()).isEmpty()) {
                s.node("Protocol");
                s.node("Endpoint");
            }
        }
    }

    // ---------------------------------------------------------------- S3

    /**
     * The {@code LambdaConfigurations} of a bucket. Configurations for the same function with the same
     * filter are one event with all their event names, as SAM writes one configuration per event name of
     * an S3 event; a configuration the function's SAM events already declare is not repeated.
     */
    private void bucketNotifications(RawResource raw) {
        Props p = context.props(raw);
        if (!(p.node().get("NotificationConfiguration") instanceof Node.Mapping n) || Intrinsics.isIntrinsic(n)
                || n.get("LambdaConfigurations") == null) {
            return;
        }
        Props notifications = p.object("NotificationConfiguration").orElseThrow();
        Expr bucket = new Expr.ResourceRef(raw.logicalId());
        record Group(String function, Optional<Expr> filter, Optional<String> condition, int index,
                     List<Expr> events, SourceLocation location) {
        }
        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        for (Item item : items(raw, notifications, "NotificationConfiguration.", "LambdaConfigurations")) {
            if (item.props == null) {
                continue;
            }
            Props c = item.props;
            Node functionNode = c.node().get("Function");
            Node eventNode = c.node().get("Event");
            Optional<String> function = functionNode == null ? Optional.empty()
                    : context.functionOf(expr(functionNode));
            if (function.isEmpty() || eventNode == null) {
                continue; // left unread: reported as unmapped
            }
            c.node("Function");
            Expr events = read(c, "Event").orElseThrow();
            Optional<Expr> filter = read(c, "Filter");
            Group group = groups.computeIfAbsent(List.of(function.get(), filter, item.condition),
                    k -> new Group(function.get(), filter, item.condition, item.index, new ArrayList<>(),
                            item.node.location()));
            for (Expr event : events instanceof Expr.ListExpr list ? list.items() : List.of(events)) {
                if (!group.events.contains(event)) {
                    group.events.add(event);
                }
            }
        }
        for (Group group : groups.values()) {
            FunctionBuilder f = context.functions.get(group.function);
            boolean declared = f.events.stream().anyMatch(e -> e instanceof EventSource.ObjectStorage s
                    && s.bucket().equals(bucket) && s.filter().equals(group.filter)
                    && s.events() instanceof Expr.ListExpr list && list.items().containsAll(group.events));
            if (declared) {
                continue;
            }
            String id = groups.size() == 1 ? raw.logicalId()
                    : raw.logicalId() + ".LambdaConfigurations[" + group.index + "]";
            f.events.add(new EventSource.ObjectStorage(id, EventOrigin.SOURCE_RESOURCE, group.condition, bucket,
                    new Expr.ListExpr(group.events), group.filter, group.location));
        }
    }

    // ---------------------------------------------------------------- EventBridge

    private void rule(RawResource raw) {
        Props p = context.props(raw);
        List<Integer> functionTargets = new ArrayList<>();
        Node targetsNode = p.node().get("Targets");
        if (targetsNode instanceof Node.Sequence seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                if (unguard(seq.items().get(i), raw.condition()).node() instanceof Node.Mapping t
                        && !Intrinsics.isIntrinsic(t) && t.get("Arn") != null
                        && context.functionOf(expr(t.get("Arn"))).isPresent()) {
                    functionTargets.add(i);
                }
            }
        }
        if (functionTargets.isEmpty()) {
            context.unsupported(raw, "EventBridge rule with no target that is a function of this template");
            return;
        }
        if (!p.has("ScheduleExpression") && !p.has("EventPattern")) {
            context.unsupported(raw, "EventBridge rule with neither ScheduleExpression nor EventPattern");
            return;
        }
        Optional<Expr> schedule = read(p, "ScheduleExpression");
        Optional<Expr> pattern = schedule.isPresent() ? Optional.empty() : read(p, "EventPattern");
        Optional<Expr> eventBus = schedule.isPresent() ? Optional.empty() : read(p, "EventBusName");
        Optional<Expr> state = read(p, "State");
        List<Item> items = items(raw, p, "", "Targets");
        for (Item item : items) {
            if (item.props == null || !functionTargets.contains(item.index)) {
                continue;
            }
            Props t = item.props;
            String function = context.functionOf(read(t, "Arn").orElseThrow()).orElseThrow();
            t.ignore("Id");
            Optional<Expr> input = t.has("Input") ? read(t, "Input")
                    : t.has("InputPath") ? read(t, "InputPath") : read(t, "InputTransformer");
            read(t, "InputPath");
            read(t, "InputTransformer");
            String id = items.size() == 1 ? raw.logicalId() : raw.logicalId() + ".Targets[" + item.index + "]";
            EventSource event = schedule.isPresent()
                    ? new EventSource.Schedule(id, EventOrigin.SOURCE_RESOURCE, item.condition, schedule.get(), false,
                    state, input, Optional.empty(), Optional.empty(), item.node.location())
                    : new EventSource.EventBusRule(id, EventOrigin.SOURCE_RESOURCE, item.condition, eventBus,
                    pattern.orElseThrow(), input, state, item.node.location());
            context.functions.get(function).events.add(event);
        }
    }

    private void scheduler(RawResource raw) {
        Props p = context.props(raw);
        Optional<Props> target = p.object("Target");
        Optional<Expr> arn = target.flatMap(t -> read(t, "Arn"));
        Optional<String> function = arn.flatMap(context::functionOf);
        if (function.isEmpty()) {
            context.unsupported(raw, "EventBridge Scheduler schedule whose target is not a function of this template"
                    + arn.map(a -> " (" + a + ")").orElse(""));
            return;
        }
        Optional<Expr> expression = read(p, "ScheduleExpression");
        if (expression.isEmpty()) {
            context.unsupported(raw, "EventBridge Scheduler schedule without ScheduleExpression");
            return;
        }
        // FlexibleTimeWindow is required; {Mode: OFF} (SAM's default) is the same as none.
        Optional<Expr> window = read(p, "FlexibleTimeWindow").filter(w -> !(w instanceof Expr.MapExpr m
                && m.entries().size() == 1 && Expr.string("OFF").equals(m.entries().get("Mode"))));
        context.functions.get(function.get()).events.add(new EventSource.Schedule(raw.logicalId(),
                EventOrigin.SOURCE_RESOURCE, raw.condition(), expression.get(), true, read(p, "State"),
                read(target.get(), "Input"), read(p, "ScheduleExpressionTimezone"), window, raw.location()));
    }

    // ---------------------------------------------------------------- logs, IoT, Cognito

    private void logSubscription(RawResource raw) {
        Props p = context.props(raw);
        Optional<Expr> destination = read(p, "DestinationArn");
        Optional<String> function = destination.flatMap(context::functionOf);
        if (function.isEmpty()) {
            context.unsupported(raw, "log subscription filter whose destination is not a function of this template"
                    + destination.map(d -> " (" + d + ")").orElse(""));
            return;
        }
        Optional<Expr> logGroup = read(p, "LogGroupName");
        Optional<Expr> pattern = read(p, "FilterPattern");
        if (logGroup.isEmpty() || pattern.isEmpty()) {
            context.unsupported(raw, "log subscription filter without LogGroupName or FilterPattern");
            return;
        }
        context.functions.get(function.get()).events.add(new EventSource.LogSubscription(raw.logicalId(),
                EventOrigin.SOURCE_RESOURCE, raw.condition(), logGroup.get(), pattern.get(), raw.location()));
    }

    private void iotRule(RawResource raw) {
        Props p = context.props(raw);
        if (!(p.node().get("TopicRulePayload") instanceof Node.Mapping payload) || Intrinsics.isIntrinsic(payload)
                || payload.get("Sql") == null) {
            context.unsupported(raw, "IoT topic rule without a TopicRulePayload with Sql");
            return;
        }
        List<Integer> lambdaActions = new ArrayList<>();
        if (payload.get("Actions") instanceof Node.Sequence actions) {
            for (int i = 0; i < actions.items().size(); i++) {
                if (unguard(actions.items().get(i), raw.condition()).node() instanceof Node.Mapping a
                        && !Intrinsics.isIntrinsic(a) && a.get("Lambda") instanceof Node.Mapping l
                        && !Intrinsics.isIntrinsic(l) && l.get("FunctionArn") != null
                        && context.functionOf(expr(l.get("FunctionArn"))).isPresent()) {
                    lambdaActions.add(i);
                }
            }
        }
        if (lambdaActions.isEmpty()) {
            context.unsupported(raw, "IoT topic rule with no Lambda action invoking a function of this template");
            return;
        }
        Props rule = p.object("TopicRulePayload").orElseThrow();
        Expr sql = read(rule, "Sql").orElseThrow();
        Optional<Expr> version = read(rule, "AwsIotSqlVersion");
        List<Item> items = items(raw, rule, "TopicRulePayload.", "Actions");
        for (Item item : items) {
            if (item.props == null || !lambdaActions.contains(item.index)) {
                continue;
            }
            Props lambda = item.props.object("Lambda").orElseThrow();
            String function = context.functionOf(read(lambda, "FunctionArn").orElseThrow()).orElseThrow();
            String id = items.size() == 1 ? raw.logicalId() : raw.logicalId() + ".Actions[" + item.index + "]";
            context.functions.get(function).events.add(new EventSource.IotRule(id, EventOrigin.SOURCE_RESOURCE,
                    item.condition, sql, version, item.node.location()));
        }
    }

    private void userPool(RawResource raw) {
        Props p = context.props(raw);
        Map<String, List<Expr>> triggers = new LinkedHashMap<>();
        Map<String, SourceLocation> locations = new HashMap<>();
        if (p.node().get("LambdaConfig") instanceof Node.Mapping config && !Intrinsics.isIntrinsic(config)) {
            Props lambdaConfig = null;
            for (Map.Entry<String, Node> entry : config.entries().entrySet()) {
                String trigger = entry.getKey();
                Node value = entry.getValue();
                boolean nested = value instanceof Node.Mapping m && !Intrinsics.isIntrinsic(m);
                Node arn = nested ? ((Node.Mapping) value).get("LambdaArn") : value;
                Optional<String> function = arn == null || Intrinsics.isNoValue(arn) ? Optional.empty()
                        : context.functionOf(expr(arn));
                if (function.isEmpty()) {
                    continue;
                }
                if (lambdaConfig == null) {
                    lambdaConfig = p.object("LambdaConfig").orElseThrow();
                }
                if (nested) {
                    lambdaConfig.object(trigger).orElseThrow().node("LambdaArn");
                } else {
                    lambdaConfig.node(trigger);
                }
                triggers.computeIfAbsent(function.get(), k -> new ArrayList<>()).add(Expr.string(trigger));
                locations.putIfAbsent(function.get(), config.keyLocation(trigger));
            }
        }
        if (triggers.isEmpty()) {
            context.unsupported(raw, "Cognito user pool: no Azure equivalent is generated, and it triggers no function"
                    + " of this template");
            return;
        }
        Expr pool = new Expr.ResourceRef(raw.logicalId());
        triggers.forEach((function, names) -> {
            String id = triggers.size() == 1 ? raw.logicalId() : raw.logicalId() + "[" + function + "]";
            context.functions.get(function).events.add(new EventSource.Cognito(id, EventOrigin.SOURCE_RESOURCE,
                    raw.condition(), pool, names, locations.get(function)));
        });
    }

    // ---------------------------------------------------------------- permissions

    private void permission(RawResource raw, Map<String, List<EventSource>> declared) {
        Props p = context.props(raw);
        Optional<Expr> functionName = read(p, "FunctionName");
        Optional<String> target = functionName.flatMap(context::functionOf);
        if (target.isEmpty()) {
            context.unsupported(raw, "permission to invoke " + functionName.map(Expr::toString).orElse("no function")
                    + ", which is not a function of this template");
            return;
        }
        Optional<Expr> action = read(p, "Action");
        String actionName = action.flatMap(Expr::asString).orElse("");
        if (!actionName.isEmpty() && !actionName.startsWith("lambda:Invoke") && !"lambda:*".equals(actionName)) {
            context.unsupported(raw, "permission for " + actionName + ", which does not invoke the function");
            return;
        }
        Expr principal = read(p, "Principal").orElse(Expr.string(""));
        Optional<Expr> sourceArn = read(p, "SourceArn");
        Optional<Expr> sourceAccount = read(p, "SourceAccount");
        Optional<Expr> token = read(p, "EventSourceToken");
        Optional<Expr> urlAuthType = read(p, "FunctionUrlAuthType");
        Optional<Expr> viaUrl = read(p, "InvokedViaFunctionUrl");
        read(p, "PrincipalOrgID");
        FunctionBuilder f = context.functions.get(target.get());
        List<EventSource> existing = declared.getOrDefault(target.get(), List.of());

        boolean url = "lambda:InvokeFunctionUrl".equals(actionName) || urlAuthType.isPresent()
                || viaUrl.filter(v -> v instanceof Expr.BooleanLiteral b && b.value()
                || v.asString().filter("true"::equalsIgnoreCase).isPresent()).isPresent();
        if (url) {
            if (existing.stream().anyMatch(e -> e instanceof EventSource.Http h
                    && h.apiKind() == HttpApiKind.FUNCTION_URL)) {
                return;
            }
            f.events.add(new EventSource.InvokePermission(raw.logicalId(), EventOrigin.PERMISSION, raw.condition(),
                    principal, sourceArn, sourceAccount, raw.location()));
            return;
        }
        if (sourceArn.isPresent() && fromUnsupportedSource(sourceArn.get(), target.get())) {
            return; // the source is reported as unsupported, with the reason; it carries the trigger
        }
        String principalText = Optional.ofNullable(text(principal)).orElse("");
        Optional<InvokingService> service = InvokingService.of(principalText);
        if (service.isPresent() && consumed(service.get(), sourceArn, token, existing, target.get())) {
            return;
        }
        if (service.isPresent() && service.get() == InvokingService.ALEXA) {
            f.events.add(new EventSource.Alexa(raw.logicalId(), EventOrigin.PERMISSION, raw.condition(), token,
                    raw.location()));
            return;
        }
        if (service.isPresent() && service.get() == InvokingService.API_GATEWAY && sourceArn.isPresent()) {
            Optional<EventSource.Http> route = permissionRoute(raw, sourceArn.get());
            if (route.isPresent()) {
                EventSource.Http http = route.get();
                if (!hasRoute(f, http.apiKind(), http.apiId().orElseThrow(), http.path(), http.method())) {
                    f.events.add(http);
                }
                return;
            }
        }
        f.events.add(new EventSource.InvokePermission(raw.logicalId(), EventOrigin.PERMISSION, raw.condition(),
                principal, sourceArn, sourceAccount, raw.location()));
    }

    /**
     * Whether a permission only grants what another resource of the template already declares: the
     * function has an event of the principal's service and, when the source ARN names resources of the
     * template, one tied to one of them.
     */
    private boolean consumed(InvokingService service, Optional<Expr> sourceArn, Optional<Expr> token,
                             List<EventSource> existing, String function) {
        Set<String> named = new LinkedHashSet<>();
        sourceArn.ifPresent(arn -> References.of(arn).stream()
                .filter(id -> !id.equals(function) && (context.resources.containsKey(id) || isImplicitApi(id)))
                .forEach(named::add));
        boolean toAuthorizer = sourceArn.map(EventLinker::text).filter(t -> t.contains("/authorizers/")).isPresent();
        return service.alreadyDeclared(named, toAuthorizer, token, existing, this::tiedResources,
                () -> named.stream().anyMatch(api -> authorizes(api, function)));
    }

    /**
     * Whether a source ARN names only resources of the template that are reported as unsupported (a
     * WebSocket API, an AppSync API): the permission is part of what that report covers.
     */
    private boolean fromUnsupportedSource(Expr sourceArn, String function) {
        Set<String> unsupported = new HashSet<>();
        context.unsupported.forEach(u -> unsupported.add(u.logicalId()));
        Set<String> named = new LinkedHashSet<>(References.of(sourceArn));
        named.remove(function);
        named.retainAll(context.resources.keySet());
        return !named.isEmpty() && unsupported.containsAll(named);
    }

    /** The template resources an event is tied to; an event of an implicit API is tied to it. */
    private Set<String> tiedResources(EventSource event) {
        Set<String> tied = InvokingService.tiedResources(event);
        if (event instanceof EventSource.Http h && h.apiId().isEmpty()) {
            tied.add(h.apiKind() == HttpApiKind.HTTP_API ? IMPLICIT_HTTP_API : IMPLICIT_REST_API);
        }
        return tied;
    }

    /** Whether an API of the template declares the function as a Lambda authorizer. */
    private boolean authorizes(String api, String function) {
        RawResource raw = context.resources.get(api);
        if (raw != null) {
            for (String key : List.of("Body", "DefinitionBody", "Auth")) {
                Node node = raw.properties().get(key);
                if (node != null && References.of(expr(node)).contains(function)) {
                    return true;
                }
            }
        }
        for (RawResource other : context.resources.values()) {
            if (("AWS::ApiGateway::Authorizer".equals(other.type()) || "AWS::ApiGatewayV2::Authorizer".equals(other.type()))
                    && other.properties().get("AuthorizerUri") != null
                    && References.of(expr(other.properties().get("AuthorizerUri"))).contains(function)) {
                Node apiRef = other.properties().get(REST_API.equals(context.typeOf(api)) ? "RestApiId" : "ApiId");
                if (apiRef == null || References.of(expr(apiRef)).contains(api)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The route an API Gateway permission's source ARN reveals: {@code <api id>/<stage>/<METHOD>/<path>}
     * after a reference to an API of the template (as the SAM translator writes it, and as templates often
     * write it by hand).
     */
    private Optional<EventSource.Http> permissionRoute(RawResource raw, Expr sourceArn) {
        List<Expr> parts = parts(sourceArn);
        for (int i = 0; i < parts.size(); i++) {
            Optional<String> api = apiRef(parts.get(i));
            if (api.isEmpty()) {
                continue;
            }
            StringBuilder rest = new StringBuilder();
            for (Expr part : parts.subList(i + 1, parts.size())) {
                rest.append(part instanceof Expr.StringLiteral s ? s.value() : String.valueOf(HOLE));
            }
            String type = context.typeOf(api.get());
            HttpApiKind kind = V2_API.equals(type) || SAM_HTTP_API.equals(type) || IMPLICIT_HTTP_API.equals(api.get())
                    ? HttpApiKind.HTTP_API : HttpApiKind.REST_API;
            String path;
            String method;
            Matcher m = ROUTE_ARN.matcher(rest);
            if (kind == HttpApiKind.HTTP_API && rest.toString().matches("/[^/]*/\\$default")) {
                path = "$default";
                method = "ANY";
            } else if (m.matches() && m.group(3) != null) {
                method = "*".equals(m.group(2)) ? "ANY" : m.group(2).toUpperCase(Locale.ROOT);
                if (!ApiGatewayMethods.NAMES.contains(method)) {
                    return Optional.empty();
                }
                path = m.group(3);
            } else {
                return Optional.empty();
            }
            return Optional.of(new EventSource.Http(raw.logicalId(), EventOrigin.PERMISSION, raw.condition(), kind,
                    api, path, method, Optional.empty(), Optional.empty(), raw.location()));
        }
        return Optional.empty();
    }

    /** The API of the template a part of an ARN refers to ({@code !Ref Api}). */
    private Optional<String> apiRef(Expr part) {
        if (part instanceof Expr.ResourceRef ref) {
            String type = context.typeOf(ref.logicalId());
            if (REST_API.equals(type) || V2_API.equals(type) || SAM_API.equals(type) || SAM_HTTP_API.equals(type)
                    || isImplicitApi(ref.logicalId())) {
                return Optional.of(ref.logicalId());
            }
        }
        return Optional.empty();
    }

    private boolean isImplicitApi(String id) {
        return context.intrinsics.scope().sam() && !context.resources.containsKey(id)
                && (IMPLICIT_REST_API.equals(id) || IMPLICIT_HTTP_API.equals(id));
    }

    // ---------------------------------------------------------------- helpers

    /**
     * One item of a list property: tracked properties when it is a plain mapping (possibly guarded, see
     * {@link #unguard}), else null.
     */
    private record Item(int index, Node node, Props props, Optional<String> condition) {
    }

    /** A value and the condition it exists under. */
    private record Guarded(Node node, Optional<String> condition) {
    }

    /**
     * A value without the {@code Fn::If [Condition, value, !Ref AWS::NoValue]} around it (as the SAM
     * translator writes the parts of shared resources that belong to conditional functions), with the
     * condition it exists under: the innermost guard's, else the given one (the resource's, which the
     * translator makes the disjunction of its guards). Other values are returned as they are.
     */
    private static Guarded unguard(Node node, Optional<String> condition) {
        Node value = node;
        Optional<String> guard = condition;
        while (value instanceof Node.Mapping m && "Fn::If".equals(m.singleKey())
                && m.get("Fn::If") instanceof Node.Sequence args && args.items().size() == 3
                && args.items().get(0) instanceof Node.Scalar name && !name.isNull()
                && Intrinsics.isNoValue(args.items().get(2))) {
            value = args.items().get(1);
            guard = Optional.of(name.text());
        }
        return new Guarded(value, guard);
    }

    private static boolean isPlainMapping(Node node) {
        return node instanceof Node.Mapping m && !Intrinsics.isIntrinsic(m);
    }

    /**
     * The items of a list property, the property marked read. Each mapping item is tracked on its own
     * (path {@code Key[i]}), so that what is not read of it is reported; other items (an {@code Fn::If}
     * choosing between two values) are reported as unmapped at once.
     */
    private List<Item> items(RawResource raw, Props parent, String prefix, String key) {
        Optional<List<Node>> list = parent.list(key);
        if (list.isEmpty()) {
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < list.get().size(); i++) {
            Node node = list.get().get(i);
            Guarded guarded = unguard(node, raw.condition());
            if (guarded.node() instanceof Node.Mapping m && !Intrinsics.isIntrinsic(m)) {
                items.add(new Item(i, m, parent.child(key + "[" + i + "]", m), guarded.condition()));
            } else {
                items.add(new Item(i, node, null, raw.condition()));
                if (!Intrinsics.isNoValue(node)) {
                    String path = prefix + key + "[" + i + "]";
                    context.unmapped.add(new UnmappedProperty(raw.logicalId(), raw.type(), path, expr(node),
                            node.location()));
                }
            }
        }
        return items;
    }

    /** A property's value, marking it read; each node is converted once. */
    private Optional<Expr> read(Props p, String key) {
        Node node = p.node(key);
        return node == null ? Optional.empty() : Optional.of(expr(node));
    }

    private Expr expr(Node node) {
        Expr value = converted.get(node);
        if (value == null) {
            value = context.intrinsics.expr(node);
            converted.put(node, value);
        }
        return value;
    }

    private static Optional<String> scalar(Node node) {
        return node instanceof Node.Scalar s && !s.isNull() ? Optional.of(s.text()) : Optional.empty();
    }

    /** The logical id a value refers to with {@code !Ref} or {@code !GetAtt}. */
    private static Optional<String> logicalId(Expr value) {
        if (value instanceof Expr.ResourceRef ref) {
            return Optional.of(ref.logicalId());
        }
        if (value instanceof Expr.AttributeRef att) {
            return Optional.of(att.logicalId());
        }
        return Optional.empty();
    }

    /** The parts of a string built by {@code Fn::Sub} or by {@code Fn::Join} with a literal delimiter. */
    private static List<Expr> parts(Expr value) {
        if (value instanceof Expr.Interpolation interpolation) {
            return interpolation.parts();
        }
        if (value instanceof Expr.Join join && join.delimiter() instanceof Expr.StringLiteral delimiter
                && join.values() instanceof Expr.ListExpr list) {
            List<Expr> parts = new ArrayList<>();
            for (int i = 0; i < list.items().size(); i++) {
                if (i > 0 && !delimiter.value().isEmpty()) {
                    parts.add(delimiter);
                }
                parts.addAll(parts(list.items().get(i)));
            }
            return parts;
        }
        return List.of(value);
    }

    /**
     * The literal text of a string value, with a {@link #HOLE} for every symbolic part; null when the value
     * is not a string built from text (a reference, a conditional).
     */
    private static String text(Expr value) {
        if (value instanceof Expr.StringLiteral s) {
            return s.value();
        }
        if (!(value instanceof Expr.Interpolation) && !(value instanceof Expr.Join)) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Expr part : parts(value)) {
            text.append(part instanceof Expr.StringLiteral s ? s.value() : String.valueOf(HOLE));
        }
        return text.toString();
    }
}
