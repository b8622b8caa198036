package io.lambda2azure.emitters.terraform;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectExpr;
import io.lambda2azure.emitters.terraform.HclExpr.Tuple;

import java.util.ArrayList;
import java.util.List;

import static io.lambda2azure.emitters.terraform.HclExpr.bool;
import static io.lambda2azure.emitters.terraform.HclExpr.number;
import static io.lambda2azure.emitters.terraform.HclExpr.string;

/**
 * Builds {@code terraform.tfvars.example}: one line for each variable without a default, with a comment saying
 * what to supply. Placeholders are empty values of the variable's type (the first allowed value where the values
 * are restricted). A sensitive variable gets no line at all, only a comment naming its {@code TF_VAR_}
 * environment variable: a value written in terraform.tfvars would take precedence over the environment.
 */
final class TfvarsFile {

    private TfvarsFile() {
    }

    static HclFile build(AzureDeployment deployment, Expressions refs) {
        List<BodyItem> items = new ArrayList<>();
        items.add(new BodyItem.Comments(List.of("Example values for the variables of the lambda2azure conversion"
                + " of " + deployment.source() + " that have no default. Copy this file to terraform.tfvars and"
                + " replace the placeholders.")));
        items.add(new BodyItem.Attribute(List.of("Supply a string: "
                + VariablesFile.resourceGroupDescription()), Expressions.RESOURCE_GROUP_VARIABLE, string("")));
        for (AzureParameter p : deployment.parameters()) {
            if (p.defaultValue().isPresent()) {
                continue;
            }
            String name = refs.variableName(p.name());
            String description = p.description().map(d -> ": " + d).orElse(".");
            if (p.secure()) {
                List<String> lines = new ArrayList<>();
                p.description().ifPresent(lines::add);
                lines.add(name + " is sensitive, so it has no line here: set the environment variable TF_VAR_" + name
                        + " instead (a value in this file would take precedence over it).");
                items.add(new BodyItem.Comments(lines));
            } else if (!p.allowedValues().isEmpty()) {
                items.add(new BodyItem.Attribute(List.of("Supply one of the values allowed in variables.tf"
                        + description), name, refs.of(p.allowedValues().get(0))));
            } else {
                items.add(new BodyItem.Attribute(List.of("Supply " + article(p.type()) + description), name,
                        placeholder(p.type())));
            }
        }
        return new HclFile(items);
    }

    private static HclExpr placeholder(AzureParameter.ParamType type) {
        return switch (type) {
            case STRING -> string("");
            case INT -> number(0);
            case BOOL -> bool(false);
            case ARRAY -> new Tuple(List.of());
            case OBJECT -> new ObjectExpr(List.of());
        };
    }

    private static String article(AzureParameter.ParamType type) {
        return switch (type) {
            case STRING -> "a string";
            case INT -> "a number";
            case BOOL -> "true or false";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
        };
    }
}
