package io.lambda2azure.emitters.terraform;

import io.lambda2azure.core.azure.AppSetting;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureParameter;
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
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.emitters.terraform.Azurerm.AppType;
import io.lambda2azure.emitters.terraform.BodyItem.Block;
import io.lambda2azure.emitters.terraform.HclExpr.Conditional;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectExpr;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectItem;
import io.lambda2azure.emitters.terraform.HclExpr.Template;
import io.lambda2azure.emitters.terraform.HclExpr.Tuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.lambda2azure.emitters.terraform.HclExpr.bool;
import static io.lambda2azure.emitters.terraform.HclExpr.call;
import static io.lambda2azure.emitters.terraform.HclExpr.number;
import static io.lambda2azure.emitters.terraform.HclExpr.string;

/**
 * Builds {@code main.tf}: the locals, the data sources, then one resource block for each resource of the model, in
 * the model's order. Each resource kind has one method below, and that method is the one place where the kind's
 * model fields map to azurerm arguments. The blocks carry the same settings as the Bicep emitter's resources, and
 * the deviation comments go where the Bicep emitter puts them ({@link DeviationComments}).
 */
final class MainFile {

    /** App settings the azurerm function app resources own through arguments of their own. */
    static final String EXTENSION_VERSION = "FUNCTIONS_EXTENSION_VERSION";
    static final String STORAGE_ACCOUNT_NAME = "AzureWebJobsStorage__accountName";
    static final String INSIGHTS_CONNECTION_STRING = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    static final String INSIGHTS_KEY = "APPINSIGHTS_INSTRUMENTATIONKEY";

    private final AzureDeployment deployment;
    private final Expressions refs;

    private MainFile(AzureDeployment deployment, Expressions refs) {
        this.deployment = deployment;
        this.refs = refs;
    }

    /** The tree of main.tf. Call before reading {@link Expressions#clientConfigUsed()} for the other files. */
    static HclFile build(AzureDeployment deployment, Expressions refs, List<String> header) {
        return new MainFile(deployment, refs).file(header);
    }

    private HclFile file(List<String> header) {
        List<BodyItem> resources = new ArrayList<>();
        for (AzureResource r : deployment.resources()) {
            resources.add(resource(r));
        }
        Optional<Block> locals = locals();
        List<BodyItem> items = new ArrayList<>();
        items.add(new BodyItem.Comments(header));
        locals.ifPresent(items::add);
        items.add(Body.block(List.of("The resource group everything is deployed to; it must exist."), "data",
                List.of(Azurerm.DATA_RESOURCE_GROUP, "target"),
                new Body().arg("name", Expressions.resourceGroupName())));
        if (refs.clientConfigUsed()) {
            items.add(Body.block(List.of("The subscription and tenant of the provider's credentials."), "data",
                    List.of(Azurerm.DATA_CLIENT_CONFIG, "current"), new Body()));
        }
        items.addAll(resources);
        return new HclFile(items);
    }

    // -------------------------------------------------------------- locals

    private Optional<Block> locals() {
        Body body = new Body();
        boolean first = true;
        for (AzureParameter p : deployment.parameters()) {
            Optional<String> local = refs.fallbackLocal(p.name());
            if (local.isEmpty()) {
                continue;
            }
            List<String> comments = first ? List.of("Variables whose default is an expression: null means that"
                    + " expression.") : List.of();
            first = false;
            body.arg(comments, local.get(), call("coalesce", HclExpr.ref("var", refs.variableName(p.name())),
                    refs.of(p.defaultValue().orElseThrow())));
        }
        if (!body.isEmpty() && !deployment.variables().isEmpty()) {
            body.blank();
        }
        for (AzureVariable v : deployment.variables()) {
            body.arg(refs.localName(v.name()), refs.of(v.expression()));
        }
        return body.isEmpty() ? Optional.empty() : Optional.of(Body.nested(List.of(), "locals", body));
    }

    // -------------------------------------------------------------- resources

