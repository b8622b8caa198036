package io.lambda2azure.emitters.terraform;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Terraform names: the model's camelCase and PascalCase names in snake_case, kept unique within one namespace
 * (variables, locals, resource names, outputs).
 */
final class TfNames {

    /** Names Terraform reserves for variables ("The variable name ... is reserved"). */
    static final Set<String> RESERVED_VARIABLES = Set.of("source", "version", "providers", "count", "for_each",
            "lifecycle", "depends_on", "locals");

    private final Set<String> taken = new HashSet<>();
    private final Set<String> reserved;

    TfNames(Set<String> reserved) {
        this.reserved = Set.copyOf(reserved);
    }

    TfNames() {
        this(Set.of());
    }

    /** {@code dbPassword} → {@code db_password}, {@code apiURLKey} → {@code api_url_key}, {@code S3Bucket} → {@code s3_bucket}. */
    static String snake(String name) {
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
            b.append(Character.toLowerCase(c));
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '_') {
            b.setLength(b.length() - 1);
        }
        if (b.length() == 0 || Character.isDigit(b.charAt(0))) {
            b.insert(0, '_');
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static void separator(StringBuilder b) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
            b.append('_');
        }
    }

    /** Marks a name as used, as it is. */
    void reserve(String name) {
        taken.add(name);
    }

    /** A unique snake_case name for a model name: {@code base}, else {@code base_2}, {@code base_3}, .... */
    String allocate(String modelName) {
        String base = snake(modelName);
        if (reserved.contains(base)) {
            base = base + "_value";
        }
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "_" + n;
        }
        taken.add(name);
        return name;
    }
}
