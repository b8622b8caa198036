package io.lambda2azure.emitters.bicep;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Bicep expression: the expression half of the small syntax tree the emitter builds, in the manner of
 * Bicep's own decompiler. The tree holds no parentheses and no layout; {@link BicepPrinter} adds both.
 */
sealed interface BicepExpr {

    /** {@code 'text'}. */
    record StringLiteral(String value) implements BicepExpr {
        public StringLiteral {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * {@code 'a${x}b${y}c'}: literal segments around expressions, so there is always one more segment than
     * expressions (segments may be empty).
     */
    record InterpolatedString(List<String> segments, List<BicepExpr> expressions) implements BicepExpr {
        public InterpolatedString {
            segments = List.copyOf(segments);
            expressions = List.copyOf(expressions);
            if (segments.size() != expressions.size() + 1) {
                throw new IllegalArgumentException("an interpolated string has one more segment than expressions");
            }
        }
    }

    /** An integer: Bicep has no other number literal. */
    record IntLiteral(BigInteger value) implements BicepExpr {
        public IntLiteral {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code true} or {@code false}. */
    record BoolLiteral(boolean value) implements BicepExpr {
    }

    /** {@code null}. */
    record NullLiteral() implements BicepExpr {
    }

    /** A parameter, variable or resource symbol. */
    record Identifier(String name) implements BicepExpr {
        public Identifier {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code base.property}. */
    record PropertyAccess(BicepExpr base, String property) implements BicepExpr {
        public PropertyAccess {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(property, "property");
        }
    }

    /** {@code name(arg, ...)}. */
    record FunctionCall(String name, List<BicepExpr> arguments) implements BicepExpr {
        public FunctionCall {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code base[index]}. */
    record IndexAccess(BicepExpr base, BicepExpr index) implements BicepExpr {
        public IndexAccess {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(index, "index");
        }
    }

    /** {@code condition ? whenTrue : whenFalse}. */
    record Ternary(BicepExpr condition, BicepExpr whenTrue, BicepExpr whenFalse) implements BicepExpr {
        public Ternary {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(whenTrue, "whenTrue");
            Objects.requireNonNull(whenFalse, "whenFalse");
        }
    }

    /** {@code left op right}. */
    record Binary(BicepExpr left, Operator operator, BicepExpr right) implements BicepExpr {
        public Binary {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code !operand}. */
    record Not(BicepExpr operand) implements BicepExpr {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** {@code { key: value ... }}, one property a line. */
    record ObjectLiteral(List<ObjectProperty> properties) implements BicepExpr {
        public ObjectLiteral {
            properties = List.copyOf(properties);
        }
    }

    /** {@code [ item ... ]}, one item a line. */
    record ArrayLiteral(List<ArrayItem> items) implements BicepExpr {
        public ArrayLiteral {
            items = List.copyOf(items);
        }
    }

    /**
     * A property of an object, with the comment lines above it.
     *
     * @param key a {@link StringLiteral} (printed bare when it is an identifier) or an
     *            {@link InterpolatedString}
     */
    record ObjectProperty(List<Comment> comments, BicepExpr key, BicepExpr value) {
        public ObjectProperty {
            comments = List.copyOf(comments);
            if (!(key instanceof StringLiteral) && !(key instanceof InterpolatedString)) {
                throw new IllegalArgumentException("an object key is a string: " + key);
            }
            Objects.requireNonNull(value, "value");
        }
    }

    /** An item of an array, with the comment lines above it. */
    record ArrayItem(List<Comment> comments, BicepExpr value) {
        public ArrayItem {
            comments = List.copyOf(comments);
            Objects.requireNonNull(value, "value");
        }
    }

    /** Binary operators, with Bicep's precedence (higher binds tighter). */
    enum Operator {
        OR("||", 2),
        AND("&&", 3),
        EQUALS("==", 4),
        NOT_EQUALS("!=", 4);

        private final String symbol;
        private final int precedence;

        Operator(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        String symbol() {
            return symbol;
        }

        int precedence() {
            return precedence;
        }

        boolean isLogical() {
            return this == OR || this == AND;
        }
    }

    // ------------------------------------------------------------------ shorthands for building trees

    static StringLiteral string(String value) {
        return new StringLiteral(value);
    }

    static Identifier identifier(String name) {
        return new Identifier(name);
    }

    static IntLiteral integer(long value) {
        return new IntLiteral(BigInteger.valueOf(value));
    }

    static BoolLiteral bool(boolean value) {
        return new BoolLiteral(value);
    }

    static FunctionCall call(String name, BicepExpr... arguments) {
        return new FunctionCall(name, Arrays.asList(arguments));
    }

    /** {@code base.p1.p2...}. */
    static BicepExpr access(BicepExpr base, String... path) {
        BicepExpr e = base;
        for (String p : path) {
            e = new PropertyAccess(e, p);
        }
        return e;
    }

    /** {@code symbol.p1.p2...}. */
    static BicepExpr access(String symbol, String... path) {
        return access(identifier(symbol), path);
    }
}
