package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;

/** One step of a {@link Expression.Traversal} or of what a {@link Expression.Splat} applies to each element. */
public sealed interface TraversalStep {

    /** The step's text: {@code .name}, {@code [key]} or {@code .0}. */
    Span span();

    default SourceLocation location() {
        return span().start();
    }

    /** {@code .name}: an attribute of an object. */
    record GetAttr(String name, Span span) implements TraversalStep {
        public GetAttr {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code [key]}, or the legacy {@code .0} (then {@code key} is that number and {@code legacy} is true).
     */
    record Index(Expression key, boolean legacy, Span span) implements TraversalStep {
        public Index {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(span, "span");
        }
    }
}
