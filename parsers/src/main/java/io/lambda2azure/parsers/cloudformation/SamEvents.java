package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code Events} of a SAM function: every event type SAM defines, each into its
 * {@link EventSource} variant with the settings the type allows.
 */
final class SamEvents {

    /** The event types SAM defines (AWS SAM specification, AWS::Serverless::Function EventSource). */
    static final Set<String> TYPES = Set.of("S3", "SNS", "Kinesis", "DynamoDB", "SQS", "Api", "HttpApi", "Schedule",
            "ScheduleV2", "CloudWatchEvent", "EventBridgeRule", "CloudWatchLogs", "IoTRule", "AlexaSkill", "Cognito",
            "MSK", "MQ", "SelfManagedKafka", "DocumentDB");

    private final ReadContext context;

    SamEvents(ReadContext context) {
        this.context = context;
    }

    void read(FunctionBuilder function, Node events, Props functionProps) {
        if (events instanceof Node.Scalar s && s.isNull()) {
            return; // "Events:" with nothing under it: no events
        }
        if (!(events instanceof Node.Mapping map) || Intrinsics.isIntrinsic(events)) {
            context.problems.add(events.location(), "Events of function '" + function.logicalId
                    + "' must be a mapping of event names to events; found " + Node.describe(events));
            return;
        }
        Props eventsProps = functionProps.child("Events", map);
        map.entries().forEach((name, node) -> {
            SourceLocation at = map.keyLocation(name);
            if (!(node instanceof Node.Mapping event) || Intrinsics.isIntrinsic(node)) {
                context.problems.add(node.location(), "event '" + name + "' of function '" + function.logicalId
                        + "' must be a mapping with Type and Properties; found " + Node.describe(node));
                eventsProps.ignore(name);
                return;
            }
            Props eventProps = eventsProps.child(name, event);
            Optional<String> type = eventProps.literal("Type", "an event type such as Api, SQS or Schedule");
            if (type.isEmpty()) {
                if (event.get("Type") == null) {
                    context.problems.add(at, "event '" + name + "' of function '" + function.logicalId
                            + "' has no Type; expected one of " + String.join(", ", TYPES.stream().sorted().toList()));
                }
                return;
            }
            if (!TYPES.contains(type.get())) {
                context.problems.add(event.keyLocation("Type"), "event '" + name + "' of function '"
                        + function.logicalId + "' has the unknown Type '" + type.get() + "'; expected one of "
                        + String.join(", ", TYPES.stream().sorted().toList()));
                return;
            }
            Node propertiesNode = event.get("Properties");
            Node.Mapping properties;
            if (propertiesNode instanceof Node.Mapping m && !Intrinsics.isIntrinsic(m)) {
                properties = m;
            } else if (propertiesNode == null && ("Api".equals(type.get()) || "HttpApi".equals(type.get())
                    || "AlexaSkill".equals(type.get()))) {
                properties = new Node.Mapping(new java.util.LinkedHashMap<>(), java.util.Map.of(), at);
            } else {
                context.problems.add(propertiesNode == null ? at : propertiesNode.location(), "event '" + name
                        + "' of function '" + function.logicalId + "' needs Properties, a mapping of the "
                        + type.get() + " event's settings");
                return;
            }
            Props p = eventProps.child("Properties", properties);
            EventSource source = event(type.get(), name, function, p, at);
            if (source != null) {
                function.events.add(source);
            }
        });
    }

