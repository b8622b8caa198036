package io.lambda2azure.core.expr;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints an expression in a compact notation close to CloudFormation's short form, for reports, the
 * {@code inspect} command and test messages. It is stable: the same expression always prints the same.
 */
final class ExprPrinter {

    private ExprPrinter() {
    }

    static String print(Expr expr) {
        StringBuilder out = new StringBuilder();
        append(out, expr);
        return out.toString();
    }

    private static void append(StringBuilder out, Expr expr) {
        if (expr instanceof Expr.StringLiteral s) {
            quote(out, s.value());
        } else if (expr instanceof Expr.NumberLiteral n) {
            out.append(n.value().toPlainString());
        } else if (expr instanceof Expr.BooleanLiteral b) {
            out.append(b.value());
        } else if (expr instanceof Expr.NullLiteral) {
            out.append("null");
        } else if (expr instanceof Expr.ListExpr l) {
            list(out, l.items());
        } else if (expr instanceof Expr.MapExpr m) {
            map(out, m.entries());
        } else if (expr instanceof Expr.ParameterRef p) {
            out.append("!Ref ").append(p.name());
        } else if (expr instanceof Expr.ResourceRef r) {
            out.append("!Ref ").append(r.logicalId());
        } else if (expr instanceof Expr.AttributeRef a) {
            out.append("!GetAtt ").append(a.logicalId()).append('.').append(a.attribute());
        } else if (expr instanceof Expr.PseudoRef p) {
            out.append("!Ref ").append(p.pseudo().cloudFormationName());
        } else if (expr instanceof Expr.Interpolation i) {
            interpolation(out, i);
        } else if (expr instanceof Expr.Join j) {
            call(out, "Join", j.delimiter(), j.values());
        } else if (expr instanceof Expr.Select s) {
            call(out, "Select", s.index(), s.values());
        } else if (expr instanceof Expr.Split s) {
            call(out, "Split", s.delimiter(), s.source());
        } else if (expr instanceof Expr.Conditional c) {
            call(out, "If", new Expr.StringLiteral(c.condition()), c.whenTrue(), c.whenFalse());
        } else if (expr instanceof Expr.Equals e) {
            call(out, "Equals", e.left(), e.right());
        } else if (expr instanceof Expr.And a) {
            call(out, "And", a.operands().toArray(Expr[]::new));
        } else if (expr instanceof Expr.Or o) {
            call(out, "Or", o.operands().toArray(Expr[]::new));
        } else if (expr instanceof Expr.Not n) {
            call(out, "Not", n.operand());
        } else if (expr instanceof Expr.ConditionRef c) {
            out.append("!Condition ").append(c.name());
        } else if (expr instanceof Expr.FindInMap f) {
            if (f.defaultValue().isPresent()) {
                call(out, "FindInMap", f.mapName(), f.topLevelKey(), f.secondLevelKey(),
                        new Expr.MapExpr(Map.of("DefaultValue", f.defaultValue().get())));
            } else {
                call(out, "FindInMap", f.mapName(), f.topLevelKey(), f.secondLevelKey());
            }
        } else if (expr instanceof Expr.ImportValue i) {
            out.append("!ImportValue ");
            append(out, i.exportName());
        } else if (expr instanceof Expr.Base64 b) {
            out.append("!Base64 ");
            append(out, b.value());
        } else if (expr instanceof Expr.Cidr c) {
            call(out, "Cidr", c.ipBlock(), c.count(), c.cidrBits());
        } else if (expr instanceof Expr.AvailabilityZones a) {
            out.append("!GetAZs ");
            append(out, a.region());
        } else if (expr instanceof Expr.Unknown u) {
            out.append("<unknown ").append(u.text()).append('>');
        } else {
            throw new IllegalStateException("unhandled expression " + expr.getClass());
        }
    }

    private static void interpolation(StringBuilder out, Expr.Interpolation interpolation) {
        StringBuilder text = new StringBuilder();
        for (Expr part : interpolation.parts()) {
            if (part instanceof Expr.StringLiteral s) {
                text.append(s.value().replace("${", "${!"));
            } else if (part instanceof Expr.ParameterRef p) {
                text.append("${").append(p.name()).append('}');
            } else if (part instanceof Expr.ResourceRef r) {
                text.append("${").append(r.logicalId()).append('}');
            } else if (part instanceof Expr.AttributeRef a) {
                text.append("${").append(a.logicalId()).append('.').append(a.attribute()).append('}');
            } else if (part instanceof Expr.PseudoRef p) {
                text.append("${").append(p.pseudo().cloudFormationName()).append('}');
            } else {
                text.append("${").append(print(part)).append('}');
            }
        }
        out.append("!Sub ");
        quote(out, text.toString());
    }

    private static void call(StringBuilder out, String name, Expr... args) {
        out.append('!').append(name).append(' ');
        list(out, List.of(args));
    }

    private static void list(StringBuilder out, List<Expr> items) {
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            append(out, items.get(i));
        }
        out.append(']');
    }

    private static void map(StringBuilder out, Map<String, Expr> entries) {
        out.append('{');
        out.append(entries.entrySet().stream().map(e -> {
            StringBuilder entry = new StringBuilder();
            quote(entry, e.getKey());
            entry.append(": ");
            append(entry, e.getValue());
            return entry.toString();
        }).collect(Collectors.joining(", ")));
        out.append('}');
    }

    private static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
