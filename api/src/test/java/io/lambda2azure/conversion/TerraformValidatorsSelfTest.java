package io.lambda2azure.conversion;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shows that {@link TerraformValidators} finds what it should, on small hand-written Terraform files:
 * well-formatted files pass, misaligned ones and syntax errors are reported with the file, and checkov
 * reports a storage account that allows shared keys. Skipped, with a message naming the setup script, when
 * Node.js with {@code tools/node_modules} ({@code tools/setup-node-tools}) or checkov in {@code .venv}
 * ({@code tools/setup-python-tools}) is absent.
 */
class TerraformValidatorsSelfTest {

    private static final String VERSIONS = """
            terraform {
              required_version = ">= 1.9.0"

              required_providers {
                azurerm = {
                  source  = "hashicorp/azurerm"
                  version = "~> 4.0"
                }
              }
            }
            """;

    private static final String MAIN = """
            # Host storage of the function app: identity-only, shared keys off.
            resource "azurerm_storage_account" "host" {
              name                            = "st${random_string.suffix.result}"
              resource_group_name             = var.resource_group_name
              location                        = var.location
              account_tier                    = "Standard"
              account_replication_type        = "LRS"
              min_tls_version                 = "TLS1_2"
              shared_access_key_enabled       = false
              allow_nested_items_to_be_public = false

              blob_properties {
                delete_retention_policy {
                  days = 7
                }
              }

              tags = {
                application                             = "orders"
                "hidden-link:/app-insights-resource-id" = azurerm_application_insights.main.id
              }
            }

            variable "location" {
              type        = string
              description = "Azure region of every resource."
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aFormattedFileWithAlignedArgumentsNestedBlocksAndAMultiLineMapPasses() throws IOException {
        assumeNode();
        Path versions = write("versions.tf", VERSIONS);
        Path main = write("main.tf", MAIN);

        assertThat(TerraformValidators.hclProblems(List.of(versions, main))).isEmpty();
    }

    @Test
    void misalignedEqualsSignsAreReportedAsNotFormattedWithADiff() throws IOException {
        assumeNode();
        Path main = write("main.tf", MAIN.replace("location                        = var.location",
                "location = var.location"));

        List<String> problems = TerraformValidators.hclProblems(List.of(main));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem).startsWith(main + ": not formatted like terraform fmt\n");
            assertThat(problem).contains("-  location = var.location")
                    .contains("+  location                        = var.location");
        });
    }

    @Test
    void aSyntaxErrorIsReportedAsAParseErrorNamingTheFileAndPosition() throws IOException {
        assumeNode();
        Path good = write("versions.tf", VERSIONS);
        Path broken = write("main.tf", """
                resource "azurerm_resource_group" "main" {
                  name     =
                  location = "westeurope"
                }
                """);

        List<String> problems = TerraformValidators.hclProblems(List.of(good, broken));

        assertThat(problems).singleElement().asString()
                .startsWith(broken + ": parse error: ")
                .contains(broken + ":2,")
                .contains("Invalid expression");
    }

    @Test
    void rewritesTerraformFmtMakesBeyondLayoutAreReported() throws IOException {
        assumeNode();
        Path variables = write("variables.tf", """
                variable "names" {
                  type = list
                }

                locals {
                  name = "${var.prefix}"
                  tags = {
                    name = "${var.prefix}"
                  }
                  label = "${var.prefix}-app"
                }
                """);

        assertThat(TerraformValidators.hclProblems(List.of(variables))).containsExactly(
                variables + ": not formatted like terraform fmt (line 2): type = list is written list(any)",
                variables + ": not formatted like terraform fmt (line 6): name = \"${var.prefix}\": an"
                        + " interpolation-only string is written as the bare expression");
    }

    @Test
    void checkovReportsAStorageAccountThatAllowsSharedKeys() throws IOException {
        assumeCheckov();
        write("main.tf", storageAccount(true));

        List<String> failures = TerraformValidators.checkovFailures(dir, r -> r.startsWith("azurerm_storage_account."));

        assertThat(failures).anySatisfy(f -> assertThat(f).startsWith("CKV2_AZURE_40 ")
                .endsWith(" on azurerm_storage_account.host in /main.tf"));
        assertThat(TerraformValidators.checkovFailures(dir, r -> false)).isEmpty();
    }

    @Test
    void checkovDoesNotReportSharedKeysWhenTheyAreOffAndSaysWhenItCheckedNothing(@TempDir Path empty)
            throws IOException {
        assumeCheckov();
        write("main.tf", storageAccount(false));

        assertThat(TerraformValidators.checkovFailures(dir, r -> true)).isNotEmpty()
                .noneMatch(f -> f.startsWith("CKV2_AZURE_40 "));
        assertThat(TerraformValidators.checkovFailures(empty, r -> true)).singleElement().asString()
                .startsWith("checkov checked no Terraform resource in " + empty);
    }

    private static String storageAccount(boolean sharedKeys) {
        return """
                resource "azurerm_storage_account" "host" {
                  name                      = "sthost0123456789"
                  resource_group_name       = "rg-orders"
                  location                  = "westeurope"
                  account_tier              = "Standard"
                  account_replication_type  = "LRS"
                  shared_access_key_enabled = %s
                }
                """.formatted(sharedKeys);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void assumeNode() {
        Optional<String> reason = TerraformValidators.skipReason();
        Assumptions.assumeTrue(reason.isEmpty(), reason::get);
    }

    private static void assumeCheckov() {
        Optional<String> reason = TerraformValidators.checkovSkipReason();
        Assumptions.assumeTrue(reason.isEmpty(), reason::get);
    }
}
