package io.lambda2azure.core.azure;

import io.lambda2azure.core.source.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource of the Azure deployment, described by what it is rather than by the syntax of one IaC
 * language: Bicep and Terraform emitters print the same records, so both outputs describe the same
 * infrastructure. Every security-relevant setting is an explicit field the planner sets.
 */
public sealed interface AzureResource {

    /** The symbolic name: a Bicep identifier and a Terraform resource name, unique in the deployment. */
    String symbol();

    /** The Azure resource name. */
    Value name();

    /** The condition the resource is deployed under, if any (a {@link Value.Variable}). */
    Optional<Value> condition();

    /** The AWS element it was generated for, or the template itself for shared resources. */
    SourceLocation source();

    /** A Log Analytics workspace for Application Insights. */
    record LogAnalyticsWorkspace(String symbol, Value name, Optional<Value> condition, Value retentionInDays,
                                 SourceLocation source) implements AzureResource {
        public LogAnalyticsWorkspace {
            check(symbol, name, condition, source);
            Objects.requireNonNull(retentionInDays, "retentionInDays");
        }
    }

    /** Workspace-based Application Insights. */
    record ApplicationInsights(String symbol, Value name, Optional<Value> condition, String workspace,
                               boolean disableLocalAuth, SourceLocation source) implements AzureResource {
        public ApplicationInsights {
            check(symbol, name, condition, source);
            Objects.requireNonNull(workspace, "workspace");
        }
    }

    /**
     * A storage account.
     *
     * @param allowSharedKeyAccess whether account keys work (off: identity only)
     * @param minimumTlsVersion    {@code TLS1_2}
     * @param allowBlobPublicAccess whether anonymous blob access may be enabled
     */
    record StorageAccount(String symbol, Value name, Optional<Value> condition, String sku,
                          boolean allowSharedKeyAccess, String minimumTlsVersion, boolean allowBlobPublicAccess,
                          SourceLocation source) implements AzureResource {
        public StorageAccount {
            check(symbol, name, condition, source);
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(minimumTlsVersion, "minimumTlsVersion");
        }
    }

    /** A private blob container in a storage account of the deployment. */
    record BlobContainer(String symbol, Value name, Optional<Value> condition, String storageAccount,
                         SourceLocation source) implements AzureResource {
        public BlobContainer {
            check(symbol, name, condition, source);
            Objects.requireNonNull(storageAccount, "storageAccount");
        }
    }

    /** A user-assigned managed identity. */
    record UserAssignedIdentity(String symbol, Value name, Optional<Value> condition, SourceLocation source)
            implements AzureResource {
        public UserAssignedIdentity {
            check(symbol, name, condition, source);
        }
    }