    private EventSource event(String type, String id, FunctionBuilder f, Props p, SourceLocation at) {
        EventOrigin origin = EventOrigin.SAM_EVENT;
        Optional<String> condition = f.condition;
        switch (type) {
            case "Api": {
                String path = requiredString(p, "Path", id, "Api", "the route path, such as /orders/{id}");
                String method = requiredString(p, "Method", id, "Api", "an HTTP method such as get, or any");
                Optional<String> api = reference(p, "RestApiId");
                return new EventSource.Http(id, origin, condition, HttpApiKind.REST_API, api, path == null ? "/" : path,
                        method == null ? "ANY" : method.toUpperCase(Locale.ROOT), auth(p), Optional.empty(), at);
            }
            case "HttpApi": {
                // Without Path and Method, SAM routes the function as the API's $default route.
                String path = p.has("Path") ? requiredString(p, "Path", id, "HttpApi", "a route path") : "$default";
                if ("/$default".equals(path)) {
                    path = "$default"; // the explicit spelling of the default route
                }
                String method = p.has("Method") ? requiredString(p, "Method", id, "HttpApi", "an HTTP method") : "ANY";
                Optional<String> api = reference(p, "ApiId");
                return new EventSource.Http(id, origin, condition, HttpApiKind.HTTP_API, api,
                        path == null ? "$default" : path,
                        method == null ? "ANY" : "X-AMAZON-APIGATEWAY-ANY-METHOD".equalsIgnoreCase(method) ? "ANY"
                                : method.toUpperCase(Locale.ROOT), auth(p), Optional.empty(), at);
            }
            case "SQS":
                return required(p, "Queue", id, type) ? new EventSource.Queue(id, origin, condition,
                        p.expr("Queue").orElseThrow(), Polling.settings(p), at) : null;
            case "Kinesis":
                return required(p, "Stream", id, type) ? new EventSource.Stream(id, origin, condition,
                        p.expr("Stream").orElseThrow(), Polling.settings(p), at) : null;
            case "DynamoDB":
                return required(p, "Stream", id, type) ? new EventSource.TableStream(id, origin, condition,
                        p.expr("Stream").orElseThrow(), Polling.settings(p), at) : null;
            case "MSK": {
                if (!required(p, "Stream", id, type) || !required(p, "Topics", id, type)) {
                    return null;
                }
                Optional<Expr> consumerGroup = p.expr("ConsumerGroupId");
                return new EventSource.Kafka(id, origin, condition, true, p.expr("Stream"), Optional.empty(),
                        p.expr("Topics").orElseThrow(), consumerGroup, Polling.settings(p), at);
            }
            case "SelfManagedKafka": {
                if (!required(p, "KafkaBootstrapServers", id, type) || !required(p, "Topics", id, type)) {
                    return null;
                }
                return new EventSource.Kafka(id, origin, condition, false, Optional.empty(),
                        p.expr("KafkaBootstrapServers"), p.expr("Topics").orElseThrow(), p.expr("ConsumerGroupId"),
                        Polling.settings(p), at);
            }
            case "MQ":
                if (!required(p, "Broker", id, type) || !required(p, "Queues", id, type)) {
                    return null;
                }
                return new EventSource.Broker(id, origin, condition, p.expr("Broker").orElseThrow(),
                        p.expr("Queues").orElseThrow(), Polling.settings(p), at);
            case "DocumentDB":
                if (!required(p, "Cluster", id, type) || !required(p, "DatabaseName", id, type)) {
                    return null;
                }
                return new EventSource.DocumentDbStream(id, origin, condition, p.expr("Cluster").orElseThrow(),
                        p.expr("DatabaseName").orElseThrow(), p.expr("CollectionName"), p.expr("FullDocument"),
                        Polling.settings(p), at);
            case "SNS":
                if (!required(p, "Topic", id, type)) {
                    return null;
                }
                return new EventSource.Topic(id, origin, condition, p.expr("Topic").orElseThrow(),
                        p.expr("FilterPolicy"), p.expr("FilterPolicyScope"), p.expr("SqsSubscription"),
                        p.expr("Region"), at);
            case "S3": {
                if (!required(p, "Bucket", id, type) || !required(p, "Events", id, type)) {
                    return null;
                }
                Expr bucket = p.expr("Bucket").orElseThrow();
                if (!(bucket instanceof Expr.ResourceRef ref && "AWS::S3::Bucket".equals(context.typeOf(ref.logicalId())))) {
                    context.problems.add(p.location("Bucket"), "S3 event '" + id + "' must refer to an S3 bucket"
                            + " of the same template with !Ref; SAM cannot add notifications to other buckets");
                }
                Expr events = p.expr("Events").orElseThrow();
                if (!(events instanceof Expr.ListExpr)) {
                    events = new Expr.ListExpr(List.of(events));
                }
                return new EventSource.ObjectStorage(id, origin, condition, bucket, events, p.expr("Filter"), at);
            }
            case "Schedule": {
                if (!required(p, "Schedule", id, type)) {
                    return null;
                }
                Optional<Expr> enabled = p.has("Enabled") ? p.expr("Enabled") : p.expr("State");
                p.expr("State");
                return new EventSource.Schedule(id, origin, condition, p.expr("Schedule").orElseThrow(), false,
                        enabled, p.expr("Input"), Optional.empty(), Optional.empty(), at);
            }
            case "ScheduleV2":
                if (!required(p, "ScheduleExpression", id, type)) {
                    return null;
                }
                return new EventSource.Schedule(id, origin, condition, p.expr("ScheduleExpression").orElseThrow(),
                        true, p.expr("State"), p.expr("Input"), p.expr("ScheduleExpressionTimezone"),
                        p.expr("FlexibleTimeWindow"), at);
            case "CloudWatchEvent":
            case "EventBridgeRule": {
                if (!required(p, "Pattern", id, type)) {
                    return null;
                }
                Optional<Expr> input = p.has("Input") ? p.expr("Input")
                        : p.has("InputPath") ? p.expr("InputPath") : p.expr("InputTransformer");
                p.expr("InputPath");
                p.expr("InputTransformer");
                Optional<Expr> enabled = p.has("Enabled") ? p.expr("Enabled") : p.expr("State");
                p.expr("State");
                return new EventSource.EventBusRule(id, origin, condition, p.expr("EventBusName"),
                        p.expr("Pattern").orElseThrow(), input, enabled, at);
            }
            case "CloudWatchLogs":
                if (!required(p, "LogGroupName", id, type) || !required(p, "FilterPattern", id, type)) {
                    return null;
                }
                return new EventSource.LogSubscription(id, origin, condition, p.expr("LogGroupName").orElseThrow(),
                        p.expr("FilterPattern").orElseThrow(), at);
            case "IoTRule":
                if (!required(p, "Sql", id, type)) {
                    return null;
                }
                return new EventSource.IotRule(id, origin, condition, p.expr("Sql").orElseThrow(),
                        p.expr("AwsIotSqlVersion"), at);
            case "AlexaSkill":
                return new EventSource.Alexa(id, origin, condition, p.expr("SkillId"), at);
            case "Cognito": {
                if (!required(p, "UserPool", id, type) || !required(p, "Trigger", id, type)) {
                    return null;
                }
                Expr trigger = p.expr("Trigger").orElseThrow();
                List<Expr> triggers = new ArrayList<>();
                if (trigger instanceof Expr.ListExpr list) {
                    triggers.addAll(list.items());
                } else {
                    triggers.add(trigger);
                }
                return new EventSource.Cognito(id, origin, condition, p.expr("UserPool").orElseThrow(), triggers, at);
            }
            default:
                throw new IllegalStateException("event type listed in TYPES but not read: " + type);
        }
    }

