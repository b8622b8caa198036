package io.lambda2azure;

/** An infrastructure-as-code language lambda2azure writes. */
public enum Target {
    /** Bicep: {@code bicep/main.bicep} and {@code bicep/main.bicepparam}. */
    BICEP,
    /**
     * Terraform with the azurerm provider 4.x: {@code terraform/versions.tf}, {@code variables.tf},
     * {@code main.tf}, {@code outputs.tf} and {@code terraform.tfvars.example}.
     */
    TERRAFORM
}
