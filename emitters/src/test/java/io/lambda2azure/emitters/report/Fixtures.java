package io.lambda2azure.emitters.report;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.DeploymentPreference;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.FunctionAlias;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.Output;
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
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built models for the report tests: the emitters module has no parser, so applications are built
 * here with builders that default every field to "not set".
 */
final class Fixtures {

    static final String FILE = "app/template.yaml";

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

    static FunctionBuilder function(String logicalId, int line) {
        return new FunctionBuilder(logicalId, at(line, 3));
    }

    static AppBuilder app() {
        return new AppBuilder(FILE);
    }

    static EventSource http(String id, String method, String path, boolean iam, int line) {
        return new EventSource.Http(id, EventOrigin.SAM_EVENT, Optional.empty(), HttpApiKind.REST_API, Optional.empty(),
                path, method, iam ? Optional.of(new HttpAuth(Optional.of(str("AWS_IAM")), Optional.empty(),
                Optional.empty(), Optional.empty())) : Optional.empty(), Optional.empty(), at(line, 9));
    }

    static EventSource schedule(String id, String expression, int line) {
        return new EventSource.Schedule(id, EventOrigin.SAM_EVENT, Optional.empty(), str(expression), false,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), at(line, 9));
    }

    static EventSource queue(String id, String queue, int line) {
        return new EventSource.Queue(id, EventOrigin.SAM_EVENT, Optional.empty(), new Expr.AttributeRef(queue, "Arn"),
                PollingSettings.NONE, at(line, 9));
    }

    /**
     * A small application that touches every area: an HTTP API function with IAM auth, an environment
     * variable naming an AWS resource, policies and tracing; a job function with a schedule, an SQS queue
     * (no trigger), a VPC, an alias and a layer; an unsupported resource, an unmapped property and an
     * output of an AWS resource.
     */
    static ServerlessApp small() {
        Function api = function("OrdersApi", 10)
                .runtime("python3.12").memory(1024).timeout(30)
                .environment("TABLE_NAME", new Expr.ResourceRef("OrdersTable"), 20)
                .environment("STAGE", str("prod"), 20)
                .policy(new FunctionPolicy.PolicyTemplate("DynamoDBCrudPolicy",
                        new Expr.MapExpr(Map.of("TableName", new Expr.ResourceRef("OrdersTable"))), at(24, 9)), 23)
                .tracing("Active", 18)
                .event(http("CreateOrder", "POST", "/orders", true, 28))
                .event(http("GetOrder", "GET", "/orders/{id}", false, 33))
                .build();
        Function job = function("NightlyJob", 40)
                .runtime("java17").memory(512).timeout(900)
                .role(new Expr.AttributeRef("JobRole", "Arn"), 46)
                .vpc(new VpcConfig(Optional.of(new Expr.ParameterRef("SubnetIds")), Optional.empty(), Optional.empty()), 47)
                .alias("live", 49)
                .layer(new Expr.ResourceRef("SharedLayer"), 51)
                .event(schedule("Nightly", "cron(0 2 * * ? *)", 55))
                .event(queue("Jobs", "JobsQueue", 60))
                .build();
        Role role = new Role("JobRole", Optional.empty(), List.of(str("lambda.amazonaws.com")), List.of(),
                List.of(new PolicyStatement(Optional.empty(), true, List.of(str("sqs:ReceiveMessage")), false,
                        List.of(new Expr.AttributeRef("JobsQueue", "Arn")), false, Optional.empty(), at(75, 11))),
                Optional.empty(), at(70, 3));
        return app().function(api).function(job).role(role)
                .unsupported(new UnsupportedResource("Dashboard", "AWS::CloudWatch::Dashboard",
                        "dashboards are not migrated", List.of(), at(80, 3)))
                .unmapped(new UnmappedProperty("OrdersApi", "AWS::Serverless::Function", "SnapStart",
                        new Expr.MapExpr(Map.of("ApplyOn", str("PublishedVersions"))), at(17, 7)))
                .output(new Output("ApiUrl", new Expr.Interpolation(List.of(str("https://"),
                        new Expr.ResourceRef("ServerlessRestApi"), str(".execute-api.amazonaws.com/"))),
                        Optional.of("The API"), Optional.empty(), Optional.empty(), at(90, 3)))
                .output(new Output("ApiFunction", new Expr.ResourceRef("OrdersApi"), Optional.empty(), Optional.empty(),
                        Optional.empty(), at(93, 3)))
                .build();
    }

    /** Builds a {@link Function}; everything not set stays empty. */
    static final class FunctionBuilder {
        private final String logicalId;
        private final SourceLocation location;
        private String resourceType = "AWS::Serverless::Function";
        private Optional<Expr> runtime = Optional.empty();
        private Optional<FunctionCode> code = Optional.of(new FunctionCode.ZipArchive(new Expr.StringLiteral("src/")));
        private Optional<Expr> memory = Optional.empty();
        private Optional<Expr> timeout = Optional.empty();
        private Optional<Expr> ephemeral = Optional.empty();
        private Optional<Expr> architectures = Optional.empty();
        private final Map<String, Expr> environment = new LinkedHashMap<>();
        private final List<Expr> layers = new ArrayList<>();
        private Optional<VpcConfig> vpc = Optional.empty();
        private Optional<Expr> reserved = Optional.empty();
        private Optional<Expr> provisioned = Optional.empty();
        private Optional<Expr> autoPublishAlias = Optional.empty();
        private final List<FunctionAlias> aliases = new ArrayList<>();
        private Optional<DeploymentPreference> deploymentPreference = Optional.empty();
        private Optional<Expr> tracing = Optional.empty();
        private Optional<Expr> role = Optional.empty();
        private final List<FunctionPolicy> policies = new ArrayList<>();
        private final List<EventSource> events = new ArrayList<>();
        private final Map<String, SourceLocation> locations = new LinkedHashMap<>();

        FunctionBuilder(String logicalId, SourceLocation location) {
            this.logicalId = logicalId;
            this.location = location;
        }

        private SourceLocation property(String name, int line) {
            SourceLocation at = new SourceLocation(location.file(), line, 7);
            locations.putIfAbsent(name, at);
            return at;
        }

        FunctionBuilder resourceType(String type) {
            resourceType = type;
            return this;
        }

        FunctionBuilder runtime(String value) {
            runtime = Optional.of(str(value));
            property("Runtime", location.line() + 2);
            return this;
        }

        FunctionBuilder runtime(Expr value, int line) {
            runtime = Optional.of(value);
            property("Runtime", line);
            return this;
        }

        FunctionBuilder code(FunctionCode value) {
            code = Optional.of(value);
            return this;
        }

        FunctionBuilder memory(long mb) {
            memory = Optional.of(num(mb));
            property("MemorySize", location.line() + 4);
            return this;
        }

        FunctionBuilder timeout(long seconds) {
            timeout = Optional.of(num(seconds));
            property("Timeout", location.line() + 5);
            return this;
        }

        FunctionBuilder ephemeralStorage(long mb, int line) {
            ephemeral = Optional.of(num(mb));
            property("EphemeralStorage", line);
            return this;
        }

        FunctionBuilder architectures(String value, int line) {
            architectures = Optional.of(new Expr.ListExpr(List.of(str(value))));
            property("Architectures", line);
            return this;
        }

        FunctionBuilder environment(String name, Expr value, int line) {
            environment.put(name, value);
            property("Environment", line);
            return this;
        }

        FunctionBuilder layer(Expr value, int line) {
            layers.add(value);
            property("Layers", line);
            return this;
        }

        FunctionBuilder vpc(VpcConfig value, int line) {
            vpc = Optional.of(value);
            property("VpcConfig", line);
            return this;
        }

        FunctionBuilder reserved(long value, int line) {
            reserved = Optional.of(num(value));
            property("ReservedConcurrentExecutions", line);
            return this;
        }

        FunctionBuilder provisioned(long value, int line) {
            provisioned = Optional.of(num(value));
            property("ProvisionedConcurrencyConfig", line);
            return this;
        }

        FunctionBuilder alias(String name, int line) {
            autoPublishAlias = Optional.of(str(name));
            aliases.add(new FunctionAlias(logicalId + "Alias" + name, str(name), Optional.empty(), Optional.empty(),
                    property("AutoPublishAlias", line)));
            return this;
        }

        FunctionBuilder deploymentPreference(String type, int line) {
            deploymentPreference = Optional.of(new DeploymentPreference(Optional.of(str(type)), Optional.empty(),
                    Optional.empty(), Optional.empty(), property("DeploymentPreference", line)));
            return this;
        }

        FunctionBuilder tracing(String mode, int line) {
            tracing = Optional.of(str(mode));
            property("Tracing", line);
            return this;
        }

        FunctionBuilder role(Expr value, int line) {
            role = Optional.of(value);
            property("Role", line);
            return this;
        }

        FunctionBuilder policy(FunctionPolicy policy, int line) {
            policies.add(policy);
            property("Policies", line);
            return this;
        }

        FunctionBuilder event(EventSource event) {
            events.add(event);
            return this;
        }

        Function build() {
            return new Function(logicalId, resourceType, Optional.empty(), Optional.empty(), Optional.empty(), runtime,
                    Optional.of(str("app.handler")), code, memory, timeout, ephemeral, architectures, environment,
                    layers, vpc, reserved, provisioned, autoPublishAlias, aliases, deploymentPreference,
                    Optional.empty(), Optional.empty(), tracing, role, policies, Optional.empty(), Optional.empty(),
                    Map.of(), events, locations, location);
        }
    }

    /** Builds a {@link ServerlessApp}. */
    static final class AppBuilder {
        private final String source;
        private final List<Function> functions = new ArrayList<>();
        private final List<Role> roles = new ArrayList<>();
        private final List<Output> outputs = new ArrayList<>();
        private final List<UnsupportedResource> unsupported = new ArrayList<>();
        private final List<UnmappedProperty> unmapped = new ArrayList<>();

        AppBuilder(String source) {
            this.source = source;
        }

        AppBuilder function(Function function) {
            functions.add(function);
            return this;
        }

        AppBuilder role(Role role) {
            roles.add(role);
            return this;
        }

        AppBuilder output(Output output) {
            outputs.add(output);
            return this;
        }

        AppBuilder unsupported(UnsupportedResource resource) {
            unsupported.add(resource);
            return this;
        }

        AppBuilder unmapped(UnmappedProperty property) {
            unmapped.add(property);
            return this;
        }

        ServerlessApp build() {
            return new ServerlessApp(source, InputKind.SAM, Optional.empty(), List.of(), List.of(), List.of(),
                    functions, List.of(), roles, List.of(), outputs, unsupported, unmapped);
        }
    }
}
