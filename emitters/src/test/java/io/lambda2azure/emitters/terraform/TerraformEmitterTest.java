package io.lambda2azure.emitters.terraform;

import io.lambda2azure.emitters.fixtures.Fixtures;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureOutput;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureParameter.ParamType;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.UserAssignedIdentity;
import io.lambda2azure.core.azure.AzureVariable;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.azure.Value.Attribute;
import io.lambda2azure.core.azure.Value.ContextValue;
import io.lambda2azure.core.azure.Value.Fn;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.lambda2azure.emitters.fixtures.Fixtures.at;
import static io.lambda2azure.emitters.fixtures.Fixtures.call;
import static io.lambda2azure.emitters.fixtures.Fixtures.ctx;
import static io.lambda2azure.emitters.fixtures.Fixtures.interpolation;
import static io.lambda2azure.emitters.fixtures.Fixtures.param;
import static io.lambda2azure.emitters.fixtures.Fixtures.parameter;
import static io.lambda2azure.emitters.fixtures.Fixtures.ref;
import static io.lambda2azure.emitters.fixtures.Fixtures.text;
import static io.lambda2azure.emitters.fixtures.Fixtures.var;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Single behaviours of the emitter, on small models. */
class TerraformEmitterTest {

    private static AzureDeployment deployment(List<AzureParameter> params, List<AzureVariable> vars,
                                              List<AzureResource> resources, List<AzureOutput> outputs) {
        return new AzureDeployment("t.yaml", PlanKind.FLEX_CONSUMPTION, "test", params, vars, resources, outputs,
                List.of());
    }

    private static AzureResource identity(String symbol, Optional<Value> condition) {
        return new UserAssignedIdentity(symbol, text(symbol), condition, at(1));
    }

    private static AzureOutput output(String name, Value value) {
        return new AzureOutput(name, ParamType.STRING, value, Optional.empty(), at(1));
    }

    @Test
    void conditionalResourcesGetCountAndEveryReferenceReadsInstanceZero() {
        AzureDeployment d = deployment(List.of(parameter("on", ParamType.BOOL, Optional.of(Value.bool(true)),
                        List.of(), null, false)), List.of(),
                List.of(identity("maybe", Optional.of(param("on"))), identity("always", Optional.empty())),
                List.of(output("maybeId", ref("maybe", Attribute.PRINCIPAL_ID)),
                        output("alwaysId", ref("always", Attribute.PRINCIPAL_ID))));
        TerraformFiles files = TerraformEmitter.emit(d);
        assertThat(files.mainTf()).contains("""
                resource "azurerm_user_assigned_identity" "maybe" {
                  count = var.on ? 1 : 0

                  name                = "maybe"
                """);
        assertThat(files.outputsTf())
                .contains("value = azurerm_user_assigned_identity.maybe[0].principal_id")
                .contains("value = azurerm_user_assigned_identity.always.principal_id");
    }

    @Test
    void resourcesWithoutALocationParameterUseTheResourceGroupsLocation() {
        String main = TerraformEmitter.emit(deployment(List.of(), List.of(), List.of(identity("id",
                Optional.empty())), List.of())).mainTf();
        assertThat(main).contains("location            = data.azurerm_resource_group.target.location")
                .doesNotContain("locals").doesNotContain("azurerm_client_config");
    }

    @Test
    void aLiteralLocationDefaultStaysAVariableDefault() {
        AzureDeployment d = deployment(List.of(parameter("location", ParamType.STRING,
                Optional.of(text("westeurope")), List.of(), null, false)), List.of(), List.of(identity("id",
                Optional.empty())), List.of());
        TerraformFiles files = TerraformEmitter.emit(d);
        assertThat(files.variablesTf()).contains("default = \"westeurope\"");
        assertThat(files.mainTf()).contains("location            = var.location").doesNotContain("coalesce");
    }

