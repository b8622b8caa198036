package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AppSetting;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureOutput;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureVariable;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.RoleDefinition;
import io.lambda2azure.core.azure.Trigger;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.deviation.DeviationKind;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.Mapping;
import io.lambda2azure.core.model.Parameter;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a serverless application to an Azure Functions deployment on one hosting plan. Every mapping
 * decision is made here, as an explicit rule, so that every emitter prints the same resources; what has no
 * exact equivalent becomes a {@link Deviation} at the AWS source and the Azure element it affects.
 *
 * <p>Like for like: one function app per Lambda function (with {@link PlanOptions#groupFunctions()}, one per
 * group of compatible functions), each with its own user-assigned identity, sharing one host storage
 * account, one Application Insights and one Log Analytics workspace; the plan is shared where the plan
 * type allows several apps (Premium, Dedicated, Consumption) and per app on Flex Consumption.
 */
public final class AzurePlanner {

    private AzurePlanner() {
    }

    /**
     * Plans the deployment.
     *
     * @param app     the application read from the input
     * @param options the plan (or auto) and grouping
     * @return the Azure deployment with its deviations
     */
    public static AzureDeployment plan(ServerlessApp app, PlanOptions options) {
        if (options.plan().isPresent()) {
            return new Planning(app, options.plan().get(), options,
                    "chosen with --plan " + options.plan().get().id()).run();
        }
        List<String> weighed = new ArrayList<>();
        AzureDeployment best = null;
        for (PlanKind kind : List.of(PlanKind.FLEX_CONSUMPTION, PlanKind.PREMIUM, PlanKind.DEDICATED)) {
            AzureDeployment candidate = new Planning(app, kind, options, "").run();
            long blockers = candidate.count(Severity.BLOCKER);
            weighed.add(kind.title() + ": " + blockers + (blockers == 1 ? " blocker" : " blockers"));
            if (best == null || blockers < best.count(Severity.BLOCKER)) {
                best = candidate;
            }
        }
        String reason = "chosen by --plan auto, the first of Flex Consumption, Premium and Dedicated (cheapest"
                + " first) with the fewest blockers (" + String.join(", ", weighed) + "); Consumption is not"
                + " considered because Linux Consumption is retiring";
        return new Planning(app, best.plan(), options, reason).run();
    }

    /** One planning run for one plan. */
    private static final class Planning implements ValueTranslator.Context, PlanContext {

        private final ServerlessApp app;
        private final PlanKind kind;
        private final PlanFacts facts;
        private final boolean group;
        private final String reason;
        private final Names names = new Names();
        private final SourceLocation templateStart;
        private final Map<String, String> parameterNames = new LinkedHashMap<>();
        private final Map<String, String> variableNames = new LinkedHashMap<>();
        private final Map<String, String> appOfFunction = new LinkedHashMap<>();
        private final List<AzureParameter> parameters = new ArrayList<>();
        private final List<AzureParameter> addedParameters = new ArrayList<>();
        private final List<AzureVariable> variables = new ArrayList<>();
        private final List<AzureResource> resources = new ArrayList<>();
        private final List<AzureOutput> outputs = new ArrayList<>();
        private final List<Deviation> deviations = new ArrayList<>();
        private final ValueTranslator values = new ValueTranslator(this);
        private final PlanOptions options;
        private final Services services = new Services(this);
        private ApiManagement apiManagement;
        private final Permissions permissions;
        /** Event Grid system topics by the storage account they publish for, shared by every app. */
        private final Map<String, String> systemTopics = new LinkedHashMap<>();
        /** Indexes, so that planning stays linear in the size of the application. */
        private final Map<String, DependencyResource> dependencies = new java.util.HashMap<>();
        private final Map<String, String> addedByDescription = new java.util.HashMap<>();
        private final Map<String, AzureResource> bySymbol = new java.util.HashMap<>();

        Planning(ServerlessApp app, PlanKind kind, PlanOptions options, String reason) {
            this.app = app;
            this.kind = kind;
            this.facts = PlanCatalog.of(kind);
            this.group = options.groupFunctions();
            this.options = options;
            this.reason = reason;
            this.templateStart = new SourceLocation(app.source(), 1, 1);
            this.permissions = new Permissions(this, app);
            app.resources().forEach(r -> dependencies.putIfAbsent(r.logicalId(), r));
        }

        AzureDeployment run() {
            names.reserve("location");
            names.reserve("resourceSuffix");
            names.reserve("appName");
            parameters.add(new AzureParameter("location", AzureParameter.ParamType.STRING,
                    Optional.of(new Value.Context(Value.ContextValue.LOCATION)), List.of(),
                    Optional.of("The Azure region to deploy to."), false, templateStart));
            parameters.add(new AzureParameter("appName", AzureParameter.ParamType.STRING,
                    Optional.of(Value.text(appName(app.source()))), List.of(),
                    Optional.of("A short name of the application, used in every resource name."), false,
                    templateStart));
            parameters.add(new AzureParameter("resourceSuffix", AzureParameter.ParamType.STRING,
                    Optional.of(new Value.Call(Value.Fn.UNIQUE_STRING,
                            List.of(new Value.Context(Value.ContextValue.RESOURCE_GROUP_ID)))), List.of(),
                    Optional.of("Makes globally unique resource names (storage, function apps) unique."), false,
                    templateStart));
            for (Parameter p : app.parameters()) {
                parameterNames.put(p.name(), names.parameter(p.name()));
            }
            for (var c : app.conditions()) {
                variableNames.put(c.name(), names.parameter(c.name()));
            }
            for (Mapping m : app.mappings()) {
                variableNames.put(m.name(), names.parameter(m.name()));
            }
            List<List<Function>> groups = groups();
            for (List<Function> members : groups) {
                String symbol = names.symbol(members.get(0).logicalId() + (group && members.size() > 1 ? "Group" : ""));
                members.forEach(f -> appOfFunction.put(f.logicalId(), symbol));
            }
            app.parameters().forEach(this::parameter);
            app.conditions().forEach(c -> variables.add(new AzureVariable(variableNames.get(c.name()),
                    values.translate(c.expression(), c.location(), Optional.empty()), c.location())));
            app.mappings().forEach(this::mapping);

            Shared shared = shared();
            services.plan(app.resources());
            String sharedPlan = kind == PlanKind.FLEX_CONSUMPTION ? null : hostingPlan("hostingPlan",
                    Value.text("plan-"), app.functions(), Optional.empty(), templateStart);
            apiManagement = new ApiManagement(this, app.functions(), app.resources(), appOfFunction);
            for (List<Function> members : groups) {
                functionApp(members, appOfFunction.get(members.get(0).logicalId()), shared, sharedPlan);
            }
            apiManagement.plan(templateStart);
            if (kind == PlanKind.CONSUMPTION) {
                deviation(DeviationCatalog.CONSUMPTION_RETIREMENT, "the Linux Consumption plan retires on 30 September"
                        + " 2028 and gets no new language versions; Flex Consumption is its successor",
                        templateStart, Optional.of(Deviation.Target.resource(sharedPlan)));
            }
            if (!app.functions().isEmpty()) {
                deviation(DeviationCatalog.NO_CODE_LOCATION, "the function code is published separately from this"
                        + " deployment", templateStart, Optional.empty());
            }
            unsupported();
            app.outputs().forEach(this::output);
            List<AzureParameter> all = new ArrayList<>(parameters);
            all.addAll(addedParameters);
            return new AzureDeployment(app.source(), kind, reason, all, variables, resources, outputs, deviations);
        }

        // ------------------------------------------------------------ parameters, variables, outputs

        private void parameter(Parameter p) {
            String type = p.type();
            AzureParameter.ParamType azType = type.startsWith("List<") || type.equals("CommaDelimitedList")
                    || type.startsWith("AWS::SSM::Parameter::Value<List") || type.startsWith("AWS::SSM::Parameter::Value<Comma")
                    ? AzureParameter.ParamType.ARRAY
                    : type.equals("Number") && integral(p) ? AzureParameter.ParamType.INT : AzureParameter.ParamType.STRING;
            // An SSM parameter type's default is the name of a Parameter Store entry, not its value.
            boolean ssm = type.startsWith("AWS::SSM::Parameter::Value<");
            Optional<Value> defaultValue = ssm ? Optional.empty() : p.defaultValue().map(d -> parameterValue(d, azType));
            List<Value> allowed = p.allowedValues().stream().map(v -> parameterValue(v, azType)).toList();
            String description = p.description().orElse("");
            if (type.startsWith("AWS::")) {
                description = (description.isEmpty() ? "" : description + " ") + "(An " + type
                        + " in the AWS template: supply the Azure counterpart.)"
                        + (ssm && p.defaultValue().isPresent() ? " Its AWS default names the Parameter Store entry "
                        + p.defaultValue().get() + "." : "");
            }
            parameters.add(new AzureParameter(parameterNames.get(p.name()), azType, defaultValue, allowed,
                    description.isEmpty() ? Optional.empty() : Optional.of(description), p.secret(), p.location()));
        }

        private static boolean integral(Parameter p) {
            return p.defaultValue().map(d -> d instanceof Expr.NumberLiteral n && n.value().stripTrailingZeros().scale() <= 0
                    || d instanceof Expr.StringLiteral s && s.value().matches("-?\\d+")).orElse(true);
        }

        private static Value parameterValue(Expr value, AzureParameter.ParamType type) {
            if (type == AzureParameter.ParamType.ARRAY && value instanceof Expr.ListExpr list) {
                // A Terraform list(string) default: the items themselves, not a comma-separated string.
                return new Value.Array(list.items().stream().map(i -> parameterValue(i, AzureParameter.ParamType.STRING))
                        .toList());
            }
            String text = value instanceof Expr.StringLiteral s ? s.value()
                    : value instanceof Expr.NumberLiteral n ? n.value().toPlainString()
                    : value instanceof Expr.BooleanLiteral b ? Boolean.toString(b.value()) : value.toString();
            if (type == AzureParameter.ParamType.INT && text.matches("-?\\d+")) {
                return new Value.Number(new BigDecimal(text));
            }
            if (type == AzureParameter.ParamType.ARRAY) {
                return new Value.Array(text.isEmpty() ? List.of()
                        : java.util.Arrays.stream(text.split(",")).map(String::strip).map(Value::text).toList());
            }
            return Value.text(text);
        }

        private void mapping(Mapping m) {
            Map<String, Value> top = new LinkedHashMap<>();
            m.entries().forEach((key, second) -> {
                Map<String, Value> inner = new LinkedHashMap<>();
                second.forEach((k, v) -> inner.put(k, values.translate(v, m.location(), Optional.empty())));
                top.put(key, new Value.Obj(inner));
            });
            variables.add(new AzureVariable(variableNames.get(m.name()), new Value.Obj(top), m.location()));
        }

        private void output(io.lambda2azure.core.model.Output o) {
            if (references(o.value())) {
                deviation(DeviationCatalog.OUTPUT_NOT_CARRIED, "output " + o.name() + " returns " + o.value()
                        + ", a value of AWS resources", o.location(), Optional.empty());
                return;
            }
            Value value = values.translate(o.value(), o.location(), Optional.empty());
            if (o.condition().isPresent()) {
                value = new Value.Conditional(new Value.Variable(variableNames.get(o.condition().get())), value,
                        Value.text(""));
            }
            outputs.add(new AzureOutput(names.parameter(o.name()), AzureParameter.ParamType.STRING, value,
                    o.description(), o.location()));
        }

        /** Whether a value refers to AWS resources other than the functions of the template. */
        private boolean references(Expr expr) {
            if (expr instanceof Expr.ResourceRef r) {
                String id = r.logicalId().split("\\.")[0];
                return !appOfFunction.containsKey(id) && services.counterpart(id).isEmpty();
            }
            if (expr instanceof Expr.AttributeRef a) {
                return !appOfFunction.containsKey(a.logicalId()) && services.counterpart(a.logicalId()).isEmpty();
            }
            if (expr instanceof Expr.Interpolation i) {
                return i.parts().stream().anyMatch(this::references);
            }
            if (expr instanceof Expr.ListExpr l) {
                return l.items().stream().anyMatch(this::references);
            }
            if (expr instanceof Expr.Join j) {
                return references(j.values());
            }
            if (expr instanceof Expr.Conditional c) {
                return references(c.whenTrue()) || references(c.whenFalse());
            }
            return expr instanceof Expr.ImportValue || expr instanceof Expr.Unknown;
        }

        // ------------------------------------------------------------ shared resources

        private record Shared(String storage, String insights) {
        }

        private Shared shared() {
            int retention = 30;
            boolean logGroups = false;
            for (DependencyResource r : app.resources()) {
                if (r instanceof DependencyResource.LogGroup group) {
                    logGroups = true;
                    Optional<Integer> days = group.retentionInDays().flatMap(AzurePlanner::integer);
                    if (days.isPresent()) {
                        // A PerGB2018 workspace keeps data 30 to 730 days (learn.microsoft.com/azure/azure-monitor/logs/data-retention-configure).
                        retention = Math.max(retention, Math.min(730, days.get()));
                    }
                }
            }
            String workspace = names.symbol("logAnalytics");
            add(new AzureResource.LogAnalyticsWorkspace(workspace, name("log-"), Optional.empty(),
                    Value.number(retention), templateStart));
            if (logGroups) {
                deviation(DeviationCatalog.LOG_SETTINGS, "log groups become the Log Analytics workspace; its retention"
                        + " is " + retention + " days", templateStart, Optional.of(Deviation.Target.resource(workspace)));
            }
            String insights = names.symbol("appInsights");
            add(new AzureResource.ApplicationInsights(insights, name("appi-"), Optional.empty(), workspace,
                    true, templateStart));
            String storage = names.symbol("hostStorage");
            // Storage names: 3-24 lower-case letters and digits; "st" + 13-character suffix.
            add(new AzureResource.StorageAccount(storage, new Value.Interpolation(List.of(Value.text("st"),
                    new Value.Param("resourceSuffix"))), Optional.empty(), "Standard_LRS", false, "TLS1_2", false,
                    templateStart));
            return new Shared(storage, insights);
        }

        /** {@code <prefix><appName>-<resourceSuffix>}. */
        private static Value name(String prefix) {
            return new Value.Interpolation(List.of(Value.text(prefix), new Value.Param("appName"), Value.text("-"),
                    new Value.Param("resourceSuffix")));
        }

        /**
         * {@code <prefix><appName>-<function>-<resourceSuffix>}. Sites and plans allow 60 characters
         * (learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules#microsoftweb): with a
         * 5-character prefix, appName at most 20 and a 13-character suffix, 20 are left for the function.
         */
        private static Value name(String prefix, String function) {
            return new Value.Interpolation(List.of(Value.text(prefix), new Value.Param("appName"),
                    Value.text("-" + Names.kebab(function, 20) + "-"), new Value.Param("resourceSuffix")));
        }

        private String hostingPlan(String base, Value prefix, List<Function> functions, Optional<Value> condition,
                                   SourceLocation source) {
            int memory = 0;
            for (Function f : functions) {
                memory = Math.max(memory, f.memorySize().flatMap(AzurePlanner::integer).orElse(128));
            }
            PlanFacts.InstanceSize size = facts.sizeFor(memory);
            String symbol = names.symbol(base);
            // One Flex plan per app: named after the app's first function, whatever the group's size.
            Value planName = kind == PlanKind.FLEX_CONSUMPTION
                    ? name("plan-", functions.get(0).logicalId()) : name(((Value.Text) prefix).value());
            // Premium: the plan's burst limit; Linux Premium scales to 20-100 instances by region, so 20 is safe
            // everywhere (learn.microsoft.com/azure/azure-functions/functions-scale).
            Optional<Integer> burst = kind == PlanKind.PREMIUM ? Optional.of(facts.maxInstances()) : Optional.empty();
            add(new AzureResource.HostingPlan(symbol, planName, condition, kind, size.sku(), size.tier(),
                    burst, source));
            return symbol;
        }

        // ------------------------------------------------------------ function apps

        private List<List<Function>> groups() {
            List<List<Function>> groups = new ArrayList<>();
            if (!group) {
                app.functions().forEach(f -> groups.add(List.of(f)));
                return groups;
            }
            Map<String, List<Function>> byKey = new LinkedHashMap<>();
            for (Function f : app.functions()) {
                String key = f.runtime() + "|" + f.vpc() + "|" + f.condition() + "|" + f.architectures() + "|" + f.code()
                        .map(c -> c instanceof FunctionCode.ContainerImage ? f.logicalId() : "zip").orElse("zip");
                List<Function> members = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                boolean conflict = members.stream().anyMatch(m -> m.environment().entrySet().stream().anyMatch(e ->
                        f.environment().containsKey(e.getKey()) && !f.environment().get(e.getKey()).equals(e.getValue())));
                if (conflict) {
                    byKey.computeIfAbsent(key + "|" + f.logicalId(), k -> new ArrayList<>()).add(f);
                } else {
                    members.add(f);
                }
            }
            groups.addAll(byKey.values());
            return groups;
        }

        private void functionApp(List<Function> members, String symbol, Shared shared, String sharedPlan) {
            Function first = members.get(0);
            SourceLocation at = first.location();
            Optional<Value> condition = first.condition().map(c -> new Value.Variable(variableNames.get(c)));
            Deviation.Target appTarget = Deviation.Target.resource(symbol);

            String identity = names.symbol(first.logicalId() + "Identity");
            add(new AzureResource.UserAssignedIdentity(identity, name("id-", first.logicalId()), condition, at));
            String plan = sharedPlan != null ? sharedPlan
                    : hostingPlan(first.logicalId() + "Plan", Value.text("plan-"), members, condition, at);

            // Compute: runtime, memory, timeout.
            Optional<AzureResource.Runtime> runtime = runtime(first, symbol);
            if (runtime.isEmpty() && kind == PlanKind.FLEX_CONSUMPTION) {
                // Flex Consumption requires a runtime: what could not be chosen is asked for at deployment.
                runtime = Optional.of(AzureResource.Runtime.fromParameters(
                        addParameter(symbol + "RuntimeName", AzureParameter.ParamType.STRING, "The Flex Consumption"
                                + " runtime of " + symbol + " (dotnet-isolated, java, node, powershell, python or custom),"
                                + " which could not be chosen from the AWS template.", first.location()),
                        addParameter(symbol + "RuntimeVersion", AzureParameter.ParamType.STRING, "The version of the"
                                + " Flex Consumption runtime of " + symbol + " (for example 3.12 for python).",
                                first.location())));
            }
            int memory = memory(members, symbol, plan);
            Optional<Integer> timeout = timeout(members, symbol);

            // Deployment container (Flex: functionAppConfig.deployment; other plans: run from package).
            String container = names.symbol(first.logicalId() + "Package");
            // Container names: 3-63 lower-case letters, digits and hyphens
            // (learn.microsoft.com/rest/api/storageservices/naming-and-referencing-containers--blobs--and-metadata).
            Value containerName = Value.text("app-package-" + Names.kebab(first.logicalId(), 63 - "app-package-".length()));
            add(new AzureResource.BlobContainer(container, containerName, condition, shared.storage(), at));

            List<AppSetting> settings = new ArrayList<>();
            hostSettings(settings, identity, shared, runtime, container, containerName);
            AppWiring wiring = new AppWiring(this, services, symbol, identity, condition, settings, systemTopics);
            List<Trigger> triggers = wiring.triggers;
            List<Value> cors = new ArrayList<>();
            for (Function f : members) {
                environment(f, symbol, settings, wiring);
                for (EventSource event : f.events()) {
                    trigger(f, event, symbol, triggers, settings, cors, wiring);
                }
                permissions.apply(f, wiring, symbol);
                features(f, symbol, plan);
            }
            wiring.reportSdkConnections(at);
            long httpFunctions = triggers.stream().filter(t -> t.type().equals("httpTrigger")).count();
            if (httpFunctions > 0) {
                deviation(DeviationCatalog.HTTP_ROUTE_CHANGED, "HTTP routes of " + symbol + " are served under"
                        + " https://<app>.azurewebsites.net/api/", at, Optional.of(appTarget));
            }

            // Scale: reserved and provisioned concurrency.
            Optional<Value> maxInstances = reserved(members, symbol);
            List<AzureResource.AlwaysReady> alwaysReady = new ArrayList<>();
            Optional<Value> warm = provisioned(members, symbol, alwaysReady);

            Optional<AzureResource.FlexConfig> flex = Optional.empty();
            AzureResource.SiteSettings site;
            if (kind == PlanKind.FLEX_CONSUMPTION) {
                flex = Optional.of(new AzureResource.FlexConfig(memory,
                        maxInstances.orElse(Value.number(PlanCatalog.FLEX_DEFAULT_MAX_INSTANCES)), alwaysReady, container));
                site = new AzureResource.SiteSettings(Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), cors, "1.2", Optional.empty(), true, false);
            } else {
                site = new AzureResource.SiteSettings(
                        kind == PlanKind.DEDICATED ? Optional.of(true) : Optional.empty(),
                        kind == PlanKind.DEDICATED ? Optional.empty() : maxInstances,
                        kind == PlanKind.PREMIUM ? Optional.of(Value.number(1)).filter(v -> warm.isPresent()) : Optional.empty(),
                        kind == PlanKind.PREMIUM ? warm : Optional.empty(),
                        cors, "1.2", Optional.of("Disabled"), true, false);
            }

            if (kind == PlanKind.PREMIUM || kind == PlanKind.CONSUMPTION) {
                deviation(DeviationCatalog.NO_CONTENT_SHARE, symbol + " runs from app.zip in its deployment container;"
                        + " no Azure Files share with an account key is created", at, Optional.of(appTarget));
            }
            Optional<Value> subnet = network(members, symbol);
            slots(members, symbol, at, condition);
            add(new AzureResource.FunctionApp(symbol, name("func-", first.logicalId()), condition, plan, kind,
                    runtime, flex, site, settings, identity, shared.storage(), shared.insights(), subnet, timeout,
                    triggers, members.stream().map(Function::logicalId).toList(), wiring.gaps, wiring.hostSettings,
                    wiring.keyVaultReferences, at));

            // Least privilege for the host: blob data owner (deployment package, locks, keys) and table data
            // contributor (diagnostic events) on its storage, metrics publisher on Application Insights
            // (learn.microsoft.com/azure/azure-functions/functions-reference#connecting-to-host-storage-with-an-identity).
            roleAssignment(symbol, "BlobOwner", shared.storage(), Roles.STORAGE_BLOB_DATA_OWNER, identity, condition, at,
                    "The Functions host reads and writes its keys, locks and deployment package.");
            roleAssignment(symbol, "TableContributor", shared.storage(), Roles.STORAGE_TABLE_DATA_CONTRIBUTOR, identity,
                    condition, at, "The Functions host writes diagnostic events.");
            if (triggers.stream().anyMatch(t -> !t.type().equals("httpTrigger") && !t.type().equals("timerTrigger"))) {
                roleAssignment(symbol, "QueueContributor", shared.storage(), Roles.STORAGE_QUEUE_DATA_CONTRIBUTOR,
                        identity, condition, at, "Triggers that keep state in host storage queues.");
            }
            if (triggers.stream().anyMatch(t -> t.type().equals("blobTrigger"))) {
                // The blob trigger's host storage needs it besides the data roles
                // (learn.microsoft.com/azure/azure-functions/functions-bindings-storage-blob-trigger#identity-based-connections).
                roleAssignment(symbol, "AccountContributor", shared.storage(), Roles.STORAGE_ACCOUNT_CONTRIBUTOR,
                        identity, condition, at, "The blob trigger manages its receipts in host storage.");
            }
            roleAssignment(symbol, "MetricsPublisher", shared.insights(), Roles.MONITORING_METRICS_PUBLISHER, identity,
                    condition, at, "The Functions host sends telemetry with Microsoft Entra authentication.");
            wiring.flush();
            Value appName = Value.ref(symbol, Value.Attribute.NAME);
            outputs.add(new AzureOutput(names.parameter(symbol + "Name"), AzureParameter.ParamType.STRING,
                    condition.<Value>map(c -> new Value.Conditional(c, appName, Value.text(""))).orElse(appName),
                    Optional.of("The function app hosting "
                    + String.join(", ", members.stream().map(Function::logicalId).toList()) + "."), at));
        }

        private void roleAssignment(String app, String purpose, String scope, RoleDefinition role, String identity,
                                    Optional<Value> condition, SourceLocation at, String description) {
            String symbol = names.symbol(app + purpose);
            Value name = new Value.Call(Value.Fn.GUID, List.of(Value.ref(scope, Value.Attribute.ID),
                    Value.ref(identity, Value.Attribute.ID), Value.text(role.id())));
            add(new AzureResource.RoleAssignment(symbol, name, condition, scope, role, identity, description, at));
        }

        private void hostSettings(List<AppSetting> settings, String identity, Shared shared,
                                  Optional<AzureResource.Runtime> runtime, String container, Value containerName) {
            SourceLocation none = SourceLocation.UNKNOWN;
            // Identity-based host storage (learn.microsoft.com/azure/azure-functions/functions-app-settings).
            settings.add(new AppSetting("AzureWebJobsStorage__accountName", Value.ref(shared.storage(), Value.Attribute.NAME), none));
            settings.add(new AppSetting("AzureWebJobsStorage__credential", Value.text("managedidentity"), none));
            settings.add(new AppSetting("AzureWebJobsStorage__clientId", Value.ref(identity, Value.Attribute.CLIENT_ID), none));
            settings.add(new AppSetting("APPLICATIONINSIGHTS_CONNECTION_STRING",
                    Value.ref(shared.insights(), Value.Attribute.CONNECTION_STRING), none));
            settings.add(new AppSetting("APPLICATIONINSIGHTS_AUTHENTICATION_STRING", new Value.Interpolation(List.of(
                    Value.text("Authorization=AAD;ClientId="), Value.ref(identity, Value.Attribute.CLIENT_ID))), none));
            if (kind != PlanKind.FLEX_CONSUMPTION) {
                // Flex sets these through functionAppConfig; the other plans need them as settings.
                settings.add(new AppSetting("FUNCTIONS_EXTENSION_VERSION", Value.text("~4"), none));
                runtime.ifPresent(r -> settings.add(new AppSetting("FUNCTIONS_WORKER_RUNTIME", Value.text(r.name()), none)));
                // Run from a package in the deployment container, fetched with the identity, so no Azure Files
                // share with an account key is needed (learn.microsoft.com/azure/azure-functions/run-functions-from-deployment-package).
                settings.add(new AppSetting("WEBSITE_RUN_FROM_PACKAGE", new Value.Interpolation(List.of(
                        Value.ref(shared.storage(), Value.Attribute.BLOB_ENDPOINT), containerName,
                        Value.text("/app.zip"))), none));
                settings.add(new AppSetting("WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID",
                        Value.ref(identity, Value.Attribute.ID), none));
            }
        }

        private Optional<AzureResource.Runtime> runtime(Function f, String app) {
            SourceLocation at = f.locationOf("Runtime");
            Deviation.Target target = Deviation.Target.property(app, "runtime");
            if (f.code().isPresent() && f.code().get() instanceof FunctionCode.ContainerImage) {
                Severity severity = facts.containers() ? Severity.WARNING : Severity.BLOCKER;
                deviation(DeviationCatalog.CONTAINER_NOT_ON_PLAN, severity, f.logicalId() + " is a container image; "
                        + (facts.containers() ? "push it to Azure Container Registry and set linuxFxVersion to"
                        + " DOCKER|<image>" : kind.title() + " cannot run container images"), f.locationOf("PackageType"),
                        Optional.of(target));
                return Optional.empty();
            }
            Optional<String> literal = f.runtime().flatMap(Expr::asString);
            if (literal.isEmpty()) {
                deviation(DeviationCatalog.UNKNOWN_RUNTIME, f.logicalId() + "'s runtime is "
                        + f.runtime().map(Object::toString).orElse("not set") + ", so no runtime was chosen", at,
                        Optional.of(target));
                return Optional.empty();
            }
            Runtimes.Mapping mapping = Runtimes.map(literal.get(), kind);
            if (mapping instanceof Runtimes.Mapped m) {
                if (m.changed()) {
                    deviation(DeviationCatalog.RUNTIME_VERSION_CHANGED, m.downgraded() ? Severity.WARNING : Severity.INFO,
                            literal.get() + " runs as " + m.runtime().name() + " " + m.runtime().version()
                                    + (m.downgraded() ? ", an older version: " + kind.title() + " offers no newer one"
                                    : ", the nearest version Azure Functions supports"), at, Optional.of(target));
                }
                return Optional.of(m.runtime());
            }
            if (mapping instanceof Runtimes.Custom c) {
                deviation(DeviationCatalog.CUSTOM_HANDLER, literal.get() + " runs as a custom handler", at,
                        Optional.of(target));
                return Optional.of(c.runtime());
            }
            if (mapping instanceof Runtimes.NotOnPlan n) {
                deviation(DeviationCatalog.VERSION_NOT_ON_PLAN, kind.title() + " offers no supported " + n.language()
                        + " version for " + literal.get(), at, Optional.of(target));
                return Optional.empty();
            }
            deviation(DeviationCatalog.UNKNOWN_RUNTIME, "'" + literal.get() + "' is not a Lambda runtime lambda2azure"
                    + " knows", at, Optional.of(target));
            return Optional.empty();
        }

        private int memory(List<Function> members, String app, String plan) {
            int largest = 128; // Lambda's default memory (docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html)
            for (Function f : members) {
                Optional<Expr> memory = f.memorySize();
                if (memory.isPresent() && integer(memory.get()).isEmpty()) {
                    deviation(DeviationCatalog.MEMORY_AT_DEPLOYMENT, f.logicalId() + "'s memory is " + memory.get(),
                            f.locationOf("MemorySize"), Optional.of(kind == PlanKind.FLEX_CONSUMPTION
                                    ? Deviation.Target.property(app, "instanceMemory")
                                    : Deviation.Target.property(plan, "sku")));
                    largest = Math.max(largest, 2048);
                }
                int mb = memory.flatMap(AzurePlanner::integer).orElse(128);
                if (mb > facts.largestMemoryMB()) {
                    deviation(DeviationCatalog.MEMORY_ABOVE_PLAN, f.logicalId() + " has " + mb + " MB; " + kind.title()
                                    + " instances have at most " + facts.largestMemoryMB() + " MB", f.locationOf("MemorySize"),
                            Optional.of(kind == PlanKind.FLEX_CONSUMPTION ? Deviation.Target.property(app, "instanceMemory")
                                    : Deviation.Target.property(plan, "sku")));
                }
                largest = Math.max(largest, mb);
            }
            return facts.sizeFor(largest).memoryMB();
        }

        private Optional<Integer> timeout(List<Function> members, String app) {
            int longest = 0;
            boolean symbolic = false;
            for (Function f : members) {
                if (f.timeout().isPresent() && integer(f.timeout().get()).isEmpty()) {
                    // Chosen at deployment (at most Lambda's 900 s): keep the plan's default, or its maximum.
                    symbolic = true;
                    continue;
                }
                // Lambda's default timeout is 3 seconds (docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html).
                int seconds = f.timeout().flatMap(AzurePlanner::integer).orElse(3);
                SourceLocation at = f.locationOf("Timeout");
                if (facts.maxTimeoutSeconds().isPresent() && seconds > facts.maxTimeoutSeconds().get()) {
                    deviation(DeviationCatalog.TIMEOUT_ABOVE_PLAN, f.logicalId() + " may run " + seconds + " s; "
                            + kind.title() + " stops executions after " + facts.maxTimeoutSeconds().get() + " s", at,
                            Optional.of(Deviation.Target.resource(app)));
                    seconds = facts.maxTimeoutSeconds().get();
                }
                boolean http = f.events().stream().anyMatch(e -> e instanceof EventSource.Http);
                if (http && seconds > PlanCatalog.HTTP_RESPONSE_LIMIT_SECONDS) {
                    deviation(DeviationCatalog.HTTP_RESPONSE_LIMIT, f.logicalId() + " is HTTP-triggered with a "
                            + seconds + " s timeout; responses after 230 s are cut off", at,
                            Optional.of(Deviation.Target.resource(app)));
                }
                longest = Math.max(longest, seconds);
            }
            if (symbolic) {
                return facts.maxTimeoutSeconds();
            }
            return longest == 0 ? Optional.empty() : Optional.of(longest);
        }

        private void environment(Function f, String app, List<AppSetting> settings, AppWiring wiring) {
            f.environment().forEach((name, value) -> {
                SourceLocation at = f.locationOf("Environment");
                Optional<Deviation.Target> target = Optional.of(Deviation.Target.property(app, "appSettings." + name));
                if (secretParameter(value)) {
                    deviation(DeviationCatalog.SECRET_SETTING, name + " of " + f.logicalId() + " comes from a secret"
                            + " parameter", at, target);
                }
                if (settings.stream().noneMatch(s -> s.name().equals(name))) {
                    Value translated = wiring.secretReference(value, name, at)
                            .orElseGet(() -> values.translate(value, at, target));
                    settings.add(new AppSetting(name, translated, at));
                }
            });
        }

        private boolean secretParameter(Expr value) {
            if (value instanceof Expr.ParameterRef p) {
                return app.parameter(p.name()).map(Parameter::secret).orElse(false);
            }
            if (value instanceof Expr.Interpolation i) {
                return i.parts().stream().anyMatch(this::secretParameter);
            }
            return false;
        }

        private void trigger(Function f, EventSource event, String app, List<Trigger> triggers,
                             List<AppSetting> settings, List<Value> cors, AppWiring wiring) {
            Optional<Deviation.Target> target = Optional.of(Deviation.Target.resource(app));
            // Azure Functions has one trigger per function and unique function names per app: a Lambda with
            // several events becomes one Azure function per event.
            String function = f.events().size() == 1 ? f.logicalId()
                    : f.logicalId() + "_" + event.id().replaceAll("[^A-Za-z0-9_-]", "_");
            if (event instanceof EventSource.Http http) {
                Map<String, String> binding = new LinkedHashMap<>();
                String route = http.path().replaceFirst("^/", "").replace("{proxy+}", "{*proxy}")
                        .replaceAll("\\{([A-Za-z0-9_]+)\\+}", "{*$1}");
                if ("$default".equals(route)) {
                    route = "{*path}";
                }
                binding.put("route", route);
                binding.put("methods", "ANY".equals(http.method()) ? "" : http.method().toLowerCase(Locale.ROOT));
                ApiManagement.Protection protection = apiManagement.protection(http);
                // Behind API Management the trigger requires the function key API Management sends, so that the
                // gateway's checks cannot be bypassed.
                binding.put("authLevel", protection == ApiManagement.Protection.OPEN ? "anonymous" : "function");
                if (protection == ApiManagement.Protection.FUNCTION_KEY) {
                    deviation(DeviationCatalog.HTTP_AUTH_CHANGED, http.method() + " " + http.path() + " is protected by "
                            + describe(http.auth().get()) + "; on Azure it requires a function key", http.location(), target);
                } else if (protection == ApiManagement.Protection.LAMBDA_AUTHORIZER) {
                    deviation(DeviationCatalog.LAMBDA_AUTHORIZER, http.method() + " " + http.path() + " is protected by "
                            + apiManagement.describe(http) + "; the authorizer's logic is not carried: on Azure the"
                            + " route requires a function key and is not behind API Management", http.location(), target);
                }
                http.cors().ifPresent(c -> corsOrigins(c, http.location(), app, cors));
                Optional.ofNullable(dependencies.get(http.apiId().orElse(""))).ifPresent(api -> {
                    if (api instanceof DependencyResource.Api a) {
                        a.cors().ifPresent(c -> corsOrigins(c, a.location(), app, cors));
                    }
                });
                triggers.add(new Trigger(f.logicalId(), function, "httpTrigger", binding, http.id(), http.location()));
                return;
            }
            if (event instanceof EventSource.Schedule schedule) {
                Map<String, String> binding = new LinkedHashMap<>();
                Optional<String> expression = schedule.expression().asString();
                if (expression.isEmpty()) {
                    // The timer reads a schedule chosen at deployment from an app setting (%NAME%).
                    binding.put("schedule", "%" + settingName(function) + "_SCHEDULE%");
                    Optional<Value> rate = symbolicRate(schedule.expression(), schedule.location(), target);
                    settings.add(new AppSetting(settingName(function) + "_SCHEDULE", rate.orElseGet(() ->
                            values.translate(schedule.expression(), schedule.location(), target)), schedule.location()));
                    deviation(DeviationCatalog.SCHEDULE_NOT_EXACT, "the schedule " + schedule.expression()
                            + " is chosen at deployment; " + (rate.isPresent()
                            ? "app setting " + settingName(function) + "_SCHEDULE builds the NCRONTAB expression from it,"
                            + " exact when the value divides the next larger unit (60 minutes, 24 hours)"
                            : "app setting " + settingName(function) + "_SCHEDULE must hold an NCRONTAB expression"),
                            schedule.location(), target);
                } else {
                    Schedules.Conversion conversion = Schedules.convert(expression.get());
                    binding.put("schedule", conversion.ncrontab());
                    if (!conversion.exact()) {
                        deviation(DeviationCatalog.SCHEDULE_NOT_EXACT, "'" + expression.get() + "' becomes '"
                                + conversion.ncrontab() + "': " + conversion.note(), schedule.location(), target);
                    }
                }
                schedule.timezone().filter(tz -> !tz.equals(Expr.string("UTC"))).ifPresent(tz ->
                        deviation(DeviationCatalog.SCHEDULE_NOT_EXACT, "the schedule's time zone " + tz + " is not"
                                + " applied: the timer runs in UTC (WEBSITE_TIME_ZONE is not supported on Linux"
                                + " Consumption and Flex Consumption)", schedule.location(), target));
                if (schedule.enabled().filter(e -> e.equals(new Expr.BooleanLiteral(false))
                        || e.equals(Expr.string("DISABLED"))).isPresent()) {
                    settings.add(new AppSetting("AzureWebJobs." + function + ".Disabled", Value.text("true"),
                            schedule.location()));
                    deviation(DeviationCatalog.SCHEDULE_DISABLED, "the schedule of " + function + " was disabled",
                            schedule.location(), target);
                }
                triggers.add(new Trigger(f.logicalId(), function, "timerTrigger", binding, schedule.id(), schedule.location()));
                return;
            }
            wiring.event(f, event, function);
        }

        private void corsOrigins(Expr cors, SourceLocation at, String app, List<Value> origins) {
            List<Expr> items = CorsRules.of(cors).origins();
            if (items.isEmpty()) {
                return;
            }
            for (Expr item : items) {
                Value origin = CorsRules.unquote(item).asString().<Value>map(Value::text)
                        .orElseGet(() -> values.translate(item, at, Optional.of(Deviation.Target.resource(app))));
                if (!origins.contains(origin)) {
                    origins.add(origin);
                }
            }
            deviation(DeviationCatalog.CORS_CHANGED, "CORS origins " + items + " apply to the whole app " + app, at,
                    Optional.of(Deviation.Target.resource(app)));
        }

        /**
         * {@code rate(${X} minutes|hours|days)} with a symbolic X: the NCRONTAB expression built from the same
         * value ({@code 0 *}{@code /X * * * *}), so that the schedule stays a deployment-time choice.
         */
        private Optional<Value> symbolicRate(Expr expression, SourceLocation at, Optional<Deviation.Target> target) {
            if (!(expression instanceof Expr.Interpolation i) || i.parts().size() != 3
                    || !i.parts().get(0).equals(Expr.string("rate(")) || !(i.parts().get(2) instanceof Expr.StringLiteral unit)) {
                return Optional.empty();
            }
            String field = switch (unit.value().strip()) {
                case "minute)", "minutes)" -> "minutes";
                case "hour)", "hours)" -> "hours";
                case "day)", "days)" -> "days";
                default -> "";
            };
            if (field.isEmpty()) {
                return Optional.empty();
            }
            Value every = values.translate(i.parts().get(1), at, target);
            String before = switch (field) {
                case "minutes" -> "0 */";
                case "hours" -> "0 0 */";
                default -> "0 0 0 */";
            };
            String after = switch (field) {
                case "minutes" -> " * * * *";
                case "hours" -> " * * *";
                default -> " * *";
            };
            return Optional.of(new Value.Interpolation(List.of(Value.text(before), every, Value.text(after))));
        }

        private static String settingName(String function) {
            return function.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        }

        private void features(Function f, String app, String plan) {
            Optional<Deviation.Target> target = Optional.of(Deviation.Target.resource(app));
            if (f.architectures().filter(a -> a.toString().contains("arm64")).isPresent()) {
                deviation(DeviationCatalog.ARM64, f.logicalId() + " runs on arm64", f.locationOf("Architectures"), target);
            }
            if (!f.layers().isEmpty()) {
                deviation(DeviationCatalog.LAYERS, f.logicalId() + " uses " + f.layers().size()
                        + (f.layers().size() == 1 ? " layer" : " layers") + ": " + f.layers(), f.locationOf("Layers"), target);
            }
            f.ephemeralStorage().flatMap(AzurePlanner::integer).filter(mb -> mb > 512).ifPresent(mb ->
                    deviation(DeviationCatalog.EPHEMERAL_STORAGE, f.logicalId() + " asks for " + mb + " MB of /tmp",
                            f.locationOf("EphemeralStorage"), target));
            if (f.deploymentPreference().isPresent()) {
                deviation(DeviationCatalog.GRADUAL_DEPLOYMENT, f.logicalId() + " deploys gradually with CodeDeploy",
                        f.deploymentPreference().get().location(), target);
            }
            if (f.deadLetter().isPresent() || f.asyncInvokeConfig().isPresent()) {
                deviation(DeviationCatalog.ASYNC_DESTINATIONS, f.logicalId() + " has "
                        + (f.deadLetter().isPresent() ? "a dead-letter target" : "asynchronous invocation settings"),
                        f.deadLetter().isPresent() ? f.locationOf("DeadLetterQueue") : f.asyncInvokeConfig().get().location(),
                        target);
            }
            if (f.tracing().filter(t -> t.equals(Expr.string("Active"))).isPresent()) {
                deviation(DeviationCatalog.TRACING, f.logicalId() + " has active X-Ray tracing",
                        f.locationOf(f.propertyLocations().containsKey("Tracing") ? "Tracing" : "TracingConfig"), target);
            }
            if (f.logging().isPresent()) {
                deviation(DeviationCatalog.LOG_SETTINGS, f.logicalId() + " has logging settings",
                        f.locationOf("LoggingConfig"), target);
            }
        }

        private Optional<Value> reserved(List<Function> members, String app) {
            Optional<Value> limit = Optional.empty();
            for (Function f : members) {
                if (f.reservedConcurrency().isEmpty()) {
                    continue;
                }
                SourceLocation at = f.locationOf("ReservedConcurrentExecutions");
                Optional<Integer> n = integer(f.reservedConcurrency().get());
                Value value;
                String note;
                if (kind == PlanKind.FLEX_CONSUMPTION) {
                    int clamped = Math.max(PlanCatalog.FLEX_MIN_MAX_INSTANCES, Math.min(facts.maxInstances(), n.orElse(100)));
                    value = Value.number(clamped);
                    note = "maximumInstanceCount " + clamped + (n.isPresent() && n.get() < PlanCatalog.FLEX_MIN_MAX_INSTANCES
                            ? " (Flex Consumption's lowest; each instance also runs several executions at once)" : "");
                } else if (kind == PlanKind.DEDICATED) {
                    value = null;
                    note = "no per-app limit on Dedicated: the plan's instance count limits it";
                } else {
                    value = n.<Value>map(v -> Value.number(Math.min(v, facts.maxInstances()))).orElseGet(() -> values.translate(f.reservedConcurrency().get(), at,
                            Optional.of(Deviation.Target.property(app, "functionAppScaleLimit"))));
                    note = "functionAppScaleLimit " + n.map(v -> String.valueOf(Math.min(v, facts.maxInstances())))
                            .orElse("from a parameter");
                }
                deviation(DeviationCatalog.RESERVED_CONCURRENCY, f.logicalId() + " reserves "
                        + f.reservedConcurrency().get() + " executions; " + note, at,
                        Optional.of(kind == PlanKind.DEDICATED ? Deviation.Target.resource(app)
                                : Deviation.Target.property(app, kind == PlanKind.FLEX_CONSUMPTION
                                ? "maximumInstanceCount" : "functionAppScaleLimit")));
                if (value != null) {
                    limit = Optional.of(larger(limit, value));
                }
            }
            return limit;
        }

        /**
         * Provisioned concurrency: the Premium count (the largest of the members), and on Flex one always-ready
         * entry per function group that asked for it (http for HTTP functions, function:<name> otherwise).
         */
        private Optional<Value> provisioned(List<Function> members, String app,
                                            List<AzureResource.AlwaysReady> alwaysReady) {
            Optional<Value> warm = Optional.empty();
            for (Function f : members) {
                Optional<Expr> pc = f.provisionedConcurrency().or(() -> f.aliases().stream()
                        .flatMap(a -> a.provisionedConcurrency().stream()).findFirst());
                if (pc.isEmpty()) {
                    continue;
                }
                SourceLocation at = f.locationOf("ProvisionedConcurrencyConfig");
                if (!facts.warmInstances()) {
                    deviation(DeviationCatalog.NO_WARM_INSTANCES, f.logicalId() + " keeps " + pc.get()
                            + " environments initialized; " + kind.title() + " cannot keep instances warm", at,
                            Optional.of(Deviation.Target.resource(app)));
                    continue;
                }
                if (kind == PlanKind.DEDICATED) {
                    deviation(DeviationCatalog.PROVISIONED_CONCURRENCY, f.logicalId() + " keeps " + pc.get()
                            + " environments initialized; Always On keeps the Dedicated app loaded", at,
                            Optional.of(Deviation.Target.resource(app)));
                    continue;
                }
                Optional<Integer> n = integer(pc.get());
                Value count = n.<Value>map(v -> Value.number(kind == PlanKind.PREMIUM
                                ? Math.min(v, PlanCatalog.PREMIUM_MAX_ALWAYS_READY) : v))
                        .orElseGet(() -> values.translate(pc.get(), at, Optional.of(Deviation.Target.resource(app))));
                String shown = n.map(v -> String.valueOf(kind == PlanKind.PREMIUM
                        ? Math.min(v, PlanCatalog.PREMIUM_MAX_ALWAYS_READY) : v)).orElse("from " + pc.get());
                deviation(DeviationCatalog.PROVISIONED_CONCURRENCY, f.logicalId() + " keeps " + pc.get()
                        + " environments initialized; " + (kind == PlanKind.PREMIUM ? "minimumElasticInstanceCount "
                        : "always-ready instances ") + shown, at, Optional.of(Deviation.Target.property(app,
                        kind == PlanKind.PREMIUM ? "minimumElasticInstanceCount" : "alwaysReady")));
                warm = Optional.of(larger(warm, count));
                String group = f.events().stream().anyMatch(e -> e instanceof EventSource.Http) ? "http"
                        : "function:" + f.logicalId();
                Optional<AzureResource.AlwaysReady> same = alwaysReady.stream().filter(r -> r.name().equals(group))
                        .findFirst();
                same.ifPresent(alwaysReady::remove);
                alwaysReady.add(new AzureResource.AlwaysReady(group,
                        larger(same.map(AzureResource.AlwaysReady::instanceCount), count)));
            }
            return warm;
        }

        /** The larger of two counts when both are numbers; otherwise the one given last. */
        private static Value larger(Optional<Value> current, Value next) {
            if (current.isPresent() && current.get() instanceof Value.Number a && next instanceof Value.Number b) {
                return a.value().compareTo(b.value()) >= 0 ? a : b;
            }
            return next;
        }

        private Optional<Value> network(List<Function> members, String app) {
            for (Function f : members) {
                if (f.vpc().isEmpty()) {
                    continue;
                }
                SourceLocation at = f.locationOf("VpcConfig");
                if (!facts.vnetIntegration()) {
                    deviation(DeviationCatalog.VNET_NOT_ON_PLAN, f.logicalId() + " runs in a VPC", at,
                            Optional.of(Deviation.Target.resource(app)));
                    return Optional.empty();
                }
                String parameter = addParameter(app + "SubnetId", AzureParameter.ParamType.STRING, "The id of the subnet "
                        + app + " is integrated with, delegated to " + (kind == PlanKind.FLEX_CONSUMPTION
                        ? "Microsoft.App/environments" : "Microsoft.Web/serverFarms") + " (it replaces the VPC subnets "
                        + f.vpc().get().subnetIds().map(Object::toString).orElse("") + ").", at);
                deviation(DeviationCatalog.VNET_SUBNET_NEEDED, f.logicalId() + " runs in a VPC; parameter " + parameter
                        + " names its subnet", at, Optional.of(Deviation.Target.property(app, "subnet")));
                return Optional.of(new Value.Param(parameter));
            }
            return Optional.empty();
        }

        private void slots(List<Function> members, String app, SourceLocation at, Optional<Value> condition) {
            boolean versions = members.stream().anyMatch(f -> !f.aliases().isEmpty() || f.autoPublishAlias().isPresent());
            if (!versions) {
                return;
            }
            Function first = members.stream().filter(f -> !f.aliases().isEmpty()).findFirst().orElse(members.get(0));
            SourceLocation where = first.aliases().isEmpty() ? at : first.aliases().get(0).location();
            if (facts.slots() <= 1) {
                deviation(DeviationCatalog.NO_SLOTS, first.logicalId() + " publishes versions behind aliases "
                        + first.aliases().stream().map(a -> a.name().toString()).toList(), where,
                        Optional.of(Deviation.Target.resource(app)));
                return;
            }
            String slot = names.symbol(app + "Staging");
            add(new AzureResource.DeploymentSlot(slot, Value.text("staging"), condition, app, where));
            deviation(DeviationCatalog.ALIASES_AS_SLOTS, first.logicalId() + "'s aliases "
                    + first.aliases().stream().map(a -> a.name().toString()).toList() + " become a staging slot",
                    where, Optional.of(Deviation.Target.resource(slot)));
        }

        private void unsupported() {
            for (UnsupportedResource u : app.unsupportedResources()) {
                deviation(DeviationCatalog.UNSUPPORTED_RESOURCE, u.logicalId() + " (" + u.type() + "): " + u.reason(),
                        u.location(), Optional.empty());
            }
            for (UnmappedProperty p : app.unmappedProperties()) {
                String appSymbol = appOfFunction.get(p.resourceId());
                deviation(DeviationCatalog.UNMAPPED_PROPERTY, p.path() + " of " + p.resourceId() + " (" + p.resourceType()
                        + ") is not carried over", p.location(), Optional.ofNullable(appSymbol).map(Deviation.Target::resource));
            }
        }

        // ------------------------------------------------------------ ValueTranslator.Context

        @Override
        public Optional<String> parameter(String inputName) {
            return Optional.ofNullable(parameterNames.get(inputName));
        }

        @Override
        public Optional<String> variable(String inputName) {
            return Optional.ofNullable(variableNames.get(inputName));
        }

        @Override
        public Optional<String> functionApp(String logicalId) {
            return Optional.ofNullable(appOfFunction.get(logicalId));
        }

        @Override
        public Optional<String> resourceType(String logicalId) {
            return Optional.ofNullable(dependencies.get(logicalId)).map(DependencyResource::resourceType)
                    .or(() -> app.unsupportedResources().stream().filter(u -> u.logicalId().equals(logicalId))
                            .map(UnsupportedResource::type).findFirst());
        }

        @Override
        public String addParameter(String suggestedName, AzureParameter.ParamType type, String description,
                                   SourceLocation source) {
            String known = addedByDescription.get(description);
            if (known != null) {
                return known;
            }
            String name = names.parameter(suggestedName);
            addedByDescription.put(description, name);
            addedParameters.add(new AzureParameter(name, type, Optional.empty(), List.of(), Optional.of(description),
                    false, source));
            return name;
        }

        @Override
        public void deviation(Deviation deviation) {
            deviations.add(deviation);
        }

        @Override
        public void deviation(DeviationKind kind, String message, SourceLocation at, Optional<Deviation.Target> target) {
            deviation(kind, kind.severity(), message, at, target);
        }

        @Override
        public Optional<Value> counterpart(String logicalId, Optional<String> attribute) {
            return services.value(logicalId, attribute);
        }

        @Override
        public Names names() {
            return names;
        }

        @Override
        public void add(AzureResource resource) {
            resources.add(resource);
            bySymbol.put(resource.symbol(), resource);
        }

        @Override
        public Optional<AzureResource> resource(String symbol) {
            return Optional.ofNullable(bySymbol.get(symbol));
        }

        @Override
        public Value translate(Expr expr, SourceLocation at, Optional<Deviation.Target> target) {
            return values.translate(expr, at, target);
        }

        @Override
        public String addParameter(String suggestedName, AzureParameter.ParamType type, Value defaultValue,
                                   String description, SourceLocation source) {
            String known = addedByDescription.get(description);
            if (known != null) {
                return known;
            }
            String name = names.parameter(suggestedName);
            addedByDescription.put(description, name);
            addedParameters.add(new AzureParameter(name, type, Optional.of(defaultValue), List.of(),
                    Optional.of(description), false, source));
            return name;
        }

        @Override
        public String addSecureParameter(String suggestedName, String description, SourceLocation at) {
            String name = names.parameter(suggestedName);
            addedParameters.add(new AzureParameter(name, AzureParameter.ParamType.STRING, Optional.empty(), List.of(),
                    Optional.of(description), true, at));
            return name;
        }

        @Override
        public String addSwitch(String name, boolean defaultValue, String description, SourceLocation at) {
            String known = addedByDescription.get(description);
            if (known != null) {
                return known;
            }
            String unique = names.parameter(name);
            addedByDescription.put(description, unique);
            addedParameters.add(new AzureParameter(unique, AzureParameter.ParamType.BOOL,
                    Optional.of(Value.bool(defaultValue)), List.of(), Optional.of(description), false, at));
            return unique;
        }

        @Override
        public Optional<Value> condition(Optional<String> inputCondition) {
            return inputCondition.map(c -> new Value.Variable(variableNames.get(c)));
        }

        @Override
        public PlanKind plan() {
            return kind;
        }

        @Override
        public PlanOptions options() {
            return options;
        }

        private void deviation(DeviationKind kind, Severity severity, String message, SourceLocation at,
                               Optional<Deviation.Target> target) {
            deviations.add(new Deviation(kind, severity, message, at, target));
        }
    }

    private static String describe(HttpAuth auth) {
        List<String> parts = new ArrayList<>();
        auth.authorizer().ifPresent(a -> parts.add("authorizer " + a));
        auth.type().ifPresent(t -> parts.add("authorization " + t));
        auth.apiKeyRequired().ifPresent(k -> parts.add("API key " + k));
        return String.join(", ", parts);
    }

    /** Whether an expression is literally true ({@code true} or {@code "true"}). */
    static boolean isTrue(Expr expr) {
        return expr.equals(new Expr.BooleanLiteral(true))
                || expr.asString().filter(v -> v.equalsIgnoreCase("true")).isPresent();
    }

    /** A literal whole number, if the expression is one. */
    static Optional<Integer> integer(Expr expr) {
        try {
            if (expr instanceof Expr.NumberLiteral n) {
                return Optional.of(n.value().intValueExact());
            }
            if (expr instanceof Expr.StringLiteral s && s.value().strip().matches("-?\\d{1,9}")) {
                return Optional.of(Integer.parseInt(s.value().strip()));
            }
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static final java.util.Set<String> CONVENTIONAL_NAMES = java.util.Set.of("template", "main",
            "terraform", "tf", "infra", "infrastructure", "iac", "deploy");

    /**
     * The application's short name: the input's folder for a conventionally named input (template.yaml,
     * main.tf, or a Terraform folder such as terraform/ or infra/ inside the application's folder), else the
     * file's or folder's base name.
     */
    static String appName(String source) {
        java.nio.file.Path path = java.nio.file.Path.of(source.isEmpty() ? "app" : source);
        String file = path.getFileName() == null ? "app" : path.getFileName().toString();
        String base = file.replaceFirst("\\.tf\\.json$|\\.[^.]*$", "");
        if (CONVENTIONAL_NAMES.contains(base) && path.getParent() != null
                && path.getParent().getFileName() != null) {
            base = path.getParent().getFileName().toString();
        }
        String kebab = Names.kebab(base);
        return kebab.length() > 20 ? kebab.substring(0, 20).replaceAll("-+$", "") : kebab;
    }
}
