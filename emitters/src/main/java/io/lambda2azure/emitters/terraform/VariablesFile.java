package io.lambda2azure.emitters.terraform;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.emitters.terraform.BodyItem.Block;
import io.lambda2azure.emitters.terraform.HclExpr.Binary;
import io.lambda2azure.emitters.terraform.HclExpr.NullLit;
import io.lambda2azure.emitters.terraform.HclExpr.Operator;
import io.lambda2azure.emitters.terraform.HclExpr.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.lambda2azure.emitters.terraform.HclExpr.bool;
import static io.lambda2azure.emitters.terraform.HclExpr.call;
import static io.lambda2azure.emitters.terraform.HclExpr.ref;
import static io.lambda2azure.emitters.terraform.HclExpr.string;

/**
 * Builds {@code variables.tf}: {@code resource_group_name} (Terraform deploys into a resource group it is given
 * by name), then one variable for each parameter of the model, in order: its type, description, literal default,
 * {@code sensitive} for secure parameters and a {@code validation} block for allowed values. A parameter whose
 * default is an expression gets {@code default = null} and a fallback local in main.tf ({@link Expressions}).
 */
final class VariablesFile {

    private VariablesFile() {
    }

    static HclFile build(AzureDeployment deployment, Expressions refs, List<String> header) {
        List<BodyItem> items = new ArrayList<>();
        items.add(new BodyItem.Comments(header));
        items.add(Body.block(List.of(), "variable", List.of(Expressions.RESOURCE_GROUP_VARIABLE), new Body()
                .arg("type", ref("string"))
                .arg("description", string(resourceGroupDescription()))));
        for (AzureParameter p : deployment.parameters()) {
            items.add(variable(p, refs));
        }
        return new HclFile(items);
    }

    static String resourceGroupDescription() {
        return "The name of the existing resource group to deploy into.";
    }

    private static Block variable(AzureParameter p, Expressions refs) {
        String name = refs.variableName(p.name());
        Optional<String> fallback = refs.fallbackLocal(p.name());
        Body body = new Body().arg("type", type(p));
        description(p, fallback).ifPresent(d -> body.arg("description", string(d)));
        if (fallback.isPresent()) {
            body.arg("default", new NullLit());
        } else {
            p.defaultValue().ifPresent(d -> body.arg("default", refs.of(d)));
        }
        if (p.secure()) {
            body.arg("sensitive", bool(true));
        }
        if (!p.allowedValues().isEmpty()) {
            HclExpr value = ref("var", name);
            HclExpr condition = call("contains", new Tuple(p.allowedValues().stream().map(refs::of).toList()), value);
            if (fallback.isPresent()) {
                condition = new Binary(new Binary(value, Operator.EQUALS, new NullLit()), Operator.OR, condition);
            }
            body.block(Body.nested(List.of(), "validation", new Body()
                    .arg("condition", condition)
                    .arg("error_message", string("The value must be one of: " + String.join(", ",
                            p.allowedValues().stream().map(v -> v instanceof Value.Text t ? t.value()
                                    : HclPrinter.print(refs.of(v))).toList()) + "."))));
        }
        return Body.block(List.of(), "variable", List.of(name), body);
    }

    /** The type constraint: {@code string}, {@code number}, {@code bool}, {@code list(string)} or {@code any}. */
    static HclExpr type(AzureParameter p) {
        return switch (p.type()) {
            case STRING -> ref("string");
            case INT -> ref("number");
            case BOOL -> ref("bool");
            case ARRAY -> call("list", ref(stringItems(p) ? "string" : "any"));
            case OBJECT -> ref("any");
        };
    }

    /** Whether the literal default and allowed values of an array parameter hold only strings. */
    private static boolean stringItems(AzureParameter p) {
        List<Value> examples = new ArrayList<>(p.allowedValues());
        p.defaultValue().ifPresent(examples::add);
        for (Value v : examples) {
            if (v instanceof Value.Array a && !a.items().stream().allMatch(Value.Text.class::isInstance)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> description(AzureParameter p, Optional<String> fallback) {
        if (fallback.isEmpty()) {
            return p.description();
        }
        String what = describe(p.defaultValue().orElseThrow())
                .map(d -> d + " (local." + fallback.get() + " in main.tf)")
                .orElse("the value of local." + fallback.get() + " in main.tf");
        String note = "Null (the default) means " + what + ".";
        return Optional.of(p.description().map(d -> d + " " + note).orElse(note));
    }

    /** Words for the expression defaults the planner uses. */
    private static Optional<String> describe(Value value) {
        if (value instanceof Value.Context c) {
            return Optional.of(switch (c.value()) {
                case LOCATION -> "the resource group's location";
                case SUBSCRIPTION_ID -> "the subscription id";
                case TENANT_ID -> "the tenant id";
                case RESOURCE_GROUP_NAME -> "the resource group's name";
                case RESOURCE_GROUP_ID -> "the resource group's id";
            });
        }
        if (value instanceof Value.Call c && c.function() == Value.Fn.UNIQUE_STRING) {
            List<String> seeds = new ArrayList<>();
            for (Value argument : c.arguments()) {
                Optional<String> seed = describe(argument);
                if (seed.isEmpty()) {
                    return Optional.empty();
                }
                seeds.add(seed.get());
            }
            return Optional.of("a 13-character hash of " + String.join(" and ", seeds));
        }
        return Optional.empty();
    }
}
