package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An HCL expression as written, unevaluated. Parentheses leave no node of their own: the tree's shape
 * already says how the operands group. Every node keeps the span of source text it was read from.
 */
public sealed interface Expression {

    /** The source text this expression was read from. */
    Span span();

    /** Where the expression starts. */
    default SourceLocation location() {
        return span().start();
    }

    /** The expression exactly as written. */
    default String text() {
        return span().text();
    }

    /** A number, exact; a minus written before a number literal is part of it. */
    record NumberLiteral(BigDecimal value, Span span) implements Expression {
        public NumberLiteral {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code true} or {@code false}. */
    record BoolLiteral(boolean value, Span span) implements Expression {
        public BoolLiteral {
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code null}. */
    record NullLiteral(Span span) implements Expression {
        public NullLiteral {
            Objects.requireNonNull(span, "span");
        }
    }

    /** How a template was written. */
    enum TemplateKind {
        /** {@code "..."} */
        QUOTED,
        /** {@code <<EOF} */
        HEREDOC,
        /** {@code <<-EOF}: the common leading spaces of its lines are already removed from the parts */
        FLUSH_HEREDOC
    }

    /**
     * A string template: literal text, interpolations and directives. Escapes are decoded, strip markers
     * ({@code ~}) and the indentation of a flush heredoc are already applied to the literal parts, and
     * empty literal parts are left out.
     *
     * @param parts the parts in order
     * @param kind  quoted or heredoc
     * @param span  from the opening quote or {@code <<} to the closing quote or marker
     */
    record Template(List<TemplatePart> parts, TemplateKind kind, Span span) implements Expression {
        public Template {
            parts = List.copyOf(parts);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(span, "span");
        }

        /** The string, when the template is literal text only (an empty template is the empty string). */
        public Optional<String> literalValue() {
            StringBuilder value = new StringBuilder();
            for (TemplatePart part : parts) {
                if (!(part instanceof TemplatePart.Literal literal)) {
                    return Optional.empty();
                }
                value.append(literal.value());
            }
            return Optional.of(value.toString());
        }

        /**
         * The expression of a template that is one interpolation and nothing else ({@code "${x}"}): by the
         * HCL specification its value is that expression's value, not converted to a string.
         */
        public Optional<Expression> unwrapped() {
            return parts.size() == 1 && parts.get(0) instanceof TemplatePart.Interpolation interpolation
                    ? Optional.of(interpolation.expression()) : Optional.empty();
        }
    }

    /** A variable: the root of a reference such as {@code var.name} or {@code aws_lambda_function.f.arn}. */
    record Variable(String name, Span span) implements Expression {
        public Variable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * Attribute accesses and indexes applied to an expression: {@code var.a.b[0]} is the variable
     * {@code var} with the steps {@code .a}, {@code .b}, {@code [0]}.
     *
     * @param source what the steps apply to
     * @param steps  at least one step
     */
    record Traversal(Expression source, List<TraversalStep> steps, Span span) implements Expression {
        public Traversal {
            Objects.requireNonNull(source, "source");
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("a traversal has at least one step");
            }
            Objects.requireNonNull(span, "span");
        }
    }

    /** Which splat operator. */
    enum SplatKind {
        /** {@code [*]}: the steps after it, attributes and indexes, apply to each element */
        FULL,
        /** {@code .*}: only the attribute steps right after it apply to each element */
        ATTRIBUTES
    }

    /**
     * {@code source[*].each} or {@code source.*.each}: the steps {@code each} applied to every element of
     * {@code source}. A step after the splat that does not belong to it (an index after {@code .*}) makes
     * this splat the source of a {@link Traversal}.
     */
    record Splat(Expression source, SplatKind kind, List<TraversalStep> each, Span span) implements Expression {
        public Splat {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(kind, "kind");
            each = List.copyOf(each);
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code name(arguments)}; {@code name(a, list...)} expands the final argument's elements into
     * arguments. Provider functions keep their full name ({@code provider::aws::arn_parse}).
     */
    record FunctionCall(String name, List<Expression> arguments, boolean expandFinal, Span span)
            implements Expression {
        public FunctionCall {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
            if (expandFinal && arguments.isEmpty()) {
                throw new IllegalArgumentException("only a final argument can be expanded");
            }
            Objects.requireNonNull(span, "span");
        }
    }

    /** A unary operator. */
    enum UnaryOperator {
        NEGATE("-"), NOT("!");

        private final String symbol;

        UnaryOperator(String symbol) {
            this.symbol = symbol;
        }

        /** As written in HCL. */
        public String symbol() {
            return symbol;
        }
    }

    /** {@code -x} or {@code !x}. */
    record Unary(UnaryOperator operator, Expression operand, Span span) implements Expression {
        public Unary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operand, "operand");
            Objects.requireNonNull(span, "span");
        }
    }

    /** A binary operator, with its HCL precedence (higher binds tighter; all associate to the left). */
    enum BinaryOperator {
        MULTIPLY("*", 6), DIVIDE("/", 6), MODULO("%", 6),
        ADD("+", 5), SUBTRACT("-", 5),
        LESS("<", 4), LESS_OR_EQUAL("<=", 4), GREATER(">", 4), GREATER_OR_EQUAL(">=", 4),
        EQUAL("==", 3), NOT_EQUAL("!=", 3),
        AND("&&", 2),
        OR("||", 1);

        private final String symbol;
        private final int precedence;

        BinaryOperator(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        /** As written in HCL. */
        public String symbol() {
            return symbol;
        }

        /** 6 for {@code * / %} down to 1 for {@code ||}. */
        public int precedence() {
            return precedence;
        }
    }

    /** {@code left op right}. */
    record Binary(BinaryOperator operator, Expression left, Expression right, Span span) implements Expression {
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code condition ? whenTrue : whenFalse}. */
    record Conditional(Expression condition, Expression whenTrue, Expression whenFalse, Span span)
            implements Expression {
        public Conditional {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(whenTrue, "whenTrue");
            Objects.requireNonNull(whenFalse, "whenFalse");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code [for key, value in collection : result if condition]}. */
    record ForTuple(Optional<String> keyVariable, String valueVariable, Expression collection, Expression value,
                    Optional<Expression> condition, Span span) implements Expression {
        public ForTuple {
            Objects.requireNonNull(keyVariable, "keyVariable");
            Objects.requireNonNull(valueVariable, "valueVariable");
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(span, "span");
        }
    }

    /**
     * {@code {for key, value in collection : k => v if condition}}; with {@code grouping} ({@code v...})
     * the values of equal keys are collected into tuples.
     */
    record ForObject(Optional<String> keyVariable, String valueVariable, Expression collection, Expression key,
                     Expression value, boolean grouping, Optional<Expression> condition, Span span)
            implements Expression {
        public ForObject {
            Objects.requireNonNull(keyVariable, "keyVariable");
            Objects.requireNonNull(valueVariable, "valueVariable");
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code [a, b, c]}. */
    record TupleConstructor(List<Expression> items, Span span) implements Expression {
        public TupleConstructor {
            items = List.copyOf(items);
            Objects.requireNonNull(span, "span");
        }
    }

    /** {@code {key = value, ...}}, items in source order. */
    record ObjectConstructor(List<ObjectItem> items, Span span) implements Expression {
        public ObjectConstructor {
            items = List.copyOf(items);
            Objects.requireNonNull(span, "span");
        }
    }
}
