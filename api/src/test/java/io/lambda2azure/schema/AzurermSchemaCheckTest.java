package io.lambda2azure.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The azurerm schema check finds what it claims to find, so that its empty answers over the generated files mean
 * something.
 */
class AzurermSchemaCheckTest {

    private AzurermSchemaCheck check;

    @BeforeEach
    void load() {
        check = AzurermSchemaCheck.shared().orElse(null);
        Assumptions.assumeTrue(check != null, "the azurerm provider schema is absent; check out ../shared/azure-schemas"
                + " beside this repository or set -Dlambda2azure.shared=/path/to/shared");
    }

    /** A configuration in the JSON form HashiCorp's HCL parser (hcl2json) gives: blocks as arrays of bodies. */
    private List<String> violations(String json) throws Exception {
        JsonNode config = new ObjectMapper().readTree(json);
        return check.check("main.tf", config);
    }

    @Test
    void aValidResourceHasNoViolation() throws Exception {
        assertThat(violations("""
                {"resource": {"azurerm_resource_group": {"rg": [{"name": "rg-app", "location": "westeurope",
                  "count": 1}]}}}
                """)).isEmpty();
    }

    @Test
    void unknownTypesArgumentsAndMissingRequiredArgumentsAreViolations() throws Exception {
        assertThat(violations("""
                {"resource": {
                  "azurerm_no_such_thing": {"x": [{}]},
                  "azurerm_resource_group": {"rg": [{"name": "rg-app", "colour": "blue"}]}
                 },
                 "data": {"azurerm_client_config": {"current": [{"tenant_id": "computed"}]}}}
                """)).containsExactly(
                "main.tf: azurerm_no_such_thing.x: the azurerm provider has no resource type azurerm_no_such_thing",
                "main.tf: azurerm_resource_group.rg: colour is neither an argument nor a block of this type",
                "main.tf: azurerm_resource_group.rg: required argument location is not set",
                "main.tf: data.azurerm_client_config.current: tenant_id is computed only and cannot be set");
    }

    @Test
    void nestedBlocksAreCheckedWithTheirCounts() throws Exception {
        List<String> found = violations("""
                {"resource": {"azurerm_storage_account": {"st": [{"name": "st", "resource_group_name": "rg",
                  "location": "westeurope", "account_tier": "Standard", "account_replication_type": "LRS",
                  "blob_properties": [{"versioning_enabled": true, "shade": 1}, {"versioning_enabled": false}]}]}}}
                """);
        assertThat(found).contains(
                "main.tf: azurerm_storage_account.st: blob_properties appears 2 times; at most 1 allowed",
                "main.tf: azurerm_storage_account.st: blob_properties.shade is neither an argument nor a block of this"
                        + " type");
    }
}
