package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.AsyncInvokeConfig;
import io.lambda2azure.core.model.DeploymentPreference;
import io.lambda2azure.core.model.Destination;
import io.lambda2azure.core.model.FunctionAlias;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.LoggingConfig;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.model.identity.ManagedPolicyResource;
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.model.resource.KeyAttribute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads each resource by its type: functions (SAM and plain CloudFormation), the resources functions
 * depend on, and IAM. Every mapping is an explicit entry of {@link #read}; a type not listed there is
 * kept as an unsupported resource, never guessed.
 */
final class ResourceReaders {

    private final ReadContext context;
    private final SamGlobals globals;
    private final SamEvents samEvents;
    /** Statements of AWS::IAM::Policy/ManagedPolicy resources by the role id they name. */
    private final Map<String, List<PolicyStatement>> attached = new LinkedHashMap<>();
    private final Map<String, RoleDraft> roles = new LinkedHashMap<>();

    private record RoleDraft(RawResource raw, List<Expr> trusted, List<Expr> managed, List<PolicyStatement> inline,
                             Optional<Expr> boundary) {
    }

    ResourceReaders(ReadContext context, SamGlobals globals) {
        this.context = context;
        this.globals = globals;
        this.samEvents = new SamEvents(context);
    }

    void read(RawResource raw) {
        embeddedConnectors(raw);
        if (raw.attributes().get("Properties") instanceof Node.Mapping m && "Fn::If".equals(m.singleKey())) {
            context.unsupported(raw, "its whole Properties are chosen by Fn::If; write the properties out and put"
                    + " the condition on the values that differ");
            return;
        }
        if (EventLinker.OWNED_TYPES.contains(raw.type())) {
            return;
        }
        switch (raw.type()) {
            case "AWS::Serverless::Function" -> samFunction(raw);
            case "AWS::Lambda::Function" -> cloudFormationFunction(raw);
            case "AWS::SQS::Queue" -> queue(raw);
            case "AWS::SNS::Topic" -> topic(raw);
            case "AWS::S3::Bucket" -> bucket(raw);
            case "AWS::DynamoDB::Table" -> table(raw);
            case "AWS::Serverless::SimpleTable" -> simpleTable(raw);
            case "AWS::Kinesis::Stream" -> stream(raw);
            case "AWS::Events::EventBus" -> eventBus(raw);
            case "AWS::SecretsManager::Secret" -> secret(raw);
            case "AWS::SSM::Parameter" -> ssmParameter(raw);
            case "AWS::KMS::Key" -> kmsKey(raw);
            case "AWS::Logs::LogGroup" -> logGroup(raw);
            case "AWS::Serverless::Api", "AWS::ApiGateway::RestApi" -> api(raw, HttpApiKind.REST_API);
            case "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api" -> api(raw, HttpApiKind.HTTP_API);
            case "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion" -> layer(raw);
            case "AWS::IAM::Role" -> role(raw);
            case "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" -> policy(raw);
            case "AWS::Serverless::StateMachine" -> context.unsupported(raw, "Step Functions state machines have no"
                    + " generated Azure counterpart; consider Durable Functions orchestrations or Logic Apps");
            case "AWS::Serverless::Application" -> context.unsupported(raw, "nested SAM applications are not read;"
                    + " convert the nested application's own template");
            case "AWS::Serverless::Connector" -> context.unsupported(raw, CONNECTOR_REASON);
            case "AWS::Serverless::GraphQLApi" -> context.unsupported(raw, "AppSync GraphQL APIs have no generated"
                    + " Azure counterpart");
            default -> context.unsupported(raw, "no mapping for " + raw.type() + " in this version of lambda2azure");
        }
    }

    /**
     * SAM connectors written on the resource itself ({@code Connectors:} attribute) are kept as
     * unsupported, like stand-alone {@code AWS::Serverless::Connector}s; SAM names each
     * {@code <ResourceId><ConnectorName>}.
     */
    private void embeddedConnectors(RawResource raw) {
        if (raw.attributes().get("Connectors") instanceof Node.Mapping connectors) {
            connectors.entries().keySet().forEach(name -> context.unsupported.add(
                    new io.lambda2azure.core.model.UnsupportedResource(raw.logicalId() + name,
                            "AWS::Serverless::Connector", CONNECTOR_REASON, List.of(), connectors.keyLocation(name))));
        }
    }

    private static final String CONNECTOR_REASON = "SAM connectors are not read; the permissions they grant must"
            + " be given as role assignments by hand";

    /** Completes what needs every resource read first: implicit APIs, and roles with their attached policies. */
    void finish() {
        implicitApi(HttpApiKind.REST_API, "ServerlessRestApi", "AWS::Serverless::Api");
        implicitApi(HttpApiKind.HTTP_API, "ServerlessHttpApi", "AWS::Serverless::HttpApi");
        inheritApiAuth();
        roles.forEach((id, draft) -> {
            List<PolicyStatement> statements = new ArrayList<>(draft.inline());
            statements.addAll(attached.getOrDefault(id, List.of()));
            context.roles.add(new Role(id, draft.raw().condition(), draft.trusted(), draft.managed(), statements,
                    draft.boundary(), draft.raw().location()));
        });
    }

    /**
     * SAM creates an API of its own ({@code ServerlessRestApi}, {@code ServerlessHttpApi}) for the Api and
     * HttpApi events that name none, configured by {@code Globals}. It is made a resource of the model
     * here, so that those settings (CORS, auth, domain) are not lost and its events point at it, as they
     * do in the CloudFormation the SAM translator writes.
     */
    private void implicitApi(HttpApiKind kind, String id, String type) {
        boolean used = false;
        for (FunctionBuilder function : context.functions.values()) {
            for (int i = 0; i < function.events.size(); i++) {
                if (function.events.get(i) instanceof EventSource.Http http && http.apiKind() == kind
                        && http.apiId().isEmpty() && http.origin() == EventOrigin.SAM_EVENT) {
                    function.events.set(i, new EventSource.Http(http.id(), http.origin(), http.condition(),
                            http.apiKind(), Optional.of(id), http.path(), http.method(), http.auth(), http.cors(),
                            http.location()));
                    used = true;
                }
            }
        }
        if (!used || context.resources.containsKey(id)) {
            return;
        }
        String section = kind == HttpApiKind.REST_API ? "Api" : "HttpApi";
        io.lambda2azure.core.source.SourceLocation at = globals.location(section).orElseGet(() ->
                context.functions.values().stream().flatMap(f -> f.events.stream())
                        .filter(e -> e instanceof EventSource.Http h && id.equals(h.apiId().orElse("")))
                        .map(EventSource::location).findFirst().orElseThrow());
        Node.Mapping none = new Node.Mapping(new LinkedHashMap<>(), Map.of(), at);
        RawResource implicit = new RawResource(id, type, Optional.empty(), none, none, at);
        context.resources.put(id, implicit);
        api(implicit, kind);
    }

    /**
     * A SAM route without its own authorizer is protected by its API's {@code Auth.DefaultAuthorizer}, and
     * needs an API key when the API's {@code Auth.ApiKeyRequired} says so: the event gets that effective
     * protection, as the API Gateway definition SAM generates does.
     */
    private void inheritApiAuth() {
        for (FunctionBuilder function : context.functions.values()) {
            for (int i = 0; i < function.events.size(); i++) {
                if (!(function.events.get(i) instanceof EventSource.Http http) || http.origin() != EventOrigin.SAM_EVENT
                        || http.apiId().isEmpty()) {
                    continue;
                }
                RawResource api = context.resources.get(http.apiId().get());
                if (api == null || !api.type().startsWith("AWS::Serverless::")) {
                    continue;
                }
                String section = http.apiKind() == HttpApiKind.REST_API ? "Api" : "HttpApi";
                Node auth = globals.apply(section, api.properties(), rawAttribute(api, "IgnoreGlobals")).get("Auth");
                if (!(auth instanceof Node.Mapping apiAuth) || Intrinsics.isIntrinsic(auth)) {
                    continue;
                }
                Optional<String> defaultAuthorizer = apiAuth.get("DefaultAuthorizer") instanceof Node.Scalar s
                        && !s.isNull() ? Optional.of(s.text()) : Optional.empty();
                Optional<Expr> defaultApiKey = Optional.ofNullable(apiAuth.get("ApiKeyRequired"))
                        .map(context.intrinsics::expr);
                HttpAuth own = http.auth().orElse(new HttpAuth(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty()));
                HttpAuth effective = new HttpAuth(own.type(), own.authorizer().or(() -> defaultAuthorizer),
                        own.scopes(), own.apiKeyRequired().or(() -> defaultApiKey));
                if (!effective.equals(own)) {
                    function.events.set(i, new EventSource.Http(http.id(), http.origin(), http.condition(),
                            http.apiKind(), http.apiId(), http.path(), http.method(), Optional.of(effective),
                            http.cors(), http.location()));
                }
            }
        }
    }

    // ---------------------------------------------------------------- functions

    private void samFunction(RawResource raw) {
        Node ignore = rawAttribute(raw, "IgnoreGlobals");
        Node.Mapping effective = globals.apply("Function", raw.properties(), ignore);
        Props p = context.props(raw, effective);
        FunctionBuilder f = new FunctionBuilder(raw.logicalId(), raw.type(), raw.condition(), raw.location());
        effective.keyLocations().forEach(f.propertyLocations::put);
        f.name = p.expr("FunctionName");
        f.description = p.expr("Description");
        f.runtime = p.expr("Runtime");
        f.handler = p.expr("Handler");
        p.expr("PackageType");
        if (p.has("InlineCode")) {
            f.code = p.expr("InlineCode").map(FunctionCode.InlineSource::new);
        } else if (p.has("ImageUri") || isImage(p)) {
            f.code = Optional.of(new FunctionCode.ContainerImage(p.expr("ImageUri"), p.expr("ImageConfig")));
        } else if (p.has("CodeUri")) {
            f.code = p.expr("CodeUri").map(FunctionCode.ZipArchive::new);
        }
        commonCompute(p, f);
        p.object("EphemeralStorage").ifPresent(e -> f.ephemeralStorage = e.expr("Size"));
        f.architectures = p.expr("Architectures");
        p.object("Environment").flatMap(e -> e.object("Variables"))
                .ifPresent(vars -> vars.node().entries().keySet().forEach(k -> vars.expr(k)
                        .ifPresent(v -> f.environment.put(k, v))));
        p.list("Layers").ifPresent(items -> items.forEach(i -> f.layers.add(context.intrinsics.expr(i))));
        f.vpc = p.object("VpcConfig").map(ResourceReaders::vpc);
        f.reservedConcurrency = p.expr("ReservedConcurrentExecutions");
        f.provisionedConcurrency = p.object("ProvisionedConcurrencyConfig")
                .flatMap(c -> c.expr("ProvisionedConcurrentExecutions"));
        f.autoPublishAlias = p.expr("AutoPublishAlias");
        // SAM names the alias it publishes {FunctionId}Alias{AliasName}, as in MinimalFunctionAliaslive
        f.autoPublishAlias.ifPresent(alias -> f.aliases.add(new FunctionAlias(raw.logicalId() + "Alias"
                + alias.asString().orElse(""), alias,
                f.provisionedConcurrency, Optional.empty(), p.location("AutoPublishAlias"))));
        p.object("DeploymentPreference").ifPresent(d -> f.deploymentPreference = Optional.of(
                new DeploymentPreference(d.expr("Type"), d.expr("Enabled"), d.expr("Alarms"), d.expr("Hooks"),
                        p.location("DeploymentPreference"))));
        p.object("DeadLetterQueue").ifPresent(d -> d.expr("TargetArn").ifPresent(target ->
                f.deadLetter = Optional.of(new Destination(d.expr("Type"), target))));
        p.object("EventInvokeConfig").ifPresent(c -> f.asyncInvokeConfig = Optional.of(asyncConfig(c,
                p.location("EventInvokeConfig"))));
        f.tracing = p.expr("Tracing");
        f.role = p.expr("Role");
        Node policies = p.node("Policies");
        if (policies != null) {
            List<Node> items = policies instanceof Node.Sequence seq ? seq.items() : List.of(policies);
            items.forEach(item -> f.policies.add(samPolicy(item)));
        }
        f.permissionsBoundary = p.expr("PermissionsBoundary");
        f.logging = p.object("LoggingConfig").map(ResourceReaders::logging);
        p.object("Tags").ifPresent(tags -> tags.node().entries().keySet()
                .forEach(k -> tags.expr(k).ifPresent(v -> f.tags.put(k, v))));
        p.object("FunctionUrlConfig").ifPresent(url -> f.events.add(new EventSource.Http(raw.logicalId() + "Url",
                EventOrigin.FUNCTION_URL, raw.condition(), HttpApiKind.FUNCTION_URL, Optional.empty(), "/", "ANY",
                Optional.of(new HttpAuth(url.expr("AuthType"), Optional.empty(), Optional.empty(), Optional.empty())),
                url.expr("Cors"), p.location("FunctionUrlConfig"))));
        Node events = p.node("Events");
        if (events != null) {
            samEvents.read(f, events, p);
        }
        context.functions.put(raw.logicalId(), f);
    }

    private static boolean isImage(Props p) {
        return p.node().get("PackageType") instanceof Node.Scalar s && "Image".equals(s.text());
    }

    private void cloudFormationFunction(RawResource raw) {
        Props p = context.props(raw);
        FunctionBuilder f = new FunctionBuilder(raw.logicalId(), raw.type(), raw.condition(), raw.location());
        raw.properties().keyLocations().forEach(f.propertyLocations::put);
        f.name = p.expr("FunctionName");
        f.description = p.expr("Description");
        f.runtime = p.expr("Runtime");
        f.handler = p.expr("Handler");
        p.expr("PackageType");
        p.object("Code").ifPresent(code -> {
            if (code.has("ZipFile")) {
                f.code = code.expr("ZipFile").map(FunctionCode.InlineSource::new);
            } else if (code.has("ImageUri")) {
                f.code = Optional.of(new FunctionCode.ContainerImage(code.expr("ImageUri"), p.expr("ImageConfig")));
            } else {
                Map<String, Expr> location = new LinkedHashMap<>();
                for (String key : List.of("S3Bucket", "S3Key", "S3ObjectVersion")) {
                    code.expr(key).ifPresent(v -> location.put(key, v));
                }
                if (!location.isEmpty()) {
                    f.code = Optional.of(new FunctionCode.ZipArchive(new Expr.MapExpr(location)));
                }
            }
        });
        if (f.code.isEmpty() && isImage(p)) {
            f.code = Optional.of(new FunctionCode.ContainerImage(Optional.empty(), p.expr("ImageConfig")));
        }
        commonCompute(p, f);
        p.object("EphemeralStorage").ifPresent(e -> f.ephemeralStorage = e.expr("Size"));
        f.architectures = p.expr("Architectures");
        p.object("Environment").flatMap(e -> e.object("Variables"))
                .ifPresent(vars -> vars.node().entries().keySet().forEach(k -> vars.expr(k)
                        .ifPresent(v -> f.environment.put(k, v))));
        p.list("Layers").ifPresent(items -> items.forEach(i -> f.layers.add(context.intrinsics.expr(i))));
        f.vpc = p.object("VpcConfig").map(ResourceReaders::vpc);
        f.reservedConcurrency = p.expr("ReservedConcurrentExecutions");
        p.object("DeadLetterConfig").ifPresent(d -> d.expr("TargetArn").ifPresent(target ->
                f.deadLetter = Optional.of(new Destination(Optional.empty(), target))));
        p.object("TracingConfig").ifPresent(t -> f.tracing = t.expr("Mode"));
        f.role = p.expr("Role");
        f.logging = p.object("LoggingConfig").map(ResourceReaders::logging);
        p.list("Tags").ifPresent(items -> items.forEach(item -> {
            if (item instanceof Node.Mapping tag && tag.get("Key") instanceof Node.Scalar key
                    && tag.get("Value") != null) {
                f.tags.put(key.text(), context.intrinsics.expr(tag.get("Value")));
            }
        }));
        context.functions.put(raw.logicalId(), f);
    }

    private static void commonCompute(Props p, FunctionBuilder f) {
        f.memorySize = p.expr("MemorySize");
        f.timeout = p.expr("Timeout");
    }

    private static VpcConfig vpc(Props v) {
        return new VpcConfig(v.expr("SubnetIds"), v.expr("SecurityGroupIds"), v.expr("Ipv6AllowedForDualStack"));
    }

    private static LoggingConfig logging(Props l) {
        return new LoggingConfig(l.expr("LogFormat"), l.expr("ApplicationLogLevel"), l.expr("SystemLogLevel"),
                l.expr("LogGroup"));
    }

    static AsyncInvokeConfig asyncConfig(Props c, io.lambda2azure.core.source.SourceLocation at) {
        Optional<Destination> onSuccess = Optional.empty();
        Optional<Destination> onFailure = Optional.empty();
        Optional<Props> destinations = c.object("DestinationConfig");
        if (destinations.isPresent()) {
            onSuccess = destinations.get().object("OnSuccess").flatMap(ResourceReaders::destination);
            onFailure = destinations.get().object("OnFailure").flatMap(ResourceReaders::destination);
        }
        return new AsyncInvokeConfig(c.expr("MaximumEventAgeInSeconds"), c.expr("MaximumRetryAttempts"), onSuccess,
                onFailure, at);
    }

    private static Optional<Destination> destination(Props d) {
        Optional<Expr> type = d.expr("Type");
        return d.expr("Destination").map(target -> new Destination(type, target))
                .or(() -> type.map(t -> new Destination(Optional.of(t), new Expr.NullLiteral())));
    }

    private FunctionPolicy samPolicy(Node item) {
        Intrinsics intrinsics = context.intrinsics;
        if (item instanceof Node.Scalar s) {
            return new FunctionPolicy.ManagedPolicy(Intrinsics.literal(s), s.location());
        }
        if (Intrinsics.isIntrinsic(item)) {
            Expr value = intrinsics.expr(item);
            return value instanceof Expr.Conditional ? new FunctionPolicy.Symbolic(value, item.location())
                    : new FunctionPolicy.ManagedPolicy(value, item.location());
        }
        if (item instanceof Node.Mapping m && m.get("Statement") != null) {
            return new FunctionPolicy.InlineStatements(
                    PolicyDocuments.statements(m, intrinsics, context.problems), m.location());
        }
        if (item instanceof Node.Mapping m && m.singleKey() != null) {
            String name = m.singleKey();
            return new FunctionPolicy.PolicyTemplate(name, intrinsics.expr(m.get(name)), m.location());
        }
        context.problems.add(item.location(), "a Policies entry must be a managed policy name or ARN, a policy"
                + " document with Statement, or one SAM policy template such as {SQSPollerPolicy: {QueueName: ...}};"
                + " found " + Node.describe(item));
        return new FunctionPolicy.Symbolic(intrinsics.expr(item), item.location());
    }

    private static Node rawAttribute(RawResource raw, String name) {
        return raw.attributes().get(name);
    }

    // ---------------------------------------------------------------- dependencies

    private void queue(RawResource raw) {
        Props p = context.props(raw);
        context.dependencies.add(new DependencyResource.Queue(raw.logicalId(), raw.type(), raw.condition(),
                p.expr("QueueName"), p.expr("FifoQueue"), p.expr("ContentBasedDeduplication"),
                p.expr("VisibilityTimeout"), p.expr("MessageRetentionPeriod"), p.expr("DelaySeconds"),
                p.expr("RedrivePolicy"), p.expr("KmsMasterKeyId"), raw.location()));
    }

    private void topic(RawResource raw) {
        Props p = context.props(raw);
        context.dependencies.add(new DependencyResource.Topic(raw.logicalId(), raw.type(), raw.condition(),
                p.expr("TopicName"), p.expr("FifoTopic"), p.expr("KmsMasterKeyId"), raw.location()));
    }

    private void bucket(RawResource raw) {
        Props p = context.props(raw);
        Optional<Expr> versioning = p.object("VersioningConfiguration").flatMap(v -> v.expr("Status"));
        context.dependencies.add(new DependencyResource.Bucket(raw.logicalId(), raw.type(), raw.condition(),
                p.expr("BucketName"), versioning, raw.location()));
    }

    private void table(RawResource raw) {
        Props p = context.props(raw);
        Map<String, Expr> types = new LinkedHashMap<>();
        p.list("AttributeDefinitions").ifPresent(items -> items.forEach(item -> {
            if (item instanceof Node.Mapping a && a.get("AttributeName") instanceof Node.Scalar n
                    && a.get("AttributeType") != null) {
                types.put(n.text(), context.intrinsics.expr(a.get("AttributeType")));
            }
        }));
        List<KeyAttribute> key = new ArrayList<>();
        p.list("KeySchema").ifPresent(items -> items.forEach(item -> {
            if (item instanceof Node.Mapping k && k.get("AttributeName") != null
                    && k.get("KeyType") instanceof Node.Scalar keyType) {
                Expr name = context.intrinsics.expr(k.get("AttributeName"));
                key.add(new KeyAttribute(name, keyType.text(),
                        Optional.ofNullable(name.asString().map(types::get).orElse(null))));
            }
        }));
        Optional<Expr> streamView = p.object("StreamSpecification").flatMap(s -> s.expr("StreamViewType"));
        context.dependencies.add(new DependencyResource.Table(raw.logicalId(), raw.type(), raw.condition(),
                p.expr("TableName"), key, p.expr("BillingMode"), streamView, p.expr("TimeToLiveSpecification"),
                raw.location()));
    }

    private void simpleTable(RawResource raw) {
        Node.Mapping effective = globals.apply("SimpleTable", raw.properties(), rawAttribute(raw, "IgnoreGlobals"));
        Props p = context.props(raw, effective);
        List<KeyAttribute> key = new ArrayList<>();
        p.object("PrimaryKey").ifPresent(pk -> pk.expr("Name").ifPresent(name ->
                key.add(new KeyAttribute(name, "HASH", pk.expr("Type")))));
        if (key.isEmpty()) {
            // SAM's default primary key: a string attribute named "id".
            key.add(new KeyAttribute(new Expr.StringLiteral("id"), "HASH", Optional.of(new Expr.StringLiteral("String"))));
        }
        Optional<Expr> billing = p.has("ProvisionedThroughput") ? Optional.of(new Expr.StringLiteral("PROVISIONED"))
                : Optional.of(new Expr.StringLiteral("PAY_PER_REQUEST"));
        p.node("ProvisionedThroughput");
        context.dependencies.add(new DependencyResource.Table(raw.logicalId(), raw.type(), raw.condition(),
                p.expr("TableName"), key, billing, Optional.empty(), Optional.empty(), raw.location()));
    }

    private void stream(RawResource raw) {
        Props p = context.props(raw);
        Optional<Expr> mode = p.object("StreamModeDetails").flatMap(m -> m.expr("StreamMode"));
        context.dependencies.add(new DependencyResource.Stream(raw.logicalId(), raw.type(), raw.condition(),
                p.expr("Name"), p.expr("ShardCount"), p.expr("RetentionPeriodHours"), mode,
                p.expr("StreamEncryption"), raw.location()));
    }

    private void eventBus(RawResource raw) {
        Props p = context.props(raw);
        context.dependencies.add(new DependencyResource.EventBus(raw.logicalId(), raw.type(), raw.condition(),
                p.expr("Name"), raw.location()));
    }

    private void secret(RawResource raw) {
        Props p = context.props(raw);
        context.dependencies.add(new DependencyResource.Secret(raw.logicalId(), raw.type(), raw.condition(),
                p.expr("Name"), p.expr("Description"), p.expr("SecretString"), p.expr("GenerateSecretString"),
                p.expr("KmsKeyId"), raw.location()));
    }

    private void ssmParameter(RawResource raw) {
        Props p = context.props(raw);
        context.dependencies.add(new DependencyResource.ConfigParameter(raw.logicalId(), raw.type(), raw.condition(),
                p.expr("Name"), p.expr("Type"), p.expr("Value"), p.expr("Description"), raw.location()));
    }

    private void kmsKey(RawResource raw) {
        Props p = context.props(raw);
        context.dependencies.add(new DependencyResource.EncryptionKey(raw.logicalId(), raw.type(), raw.condition(),
                p.expr("Description"), p.expr("EnableKeyRotation"), p.expr("KeyPolicy"), raw.location()));
    }

    private void logGroup(RawResource raw) {
        Props p = context.props(raw);
        context.dependencies.add(new DependencyResource.LogGroup(raw.logicalId(), raw.type(), raw.condition(),
                p.expr("LogGroupName"), p.expr("RetentionInDays"), p.expr("KmsKeyId"), raw.location()));
    }

    private void api(RawResource raw, HttpApiKind kind) {
        boolean sam = raw.type().startsWith("AWS::Serverless::");
        Node.Mapping effective = sam
                ? globals.apply(kind == HttpApiKind.REST_API ? "Api" : "HttpApi", raw.properties(),
                rawAttribute(raw, "IgnoreGlobals"))
                : raw.properties();
        Props p = context.props(raw, effective);
        if ("AWS::ApiGatewayV2::Api".equals(raw.type()) && p.node().get("ProtocolType") instanceof Node.Scalar s
                && "WEBSOCKET".equals(s.text())) {
            context.unsupported(raw, "WebSocket APIs have no generated Azure counterpart; consider Azure Web PubSub");
            return;
        }
        p.expr("ProtocolType");
        Optional<Expr> definition = sam ? p.expr("DefinitionUri")
                : p.expr("BodyS3Location");
        // Inline OpenAPI bodies (DefinitionBody, Body) are read by the EventLinker, which derives routes from
        // them; the definition recorded here is the one kept by reference.
        if (sam && p.has("DefinitionBody")) {
            definition = Optional.of(context.intrinsics.expr(p.node().get("DefinitionBody")));
        }
        context.dependencies.add(new DependencyResource.Api(raw.logicalId(), raw.type(), raw.condition(), kind,
                p.expr("Name"), p.expr("StageName"), p.expr("Cors", "CorsConfiguration"), p.expr("Auth"), definition,
                p.expr("Domain"), raw.location()));
    }

    private void layer(RawResource raw) {
        Props p = "AWS::Serverless::LayerVersion".equals(raw.type())
                ? context.props(raw, globals.apply("LayerVersion", raw.properties(), rawAttribute(raw, "IgnoreGlobals")))
                : context.props(raw);
        context.dependencies.add(new DependencyResource.Layer(raw.logicalId(), raw.type(), raw.condition(),
                p.expr("LayerName"), p.expr("ContentUri", "Content"), p.expr("CompatibleRuntimes"),
                p.expr("CompatibleArchitectures"), raw.location()));
    }

    // ---------------------------------------------------------------- identity

    private void role(RawResource raw) {
        Props p = context.props(raw);
        Node trust = p.node("AssumeRolePolicyDocument");
        List<Expr> trusted = PolicyDocuments.trustedPrincipals(trust, context.intrinsics);
        List<Expr> managed = new ArrayList<>();
        p.list("ManagedPolicyArns").ifPresent(items -> items.forEach(i -> managed.add(context.intrinsics.expr(i))));
        List<PolicyStatement> inline = new ArrayList<>();
        p.list("Policies").ifPresent(items -> items.forEach(item -> {
            if (item instanceof Node.Mapping policy) {
                inline.addAll(PolicyDocuments.statements(policy.get("PolicyDocument"), context.intrinsics,
                        context.problems));
            }
        }));
        roles.put(raw.logicalId(), new RoleDraft(raw, trusted, managed, inline, p.expr("PermissionsBoundary")));
    }

    private void policy(RawResource raw) {
        Props p = context.props(raw);
        List<PolicyStatement> statements = PolicyDocuments.statements(p.node("PolicyDocument"), context.intrinsics,
                context.problems);
        p.expr("PolicyName");
        p.expr("ManagedPolicyName");
        List<Expr> roleRefs = new ArrayList<>();
        p.list("Roles").ifPresent(items -> items.forEach(item -> {
            Expr role = context.intrinsics.expr(item);
            roleRefs.add(role);
            if (role instanceof Expr.ResourceRef ref) {
                attached.computeIfAbsent(ref.logicalId(), k -> new ArrayList<>()).addAll(statements);
            }
        }));
        context.policies.add(new ManagedPolicyResource(raw.logicalId(), raw.type(), raw.condition(), roleRefs,
                statements, raw.location()));
    }
}
