package io.lambda2azure.emitters.terraform;

import io.lambda2azure.emitters.terraform.BodyItem.Attribute;
import io.lambda2azure.emitters.terraform.BodyItem.Blank;
import io.lambda2azure.emitters.terraform.BodyItem.Block;
import io.lambda2azure.emitters.terraform.BodyItem.Comments;
import io.lambda2azure.emitters.terraform.BodyItem.Unmapped;
import io.lambda2azure.emitters.terraform.HclExpr.Binary;
import io.lambda2azure.emitters.terraform.HclExpr.BoolLit;
import io.lambda2azure.emitters.terraform.HclExpr.Conditional;
import io.lambda2azure.emitters.terraform.HclExpr.FunctionCall;
import io.lambda2azure.emitters.terraform.HclExpr.GetAttr;
import io.lambda2azure.emitters.terraform.HclExpr.Index;
import io.lambda2azure.emitters.terraform.HclExpr.IndexExpr;
import io.lambda2azure.emitters.terraform.HclExpr.Not;
import io.lambda2azure.emitters.terraform.HclExpr.NullLit;
import io.lambda2azure.emitters.terraform.HclExpr.NumberLit;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectExpr;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectItem;
import io.lambda2azure.emitters.terraform.HclExpr.Step;
import io.lambda2azure.emitters.terraform.HclExpr.StringLit;
import io.lambda2azure.emitters.terraform.HclExpr.Template;
import io.lambda2azure.emitters.terraform.HclExpr.Traversal;
import io.lambda2azure.emitters.terraform.HclExpr.Tuple;

