package io.lambda2azure.emitters.terraform;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An HCL expression: the expression half of the small syntax tree the Terraform emitter builds. The tree holds
 * no parentheses and no layout; {@link HclPrinter} adds both.
 */
sealed interface HclExpr {

    /** {@code "text"}: a quoted string without interpolation. */
    record StringLit(String value) implements HclExpr {
        public StringLit {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * {@code "a${x}b${y}c"}: literal segments around expressions, so there is always one more segment than
     * expressions (segments may be empty).
     */
    record Template(List<String> segments, List<HclExpr> expressions) implements HclExpr {
        public Template {
            segments = List.copyOf(segments);
            expressions = List.copyOf(expressions);
            if (segments.size() != expressions.size() + 1) {
                throw new IllegalArgumentException("a template has one more segment than expressions");
            }
        }
    }

    /** A number. */
    record NumberLit(BigDecimal value) implements HclExpr {
        public NumberLit {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code true} or {@code false}. */
    record BoolLit(boolean value) implements HclExpr {
    }

    /** {@code null}. */
    record NullLit() implements HclExpr {
    }

    /**
     * A reference: {@code var.x}, {@code local.x}, {@code azurerm_storage_account.storage[0].name}, or a bare
     * keyword such as the type {@code string}.
     */
    record Traversal(String root, List<Step> steps) implements HclExpr {
        public Traversal {
            Objects.requireNonNull(root, "root");
            steps = List.copyOf(steps);
        }

        /** The attribute names of the traversal after its root, without index steps. */
        List<String> names() {
            List<String> names = new ArrayList<>();
            for (Step s : steps) {
                if (s instanceof GetAttr a) {
                    names.add(a.name());
                }
            }
            return names;
        }
    }

    /** One step of a traversal. */
    sealed interface Step {
    }

    /** {@code .name}. */
    record GetAttr(String name) implements Step {
        public GetAttr {
            Objects.requireNonNull(name, "name");
        }
    }

    /** {@code [index]}. */
    record Index(long index) implements Step {
    }

    /** {@code name(arg, ...)}. */
    record FunctionCall(String name, List<HclExpr> arguments) implements HclExpr {
        public FunctionCall {
            Objects.requireNonNull(name, "name");
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code condition ? whenTrue : whenFalse}. */
    record Conditional(HclExpr condition, HclExpr whenTrue, HclExpr whenFalse) implements HclExpr {
        public Conditional {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(whenTrue, "whenTrue");
            Objects.requireNonNull(whenFalse, "whenFalse");
        }
    }

    /** {@code left op right}. */
    record Binary(HclExpr left, Operator operator, HclExpr right) implements HclExpr {
        public Binary {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code !operand}. */
    record Not(HclExpr operand) implements HclExpr {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** {@code collection[key]}. */
    record IndexExpr(HclExpr collection, HclExpr key) implements HclExpr {
        public IndexExpr {
            Objects.requireNonNull(collection, "collection");
            Objects.requireNonNull(key, "key");
        }
    }

    /** {@code [a, b]}; one item a line (with trailing commas) when an item spans lines. */
    record Tuple(List<HclExpr> items) implements HclExpr {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** {@code { key = value ... }}, one item a line ({@code {}} when empty). */
    record ObjectExpr(List<ObjectItem> items) implements HclExpr {
        public ObjectExpr {
            items = List.copyOf(items);
        }
    }

    /**
     * An item of an object, with the comment lines above it.
     *
     * @param quoted whether the key is written as a quoted string; a bare key must be an identifier
     */
    record ObjectItem(List<String> comments, String key, boolean quoted, HclExpr value) {
        public ObjectItem {
            comments = List.copyOf(comments);
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (!quoted && !HclPrinter.isIdentifier(key)) {
                throw new IllegalArgumentException("a bare object key is an identifier: " + key);
            }
        }
    }

    /** Binary operators, with HCL's precedence (higher binds tighter). */
    enum Operator {
        OR("||", 1),
        AND("&&", 2),
        EQUALS("==", 3),
        NOT_EQUALS("!=", 3);

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

    static StringLit string(String value) {
        return new StringLit(value);
    }

    static NumberLit number(long value) {
        return new NumberLit(BigDecimal.valueOf(value));
    }

    static BoolLit bool(boolean value) {
        return new BoolLit(value);
    }

    static FunctionCall call(String name, HclExpr... arguments) {
        return new FunctionCall(name, Arrays.asList(arguments));
    }

    /** {@code root.a.b...}. */
    static Traversal ref(String root, String... names) {
        List<Step> steps = new ArrayList<>();
        for (String n : names) {
            steps.add(new GetAttr(n));
        }
        return new Traversal(root, steps);
    }

    /** The traversal with one more attribute step. */
    static Traversal attr(Traversal base, String name) {
        List<Step> steps = new ArrayList<>(base.steps());
        steps.add(new GetAttr(name));
        return new Traversal(base.root(), steps);
    }
}
