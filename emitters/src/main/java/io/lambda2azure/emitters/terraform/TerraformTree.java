package io.lambda2azure.emitters.terraform;

import java.util.LinkedHashMap;
import java.util.Map;

/** The syntax trees of the five files, before printing; tests walk them. */
record TerraformTree(HclFile versions, HclFile variables, HclFile main, HclFile outputs, HclFile tfvarsExample) {

    /** Every file by its name, in a fixed order. */
    Map<String, HclFile> byName() {
        Map<String, HclFile> m = new LinkedHashMap<>();
        m.put("versions.tf", versions);
        m.put("variables.tf", variables);
        m.put("main.tf", main);
        m.put("outputs.tf", outputs);
        m.put("terraform.tfvars.example", tfvarsExample);
        return m;
    }
}