    private Block resource(AzureResource r) {
        DeviationComments notes = DeviationComments.of(deployment, r.symbol());
        if (r instanceof LogAnalyticsWorkspace w) {
            return workspace(w, notes);
        }
        if (r instanceof ApplicationInsights a) {
            return insights(a, notes);
        }
        if (r instanceof StorageAccount s) {
            return storage(s, notes);
        }
        if (r instanceof BlobContainer c) {
            return container(c, notes);
        }
        if (r instanceof UserAssignedIdentity i) {
            return add(i, notes, named(i, notes), List.of());
        }
        if (r instanceof RoleAssignment a) {
            return roleAssignment(a, notes);
        }
        if (r instanceof HostingPlan p) {
            return plan(p, notes);
        }
        if (r instanceof FunctionApp app) {
            return app.planKind() == PlanKind.FLEX_CONSUMPTION ? flexApp(app, notes) : linuxApp(app, notes);
        }
        if (r instanceof DeploymentSlot s) {
            return slot(s, notes);
        }
        throw new IllegalArgumentException("no Terraform for resource " + r);
    }

    private Block workspace(LogAnalyticsWorkspace w, DeviationComments notes) {
        Body body = named(w, notes)
                .arg("sku", string("PerGB2018"))
                .arg(notes.take("retentionInDays"), "retention_in_days", refs.of(w.retentionInDays()));
        return add(w, notes, body, List.of());
    }

    private Block insights(ApplicationInsights a, DeviationComments notes) {
        Body body = named(a, notes)
                .arg("application_type", string("web"))
                .arg("workspace_id", refs.attribute(a.workspace(), Value.Attribute.ID))
                .arg(notes.take("disableLocalAuth"), "local_authentication_enabled", bool(!a.disableLocalAuth()));
        return add(a, notes, body, List.of());
    }

    private Block storage(StorageAccount s, DeviationComments notes) {
        int separator = s.sku().indexOf('_');
        if (separator <= 0 || separator == s.sku().length() - 1) {
            throw new IllegalArgumentException("storage account " + s.symbol() + " has SKU " + s.sku()
                    + ", which is not <tier>_<replication>");
        }
        Body body = named(s, notes)
                .arg(notes.take("sku"), "account_tier", string(s.sku().substring(0, separator)))
                .arg("account_replication_type", string(s.sku().substring(separator + 1)))
                .arg("account_kind", string("StorageV2"))
                .arg("min_tls_version", string(s.minimumTlsVersion()))
                .arg("allow_nested_items_to_be_public", bool(s.allowBlobPublicAccess()))
                .arg(notes.take("allowSharedKeyAccess"), "shared_access_key_enabled", bool(s.allowSharedKeyAccess()))
                .arg("https_traffic_only_enabled", bool(true))
                .arg("default_to_oauth_authentication", bool(true));
        return add(s, notes, body, List.of());
    }