    @Test
    void expressionDefaultsBecomeNullWithAFallbackLocalThatAllowedValuesAccept() {
        AzureDeployment d = deployment(List.of(parameter("region", ParamType.STRING,
                Optional.of(ctx(ContextValue.LOCATION)), List.of(text("eastus"), text("westeurope")), "Where.",
                false)), List.of(), List.of(), List.of(output("where", param("region"))));
        TerraformFiles files = TerraformEmitter.emit(d);
        assertThat(files.variablesTf()).contains("""
                variable "region" {
                  type        = string
                  description = "Where. Null (the default) means the resource group's location (local.region in main.tf)."
                  default     = null

                  validation {
                    condition     = var.region == null || contains(["eastus", "westeurope"], var.region)
                    error_message = "The value must be one of: eastus, westeurope."
                  }
                }
                """);
        assertThat(files.mainTf()).contains("region = coalesce(var.region, data.azurerm_resource_group.target.location)");
        assertThat(files.outputsTf()).contains("value = local.region");
        assertThat(files.tfvarsExample()).doesNotContain("region");
    }

    @Test
    void outputsOfSecretsAreSensitiveThroughVariablesAndTemplates() {
        AzureDeployment d = deployment(List.of(parameter("secret", ParamType.STRING, Optional.empty(), List.of(),
                        null, true)),
                List.of(new AzureVariable("wrapped", interpolation(text("x-"), param("secret")), at(1))),
                List.of(), List.of(output("direct", param("secret")), output("indirect", var("wrapped")),
                        output("plain", text("p"))));
        String outputs = TerraformEmitter.emit(d).outputsTf();
        assertThat(outputs).contains("""
                output "direct" {
                  value     = var.secret
                  sensitive = true
                }
                """).contains("""
                output "indirect" {
                  value     = local.wrapped
                  sensitive = true
                }
                """).contains("""
                output "plain" {
                  value = "p"
                }
                """);
    }

    @Test
    void theTfvarsExampleNeverAssignsASensitiveVariable() {
        String tfvars = TerraformEmitter.emit(Fixtures.flex()).tfvarsExample();
        assertThat(tfvars).doesNotContain("db_password =").doesNotContain("api_url_key =")
                .contains("# The database password (NoEcho parameter DbPassword).\n# db_password is sensitive, so it"
                        + " has no line here: set the environment variable TF_VAR_db_password instead (a value in"
                        + " this file would take precedence over it).\n")
                .contains("# Supply one of the values allowed in variables.tf: The stage to deploy.\nstage = \"dev\"\n")
                .doesNotContain("app_name").doesNotContain("tags");
    }

    @Test
    void variableTypesFollowTheParameterTypes() {
        List<AzureParameter> params = List.of(
                parameter("s", ParamType.STRING, Optional.empty(), List.of(), null, false),
                parameter("n", ParamType.INT, Optional.empty(), List.of(), null, false),
                parameter("b", ParamType.BOOL, Optional.empty(), List.of(), null, false),
                parameter("names", ParamType.ARRAY, Optional.of(new Value.Array(List.of(text("a")))), List.of(),
                        null, false),
                parameter("mixed", ParamType.ARRAY, Optional.of(new Value.Array(List.of(Value.number(1)))),
                        List.of(), null, false),
                parameter("o", ParamType.OBJECT, Optional.empty(), List.of(), null, false),
                parameter("version", ParamType.STRING, Optional.empty(), List.of(), null, false));
        String variables = TerraformEmitter.emit(deployment(params, List.of(), List.of(), List.of())).variablesTf();
        assertThat(variables).contains("variable \"s\" {\n  type = string\n}")
                .contains("variable \"n\" {\n  type = number\n}")
                .contains("variable \"b\" {\n  type = bool\n}")
                .contains("variable \"names\" {\n  type    = list(string)\n  default = [\"a\"]\n}")
                .contains("variable \"mixed\" {\n  type    = list(any)\n  default = [1]\n}")
                .contains("variable \"o\" {\n  type = any\n}")
                .contains("variable \"version_value\" {");
    }

