package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.InvalidInputException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A compact, fully bracketed notation of a syntax tree for assertions: {@code a + b * c} is
 * {@code (a + (b * c))}, a splat shows its extent in parentheses ({@code (x[*].a[0])}, {@code (x.*.a)[0]}),
 * a legacy index prints as {@code .0}, templates as quoted strings with their parts.
 */
final class Shapes {

    private Shapes() {
    }

    /** The shape of the value of {@code v = <expression>}. */
    static String of(String expression) {
        try {
            return of(HclReader.parse("shape.tf", "v = " + expression + "\n").body().attribute("v").orElseThrow().value());
        } catch (InvalidInputException e) {
            throw new AssertionError("does not parse: " + expression + "\n" + e.getMessage(), e);
        }
    }

    static String of(Expression e) {
        if (e instanceof Expression.NumberLiteral n) {
            return n.value().stripTrailingZeros().toPlainString();
        } else if (e instanceof Expression.BoolLiteral b) {
            return String.valueOf(b.value());
        } else if (e instanceof Expression.NullLiteral) {
            return "null";
        } else if (e instanceof Expression.Template t) {
            String prefix = switch (t.kind()) {
                case QUOTED -> "";
                case HEREDOC -> "<<";
                case FLUSH_HEREDOC -> "<<-";
            };
            return prefix + "\"" + parts(t.parts()) + "\"";
        } else if (e instanceof Expression.Variable v) {
            return v.name();
        } else if (e instanceof Expression.Traversal t) {
            return of(t.source()) + steps(t.steps());
        } else if (e instanceof Expression.Splat s) {
            return "(" + of(s.source()) + (s.kind() == Expression.SplatKind.FULL ? "[*]" : ".*") + steps(s.each()) + ")";
        } else if (e instanceof Expression.FunctionCall c) {
            return c.name() + "(" + list(c.arguments()) + (c.expandFinal() ? "..." : "") + ")";
        } else if (e instanceof Expression.Unary u) {
            return "(" + u.operator().symbol() + of(u.operand()) + ")";
        } else if (e instanceof Expression.Binary b) {
            return "(" + of(b.left()) + " " + b.operator().symbol() + " " + of(b.right()) + ")";
        } else if (e instanceof Expression.Conditional c) {
            return "(" + of(c.condition()) + " ? " + of(c.whenTrue()) + " : " + of(c.whenFalse()) + ")";
        } else if (e instanceof Expression.ForTuple f) {
            return "[for " + f.keyVariable().map(k -> k + ", ").orElse("") + f.valueVariable() + " in "
                    + of(f.collection()) + " : " + of(f.value()) + f.condition().map(c -> " if " + of(c)).orElse("") + "]";
        } else if (e instanceof Expression.ForObject f) {
            return "{for " + f.keyVariable().map(k -> k + ", ").orElse("") + f.valueVariable() + " in "
                    + of(f.collection()) + " : " + of(f.key()) + " => " + of(f.value()) + (f.grouping() ? "..." : "")
                    + f.condition().map(c -> " if " + of(c)).orElse("") + "}";
        } else if (e instanceof Expression.TupleConstructor t) {
            return "[" + list(t.items()) + "]";
        } else if (e instanceof Expression.ObjectConstructor o) {
            return "{" + o.items().stream().map(i -> key(i.key()) + " = " + of(i.value()))
                    .collect(Collectors.joining(", ")) + "}";
        }
        throw new AssertionError("unknown expression " + e);
    }

    private static String key(ObjectItem.Key key) {
        return key instanceof ObjectItem.Key.Name name ? name.name()
                : "(" + of(((ObjectItem.Key.Computed) key).expression()) + ")";
    }

    private static String list(List<Expression> items) {
        return items.stream().map(Shapes::of).collect(Collectors.joining(", "));
    }

    private static String steps(List<TraversalStep> steps) {
        StringBuilder out = new StringBuilder();
        for (TraversalStep step : steps) {
            if (step instanceof TraversalStep.GetAttr attr) {
                out.append('.').append(attr.name());
            } else {
                TraversalStep.Index index = (TraversalStep.Index) step;
                out.append(index.legacy() ? "." + of(index.key()) : "[" + of(index.key()) + "]");
            }
        }
        return out.toString();
    }

    static String parts(List<TemplatePart> parts) {
        StringBuilder out = new StringBuilder();
        for (TemplatePart part : parts) {
            if (part instanceof TemplatePart.Literal literal) {
                out.append(literal.value().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                        .replace("\t", "\\t"));
            } else if (part instanceof TemplatePart.Interpolation interpolation) {
                out.append("${").append(of(interpolation.expression())).append('}');
            } else if (part instanceof TemplatePart.IfDirective directive) {
                out.append("%{if ").append(of(directive.condition())).append('}').append(parts(directive.whenTrue()));
                if (!directive.whenFalse().isEmpty()) {
                    out.append("%{else}").append(parts(directive.whenFalse()));
                }
                out.append("%{endif}");
            } else {
                TemplatePart.ForDirective directive = (TemplatePart.ForDirective) part;
                out.append("%{for ").append(directive.keyVariable().map(k -> k + ", ").orElse(""))
                        .append(directive.valueVariable()).append(" in ").append(of(directive.collection())).append('}')
                        .append(parts(directive.body())).append("%{endfor}");
            }
        }
        return out.toString();
    }
}
