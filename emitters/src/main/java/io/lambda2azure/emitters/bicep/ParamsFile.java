package io.lambda2azure.emitters.bicep;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.emitters.bicep.BicepDecl.ParamAssignment;
import io.lambda2azure.emitters.bicep.BicepDecl.Using;
import io.lambda2azure.emitters.bicep.BicepExpr.ArrayLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.ObjectLiteral;

import java.util.ArrayList;
import java.util.List;

import static io.lambda2azure.emitters.bicep.BicepExpr.bool;
import static io.lambda2azure.emitters.bicep.BicepExpr.call;
import static io.lambda2azure.emitters.bicep.BicepExpr.integer;
import static io.lambda2azure.emitters.bicep.BicepExpr.string;

/**
 * Builds {@code main.bicepparam}: {@code using 'main.bicep'}, then one assignment for each parameter without a
 * default. A secure parameter is read from an environment variable named after it in upper snake case; any
 * other gets a placeholder of its type (the first allowed value when the parameter has allowed values, so that
 * the file compiles) with a comment line saying what to supply.
 */
final class ParamsFile {

    private ParamsFile() {
    }

    static BicepFile of(AzureDeployment deployment) {
        List<BicepDecl> decls = new ArrayList<>();
        decls.add(new Using(List.of(), "main.bicep"));
        for (AzureParameter p : deployment.parameters()) {
            if (p.defaultValue().isPresent()) {
                continue;
            }
            String what;
            BicepExpr value;
            if (p.secure()) {
                String variable = environmentVariable(p.name());
                what = "Set the environment variable " + variable + " before deploying";
                value = fromEnvironment(p.type(), variable);
            } else if (!p.allowedValues().isEmpty()) {
                what = "Supply one of the values allowed in main.bicep";
                value = ValueExprs.of(p.allowedValues().get(0));
            } else {
                what = "Supply " + article(p.type());
                value = placeholder(p.type());
            }
            String comment = p.description().map(d -> what + ": " + d).orElse(what + ".");
            decls.add(new ParamAssignment(List.of(new Comment(comment)), p.name(), value));
        }
        return new BicepFile(decls);
    }

    /** {@code dbPassword} → {@code DB_PASSWORD}, {@code apiURLKey} → {@code API_URL_KEY}. */
    static String environmentVariable(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric) {
                separator(b);
                continue;
            }
            if (i > 0 && c >= 'A' && c <= 'Z') {
                char previous = name.charAt(i - 1);
                boolean nextLower = i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (Character.isLowerCase(previous) || Character.isDigit(previous)
                        || (Character.isUpperCase(previous) && nextLower)) {
                    separator(b);
                }
            }
            b.append(Character.toUpperCase(c));
        }
        return b.toString();
    }

    private static void separator(StringBuilder b) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
            b.append('_');
        }
    }

    private static BicepExpr fromEnvironment(AzureParameter.ParamType type, String variable) {
        BicepExpr read = call("readEnvironmentVariable", string(variable));
        return switch (type) {
            case STRING -> read;
            case INT -> call("int", read);
            case BOOL -> call("bool", read);
            case ARRAY, OBJECT -> call("json", read);
        };
    }

    private static BicepExpr placeholder(AzureParameter.ParamType type) {
        return switch (type) {
            case STRING -> string("");
            case INT -> integer(0);
            case BOOL -> bool(false);
            case ARRAY -> new ArrayLiteral(List.of());
            case OBJECT -> new ObjectLiteral(List.of());
        };
    }

    private static String article(AzureParameter.ParamType type) {
        return switch (type) {
            case STRING -> "a string";
            case INT -> "an integer";
            case BOOL -> "true or false";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
        };
    }
}
