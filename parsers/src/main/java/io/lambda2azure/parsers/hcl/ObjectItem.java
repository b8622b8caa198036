package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code key = value} (or {@code key: value}) in an object constructor.
 *
 * @param key   the key
 * @param value the value
 * @param span  from the key to the end of the value
 */
public record ObjectItem(Key key, Expression value, Span span) {

    public ObjectItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(span, "span");
    }

    /** Where the item's key is. */
    public SourceLocation location() {
        return span.start();
    }

    /**
     * A key: a bare name stands for itself ({@code {foo = 1}} has the key "foo"); anything else, even a
     * parenthesised name ({@code {(foo) = 1}}), is an expression whose value is the key.
     */
    public sealed interface Key {

        Span span();

        /** The key's text when it is known without evaluation: a bare name or a literal string. */
        Optional<String> staticName();

        /** A bare name. */
        record Name(String name, Span span) implements Key {
            public Name {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(span, "span");
            }

            @Override
            public Optional<String> staticName() {
                return Optional.of(name);
            }
        }

        /** An expression to evaluate. */
        record Computed(Expression expression) implements Key {
            public Computed {
                Objects.requireNonNull(expression, "expression");
            }

            @Override
            public Span span() {
                return expression.span();
            }

            @Override
            public Optional<String> staticName() {
                return expression instanceof Expression.Template template ? template.literalValue() : Optional.empty();
            }
        }
    }
}
