package io.lambda2azure.emitters.bicep;

import io.lambda2azure.core.azure.AppSetting;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureOutput;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.AdvancedFilter;
import io.lambda2azure.core.azure.AzureResource.AlwaysReady;
import io.lambda2azure.core.azure.AzureResource.ApiManagementApi;
import io.lambda2azure.core.azure.AzureResource.ApiManagementBackend;
import io.lambda2azure.core.azure.AzureResource.ApiManagementNamedValue;
import io.lambda2azure.core.azure.AzureResource.ApiManagementOperation;
import io.lambda2azure.core.azure.AzureResource.ApiManagementPolicy;
import io.lambda2azure.core.azure.AzureResource.ApiManagementProduct;
import io.lambda2azure.core.azure.AzureResource.ApiManagementProductApi;
import io.lambda2azure.core.azure.AzureResource.ApiManagementService;
import io.lambda2azure.core.azure.AzureResource.ApiManagementSubscription;
import io.lambda2azure.core.azure.AzureResource.ApplicationInsights;
import io.lambda2azure.core.azure.AzureResource.BlobContainer;
import io.lambda2azure.core.azure.AzureResource.CosmosAccount;
import io.lambda2azure.core.azure.AzureResource.CosmosSqlContainer;
import io.lambda2azure.core.azure.AzureResource.CosmosSqlDatabase;
import io.lambda2azure.core.azure.AzureResource.CosmosSqlRoleAssignment;
import io.lambda2azure.core.azure.AzureResource.DeploymentSlot;
import io.lambda2azure.core.azure.AzureResource.EventDestination;
import io.lambda2azure.core.azure.AzureResource.EventGridSubscription;
import io.lambda2azure.core.azure.AzureResource.EventGridSystemTopic;
import io.lambda2azure.core.azure.AzureResource.EventGridTopic;
import io.lambda2azure.core.azure.AzureResource.EventHub;
import io.lambda2azure.core.azure.AzureResource.EventHubConsumerGroup;
import io.lambda2azure.core.azure.AzureResource.EventHubNamespace;
import io.lambda2azure.core.azure.AzureResource.FlexConfig;
import io.lambda2azure.core.azure.AzureResource.FunctionApp;
import io.lambda2azure.core.azure.AzureResource.HostingPlan;
import io.lambda2azure.core.azure.AzureResource.KeyVault;
import io.lambda2azure.core.azure.AzureResource.KeyVaultSecret;
import io.lambda2azure.core.azure.AzureResource.LogAnalyticsWorkspace;
import io.lambda2azure.core.azure.AzureResource.RoleAssignment;
import io.lambda2azure.core.azure.AzureResource.ServiceBusNamespace;
import io.lambda2azure.core.azure.AzureResource.ServiceBusQueue;
import io.lambda2azure.core.azure.AzureResource.ServiceBusRule;
import io.lambda2azure.core.azure.AzureResource.ServiceBusSubscription;
import io.lambda2azure.core.azure.AzureResource.ServiceBusTopic;
import io.lambda2azure.core.azure.AzureResource.SiteSettings;
import io.lambda2azure.core.azure.AzureResource.StorageAccount;
import io.lambda2azure.core.azure.AzureResource.UserAssignedIdentity;
import io.lambda2azure.core.azure.AzureVariable;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.emitters.common.FilterOperators;
import io.lambda2azure.emitters.common.CosmosPaths;
import io.lambda2azure.emitters.common.EventDestinations;
import io.lambda2azure.emitters.common.ImplicitSettings;
import io.lambda2azure.emitters.bicep.BicepDecl.CommentBlock;
import io.lambda2azure.emitters.bicep.BicepDecl.Decorator;
import io.lambda2azure.emitters.bicep.BicepDecl.Output;
import io.lambda2azure.emitters.bicep.BicepDecl.Param;
import io.lambda2azure.emitters.bicep.BicepDecl.Resource;
import io.lambda2azure.emitters.bicep.BicepDecl.Var;
import io.lambda2azure.emitters.bicep.BicepExpr.ArrayItem;
import io.lambda2azure.emitters.bicep.BicepExpr.ArrayLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.InterpolatedString;
import io.lambda2azure.emitters.bicep.BicepExpr.ObjectLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.ObjectProperty;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.lambda2azure.emitters.bicep.BicepExpr.access;
import static io.lambda2azure.emitters.bicep.BicepExpr.bool;
import static io.lambda2azure.emitters.bicep.BicepExpr.call;
import static io.lambda2azure.emitters.bicep.BicepExpr.identifier;
import static io.lambda2azure.emitters.bicep.BicepExpr.integer;
import static io.lambda2azure.emitters.bicep.BicepExpr.string;

/**
 * Writes an {@link AzureDeployment} as Bicep: {@code main.bicep} and {@code main.bicepparam}.
 *
 * <p>The planner decides everything; this class only prints what the model says. It builds a small Bicep
 * syntax tree ({@link BicepDecl}, {@link BicepExpr}) and {@link BicepPrinter} lays it out as
 * {@code bicep format} would. Deviations targeted at a resource are written as comment lines above it, or
 * above the property they concern; a property's key is the model record's component name ({@code lockDuration},
 * {@code advancedFilters}; {@code role}, {@code principal} and {@code database} for the role and scope of a Cosmos
 * DB role assignment), the same keys the Terraform emitter places. The same model always gives the same bytes.
 */
public final class BicepEmitter {

    /** The name of the parameter that every resource's location comes from (the planner declares it). */
    static final String LOCATION = "location";

    private BicepEmitter() {
    }

    /** Both files of the deployment. */
    public static BicepFiles emit(AzureDeployment deployment) {
        return new BicepFiles(BicepPrinter.print(mainFile(deployment)),
                BicepPrinter.print(ParamsFile.of(deployment)));
    }

    /** The syntax tree of {@code main.bicep}. */
    static BicepFile mainFile(AzureDeployment deployment) {
        return new Main(deployment).build();
    }

    /** The header comment of {@code main.bicep}. */
    static String header(AzureDeployment deployment) {
        return "Generated by lambda2azure from " + deployment.source() + " for the " + deployment.plan().title()
                + " plan. Do not edit by hand; re-run the conversion.";
    }

