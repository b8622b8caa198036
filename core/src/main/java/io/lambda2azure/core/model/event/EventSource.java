package io.lambda2azure.core.model.event;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that invokes a function. Each variant keeps the settings its AWS source allows, symbolic.
 * A source declared in SAM ({@code Events}) and the same source declared with plain CloudFormation
 * resources (an event source mapping, a permission plus a notification, a rule target) give the same
 * variant with the same settings; only {@link #origin()}, {@link #id()} and the location differ.
 */
public sealed interface EventSource {

    /** The id the input gives it: the SAM event name, or the logical id of the declaring resource. */
    String id();

    /** How the input declared it. */
    EventOrigin origin();

    /** The condition it depends on, if any. */
    Optional<String> condition();

    /** Where it is declared. */
    SourceLocation location();

    /** Its kind. */
    EventKind kind();

    /**
     * An HTTP route: API Gateway REST API, HTTP API, or a function URL.
     *
     * @param apiKind the kind of API
     * @param apiId   the logical id of the API resource, empty for SAM's implicit API or a function URL
     * @param path    the route path ({@code /orders/{id}}), {@code /} for a function URL
     * @param method  the HTTP method in upper case, {@code ANY} for all
     * @param auth    how the route is protected, if stated
     * @param cors    CORS settings, if any
     */
    record Http(String id, EventOrigin origin, Optional<String> condition, HttpApiKind apiKind,
                Optional<String> apiId, String path, String method, Optional<HttpAuth> auth, Optional<Expr> cors,
                SourceLocation location) implements EventSource {
        public Http {
            require(id, origin, condition, location);
            Objects.requireNonNull(apiKind, "apiKind");
            Objects.requireNonNull(apiId, "apiId");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(cors, "cors");
        }

        @Override
        public EventKind kind() {
            return EventKind.HTTP;
        }
    }

    /** A message queue (SQS). */
    record Queue(String id, EventOrigin origin, Optional<String> condition, Expr queue, PollingSettings settings,
                 SourceLocation location) implements EventSource {
        public Queue {
            require(id, origin, condition, location);
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public EventKind kind() {
            return EventKind.QUEUE;
        }
    }

    /**
     * A publish-subscribe topic (SNS).
     *
     * @param filterPolicy      the subscription's filter policy, if any
     * @param filterPolicyScope {@code MessageAttributes} or {@code MessageBody}, if stated
     * @param viaQueue          SAM's {@code SqsSubscription}: delivery through an intermediate queue, if set
     * @param region            the topic's region when not the stack's, if stated
     */
    record Topic(String id, EventOrigin origin, Optional<String> condition, Expr topic, Optional<Expr> filterPolicy,
                 Optional<Expr> filterPolicyScope, Optional<Expr> viaQueue, Optional<Expr> region,
                 SourceLocation location) implements EventSource {
        public Topic {
            require(id, origin, condition, location);
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(filterPolicy, "filterPolicy");
            Objects.requireNonNull(filterPolicyScope, "filterPolicyScope");
            Objects.requireNonNull(viaQueue, "viaQueue");
            Objects.requireNonNull(region, "region");
        }

        @Override
        public EventKind kind() {
            return EventKind.TOPIC;
        }
    }

    /**
     * Object storage notifications (S3).
     *
     * @param bucket  the bucket
     * @param events  the event names ({@code s3:ObjectCreated:*}, ...)
     * @param filter  the key filter ({@code S3Key.Rules} with prefix/suffix), if any
     */
    record ObjectStorage(String id, EventOrigin origin, Optional<String> condition, Expr bucket, Expr events,
                         Optional<Expr> filter, SourceLocation location) implements EventSource {
        public ObjectStorage {
            require(id, origin, condition, location);
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(events, "events");
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public EventKind kind() {
            return EventKind.OBJECT_STORAGE;
        }
    }

    /** A table's change stream (DynamoDB Streams). */
    record TableStream(String id, EventOrigin origin, Optional<String> condition, Expr stream,
                       PollingSettings settings, SourceLocation location) implements EventSource {
        public TableStream {
            require(id, origin, condition, location);
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public EventKind kind() {
            return EventKind.TABLE_STREAM;
        }
    }

    /** A data stream (Kinesis). */
    record Stream(String id, EventOrigin origin, Optional<String> condition, Expr stream, PollingSettings settings,
                  SourceLocation location) implements EventSource {
        public Stream {
            require(id, origin, condition, location);
            Objects.requireNonNull(stream, "stream");
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public EventKind kind() {
            return EventKind.STREAM;
        }
    }

    /**
     * Kafka topics, on Amazon MSK or a self-managed cluster.
     *
     * @param managed          whether the cluster is Amazon MSK
     * @param cluster          the MSK cluster ARN, if MSK
     * @param bootstrapServers the self-managed cluster's bootstrap servers, if self-managed
     * @param topics           the topics
     * @param consumerGroupId  the consumer group id, if set
     */
    record Kafka(String id, EventOrigin origin, Optional<String> condition, boolean managed, Optional<Expr> cluster,
                 Optional<Expr> bootstrapServers, Expr topics, Optional<Expr> consumerGroupId,
                 PollingSettings settings, SourceLocation location) implements EventSource {
        public Kafka {
            require(id, origin, condition, location);
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(bootstrapServers, "bootstrapServers");
            Objects.requireNonNull(topics, "topics");
            Objects.requireNonNull(consumerGroupId, "consumerGroupId");
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public EventKind kind() {
            return EventKind.KAFKA;
        }
    }

    /** Queues of a message broker (Amazon MQ for ActiveMQ or RabbitMQ). */
    record Broker(String id, EventOrigin origin, Optional<String> condition, Expr broker, Expr queues,
                  PollingSettings settings, SourceLocation location) implements EventSource {
        public Broker {
            require(id, origin, condition, location);
            Objects.requireNonNull(broker, "broker");
            Objects.requireNonNull(queues, "queues");
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public EventKind kind() {
            return EventKind.BROKER;
        }
    }

    /**
     * A DocumentDB change stream.
     *
     * @param fullDocument {@code Default} or {@code UpdateLookup}, if set
     */
    record DocumentDbStream(String id, EventOrigin origin, Optional<String> condition, Expr cluster, Expr database,
                            Optional<Expr> collection, Optional<Expr> fullDocument, PollingSettings settings,
                            SourceLocation location) implements EventSource {
        public DocumentDbStream {
            require(id, origin, condition, location);
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(fullDocument, "fullDocument");
            Objects.requireNonNull(settings, "settings");
        }

        @Override
        public EventKind kind() {
            return EventKind.DOCUMENT_DB_STREAM;
        }
    }

    /**
     * A timer: EventBridge rule {@code rate(...)}/{@code cron(...)} or EventBridge Scheduler.
     *
     * @param expression the schedule expression ({@code rate(5 minutes)}, {@code cron(0 12 * * ? *)},
     *                   {@code at(...)})
     * @param scheduler  whether it is an EventBridge Scheduler schedule (SAM {@code ScheduleV2})
     * @param enabled    whether it is enabled ({@code Enabled} or {@code State}), if stated
     * @param input      the constant input passed to the function, if any
     * @param timezone   the time zone of a cron expression (Scheduler only), if any
     * @param flexibleTimeWindow Scheduler's flexible time window, if any
     */
    record Schedule(String id, EventOrigin origin, Optional<String> condition, Expr expression, boolean scheduler,
                    Optional<Expr> enabled, Optional<Expr> input, Optional<Expr> timezone,
                    Optional<Expr> flexibleTimeWindow, SourceLocation location) implements EventSource {
        public Schedule {
            require(id, origin, condition, location);
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(enabled, "enabled");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(timezone, "timezone");
            Objects.requireNonNull(flexibleTimeWindow, "flexibleTimeWindow");
        }

        @Override
        public EventKind kind() {
            return EventKind.SCHEDULE;
        }
    }

    /**
     * An event bus rule with an event pattern (EventBridge, CloudWatch Events).
     *
     * @param eventBus the bus name or ARN, empty for the default bus
     * @param pattern  the event pattern
     * @param input    the constant input, input path or input transformer, if any
     * @param enabled  whether the rule is enabled, if stated
     */
    record EventBusRule(String id, EventOrigin origin, Optional<String> condition, Optional<Expr> eventBus,
                        Expr pattern, Optional<Expr> input, Optional<Expr> enabled, SourceLocation location)
            implements EventSource {
        public EventBusRule {
            require(id, origin, condition, location);
            Objects.requireNonNull(eventBus, "eventBus");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(enabled, "enabled");
        }

        @Override
        public EventKind kind() {
            return EventKind.EVENT_BUS_RULE;
        }
    }

    /** A log group subscription filter (CloudWatch Logs). */
    record LogSubscription(String id, EventOrigin origin, Optional<String> condition, Expr logGroup,
                           Expr filterPattern, SourceLocation location) implements EventSource {
        public LogSubscription {
            require(id, origin, condition, location);
            Objects.requireNonNull(logGroup, "logGroup");
            Objects.requireNonNull(filterPattern, "filterPattern");
        }

        @Override
        public EventKind kind() {
            return EventKind.LOG_SUBSCRIPTION;
        }
    }

    /** An IoT topic rule. */
    record IotRule(String id, EventOrigin origin, Optional<String> condition, Expr sql, Optional<Expr> sqlVersion,
                   SourceLocation location) implements EventSource {
        public IotRule {
            require(id, origin, condition, location);
            Objects.requireNonNull(sql, "sql");
            Objects.requireNonNull(sqlVersion, "sqlVersion");
        }

        @Override
        public EventKind kind() {
            return EventKind.IOT_RULE;
        }
    }

    /**
     * A Cognito user pool trigger.
     *
     * @param userPool the user pool
     * @param triggers the trigger names ({@code PreSignUp}, {@code PostConfirmation}, ...)
     */
    record Cognito(String id, EventOrigin origin, Optional<String> condition, Expr userPool, List<Expr> triggers,
                   SourceLocation location) implements EventSource {
        public Cognito {
            require(id, origin, condition, location);
            Objects.requireNonNull(userPool, "userPool");
            triggers = List.copyOf(triggers);
        }

        @Override
        public EventKind kind() {
            return EventKind.COGNITO;
        }
    }

    /** An Alexa skill. */
    record Alexa(String id, EventOrigin origin, Optional<String> condition, Optional<Expr> skillId,
                 SourceLocation location) implements EventSource {
        public Alexa {
            require(id, origin, condition, location);
            Objects.requireNonNull(skillId, "skillId");
        }

        @Override
        public EventKind kind() {
            return EventKind.ALEXA;
        }
    }

    /**
     * An invoke permission whose source no other resource of the input describes (for example a service
     * in another stack). The principal says who may invoke; nothing says with what.
     */
    record InvokePermission(String id, EventOrigin origin, Optional<String> condition, Expr principal,
                            Optional<Expr> sourceArn, Optional<Expr> sourceAccount, SourceLocation location)
            implements EventSource {
        public InvokePermission {
            require(id, origin, condition, location);
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(sourceArn, "sourceArn");
            Objects.requireNonNull(sourceAccount, "sourceAccount");
        }

        @Override
        public EventKind kind() {
            return EventKind.INVOKE_PERMISSION;
        }
    }

    private static void require(String id, EventOrigin origin, Optional<String> condition, SourceLocation location) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(location, "location");
    }
}
