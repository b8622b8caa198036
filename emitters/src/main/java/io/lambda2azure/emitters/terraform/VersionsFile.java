package io.lambda2azure.emitters.terraform;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureResource.KeyVault;
import io.lambda2azure.core.azure.AzureResource.StorageAccount;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectExpr;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectItem;

import java.util.List;

import static io.lambda2azure.emitters.terraform.HclExpr.bool;
import static io.lambda2azure.emitters.terraform.HclExpr.string;

/**
 * Builds {@code versions.tf}: the Terraform and azurerm versions, and the provider configuration. The subscription
 * is not written: azurerm 4.x reads it from {@code ARM_SUBSCRIPTION_ID}. When a storage account disables shared
 * keys, the provider must reach storage data planes with Microsoft Entra ID ({@code storage_use_azuread}). When the
 * deployment has a Key Vault, the provider's {@code features.key_vault} keeps deleted vaults and secrets recoverable
 * instead of purging them on destroy (its default).
 */
final class VersionsFile {

    private VersionsFile() {
    }

    static HclFile build(AzureDeployment deployment, List<String> header) {
        BodyItem terraform = Body.nested(List.of(), "terraform", new Body()
                .arg("required_version", string(Azurerm.TERRAFORM_VERSION))
                .block(Body.nested(List.of(), "required_providers", new Body()
                        .arg("azurerm", new ObjectExpr(List.of(
                                new ObjectItem(List.of(), "source", false, string(Azurerm.PROVIDER_SOURCE)),
                                new ObjectItem(List.of(), "version", false, string(Azurerm.PROVIDER_VERSION))))))));
        Body provider = new Body();
        boolean keyless = deployment.resources(StorageAccount.class).stream().anyMatch(s -> !s.allowSharedKeyAccess());
        if (keyless) {
            provider.arg(List.of("The storage accounts accept no shared keys, so the provider must use Microsoft"
                    + " Entra ID for their data plane."), "storage_use_azuread", bool(true));
        }
        Body features = new Body();
        if (!deployment.resources(KeyVault.class).isEmpty()) {
            features.block(Body.nested(List.of("Deleted vaults and secrets stay recoverable for their soft-delete"
                    + " retention, as when Azure Resource Manager deletes them; azurerm would purge them on destroy."),
                    "key_vault", new Body()
                            .arg("purge_soft_delete_on_destroy", bool(false))
                            .arg("purge_soft_deleted_secrets_on_destroy", bool(false))));
        }
        provider.block(Body.nested(List.of(), "features", features));
        BodyItem providerBlock = Body.block(List.of("azurerm " + "4.x needs the subscription to deploy to: set the"
                + " ARM_SUBSCRIPTION_ID environment variable (or subscription_id here)."), "provider",
                List.of("azurerm"), provider);
        return new HclFile(List.of(new BodyItem.Comments(header), terraform, providerBlock));
    }
}
