package io.lambda2azure.emitters.terraform;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureOutput;

import java.util.ArrayList;
import java.util.List;

import static io.lambda2azure.emitters.terraform.HclExpr.bool;
import static io.lambda2azure.emitters.terraform.HclExpr.string;

/**
 * Builds {@code outputs.tf}: one output for each output of the model, in order. An output whose value carries a
 * secret (a sensitive variable, a connection string) is {@code sensitive = true}, as Terraform requires.
 */
final class OutputsFile {

    private OutputsFile() {
    }

    static HclFile build(AzureDeployment deployment, Expressions refs, List<String> header) {
        List<BodyItem> items = new ArrayList<>();
        items.add(new BodyItem.Comments(header));
        for (AzureOutput o : deployment.outputs()) {
            Body body = new Body().arg("value", refs.of(o.value()));
            o.description().ifPresent(d -> body.arg("description", string(d)));
            if (refs.sensitive(o.value())) {
                body.arg("sensitive", bool(true));
            }
            items.add(Body.block(List.of(), "output", List.of(refs.outputName(o.name())), body));
        }
        return new HclFile(items);
    }
}
