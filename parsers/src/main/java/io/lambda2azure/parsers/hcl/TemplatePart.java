package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A piece of an {@link Expression.Template}. */
public sealed interface TemplatePart {

    /** The source text of the part: for a directive, from its {@code %{ if } } to its {@code %{ endif } }. */
    Span span();

    default SourceLocation location() {
        return span().start();
    }

    /** Literal text, escapes decoded and strip markers applied (so it may differ from the source text). */
    record Literal(String value, Span span) implements TemplatePart {
        public Literal {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code ${expression}}. */
    record Interpolation(Expression expression, Span span) implements TemplatePart {
        public Interpolation {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code %{ if condition }whenTrue%{ else }whenFalse%{ endif }}; without else, whenFalse is empty. */
    record IfDirective(Expression condition, List<TemplatePart> whenTrue, List<TemplatePart> whenFalse, Span span)
            implements TemplatePart {
        public IfDirective {
            Objects.requireNonNull(condition, "condition");
            whenTrue = List.copyOf(whenTrue);
            whenFalse = List.copyOf(whenFalse);
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code %{ for key, value in collection }body%{ endfor }}. */
    record ForDirective(Optional<String> keyVariable, String valueVariable, Expression collection,
                        List<TemplatePart> body, Span span) implements TemplatePart {
        public ForDirective {
            Objects.requireNonNull(keyVariable, "keyVariable");
            Objects.requireNonNull(valueVariable, "valueVariable");
            Objects.requireNonNull(collection, "collection");
            body = List.copyOf(body);
            Objects.requireNonNull(span, "span");
        }
    }
}