import java.text.BreakIterator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place HCL text is made: prints an {@link HclFile} exactly as {@code terraform fmt} (HashiCorp's
 * {@code hclwrite} formatter) would leave it, so that {@code terraform fmt -check} passes on every generated file.
 *
 * <p>The printer first writes lines with canonical spacing inside each line, counting the brackets each line
 * opens and closes; then it applies hclwrite's two layout passes: indentation from a stack of bracket counts
 * (two spaces a level), and alignment of the {@code =} of consecutive single-line assignments ("alignment
 * groups"), one space after the longest name measured in grapheme clusters. Any line that is not a single-line
 * assignment ends a group: a blank line, a comment line, a block header or brace, and the first line of a
 * multi-line value.
 *
 * <p>Layout choices of its own (terraform fmt keeps whatever it is given): one blank line between top-level
 * items and around nested blocks; objects one item a line without commas; tuples on one line unless an item
 * spans lines, then one item a line, each followed by a comma; function arguments likewise. Strings are quoted
 * with {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \\uXXXX} for other unprintable
 * characters, and {@code $${} / {@code %%{} for literal template introducers. LF line ends, no trailing
 * whitespace, one final newline.
 */
final class HclPrinter {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_-]*");

    /** Words that are literals, not references, so they are quoted as object keys. */
    private static final Set<String> LITERAL_WORDS = Set.of("true", "false", "null");

    /** Precedence of a conditional, of unary {@code !} and of primary expressions. */
    private static final int CONDITIONAL = 0;
    private static final int UNARY = 7;
    private static final int PRIMARY = 8;

    /** One output line before layout: its text, where its assignment starts, and its net bracket count. */
    private static final class Line {
        final String text;
        final int assignAt;
        final int net;
        final boolean blank;
        int indent;
        int spacesBeforeAssign = 1;

        Line(String text, int assignAt, int net, boolean blank) {
            this.text = text;
            this.assignAt = assignAt;
            this.net = net;
            this.blank = blank;
        }

        boolean isAssign() {
            return assignAt >= 0;
        }

        String lead() {
            return isAssign() ? text.substring(0, assignAt) : text;
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int currentNet;
    /** Where {@code " = "} starts on the current line, or -1. */
    private int assignMark = -1;

    private HclPrinter() {
    }

    /** The text of a file. */
    static String print(HclFile file) {
        HclPrinter p = new HclPrinter();
        List<BodyItem> items = file.items().stream().filter(i -> !(i instanceof Blank)).toList();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                p.blankLine();
            }
            p.item(items.get(i));
        }
        return p.layout();
    }

    /** The text of one expression at the top level, without a final newline. */
    static String print(HclExpr expr) {
        HclPrinter p = new HclPrinter();
        p.expression(expr, CONDITIONAL);
        String text = p.layout();
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** Whether a name can be written bare as an argument name, block type or object key. */
    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches() && !LITERAL_WORDS.contains(name);
    }

    /** A quoted HCL string literal. */
    static String quote(String value) {
        return "\"" + escape(value) + "\"";
    }

    /** Whether an expression is printed over more than one line. */
    static boolean isMultiline(HclExpr e) {
        if (e instanceof ObjectExpr o) {
            return !o.items().isEmpty();
        }
        if (e instanceof Tuple t) {
            return t.items().stream().anyMatch(HclPrinter::isMultiline);
        }
        if (e instanceof FunctionCall c) {
            return c.arguments().stream().anyMatch(HclPrinter::isMultiline);
        }
        if (e instanceof Conditional c) {
            return isMultiline(c.condition()) || isMultiline(c.whenTrue()) || isMultiline(c.whenFalse());
        }
        if (e instanceof Binary b) {
            return isMultiline(b.left()) || isMultiline(b.right());
        }
        if (e instanceof Not n) {
            return isMultiline(n.operand());
        }
        if (e instanceof IndexExpr i) {
            return isMultiline(i.collection()) || isMultiline(i.key());
        }
        return false;
    }

    // ------------------------------------------------------------------ bodies

    private void item(BodyItem item) {
        if (item instanceof Attribute a) {
            comments(a.comments());
            assignment(a.name(), a.value());
        } else if (item instanceof Block b) {
            block(b);
        } else if (item instanceof Comments c) {
            comments(c.lines());
        } else if (item instanceof Unmapped u) {
            comments(u.comments());
        } else if (item instanceof Blank) {
            blankLine();
        } else {
            throw new IllegalArgumentException("unknown body item: " + item);
        }
    }

    private void block(Block b) {
        comments(b.comments());
        write(b.type());
        for (String label : b.labels()) {
            write(" " + quote(label));
        }
        write(" ");
        open("{");
        if (b.body().stream().allMatch(Blank.class::isInstance)) {
            close("}");
            endLine();
            return;
        }
        endLine();
        body(b.body());
        close("}");
        endLine();
    }

    /**
     * The items of a block: explicit blank lines where the tree has them (never two, never first or last), and
     * one blank line before and after each nested block.
     */
    private void body(List<BodyItem> items) {
        boolean any = false;
        boolean pendingBlank = false;
        for (BodyItem item : items) {
            if (item instanceof Blank) {
                pendingBlank = any;
                continue;
            }
            if (item instanceof Block && any) {
                pendingBlank = true;
            }
            if (pendingBlank) {
                blankLine();
                pendingBlank = false;
            }
            item(item);
            any = true;
            if (item instanceof Block) {
                pendingBlank = true;
            }
        }
    }

    private void assignment(String key, HclExpr value) {
        write(key);
        assignMark = current.length();
        write(" = ");
        expression(value, CONDITIONAL);
        endLine();
    }

    private void comments(List<String> comments) {
        for (String c : comments) {
            String text = c.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').strip();
            write(text.isEmpty() ? "#" : "# " + text);
            endLine();
        }
    }

    // ------------------------------------------------------------------ expressions

    private void expression(HclExpr e, int minimum) {
        if (precedence(e) < minimum) {
            open("(");
            expression(e, CONDITIONAL);
            close(")");
            return;
        }
        if (e instanceof StringLit s) {
            write(quote(s.value()));
        } else if (e instanceof Template t) {
            template(t);
        } else if (e instanceof NumberLit n) {
            write(number(n));
        } else if (e instanceof BoolLit b) {
            write(Boolean.toString(b.value()));
        } else if (e instanceof NullLit) {
            write("null");
        } else if (e instanceof Traversal t) {
            traversal(t);
        } else if (e instanceof FunctionCall c) {
            call(c);
        } else if (e instanceof Conditional c) {
            expression(c.condition(), CONDITIONAL + 1);
            write(" ? ");
            expression(c.whenTrue(), CONDITIONAL + 1);
            write(" : ");
            expression(c.whenFalse(), CONDITIONAL + 1);
        } else if (e instanceof Binary b) {
            int precedence = b.operator().precedence();
            binaryOperand(b, b.left(), precedence);
            write(" " + b.operator().symbol() + " ");
            binaryOperand(b, b.right(), precedence + 1);
        } else if (e instanceof Not n) {
            write("!");
            expression(n.operand(), UNARY);
        } else if (e instanceof IndexExpr i) {
            expression(i.collection(), PRIMARY);
            open("[");
            expression(i.key(), CONDITIONAL);
            close("]");
        } else if (e instanceof Tuple t) {
            tuple(t);
        } else if (e instanceof ObjectExpr o) {
            object(o);
        } else {
            throw new IllegalArgumentException("unknown expression: " + e);
        }
    }

    /**
     * An operand of a binary expression: in parentheses where precedence needs them, and also where {@code &&}
     * and {@code ||} mix, so that {@code (a && b) || c} reads as it evaluates.
     */
    private void binaryOperand(Binary parent, HclExpr e, int minimum) {
        boolean mixedLogic = e instanceof Binary inner && inner.operator() != parent.operator()
                && inner.operator().isLogical() && parent.operator().isLogical();
        expression(e, mixedLogic ? PRIMARY : minimum);
    }

    private static int precedence(HclExpr e) {
        if (e instanceof Conditional) {
            return CONDITIONAL;
        }
        if (e instanceof Binary b) {
            return b.operator().precedence();
        }
        if (e instanceof Not) {
            return UNARY;
        }
        if (e instanceof NumberLit n && n.value().signum() < 0) {
            return UNARY;
        }
        return PRIMARY;
    }

    private void template(Template t) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < t.expressions().size(); i++) {
            b.append(escape(t.segments().get(i)));
            HclExpr inner = t.expressions().get(i);
            if (isMultiline(inner)) {
                throw new IllegalArgumentException("a template interpolation spans lines: " + inner);
            }
            HclPrinter p = new HclPrinter();
            p.expression(inner, CONDITIONAL);
            String text = p.current.toString();
            // hclwrite puts a space between ${ and an object constructor's brace.
            b.append("${").append(text.startsWith("{") ? " " + text + " " : text).append('}');
        }
        b.append(escape(t.segments().get(t.segments().size() - 1))).append('"');
        write(b.toString());
    }

    private void traversal(Traversal t) {
        StringBuilder b = new StringBuilder(t.root());
        for (Step s : t.steps()) {
            if (s instanceof GetAttr a) {
                b.append('.').append(a.name());
            } else if (s instanceof Index i) {
                b.append('[').append(i.index()).append(']');
            }
        }
        write(b.toString());
    }

    private void call(FunctionCall c) {
        write(c.name());
        open("(");
        if (c.arguments().stream().noneMatch(HclPrinter::isMultiline)) {
            for (int i = 0; i < c.arguments().size(); i++) {
                if (i > 0) {
                    write(", ");
                }
                expression(c.arguments().get(i), CONDITIONAL);
            }
        } else {
            endLine();
            for (HclExpr argument : c.arguments()) {
                expression(argument, CONDITIONAL);
                write(",");
                endLine();
            }
        }
        close(")");
    }

    private void tuple(Tuple t) {
        open("[");
        if (!isMultiline(t)) {
            for (int i = 0; i < t.items().size(); i++) {
                if (i > 0) {
                    write(", ");
                }
                expression(t.items().get(i), CONDITIONAL);
            }
        } else {
            endLine();
            for (HclExpr item : t.items()) {
                expression(item, CONDITIONAL);
                write(",");
                endLine();
            }
        }
        close("]");
    }

    private void object(ObjectExpr o) {
        open("{");
        if (o.items().isEmpty()) {
            close("}");
            return;
        }
        endLine();
        for (ObjectItem item : o.items()) {
            comments(item.comments());
            assignment(item.quoted() ? quote(item.key()) : item.key(), item.value());
        }
        close("}");
    }

    private static String number(NumberLit n) {
        java.math.BigDecimal stripped = n.value().stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    // ------------------------------------------------------------------ text

    /** The body of a quoted string, escaped as hclwrite does. */
    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int next = i + Character.charCount(cp);
            switch (cp) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '$', '%' -> {
                    b.appendCodePoint(cp);
                    if (next < value.length() && value.charAt(next) == '{') {
                        b.appendCodePoint(cp);
                    }
                }
                default -> {
                    if (isPrintable(cp)) {
                        b.appendCodePoint(cp);
                    } else if (cp < 0x10000) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", cp));
                    } else {
                        b.append(String.format(Locale.ROOT, "\\U%08x", cp));
                    }
                }
            }
            i = next;
        }
        return b.toString();
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private void write(String text) {
        current.append(text);
    }

    private void open(String bracket) {
        current.append(bracket);
        currentNet++;
    }

    private void close(String bracket) {
        current.append(bracket);
        currentNet--;
    }

    /** Ends the current line. It is an assignment line when its {@code =} opened no bracket left open. */
    private void endLine() {
        int assignAt = assignMark >= 0 && currentNet == 0 ? assignMark : -1;
        lines.add(new Line(current.toString(), assignAt, currentNet, false));
        current.setLength(0);
        currentNet = 0;
        assignMark = -1;
    }

    private void blankLine() {
        if (current.length() > 0) {
            endLine();
        }
        lines.add(new Line("", -1, 0, true));
    }

    // ------------------------------------------------------------------ layout (hclwrite's passes)

    private String layout() {
        if (current.length() > 0) {
            endLine();
        }
        indent();
        align();
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            if (!line.blank) {
                out.append(" ".repeat(line.indent));
                if (line.isAssign()) {
                    out.append(line.lead()).append(" ".repeat(line.spacesBeforeAssign))
                            .append(line.text.substring(line.assignAt + 1));
                } else {
                    out.append(line.text);
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** hclwrite's formatIndent: a line's indent is two spaces per open bracket group on the stack. */
    private void indent() {
        Deque<Integer> stack = new ArrayDeque<>();
        for (Line line : lines) {
            if (line.blank) {
                continue;
            }
            if (line.net > 0) {
                line.indent = 2 * stack.size();
                stack.push(line.net);
            } else if (line.net < 0) {
                int closed = -line.net;
                while (closed > 0 && !stack.isEmpty()) {
                    int top = stack.peek();
                    if (closed > top) {
                        closed -= top;
                        stack.pop();
                    } else if (closed < top) {
                        stack.pop();
                        stack.push(top - closed);
                        closed = 0;
                    } else {
                        stack.pop();
                        closed = 0;
                    }
                }
                line.indent = 2 * stack.size();
            } else {
                line.indent = 2 * stack.size();
            }
        }
    }

    /** hclwrite's formatCells: consecutive assignment lines align their {@code =}. */
    private void align() {
        int start = -1;
        int max = 0;
        for (int i = 0; i <= lines.size(); i++) {
            Line line = i < lines.size() ? lines.get(i) : null;
            if (line != null && line.isAssign()) {
                if (start < 0) {
                    start = i;
                }
                max = Math.max(max, columns(line));
                continue;
            }
            if (start >= 0) {
                for (Line member : lines.subList(start, i)) {
                    member.spacesBeforeAssign = max - columns(member) + 1;
                }
                start = -1;
                max = 0;
            }
        }
    }

    private static int columns(Line line) {
        return line.indent + graphemes(line.lead());
    }

    private static int graphemes(String text) {
        BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
        it.setText(text);
        int count = 0;
        while (it.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }
}
