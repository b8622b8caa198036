package io.lambda2azure.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.AsyncInvokeConfig;
import io.lambda2azure.core.model.Condition;
import io.lambda2azure.core.model.DeploymentPreference;
import io.lambda2azure.core.model.Destination;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.FunctionAlias;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.LoggingConfig;
import io.lambda2azure.core.model.Mapping;
import io.lambda2azure.core.model.Output;
import io.lambda2azure.core.model.Parameter;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.event.PollingSettings;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.model.identity.ManagedPolicyResource;
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.emitters.json.StableJson;
import io.lambda2azure.core.model.resource.KeyAttribute;
import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of {@code inspect --json}. Every object is built field by field, in a fixed order, so that
 * the output is stable whatever the model's records look like; the format is documented in
 * {@code docs/inspect-json.md}. Bump {@link #FORMAT_VERSION} on any incompatible change.
 */
final class InspectJson {

    /** The version of the format; raised on incompatible changes only (adding a field is compatible). */
    static final int FORMAT_VERSION = 1;

    /** Replaces values that must never be shown (secret parameter defaults, secret strings). */
    static final String REDACTED = "<redacted>";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InspectJson() {
    }

    /** The application as pretty-printed JSON (2-space indent, {@code \n} line ends, a final newline). */
    static String render(ServerlessApp app) {
        return StableJson.write(toJson(app));
    }

    static ObjectNode toJson(ServerlessApp app) {
        ObjectNode root = object();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("source", app.source());
        root.put("inputKind", id(app.inputKind()));
        root.put("description", app.description().orElse(null));
        ArrayNode parameters = root.putArray("parameters");
        app.parameters().forEach(p -> parameters.add(parameter(p)));
        ArrayNode conditions = root.putArray("conditions");
        app.conditions().forEach(c -> conditions.add(condition(c)));
        ArrayNode mappings = root.putArray("mappings");
        app.mappings().forEach(m -> mappings.add(mapping(m)));
        ArrayNode functions = root.putArray("functions");
        app.functions().forEach(f -> functions.add(function(f)));
        ArrayNode resources = root.putArray("resources");
        app.resources().forEach(r -> resources.add(resource(r)));
        ArrayNode roles = root.putArray("roles");
        app.roles().forEach(r -> roles.add(role(r)));
        ArrayNode policies = root.putArray("policies");
        app.policies().forEach(p -> policies.add(policy(p)));
        ArrayNode outputs = root.putArray("outputs");
        app.outputs().forEach(o -> outputs.add(output(o)));
        ArrayNode unsupported = root.putArray("unsupportedResources");
        app.unsupportedResources().forEach(u -> unsupported.add(unsupported(u)));
        ArrayNode unmapped = root.putArray("unmappedProperties");
        app.unmappedProperties().forEach(u -> unmapped.add(unmapped(u)));
        return root;
    }

    // ---- application-level elements ---------------------------------------------------------------

    private static ObjectNode parameter(Parameter p) {
        ObjectNode node = object();
        node.put("name", p.name());
        node.put("type", p.type());
        node.set("default", p.defaultValue().map(v -> p.secret() ? NODES.textNode(REDACTED) : value(v))
                .orElse(NODES.nullNode()));
        node.set("allowedValues", values(p.allowedValues()));
        node.put("description", p.description().orElse(null));
        node.put("secret", p.secret());
        ObjectNode constraints = node.putObject("constraints");
        Parameter.ParameterConstraints c = p.constraints();
        constraints.set("minLength", c.minLength().<JsonNode>map(NODES::numberNode).orElse(NODES.nullNode()));
        constraints.set("maxLength", c.maxLength().<JsonNode>map(NODES::numberNode).orElse(NODES.nullNode()));
        constraints.set("minValue", orNull(c.minValue(), InspectJson::number));
        constraints.set("maxValue", orNull(c.maxValue(), InspectJson::number));
        constraints.put("allowedPattern", c.allowedPattern().orElse(null));
        constraints.put("constraintDescription", c.constraintDescription().orElse(null));
        node.put("location", location(p.location()));
        return node;
    }

    private static ObjectNode condition(Condition c) {
        ObjectNode node = object();
        node.put("name", c.name());
        node.set("expression", value(c.expression()));
        node.put("location", location(c.location()));
        return node;
    }

    private static ObjectNode mapping(Mapping m) {
        ObjectNode node = object();
        node.put("name", m.name());
        ObjectNode entries = node.putObject("entries");
        m.entries().forEach((top, second) -> {
            ObjectNode level = entries.putObject(top);
            second.forEach((key, v) -> level.set(key, value(v)));
        });
        node.put("location", location(m.location()));
        return node;
    }

    private static ObjectNode output(Output o) {
        ObjectNode node = object();
        node.put("name", o.name());
        node.set("value", value(o.value()));
        node.put("description", o.description().orElse(null));
        node.set("exportName", value(o.exportName()));
        node.put("condition", o.condition().orElse(null));
        node.put("location", location(o.location()));
        return node;
    }

    private static ObjectNode unsupported(UnsupportedResource u) {
        ObjectNode node = object();
        node.put("logicalId", u.logicalId());
        node.put("type", u.type());
        node.put("reason", u.reason());
        ArrayNode nested = node.putArray("nestedFunctionIds");
        u.nestedFunctionIds().forEach(nested::add);
        node.put("location", location(u.location()));
        return node;
    }

    private static ObjectNode unmapped(UnmappedProperty u) {
        ObjectNode node = object();
        node.put("resourceId", u.resourceId());
        node.put("resourceType", u.resourceType());
        node.put("path", u.path());
        node.set("value", value(u.value()));
        node.put("location", location(u.location()));
        return node;
    }

    // ---- functions --------------------------------------------------------------------------------

    private static ObjectNode function(Function f) {
        ObjectNode node = object();
        node.put("logicalId", f.logicalId());
        node.put("resourceType", f.resourceType());
        node.put("location", location(f.location()));
        node.put("condition", f.condition().orElse(null));
        node.set("name", value(f.name()));
        node.set("description", value(f.description()));
        node.set("runtime", value(f.runtime()));
        node.set("handler", value(f.handler()));
        node.set("code", orNull(f.code(), InspectJson::code));
        node.set("memorySize", value(f.memorySize()));
        node.set("timeout", value(f.timeout()));
        node.set("ephemeralStorage", value(f.ephemeralStorage()));
        node.set("architectures", value(f.architectures()));
        node.set("environment", valueMap(f.environment()));
        node.set("layers", values(f.layers()));
        node.set("vpc", orNull(f.vpc(), InspectJson::vpc));
        node.set("reservedConcurrency", value(f.reservedConcurrency()));
        node.set("provisionedConcurrency", value(f.provisionedConcurrency()));
        node.set("autoPublishAlias", value(f.autoPublishAlias()));
        ArrayNode aliases = node.putArray("aliases");
        f.aliases().forEach(a -> aliases.add(alias(a)));
        node.set("deploymentPreference",
                orNull(f.deploymentPreference(), InspectJson::deploymentPreference));
        node.set("deadLetter", orNull(f.deadLetter(), InspectJson::destination));
        node.set("asyncInvokeConfig", orNull(f.asyncInvokeConfig(), InspectJson::asyncInvokeConfig));
        node.set("tracing", value(f.tracing()));
        node.set("role", value(f.role()));
        ArrayNode policies = node.putArray("policies");
        f.policies().forEach(p -> policies.add(functionPolicy(p)));
        node.set("permissionsBoundary", value(f.permissionsBoundary()));
        node.set("logging", orNull(f.logging(), InspectJson::logging));
        node.set("tags", valueMap(f.tags()));
        ArrayNode events = node.putArray("events");
        f.events().forEach(e -> events.add(event(e)));
        return node;
    }

    private static ObjectNode code(FunctionCode code) {
        ObjectNode node = object();
        if (code instanceof FunctionCode.ZipArchive zip) {
            node.put("type", "zip");
            node.set("location", value(zip.location()));
        } else if (code instanceof FunctionCode.InlineSource inline) {
            node.put("type", "inline");
            node.set("source", value(inline.source()));
        } else if (code instanceof FunctionCode.ContainerImage image) {
            node.put("type", "image");
            node.set("imageUri", value(image.imageUri()));
            node.set("imageConfig", value(image.imageConfig()));
        } else {
            throw new IllegalStateException("unknown code kind " + code.getClass().getName());
        }
        return node;
    }

    private static ObjectNode vpc(VpcConfig vpc) {
        ObjectNode node = object();
        node.set("subnetIds", value(vpc.subnetIds()));
        node.set("securityGroupIds", value(vpc.securityGroupIds()));
        node.set("ipv6AllowedForDualStack", value(vpc.ipv6AllowedForDualStack()));
        return node;
    }

    private static ObjectNode alias(FunctionAlias a) {
        ObjectNode node = object();
        node.put("id", a.id());
        node.set("name", value(a.name()));
        node.set("provisionedConcurrency", value(a.provisionedConcurrency()));
        node.set("routing", value(a.routing()));
        node.put("location", location(a.location()));
        return node;
    }

    private static ObjectNode deploymentPreference(DeploymentPreference d) {
        ObjectNode node = object();
        node.set("type", value(d.type()));
        node.set("enabled", value(d.enabled()));
        node.set("alarms", value(d.alarms()));
        node.set("hooks", value(d.hooks()));
        node.put("location", location(d.location()));
        return node;
    }

    private static ObjectNode destination(Destination d) {
        ObjectNode node = object();
        node.set("type", value(d.type()));
        node.set("target", value(d.target()));
        return node;
    }

    private static ObjectNode asyncInvokeConfig(AsyncInvokeConfig a) {
        ObjectNode node = object();
        node.set("maximumEventAgeInSeconds", value(a.maximumEventAgeInSeconds()));
        node.set("maximumRetryAttempts", value(a.maximumRetryAttempts()));
        node.set("onSuccess", orNull(a.onSuccess(), InspectJson::destination));
        node.set("onFailure", orNull(a.onFailure(), InspectJson::destination));
        node.put("location", location(a.location()));
        return node;
    }

    private static ObjectNode logging(LoggingConfig l) {
        ObjectNode node = object();
        node.set("logFormat", value(l.logFormat()));
        node.set("applicationLogLevel", value(l.applicationLogLevel()));
        node.set("systemLogLevel", value(l.systemLogLevel()));
        node.set("logGroup", value(l.logGroup()));
        return node;
    }

    private static ObjectNode functionPolicy(FunctionPolicy p) {
        ObjectNode node = object();
        if (p instanceof FunctionPolicy.ManagedPolicy managed) {
            node.put("type", "managed");
            node.set("arnOrName", value(managed.arnOrName()));
        } else if (p instanceof FunctionPolicy.PolicyTemplate template) {
            node.put("type", "template");
            node.put("name", template.name());
            node.set("parameters", value(template.parameters()));
        } else if (p instanceof FunctionPolicy.InlineStatements inline) {
            node.put("type", "inline");
            node.set("statements", statements(inline.statements()));
        } else if (p instanceof FunctionPolicy.Symbolic symbolic) {
            node.put("type", "symbolic");
            node.set("value", value(symbolic.value()));
        } else {
            throw new IllegalStateException("unknown policy kind " + p.getClass().getName());
        }
        node.put("location", location(p.location()));
        return node;
    }

    // ---- events -----------------------------------------------------------------------------------

    private static ObjectNode event(EventSource e) {
        ObjectNode node = object();
        node.put("id", e.id());
        node.put("kind", e.kind().id());
        node.put("origin", id(e.origin()));
        node.put("condition", e.condition().orElse(null));
        node.put("location", location(e.location()));
        if (e instanceof EventSource.Http h) {
            node.put("apiKind", id(h.apiKind()));
            node.put("apiId", h.apiId().orElse(null));
            node.put("path", h.path());
            node.put("method", h.method());
            node.set("auth", orNull(h.auth(), InspectJson::auth));
            node.set("cors", value(h.cors()));
        } else if (e instanceof EventSource.Queue q) {
            node.set("queue", value(q.queue()));
            node.set("settings", settings(q.settings()));
        } else if (e instanceof EventSource.Topic t) {
            node.set("topic", value(t.topic()));
            node.set("filterPolicy", value(t.filterPolicy()));
            node.set("filterPolicyScope", value(t.filterPolicyScope()));
            node.set("viaQueue", value(t.viaQueue()));
            node.set("region", value(t.region()));
        } else if (e instanceof EventSource.ObjectStorage o) {
            node.set("bucket", value(o.bucket()));
            node.set("events", value(o.events()));
            node.set("filter", value(o.filter()));
        } else if (e instanceof EventSource.TableStream t) {
            node.set("stream", value(t.stream()));
            node.set("settings", settings(t.settings()));
        } else if (e instanceof EventSource.Stream s) {
            node.set("stream", value(s.stream()));
            node.set("settings", settings(s.settings()));
        } else if (e instanceof EventSource.Kafka k) {
            node.put("managed", k.managed());
            node.set("cluster", value(k.cluster()));
            node.set("bootstrapServers", value(k.bootstrapServers()));
            node.set("topics", value(k.topics()));
            node.set("consumerGroupId", value(k.consumerGroupId()));
            node.set("settings", settings(k.settings()));
        } else if (e instanceof EventSource.Broker b) {
            node.set("broker", value(b.broker()));
            node.set("queues", value(b.queues()));
            node.set("settings", settings(b.settings()));
        } else if (e instanceof EventSource.DocumentDbStream d) {
            node.set("cluster", value(d.cluster()));
            node.set("database", value(d.database()));
            node.set("collection", value(d.collection()));
            node.set("fullDocument", value(d.fullDocument()));
            node.set("settings", settings(d.settings()));
        } else if (e instanceof EventSource.Schedule s) {
            node.set("expression", value(s.expression()));
            node.put("scheduler", s.scheduler());
            node.set("enabled", value(s.enabled()));
            node.set("input", value(s.input()));
            node.set("timezone", value(s.timezone()));
            node.set("flexibleTimeWindow", value(s.flexibleTimeWindow()));
        } else if (e instanceof EventSource.EventBusRule r) {
            node.set("eventBus", value(r.eventBus()));
            node.set("pattern", value(r.pattern()));
            node.set("input", value(r.input()));
            node.set("enabled", value(r.enabled()));
        } else if (e instanceof EventSource.LogSubscription l) {
            node.set("logGroup", value(l.logGroup()));
            node.set("filterPattern", value(l.filterPattern()));
        } else if (e instanceof EventSource.IotRule i) {
            node.set("sql", value(i.sql()));
            node.set("sqlVersion", value(i.sqlVersion()));
        } else if (e instanceof EventSource.Cognito c) {
            node.set("userPool", value(c.userPool()));
            node.set("triggers", values(c.triggers()));
        } else if (e instanceof EventSource.Alexa a) {
            node.set("skillId", value(a.skillId()));
        } else if (e instanceof EventSource.InvokePermission p) {
            node.set("principal", value(p.principal()));
            node.set("sourceArn", value(p.sourceArn()));
            node.set("sourceAccount", value(p.sourceAccount()));
        } else {
            throw new IllegalStateException("unknown event kind " + e.getClass().getName());
        }
        return node;
    }

    private static ObjectNode auth(HttpAuth a) {
        ObjectNode node = object();
        node.set("type", value(a.type()));
        node.put("authorizer", a.authorizer().orElse(null));
        node.set("scopes", value(a.scopes()));
        node.set("apiKeyRequired", value(a.apiKeyRequired()));
        return node;
    }

    /** Polling settings by their CloudFormation property name, in a fixed order (the enum's). */
    private static ObjectNode settings(PollingSettings settings) {
        ObjectNode node = object();
        settings.values().forEach((setting, v) -> node.set(setting.propertyName(), value(v)));
        return node;
    }

    // ---- resources and identity -------------------------------------------------------------------

    private static ObjectNode resource(DependencyResource r) {
        ObjectNode node = object();
        node.put("logicalId", r.logicalId());
        node.put("resourceType", r.resourceType());
        node.put("kind", resourceKind(r));
        node.put("condition", r.condition().orElse(null));
        node.put("location", location(r.location()));
        if (r instanceof DependencyResource.Queue q) {
            node.set("name", value(q.name()));
            node.set("fifo", value(q.fifo()));
            node.set("contentBasedDeduplication", value(q.contentBasedDeduplication()));
            node.set("visibilityTimeout", value(q.visibilityTimeout()));
            node.set("messageRetentionPeriod", value(q.messageRetentionPeriod()));
            node.set("delaySeconds", value(q.delaySeconds()));
            node.set("redrivePolicy", value(q.redrivePolicy()));
            node.set("kmsKey", value(q.kmsKey()));
        } else if (r instanceof DependencyResource.Topic t) {
            node.set("name", value(t.name()));
            node.set("fifo", value(t.fifo()));
            node.set("kmsKey", value(t.kmsKey()));
        } else if (r instanceof DependencyResource.Bucket b) {
            node.set("name", value(b.name()));
            node.set("versioning", value(b.versioning()));
        } else if (r instanceof DependencyResource.Table t) {
            node.set("name", value(t.name()));
            ArrayNode key = node.putArray("key");
            t.key().forEach(k -> key.add(keyAttribute(k)));
            node.set("billingMode", value(t.billingMode()));
            node.set("streamViewType", value(t.streamViewType()));
            node.set("timeToLive", value(t.timeToLive()));
        } else if (r instanceof DependencyResource.Stream s) {
            node.set("name", value(s.name()));
            node.set("shardCount", value(s.shardCount()));
            node.set("retentionPeriodHours", value(s.retentionPeriodHours()));
            node.set("streamMode", value(s.streamMode()));
            node.set("encryption", value(s.encryption()));
        } else if (r instanceof DependencyResource.EventBus b) {
            node.set("name", value(b.name()));
        } else if (r instanceof DependencyResource.Secret s) {
            node.set("name", value(s.name()));
            node.set("description", value(s.description()));
            node.set("secretString", s.secretString().isPresent()
                    ? NODES.textNode(REDACTED) : NODES.nullNode());
            node.set("generate", value(s.generate()));
            node.set("kmsKey", value(s.kmsKey()));
        } else if (r instanceof DependencyResource.ConfigParameter p) {
            node.set("name", value(p.name()));
            node.set("type", value(p.type()));
            boolean secure = p.type().flatMap(Expr::asString).filter("SecureString"::equals).isPresent();
            node.set("value", secure && p.value().isPresent() ? NODES.textNode(REDACTED) : value(p.value()));
            node.set("description", value(p.description()));
        } else if (r instanceof DependencyResource.EncryptionKey k) {
            node.set("description", value(k.description()));
            node.set("enableKeyRotation", value(k.enableKeyRotation()));
            node.set("keyPolicy", value(k.keyPolicy()));
        } else if (r instanceof DependencyResource.LogGroup l) {
            node.set("name", value(l.name()));
            node.set("retentionInDays", value(l.retentionInDays()));
            node.set("kmsKey", value(l.kmsKey()));
        } else if (r instanceof DependencyResource.Api a) {
            node.put("apiKind", id(a.kind()));
            node.set("name", value(a.name()));
            node.set("stageName", value(a.stageName()));
            node.set("cors", value(a.cors()));
            node.set("auth", value(a.auth()));
            node.set("definition", value(a.definition()));
            node.set("domain", value(a.domain()));
        } else if (r instanceof DependencyResource.Layer l) {
            node.set("name", value(l.name()));
            node.set("content", value(l.content()));
            node.set("compatibleRuntimes", value(l.compatibleRuntimes()));
            node.set("compatibleArchitectures", value(l.compatibleArchitectures()));
        } else {
            throw new IllegalStateException("unknown resource kind " + r.getClass().getName());
        }
        return node;
    }

    /** The stable kind name of a dependency resource, as in the JSON's {@code kind} field. */
    static String resourceKind(DependencyResource r) {
        if (r instanceof DependencyResource.Queue) {
            return "queue";
        } else if (r instanceof DependencyResource.Topic) {
            return "topic";
        } else if (r instanceof DependencyResource.Bucket) {
            return "bucket";
        } else if (r instanceof DependencyResource.Table) {
            return "table";
        } else if (r instanceof DependencyResource.Stream) {
            return "stream";
        } else if (r instanceof DependencyResource.EventBus) {
            return "event-bus";
        } else if (r instanceof DependencyResource.Secret) {
            return "secret";
        } else if (r instanceof DependencyResource.ConfigParameter) {
            return "config-parameter";
        } else if (r instanceof DependencyResource.EncryptionKey) {
            return "encryption-key";
        } else if (r instanceof DependencyResource.LogGroup) {
            return "log-group";
        } else if (r instanceof DependencyResource.Api) {
            return "api";
        } else if (r instanceof DependencyResource.Layer) {
            return "layer";
        }
        throw new IllegalStateException("unknown resource kind " + r.getClass().getName());
    }

    private static ObjectNode keyAttribute(KeyAttribute k) {
        ObjectNode node = object();
        node.set("name", value(k.name()));
        node.put("keyType", k.keyType());
        node.set("type", value(k.type()));
        return node;
    }

    private static ObjectNode role(Role r) {
        ObjectNode node = object();
        node.put("logicalId", r.logicalId());
        node.put("condition", r.condition().orElse(null));
        node.put("location", location(r.location()));
        node.set("trustedPrincipals", values(r.trustedPrincipals()));
        node.set("managedPolicies", values(r.managedPolicies()));
        node.set("statements", statements(r.statements()));
        node.set("permissionsBoundary", value(r.permissionsBoundary()));
        return node;
    }

    private static ObjectNode policy(ManagedPolicyResource p) {
        ObjectNode node = object();
        node.put("logicalId", p.logicalId());
        node.put("resourceType", p.type());
        node.put("condition", p.condition().orElse(null));
        node.put("location", location(p.location()));
        node.set("roles", values(p.roles()));
        node.set("statements", statements(p.statements()));
        return node;
    }

    private static ArrayNode statements(List<PolicyStatement> statements) {
        ArrayNode array = NODES.arrayNode();
        for (PolicyStatement s : statements) {
            ObjectNode node = array.addObject();
            node.put("sid", s.sid().orElse(null));
            node.put("effect", s.allow() ? "Allow" : "Deny");
            node.set("actions", values(s.actions()));
            node.put("notAction", s.notAction());
            node.set("resources", values(s.resources()));
            node.put("notResource", s.notResource());
            node.set("condition", value(s.condition()));
            node.put("location", location(s.location()));
        }
        return array;
    }

    // ---- values -----------------------------------------------------------------------------------

    /**
     * A value as JSON: literals as JSON scalars, lists and maps as arrays and objects, and every other
     * expression (references, {@code !Sub}, {@code !If}, ...) as a string in its compact notation.
     */
    static JsonNode value(Expr expr) {
        if (expr instanceof Expr.StringLiteral s) {
            return NODES.textNode(s.value());
        } else if (expr instanceof Expr.NumberLiteral n) {
            return number(n.value());
        } else if (expr instanceof Expr.BooleanLiteral b) {
            return NODES.booleanNode(b.value());
        } else if (expr instanceof Expr.NullLiteral) {
            return NODES.nullNode();
        } else if (expr instanceof Expr.ListExpr l) {
            return values(l.items());
        } else if (expr instanceof Expr.MapExpr m) {
            return valueMap(m.entries());
        }
        return NODES.textNode(expr.toString());
    }

    private static JsonNode value(Optional<Expr> expr) {
        return orNull(expr, InspectJson::value);
    }

    private static ArrayNode values(List<Expr> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(value(item)));
        return array;
    }

    private static ObjectNode valueMap(Map<String, Expr> entries) {
        ObjectNode node = object();
        entries.forEach((key, v) -> node.set(key, value(v)));
        return node;
    }

    /** Integers as JSON integers, other numbers exactly as written (never in exponent notation). */
    private static JsonNode number(BigDecimal value) {
        if (value.scale() <= 0) {
            try {
                return NODES.numberNode(value.toBigIntegerExact().longValueExact());
            } catch (ArithmeticException tooLarge) {
                return NODES.numberNode(value.toBigIntegerExact());
            }
        }
        return DecimalNode.valueOf(value);
    }

    private static <T> JsonNode orNull(Optional<T> value, java.util.function.Function<T, ? extends JsonNode> render) {
        return value.<JsonNode>map(render).orElse(NODES.nullNode());
    }

    private static String location(SourceLocation location) {
        return location.toString();
    }

    /** An enum constant as a stable lower-case id: {@code EVENT_SOURCE_MAPPING} becomes {@code event-source-mapping}. */
    static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static ObjectNode object() {
        return NODES.objectNode();
    }
}
