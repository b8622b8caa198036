package io.lambda2azure.core.plan;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Symbolic names and Azure resource names. Symbols are valid Bicep identifiers and Terraform names;
 * resource names follow the Cloud Adoption Framework abbreviations (func-, plan-, st, appi-, log-, id-:
 * learn.microsoft.com/azure/cloud-adoption-framework/ready/azure-best-practices/resource-abbreviations).
 */
final class Names {

    /** Words a parameter or variable may not be called in Bicep or Terraform. */
    private static final Set<String> RESERVED = Set.of("param", "var", "resource", "output", "module", "if", "for",
            "in", "true", "false", "null", "existing", "targetScope", "import", "metadata", "type", "func", "source",
            "version", "providers", "count", "for_each", "lifecycle", "depends_on", "locals", "location",
            "resourceSuffix", "appName");

    private final Set<String> taken = new HashSet<>();

    /** A unique symbol built from an input id ({@code OrdersFunction} → {@code ordersFunction}). */
    String symbol(String base) {
        String symbol = lowerCamel(base);
        if (symbol.isEmpty() || !Character.isLetter(symbol.charAt(0))) {
            symbol = "r" + symbol;
        }
        String unique = symbol;
        for (int i = 2; !taken.add(unique); i++) {
            unique = symbol + i;
        }
        return unique;
    }

    /** Reserves a name (a parameter the planner itself declares). */
    void reserve(String name) {
        taken.add(name);
    }

    /** A parameter or variable name for an input name, kept as close to it as both languages allow. */
    String parameter(String inputName) {
        String name = inputName.replaceAll("[^A-Za-z0-9_]", "");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "p" + name;
        }
        if (RESERVED.contains(name)) {
            name = name + "Value";
        }
        String unique = name;
        for (int i = 2; !taken.add(unique); i++) {
            unique = name + i;
        }
        return unique;
    }

    static String lowerCamel(String text) {
        // "my_func" → "myFunc": a separator starts a new word.
        StringBuilder joined = new StringBuilder();
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                joined.append(joined.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
            }
        }
        String clean = joined.toString();
        if (clean.isEmpty()) {
            return clean;
        }
        int upper = 0;
        while (upper < clean.length() && Character.isUpperCase(clean.charAt(upper))) {
            upper++;
        }
        // "APIHandler" → "apiHandler", "Orders" → "orders"
        int cut = upper > 1 && upper < clean.length() ? upper - 1 : Math.max(upper, 1);
        return clean.substring(0, cut).toLowerCase(Locale.ROOT) + clean.substring(cut);
    }

    /**
     * The kebab form cut to at most {@code max} characters; a cut one ends in four hex digits of the full form's
     * hash, so that two long ids with the same beginning still get different names.
     */
    static String kebab(String text, int max) {
        String kebab = kebab(text);
        if (kebab.length() <= max) {
            return kebab;
        }
        String hash = String.format("%04x", kebab.hashCode() & 0xffff);
        return kebab.substring(0, max - 5).replaceAll("-+$", "") + "-" + hash;
    }

    /** {@code OrdersFunction} → {@code orders-function}, for resource names. */
    static String kebab(String text) {
        String spaced = text.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2");
        String kebab = spaced.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return kebab.isEmpty() ? "app" : kebab;
    }
}
