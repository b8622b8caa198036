package io.lambda2azure.emitters.terraform;

import io.lambda2azure.core.azure.AppSetting;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureOutput;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureParameter.ParamType;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.AlwaysReady;
import io.lambda2azure.core.azure.AzureResource.ApplicationInsights;
import io.lambda2azure.core.azure.AzureResource.BlobContainer;
import io.lambda2azure.core.azure.AzureResource.DeploymentSlot;
import io.lambda2azure.core.azure.AzureResource.FlexConfig;
import io.lambda2azure.core.azure.AzureResource.FunctionApp;
import io.lambda2azure.core.azure.AzureResource.HostingPlan;
import io.lambda2azure.core.azure.AzureResource.LogAnalyticsWorkspace;
import io.lambda2azure.core.azure.AzureResource.RoleAssignment;
import io.lambda2azure.core.azure.AzureResource.Runtime;
import io.lambda2azure.core.azure.AzureResource.SiteSettings;
import io.lambda2azure.core.azure.AzureResource.StorageAccount;
import io.lambda2azure.core.azure.AzureResource.UserAssignedIdentity;
import io.lambda2azure.core.azure.AzureVariable;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.RoleDefinition;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.azure.Value.Attribute;
import io.lambda2azure.core.azure.Value.ContextValue;
import io.lambda2azure.core.azure.Value.Fn;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.deviation.DeviationKind;
import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built deployments for the emitter's tests: one per plan, one that uses every kind of value, and one with
 * every language runtime. A copy of the Bicep emitter's fixtures (same models, so both outputs can be compared),
 * plus {@link #runtimes()}.
 */
final class Fixtures {

    static final String TEMPLATE = "template.yaml";

    private Fixtures() {
    }

    // ------------------------------------------------------------------ small builders

    static SourceLocation at(int line) {
        return new SourceLocation(TEMPLATE, line, 1);
    }

    static Value text(String s) {
        return Value.text(s);
    }

    static Value num(long n) {
        return Value.number(n);
    }

    static Value param(String name) {
        return new Value.Param(name);
    }

    static Value var(String name) {
        return new Value.Variable(name);
    }

    static Value ref(String symbol, Attribute attribute) {
        return Value.ref(symbol, attribute);
    }

    static Value ctx(ContextValue value) {
        return new Value.Context(value);
    }

    static Value call(Fn fn, Value... args) {
        return new Value.Call(fn, List.of(args));
    }

    static Value interpolation(Value... parts) {
        return new Value.Interpolation(List.of(parts));
    }

    /** {@code ${appName}-<suffix>-${resourceSuffix}}. */
    static Value resourceName(String suffix) {
        return interpolation(param("appName"), text("-" + suffix + "-"), param("resourceSuffix"));
    }

    static AzureParameter parameter(String name, ParamType type, Optional<Value> defaultValue, List<Value> allowed,
                                    String description, boolean secure) {
        return new AzureParameter(name, type, defaultValue, allowed, Optional.ofNullable(description), secure,
                at(1));
    }

    static Deviation deviation(DeviationKind kind, String message, int line, Optional<Deviation.Target> target) {
        return new Deviation(kind, kind.severity(), message, at(line), target);
    }

    static Deviation onResource(DeviationKind kind, String message, int line, String symbol) {
        return deviation(kind, message, line, Optional.of(Deviation.Target.resource(symbol)));
    }

    static Deviation onProperty(DeviationKind kind, String message, int line, String symbol, String property) {
        return deviation(kind, message, line, Optional.of(Deviation.Target.property(symbol, property)));
    }

    /** The parameters the planner always declares. */
    static List<AzureParameter> standardParameters() {
        return List.of(
                parameter("location", ParamType.STRING, Optional.of(ctx(ContextValue.LOCATION)), List.of(),
                        "The Azure region to deploy to.", false),
                parameter("appName", ParamType.STRING, Optional.of(text("orders")), List.of(),
                        "A short name of the application, used in every resource name.", false),
                parameter("resourceSuffix", ParamType.STRING,
                        Optional.of(call(Fn.UNIQUE_STRING, ctx(ContextValue.RESOURCE_GROUP_ID))), List.of(),
                        "Makes globally unique resource names (storage, function apps) unique.", false));
    }

    /** Workspace, Application Insights, storage with a deployment container, identity and a role on it. */
    static List<AzureResource> sharedResources(Optional<Value> storageCondition) {
        List<AzureResource> r = new ArrayList<>();
        r.add(new LogAnalyticsWorkspace("workspace", resourceName("logs"), Optional.empty(), num(30), at(1)));
        r.add(new ApplicationInsights("insights", resourceName("insights"), Optional.empty(), "workspace", true,
                at(1)));
        r.add(new StorageAccount("storage", call(Fn.TAKE, call(Fn.TO_LOWER, interpolation(param("appName"),
                param("resourceSuffix"))), num(24)), storageCondition, "Standard_LRS", false, "TLS1_2", false,
                at(1)));
        r.add(new UserAssignedIdentity("identity", resourceName("id"), Optional.empty(), at(1)));
        return r;
    }

    static RoleAssignment role(String symbol, String scope, RoleDefinition role, String description) {
        return new RoleAssignment(symbol, call(Fn.GUID, ref(scope, Attribute.ID), ref("identity", Attribute.ID),
                text(role.id())), Optional.empty(), scope, role, "identity", description, at(1));
    }

    static final RoleDefinition BLOB_OWNER = new RoleDefinition("Storage Blob Data Owner",
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b");
    static final RoleDefinition QUEUE_CONTRIBUTOR = new RoleDefinition("Storage Queue Data Contributor",
            "974c5e8b-45b9-4653-ba55-5f855dd0fb88");

    static List<AppSetting> hostSettings() {
        return List.of(
                new AppSetting("AzureWebJobsStorage__accountName", ref("storage", Attribute.NAME),
                        SourceLocation.UNKNOWN),
                new AppSetting("AzureWebJobsStorage__credential", text("managedidentity"), SourceLocation.UNKNOWN),
                new AppSetting("AzureWebJobsStorage__clientId", ref("identity", Attribute.CLIENT_ID),
                        SourceLocation.UNKNOWN),
                new AppSetting("APPLICATIONINSIGHTS_CONNECTION_STRING", ref("insights", Attribute.CONNECTION_STRING),
                        SourceLocation.UNKNOWN));
    }

    // ------------------------------------------------------------------ Flex Consumption

    /**
     * Flex Consumption: every shared resource, a blob container with a role on it, a function app with
     * always-ready instances, a subnet, CORS and basic publishing credentials off; secure, allowed and
     * typed parameters without defaults; deviations on the resource and on each property key.
     */
    static AzureDeployment flex() {
        List<AzureParameter> params = new ArrayList<>(standardParameters());
        params.add(parameter("stage", ParamType.STRING, Optional.empty(), List.of(text("dev"), text("prod")),
                "The stage to deploy.", false));
        params.add(parameter("dbPassword", ParamType.STRING, Optional.empty(), List.of(),
                "The database password (NoEcho parameter DbPassword).", true));
        params.add(parameter("subnetId", ParamType.STRING, Optional.empty(), List.of(), null, false));
        params.add(parameter("maxInstances", ParamType.INT, Optional.empty(), List.of(),
                "Reserved concurrency of OrdersFunction.", false));
        params.add(parameter("enableTracing", ParamType.BOOL, Optional.empty(), List.of(), null, false));
        params.add(parameter("allowedIps", ParamType.ARRAY, Optional.empty(), List.of(), null, false));
        params.add(parameter("tags", ParamType.OBJECT, Optional.of(new Value.Obj(Map.of())), List.of(),
                "Tags.", false));
        params.add(parameter("apiURLKey", ParamType.OBJECT, Optional.empty(), List.of(), null, true));

        List<AzureVariable> vars = List.of(
                new AzureVariable("isProd", call(Fn.EQUALS, param("stage"), text("prod")), at(5)));

        List<AzureResource> resources = new ArrayList<>(sharedResources(Optional.empty()));
        resources.add(new BlobContainer("deploymentContainer", text("app-package-orders"), Optional.empty(),
                "storage", at(1)));
        resources.add(new BlobContainer("uploadsContainer", text("uploads"), Optional.of(var("isProd")),
                "storage", at(40)));
        resources.add(role("deploymentContainerBlobOwner", "deploymentContainer", BLOB_OWNER,
                "Deploys the function package."));
        resources.add(role("storageQueueContributor", "storage", QUEUE_CONTRIBUTOR,
                "Lets OrdersFunction's queue trigger read its queue."));
        resources.add(new HostingPlan("ordersPlan", resourceName("plan"), Optional.empty(),
                PlanKind.FLEX_CONSUMPTION, "FC1", "FlexConsumption", Optional.empty(), at(10)));
        List<AppSetting> settings = new ArrayList<>(hostSettings());
        settings.add(new AppSetting("TABLE_NAME", text("arn:aws:dynamodb:us-east-1:123:table/orders"), at(20)));
        settings.add(new AppSetting("DB_PASSWORD", param("dbPassword"), at(21)));
        settings.add(new AppSetting("GREETING", text("It's ${name}\n"), at(22)));
        resources.add(new FunctionApp("ordersFunction", resourceName("orders"), Optional.empty(), "ordersPlan",
                PlanKind.FLEX_CONSUMPTION, Optional.of(new Runtime("python", "3.12", "Python|3.12")),
                Optional.of(new FlexConfig(2048, param("maxInstances"),
                        List.of(new AlwaysReady("http", num(2)), new AlwaysReady("function:orders", num(1))),
                        "deploymentContainer")),
                new SiteSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        List.of(text("https://example.com"), param("stage")), "1.2", Optional.empty(), true,
                        false),
                settings, "identity", "storage", "insights", Optional.of(param("subnetId")), Optional.empty(),
                List.of(), List.of("OrdersFunction"), at(12)));

        List<AzureOutput> outputs = List.of(
                new AzureOutput("ordersUrl", ParamType.STRING, interpolation(text("https://"),
                        ref("ordersFunction", Attribute.DEFAULT_HOST_NAME), text("/api/orders")),
                        Optional.of("The URL of the orders API."), at(60)),
                new AzureOutput("ordersAppName", ParamType.STRING, ref("ordersFunction", Attribute.NAME),
                        Optional.empty(), at(61)));

        List<Deviation> deviations = List.of(
                onProperty(DeviationCatalog.RUNTIME_VERSION_CHANGED, "OrdersFunction runs python3.9, which Azure"
                        + " Functions no longer supports; Python 3.12 is used", 13, "ordersFunction", "runtime"),
                onProperty(DeviationCatalog.MEMORY_ABOVE_PLAN, "OrdersFunction has 1536 MB; the instance has"
                        + " 2048 MB", 14, "ordersFunction", "instanceMemory"),
                onProperty(DeviationCatalog.RESERVED_CONCURRENCY, "OrdersFunction reserves 5 executions;"
                        + " maximumInstanceCount from a parameter", 15, "ordersFunction", "maximumInstanceCount"),
                onProperty(DeviationCatalog.PROVISIONED_CONCURRENCY, "OrdersFunction keeps 2 environments"
                        + " initialized; always-ready instances 2", 16, "ordersFunction", "alwaysReady"),
                onProperty(DeviationCatalog.AWS_VALUE, "TABLE_NAME names the DynamoDB table orders", 20,
                        "ordersFunction", "appSettings.TABLE_NAME"),
                onProperty(DeviationCatalog.SECRET_SETTING, "DB_PASSWORD comes from the NoEcho parameter"
                        + " DbPassword", 21, "ordersFunction", "appSettings.DB_PASSWORD"),
                onProperty(DeviationCatalog.VNET_SUBNET_NEEDED, "OrdersFunction runs in a VPC; the parameter"
                        + " subnetId names its subnet", 30, "ordersFunction", "subnet"),
                onProperty(DeviationCatalog.MEMORY_AT_DEPLOYMENT, "plan size note", 10, "ordersPlan", "sku"),
                onResource(DeviationCatalog.HTTP_RESPONSE_LIMIT, "OrdersFunction times out after 900 s; HTTP"
                        + " responses end after 230 s", 17, "ordersFunction"),
                onProperty(DeviationCatalog.LAYERS, "OrdersFunction uses 1 layer", 18, "ordersFunction",
                        "layers"),
                onResource(DeviationCatalog.UNMAPPED_PROPERTY, "Uploads bucket versioning is not carried over",
                        41, "uploadsContainer"),
                onResource(DeviationCatalog.NO_CODE_LOCATION, "no target, reports only", 2, "notGenerated"),
                deviation(DeviationCatalog.TRACING, "Tracing: Active becomes Application Insights", 3,
                        Optional.empty()));

        return new AzureDeployment(TEMPLATE, PlanKind.FLEX_CONSUMPTION, "chosen by the user", params, vars,
                resources, outputs, deviations);
    }

    // ------------------------------------------------------------------ Premium

    /**
     * Premium: burst limit on the plan, linuxFxVersion, scale limit, always-ready and pre-warmed instances,
     * FTPS off, basic publishing credentials on, a deployment slot, and a conditional function app.
     */
    static AzureDeployment premium() {
        List<AzureVariable> vars = List.of(new AzureVariable("createReports",
                call(Fn.NOT, call(Fn.EQUALS, param("appName"), text("test"))), at(5)));
        List<AzureResource> resources = new ArrayList<>(sharedResources(Optional.empty()));
        resources.add(role("storageBlobOwner", "storage", BLOB_OWNER, "Host storage."));
        resources.add(new HostingPlan("plan", resourceName("plan"), Optional.empty(), PlanKind.PREMIUM, "EP1",
                "ElasticPremium", Optional.of(20), at(1)));
        resources.add(new FunctionApp("reportsFunction", resourceName("reports"), Optional.of(var("createReports")),
                "plan", PlanKind.PREMIUM, Optional.of(new Runtime("node", "22", "Node|22")), Optional.empty(),
                new SiteSettings(Optional.empty(), Optional.of(num(5)), Optional.of(num(1)), Optional.of(num(2)),
                        List.of(), "1.2", Optional.of("Disabled"), true, true),
                hostSettings(), "identity", "storage", "insights", Optional.empty(), Optional.of(900), List.of(),
                List.of("ReportsFunction"), at(20)));
        resources.add(new DeploymentSlot("reportsFunctionLive", text("live"), Optional.of(var("createReports")),
                "reportsFunction", at(30)));
        List<Deviation> deviations = List.of(
                onProperty(DeviationCatalog.RESERVED_CONCURRENCY, "ReportsFunction reserves 5 executions;"
                        + " functionAppScaleLimit 5", 21, "reportsFunction", "functionAppScaleLimit"),
                onProperty(DeviationCatalog.PROVISIONED_CONCURRENCY, "ReportsFunction keeps 2 environments"
                        + " initialized; minimumElasticInstanceCount 2", 22, "reportsFunction",
                        "minimumElasticInstanceCount"),
                onProperty(DeviationCatalog.RUNTIME_VERSION_CHANGED, "ReportsFunction runs nodejs18.x; Node 22 is"
                        + " used", 23, "reportsFunction", "runtime"),
                onResource(DeviationCatalog.ALIASES_AS_SLOTS, "Alias live becomes the slot live", 30,
                        "reportsFunctionLive"));
        return new AzureDeployment(TEMPLATE, PlanKind.PREMIUM, "chosen by the user", standardParameters(), vars,
                resources, List.of(), deviations);
    }

    // ------------------------------------------------------------------ Dedicated and Consumption

    /** Dedicated: always on, FTPS off, no runtime (a blocker elsewhere says so), a runtime deviation falls back. */
    static AzureDeployment dedicated() {
        List<AzureResource> resources = new ArrayList<>(sharedResources(Optional.empty()));
        resources.add(new HostingPlan("plan", resourceName("plan"), Optional.empty(), PlanKind.DEDICATED, "P1v3",
                "PremiumV3", Optional.empty(), at(1)));
        resources.add(new FunctionApp("app", resourceName("app"), Optional.empty(), "plan", PlanKind.DEDICATED,
                Optional.empty(), Optional.empty(),
                new SiteSettings(Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                        "1.2", Optional.of("Disabled"), false, true),
                List.of(), "identity", "storage", "insights", Optional.empty(), Optional.empty(), List.of(),
                List.of("App"), at(20)));
        List<Deviation> deviations = List.of(onProperty(DeviationCatalog.UNKNOWN_RUNTIME,
                "App's runtime provided.al2 could not be mapped", 21, "app", "runtime"));
        return new AzureDeployment(TEMPLATE, PlanKind.DEDICATED, "chosen by the user", standardParameters(),
                List.of(), resources, List.of(), deviations);
    }

    /** Consumption with a conditional storage account (its blob service takes the same condition). */
    static AzureDeployment consumption() {
        List<AzureParameter> params = new ArrayList<>(standardParameters());
        params.add(parameter("createStorage", ParamType.BOOL, Optional.of(Value.bool(true)), List.of(), null,
                false));
        params.add(parameter("scaleLimit", ParamType.INT, Optional.empty(), List.of(),
                "The most instances the app scales out to.", false));
        List<AzureResource> resources = new ArrayList<>(sharedResources(Optional.of(param("createStorage"))));
        resources.add(new BlobContainer("dataContainer", text("data"), Optional.empty(), "storage", at(40)));
        resources.add(new HostingPlan("plan", resourceName("plan"), Optional.empty(), PlanKind.CONSUMPTION, "Y1",
                "Dynamic", Optional.empty(), at(1)));
        resources.add(new FunctionApp("app", resourceName("app"), Optional.empty(), "plan", PlanKind.CONSUMPTION,
                Optional.of(new Runtime("java", "21", "Java|21")), Optional.empty(),
                new SiteSettings(Optional.empty(), Optional.of(param("scaleLimit")), Optional.empty(),
                        Optional.empty(), List.of(), "1.2", Optional.of("Disabled"), true, true),
                List.of(new AppSetting("FUNCTIONS_WORKER_RUNTIME", text("java"), SourceLocation.UNKNOWN)),
                "identity", "storage", "insights", Optional.empty(), Optional.empty(), List.of(), List.of("App"),
                at(20)));
        List<Deviation> deviations = List.of(onResource(DeviationCatalog.CONSUMPTION_RETIREMENT,
                "Linux Consumption retires on 30 September 2028", 1, "plan"));
        return new AzureDeployment(TEMPLATE, PlanKind.CONSUMPTION, "chosen by the user", params, List.of(),
                resources, List.of(), deviations);
    }

    // ------------------------------------------------------------------ values

    /** Every {@link Value} variant, as variables and outputs, with a tiny set of resources to refer to. */
    static AzureDeployment values() {
        Map<String, Value> regions = new LinkedHashMap<>();
        regions.put("us-east-1", text("eastus"));
        regions.put("eu_west_1", new Value.Obj(Map.of("name", text("westeurope"))));
        regions.put("true", Value.bool(true));
        List<AzureVariable> vars = new ArrayList<>();
        vars.add(new AzureVariable("escaped", text("a'b\\c\nd\re\tf${g}$h"), at(1)));
        vars.add(new AzureVariable("negative", num(-42), at(2)));
        vars.add(new AzureVariable("decimal", new Value.Number(new BigDecimal("1.50")), at(3)));
        vars.add(new AzureVariable("wholeDecimal", new Value.Number(new BigDecimal("2.000")), at(3)));
        vars.add(new AzureVariable("flag", Value.bool(false), at(4)));
        vars.add(new AzureVariable("nothing", new Value.Null(), at(5)));
        vars.add(new AzureVariable("list", new Value.Array(List.of(text("a"), num(1), new Value.Array(List.of()),
                new Value.Obj(Map.of()))), at(6)));
        vars.add(new AzureVariable("regionMap", new Value.Obj(regions), at(7)));
        vars.add(new AzureVariable("fromParam", param("appName"), at(8)));
        vars.add(new AzureVariable("fromVariable", var("regionMap"), at(9)));
        vars.add(new AzureVariable("region", ctx(ContextValue.LOCATION), at(10)));
        vars.add(new AzureVariable("subscriptionId", ctx(ContextValue.SUBSCRIPTION_ID), at(10)));
        vars.add(new AzureVariable("tenantId", ctx(ContextValue.TENANT_ID), at(10)));
        vars.add(new AzureVariable("groupName", ctx(ContextValue.RESOURCE_GROUP_NAME), at(10)));
        vars.add(new AzureVariable("groupId", ctx(ContextValue.RESOURCE_GROUP_ID), at(10)));
        vars.add(new AzureVariable("interpolated", interpolation(text("pre-"), param("appName"), text("-"),
                interpolation(text("in"), ctx(ContextValue.LOCATION), text("ner")), text("-"), text("${x}"),
                num(3)), at(11)));
        vars.add(new AzureVariable("onlyText", interpolation(text("a"), text("b")), at(11)));
        vars.add(new AzureVariable("onlyExpression", interpolation(param("appName")), at(11)));
        vars.add(new AzureVariable("conditional", new Value.Conditional(var("flag"), text("yes"),
                new Value.Conditional(call(Fn.OR, var("flag"), Value.bool(true)), text("maybe"), text("no"))),
                at(12)));
        vars.add(new AzureVariable("nestedCondition", new Value.Conditional(new Value.Conditional(var("flag"),
                Value.bool(true), Value.bool(false)), num(1), num(2)), at(12)));
        vars.add(new AzureVariable("isX", call(Fn.EQUALS, param("appName"), text("x")), at(13)));
        vars.add(new AzureVariable("and3", call(Fn.AND, var("flag"), call(Fn.OR, var("flag"), var("flag")),
                call(Fn.EQUALS, num(1), num(2))), at(13)));
        vars.add(new AzureVariable("or2", call(Fn.OR, call(Fn.AND, var("flag"), var("flag")), var("flag")), at(13)));
        vars.add(new AzureVariable("notEquals", call(Fn.NOT, call(Fn.EQUALS, var("flag"), Value.bool(true))),
                at(13)));
        vars.add(new AzureVariable("notVariable", call(Fn.NOT, var("flag")), at(13)));
        vars.add(new AzureVariable("equalsOfOr", call(Fn.EQUALS, call(Fn.OR, var("flag"), var("flag")),
                Value.bool(true)), at(13)));
        vars.add(new AzureVariable("joined", call(Fn.JOIN, text(","), var("list")), at(14)));
        vars.add(new AzureVariable("splitted", call(Fn.SPLIT, text(","), text("a,b")), at(14)));
        vars.add(new AzureVariable("first", call(Fn.ELEMENT, num(0), call(Fn.SPLIT, text(","), text("a,b"))),
                at(14)));
        vars.add(new AzureVariable("encoded", call(Fn.BASE64, text("#!/bin/sh")), at(14)));
        vars.add(new AzureVariable("lowered", call(Fn.TO_LOWER, param("appName")), at(14)));
        vars.add(new AzureVariable("prefix", call(Fn.TAKE, param("appName"), num(5)), at(14)));
        vars.add(new AzureVariable("suffix", call(Fn.UNIQUE_STRING, ctx(ContextValue.SUBSCRIPTION_ID),
                param("appName")), at(14)));
        vars.add(new AzureVariable("looked", call(Fn.LOOKUP, var("regionMap"), ctx(ContextValue.LOCATION)),
                at(14)));
        vars.add(new AzureVariable("lookupOfTernary", call(Fn.LOOKUP, new Value.Conditional(var("flag"),
                var("regionMap"), var("regionMap")), text("x")), at(14)));
        vars.add(new AzureVariable("assignmentId", call(Fn.GUID, ctx(ContextValue.RESOURCE_GROUP_ID), text("x")), at(14)));

        List<AzureOutput> outputs = new ArrayList<>();
        for (Attribute a : Attribute.values()) {
            if (a == Attribute.DEFAULT_HOST_NAME) {
                continue; // only function apps have a host name: the flex fixture's ordersUrl reads one
            }
            String symbol = switch (a) {
                case PRINCIPAL_ID, CLIENT_ID -> "identity";
                case CONNECTION_STRING -> "insights";
                case BLOB_ENDPOINT -> "storage";
                default -> "workspace";
            };
            outputs.add(new AzureOutput("out" + a.name(), ParamType.STRING, ref(symbol, a), Optional.empty(),
                    at(20)));
        }
        outputs.add(new AzureOutput("outDescribed", ParamType.STRING, ref("workspace", Attribute.NAME),
                Optional.of("It's the workspace's name."), at(21)));
        outputs.add(new AzureOutput("outList", ParamType.ARRAY, var("list"), Optional.empty(), at(22)));
        outputs.add(new AzureOutput("outMap", ParamType.OBJECT, var("regionMap"), Optional.empty(), at(22)));
        outputs.add(new AzureOutput("outFlag", ParamType.BOOL, var("flag"), Optional.empty(), at(22)));
        outputs.add(new AzureOutput("outNumber", ParamType.INT, var("negative"), Optional.empty(), at(22)));
        return new AzureDeployment(TEMPLATE, PlanKind.FLEX_CONSUMPTION, "chosen by the user", standardParameters(),
                vars, sharedResources(Optional.empty()), outputs, List.of());
    }

    // ------------------------------------------------------------------ runtimes

    /**
     * Every runtime on the Dedicated plan (each one its own app, all sharing the plan), .NET 10 beyond what azurerm
     * documents, a custom handler, a runtime azurerm has no stack for, a Flex app whose runtime could not be
     * chosen, a slot of that Flex app, and a Flex app with site settings Flex has no argument for.
     */
    static AzureDeployment runtimes() {
        List<AzureResource> resources = new ArrayList<>(sharedResources(Optional.empty()));
        resources.add(new HostingPlan("plan", resourceName("plan"), Optional.empty(), PlanKind.DEDICATED, "P1v3",
                "PremiumV3", Optional.empty(), at(1)));
        List<Runtime> runtimes = List.of(new Runtime("python", "3.13", "PYTHON|3.13"),
                new Runtime("node", "24", "NODE|24"), new Runtime("java", "25", "JAVA|25"),
                new Runtime("dotnet-isolated", "10.0", "DOTNET-ISOLATED|10.0"),
                new Runtime("powershell", "7.4", "POWERSHELL|7.4"), new Runtime("custom", "1.0", ""),
                new Runtime("ruby", "3.3", "RUBY|3.3"));
        List<Deviation> deviations = new ArrayList<>();
        int line = 10;
        for (Runtime runtime : runtimes) {
            String symbol = runtime.name().replace("-", "") + "App";
            resources.add(new FunctionApp(symbol, resourceName(runtime.name()), Optional.empty(), "plan",
                    PlanKind.DEDICATED, Optional.of(runtime), Optional.empty(),
                    new SiteSettings(Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty(),
                            List.of(), "1.2", Optional.of("Disabled"), true, false),
                    hostSettings(), "identity", "storage", "insights", Optional.empty(), Optional.empty(),
                    List.of(), List.of(symbol), at(line)));
            deviations.add(onProperty(DeviationCatalog.RUNTIME_VERSION_CHANGED, runtime.name() + " note", line,
                    symbol, "runtime"));
            line++;
        }
        resources.add(new BlobContainer("flexContainer", text("app-package-flex"), Optional.empty(), "storage",
                at(40)));
        resources.add(new HostingPlan("flexPlan", resourceName("flexplan"), Optional.empty(),
                PlanKind.FLEX_CONSUMPTION, "FC1", "FlexConsumption", Optional.empty(), at(41)));
        resources.add(new FunctionApp("flexApp", resourceName("flex"), Optional.empty(), "flexPlan",
                PlanKind.FLEX_CONSUMPTION, Optional.empty(), Optional.of(new FlexConfig(512, num(40), List.of(),
                        "flexContainer")),
                new SiteSettings(Optional.of(true), Optional.of(num(10)), Optional.of(num(1)), Optional.of(num(1)),
                        List.of(), "1.2", Optional.of("Disabled"), false, true),
                hostSettings(), "identity", "storage", "insights", Optional.empty(), Optional.empty(), List.of(),
                List.of("FlexApp"), at(42)));
        resources.add(new DeploymentSlot("flexAppStaging", text("staging"), Optional.empty(), "flexApp", at(43)));
        deviations.add(onProperty(DeviationCatalog.UNKNOWN_RUNTIME, "FlexApp's runtime could not be chosen", 42,
                "flexApp", "runtime"));
        deviations.add(onProperty(DeviationCatalog.PROVISIONED_CONCURRENCY, "pre-warmed note", 42, "flexApp",
                "preWarmedInstanceCount"));
        deviations.add(onProperty(DeviationCatalog.RESERVED_CONCURRENCY, "scale limit note", 42, "flexApp",
                "functionAppScaleLimit"));
        deviations.add(onProperty(DeviationCatalog.HTTP_AUTH_CHANGED, "always on note", 42, "flexApp",
                "alwaysOn"));
        return new AzureDeployment(TEMPLATE, PlanKind.DEDICATED, "chosen by the user", standardParameters(),
                List.of(), resources, List.of(), deviations);
    }
}