    private Block container(BlobContainer c, DeviationComments notes) {
        deployment.resource(c.storageAccount()).filter(StorageAccount.class::isInstance)
                .orElseThrow(() -> new IllegalStateException("blob container " + c.symbol() + " is in storage account "
                        + c.storageAccount() + ", which the deployment does not have"));
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(c.name()))
                .arg("storage_account_id", refs.attribute(c.storageAccount(), Value.Attribute.ID))
                .arg("container_access_type", string("private"));
        return add(c, notes, body, List.of());
    }

    /**
     * The role definition id is written with the subscription ({@code /subscriptions/<id>/providers/...}), the form
     * Azure returns: azurerm compares it as written and replaces the assignment on any other difference.
     */
    private Block roleAssignment(RoleAssignment a, DeviationComments notes) {
        Template roleId = new Template(List.of("/subscriptions/",
                "/providers/Microsoft.Authorization/roleDefinitions/" + a.role().id()), List.of(refs.subscriptionId()));
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(a.name()))
                .arg("scope", refs.attribute(a.scope(), Value.Attribute.ID))
                .arg(List.of(a.role().name()), "role_definition_id", roleId)
                .arg("principal_id", refs.attribute(a.principal(), Value.Attribute.PRINCIPAL_ID))
                .arg("principal_type", string("ServicePrincipal"))
                .arg("description", string(a.description()));
        return add(a, notes, body, List.of());
    }

    /** {@code sku.tier}, {@code kind} and {@code reserved} are computed from {@code sku_name} and {@code os_type}. */
    private Block plan(HostingPlan p, DeviationComments notes) {
        Body body = named(p, notes)
                .arg("os_type", string("Linux"))
                .arg(notes.take("sku"), "sku_name", string(p.skuName()));
        p.maximumElasticWorkerCount().ifPresent(n -> body.arg(notes.take("maximumElasticWorkerCount"),
                "maximum_elastic_worker_count", number(n)));
        return add(p, notes, body, List.of());
    }

    // -------------------------------------------------------------- function apps

    /** Flex Consumption: deployment storage, runtime and scale are top-level arguments. */
    private Block flexApp(FunctionApp app, DeviationComments notes) {
        AppType type = AppType.FLEX;
        FlexConfig flex = app.flex().orElseThrow(() -> new IllegalStateException("function app " + app.symbol()
                + " is on Flex Consumption but has no Flex configuration"));
        BlobContainer container = deployment.resource(flex.deploymentContainer())
                .filter(BlobContainer.class::isInstance).map(BlobContainer.class::cast)
                .orElseThrow(() -> new IllegalStateException("function app " + app.symbol() + " deploys to "
                        + flex.deploymentContainer() + ", which is not a blob container of the deployment"));
        Settings settings = Settings.of(app.appSettings(), type);

        Body body = named(app, notes).arg("service_plan_id", refs.attribute(app.plan(), Value.Attribute.ID)).blank();
        access(body, app, type, notes);
        body.blank()
                .comments(List.of("azurerm may add an AzureWebJobsStorage setting without a key next to the"
                        + " identity-based storage settings (hashicorp/terraform-provider-azurerm#29693); remove it"
                        + " if the host cannot reach its storage."))
                .arg("storage_container_type", string("blobContainer"))
                .arg("storage_container_endpoint", refs.of(new Value.Interpolation(List.of(
                        Value.ref(container.storageAccount(), Value.Attribute.BLOB_ENDPOINT),
                        Value.ref(container.symbol(), Value.Attribute.NAME)))))
                .arg("storage_authentication_type", string("UserAssignedIdentity"))
                .arg("storage_user_assigned_identity_id", refs.attribute(app.identity(), Value.Attribute.ID))
                .blank();
        Optional<Runtime> runtime = app.runtime();
        if (runtime.isPresent() && runtime.get().nameParameter().isPresent()) {
            body.arg(notes.take("runtime"), "runtime_name", refs.of(new Value.Param(runtime.get().nameParameter().get())))
                    .arg("runtime_version", refs.of(new Value.Param(runtime.get().versionParameter().orElseThrow())));
        } else if (runtime.isPresent()) {
            body.arg(notes.take("runtime"), "runtime_name", string(runtime.get().name()));
            if (runtime.get().version().isEmpty()) {
                body.comments(List.of("runtime_version is required, but the model has no version for runtime "
                        + runtime.get().name() + ": set it by hand."));
            } else {
                body.arg("runtime_version", string(runtime.get().version()));
            }
        } else {
            body.comments(List.of("runtime_name and runtime_version are required, but no runtime was chosen for"
                    + " this app (see the deviations above it): set them by hand."));
        }
        body.arg(notes.take("maximumInstanceCount"), "maximum_instance_count", refs.of(flex.maximumInstanceCount()))
                .arg(notes.take("instanceMemory"), "instance_memory_in_mb", number(flex.instanceMemoryMB()));
        appSettings(body, settings, notes);
        body.block(identity(app));
        List<AlwaysReady> ready = flex.alwaysReady();
        for (int i = 0; i < ready.size(); i++) {
            body.block(Body.nested(i == 0 ? notes.take("alwaysReady") : List.of(), "always_ready", new Body()
                    .arg("name", string(ready.get(i).name()))
                    .arg("instance_count", refs.of(ready.get(i).instanceCount()))));
        }
        body.block(siteConfig(app, type, settings, notes));
        return add(app, notes, body, List.of());
    }

    /** Premium, Dedicated and Consumption: a Linux function app with identity-based host storage. */
    private Block linuxApp(FunctionApp app, DeviationComments notes) {
        AppType type = AppType.LINUX;
        Settings settings = Settings.of(app.appSettings(), type);
        Body body = named(app, notes).arg("service_plan_id", refs.attribute(app.plan(), Value.Attribute.ID)).blank();
        access(body, app, type, notes);
        hostSettings(body, settings, notes);
        appSettings(body, settings, notes);
        body.block(identity(app));
        body.block(siteConfig(app, type, settings, notes));
        return add(app, notes, body, List.of());
    }

    /**
     * A slot is a second running copy of its app: the same plan, identity, network, host storage and site
     * configuration (settings included), as the Bicep emitter writes it. Deviations of the app stay on the app.
     */
    private Block slot(DeploymentSlot s, DeviationComments notes) {
        FunctionApp app = deployment.resource(s.app()).filter(FunctionApp.class::isInstance)
                .map(FunctionApp.class::cast)
                .orElseThrow(() -> new IllegalStateException("deployment slot " + s.symbol() + " belongs to "
                        + s.app() + ", which is not a function app of the deployment"));
        AppType type = AppType.SLOT;
        DeviationComments appNotes = DeviationComments.none();
        Settings settings = Settings.of(app.appSettings(), type);
        Body body = new Body()
                .arg(notes.take("name"), "name", refs.of(s.name()))
                .arg("function_app_id", refs.attribute(s.app(), Value.Attribute.ID))
                .arg("service_plan_id", refs.attribute(app.plan(), Value.Attribute.ID))
                .blank()
                .arg("https_only", bool(true));
        if (app.keyVaultReferences()) {
            body.arg("key_vault_reference_identity_id", refs.attribute(app.identity(), Value.Attribute.ID));
        }
        app.subnetId().ifPresent(subnet -> body.arg("virtual_network_subnet_id", refs.of(subnet)));
        hostSettings(body, settings, appNotes);
        appSettings(body, settings, appNotes);
        body.block(identity(app));
        body.block(siteConfig(app, type, settings, appNotes));
        List<String> extra = app.planKind() == PlanKind.FLEX_CONSUMPTION
                ? List.of("Flex Consumption has no deployment slots: azurerm_linux_function_app_slot needs an"
                + " azurerm_linux_function_app.") : List.of();
        return add(s, notes, body, extra);
    }

    /** HTTPS only, the Key Vault reference identity, the subnet, and basic publishing credentials. */
    private void access(Body body, FunctionApp app, AppType type, DeviationComments notes) {
        body.arg("https_only", bool(true));
        // Key Vault references resolve with the system-assigned identity unless the app names another one; the app
        // has only its user-assigned identity, so references need it named.
        if (app.keyVaultReferences()) {
            List<String> comments = notes.take("keyVaultReferences");
            if (type.has("key_vault_reference_identity_id")) {
                body.arg(comments, "key_vault_reference_identity_id", refs.attribute(app.identity(),
                        Value.Attribute.ID));
            } else {
                body.unmapped(comments, "key_vault_reference_identity_id", notWritten("the Key Vault reference"
                        + " identity (keyVaultReferenceIdentity = the user-assigned identity), without which the"
                        + " app's Key Vault references do not resolve", type, "key_vault_reference_identity_id")
                        + " Set it after deployment: az functionapp update --set keyVaultReferenceIdentity=<the"
                        + " identity's id>.");
            }
        }
        app.subnetId().ifPresent(subnet -> body.arg(notes.take("subnet"), "virtual_network_subnet_id",
                refs.of(subnet)));
        if (!app.site().basicPublishingCredentials()) {
            if (type.has("ftp_publish_basic_authentication_enabled")) {
                body.arg("ftp_publish_basic_authentication_enabled", bool(false));
            } else {
                body.unmapped(List.of(), "ftp_publish_basic_authentication_enabled", notWritten("FTP basic"
                        + " authentication off (basicPublishingCredentialsPolicies/ftp)", type,
                        "ftp_publish_basic_authentication_enabled"));
            }
            body.arg("webdeploy_publish_basic_authentication_enabled", bool(false));
        }
    }

    /** The runtime host version and identity-based host storage, from the settings azurerm owns. */
    private void hostSettings(Body body, Settings settings, DeviationComments notes) {
        Optional<AppSetting> version = settings.owned(EXTENSION_VERSION);
        Optional<AppSetting> storage = settings.owned(STORAGE_ACCOUNT_NAME);
        if (version.isEmpty() && storage.isEmpty()) {
            return;
        }
        body.blank();
        version.ifPresent(s -> body.arg(notes.take("appSettings." + s.name()), "functions_extension_version",
                refs.of(s.value())));
        storage.ifPresent(s -> body
                .arg(notes.take("appSettings." + s.name()), "storage_account_name", refs.of(s.value()))
                .arg("storage_uses_managed_identity", bool(true)));
    }

    /** {@code app_settings = { "NAME" = value ... }}, without the settings written as arguments. */
    private void appSettings(Body body, Settings settings, DeviationComments notes) {
        List<ObjectItem> items = new ArrayList<>();
        Set<String> seen = new HashSet<>(settings.owned().keySet());
        List<String> duplicates = new ArrayList<>();
        for (AppSetting setting : settings.remaining()) {
            if (!seen.add(setting.name())) {
                duplicates.add("The model sets " + setting.name() + " more than once; only its first value is"
                        + " written.");
                continue;
            }
            items.add(new ObjectItem(notes.take("appSettings." + setting.name()), setting.name(), true,
                    refs.of(setting.value())));
        }
        if (!items.isEmpty()) {
            body.blank().comments(duplicates).arg("app_settings", new ObjectExpr(items));
        }
    }

    private Block identity(FunctionApp app) {
        return Body.nested(List.of(), "identity", new Body()
                .arg("type", string("UserAssigned"))
                .arg("identity_ids", new Tuple(List.of(refs.attribute(app.identity(), Value.Attribute.ID)))));
    }

    /** {@code site_config}: the model's site settings, the language stack, CORS. */
    private Block siteConfig(FunctionApp app, AppType type, Settings settings, DeviationComments notes) {
        SiteSettings site = app.site();
        Body body = new Body();
        site.alwaysOn().ifPresent(on -> siteArgument(body, type, notes, "alwaysOn", "always_on", bool(on)));
        site.functionAppScaleLimit().ifPresent(v -> siteArgument(body, type, notes, "functionAppScaleLimit",
                "app_scale_limit", refs.of(v)));
        site.minimumElasticInstanceCount().ifPresent(v -> siteArgument(body, type, notes,
                "minimumElasticInstanceCount", "elastic_instance_minimum", refs.of(v)));
        site.preWarmedInstanceCount().ifPresent(v -> siteArgument(body, type, notes, "preWarmedInstanceCount",
                "pre_warmed_instance_count", refs.of(v)));
        body.arg("minimum_tls_version", string(site.minimumTlsVersion()));
        site.ftpsState().ifPresent(state -> siteArgument(body, type, notes, "ftpsState", "ftps_state",
                string(state)));
        body.arg("http2_enabled", bool(site.http20Enabled()));
        settings.owned(INSIGHTS_CONNECTION_STRING).ifPresent(s -> body.arg(notes.take("appSettings." + s.name()),
                "application_insights_connection_string", refs.of(s.value())));
        settings.owned(INSIGHTS_KEY).ifPresent(s -> body.arg(notes.take("appSettings." + s.name()),
                "application_insights_key", refs.of(s.value())));
        if (app.planKind() != PlanKind.FLEX_CONSUMPTION) {
            app.runtime().ifPresent(runtime -> applicationStack(body, type, runtime, notes));
        }
        if (!site.corsAllowedOrigins().isEmpty()) {
            body.block(Body.nested(notes.take("cors"), "cors", new Body().arg("allowed_origins",
                    new Tuple(site.corsAllowedOrigins().stream().map(refs::of).toList()))));
        }
        return Body.nested(List.of(), "site_config", body);
    }

    /** A site setting: its argument, or a comment where the resource type has none. */
    private static void siteArgument(Body body, AppType type, DeviationComments notes, String key, String argument,
                                     HclExpr value) {
        List<String> comments = notes.take(key);
        if (type.has("site_config." + argument)) {
            body.arg(comments, argument, value);
        } else {
            body.unmapped(comments, argument, notWritten(key + " = " + HclPrinter.print(value), type,
                    "site_config." + argument));
        }
    }

    /** {@code application_stack}: the language and version the Bicep emitter writes as linuxFxVersion. */
    private static void applicationStack(Body body, AppType type, Runtime runtime, DeviationComments notes) {
        String what = "the runtime " + runtime.name() + " " + runtime.version()
                + (runtime.linuxFxVersion().isEmpty() ? "" : " (linuxFxVersion " + runtime.linuxFxVersion() + ")");
        if (!type.has("site_config.application_stack")) {
            body.unmapped(notes.take("runtime"), "application_stack", notWritten(what, type,
                    "site_config.application_stack"));
            return;
        }
        Azurerm.Stack stack = Azurerm.STACKS.get(runtime.name());
        if (stack == null) {
            List<String> lines = new ArrayList<>(notes.take("runtime"));
            lines.add("Not written: " + what + "; application_stack has no argument for this language.");
            body.comments(lines);
            return;
        }
        Body stackBody = new Body();
        List<String> comments = new ArrayList<>(notes.take("runtime"));
        if (!stack.versionArgument().isEmpty()) {
            stackBody.arg(stack.versionArgument(), string(runtime.version()));
            List<String> documented = Azurerm.DOCUMENTED_STACK_VERSIONS.get(stack.versionArgument());
            if (documented != null && !documented.contains(runtime.version())) {
                comments.add("azurerm " + Azurerm.SCHEMA_VERSION + " documents " + stack.versionArgument() + " "
                        + String.join(", ", documented) + "; a newer provider may be needed for "
                        + runtime.version() + ".");
            }
        }
        stack.flags().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(flag -> stackBody.arg(flag.getKey(), bool(flag.getValue())));
        body.block(Body.nested(comments, "application_stack", stackBody));
    }

    private static String notWritten(String what, AppType type, String argument) {
        return "Not written: " + what + "; " + type.resourceType() + " has no " + argument + " argument in azurerm "
                + Azurerm.SCHEMA_VERSION + ".";
    }

    // -------------------------------------------------------------- helpers

    /** {@code name}, {@code resource_group_name} and {@code location}, which most resources start with. */
    private Body named(AzureResource r, DeviationComments notes) {
        return new Body()
                .arg(notes.take("name"), "name", refs.of(r.name()))
                .arg("resource_group_name", Expressions.resourceGroupName())
                .arg("location", refs.location());
    }

    /**
     * The resource block: {@code count} first when the resource has a condition, then the body; above it the
     * deviations not placed on an argument, then any notes of the emitter.
     */
    private Block add(AzureResource r, DeviationComments notes, Body body, List<String> extraComments) {
        List<BodyItem> items = new ArrayList<>();
        r.condition().ifPresent(c -> {
            items.add(new BodyItem.Attribute(List.of(), "count", new Conditional(refs.of(c), number(1), number(0))));
            items.add(new BodyItem.Blank());
        });
        items.addAll(body.build());
        List<String> comments = new ArrayList<>(notes.rest());
        comments.addAll(extraComments);
        Expressions.Address address = refs.address(r.symbol());
        return new Block(comments, "resource", List.of(address.type(), address.label()), items);
    }

    /**
     * An app's settings, split into those azurerm owns through arguments of the resource type (its read moves them
     * out of {@code app_settings}, so writing them there would show a change on every plan) and the rest.
     */
    record Settings(Map<String, AppSetting> owned, List<AppSetting> remaining) {

        static Settings of(List<AppSetting> settings, AppType type) {
            Set<String> ownedNames = type == AppType.FLEX
                    ? Set.of(INSIGHTS_CONNECTION_STRING, INSIGHTS_KEY)
                    : Set.of(EXTENSION_VERSION, STORAGE_ACCOUNT_NAME, INSIGHTS_CONNECTION_STRING, INSIGHTS_KEY);
            Map<String, AppSetting> owned = new LinkedHashMap<>();
            List<AppSetting> remaining = new ArrayList<>();
            for (AppSetting s : settings) {
                if (ownedNames.contains(s.name()) && !owned.containsKey(s.name())) {
                    owned.put(s.name(), s);
                } else {
                    remaining.add(s);
                }
            }
            return new Settings(owned, remaining);
        }

        Optional<AppSetting> owned(String name) {
            return Optional.ofNullable(owned.get(name));
        }
    }
}
