package io.lambda2azure.emitters.terraform;

import java.util.Objects;

/**
 * The Terraform (azurerm) files of one deployment.
 *
 * @param versionsTf    {@code versions.tf}: the Terraform and azurerm versions and the provider configuration
 * @param variablesTf   {@code variables.tf}: the resource group name and one variable for each parameter
 * @param mainTf        {@code main.tf}: locals, data sources and the resources
 * @param outputsTf     {@code outputs.tf}: the outputs
 * @param tfvarsExample {@code terraform.tfvars.example}: placeholders for the variables without a default
 */
public record TerraformFiles(String versionsTf, String variablesTf, String mainTf, String outputsTf,
                             String tfvarsExample) {

    public TerraformFiles {
        Objects.requireNonNull(versionsTf, "versionsTf");
        Objects.requireNonNull(variablesTf, "variablesTf");
        Objects.requireNonNull(mainTf, "mainTf");
        Objects.requireNonNull(outputsTf, "outputsTf");
        Objects.requireNonNull(tfvarsExample, "tfvarsExample");
    }
}
