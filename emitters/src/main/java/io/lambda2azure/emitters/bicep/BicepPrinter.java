package io.lambda2azure.emitters.bicep;

import io.lambda2azure.emitters.bicep.BicepDecl.CommentBlock;
import io.lambda2azure.emitters.bicep.BicepDecl.Decorator;
import io.lambda2azure.emitters.bicep.BicepDecl.Output;
import io.lambda2azure.emitters.bicep.BicepDecl.Param;
import io.lambda2azure.emitters.bicep.BicepDecl.ParamAssignment;
import io.lambda2azure.emitters.bicep.BicepDecl.Resource;
import io.lambda2azure.emitters.bicep.BicepDecl.Using;
import io.lambda2azure.emitters.bicep.BicepDecl.Var;
import io.lambda2azure.emitters.bicep.BicepExpr.ArrayItem;
import io.lambda2azure.emitters.bicep.BicepExpr.ArrayLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.Binary;
import io.lambda2azure.emitters.bicep.BicepExpr.BoolLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.FunctionCall;
import io.lambda2azure.emitters.bicep.BicepExpr.Identifier;
import io.lambda2azure.emitters.bicep.BicepExpr.IndexAccess;
import io.lambda2azure.emitters.bicep.BicepExpr.IntLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.InterpolatedString;
import io.lambda2azure.emitters.bicep.BicepExpr.Not;
import io.lambda2azure.emitters.bicep.BicepExpr.NullLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.ObjectLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.ObjectProperty;
import io.lambda2azure.emitters.bicep.BicepExpr.PropertyAccess;
import io.lambda2azure.emitters.bicep.BicepExpr.StringLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.Ternary;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place Bicep text is made: prints a {@link BicepFile} the way {@code bicep format} lays it out.
 * Two-space indentation; one blank line between top-level statements; objects and arrays with one item a
 * line ({@code {}} and {@code []} when empty); {@code key: value}; single-quoted strings with {@code \'},
 * {@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \$} before <code>{</code>, and <code>&#92;u{..}</code> for other
 * control characters; parentheses only where precedence needs them (and around a conditional inside another
 * expression, for readability); no trailing whitespace; LF line ends; the text ends with one newline.
 */
final class BicepPrinter {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** Words that are literals, not identifiers, so they are quoted as object keys. */
    private static final Set<String> LITERAL_WORDS = Set.of("true", "false", "null");

    private static final String INDENT = "  ";

    /** Precedence of a conditional, unary {@code !} and of primary expressions (calls, access, literals). */
    private static final int TERNARY = 0;
    private static final int UNARY = 8;
    private static final int PRIMARY = 9;

    private final StringBuilder out = new StringBuilder();
    private int depth;
    private boolean lineStart = true;

    private BicepPrinter() {
    }

    /** The text of a file. */
    static String print(BicepFile file) {
        BicepPrinter p = new BicepPrinter();
        List<BicepDecl> decls = file.declarations();
        for (int i = 0; i < decls.size(); i++) {
            if (i > 0) {
                p.newline();
            }
            p.declaration(decls.get(i));
        }
        return p.out.toString();
    }

    /** The text of one expression at indentation level 0, without a final newline. */
    static String print(BicepExpr expr) {
        BicepPrinter p = new BicepPrinter();
        p.expression(expr);
        return p.out.toString();
    }

    /** A single-quoted Bicep string literal. */
    static String quote(String value) {
        return "'" + escape(value) + "'";
    }

    /** Whether a name can be written bare as an object key or after a dot. */
    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches() && !LITERAL_WORDS.contains(name);
    }

    // ------------------------------------------------------------------ statements

    private void declaration(BicepDecl decl) {
        comments(decl.comments());
        if (decl instanceof CommentBlock) {
            return;
        }
        if (decl instanceof Param p) {
            decorators(p.decorators());
            write("param " + p.name() + " " + p.type());
            if (p.defaultValue().isPresent()) {
                write(" = ");
                expression(p.defaultValue().get());
            }
        } else if (decl instanceof Var v) {
            write("var " + v.name() + " = ");
            expression(v.value());
        } else if (decl instanceof Resource r) {
            resource(r);
        } else if (decl instanceof Output o) {
            decorators(o.decorators());
            write("output " + o.name() + " " + o.type() + " = ");
            expression(o.value());
        } else if (decl instanceof Using u) {
            write("using " + quote(u.path()));
        } else if (decl instanceof ParamAssignment a) {
            write("param " + a.name() + " = ");
            expression(a.value());
        } else {
            throw new IllegalArgumentException("unknown statement: " + decl);
        }
        newline();
    }

    private void resource(Resource r) {
        write("resource " + r.symbol() + " " + quote(r.type() + "@" + r.apiVersion()) + " ");
        if (r.existing()) {
            write("existing ");
        }
        write("= ");
        if (r.condition().isPresent()) {
            write("if (");
            expression(r.condition().get());
            write(") ");
        }
        List<ObjectProperty> body = new ArrayList<>();
        r.parent().ifPresent(parent -> body.add(new ObjectProperty(List.of(), BicepExpr.string("parent"), parent)));
        body.addAll(r.body().properties());
        object(body);
    }

    private void decorators(List<Decorator> decorators) {
        for (Decorator d : decorators) {
            write("@" + d.name() + "(");
            arguments(d.arguments());
            write(")");
            newline();
        }
    }

    private void comments(List<Comment> comments) {
        for (Comment c : comments) {
            String text = c.text().replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').stripTrailing();
            write(text.isEmpty() ? "//" : "// " + text);
            newline();
        }
    }

    // ------------------------------------------------------------------ expressions

    private void expression(BicepExpr e) {
        if (e instanceof StringLiteral s) {
            write(quote(s.value()));
        } else if (e instanceof InterpolatedString s) {
            write("'");
            for (int i = 0; i < s.expressions().size(); i++) {
                write(escape(s.segments().get(i)));
                write("${");
                expression(s.expressions().get(i));
                write("}");
            }
            write(escape(s.segments().get(s.segments().size() - 1)));
            write("'");
        } else if (e instanceof IntLiteral i) {
            write(i.value().toString());
        } else if (e instanceof BoolLiteral b) {
            write(Boolean.toString(b.value()));
        } else if (e instanceof NullLiteral) {
            write("null");
        } else if (e instanceof Identifier id) {
            write(id.name());
        } else if (e instanceof PropertyAccess a) {
            operand(a.base(), PRIMARY);
            if (isIdentifier(a.property())) {
                write("." + a.property());
            } else {
                write("[" + quote(a.property()) + "]");
            }
        } else if (e instanceof IndexAccess a) {
            operand(a.base(), PRIMARY);
            write("[");
            expression(a.index());
            write("]");
        } else if (e instanceof FunctionCall c) {
            write(c.name() + "(");
            arguments(c.arguments());
            write(")");
        } else if (e instanceof Ternary t) {
            operand(t.condition(), TERNARY + 1);
            write(" ? ");
            operand(t.whenTrue(), TERNARY + 1);
            write(" : ");
            operand(t.whenFalse(), TERNARY + 1);
        } else if (e instanceof Binary b) {
            int precedence = b.operator().precedence();
            binaryOperand(b, b.left(), precedence);
            write(" " + b.operator().symbol() + " ");
            binaryOperand(b, b.right(), precedence + 1);
        } else if (e instanceof Not n) {
            write("!");
            operand(n.operand(), UNARY);
        } else if (e instanceof ObjectLiteral o) {
            object(o.properties());
        } else if (e instanceof ArrayLiteral a) {
            array(a.items());
        } else {
            throw new IllegalArgumentException("unknown expression: " + e);
        }
    }

    /** An expression inside another: in parentheses when it binds less tightly than {@code minimum}. */
    private void operand(BicepExpr e, int minimum) {
        if (precedence(e) < minimum) {
            write("(");
            expression(e);
            write(")");
        } else {
            expression(e);
        }
    }

    /**
     * An operand of a binary expression: in parentheses where precedence needs them, and also where {@code &&}
     * and {@code ||} mix, so that {@code (a && b) || c} reads as it evaluates.
     */
    private void binaryOperand(Binary parent, BicepExpr e, int minimum) {
        boolean mixedLogic = e instanceof Binary inner && inner.operator() != parent.operator()
                && inner.operator().isLogical() && parent.operator().isLogical();
        operand(e, mixedLogic ? PRIMARY : minimum);
    }

    private static int precedence(BicepExpr e) {
        if (e instanceof Ternary) {
            return TERNARY;
        }
        if (e instanceof Binary b) {
            return b.operator().precedence();
        }
        if (e instanceof Not) {
            return UNARY;
        }
        return PRIMARY;
    }

    private void arguments(List<BicepExpr> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                write(", ");
            }
            expression(arguments.get(i));
        }
    }

    private void object(List<ObjectProperty> properties) {
        if (properties.isEmpty()) {
            write("{}");
            return;
        }
        write("{");
        newline();
        depth++;
        for (ObjectProperty p : properties) {
            comments(p.comments());
            if (p.key() instanceof StringLiteral s && isIdentifier(s.value())) {
                write(s.value());
            } else {
                expression(p.key());
            }
            write(": ");
            expression(p.value());
            newline();
        }
        depth--;
        write("}");
    }

    private void array(List<ArrayItem> items) {
        if (items.isEmpty()) {
            write("[]");
            return;
        }
        write("[");
        newline();
        depth++;
        for (ArrayItem item : items) {
            comments(item.comments());
            expression(item.value());
            newline();
        }
        depth--;
        write("]");
    }

    // ------------------------------------------------------------------ text

    private static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '$' -> b.append(i + 1 < value.length() && value.charAt(i + 1) == '{' ? "\\$" : "$");
                default -> {
                    if (c < 0x20) {
                        b.append("\\u{").append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT))
                                .append('}');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private void write(String text) {
        if (text.isEmpty()) {
            return;
        }
        if (lineStart) {
            out.append(INDENT.repeat(depth));
            lineStart = false;
        }
        out.append(text);
    }

    private void newline() {
        out.append('\n');
        lineStart = true;
    }
}
