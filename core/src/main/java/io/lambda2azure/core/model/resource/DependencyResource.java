package io.lambda2azure.core.model.resource;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.source.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource that functions are triggered by or talk to: queues, topics, buckets, tables, streams, event
 * buses, secrets, parameters, keys, log groups, APIs and layers. The planner generates an Azure
 * counterpart for each one a function needs. Settings not listed here are recorded as unmapped properties.
 */
public sealed interface DependencyResource {

    /** The logical id in the input. */
    String logicalId();

    /** The resource type as written. */
    String resourceType();

    /** The condition it depends on, if any. */
    Optional<String> condition();

    /** Where it is declared. */
    SourceLocation location();

    /** A message queue (SQS). */
    record Queue(String logicalId, String resourceType, Optional<String> condition, Optional<Expr> name,
                 Optional<Expr> fifo, Optional<Expr> contentBasedDeduplication, Optional<Expr> visibilityTimeout,
                 Optional<Expr> messageRetentionPeriod, Optional<Expr> delaySeconds, Optional<Expr> redrivePolicy,
                 Optional<Expr> kmsKey, SourceLocation location) implements DependencyResource {
        public Queue {
            require(logicalId, resourceType, condition, location);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fifo, "fifo");
            Objects.requireNonNull(contentBasedDeduplication, "contentBasedDeduplication");
            Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
            Objects.requireNonNull(messageRetentionPeriod, "messageRetentionPeriod");
            Objects.requireNonNull(delaySeconds, "delaySeconds");
            Objects.requireNonNull(redrivePolicy, "redrivePolicy");
            Objects.requireNonNull(kmsKey, "kmsKey");
        }
    }

    /** A publish-subscribe topic (SNS). */
    record Topic(String logicalId, String resourceType, Optional<String> condition, Optional<Expr> name,
                 Optional<Expr> fifo, Optional<Expr> kmsKey, SourceLocation location) implements DependencyResource {
        public Topic {
            require(logicalId, resourceType, condition, location);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fifo, "fifo");
            Objects.requireNonNull(kmsKey, "kmsKey");
        }
    }

    /** An object storage bucket (S3). Its notifications become event sources of the functions they invoke. */
    record Bucket(String logicalId, String resourceType, Optional<String> condition, Optional<Expr> name,
                  Optional<Expr> versioning, SourceLocation location) implements DependencyResource {
        public Bucket {
            require(logicalId, resourceType, condition, location);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(versioning, "versioning");
        }
    }

    /**
     * A key-value table (DynamoDB, SAM {@code SimpleTable}).
     *
     * @param key            the primary key attributes, partition key first
     * @param billingMode    {@code PAY_PER_REQUEST} or {@code PROVISIONED}, if stated
     * @param streamViewType the change stream's view type, empty when the table has no stream
     * @param timeToLive     the time-to-live specification, if any
     */
    record Table(String logicalId, String resourceType, Optional<String> condition, Optional<Expr> name,
                 List<KeyAttribute> key, Optional<Expr> billingMode, Optional<Expr> streamViewType,
                 Optional<Expr> timeToLive, SourceLocation location) implements DependencyResource {
        public Table {
            require(logicalId, resourceType, condition, location);
            Objects.requireNonNull(name, "name");
            key = List.copyOf(key);
            Objects.requireNonNull(billingMode, "billingMode");
            Objects.requireNonNull(streamViewType, "streamViewType");
            Objects.requireNonNull(timeToLive, "timeToLive");
        }
    }

    /** A data stream (Kinesis). */
    record Stream(String logicalId, String resourceType, Optional<String> condition, Optional<Expr> name,
                  Optional<Expr> shardCount, Optional<Expr> retentionPeriodHours, Optional<Expr> streamMode,
                  Optional<Expr> encryption, SourceLocation location) implements DependencyResource {
        public Stream {
            require(logicalId, resourceType, condition, location);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(shardCount, "shardCount");
            Objects.requireNonNull(retentionPeriodHours, "retentionPeriodHours");
            Objects.requireNonNull(streamMode, "streamMode");
            Objects.requireNonNull(encryption, "encryption");
        }
    }

    /** A custom event bus (EventBridge). */
    record EventBus(String logicalId, String resourceType, Optional<String> condition, Optional<Expr> name,
                    SourceLocation location) implements DependencyResource {
        public EventBus {
            require(logicalId, resourceType, condition, location);
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A secret (Secrets Manager).
     *
     * @param secretString  the literal secret value written in the template, if any (never rendered in
     *                      plain text)
     * @param generate      the generation settings, when the secret is generated
     */
    record Secret(String logicalId, String resourceType, Optional<String> condition, Optional<Expr> name,
                  Optional<Expr> description, Optional<Expr> secretString, Optional<Expr> generate,
                  Optional<Expr> kmsKey, SourceLocation location) implements DependencyResource {
        public Secret {
            require(logicalId, resourceType, condition, location);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(secretString, "secretString");
            Objects.requireNonNull(generate, "generate");
            Objects.requireNonNull(kmsKey, "kmsKey");
        }
    }

    /**
     * A configuration parameter (SSM Parameter Store).
     *
     * @param type {@code String}, {@code StringList} or {@code SecureString}
     */
    record ConfigParameter(String logicalId, String resourceType, Optional<String> condition, Optional<Expr> name,
                           Optional<Expr> type, Optional<Expr> value, Optional<Expr> description,
                           SourceLocation location) implements DependencyResource {
        public ConfigParameter {
            require(logicalId, resourceType, condition, location);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(description, "description");
        }
    }

    /** An encryption key (KMS). */
    record EncryptionKey(String logicalId, String resourceType, Optional<String> condition,
                         Optional<Expr> description, Optional<Expr> enableKeyRotation, Optional<Expr> keyPolicy,
                         SourceLocation location) implements DependencyResource {
        public EncryptionKey {
            require(logicalId, resourceType, condition, location);
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(enableKeyRotation, "enableKeyRotation");
            Objects.requireNonNull(keyPolicy, "keyPolicy");
        }
    }

    /** A log group (CloudWatch Logs). */
    record LogGroup(String logicalId, String resourceType, Optional<String> condition, Optional<Expr> name,
                    Optional<Expr> retentionInDays, Optional<Expr> kmsKey, SourceLocation location)
            implements DependencyResource {
        public LogGroup {
            require(logicalId, resourceType, condition, location);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(retentionInDays, "retentionInDays");
            Objects.requireNonNull(kmsKey, "kmsKey");
        }
    }

    /**
     * An API (API Gateway REST or HTTP API). Its routes become HTTP event sources of the functions they
     * integrate; the API keeps the settings that apply to all routes.
     *
     * @param kind       REST or HTTP API
     * @param stageName  the stage, if stated
     * @param cors       CORS settings, if any
     * @param auth       authorizers, default authorization, API keys and usage plan, if any, in the shape of SAM's
     *                   {@code Auth} ({@code Authorizers} by name, {@code DefaultAuthorizer}, {@code ApiKeyRequired},
     *                   {@code UsagePlan}); readers of formats that declare them as resources build that shape
     * @param definition the OpenAPI definition, inline or by location, if any
     * @param domain     a custom domain, if any
     */
    record Api(String logicalId, String resourceType, Optional<String> condition, HttpApiKind kind,
               Optional<Expr> name, Optional<Expr> stageName, Optional<Expr> cors, Optional<Expr> auth,
               Optional<Expr> definition, Optional<Expr> domain, SourceLocation location)
            implements DependencyResource {
        public Api {
            require(logicalId, resourceType, condition, location);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(stageName, "stageName");
            Objects.requireNonNull(cors, "cors");
            Objects.requireNonNull(auth, "auth");
            Objects.requireNonNull(definition, "definition");
            Objects.requireNonNull(domain, "domain");
        }
    }

    /** A layer of shared code or data (Lambda layer). */
    record Layer(String logicalId, String resourceType, Optional<String> condition, Optional<Expr> name,
                 Optional<Expr> content, Optional<Expr> compatibleRuntimes, Optional<Expr> compatibleArchitectures,
                 SourceLocation location) implements DependencyResource {
        public Layer {
            require(logicalId, resourceType, condition, location);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(compatibleRuntimes, "compatibleRuntimes");
            Objects.requireNonNull(compatibleArchitectures, "compatibleArchitectures");
        }
    }

    private static void require(String logicalId, String resourceType, Optional<String> condition,
                                SourceLocation location) {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(location, "location");
    }
}
