package io.lambda2azure.emitters.terraform;

import java.util.List;
import java.util.Objects;

/** An item of an HCL body (a file or a block): an argument, a nested block, comment lines or a blank line. */
sealed interface BodyItem {

    /** {@code name = value}, with the comment lines above it. */
    record Attribute(List<String> comments, String name, HclExpr value) implements BodyItem {
        public Attribute {
            comments = List.copyOf(comments);
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (!HclPrinter.isIdentifier(name)) {
                throw new IllegalArgumentException("an argument name is an identifier: " + name);
            }
        }
    }

    /** {@code type "label" ... { body }}, with the comment lines above it. */
    record Block(List<String> comments, String type, List<String> labels, List<BodyItem> body) implements BodyItem {
        public Block {
            comments = List.copyOf(comments);
            Objects.requireNonNull(type, "type");
            labels = List.copyOf(labels);
            body = List.copyOf(body);
        }

        /** The attribute with that name in this block's body, if any. */
        java.util.Optional<Attribute> attribute(String name) {
            return body.stream().filter(Attribute.class::isInstance).map(Attribute.class::cast)
                    .filter(a -> a.name().equals(name)).findFirst();
        }

        /** The nested blocks of that type, in order. */
        List<Block> blocks(String blockType) {
            return body.stream().filter(Block.class::isInstance).map(Block.class::cast)
                    .filter(b -> b.type().equals(blockType)).toList();
        }
    }

    /** Comment lines that stand alone. */
    record Comments(List<String> lines) implements BodyItem {
        public Comments {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A comment line written where a setting of the model would go, because the block's azurerm resource type has
     * no argument for it.
     *
     * @param argument the azurerm argument the setting would need, which the block's schema does not have
     * @param comments the deviations placed on the setting, then the explanation
     */
    record Unmapped(String argument, List<String> comments) implements BodyItem {
        public Unmapped {
            Objects.requireNonNull(argument, "argument");
            comments = List.copyOf(comments);
        }
    }

    /** A blank line, which also ends an alignment group. */
    record Blank() implements BodyItem {
    }
}
