package io.lambda2azure.parsers.hcl;

import java.util.Objects;

/**
 * {@code name = value}.
 *
 * @param name  the attribute's name
 * @param value its value, kept as written (unevaluated)
 * @param span  from the name to the end of the value
 */
public record Attribute(String name, Expression value, Span span) implements BodyItem {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(span, "span");
    }
}
