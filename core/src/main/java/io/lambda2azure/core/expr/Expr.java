package io.lambda2azure.core.expr;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A value as the input wrote it, kept symbolic: a parameter stays a parameter, a {@code !Sub} stays an
 * interpolation, an {@code !If} stays a conditional. Later stages render these as Bicep or Terraform
 * expressions instead of resolving them to literals, so that the generated IaC keeps the input's intent.
 *
 * <p>Expressions carry no source location of their own: the model element or property that holds one
 * does. That keeps two expressions equal whenever they mean the same thing, wherever they were written.
 * {@link #toString()} gives a compact, stable notation close to CloudFormation's short form.
 */
public sealed interface Expr {

    /** A string literal. */
    record StringLiteral(String value) implements Expr {
        public StringLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A number literal, kept exact. */
    record NumberLiteral(BigDecimal value) implements Expr {
        public NumberLiteral {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A boolean literal. */
    record BooleanLiteral(boolean value) implements Expr {
        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** An explicit null (YAML {@code ~} or {@code null}, JSON {@code null}). */
    record NullLiteral() implements Expr {
        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A list whose items may themselves be symbolic. */
    record ListExpr(List<Expr> items) implements Expr {
        public ListExpr {
            items = List.copyOf(items);
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A map with string keys in input order, whose values may be symbolic. */
    record MapExpr(Map<String, Expr> entries) implements Expr {
        public MapExpr {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A reference to a template parameter ({@code !Ref Param}, Terraform {@code var.x}). */
    record ParameterRef(String name) implements Expr {
        public ParameterRef {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A reference to a resource's primary value ({@code !Ref Resource}). */
    record ResourceRef(String logicalId) implements Expr {
        public ResourceRef {
            Objects.requireNonNull(logicalId, "logicalId");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A reference to an attribute of a resource ({@code !GetAtt Resource.Arn}). */
    record AttributeRef(String logicalId, String attribute) implements Expr {
        public AttributeRef {
            Objects.requireNonNull(logicalId, "logicalId");
            Objects.requireNonNull(attribute, "attribute");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A value the deployment engine supplies: region, account id, stack name and the like. */
    record PseudoRef(Pseudo pseudo) implements Expr {
        public PseudoRef {
            Objects.requireNonNull(pseudo, "pseudo");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * A string built from literal text and expressions ({@code !Sub}, a Terraform template). Parts are
     * {@link StringLiteral}s for the text and any other expression for the holes.
     */
    record Interpolation(List<Expr> parts) implements Expr {
        public Interpolation {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::Join}: the items of {@code values} joined by {@code delimiter}. */
    record Join(Expr delimiter, Expr values) implements Expr {
        public Join {
            Objects.requireNonNull(delimiter, "delimiter");
            Objects.requireNonNull(values, "values");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::Select}: the item at {@code index} (0-based) of {@code values}. */
    record Select(Expr index, Expr values) implements Expr {
        public Select {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(values, "values");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::Split}: {@code source} split at every {@code delimiter}. */
    record Split(Expr delimiter, Expr source) implements Expr {
        public Split {
            Objects.requireNonNull(delimiter, "delimiter");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::If}: {@code whenTrue} when the named condition holds, else {@code whenFalse}. */
    record Conditional(String condition, Expr whenTrue, Expr whenFalse) implements Expr {
        public Conditional {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(whenTrue, "whenTrue");
            Objects.requireNonNull(whenFalse, "whenFalse");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::Equals}. */
    record Equals(Expr left, Expr right) implements Expr {
        public Equals {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::And}. */
    record And(List<Expr> operands) implements Expr {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::Or}. */
    record Or(List<Expr> operands) implements Expr {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::Not}. */
    record Not(Expr operand) implements Expr {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A reference to a named condition ({@code Condition: Name} inside a condition expression). */
    record ConditionRef(String name) implements Expr {
        public ConditionRef {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::FindInMap}: a lookup in a template mapping, with an optional default. */
    record FindInMap(Expr mapName, Expr topLevelKey, Expr secondLevelKey, Optional<Expr> defaultValue)
            implements Expr {
        public FindInMap {
            Objects.requireNonNull(mapName, "mapName");
            Objects.requireNonNull(topLevelKey, "topLevelKey");
            Objects.requireNonNull(secondLevelKey, "secondLevelKey");
            Objects.requireNonNull(defaultValue, "defaultValue");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::ImportValue}: a value exported by another stack. */
    record ImportValue(Expr exportName) implements Expr {
        public ImportValue {
            Objects.requireNonNull(exportName, "exportName");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::Base64}. */
    record Base64(Expr value) implements Expr {
        public Base64 {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::Cidr}: {@code count} subnets of {@code cidrBits} host bits carved from {@code ipBlock}. */
    record Cidr(Expr ipBlock, Expr count, Expr cidrBits) implements Expr {
        public Cidr {
            Objects.requireNonNull(ipBlock, "ipBlock");
            Objects.requireNonNull(count, "count");
            Objects.requireNonNull(cidrBits, "cidrBits");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** {@code Fn::GetAZs}: the availability zones of a region (empty string: the stack's region). */
    record AvailabilityZones(Expr region) implements Expr {
        public AvailabilityZones {
            Objects.requireNonNull(region, "region");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * Something no other variant expresses (for example {@code Fn::Transform} or a language-extension
     * function). The original text is kept so that a deviation can quote it.
     */
    record Unknown(String text) implements Expr {
        public Unknown {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** Shorthand for a string literal. */
    static Expr string(String value) {
        return new StringLiteral(value);
    }

    /** The string value when this is a string literal. */
    default Optional<String> asString() {
        return this instanceof StringLiteral s ? Optional.of(s.value()) : Optional.empty();
    }

    /** Whether this expression is a literal with no symbolic part anywhere inside it. */
    default boolean isLiteral() {
        if (this instanceof ListExpr l) {
            return l.items().stream().allMatch(Expr::isLiteral);
        }
        if (this instanceof MapExpr m) {
            return m.entries().values().stream().allMatch(Expr::isLiteral);
        }
        return this instanceof StringLiteral || this instanceof NumberLiteral
                || this instanceof BooleanLiteral || this instanceof NullLiteral;
    }
}
