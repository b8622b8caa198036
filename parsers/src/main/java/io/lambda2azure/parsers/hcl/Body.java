package io.lambda2azure.parsers.hcl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a file or of a block: attributes and blocks, in source order. Each attribute name occurs
 * at most once (the reader refuses a file that sets one twice).
 *
 * @param items the attributes and blocks in the order written
 * @param span  the body's text: the whole file, or what lies between a block's braces
 */
public record Body(List<BodyItem> items, Span span) {

    public Body {
        items = List.copyOf(items);
        Objects.requireNonNull(span, "span");
    }

    /** The attributes, in source order. */
    public List<Attribute> attributes() {
        return items.stream().filter(Attribute.class::isInstance).map(Attribute.class::cast).toList();
    }

    /** The blocks, in source order. */
    public List<Block> blocks() {
        return items.stream().filter(Block.class::isInstance).map(Block.class::cast).toList();
    }

    /** The blocks of one type ({@code resource}, {@code variable}, ...), in source order. */
    public List<Block> blocks(String type) {
        return blocks().stream().filter(b -> b.type().equals(type)).toList();
    }

    /** The attribute of that name, if set. */
    public Optional<Attribute> attribute(String name) {
        return attributes().stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
