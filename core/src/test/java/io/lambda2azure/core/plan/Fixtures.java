package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationKind;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.AsyncInvokeConfig;
import io.lambda2azure.core.model.Condition;
import io.lambda2azure.core.model.DeploymentPreference;
import io.lambda2azure.core.model.Destination;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.FunctionAlias;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.LoggingConfig;
import io.lambda2azure.core.model.Mapping;
import io.lambda2azure.core.model.Output;
import io.lambda2azure.core.model.Parameter;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.event.PollingSettings;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.model.resource.KeyAttribute;
import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built input models for planner tests. Core has no dependency on the parsers, so the
 * {@link ServerlessApp} and {@link Function} records are assembled here directly.
 *
 * <p>Every function gets its own block of lines (100 per function), and every property that a builder sets is
 * recorded in {@link Function#propertyLocations()} at its own line, so a test can check that a deviation points
 * at exactly the property it is about ({@code function.locationOf("Timeout")}), not at the function as a whole.
 */
final class Fixtures {

    /** The input file every fixture claims to come from; {@code AzurePlanner.appName} makes it "stack". */
    static final String FILE = "stack/template.yaml";

    /** The location the planner uses for template-wide deviations and shared resources. */
    static final SourceLocation TEMPLATE_START = new SourceLocation(FILE, 1, 1);

    /** Property name → line offset inside a function's block. */
    private static final List<String> PROPERTIES = List.of("Runtime", "Handler", "MemorySize", "Timeout",
            "EphemeralStorage", "Architectures", "Environment", "Layers", "VpcConfig", "ReservedConcurrentExecutions",
            "ProvisionedConcurrencyConfig", "AutoPublishAlias", "PackageType", "DeadLetterQueue", "Tracing", "Role",
            "Policies", "LoggingConfig", "CodeUri", "EventInvokeConfig", "DeploymentPreference");

    private Fixtures() {
    }

    static SourceLocation at(int line, int column) {
        return new SourceLocation(FILE, line, column);
    }

    static Expr str(String value) {
        return new Expr.StringLiteral(value);
    }

    static Expr num(long value) {
        return new Expr.NumberLiteral(BigDecimal.valueOf(value));
    }

    static Expr num(String value) {
        return new Expr.NumberLiteral(new BigDecimal(value));
    }

    static Expr bool(boolean value) {
        return new Expr.BooleanLiteral(value);
    }

    static Expr param(String name) {
        return new Expr.ParameterRef(name);
    }

    static Expr list(Expr... items) {
        return new Expr.ListExpr(Arrays.asList(items));
    }

    static Expr map(Object... keysAndValues) {
        Map<String, Expr> entries = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.put((String) keysAndValues[i], (Expr) keysAndValues[i + 1]);
        }
        return new Expr.MapExpr(entries);
    }

    // ------------------------------------------------------------------ functions

    static FunctionBuilder function(String logicalId) {
        return new FunctionBuilder(logicalId);
    }

    /** Builds a {@link Function}; the runtime defaults to python3.12 and the code to a zip archive. */
    static final class FunctionBuilder {

        private static int nextBlock = 1;

        private final String logicalId;
        private final int base;
        private final Map<String, SourceLocation> locations = new LinkedHashMap<>();
        private Optional<String> condition = Optional.empty();
        private Optional<Expr> runtime = Optional.of(str("python3.12"));
        private Optional<FunctionCode> code = Optional.of(new FunctionCode.ZipArchive(str("src/")));
        private Optional<Expr> memory = Optional.empty();
        private Optional<Expr> timeout = Optional.empty();
        private Optional<Expr> ephemeralStorage = Optional.empty();
        private Optional<Expr> architectures = Optional.empty();
        private final Map<String, Expr> environment = new LinkedHashMap<>();
        private final List<Expr> layers = new ArrayList<>();
        private Optional<VpcConfig> vpc = Optional.empty();
        private Optional<Expr> reserved = Optional.empty();
        private Optional<Expr> provisioned = Optional.empty();
        private Optional<Expr> autoPublishAlias = Optional.empty();
        private final List<FunctionAlias> aliases = new ArrayList<>();
        private Optional<DeploymentPreference> deploymentPreference = Optional.empty();
        private Optional<Destination> deadLetter = Optional.empty();
        private Optional<AsyncInvokeConfig> asyncInvoke = Optional.empty();
        private Optional<Expr> tracing = Optional.empty();
        private Optional<Expr> role = Optional.empty();
        private final List<FunctionPolicy> policies = new ArrayList<>();
        private Optional<LoggingConfig> logging = Optional.empty();
        private final List<EventSource> events = new ArrayList<>();

        private FunctionBuilder(String logicalId) {
            this.logicalId = logicalId;
            synchronized (FunctionBuilder.class) {
                this.base = nextBlock * 100;
                nextBlock++;
            }
        }

        private SourceLocation mark(String property) {
            int offset = PROPERTIES.indexOf(property) + 1;
            SourceLocation location = at(base + offset, 5);
            locations.put(property, location);
            return location;
        }

        private SourceLocation eventLocation() {
            return at(base + 30 + events.size(), 7);
        }

        FunctionBuilder condition(String name) {
            condition = Optional.of(name);
            return this;
        }

        FunctionBuilder runtime(String value) {
            return runtime(str(value));
        }

        FunctionBuilder runtime(Expr value) {
            runtime = Optional.of(value);
            mark("Runtime");
            return this;
        }

        FunctionBuilder noRuntime() {
            runtime = Optional.empty();
            locations.remove("Runtime");
            return this;
        }

        FunctionBuilder memory(int mb) {
            return memory(num(mb));
        }

        FunctionBuilder memory(Expr value) {
            memory = Optional.of(value);
            mark("MemorySize");
            return this;
        }

        FunctionBuilder timeout(int seconds) {
            return timeout(num(seconds));
        }

        FunctionBuilder timeout(Expr value) {
            timeout = Optional.of(value);
            mark("Timeout");
            return this;
        }

        FunctionBuilder ephemeralStorage(int mb) {
            ephemeralStorage = Optional.of(num(mb));
            mark("EphemeralStorage");
            return this;
        }

        FunctionBuilder arm64() {
            architectures = Optional.of(list(str("arm64")));
            mark("Architectures");
            return this;
        }

        FunctionBuilder env(String name, String value) {
            return env(name, str(value));
        }

        FunctionBuilder env(String name, Expr value) {
            environment.put(name, value);
            mark("Environment");
            return this;
        }

        FunctionBuilder layer(Expr layer) {
            layers.add(layer);
            mark("Layers");
            return this;
        }

        FunctionBuilder vpc() {
            vpc = Optional.of(new VpcConfig(Optional.of(list(str("subnet-0a1b"), str("subnet-2c3d"))),
                    Optional.of(list(str("sg-0123"))), Optional.empty()));
            mark("VpcConfig");
            return this;
        }

        FunctionBuilder reserved(int n) {
            return reserved(num(n));
        }

        FunctionBuilder reserved(Expr value) {
            reserved = Optional.of(value);
            mark("ReservedConcurrentExecutions");
            return this;
        }

        FunctionBuilder provisioned(int n) {
            provisioned = Optional.of(num(n));
            mark("ProvisionedConcurrencyConfig");
            return this;
        }

        FunctionBuilder autoPublishAlias(String name) {
            autoPublishAlias = Optional.of(str(name));
            mark("AutoPublishAlias");
            return alias(name);
        }

        FunctionBuilder alias(String name) {
            aliases.add(new FunctionAlias(logicalId + "Alias" + name, str(name), Optional.empty(), Optional.empty(),
                    at(base + 60 + aliases.size(), 3)));
            return this;
        }

        FunctionBuilder containerImage(String uri) {
            code = Optional.of(new FunctionCode.ContainerImage(Optional.of(str(uri)), Optional.empty()));
            runtime = Optional.empty();
            locations.remove("Runtime");
            mark("PackageType");
            return this;
        }

        FunctionBuilder deploymentPreference(String type) {
            deploymentPreference = Optional.of(new DeploymentPreference(Optional.of(str(type)), Optional.empty(),
                    Optional.empty(), Optional.empty(), mark("DeploymentPreference")));
            return this;
        }

        FunctionBuilder deadLetter(Expr target) {
            deadLetter = Optional.of(new Destination(Optional.of(str("SQS")), target));
            mark("DeadLetterQueue");
            return this;
        }

        FunctionBuilder asyncInvokeConfig() {
            asyncInvoke = Optional.of(new AsyncInvokeConfig(Optional.of(num(60)), Optional.of(num(0)), Optional.empty(),
                    Optional.empty(), mark("EventInvokeConfig")));
            return this;
        }

        FunctionBuilder tracing(String mode) {
            tracing = Optional.of(str(mode));
            mark("Tracing");
            return this;
        }

        FunctionBuilder role(Expr value) {
            role = Optional.of(value);
            mark("Role");
            return this;
        }

        FunctionBuilder managedPolicy(String name) {
            policies.add(new FunctionPolicy.ManagedPolicy(str(name), at(base + PROPERTIES.indexOf("Policies") + 1, 9)));
            mark("Policies");
            return this;
        }

        FunctionBuilder logging() {
            logging = Optional.of(new LoggingConfig(Optional.of(str("JSON")), Optional.of(str("INFO")), Optional.empty(),
                    Optional.empty()));
            mark("LoggingConfig");
            return this;
        }

        FunctionBuilder http(String path, String method) {
            return http(path, method, Optional.empty(), Optional.empty());
        }

        FunctionBuilder http(String path, String method, HttpAuth auth) {
            return http(path, method, Optional.of(auth), Optional.empty());
        }

        FunctionBuilder httpWithCors(String path, String method, Expr cors) {
            return http(path, method, Optional.empty(), Optional.of(cors));
        }

        FunctionBuilder http(String path, String method, Optional<HttpAuth> auth, Optional<Expr> cors) {
            events.add(new EventSource.Http("Http" + events.size(), EventOrigin.SAM_EVENT, Optional.empty(),
                    HttpApiKind.REST_API, Optional.empty(), path, method, auth, cors, eventLocation()));
            return this;
        }

        FunctionBuilder httpOnApi(String apiId, String path, String method) {
            events.add(new EventSource.Http("Http" + events.size(), EventOrigin.SAM_EVENT, Optional.empty(),
                    HttpApiKind.HTTP_API, Optional.of(apiId), path, method, Optional.empty(), Optional.empty(),
                    eventLocation()));
            return this;
        }

        /** A route of an API of the template, with the protection the event (or its API's defaults) gives it. */
        FunctionBuilder route(String apiId, HttpApiKind kind, String path, String method, Optional<HttpAuth> auth) {
            events.add(new EventSource.Http("Route" + events.size(), EventOrigin.SAM_EVENT, Optional.empty(), kind,
                    Optional.of(apiId), path, method, auth, Optional.empty(), eventLocation()));
            return this;
        }

        FunctionBuilder schedule(String expression) {
            return schedule(str(expression), Optional.empty(), Optional.empty());
        }

        FunctionBuilder schedule(Expr expression, Optional<Expr> enabled, Optional<Expr> timezone) {
            events.add(new EventSource.Schedule("Schedule" + events.size(), EventOrigin.SAM_EVENT, Optional.empty(),
                    expression, timezone.isPresent(), enabled, Optional.empty(), timezone, Optional.empty(),
                    eventLocation()));
            return this;
        }

        FunctionBuilder queue(String eventId, Expr queue) {
            events.add(new EventSource.Queue(eventId, EventOrigin.SAM_EVENT, Optional.empty(), queue,
                    PollingSettings.NONE, eventLocation()));
            return this;
        }

        FunctionBuilder topic(String eventId, Expr topic) {
            events.add(new EventSource.Topic(eventId, EventOrigin.SAM_EVENT, Optional.empty(), topic, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), eventLocation()));
            return this;
        }

        FunctionBuilder alexa(String eventId) {
            events.add(new EventSource.Alexa(eventId, EventOrigin.SAM_EVENT, Optional.empty(), Optional.empty(),
                    eventLocation()));
            return this;
        }

        FunctionBuilder bucket(String eventId, Expr bucket) {
            events.add(new EventSource.ObjectStorage(eventId, EventOrigin.SAM_EVENT, Optional.empty(), bucket,
                    str("s3:ObjectCreated:*"), Optional.empty(), eventLocation()));
            return this;
        }

        /** Adds any event source; {@link #nextEventLocation()} gives where it is written. */
        FunctionBuilder event(EventSource event) {
            events.add(event);
            return this;
        }

        SourceLocation nextEventLocation() {
            return eventLocation();
        }

        FunctionBuilder policy(FunctionPolicy policy) {
            policies.add(policy);
            mark("Policies");
            return this;
        }

        FunctionBuilder policyTemplate(String name, String parameter, Expr value) {
            return policy(new FunctionPolicy.PolicyTemplate(name, map(parameter, value),
                    at(base + PROPERTIES.indexOf("Policies") + 1, 9)));
        }

        Function build() {
            if (runtime.isPresent() && !locations.containsKey("Runtime")) {
                mark("Runtime");
            }
            if (code.isPresent() && code.get() instanceof FunctionCode.ZipArchive) {
                mark("CodeUri");
            }
            if (!events.isEmpty()) {
                locations.putIfAbsent("Events", at(base + 29, 5));
            }
            return new Function(logicalId, "AWS::Serverless::Function", condition, Optional.empty(), Optional.empty(),
                    runtime, Optional.of(str("app.handler")), code, memory, timeout, ephemeralStorage, architectures,
                    environment, layers, vpc, reserved, provisioned, autoPublishAlias, aliases, deploymentPreference,
                    deadLetter, asyncInvoke, tracing, role, policies, Optional.empty(), logging, Map.of(), events,
                    locations, at(base, 3));
        }
    }

    // ------------------------------------------------------------------ applications

    static AppBuilder app(Function... functions) {
        return new AppBuilder(functions);
    }

    static AppBuilder app(FunctionBuilder... functions) {
        return new AppBuilder(Arrays.stream(functions).map(FunctionBuilder::build).toArray(Function[]::new));
    }

    /** Builds a {@link ServerlessApp} from {@link #FILE}. */
    static final class AppBuilder {

        private final List<Function> functions;
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<Condition> conditions = new ArrayList<>();
        private final List<Mapping> mappings = new ArrayList<>();
        private final List<DependencyResource> resources = new ArrayList<>();
        private final List<Output> outputs = new ArrayList<>();
        private final List<UnsupportedResource> unsupported = new ArrayList<>();
        private final List<UnmappedProperty> unmapped = new ArrayList<>();
        private int line = 2;

        private AppBuilder(Function... functions) {
            this.functions = List.of(functions);
        }

        private SourceLocation next() {
            return at(line++, 3);
        }

        AppBuilder parameter(String name, String type, Optional<Expr> defaultValue, List<Expr> allowed,
                             boolean secret) {
            parameters.add(new Parameter(name, type, defaultValue, allowed, Optional.of(name + " parameter"), secret,
                    Parameter.ParameterConstraints.NONE, next()));
            return this;
        }

        AppBuilder parameter(String name, String type, Expr defaultValue) {
            return parameter(name, type, Optional.of(defaultValue), List.of(), false);
        }

        AppBuilder condition(String name, Expr expression) {
            conditions.add(new Condition(name, expression, next()));
            return this;
        }

        AppBuilder mapping(String name, Map<String, Map<String, Expr>> entries) {
            mappings.add(new Mapping(name, entries, next()));
            return this;
        }

        AppBuilder table(String logicalId) {
            resources.add(new DependencyResource.Table(logicalId, "AWS::DynamoDB::Table", Optional.empty(),
                    Optional.empty(), List.of(new KeyAttribute(str("id"), "HASH", Optional.of(str("S")))),
                    Optional.of(str("PAY_PER_REQUEST")), Optional.empty(), Optional.empty(), next()));
            return this;
        }

        /** Adds any dependency resource. */
        AppBuilder resource(DependencyResource resource) {
            resources.add(resource);
            return this;
        }

        SourceLocation nextLocation() {
            return at(line, 3);
        }

        AppBuilder queue(String logicalId, boolean fifo) {
            resources.add(new DependencyResource.Queue(logicalId, "AWS::SQS::Queue", Optional.empty(), Optional.empty(),
                    fifo ? Optional.of(bool(true)) : Optional.empty(), Optional.empty(), Optional.of(num(120)),
                    Optional.empty(), Optional.empty(), Optional.of(map("maxReceiveCount", num(5))), Optional.empty(),
                    next()));
            return this;
        }

        AppBuilder topic(String logicalId) {
            resources.add(new DependencyResource.Topic(logicalId, "AWS::SNS::Topic", Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), next()));
            return this;
        }

        AppBuilder bucket(String logicalId) {
            resources.add(new DependencyResource.Bucket(logicalId, "AWS::S3::Bucket", Optional.empty(), Optional.empty(),
                    Optional.empty(), next()));
            return this;
        }

        AppBuilder stream(String logicalId, int shards) {
            resources.add(new DependencyResource.Stream(logicalId, "AWS::Kinesis::Stream", Optional.empty(),
                    Optional.empty(), Optional.of(num(shards)), Optional.empty(), Optional.empty(), Optional.empty(),
                    next()));
            return this;
        }

        AppBuilder eventBus(String logicalId) {
            resources.add(new DependencyResource.EventBus(logicalId, "AWS::Events::EventBus", Optional.empty(),
                    Optional.empty(), next()));
            return this;
        }

        AppBuilder secret(String logicalId) {
            resources.add(new DependencyResource.Secret(logicalId, "AWS::SecretsManager::Secret", Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), next()));
            return this;
        }

        AppBuilder logGroup(String logicalId, Optional<Expr> retention) {
            resources.add(new DependencyResource.LogGroup(logicalId, "AWS::Logs::LogGroup", Optional.empty(),
                    Optional.empty(), retention, Optional.empty(), next()));
            return this;
        }

        AppBuilder api(String logicalId, Expr cors) {
            resources.add(new DependencyResource.Api(logicalId, "AWS::Serverless::HttpApi", Optional.empty(),
                    HttpApiKind.HTTP_API, Optional.empty(), Optional.empty(), Optional.of(cors), Optional.empty(),
                    Optional.empty(), Optional.empty(), next()));
            return this;
        }

        /** An API with its SAM {@code Auth} section and CORS setting, under an input condition if given. */
        AppBuilder api(String logicalId, HttpApiKind kind, Optional<Expr> auth, Optional<Expr> cors,
                       Optional<String> condition) {
            resources.add(new DependencyResource.Api(logicalId, kind == HttpApiKind.REST_API ? "AWS::Serverless::Api"
                    : "AWS::Serverless::HttpApi", condition, kind, Optional.empty(), Optional.empty(), cors, auth,
                    Optional.empty(), Optional.empty(), next()));
            return this;
        }

        AppBuilder output(String name, Expr value) {
            return output(name, value, Optional.empty());
        }

        AppBuilder output(String name, Expr value, Optional<String> condition) {
            outputs.add(new Output(name, value, Optional.of(name + " output"), Optional.empty(), condition, next()));
            return this;
        }

        AppBuilder unsupported(String logicalId, String type, String reason) {
            unsupported.add(new UnsupportedResource(logicalId, type, reason, List.of(), next()));
            return this;
        }

        AppBuilder unmapped(String resourceId, String type, String path, Expr value) {
            unmapped.add(new UnmappedProperty(resourceId, type, path, value, next()));
            return this;
        }

        ServerlessApp build() {
            return new ServerlessApp(FILE, InputKind.SAM, Optional.empty(), parameters, conditions, mappings, functions,
                    resources, List.of(), List.of(), outputs, unsupported, unmapped);
        }
    }

    // ------------------------------------------------------------------ planning and lookups

    static AzureDeployment plan(ServerlessApp app, PlanKind kind) {
        return AzurePlanner.plan(app, PlanOptions.of(kind));
    }

    static AzureDeployment plan(FunctionBuilder function, PlanKind kind) {
        return plan(app(function).build(), kind);
    }

    static AzureDeployment plan(Function function, PlanKind kind) {
        return plan(app(function).build(), kind);
    }

    /** The function app hosting a Lambda function. */
    static AzureResource.FunctionApp appOf(AzureDeployment deployment, String functionId) {
        return deployment.resources(AzureResource.FunctionApp.class).stream()
                .filter(a -> a.awsFunctions().contains(functionId)).findFirst()
                .orElseThrow(() -> new AssertionError("no function app hosts " + functionId));
    }

    static AzureResource.HostingPlan planOf(AzureDeployment deployment, AzureResource.FunctionApp app) {
        return deployment.resources(AzureResource.HostingPlan.class).stream()
                .filter(p -> p.symbol().equals(app.plan())).findFirst()
                .orElseThrow(() -> new AssertionError("no hosting plan " + app.plan()));
    }

    static List<Deviation> deviations(AzureDeployment deployment, DeviationKind kind) {
        return deployment.deviations().stream().filter(d -> d.kind().equals(kind)).toList();
    }

    /** The one deviation of a kind; fails when there is none or more than one. */
    static Deviation only(AzureDeployment deployment, DeviationKind kind) {
        List<Deviation> found = deviations(deployment, kind);
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + kind.id() + " but found " + found.size() + ": "
                    + deployment.deviations().stream().map(Deviation::line).toList());
        }
        return found.get(0);
    }

    static Optional<Value> setting(AzureResource.FunctionApp app, String name) {
        return app.appSettings().stream().filter(s -> s.name().equals(name)).map(s -> s.value()).findFirst();
    }

    static Optional<AzureParameter> parameterNamed(AzureDeployment deployment, String name) {
        return deployment.parameters().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    static Deviation.Target target(String resource) {
        return Deviation.Target.resource(resource);
    }

    static Deviation.Target target(String resource, String property) {
        return Deviation.Target.property(resource, property);
    }

    /**
     * The longest an interpolated resource name can get: literal text as written, {@code appName} at its
     * default's maximum of 20 characters, {@code resourceSuffix} at uniqueString's 13.
     */
    static int maxLength(Value name) {
        if (name instanceof Value.Text t) {
            return t.value().length();
        }
        if (name instanceof Value.Param p) {
            return switch (p.name()) {
                case "appName" -> 20;
                case "resourceSuffix" -> 13;
                default -> throw new AssertionError("unexpected parameter in a name: " + p.name());
            };
        }
        if (name instanceof Value.Interpolation i) {
            return i.parts().stream().mapToInt(Fixtures::maxLength).sum();
        }
        throw new AssertionError("unexpected value in a name: " + name);
    }
}