    /** The Bicep type of a parameter or output. */
    static String type(AzureParameter.ParamType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** Builds the declarations of {@code main.bicep}. */
    private static final class Main {

        private final AzureDeployment deployment;
        private final List<BicepDecl> decls = new ArrayList<>();
        private final Set<String> taken = new HashSet<>();
        /** Storage account symbol → the symbol of its blob service, once written. */
        private final Map<String, String> blobServices = new LinkedHashMap<>();
        private final Map<String, String> queueServices = new LinkedHashMap<>();

        Main(AzureDeployment deployment) {
            this.deployment = deployment;
            deployment.parameters().forEach(p -> taken.add(p.name()));
            deployment.variables().forEach(v -> taken.add(v.name()));
            deployment.resources().forEach(r -> taken.add(r.symbol()));
        }

        BicepFile build() {
            decls.add(new CommentBlock(List.of(new Comment(header(deployment)))));
            deployment.parameters().forEach(this::parameter);
            deployment.variables().forEach(this::variable);
            deployment.resources().forEach(this::resource);
            deployment.outputs().forEach(this::output);
            return new BicepFile(decls);
        }

        // -------------------------------------------------------------- params, vars, outputs

        private void parameter(AzureParameter p) {
            List<Decorator> decorators = new ArrayList<>();
            p.description().ifPresent(d -> decorators.add(new Decorator("description", List.of(string(d)))));
            if (p.secure()) {
                decorators.add(new Decorator("secure", List.of()));
            }
            if (!p.allowedValues().isEmpty()) {
                decorators.add(new Decorator("allowed", List.of(array(p.allowedValues().stream()
                        .map(ValueExprs::of).toList()))));
            }
            decls.add(new Param(List.of(), decorators, p.name(), type(p.type()),
                    p.defaultValue().map(ValueExprs::of)));
        }

        private void variable(AzureVariable v) {
            decls.add(new Var(List.of(), v.name(), ValueExprs.of(v.expression())));
        }

        private void output(AzureOutput o) {
            List<Decorator> decorators = o.description()
                    .map(d -> List.of(new Decorator("description", List.of(string(d)))))
                    .orElse(List.of());
            decls.add(new Output(List.of(), decorators, o.name(), type(o.type()), ValueExprs.of(o.value())));
        }

        // -------------------------------------------------------------- resources

        private void resource(AzureResource r) {
            DeviationNotes notes = DeviationNotes.of(deployment, r.symbol());
            if (r instanceof LogAnalyticsWorkspace w) {
                workspace(w, notes);
            } else if (r instanceof ApplicationInsights a) {
                insights(a, notes);
            } else if (r instanceof StorageAccount s) {
                storage(s, notes);
            } else if (r instanceof BlobContainer c) {
                container(c, notes);
            } else if (r instanceof AzureResource.StorageQueue q) {
                storageQueue(q, notes);
            } else if (r instanceof UserAssignedIdentity i) {
                identity(i, notes);
            } else if (r instanceof RoleAssignment a) {
                roleAssignment(a, notes);
            } else if (r instanceof HostingPlan p) {
                plan(p, notes);
            } else if (r instanceof FunctionApp a) {
                functionApp(a, notes);
            } else if (r instanceof DeploymentSlot s) {
                slot(s, notes);
            } else if (r instanceof ServiceBusNamespace n) {
                serviceBusNamespace(n, notes);
            } else if (r instanceof ServiceBusQueue q) {
                serviceBusQueue(q, notes);
            } else if (r instanceof ServiceBusTopic t) {
                serviceBusTopic(t, notes);
            } else if (r instanceof ServiceBusSubscription sub) {
                serviceBusSubscription(sub, notes);
            } else if (r instanceof ServiceBusRule rule) {
                serviceBusRule(rule, notes);
            } else if (r instanceof EventGridTopic t) {
                eventGridTopic(t, notes);
            } else if (r instanceof EventGridSystemTopic t) {
                eventGridSystemTopic(t, notes);
            } else if (r instanceof EventGridSubscription sub) {
                eventSubscription(sub, notes);
            } else if (r instanceof EventHubNamespace n) {
                eventHubNamespace(n, notes);
            } else if (r instanceof EventHub h) {
                eventHub(h, notes);
            } else if (r instanceof EventHubConsumerGroup g) {
                consumerGroup(g, notes);
            } else if (r instanceof CosmosAccount a) {
                cosmosAccount(a, notes);
            } else if (r instanceof CosmosSqlDatabase d) {
                cosmosDatabase(d, notes);
            } else if (r instanceof CosmosSqlContainer c) {
                cosmosContainer(c, notes);
            } else if (r instanceof CosmosSqlRoleAssignment a) {
                cosmosRoleAssignment(a, notes);
            } else if (r instanceof KeyVault v) {
                keyVault(v, notes);
            } else if (r instanceof KeyVaultSecret secret) {
                keyVaultSecret(secret, notes);
            } else {
                apiManagement(r, notes);
            }
        }

        private void apiManagement(AzureResource r, DeviationNotes notes) {
            if (r instanceof ApiManagementService service) {
                apiManagementService(service, notes);
            } else if (r instanceof ApiManagementApi api) {
                apiManagementApi(api, notes);
            } else if (r instanceof ApiManagementNamedValue value) {
                namedValue(value, notes);
            } else if (r instanceof ApiManagementBackend backend) {
                backend(backend, notes);
            } else if (r instanceof ApiManagementOperation operation) {
                operation(operation, notes);
            } else if (r instanceof ApiManagementPolicy policy) {
                policy(policy, notes);
            } else if (r instanceof ApiManagementProduct product) {
                product(product, notes);
            } else if (r instanceof ApiManagementProductApi link) {
                productApi(link, notes);
            } else if (r instanceof ApiManagementSubscription subscription) {
                subscription(subscription, notes);
            } else {
                throw new IllegalArgumentException("no Bicep for resource " + r);
            }
        }

        private void workspace(LogAnalyticsWorkspace w, DeviationNotes notes) {
            Props body = named(w, notes).put("properties", new Props()
                    .put("sku", new Props().put("name", string("PerGB2018")).build())
                    .put(notes.take("retentionInDays"), "retentionInDays", ValueExprs.of(w.retentionInDays()))
                    .build());
            add(w, notes, ApiVersions.TYPE_LOG_ANALYTICS_WORKSPACES, ApiVersions.LOG_ANALYTICS_WORKSPACES,
                    Optional.empty(), body);
        }

        private void insights(ApplicationInsights a, DeviationNotes notes) {
            Props body = named(a, notes)
                    .put("kind", string("web"))
                    .put("properties", new Props()
                            .put("Application_Type", string("web"))
                            .put("WorkspaceResourceId", access(a.workspace(), "id"))
                            .put(notes.take("disableLocalAuth"), "DisableLocalAuth", bool(a.disableLocalAuth()))
                            .build());
            add(a, notes, ApiVersions.TYPE_APPLICATION_INSIGHTS, ApiVersions.APPLICATION_INSIGHTS,
                    Optional.empty(), body);
        }

        private void storage(StorageAccount s, DeviationNotes notes) {
            Props body = named(s, notes)
                    .put(notes.take("sku"), "sku", new Props().put("name", string(s.sku())).build())
                    .put("kind", string("StorageV2"))
                    .put("properties", new Props()
                            .put("minimumTlsVersion", string(s.minimumTlsVersion()))
                            .put("allowBlobPublicAccess", bool(s.allowBlobPublicAccess()))
                            .put(notes.take("allowSharedKeyAccess"), "allowSharedKeyAccess",
                                    bool(s.allowSharedKeyAccess()))
                            .put("supportsHttpsTrafficOnly", bool(true))
                            .put("defaultToOAuthAuthentication", bool(true))
                            .build());
            add(s, notes, ApiVersions.TYPE_STORAGE_ACCOUNTS, ApiVersions.STORAGE_ACCOUNTS, Optional.empty(), body);
        }

        private void container(BlobContainer c, DeviationNotes notes) {
            String service = blobService(c);
            Props body = new Props()
                    .put(notes.take("name"), "name", ValueExprs.of(c.name()))
                    .put("properties", new Props().put("publicAccess", string("None")).build());
            add(c, notes, ApiVersions.TYPE_BLOB_CONTAINERS, ApiVersions.BLOB_CONTAINERS,
                    Optional.of(identifier(service)), body);
        }

        /** The blob service of the container's account, written before its first container. */
        private String blobService(BlobContainer c) {
            String account = c.storageAccount();
            String existing = blobServices.get(account);
            if (existing != null) {
                return existing;
            }
            AzureResource storage = deployment.resource(account)
                    .filter(StorageAccount.class::isInstance)
                    .orElseThrow(() -> new IllegalStateException("blob container " + c.symbol()
                            + " is in storage account " + account + ", which the deployment does not have"));
            String symbol = fresh(account + "BlobService");
            blobServices.put(account, symbol);
            decls.add(new Resource(List.of(), symbol, ApiVersions.TYPE_BLOB_SERVICES, ApiVersions.BLOB_SERVICES,
                    false, storage.condition().map(ValueExprs::of), Optional.of(identifier(account)),
                    new Props().put("name", string("default")).build()));
            return symbol;
        }

        private void storageQueue(AzureResource.StorageQueue q, DeviationNotes notes) {
            String service = queueServices.get(q.storageAccount());
            if (service == null) {
                AzureResource storage = deployment.resource(q.storageAccount())
                        .filter(StorageAccount.class::isInstance)
                        .orElseThrow(() -> new IllegalStateException("storage queue " + q.symbol()
                                + " is in storage account " + q.storageAccount() + ", which the deployment does not have"));
                service = fresh(q.storageAccount() + "QueueService");
                queueServices.put(q.storageAccount(), service);
                decls.add(new Resource(List.of(), service, ApiVersions.TYPE_QUEUE_SERVICES, ApiVersions.QUEUE_SERVICES,
                        false, storage.condition().map(ValueExprs::of), Optional.of(identifier(q.storageAccount())),
                        new Props().put("name", string("default")).build()));
            }
            Props body = new Props().put(notes.take("name"), "name", ValueExprs.of(q.name()));
            add(q, notes, ApiVersions.TYPE_QUEUES, ApiVersions.QUEUES, Optional.of(identifier(service)), body);
        }

        private void identity(UserAssignedIdentity i, DeviationNotes notes) {
            add(i, notes, ApiVersions.TYPE_USER_ASSIGNED_IDENTITIES, ApiVersions.USER_ASSIGNED_IDENTITIES,
                    Optional.empty(), named(i, notes));
        }

        private void roleAssignment(RoleAssignment a, DeviationNotes notes) {
            Props body = new Props()
                    .put(notes.take("name"), "name", ValueExprs.of(a.name()))
                    .put("scope", identifier(a.scope()))
                    .put("properties", new Props()
                            .put(List.of(new Comment(a.role().name())), "roleDefinitionId",
                                    call("subscriptionResourceId", string("Microsoft.Authorization/roleDefinitions"),
                                            string(a.role().id())))
                            .put("principalId", access(a.principal(), "properties", "principalId"))
                            .put("principalType", string("ServicePrincipal"))
                            .put("description", string(a.description()))
                            .build());
            add(a, notes, ApiVersions.TYPE_ROLE_ASSIGNMENTS, ApiVersions.ROLE_ASSIGNMENTS, Optional.empty(), body);
        }

        private void plan(HostingPlan p, DeviationNotes notes) {
            Props properties = new Props().put("reserved", bool(true));
            p.maximumElasticWorkerCount().ifPresent(n -> properties.put(notes.take("maximumElasticWorkerCount"),
                    "maximumElasticWorkerCount", integer(n)));
            Props body = named(p, notes)
                    .put(notes.take("sku"), "sku", new Props()
                            .put("name", string(p.skuName()))
                            .put("tier", string(p.skuTier()))
                            .build())
                    .put("kind", string(planKind(p.kind())))
                    .put("properties", properties.build());
            add(p, notes, ApiVersions.TYPE_SERVER_FARMS, ApiVersions.SERVER_FARMS, Optional.empty(), body);
        }

        private static String planKind(PlanKind kind) {
            return switch (kind) {
                case FLEX_CONSUMPTION, CONSUMPTION -> "functionapp";
                case PREMIUM -> "elastic";
                case DEDICATED -> "linux";
            };
        }

        private void functionApp(FunctionApp app, DeviationNotes notes) {
            Props properties = new Props()
                    .put("serverFarmId", access(app.plan(), "id"))
                    .put("httpsOnly", bool(true));
            // Key Vault references resolve with the system-assigned identity unless the site names another one;
            // the app has only its user-assigned identity, so references need it named.
            if (app.keyVaultReferences()) {
                properties.put(notes.take("keyVaultReferences"), "keyVaultReferenceIdentity",
                        access(app.identity(), "id"));
            }
            app.subnetId().ifPresent(subnet -> properties.put(notes.take("subnet"), "virtualNetworkSubnetId",
                    ValueExprs.of(subnet)));
            app.flex().ifPresent(flex -> properties.put("functionAppConfig", functionAppConfig(app, flex, notes)));
            properties.put("siteConfig", siteConfig(app, notes));

            Props body = named(app, notes)
                    .put("kind", string("functionapp,linux"))
                    .put("identity", new Props()
                            .put("type", string("UserAssigned"))
                            .put("userAssignedIdentities", new Props()
                                    .put(interpolated(access(app.identity(), "id")), new ObjectLiteral(List.of()))
                                    .build())
                            .build())
                    .put("properties", properties.build());
            add(app, notes, ApiVersions.TYPE_SITES, ApiVersions.SITES, Optional.empty(), body);

            if (!app.site().basicPublishingCredentials()) {
                for (String method : List.of("ftp", "scm")) {
                    String symbol = fresh(app.symbol() + Character.toUpperCase(method.charAt(0))
                            + method.substring(1) + "Publishing");
                    decls.add(new Resource(List.of(), symbol,
                            ApiVersions.TYPE_SITE_BASIC_PUBLISHING_CREDENTIALS_POLICIES,
                            ApiVersions.SITE_BASIC_PUBLISHING_CREDENTIALS_POLICIES, false,
                            app.condition().map(ValueExprs::of), Optional.of(identifier(app.symbol())),
                            new Props()
                                    .put("name", string(method))
                                    .put("properties", new Props().put("allow", bool(false)).build())
                                    .build()));
                }
            }
        }

        private ObjectLiteral functionAppConfig(FunctionApp app, FlexConfig flex, DeviationNotes notes) {
            AzureResource target = deployment.resource(flex.deploymentContainer())
                    .filter(BlobContainer.class::isInstance)
                    .orElseThrow(() -> new IllegalStateException("function app " + app.symbol()
                            + " deploys to " + flex.deploymentContainer()
                            + ", which is not a blob container of the deployment"));
            BlobContainer container = (BlobContainer) target;
            Value packageUrl = new Value.Interpolation(List.of(
                    Value.ref(container.storageAccount(), Value.Attribute.BLOB_ENDPOINT), container.name()));
            Props config = new Props().put("deployment", new Props()
                    .put("storage", new Props()
                            .put("type", string("blobContainer"))
                            .put("value", ValueExprs.of(packageUrl))
                            .put("authentication", new Props()
                                    .put("type", string("UserAssignedIdentity"))
                                    .put("userAssignedIdentityResourceId", access(app.identity(), "id"))
                                    .build())
                            .build())
                    .build());
            app.runtime().ifPresent(runtime -> {
                Props r = new Props().put("name", runtime.nameParameter().<BicepExpr>map(BicepExpr::identifier)
                        .orElseGet(() -> string(runtime.name())));
                if (runtime.versionParameter().isPresent()) {
                    r.put("version", identifier(runtime.versionParameter().get()));
                } else if (!runtime.version().isEmpty()) {
                    r.put("version", string(runtime.version()));
                }
                config.put(notes.take("runtime"), "runtime", r.build());
            });
            Props scale = new Props()
                    .put(notes.take("maximumInstanceCount"), "maximumInstanceCount",
                            ValueExprs.of(flex.maximumInstanceCount()))
                    .put(notes.take("instanceMemory"), "instanceMemoryMB", integer(flex.instanceMemoryMB()));
            if (!flex.alwaysReady().isEmpty()) {
                List<BicepExpr> items = new ArrayList<>();
                for (AlwaysReady ready : flex.alwaysReady()) {
                    items.add(new Props()
                            .put("name", string(ready.name()))
                            .put("instanceCount", ValueExprs.of(ready.instanceCount()))
                            .build());
                }
                scale.put(notes.take("alwaysReady"), "alwaysReady", array(items));
            }
            config.put("scaleAndConcurrency", scale.build());
            return config.build();
        }

        private ObjectLiteral siteConfig(FunctionApp app, DeviationNotes notes) {
            SiteSettings site = app.site();
            Props config = new Props();
            if (app.planKind() != PlanKind.FLEX_CONSUMPTION) {
                app.runtime().filter(r -> !r.linuxFxVersion().isEmpty()).ifPresent(runtime ->
                        config.put(notes.take("runtime"), "linuxFxVersion", string(runtime.linuxFxVersion())));
            }
            site.alwaysOn().ifPresent(on -> config.put(notes.take("alwaysOn"), "alwaysOn", bool(on)));
            site.functionAppScaleLimit().ifPresent(v -> config.put(notes.take("functionAppScaleLimit"),
                    "functionAppScaleLimit", ValueExprs.of(v)));
            site.minimumElasticInstanceCount().ifPresent(v -> config.put(notes.take("minimumElasticInstanceCount"),
                    "minimumElasticInstanceCount", ValueExprs.of(v)));
            site.preWarmedInstanceCount().ifPresent(v -> config.put(notes.take("preWarmedInstanceCount"),
                    "preWarmedInstanceCount", ValueExprs.of(v)));
            config.put("minTlsVersion", string(site.minimumTlsVersion()));
            site.ftpsState().ifPresent(state -> config.put("ftpsState", string(state)));
            config.put("http20Enabled", bool(site.http20Enabled()));
            if (!site.corsAllowedOrigins().isEmpty()) {
                config.put(notes.take("cors"), "cors", new Props()
                        .put("allowedOrigins", array(site.corsAllowedOrigins().stream().map(ValueExprs::of).toList()))
                        .build());
            }
            List<ArrayItem> settings = new ArrayList<>();
            for (AppSetting setting : app.appSettings()) {
                settings.add(new ArrayItem(notes.take("appSettings." + setting.name()), new Props()
                        .put("name", string(setting.name()))
                        .put("value", ValueExprs.of(setting.value()))
                        .build()));
            }
            config.put("appSettings", new ArrayLiteral(settings));
            return config.build();
        }

        private void slot(DeploymentSlot s, DeviationNotes notes) {
            FunctionApp app = deployment.resource(s.app())
                    .filter(FunctionApp.class::isInstance)
                    .map(FunctionApp.class::cast)
                    .orElseThrow(() -> new IllegalStateException("deployment slot " + s.symbol() + " belongs to "
                            + s.app() + ", which is not a function app of the deployment"));
            // A slot is a second running copy of its app: same identity, network and site configuration.
            Props properties = new Props()
                    .put("serverFarmId", access(app.plan(), "id"))
                    .put("httpsOnly", bool(true));
            if (app.keyVaultReferences()) {
                properties.put("keyVaultReferenceIdentity", access(app.identity(), "id"));
            }
            app.subnetId().ifPresent(subnet -> properties.put("virtualNetworkSubnetId", ValueExprs.of(subnet)));
            properties.put("siteConfig", siteConfig(app, DeviationNotes.none()));
            Props body = named(s, notes)
                    .put("kind", string("functionapp,linux"))
                    .put("identity", new Props()
                            .put("type", string("UserAssigned"))
                            .put("userAssignedIdentities", new Props()
                                    .put(interpolated(access(app.identity(), "id")), new ObjectLiteral(List.of()))
                                    .build())
                            .build())
                    .put("properties", properties.build());
            add(s, notes, ApiVersions.TYPE_SITE_SLOTS, ApiVersions.SITE_SLOTS, Optional.of(identifier(s.app())),
                    body);
        }

        // -------------------------------------------------------------- messaging

        private void serviceBusNamespace(ServiceBusNamespace n, DeviationNotes notes) {
            Props sku = new Props().put("name", string(n.sku())).put("tier", string(n.sku()));
            Props properties = new Props()
                    .put(notes.take("minimumTlsVersion"), "minimumTlsVersion", string(n.minimumTlsVersion()))
                    .put(notes.take("disableLocalAuth"), "disableLocalAuth", bool(n.disableLocalAuth()));
            if (ImplicitSettings.SERVICE_BUS_PREMIUM.equals(n.sku())) {
                // The Terraform output must name the messaging units and partitions of a Premium namespace;
                // written here too so that both describe the same namespace.
                sku.put("capacity", integer(ImplicitSettings.SERVICE_BUS_PREMIUM_CAPACITY));
                properties.put("premiumMessagingPartitions", integer(ImplicitSettings.SERVICE_BUS_PREMIUM_PARTITIONS));
            }
            Props body = named(n, notes)
                    .put(notes.take("sku"), "sku", sku.build())
                    .put("properties", properties.build());
            add(n, notes, ApiVersions.TYPE_SERVICE_BUS_NAMESPACES, ApiVersions.SERVICE_BUS_NAMESPACES,
                    Optional.empty(), body);
        }

        private void serviceBusQueue(ServiceBusQueue q, DeviationNotes notes) {
            require(q.namespace(), ServiceBusNamespace.class, "Service Bus queue " + q.symbol() + " is in");
            Props properties = new Props()
                    .put(notes.take("requiresSession"), "requiresSession", bool(q.requiresSession()))
                    .put(notes.take("requiresDuplicateDetection"), "requiresDuplicateDetection",
                            bool(q.requiresDuplicateDetection()));
            q.lockDuration().ifPresent(v -> properties.put(notes.take("lockDuration"), "lockDuration",
                    ValueExprs.of(v)));
            q.maxDeliveryCount().ifPresent(v -> properties.put(notes.take("maxDeliveryCount"), "maxDeliveryCount",
                    ValueExprs.of(v)));
            q.defaultMessageTimeToLive().ifPresent(v -> properties.put(notes.take("defaultMessageTimeToLive"),
                    "defaultMessageTimeToLive", ValueExprs.of(v)));
            properties.put(notes.take("deadLetteringOnMessageExpiration"), "deadLetteringOnMessageExpiration",
                    bool(q.deadLetteringOnMessageExpiration()));
            add(q, notes, ApiVersions.TYPE_SERVICE_BUS_QUEUES, ApiVersions.SERVICE_BUS_QUEUES,
                    Optional.of(identifier(q.namespace())), child(q, notes).put("properties", properties.build()));
        }

        private void serviceBusTopic(ServiceBusTopic t, DeviationNotes notes) {
            require(t.namespace(), ServiceBusNamespace.class, "Service Bus topic " + t.symbol() + " is in");
            Props properties = new Props()
                    .put(notes.take("supportOrdering"), "supportOrdering", bool(t.supportOrdering()))
                    .put(notes.take("requiresDuplicateDetection"), "requiresDuplicateDetection",
                            bool(t.requiresDuplicateDetection()));
            add(t, notes, ApiVersions.TYPE_SERVICE_BUS_TOPICS, ApiVersions.SERVICE_BUS_TOPICS,
                    Optional.of(identifier(t.namespace())), child(t, notes).put("properties", properties.build()));
        }

        private void serviceBusSubscription(ServiceBusSubscription sub, DeviationNotes notes) {
            require(sub.topic(), ServiceBusTopic.class, "Service Bus subscription " + sub.symbol() + " is in");
            List<Comment> deliveries = new ArrayList<>(notes.take("maxDeliveryCount"));
            if (sub.maxDeliveryCount().isEmpty()) {
                deliveries.add(new Comment(ImplicitSettings.SERVICE_BUS_MAX_DELIVERY_COUNT_NOTE));
            }
            Props properties = new Props().put(deliveries, "maxDeliveryCount", sub.maxDeliveryCount()
                    .map(ValueExprs::of).orElseGet(() -> integer(ImplicitSettings.SERVICE_BUS_MAX_DELIVERY_COUNT)));
            sub.lockDuration().ifPresent(v -> properties.put(notes.take("lockDuration"), "lockDuration",
                    ValueExprs.of(v)));
            properties.put(notes.take("requiresSession"), "requiresSession", bool(sub.requiresSession()));
            sub.forwardTo().ifPresent(queue -> {
                require(queue, ServiceBusQueue.class, "Service Bus subscription " + sub.symbol() + " forwards to");
                // Service Bus names the entity to forward to, not its resource id.
                properties.put(notes.take("forwardTo"), "forwardTo",
                        ValueExprs.of(Value.ref(queue, Value.Attribute.NAME)));
            });
            add(sub, notes, ApiVersions.TYPE_SERVICE_BUS_SUBSCRIPTIONS, ApiVersions.SERVICE_BUS_SUBSCRIPTIONS,
                    Optional.of(identifier(sub.topic())), child(sub, notes).put("properties", properties.build()));
        }

        private void serviceBusRule(ServiceBusRule rule, DeviationNotes notes) {
            require(rule.subscription(), ServiceBusSubscription.class, "Service Bus rule " + rule.symbol()
                    + " belongs to");
            Props properties = new Props()
                    .put("filterType", string("SqlFilter"))
                    .put(notes.take("sqlExpression"), "sqlFilter", new Props()
                            .put("sqlExpression", ValueExprs.of(rule.sqlExpression()))
                            .build());
            add(rule, notes, ApiVersions.TYPE_SERVICE_BUS_RULES, ApiVersions.SERVICE_BUS_RULES,
                    Optional.of(identifier(rule.subscription())),
                    child(rule, notes).put("properties", properties.build()));
        }

        // -------------------------------------------------------------- Event Grid

        private void eventGridTopic(EventGridTopic t, DeviationNotes notes) {
            Props body = named(t, notes).put("properties", new Props()
                    .put(notes.take("inputSchema"), "inputSchema", string(t.inputSchema()))
                    .put(notes.take("disableLocalAuth"), "disableLocalAuth", bool(t.disableLocalAuth()))
                    .build());
            add(t, notes, ApiVersions.TYPE_EVENT_GRID_TOPICS, ApiVersions.EVENT_GRID_TOPICS, Optional.empty(),
                    body);
        }

        private void eventGridSystemTopic(EventGridSystemTopic t, DeviationNotes notes) {
            require(t.sourceResource(), AzureResource.class, "Event Grid system topic " + t.symbol()
                    + " publishes the events of");
            Props body = named(t, notes).put("properties", new Props()
                    .put(notes.take("sourceResource"), "source", access(t.sourceResource(), "id"))
                    .put(notes.take("topicType"), "topicType", string(t.topicType()))
                    .build());
            add(t, notes, ApiVersions.TYPE_EVENT_GRID_SYSTEM_TOPICS, ApiVersions.EVENT_GRID_SYSTEM_TOPICS,
                    Optional.empty(), body);
        }

        /**
         * A subscription of a system topic is its child resource; one of a custom topic is an extension resource
         * with the topic as its scope, as azurerm_eventgrid_event_subscription writes it.
         */
        private void eventSubscription(EventGridSubscription sub, DeviationNotes notes) {
            AzureResource topic = deployment.resource(sub.topic())
                    .filter(t -> t instanceof EventGridTopic || t instanceof EventGridSystemTopic)
                    .orElseThrow(() -> new IllegalStateException("event subscription " + sub.symbol() + " is on "
                            + sub.topic() + ", which is not an Event Grid topic or system topic of the deployment"));
            Props properties = new Props()
                    .put(destinationComments(sub, notes), "destination", destination(sub))
                    .put(notes.take("deliverySchema"), "eventDeliverySchema", string(sub.deliverySchema()));
            Props filter = new Props();
            if (!sub.includedEventTypes().isEmpty()) {
                filter.put(notes.take("includedEventTypes"), "includedEventTypes",
                        array(sub.includedEventTypes().stream().<BicepExpr>map(BicepExpr::string).toList()));
            }
            sub.subjectBeginsWith().ifPresent(v -> filter.put(notes.take("subjectBeginsWith"), "subjectBeginsWith",
                    ValueExprs.of(v)));
            sub.subjectEndsWith().ifPresent(v -> filter.put(notes.take("subjectEndsWith"), "subjectEndsWith",
                    ValueExprs.of(v)));
            if (!sub.advancedFilters().isEmpty()) {
                filter.put(notes.take("advancedFilters"), "advancedFilters",
                        array(sub.advancedFilters().stream().<BicepExpr>map(Main::advancedFilter).toList()));
            }
            if (!filter.isEmpty()) {
                properties.put("filter", filter.build());
            }
            sub.maxDeliveryAttempts().ifPresent(attempts -> properties.put(notes.take("maxDeliveryAttempts"),
                    "retryPolicy", new Props()
                            .put("maxDeliveryAttempts", ValueExprs.of(attempts))
                            .put(List.of(new Comment(ImplicitSettings.EVENT_GRID_EVENT_TIME_TO_LIVE_NOTE)),
                                    "eventTimeToLiveInMinutes",
                                    integer(ImplicitSettings.EVENT_GRID_EVENT_TIME_TO_LIVE_MINUTES))
                            .build()));
            Props body = new Props().put(notes.take("name"), "name", ValueExprs.of(sub.name()));
            if (topic instanceof EventGridSystemTopic) {
                add(sub, notes, ApiVersions.TYPE_EVENT_GRID_SYSTEM_TOPIC_EVENT_SUBSCRIPTIONS,
                        ApiVersions.EVENT_GRID_SYSTEM_TOPIC_EVENT_SUBSCRIPTIONS, Optional.of(identifier(sub.topic())),
                        body.put("properties", properties.build()));
            } else {
                add(sub, notes, ApiVersions.TYPE_EVENT_GRID_EVENT_SUBSCRIPTIONS,
                        ApiVersions.EVENT_GRID_EVENT_SUBSCRIPTIONS, Optional.empty(),
                        body.put("scope", identifier(sub.topic())).put("properties", properties.build()));
            }
        }

        /** The deviations on the destination, then why the function's code must be deployed first. */
        private static List<Comment> destinationComments(EventGridSubscription sub, DeviationNotes notes) {
            List<Comment> comments = new ArrayList<>(notes.take("destination"));
            comments.add(new Comment(EventDestinations.deployCodeFirst(sub.destination())));
            return comments;
        }

        private ObjectLiteral destination(EventGridSubscription sub) {
            EventDestination d = sub.destination();
            if (d instanceof EventDestination.Function f) {
                requireApp(f.app(), sub);
                return new Props()
                        .put("endpointType", string("AzureFunction"))
                        .put("properties", new Props()
                                .put("resourceId", ValueExprs.of(EventDestinations.functionId(f)))
                                .build())
                        .build();
            }
            if (d instanceof EventDestination.BlobsExtensionWebhook w) {
                requireApp(w.app(), sub);
                // The blobs extension's system key, read when the template is deployed.
                BicepExpr key = access(call("listKeys",
                        new InterpolatedString(List.of("", "/host/default"), List.of(access(w.app(), "id"))),
                        string(ApiVersions.SITE_HOST_KEYS)), "systemKeys", "blobs_extension");
                return new Props()
                        .put("endpointType", string("WebHook"))
                        .put("properties", new Props()
                                .put("endpointUrl", new InterpolatedString(
                                        List.of("https://", EventDestinations.webhookPath(w) + "&code=", ""),
                                        List.of(access(w.app(), "properties", "defaultHostName"), key)))
                                .build())
                        .build();
            }
            throw new IllegalArgumentException("no Bicep for event destination " + d);
        }

        private void requireApp(String symbol, EventGridSubscription sub) {
            require(symbol, FunctionApp.class, "event subscription " + sub.symbol() + " delivers to");
        }

        /** {@code value} or {@code values} as the operator takes them. */
        private static ObjectLiteral advancedFilter(AdvancedFilter f) {
            FilterOperators.Arity arity = FilterOperators.arity(f);
            Props filter = new Props()
                    .put("operatorType", string(f.operatorType()))
                    .put("key", string(f.key()));
            if (arity == FilterOperators.Arity.ONE) {
                filter.put("value", ValueExprs.of(f.values().get(0)));
            } else if (arity == FilterOperators.Arity.MANY) {
                filter.put("values", array(f.values().stream().map(ValueExprs::of).toList()));
            }
            return filter.build();
        }

        // -------------------------------------------------------------- Event Hubs

        private void eventHubNamespace(EventHubNamespace n, DeviationNotes notes) {
            Props body = named(n, notes)
                    .put(notes.take("sku"), "sku", new Props()
                            .put("name", string(n.sku()))
                            .put("tier", string(n.sku()))
                            .build())
                    .put("properties", new Props()
                            .put(notes.take("minimumTlsVersion"), "minimumTlsVersion", string(n.minimumTlsVersion()))
                            .put(notes.take("disableLocalAuth"), "disableLocalAuth", bool(n.disableLocalAuth()))
                            .build());
            add(n, notes, ApiVersions.TYPE_EVENT_HUB_NAMESPACES, ApiVersions.EVENT_HUB_NAMESPACES, Optional.empty(),
                    body);
        }

        private void eventHub(EventHub h, DeviationNotes notes) {
            require(h.namespace(), EventHubNamespace.class, "event hub " + h.symbol() + " is in");
            Props properties = new Props()
                    .put(notes.take("partitionCount"), "partitionCount", ValueExprs.of(h.partitionCount()))
                    .put(notes.take("messageRetentionInDays"), "messageRetentionInDays",
                            ValueExprs.of(h.messageRetentionInDays()));
            add(h, notes, ApiVersions.TYPE_EVENT_HUBS, ApiVersions.EVENT_HUBS, Optional.of(identifier(h.namespace())),
                    child(h, notes).put("properties", properties.build()));
        }

        private void consumerGroup(EventHubConsumerGroup g, DeviationNotes notes) {
            require(g.hub(), EventHub.class, "consumer group " + g.symbol() + " is in");
            add(g, notes, ApiVersions.TYPE_EVENT_HUB_CONSUMER_GROUPS, ApiVersions.EVENT_HUB_CONSUMER_GROUPS,
                    Optional.of(identifier(g.hub())), child(g, notes));
        }

        // -------------------------------------------------------------- Cosmos DB

        private void cosmosAccount(CosmosAccount a, DeviationNotes notes) {
            Props properties = new Props()
                    .put("databaseAccountOfferType", string(ImplicitSettings.COSMOS_OFFER_TYPE))
                    .put("consistencyPolicy", new Props()
                            .put("defaultConsistencyLevel", string(ImplicitSettings.COSMOS_CONSISTENCY_LEVEL))
                            .build())
                    // One region, the deployment's: the model describes a single-region account.
                    .put("locations", array(List.of(new Props()
                            .put("locationName", identifier(LOCATION))
                            .put("failoverPriority", integer(ImplicitSettings.COSMOS_FAILOVER_PRIORITY))
                            .build())));
            if (a.serverless()) {
                properties.put(notes.take("serverless"), "capabilities", array(List.of(new Props()
                        .put("name", string(ImplicitSettings.COSMOS_SERVERLESS_CAPABILITY))
                        .build())));
            }
            properties.put(notes.take("disableLocalAuth"), "disableLocalAuth", bool(a.disableLocalAuth()))
                    .put(notes.take("minimalTlsVersion"), "minimalTlsVersion", string(a.minimalTlsVersion()));
            Props body = named(a, notes)
                    .put("kind", string(ImplicitSettings.COSMOS_KIND))
                    .put("properties", properties.build());
            add(a, notes, ApiVersions.TYPE_COSMOS_ACCOUNTS, ApiVersions.COSMOS_ACCOUNTS, Optional.empty(), body);
        }

        private void cosmosDatabase(CosmosSqlDatabase d, DeviationNotes notes) {
            require(d.account(), CosmosAccount.class, "Cosmos DB database " + d.symbol() + " is in");
            // resource.id is the database's name again: Cosmos DB requires both.
            Props properties = new Props().put("resource", new Props().put("id", ValueExprs.of(d.name())).build());
            add(d, notes, ApiVersions.TYPE_COSMOS_SQL_DATABASES, ApiVersions.COSMOS_SQL_DATABASES,
                    Optional.of(identifier(d.account())), child(d, notes).put("properties", properties.build()));
        }

        private void cosmosContainer(CosmosSqlContainer c, DeviationNotes notes) {
            require(c.database(), CosmosSqlDatabase.class, "Cosmos DB container " + c.symbol() + " is in");
            Props resource = new Props()
                    .put("id", ValueExprs.of(c.name()))
                    .put(notes.take("partitionKeyPath"), "partitionKey", new Props()
                            .put("paths", array(List.of(string(c.partitionKeyPath()))))
                            .put("kind", string(ImplicitSettings.COSMOS_PARTITION_KEY_KIND))
                            .build());
            c.defaultTtl().ifPresent(ttl -> resource.put(notes.take("defaultTtl"), "defaultTtl", ValueExprs.of(ttl)));
            add(c, notes, ApiVersions.TYPE_COSMOS_SQL_CONTAINERS, ApiVersions.COSMOS_SQL_CONTAINERS,
                    Optional.of(identifier(c.database())), child(c, notes).put("properties", new Props()
                            .put("resource", resource.build())
                            .build()));
        }

        /** Cosmos DB's own data-plane RBAC: the role and the scope are paths inside the account. */
        private void cosmosRoleAssignment(CosmosSqlRoleAssignment a, DeviationNotes notes) {
            require(a.account(), CosmosAccount.class, "Cosmos DB role assignment " + a.symbol() + " is in");
            a.database().ifPresent(db -> require(db, CosmosSqlDatabase.class, "Cosmos DB role assignment "
                    + a.symbol() + " is limited to"));
            List<Comment> role = new ArrayList<>(notes.take("role"));
            role.add(new Comment(a.role().name()));
            Props properties = new Props()
                    .put(role, "roleDefinitionId", ValueExprs.of(CosmosPaths.roleDefinitionId(a)))
                    .put(notes.take("principal"), "principalId", access(a.principal(), "properties", "principalId"))
                    .put(notes.take("database"), "scope", ValueExprs.of(CosmosPaths.scope(a)));
            add(a, notes, ApiVersions.TYPE_COSMOS_SQL_ROLE_ASSIGNMENTS, ApiVersions.COSMOS_SQL_ROLE_ASSIGNMENTS,
                    Optional.of(identifier(a.account())), child(a, notes).put("properties", properties.build()),
                    // The resource has no description property: the model's reason is a comment instead.
                    List.of(new Comment(a.description())));
        }

        // -------------------------------------------------------------- Key Vault

        private void keyVault(KeyVault v, DeviationNotes notes) {
            Props properties = new Props()
                    .put("tenantId", ValueExprs.of(new Value.Context(Value.ContextValue.TENANT_ID)))
                    .put("sku", new Props()
                            .put("family", string(ImplicitSettings.KEY_VAULT_SKU_FAMILY))
                            .put("name", string(ImplicitSettings.KEY_VAULT_SKU))
                            .build())
                    .put(notes.take("rbacAuthorization"), "enableRbacAuthorization", bool(v.rbacAuthorization()))
                    // Soft delete is always on (it cannot be turned off, and azurerm has no argument for it); written
                    // so that the retention below reads as what it is, and checkov's recoverability check sees it.
                    .put("enableSoftDelete", bool(true))
                    .put(notes.take("softDeleteRetentionInDays"), "softDeleteRetentionInDays",
                            integer(v.softDeleteRetentionInDays()));
            // Key Vault accepts only true here ("does not accept false", VaultProperties.enablePurgeProtection in
            // keyvault/microsoft.keyvault/2026-02-01/types.json): without purge protection the property is left out.
            if (v.purgeProtection()) {
                properties.put(notes.take("purgeProtection"), "enablePurgeProtection", bool(true));
            }
            add(v, notes, ApiVersions.TYPE_KEY_VAULTS, ApiVersions.KEY_VAULTS, Optional.empty(),
                    named(v, notes).put("properties", properties.build()));
        }

        private void keyVaultSecret(KeyVaultSecret secret, DeviationNotes notes) {
            require(secret.vault(), KeyVault.class, "Key Vault secret " + secret.symbol() + " is in");
            Props properties = new Props().put(notes.take("value"), "value", ValueExprs.of(secret.value()))
                    .put(notes.take("contentType"), "contentType", string(secret.contentType()));
            add(secret, notes, ApiVersions.TYPE_KEY_VAULT_SECRETS, ApiVersions.KEY_VAULT_SECRETS,
                    Optional.of(identifier(secret.vault())),
                    child(secret, notes).put("properties", properties.build()));
        }

        // -------------------------------------------------------------- API Management

        private void apiManagementService(ApiManagementService service, DeviationNotes notes) {
            // No customProperties: the Consumption tier accepts no change to the protocol and cipher defaults, which
            // allow TLS 1.2 (learn.microsoft.com/azure/api-management/api-management-howto-manage-protocols-ciphers).
            Props body = named(service, notes)
                    .put(notes.take("sku"), "sku", new Props()
                            .put("name", string(service.skuName()))
                            .put("capacity", integer(service.capacity()))
                            .build())
                    .put("properties", new Props()
                            .put(notes.take("publisherEmail"), "publisherEmail",
                                    ValueExprs.of(service.publisherEmail()))
                            .put(notes.take("publisherName"), "publisherName", ValueExprs.of(service.publisherName()))
                            .build());
            add(service, notes, ApiVersions.TYPE_API_MANAGEMENT_SERVICES, ApiVersions.API_MANAGEMENT_SERVICES,
                    Optional.empty(), body);
        }

        private void apiManagementApi(ApiManagementApi api, DeviationNotes notes) {
            require(api.service(), ApiManagementService.class, "API " + api.symbol() + " is in");
            Props properties = new Props()
                    .put(notes.take("displayName"), "displayName", ValueExprs.of(api.displayName()))
                    .put(notes.take("path"), "path", string(api.path()))
                    .put(notes.take("protocols"), "protocols",
                            array(api.protocols().stream().<BicepExpr>map(BicepExpr::string).toList()))
                    .put(notes.take("subscriptionRequired"), "subscriptionRequired", bool(api.subscriptionRequired()))
                    .put("subscriptionKeyParameterNames", new Props()
                            .put("header", string(api.subscriptionKeyHeader()))
                            .put("query", string(api.subscriptionKeyQuery()))
                            .build());
            add(api, notes, ApiVersions.TYPE_API_MANAGEMENT_APIS, ApiVersions.API_MANAGEMENT_APIS,
                    Optional.of(identifier(api.service())), child(api, notes).put("properties", properties.build()));
        }

        /** The app's default function key, read from its host keys when the template is deployed. */
        private void namedValue(ApiManagementNamedValue value, DeviationNotes notes) {
            require(value.service(), ApiManagementService.class, "named value " + value.symbol() + " is in");
            require(value.app(), FunctionApp.class, "named value " + value.symbol() + " holds the key of");
            BicepExpr key = access(call("listKeys", new InterpolatedString(List.of("", "/host/default"),
                    List.of(access(value.app(), "id"))), string(ApiVersions.SITE_HOST_KEYS)), "functionKeys",
                    "default");
            Props properties = new Props()
                    .put("displayName", ValueExprs.of(value.name()))
                    .put(notes.take("secret"), "secret", bool(value.secret()))
                    .put(notes.take("app"), "value", key);
            add(value, notes, ApiVersions.TYPE_API_MANAGEMENT_NAMED_VALUES, ApiVersions.API_MANAGEMENT_NAMED_VALUES,
                    Optional.of(identifier(value.service())), child(value, notes).put("properties", properties.build()));
        }

        private void backend(ApiManagementBackend backend, DeviationNotes notes) {
            require(backend.service(), ApiManagementService.class, "backend " + backend.symbol() + " is in");
            require(backend.app(), FunctionApp.class, "backend " + backend.symbol() + " calls");
            require(backend.key(), ApiManagementNamedValue.class, "backend " + backend.symbol() + " sends the key of");
            // {{name}} is replaced by the named value when API Management calls the backend; naming it through the
            // resource also makes the backend wait for it.
            BicepExpr reference = new InterpolatedString(List.of("{{", "}}"), List.of(access(backend.key(), "name")));
            Props properties = new Props()
                    .put("protocol", string("http"))
                    .put(notes.take("url"), "url", ValueExprs.of(backend.url()))
                    .put(notes.take("key"), "credentials", new Props()
                            .put("header", new Props()
                                    .put(backend.keyHeader(), array(List.of(reference)))
                                    .build())
                            .build());
            add(backend, notes, ApiVersions.TYPE_API_MANAGEMENT_BACKENDS, ApiVersions.API_MANAGEMENT_BACKENDS,
                    Optional.of(identifier(backend.service())),
                    child(backend, notes).put("properties", properties.build()));
        }

        private void operation(ApiManagementOperation operation, DeviationNotes notes) {
            require(operation.api(), ApiManagementApi.class, "operation " + operation.symbol() + " is in");
            Props properties = new Props()
                    .put("displayName", string(operation.displayName()))
                    .put(notes.take("method"), "method", string(operation.method()))
                    .put(notes.take("urlTemplate"), "urlTemplate", string(operation.urlTemplate()));
            if (!operation.templateParameters().isEmpty()) {
                properties.put("templateParameters", array(operation.templateParameters().stream()
                        .<BicepExpr>map(p -> new Props()
                                .put("name", string(p))
                                .put("type", string(ImplicitSettings.APIM_TEMPLATE_PARAMETER_TYPE))
                                .put("required", bool(true))
                                .build())
                        .toList()));
            }
            add(operation, notes, ApiVersions.TYPE_API_MANAGEMENT_OPERATIONS, ApiVersions.API_MANAGEMENT_OPERATIONS,
                    Optional.of(identifier(operation.api())),
                    child(operation, notes).put("properties", properties.build()));
        }

        /** A policy is a child of the API, operation or product it applies to. */
        private void policy(ApiManagementPolicy policy, DeviationNotes notes) {
            AzureResource scope = require(policy.scope(), AzureResource.class, "policy " + policy.symbol()
                    + " applies to");
            String type;
            String version;
            if (scope instanceof ApiManagementApi) {
                type = ApiVersions.TYPE_API_MANAGEMENT_API_POLICIES;
                version = ApiVersions.API_MANAGEMENT_API_POLICIES;
            } else if (scope instanceof ApiManagementOperation) {
                type = ApiVersions.TYPE_API_MANAGEMENT_OPERATION_POLICIES;
                version = ApiVersions.API_MANAGEMENT_OPERATION_POLICIES;
            } else if (scope instanceof ApiManagementProduct) {
                type = ApiVersions.TYPE_API_MANAGEMENT_PRODUCT_POLICIES;
                version = ApiVersions.API_MANAGEMENT_PRODUCT_POLICIES;
            } else {
                throw new IllegalStateException("policy " + policy.symbol() + " applies to " + policy.scope()
                        + ", which is not an API, operation or product of the deployment");
            }
            Props properties = new Props()
                    .put("format", string(ImplicitSettings.APIM_POLICY_FORMAT))
                    .put(notes.take("xml"), "value", ValueExprs.of(policy.xml()));
            add(policy, notes, type, version, Optional.of(identifier(policy.scope())),
                    child(policy, notes).put("properties", properties.build()));
        }

        private void product(ApiManagementProduct product, DeviationNotes notes) {
            require(product.service(), ApiManagementService.class, "product " + product.symbol() + " is in");
            Props properties = new Props()
                    .put(notes.take("displayName"), "displayName", ValueExprs.of(product.displayName()))
                    .put(notes.take("subscriptionRequired"), "subscriptionRequired",
                            bool(product.subscriptionRequired()))
                    .put(notes.take("approvalRequired"), "approvalRequired", bool(product.approvalRequired()))
                    .put(notes.take("published"), "state", string(product.published() ? "published"
                            : "notPublished"));
            add(product, notes, ApiVersions.TYPE_API_MANAGEMENT_PRODUCTS, ApiVersions.API_MANAGEMENT_PRODUCTS,
                    Optional.of(identifier(product.service())),
                    child(product, notes).put("properties", properties.build()));
        }

        private void productApi(ApiManagementProductApi link, DeviationNotes notes) {
            require(link.product(), ApiManagementProduct.class, "product API " + link.symbol() + " is in");
            require(link.api(), ApiManagementApi.class, "product API " + link.symbol() + " links");
            add(link, notes, ApiVersions.TYPE_API_MANAGEMENT_PRODUCT_APIS, ApiVersions.API_MANAGEMENT_PRODUCT_APIS,
                    Optional.of(identifier(link.product())), child(link, notes));
        }

        private void subscription(ApiManagementSubscription subscription, DeviationNotes notes) {
            ApiManagementProduct product = require(subscription.product(), ApiManagementProduct.class,
                    "subscription " + subscription.symbol() + " is for");
            // A subscription's scope is written /products/<name>, as API Management documents it.
            Props properties = new Props()
                    .put(notes.take("product"), "scope", new InterpolatedString(List.of("/products/", ""),
                            List.of(access(subscription.product(), "name"))))
                    .put("displayName", string(subscription.displayName()))
                    .put(notes.take("state"), "state", string(subscription.state()))
                    .put(notes.take("allowTracing"), "allowTracing", bool(subscription.allowTracing()));
            add(subscription, notes, ApiVersions.TYPE_API_MANAGEMENT_SUBSCRIPTIONS,
                    ApiVersions.API_MANAGEMENT_SUBSCRIPTIONS, Optional.of(identifier(product.service())),
                    child(subscription, notes).put("properties", properties.build()));
        }

        // -------------------------------------------------------------- helpers

        /** {@code name} and {@code location}, which every top-level resource starts with. */
        private static Props named(AzureResource r, DeviationNotes notes) {
            return new Props()
                    .put(notes.take("name"), "name", ValueExprs.of(r.name()))
                    .put(LOCATION, identifier(LOCATION));
        }

        /** {@code name} alone, which child resources start with: they take their parent's location. */
        private static Props child(AzureResource r, DeviationNotes notes) {
            return new Props().put(notes.take("name"), "name", ValueExprs.of(r.name()));
        }

        /** The resource a record refers to, which must be of that kind. */
        private <T extends AzureResource> T require(String symbol, Class<T> kind, String what) {
            return deployment.resource(symbol).filter(kind::isInstance).map(kind::cast)
                    .orElseThrow(() -> new IllegalStateException(what + " " + symbol + ", which is not "
                            + describe(kind) + " of the deployment"));
        }

        private static String describe(Class<? extends AzureResource> kind) {
            return kind == AzureResource.class ? "a resource" : "a " + kind.getSimpleName();
        }

        /** Adds the resource, with the deviations not placed on a property above it. */
        private void add(AzureResource r, DeviationNotes notes, String type, String apiVersion,
                         Optional<BicepExpr> parent, Props body) {
            add(r, notes, type, apiVersion, parent, body, List.of());
        }

        /** Adds the resource, with the deviations not placed on a property, then notes of the emitter, above it. */
        private void add(AzureResource r, DeviationNotes notes, String type, String apiVersion,
                         Optional<BicepExpr> parent, Props body, List<Comment> extraComments) {
            ObjectLiteral built = body.build();
            List<Comment> comments = new ArrayList<>(notes.rest());
            comments.addAll(extraComments);
            decls.add(new Resource(comments, r.symbol(), type, apiVersion, false,
                    r.condition().map(ValueExprs::of), parent, built));
        }

        /** A symbol for a resource the emitter adds, unique in the file. */
        private String fresh(String base) {
            String symbol = base;
            for (int n = 2; taken.contains(symbol); n++) {
                symbol = base + n;
            }
            taken.add(symbol);
            return symbol;
        }
    }

    private static ArrayLiteral array(List<BicepExpr> items) {
        return new ArrayLiteral(items.stream().map(i -> new ArrayItem(List.of(), i)).toList());
    }

    /** <code>'${expr}'</code>. */
    private static InterpolatedString interpolated(BicepExpr expr) {
        return new InterpolatedString(List.of("", ""), List.of(expr));
    }

    /** Collects the properties of an object literal in order. */
    static final class Props {
        private final List<ObjectProperty> properties = new ArrayList<>();

        Props put(String key, BicepExpr value) {
            return put(List.of(), key, value);
        }

        Props put(List<Comment> comments, String key, BicepExpr value) {
            properties.add(new ObjectProperty(comments, string(key), value));
            return this;
        }

        Props put(BicepExpr key, BicepExpr value) {
            properties.add(new ObjectProperty(List.of(), key, value));
            return this;
        }

        boolean isEmpty() {
            return properties.isEmpty();
        }

        ObjectLiteral build() {
            return new ObjectLiteral(properties);
        }
    }
}
