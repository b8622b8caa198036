package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A value of a file in HCL's JSON syntax (Terraform's {@code .tf.json}), as written and located. Whether a
 * JSON object is a body of attributes and blocks or an object value depends on the schema of whoever reads
 * it, so the tree is kept as JSON here; {@link HclJson#expression} reads a value as an expression.
 */
public sealed interface JsonValue {

    /** Where the value is written. */
    Span span();

    /** Where the value starts. */
    default SourceLocation location() {
        return span().start();
    }

    /**
     * {@code {...}}: the members in the order written. A name may occur more than once (Terraform's JSON
     * syntax writes several blocks of one type that way).
     */
    record Obj(List<Member> members, Span span) implements JsonValue {
        public Obj {
            members = List.copyOf(members);
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code [...]}. */
    record Arr(List<JsonValue> items, Span span) implements JsonValue {
        public Arr {
            items = List.copyOf(items);
            Objects.requireNonNull(span, "span");
        }
    }

    /** A string, escapes decoded. */
    record Str(String value, Span span) implements JsonValue {
        public Str {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(span, "span");
        }
    }

    /** A number, exact. */
    record Num(BigDecimal value, Span span) implements JsonValue {
        public Num {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value, Span span) implements JsonValue {
        public Bool {
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code null}. */
    record Null(Span span) implements JsonValue {
        public Null {
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code "name": value}.
     *
     * @param name     the member's name, escapes decoded
     * @param nameSpan where the name is written, quotes included
     * @param value    its value
     */
    record Member(String name, Span nameSpan, JsonValue value) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(nameSpan, "nameSpan");
            Objects.requireNonNull(value, "value");
        }

        /** Where the member's name is. */
        public SourceLocation location() {
            return nameSpan.start();
        }
    }
}