    @Test
    void theClientConfigurationIsReadOnlyWhenAValueNeedsIt() {
        AzureDeployment d = deployment(List.of(), List.of(), List.of(), List.of(output("tenant",
                ctx(ContextValue.TENANT_ID))));
        assertThat(TerraformEmitter.emit(d).mainTf()).contains("data \"azurerm_client_config\" \"current\" {}");
        assertThat(TerraformEmitter.emit(deployment(List.of(), List.of(), List.of(), List.of())).mainTf())
                .doesNotContain("azurerm_client_config");
    }

    @Test
    void functionsMapToTerraformsOwn() {
        Expressions refs = new Expressions(deployment(List.of(parameter("s", ParamType.STRING, Optional.empty(),
                List.of(), null, false)), List.of(), List.of(), List.of()));
        assertThat(HclPrinter.print(refs.of(call(Fn.ELEMENT, Value.number(1), param("s")))))
                .isEqualTo("element(var.s, 1)");
        assertThat(HclPrinter.print(refs.of(call(Fn.JOIN, text(","), param("s"))))).isEqualTo("join(\",\", var.s)");
        assertThat(HclPrinter.print(refs.of(call(Fn.SPLIT, text(","), param("s"))))).isEqualTo("split(\",\", var.s)");
        assertThat(HclPrinter.print(refs.of(call(Fn.TAKE, param("s"), Value.number(3)))))
                .isEqualTo("substr(var.s, 0, 3)");
        assertThat(HclPrinter.print(refs.of(call(Fn.GUID, param("s"), text("x")))))
                .isEqualTo("uuidv5(\"url\", join(\"/\", [var.s, \"x\"]))");
        assertThat(HclPrinter.print(refs.of(call(Fn.UNIQUE_STRING, param("s")))))
                .isEqualTo("substr(sha1(join(\"\", [var.s])), 0, 13)");
        assertThat(HclPrinter.print(refs.of(call(Fn.AND)))).isEqualTo("true");
        assertThat(HclPrinter.print(refs.of(call(Fn.OR)))).isEqualTo("false");
        assertThat(HclPrinter.print(refs.of(interpolation(text("${x}"))))).isEqualTo("\"$${x}\"");
        assertThatThrownBy(() -> refs.of(call(Fn.NOT))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> refs.of(call(Fn.GUID))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void referencesToWhatTheModelDoesNotDeclareAreRejected() {
        Expressions refs = new Expressions(deployment(List.of(), List.of(), List.of(), List.of()));
        assertThatThrownBy(() -> refs.of(param("missing"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> refs.of(var("missing"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> refs.of(ref("missing", Attribute.ID))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theProviderUsesEntraIdOnlyWhenAStorageAccountRefusesSharedKeys() {
        assertThat(TerraformEmitter.emit(Fixtures.flex()).versionsTf()).contains("storage_use_azuread = true");
        List<AzureResource> resources = new ArrayList<>();
        resources.add(new AzureResource.StorageAccount("s", text("s"), Optional.empty(), "Standard_LRS", true,
                "TLS1_2", false, at(1)));
        String versions = TerraformEmitter.emit(deployment(List.of(), List.of(), resources, List.of())).versionsTf();
        assertThat(versions).doesNotContain("storage_use_azuread").contains("""
                provider "azurerm" {
                  features {}
                }
                """);
    }

    @Test
    void storageSkusSplitIntoTierAndReplication() {
        List<AzureResource> resources = List.of(new AzureResource.StorageAccount("s", text("s"), Optional.empty(),
                "Premium_ZRS", true, "TLS1_2", false, at(1)));
        assertThat(TerraformEmitter.emit(deployment(List.of(), List.of(), resources, List.of())).mainTf())
                .contains("account_tier                    = \"Premium\"")
                .contains("account_replication_type        = \"ZRS\"");
        List<AzureResource> bad = List.of(new AzureResource.StorageAccount("s", text("s"), Optional.empty(),
                "Standard", true, "TLS1_2", false, at(1)));
        assertThatThrownBy(() -> TerraformEmitter.emit(deployment(List.of(), List.of(), bad, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Standard");
    }
}
