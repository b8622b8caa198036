package io.lambda2azure.emitters.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambda2azure.emitters.terraform.BodyItem.Attribute;
import io.lambda2azure.emitters.terraform.BodyItem.Block;
import io.lambda2azure.emitters.terraform.BodyItem.Unmapped;
import io.lambda2azure.emitters.terraform.HclExpr.BoolLit;
import io.lambda2azure.emitters.terraform.HclExpr.GetAttr;
import io.lambda2azure.emitters.terraform.HclExpr.Index;
import io.lambda2azure.emitters.terraform.HclExpr.NumberLit;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectExpr;
import io.lambda2azure.emitters.terraform.HclExpr.StringLit;
import io.lambda2azure.emitters.terraform.HclExpr.Template;
import io.lambda2azure.emitters.terraform.HclExpr.Traversal;
import io.lambda2azure.emitters.terraform.HclExpr.Tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The azurerm provider schema ({@code shared/azure-schemas/azurerm/azurerm-schema.json}, the shape of
 * {@code terraform providers schema -json}) and a check of the emitter's syntax trees against it.
 */
final class AzurermSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVIDER = "registry.terraform.io/hashicorp/azurerm";
    private static final Set<String> META_ARGUMENTS = Set.of("count", "depends_on", "for_each", "lifecycle",
            "provider");
    private static final Set<String> VARIABLE_ARGUMENTS = Set.of("type", "description", "default", "sensitive",
            "nullable", "validation");
    private static final Set<String> OUTPUT_ARGUMENTS = Set.of("value", "description", "sensitive", "depends_on");
    private static final Set<String> TYPE_KEYWORDS = Set.of("string", "number", "bool", "any");

    private static Optional<AzurermSchema> loaded;

    private final JsonNode provider;

    private AzurermSchema(JsonNode root) {
        this.provider = root.get("provider_schemas").get(PROVIDER);
    }

    /** The schema, when the shared schemas are beside the checkout. */
    static synchronized Optional<AzurermSchema> load() {
        if (loaded == null) {
            String shared = System.getProperty("lambda2azure.shared", "../shared");
            Path file = Path.of(shared, "azure-schemas", "azurerm", "azurerm-schema.json");
            if (!Files.isRegularFile(file)) {
                loaded = Optional.empty();
            } else {
                try {
                    loaded = Optional.of(new AzurermSchema(JSON.readTree(file.toFile())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return loaded;
    }

    /** The {@code block} of a resource type, if the provider has it. */
    Optional<JsonNode> resource(String type) {
        return Optional.ofNullable(provider.get("resource_schemas").get(type)).map(n -> n.get("block"));
    }

    /** The {@code block} of a data source. */
    Optional<JsonNode> dataSource(String type) {
        return Optional.ofNullable(provider.get("data_source_schemas").get(type)).map(n -> n.get("block"));
    }

    /** The provider configuration block. */
    JsonNode providerBlock() {
        return provider.get("provider").get("block");
    }

    /** The schema node at a dotted path below a block: an attribute, or a nested block's {@code block}. */
    static Optional<JsonNode> at(JsonNode block, String path) {
        JsonNode current = block;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            JsonNode attribute = current.path("attributes").get(parts[i]);
            if (last && attribute != null) {
                return Optional.of(attribute);
            }
            JsonNode nested = current.path("block_types").get(parts[i]);
            if (nested == null) {
                return Optional.empty();
            }
            current = nested.get("block");
        }
        return Optional.of(current);
    }

    // ------------------------------------------------------------------ the check

    /**
     * Everything in the trees that the schema does not allow, one line each: unknown, read-only or deprecated
     * arguments, unknown blocks, too few or too many blocks of a type, required arguments not written, literals of
     * the wrong type, comment-only settings whose argument does exist, and references to undeclared variables,
     * locals, resources, data sources or attributes.
     */
    List<String> problems(TerraformTree tree) {
        List<String> problems = new ArrayList<>();
        Set<String> variables = new HashSet<>();
        Set<String> locals = new HashSet<>();
        Map<String, Block> resources = new HashMap<>();
        Map<String, Block> dataSources = new HashMap<>();
        for (HclFile file : tree.byName().values()) {
            for (BodyItem item : file.items()) {
                if (item instanceof Block b) {
                    switch (b.type()) {
                        case "variable" -> variables.add(b.labels().get(0));
                        case "locals" -> b.body().stream().filter(Attribute.class::isInstance)
                                .forEach(a -> locals.add(((Attribute) a).name()));
                        case "resource" -> resources.put(b.labels().get(0) + "." + b.labels().get(1), b);
                        case "data" -> dataSources.put(b.labels().get(0) + "." + b.labels().get(1), b);
                        default -> {
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, HclFile> file : tree.byName().entrySet()) {
            boolean tfvars = file.getKey().endsWith(".example");
            for (BodyItem item : file.getValue().items()) {
                if (item instanceof Block b) {
                    topLevel(b, problems);
                } else if (item instanceof Attribute a && tfvars && !variables.contains(a.name())) {
                    problems.add(file.getKey() + ": " + a.name() + " is not a variable");
                }
                expressions(item, e -> references(e, variables, locals, resources, dataSources, problems));
            }
        }
        return problems;
    }

    private void topLevel(Block b, List<String> problems) {
        switch (b.type()) {
            case "resource" -> {
                String path = b.labels().get(0) + "." + b.labels().get(1);
                resource(b.labels().get(0)).ifPresentOrElse(schema -> block(path, b, schema, true, problems),
                        () -> problems.add(path + ": no such resource type"));
            }
            case "data" -> {
                String path = "data." + b.labels().get(0) + "." + b.labels().get(1);
                dataSource(b.labels().get(0)).ifPresentOrElse(schema -> block(path, b, schema, true, problems),
                        () -> problems.add(path + ": no such data source"));
            }
            case "provider" -> block("provider." + b.labels().get(0), b, providerBlock(), false, problems);
            case "variable" -> only("variable." + b.labels().get(0), b, VARIABLE_ARGUMENTS, problems);
            case "output" -> only("output." + b.labels().get(0), b, OUTPUT_ARGUMENTS, problems);
            case "locals", "terraform" -> {
            }
            default -> problems.add(b.type() + ": not a top-level block Terraform knows");
        }
    }

    private static void only(String path, Block b, Set<String> allowed, List<String> problems) {
        for (BodyItem item : b.body()) {
            String name = item instanceof Attribute a ? a.name() : item instanceof Block nested ? nested.type() : null;
            if (name != null && !allowed.contains(name)) {
                problems.add(path + "." + name + ": not an argument of a " + b.type());
            }
        }
    }

    private static void block(String path, Block b, JsonNode schema, boolean resource, List<String> problems) {
        JsonNode attributes = schema.path("attributes");
        JsonNode blockTypes = schema.path("block_types");
        Set<String> written = new HashSet<>();
        Map<String, Integer> blockCounts = new HashMap<>();
        for (BodyItem item : b.body()) {
            if (item instanceof Attribute a) {
                if (resource && META_ARGUMENTS.contains(a.name())) {
                    continue;
                }
                written.add(a.name());
                JsonNode attribute = attributes.get(a.name());
                if (attribute == null) {
                    problems.add(path + "." + a.name() + ": no such argument");
                    continue;
                }
                if (!attribute.path("required").asBoolean() && !attribute.path("optional").asBoolean()) {
                    problems.add(path + "." + a.name() + ": read-only");
                }
                if (attribute.path("deprecated").asBoolean()) {
                    problems.add(path + "." + a.name() + ": deprecated");
                }
                literalType(path + "." + a.name(), attribute.get("type"), a.value(), problems);
            } else if (item instanceof Block nested) {
                JsonNode blockType = blockTypes.get(nested.type());
                if (blockType == null) {
                    problems.add(path + "." + nested.type() + ": no such block");
                    continue;
                }
                blockCounts.merge(nested.type(), 1, Integer::sum);
                block(path + "." + nested.type(), nested, blockType.get("block"), false, problems);
            } else if (item instanceof Unmapped u) {
                if (attributes.has(u.argument()) || blockTypes.has(u.argument())) {
                    problems.add(path + "." + u.argument() + ": exists, but the setting is only a comment");
                }
            }
        }
        for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
            if (attribute.getValue().path("required").asBoolean() && !written.contains(attribute.getKey())) {
                problems.add(path + "." + attribute.getKey() + ": required but not written");
            }
        }
        for (Map.Entry<String, JsonNode> blockType : blockTypes.properties()) {
            int count = blockCounts.getOrDefault(blockType.getKey(), 0);
            int min = blockType.getValue().path("min_items").asInt(0);
            JsonNode max = blockType.getValue().get("max_items");
            if (count < min) {
                problems.add(path + "." + blockType.getKey() + ": needs " + min + " block(s), has " + count);
            }
            if (max != null && count > max.asInt()) {
                problems.add(path + "." + blockType.getKey() + ": allows " + max.asInt() + " block(s), has " + count);
            }
        }
    }

    /** Literals must have the attribute's type (Terraform would convert some, but that hides mistakes). */
    private static void literalType(String path, JsonNode type, HclExpr value, List<String> problems) {
        String kind = type.isTextual() ? type.asText() : type.get(0).asText();
        boolean ok = switch (kind) {
            case "string" -> !(value instanceof BoolLit || value instanceof NumberLit || value instanceof Tuple
                    || value instanceof ObjectExpr);
            case "number" -> !(value instanceof BoolLit || value instanceof StringLit || value instanceof Template
                    || value instanceof Tuple || value instanceof ObjectExpr);
            case "bool" -> !(value instanceof NumberLit || value instanceof StringLit || value instanceof Template
                    || value instanceof Tuple || value instanceof ObjectExpr);
            case "list", "set" -> !(value instanceof BoolLit || value instanceof NumberLit
                    || value instanceof StringLit || value instanceof ObjectExpr);
            case "map", "object" -> !(value instanceof BoolLit || value instanceof NumberLit
                    || value instanceof StringLit || value instanceof Tuple);
            default -> true;
        };
        if (!ok) {
            problems.add(path + ": " + HclPrinter.print(value) + " is not a " + type);
        }
    }

    private void references(HclExpr e, Set<String> variables, Set<String> locals, Map<String, Block> resources,
                            Map<String, Block> dataSources, List<String> problems) {
        if (!(e instanceof Traversal t)) {
            return;
        }
        String text = HclPrinter.print(t);
        List<String> names = t.names();
        switch (t.root()) {
            case "var" -> {
                if (names.isEmpty() || !variables.contains(names.get(0))) {
                    problems.add(text + ": no such variable");
                }
            }
            case "local" -> {
                if (names.isEmpty() || !locals.contains(names.get(0))) {
                    problems.add(text + ": no such local");
                }
            }
            case "data" -> {
                if (names.size() < 3 || !dataSources.containsKey(names.get(0) + "." + names.get(1))) {
                    problems.add(text + ": no such data source");
                    return;
                }
                // data.<type>.<label>[0].<attribute> when the data source has count, as for resources
                boolean counted = dataSources.get(names.get(0) + "." + names.get(1)).attribute("count").isPresent();
                boolean indexed = t.steps().size() > 2 && t.steps().get(2) instanceof Index;
                if (counted != indexed) {
                    problems.add(text + (counted ? ": the data source has count, so it needs [0]"
                            : ": the data source has no count"));
                }
                if (dataSource(names.get(0)).map(s -> !s.path("attributes").has(names.get(2))).orElse(true)) {
                    problems.add(text + ": the data source has no such attribute");
                }
            }
            default -> {
                if (TYPE_KEYWORDS.contains(t.root()) && t.steps().isEmpty()) {
                    return;
                }
                if (names.size() < 2 || !resources.containsKey(t.root() + "." + names.get(0))) {
                    problems.add(text + ": no such resource");
                    return;
                }
                boolean counted = resources.get(t.root() + "." + names.get(0)).attribute("count").isPresent();
                boolean indexed = t.steps().size() > 1 && t.steps().get(1) instanceof Index;
                if (counted != indexed) {
                    problems.add(text + (counted ? ": the resource has count, so it needs [0]"
                            : ": the resource has no count"));
                }
                if (resource(t.root()).map(s -> !s.path("attributes").has(names.get(1))).orElse(true)) {
                    problems.add(text + ": the resource has no such attribute");
                }
            }
        }
    }

    // ------------------------------------------------------------------ walking expressions

    /** Calls {@code visit} for every expression in an item, nested ones included. */
    static void expressions(BodyItem item, Consumer<HclExpr> visit) {
        if (item instanceof Attribute a) {
            expression(a.value(), visit);
        } else if (item instanceof Block b) {
            b.body().forEach(i -> expressions(i, visit));
        }
    }

    static void expression(HclExpr e, Consumer<HclExpr> visit) {
        visit.accept(e);
        if (e instanceof Template t) {
            t.expressions().forEach(x -> expression(x, visit));
        } else if (e instanceof HclExpr.FunctionCall c) {
            c.arguments().forEach(x -> expression(x, visit));
        } else if (e instanceof HclExpr.Conditional c) {
            expression(c.condition(), visit);
            expression(c.whenTrue(), visit);
            expression(c.whenFalse(), visit);
        } else if (e instanceof HclExpr.Binary b) {
            expression(b.left(), visit);
            expression(b.right(), visit);
        } else if (e instanceof HclExpr.Not n) {
            expression(n.operand(), visit);
        } else if (e instanceof HclExpr.IndexExpr i) {
            expression(i.collection(), visit);
            expression(i.key(), visit);
        } else if (e instanceof Tuple t) {
            t.items().forEach(x -> expression(x, visit));
        } else if (e instanceof ObjectExpr o) {
            o.items().forEach(x -> expression(x.value(), visit));
        } else if (e instanceof Traversal t) {
            for (HclExpr.Step s : t.steps()) {
                if (!(s instanceof GetAttr) && !(s instanceof Index)) {
                    throw new IllegalStateException("unknown step " + s);
                }
            }
        }
    }
}