    /**
     * A role assignment of a managed identity on a resource of the deployment.
     *
     * @param scope       the symbolic name of the resource the role applies to
     * @param role        the role
     * @param principal   the symbolic name of the user-assigned identity that gets it
     * @param description why the identity needs it
     */
    record RoleAssignment(String symbol, Value name, Optional<Value> condition, String scope, RoleDefinition role,
                          String principal, String description, SourceLocation source) implements AzureResource {
        public RoleAssignment {
            check(symbol, name, condition, source);
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * A hosting plan (Microsoft.Web/serverfarms, azurerm_service_plan), always Linux.
     *
     * @param kind                      the plan kind
     * @param skuName                   {@code FC1}, {@code EP1}, {@code P1v3}, {@code Y1}, ...
     * @param skuTier                   {@code FlexConsumption}, {@code ElasticPremium}, ...
     * @param maximumElasticWorkerCount Premium's maximum burst, if set
     */
    record HostingPlan(String symbol, Value name, Optional<Value> condition, PlanKind kind, String skuName,
                       String skuTier, Optional<Integer> maximumElasticWorkerCount, SourceLocation source)
            implements AzureResource {
        public HostingPlan {
            check(symbol, name, condition, source);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(skuName, "skuName");
            Objects.requireNonNull(skuTier, "skuTier");
            Objects.requireNonNull(maximumElasticWorkerCount, "maximumElasticWorkerCount");
        }
    }

    /**
     * A Linux function app.
     *
     * @param plan          the symbolic name of its hosting plan
     * @param planKind      the kind of that plan
     * @param runtime       the language runtime, empty when it could not be chosen (a blocker deviation says
     *                      so)
     * @param flex          Flex Consumption's settings, on that plan only
     * @param site          site settings
     * @param appSettings   application settings, host settings first, then the function's environment
     * @param identity      the symbolic name of its user-assigned identity
     * @param storage       the symbolic name of its host storage account
     * @param insights      the symbolic name of its Application Insights
     * @param subnetId      the subnet it is integrated with, if any
     * @param functionTimeoutSeconds host.json's functionTimeout, when the functions need more than the
     *                      plan's default
     * @param triggers      the trigger bindings its functions need
     * @param awsFunctions  the logical ids of the Lambda functions it hosts
     */
    record FunctionApp(String symbol, Value name, Optional<Value> condition, String plan, PlanKind planKind,
                       Optional<Runtime> runtime, Optional<FlexConfig> flex, SiteSettings site,
                       List<AppSetting> appSettings, String identity, String storage, String insights,
                       Optional<Value> subnetId, Optional<Integer> functionTimeoutSeconds, List<Trigger> triggers,
                       List<String> awsFunctions, SourceLocation source) implements AzureResource {
        public FunctionApp {
            check(symbol, name, condition, source);
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(planKind, "planKind");
            Objects.requireNonNull(runtime, "runtime");
            Objects.requireNonNull(flex, "flex");
            Objects.requireNonNull(site, "site");
            appSettings = List.copyOf(appSettings);
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(storage, "storage");
            Objects.requireNonNull(insights, "insights");
            Objects.requireNonNull(subnetId, "subnetId");
            Objects.requireNonNull(functionTimeoutSeconds, "functionTimeoutSeconds");
            triggers = List.copyOf(triggers);
            awsFunctions = List.copyOf(awsFunctions);
        }
    }

    /**
     * A deployment slot of a function app: a second running copy of the app with the app's identity,
     * network and site configuration (settings included), which deployments go to before a swap.
     */
    record DeploymentSlot(String symbol, Value name, Optional<Value> condition, String app, SourceLocation source)
            implements AzureResource {
        public DeploymentSlot {
            check(symbol, name, condition, source);
            Objects.requireNonNull(app, "app");
        }
    }

    /**
     * A language runtime.
     *
     * @param name             Flex Consumption's runtime name: {@code dotnet-isolated}, {@code java},
     *                         {@code node}, {@code python}, {@code powershell} or {@code custom}
     * @param version          its version ({@code 3.12}, {@code 21}, {@code 10.0})
     * @param linuxFxVersion   the same for the other plans ({@code PYTHON|3.12}); empty when none applies
     * @param nameParameter    the deployment parameter that supplies the name instead, when the input's
     *                         runtime could not be mapped (then {@code name} is empty)
     * @param versionParameter the deployment parameter that supplies the version instead, likewise
     */
    record Runtime(String name, String version, String linuxFxVersion, Optional<String> nameParameter,
                   Optional<String> versionParameter) {
        public Runtime {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(linuxFxVersion, "linuxFxVersion");
            Objects.requireNonNull(nameParameter, "nameParameter");
            Objects.requireNonNull(versionParameter, "versionParameter");
        }

        /** A runtime known when planning. */
        public Runtime(String name, String version, String linuxFxVersion) {
            this(name, version, linuxFxVersion, Optional.empty(), Optional.empty());
        }

        /** A runtime supplied at deployment by two parameters. */
        public static Runtime fromParameters(String nameParameter, String versionParameter) {
            return new Runtime("", "", "", Optional.of(nameParameter), Optional.of(versionParameter));
        }
    }

    /**
     * Flex Consumption's function app configuration.
     *
     * @param instanceMemoryMB     512, 2048 or 4096
     * @param maximumInstanceCount the scale-out limit
     * @param alwaysReady          always-ready instance counts by function group or function name
     * @param deploymentContainer  the symbolic name of the blob container the package is deployed to
     */
    record FlexConfig(int instanceMemoryMB, Value maximumInstanceCount, List<AlwaysReady> alwaysReady,
                      String deploymentContainer) {
        public FlexConfig {
            Objects.requireNonNull(maximumInstanceCount, "maximumInstanceCount");
            alwaysReady = List.copyOf(alwaysReady);
            Objects.requireNonNull(deploymentContainer, "deploymentContainer");
        }
    }

    /** Always-ready instances for a function or a group ({@code http}, {@code function:name}). */
    record AlwaysReady(String name, Value instanceCount) {
        public AlwaysReady {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(instanceCount, "instanceCount");
        }
    }

    /**
     * Site settings. Empty optionals are not written.
     *
     * @param alwaysOn                    keep the app loaded (Dedicated)
     * @param functionAppScaleLimit       the scale-out limit (Consumption, Premium)
     * @param preWarmedInstanceCount      pre-warmed instances (Premium)
     * @param minimumElasticInstanceCount always-on instances (Premium)
     * @param corsAllowedOrigins          CORS origins, if any
     * @param minimumTlsVersion           {@code 1.2}
     * @param ftpsState                   {@code Disabled}; empty where the plan has no FTPS setting (Flex
     *                                    Consumption, where basic publishing credentials are off instead)
     * @param http20Enabled               HTTP/2
     * @param basicPublishingCredentials  whether FTP and SCM basic authentication stay enabled
     */
    record SiteSettings(Optional<Boolean> alwaysOn, Optional<Value> functionAppScaleLimit,
                        Optional<Value> preWarmedInstanceCount, Optional<Value> minimumElasticInstanceCount,
                        List<Value> corsAllowedOrigins, String minimumTlsVersion, Optional<String> ftpsState,
                        boolean http20Enabled, boolean basicPublishingCredentials) {
        public SiteSettings {
            Objects.requireNonNull(alwaysOn, "alwaysOn");
            Objects.requireNonNull(functionAppScaleLimit, "functionAppScaleLimit");
            Objects.requireNonNull(preWarmedInstanceCount, "preWarmedInstanceCount");
            Objects.requireNonNull(minimumElasticInstanceCount, "minimumElasticInstanceCount");
            corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
            Objects.requireNonNull(minimumTlsVersion, "minimumTlsVersion");
            Objects.requireNonNull(ftpsState, "ftpsState");
        }
    }

    private static void check(String symbol, Value name, Optional<Value> condition, SourceLocation source) {
        Objects.requireNonNull(symbol, "symbol");
        if (!symbol.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
            throw new IllegalArgumentException("not a valid symbolic name: " + symbol);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(source, "source");
    }
}
