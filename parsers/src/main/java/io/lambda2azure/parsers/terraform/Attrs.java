package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.source.SourceLocation;
import io.lambda2azure.parsers.hcl.Attribute;
import io.lambda2azure.parsers.hcl.Block;
import io.lambda2azure.parsers.hcl.Body;
import io.lambda2azure.parsers.hcl.BodyItem;
import io.lambda2azure.parsers.hcl.Expression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The attributes and nested blocks of one body, read through methods that remember what was read, like the
 * CloudFormation reader's property tracking: what is never read is what the model has no place for, and
 * {@link #unmapped} reports it, so that nothing is dropped silently. Values are translated by the
 * evaluator of the resource instance the body belongs to.
 */
final class Attrs {

    private final Body body;
    private final String path;
    private final Evaluator evaluator;
    private final SourceLocation location;
    private final Set<String> read = new HashSet<>();
    private final List<Attrs> children = new ArrayList<>();

    Attrs(Body body, String path, Evaluator evaluator, SourceLocation location) {
        this.body = body;
        this.path = path;
        this.evaluator = evaluator;
        this.location = location;
    }

    Evaluator evaluator() {
        return evaluator;
    }

    /** Where the body's block is declared. */
    SourceLocation location() {
        return location;
    }

    /** Where an attribute or block is written, or the body's location. */
    SourceLocation location(String name) {
        for (BodyItem item : body.items()) {
            if (name(item).equals(name)) {
                return item.location();
            }
        }
        return location;
    }

    /** An item's name: an attribute's, a block's type, {@code dynamic.<type>} for a dynamic block. */
    private static String name(BodyItem item) {
        if (item instanceof Attribute a) {
            return a.name();
        }
        Block b = (Block) item;
        return "dynamic".equals(b.type()) && b.labels().size() == 1 ? "dynamic." + b.labelValues().get(0) : b.type();
    }

    /** Whether an attribute is set to something other than null. */
    boolean has(String name) {
        return body.attribute(name).filter(a -> !(a.value() instanceof Expression.NullLiteral)).isPresent();
    }

    /** The names of the body's attributes, in order. */
    List<String> argumentNames() {
        return body.attributes().stream().map(Attribute::name).toList();
    }

    /** An attribute's value without marking it read (for looking ahead); a null literal when absent. */
    Expr peek(String name) {
        return body.attribute(name).flatMap(a -> evaluator.session().quietly(() -> evaluator.expr(a.value())))
                .orElse(new Expr.NullLiteral());
    }

    /** Whether a nested block of that type is written, directly or as a {@code dynamic} block. */
    boolean hasBlock(String type) {
        return !body.blocks(type).isEmpty() || body.blocks("dynamic").stream().anyMatch(b -> isDynamic(b, type));
    }

    private static boolean isDynamic(Block block, String type) {
        return block.labels().size() == 1 && block.labelValues().get(0).equals(type);
    }

    /** The attribute as written, marking it read. */
    Optional<Attribute> raw(String name) {
        Optional<Attribute> attribute = body.attribute(name);
        attribute.ifPresent(a -> read.add(name));
        return attribute;
    }

    /** An attribute's value, marking it read; an explicit {@code null} counts as not set, as in Terraform. */
    Optional<Expr> expr(String name) {
        Optional<Attribute> attribute = raw(name);
        if (attribute.isEmpty() || attribute.get().value() instanceof Expression.NullLiteral) {
            return Optional.empty();
        }
        Expr value = evaluator.expr(attribute.get().value());
        return value instanceof Expr.NullLiteral ? Optional.empty() : Optional.of(value);
    }

    /** A literal string attribute's value, if it is one. */
    Optional<String> string(String name) {
        return expr(name).flatMap(Expr::asString);
    }

    /** The first nested block of a type, marking every block of that type read. */
    Optional<Attrs> block(String type) {
        List<Attrs> blocks = blocks(type);
        return blocks.isEmpty() ? Optional.empty() : Optional.of(blocks.get(0));
    }

    /**
     * Every nested block of a type, in order, marking them read. A {@code dynamic} block of the type whose
     * {@code for_each} is known while reading stands for one block per element, its {@code content} read
     * with the iterator ({@code <type>.key}, {@code <type>.value}, or the {@code iterator} it names) bound; one
     * whose {@code for_each} is not known stays unread, and so is reported as unmapped.
     */
    List<Attrs> blocks(String type) {
        List<Block> found = body.blocks(type);
        List<Attrs> result = new ArrayList<>();
        if (!found.isEmpty()) {
            read.add(type);
        }
        for (int i = 0; i < found.size(); i++) {
            String childPath = (path.isEmpty() ? "" : path + ".") + type + (found.size() > 1 ? "[" + i + "]" : "");
            Attrs child = new Attrs(found.get(i).body(), childPath, evaluator, found.get(i).location());
            children.add(child);
            result.add(child);
        }
        for (Block dynamic : body.blocks("dynamic")) {
            if (isDynamic(dynamic, type)) {
                dynamic(dynamic, type, result);
            }
        }
        return result;
    }

    private void dynamic(Block dynamic, String type, List<Attrs> into) {
        Optional<Attribute> forEach = dynamic.body().attribute("for_each");
        List<Block> content = dynamic.body().blocks("content");
        if (forEach.isEmpty() || content.size() != 1) {
            return;
        }
        Expr collection = evaluator.expr(forEach.get().value());
        Map<Expr, Expr> items = new LinkedHashMap<>();
        if (collection instanceof Expr.ListExpr l) {
            for (int i = 0; i < l.items().size(); i++) {
                items.put(new Expr.NumberLiteral(java.math.BigDecimal.valueOf(i)), l.items().get(i));
            }
        } else if (collection instanceof Expr.MapExpr m) {
            m.entries().forEach((k, v) -> items.put(Expr.string(k), v));
        } else {
            return;
        }
        String iterator = dynamic.body().attribute("iterator").map(a -> a.value().text().strip()).orElse(type);
        read.add("dynamic." + type);
        int i = 0;
        for (Map.Entry<Expr, Expr> item : items.entrySet()) {
            Map<String, Expr> binding = new LinkedHashMap<>();
            binding.put("key", item.getKey());
            binding.put("value", item.getValue());
            Evaluator scoped = new Evaluator(evaluator.session(), evaluator.module(),
                    evaluator.bindings().with(iterator, new Expr.MapExpr(binding)));
            String childPath = (path.isEmpty() ? "" : path + ".") + "dynamic." + type + "[" + (i++) + "]";
            Attrs child = new Attrs(content.get(0).body(), childPath, scoped, content.get(0).location());
            children.add(child);
            into.add(child);
        }
    }

    /** Marks attributes and blocks read that carry no meaning for the model. */
    void ignore(String... names) {
        read.addAll(List.of(names));
    }

    /**
     * A block's attributes as a map expression with CloudFormation's property names: {@code maximum_concurrency}
     * becomes {@code MaximumConcurrency}. The model keeps structured settings in CloudFormation's shape, so
     * that a setting reads the same whichever format declared it. Nested blocks become nested maps.
     */
    Expr asCloudFormationMap() {
        Map<String, Expr> entries = new LinkedHashMap<>();
        for (BodyItem item : body.items()) {
            if (item instanceof Attribute a) {
                expr(a.name()).ifPresent(v -> entries.put(Ids.upperCamel(a.name()), v));
            } else if (item instanceof Block b && !entries.containsKey(Ids.upperCamel(b.type()))) {
                List<Attrs> nested = blocks(b.type());
                entries.put(Ids.upperCamel(b.type()), nested.size() == 1 ? nested.get(0).asCloudFormationMap()
                        : new Expr.ListExpr(nested.stream().map(Attrs::asCloudFormationMap).toList()));
            }
        }
        return new Expr.MapExpr(entries);
    }

    /** Every attribute and block never read, here and in nested blocks read so far, as unmapped properties. */
    void unmapped(String resourceId, String resourceType, List<UnmappedProperty> sink) {
        Map<String, Integer> blockCounts = new LinkedHashMap<>();
        for (BodyItem item : body.items()) {
            if (item instanceof Block) {
                blockCounts.merge(name(item), 1, Integer::sum);
            }
        }
        Map<String, Integer> blockIndex = new LinkedHashMap<>();
        for (BodyItem item : body.items()) {
            String name = name(item);
            if (read.contains(name)) {
                continue;
            }
            String itemPath = (path.isEmpty() ? "" : path + ".") + name;
            if (item instanceof Attribute a) {
                sink.add(new UnmappedProperty(resourceId, resourceType, itemPath, evaluator.expr(a.value()),
                        a.location()));
            } else {
                Block b = (Block) item;
                int index = blockIndex.merge(name, 1, Integer::sum) - 1;
                if (blockCounts.get(name) > 1) {
                    itemPath += "[" + index + "]";
                }
                Attrs whole = new Attrs(b.body(), itemPath, evaluator, b.location());
                sink.add(new UnmappedProperty(resourceId, resourceType, itemPath, whole.blockValue(), b.location()));
            }
        }
        for (Attrs child : children) {
            child.unmapped(resourceId, resourceType, sink);
        }
    }

    /** A whole block as a map of its attribute and block names as written, for an unmapped property's value. */
    private Expr blockValue() {
        Map<String, Expr> entries = new LinkedHashMap<>();
        for (BodyItem item : body.items()) {
            if (item instanceof Attribute a) {
                entries.put(a.name(), evaluator.expr(a.value()));
            } else if (item instanceof Block b) {
                entries.putIfAbsent(b.type(), new Attrs(b.body(), "", evaluator, b.location()).blockValue());
            }
        }
        return new Expr.MapExpr(entries);
    }
}