    private Optional<HttpAuth> auth(Props p) {
        return p.object("Auth").map(a -> new HttpAuth(a.expr("AuthorizationType"),
                a.literal("Authorizer", "the name of an authorizer of the API"), a.expr("AuthorizationScopes"),
                a.expr("ApiKeyRequired")));
    }

    /**
     * The logical id of the API a property designates: {@code !Ref MyApi}, or the bare logical id, which
     * SAM accepts too.
     */
    private Optional<String> reference(Props p, String key) {
        Optional<Expr> value = p.expr(key);
        if (value.isPresent() && value.get() instanceof Expr.ResourceRef ref) {
            return Optional.of(ref.logicalId());
        }
        if (value.isPresent() && value.get() instanceof Expr.StringLiteral id
                && context.resources.containsKey(id.value())) {
            return Optional.of(id.value());
        }
        if (value.isPresent()) {
            context.problems.add(p.location(key), key + " must refer to an API of this template with !Ref; found "
                    + value.get());
        }
        return Optional.empty();
    }

    private boolean required(Props p, String key, String id, String type) {
        if (p.has(key)) {
            return true;
        }
        context.problems.add(p.location(), type + " event '" + id + "' is missing the required property " + key);
        return false;
    }

    private String requiredString(Props p, String key, String id, String type, String expected) {
        if (!p.has(key)) {
            context.problems.add(p.location(), type + " event '" + id + "' is missing the required property " + key
                    + " (" + expected + ")");
            return null;
        }
        return p.literal(key, "a string: " + expected).orElse(null);
    }
}
