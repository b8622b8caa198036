package io.lambda2azure.emitters.bicep;

import io.lambda2azure.emitters.fixtures.Fixtures;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureResource.BlobContainer;
import io.lambda2azure.core.azure.AzureResource.DeploymentSlot;
import io.lambda2azure.core.azure.AzureResource.FlexConfig;
import io.lambda2azure.core.azure.AzureResource.FunctionApp;
import io.lambda2azure.core.azure.AzureResource.Runtime;
import io.lambda2azure.core.azure.AzureResource.StorageAccount;
import io.lambda2azure.core.azure.AzureResource.UserAssignedIdentity;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.azure.Value;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.lambda2azure.emitters.fixtures.Fixtures.at;
import static io.lambda2azure.emitters.fixtures.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Behaviour of the emitter beyond the golden files. */
class BicepEmitterTest {

    private static String emit(List<AzureResource> resources) {
        return BicepEmitter.emit(deployment(resources)).mainBicep();
    }

    private static AzureDeployment deployment(List<AzureResource> resources) {
        return new AzureDeployment("t.yaml", PlanKind.FLEX_CONSUMPTION, "test", List.of(), List.of(), resources,
                List.of(), List.of());
    }

    private static StorageAccount storage(String symbol) {
        return new StorageAccount(symbol, text(symbol), Optional.empty(), "Standard_LRS", false, "TLS1_2", false,
                at(1));
    }

    private static BlobContainer container(String symbol, String storage) {
        return new BlobContainer(symbol, text(symbol), Optional.empty(), storage, at(1));
    }

    @Test
    void writesOneBlobServicePerStorageAccountBeforeItsFirstContainer() {
        String bicep = emit(List.of(storage("a"), storage("b"), container("a1", "a"), container("b1", "b"),
                container("a2", "a")));
        assertThat(bicep.split("blobServices@", -1)).hasSize(1 + 2);
        assertThat(bicep.indexOf("resource aBlobService ")).isLessThan(bicep.indexOf("resource a1 "));
        assertThat(bicep.indexOf("resource bBlobService ")).isLessThan(bicep.indexOf("resource b1 "))
                .isGreaterThan(bicep.indexOf("resource a1 "));
        assertThat(bicep).contains("resource a2 'Microsoft.Storage/storageAccounts/blobServices/containers@"
                + ApiVersions.BLOB_CONTAINERS + "' = {\n  parent: aBlobService\n");
    }

    @Test
    void symbolsTheEmitterAddsDoNotClashWithTheModels() {
        String bicep = emit(List.of(storage("s"), new UserAssignedIdentity("sBlobService", text("x"),
                Optional.empty(), at(1)), container("c", "s")));
        assertThat(bicep).contains("resource sBlobService2 'Microsoft.Storage/storageAccounts/blobServices@")
                .contains("parent: sBlobService2\n");
    }

    @Test
    void customRuntimeWithoutVersionWritesNoVersion() {
        List<AzureResource> resources = new ArrayList<>(Fixtures.flex().resources());
        resources.replaceAll(r -> r instanceof FunctionApp app ? new FunctionApp(app.symbol(), app.name(),
                app.condition(), app.plan(), app.planKind(), Optional.of(new Runtime("custom", "", "")), app.flex(),
                app.site(), app.appSettings(), app.identity(), app.storage(), app.insights(), app.subnetId(),
                app.functionTimeoutSeconds(), app.triggers(), app.awsFunctions(), app.source()) : r);
        assertThat(emit(resources)).contains("      runtime: {\n        name: 'custom'\n      }\n");
    }

    @Test
    void flexDeploymentMustBeABlobContainer() {
        List<AzureResource> resources = new ArrayList<>(Fixtures.flex().resources());
        resources.replaceAll(r -> r instanceof FunctionApp app ? new FunctionApp(app.symbol(), app.name(),
                app.condition(), app.plan(), app.planKind(), app.runtime(),
                Optional.of(new FlexConfig(2048, Value.number(100), List.of(), "storage")), app.site(),
                app.appSettings(), app.identity(), app.storage(), app.insights(), app.subnetId(),
                app.functionTimeoutSeconds(), app.triggers(), app.awsFunctions(), app.source()) : r);
        assertThatThrownBy(() -> emit(resources)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("storage, which is not a blob container");
    }

    @Test
    void containerNeedsItsStorageAccount() {
        assertThatThrownBy(() -> emit(List.of(container("c", "missing"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");
    }

    @Test
    void slotNeedsItsFunctionApp() {
        assertThatThrownBy(() -> emit(List.of(new DeploymentSlot("slot", text("staging"), Optional.empty(), "app",
                at(1))))).isInstanceOf(IllegalStateException.class).hasMessageContaining("app");
    }

    @Test
    void callsWithTheWrongNumberOfArgumentsAreRejected() {
        assertThatThrownBy(() -> ValueExprs.of(new Value.Call(Value.Fn.EQUALS, List.of(text("a")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EQUALS takes 2");
        assertThatThrownBy(() -> ValueExprs.of(new Value.Call(Value.Fn.GUID, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BicepPrinter.print(ValueExprs.of(new Value.Call(Value.Fn.AND, List.of())))).isEqualTo("true");
        assertThat(BicepPrinter.print(ValueExprs.of(new Value.Call(Value.Fn.OR, List.of())))).isEqualTo("false");
        assertThat(BicepPrinter.print(ValueExprs.of(new Value.Call(Value.Fn.AND, List.of(new Value.Param("p"))))))
                .isEqualTo("p");
    }

    @Test
    void headerNamesTheSourceAndThePlan() {
        assertThat(BicepEmitter.emit(Fixtures.premium()).mainBicep()).startsWith("// Generated by lambda2azure from"
                + " template.yaml for the Premium (Elastic Premium) plan. Do not edit by hand; re-run the"
                + " conversion.\n\n@description(");
    }
}
