package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.SourceLocation;
import io.lambda2azure.parsers.hcl.Expression.BinaryOperator;
import io.lambda2azure.parsers.hcl.Expression.SplatKind;
import io.lambda2azure.parsers.hcl.Expression.TemplateKind;
import io.lambda2azure.parsers.hcl.HclGrammar.ArgumentsContext;
import io.lambda2azure.parsers.hcl.HclGrammar.BinaryOperatorContext;
import io.lambda2azure.parsers.hcl.HclGrammar.BlockBodyContext;
import io.lambda2azure.parsers.hcl.HclGrammar.BlockLabelContext;
import io.lambda2azure.parsers.hcl.HclGrammar.BodyItemContext;
import io.lambda2azure.parsers.hcl.HclGrammar.ConfigFileContext;
import io.lambda2azure.parsers.hcl.HclGrammar.DirectiveContext;
import io.lambda2azure.parsers.hcl.HclGrammar.ExpressionContext;
import io.lambda2azure.parsers.hcl.HclGrammar.ForDirectiveContext;
import io.lambda2azure.parsers.hcl.HclGrammar.ForIntroContext;
import io.lambda2azure.parsers.hcl.HclGrammar.IfDirectiveContext;
import io.lambda2azure.parsers.hcl.HclGrammar.ObjectItemContext;
import io.lambda2azure.parsers.hcl.HclGrammar.ObjectSeparatorContext;
import io.lambda2azure.parsers.hcl.HclGrammar.OneLineAttributeContext;
import io.lambda2azure.parsers.hcl.HclGrammar.OperandContext;
import io.lambda2azure.parsers.hcl.HclGrammar.OperationContext;
import io.lambda2azure.parsers.hcl.HclGrammar.PostfixContext;
import io.lambda2azure.parsers.hcl.HclGrammar.TemplateDirectiveContext;
import io.lambda2azure.parsers.hcl.HclGrammar.TemplateInterpolationContext;
import io.lambda2azure.parsers.hcl.HclGrammar.TemplateLiteralContext;
import io.lambda2azure.parsers.hcl.HclGrammar.TemplatePartContext;
import io.lambda2azure.parsers.hcl.HclGrammar.TermContext;
import io.lambda2azure.parsers.hcl.HclGrammar.TupleItemsContext;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the syntax tree from a parse tree that has no syntax errors, and reports what the grammar's flat
 * rules let through: two commas in a row, an unmatched template directive, a label with interpolations,
 * an attribute set twice, a bad legacy index or number. It also gives the flat rules their shape:
 * operator precedence, right-nested conditionals, traversals and splats, nested directives.
 *
 * <p>Its recursion follows the parse tree, whose depth the lexer and parser bound. The tree it builds
 * can be deeper than that (a chain of a thousand {@code +} is a thousand levels deep), so it measures
 * each node's height and refuses expressions deeper than the limit, to spare whoever walks the tree
 * recursively.
 */
final class TreeBuilder extends HclGrammarBaseVisitor<Expression> {

    private final String file;
    private final String source;
    /** UTF-16 offset of each code point index; null when the text has no supplementary characters. */
    private final int[] offsets;
    private final Problems problems;
    private final int maxDepth;
    private final Map<Object, Integer> heights = new IdentityHashMap<>();
    /** The span of an expression written in parentheses, parentheses included. */
    private final Map<Expression, Span> parenthesized = new IdentityHashMap<>();

    TreeBuilder(String file, String source, Problems problems, int maxDepth) {
        this.file = file;
        this.source = source;
        this.problems = problems;
        this.maxDepth = maxDepth;
        this.offsets = source.length() == source.codePointCount(0, source.length()) ? null : codePointOffsets(source);
    }

    private static int[] codePointOffsets(String text) {
        int[] offsets = new int[text.codePointCount(0, text.length()) + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            offsets[cp++] = i;
        }
        offsets[cp] = text.length();
        return offsets;
    }

    HclFile file(ConfigFileContext ctx) {
        Span whole = new Span(new SourceLocation(file, 1, 1), source, 0, source.length());
        return new HclFile(file, body(ctx.bodyItem(), whole));
    }

    /** The template of a {@code templateFile}: a JSON string quoted for the grammar. */
    Expression.Template templateFile(HclGrammar.TemplateFileContext ctx) {
        return template(ctx.quotedTemplate().templatePart(), TemplateKind.QUOTED, span(ctx.quotedTemplate()));
    }

    // ------------------------------------------------------------------ structure

    private Body body(List<BodyItemContext> items, Span span) {
        List<BodyItem> built = new ArrayList<>();
        Map<String, Attribute> seen = new HashMap<>();
        for (BodyItemContext item : items) {
            BodyItem bodyItem = bodyItem(item);
            if (bodyItem instanceof Attribute attribute) {
                attribute(attribute, seen);
            }
            built.add(bodyItem);
        }
        return new Body(built, span);
    }

    private void attribute(Attribute attribute, Map<String, Attribute> seen) {
        Attribute first = seen.putIfAbsent(attribute.name(), attribute);
        if (first != null) {
            problems.add(attribute.location(), "the attribute '" + attribute.name() + "' is already set at line "
                    + first.location().line() + ", column " + first.location().column()
                    + "; an attribute may be set only once in a body");
        }
    }

    private BodyItem bodyItem(BodyItemContext ctx) {
        String name = ctx.identifier().getText();
        if (ctx.ASSIGN() != null) {
            return new Attribute(name, expression(ctx.expression()), span(ctx));
        }
        List<Block.Label> labels = new ArrayList<>();
        for (BlockLabelContext label : ctx.blockLabel()) {
            labels.add(label(label));
        }
        BlockBodyContext braces = ctx.blockBody();
        Token open = braces.LBRACE().getSymbol();
        Token close = braces.RBRACE().getSymbol();
        int from = offset(open.getStopIndex() + 1);
        Span inner = new Span(problems.at(open.getLine(), open.getCharPositionInLine() + 2), source, from,
                Math.max(from, offset(close.getStartIndex())));
        Body body;
        OneLineAttributeContext only = braces.oneLineAttribute();
        if (only != null) {
            body = new Body(List.of(new Attribute(only.identifier().getText(), expression(only.expression()),
                    span(only))), inner);
        } else {
            body = body(braces.bodyItem(), inner);
        }
        return new Block(name, labels, body, span(ctx));
    }

    private Block.Label label(BlockLabelContext ctx) {
        if (ctx.identifier() != null) {
            return new Block.Label(ctx.identifier().getText(), false, span(ctx));
        }
        List<TemplatePartContext> parts = ctx.quotedTemplate().templatePart();
        for (TemplatePartContext part : parts) {
            if (!(part instanceof TemplateLiteralContext)) {
                problems.add(location(part.getStart()), "expected a literal string as block label, found the"
                        + " template sequence '" + abbreviate(part.getText()) + "'; write $${ or %%{ for a"
                        + " literal ${ or %{");
                return new Block.Label("", true, span(ctx));
            }
        }
        Expression.Template template = template(parts, TemplateKind.QUOTED, span(ctx));
        return new Block.Label(template.literalValue().orElse(""), true, span(ctx));
    }

    // ------------------------------------------------------------------ expressions

    Expression expression(ExpressionContext ctx) {
        List<OperationContext> operations = ctx.operation();
        List<ExpressionContext> whenTrue = ctx.expression();
        if (whenTrue.isEmpty()) {
            return operation(operations.get(0));
        }
        // c0 ? t1 : c1 ? t2 : c2 is c0 ? t1 : (c1 ? t2 : c2): fold from the right.
        List<Expression> conditions = new ArrayList<>();
        for (OperationContext operation : operations) {
            conditions.add(operation(operation));
        }
        Expression folded = conditions.get(conditions.size() - 1);
        for (int i = whenTrue.size() - 1; i >= 0; i--) {
            Expression condition = conditions.get(i);
            Expression chosen = expression(whenTrue.get(i));
            folded = track(new Expression.Conditional(condition, chosen, folded, covering(condition, folded)));
        }
        return folded;
    }

    private Expression operation(OperationContext ctx) {
        List<OperandContext> operands = ctx.operand();
        List<BinaryOperatorContext> operators = ctx.binaryOperator();
        Deque<Expression> values = new ArrayDeque<>();
        Deque<BinaryOperator> pending = new ArrayDeque<>();
        values.push(operand(operands.get(0)));
        for (int i = 0; i < operators.size(); i++) {
            BinaryOperator operator = binaryOperator(operators.get(i).getStart());
            // Equal precedence reduces first: all HCL binary operators associate to the left.
            while (!pending.isEmpty() && pending.peek().precedence() >= operator.precedence()) {
                reduce(values, pending);
            }
            pending.push(operator);
            values.push(operand(operands.get(i + 1)));
        }
        while (!pending.isEmpty()) {
            reduce(values, pending);
        }
        return values.pop();
    }

    private void reduce(Deque<Expression> values, Deque<BinaryOperator> pending) {
        Expression right = values.pop();
        Expression left = values.pop();
        values.push(track(new Expression.Binary(pending.pop(), left, right, covering(left, right))));
    }

    private static BinaryOperator binaryOperator(Token token) {
        return switch (token.getType()) {
            case HclGrammar.STAR -> BinaryOperator.MULTIPLY;
            case HclGrammar.SLASH -> BinaryOperator.DIVIDE;
            case HclGrammar.PERCENT -> BinaryOperator.MODULO;
            case HclGrammar.PLUS -> BinaryOperator.ADD;
            case HclGrammar.MINUS -> BinaryOperator.SUBTRACT;
            case HclGrammar.LESS -> BinaryOperator.LESS;
            case HclGrammar.LESS_EQUAL -> BinaryOperator.LESS_OR_EQUAL;
            case HclGrammar.GREATER -> BinaryOperator.GREATER;
            case HclGrammar.GREATER_EQUAL -> BinaryOperator.GREATER_OR_EQUAL;
            case HclGrammar.EQUAL -> BinaryOperator.EQUAL;
            case HclGrammar.NOT_EQUAL -> BinaryOperator.NOT_EQUAL;
            case HclGrammar.AND -> BinaryOperator.AND;
            case HclGrammar.OR -> BinaryOperator.OR;
            default -> throw new IllegalStateException("not a binary operator: " + token.getText());
        };
    }

    private Expression operand(OperandContext ctx) {
        Expression value = postfixes(ctx.term().accept(this), ctx.postfix());
        boolean bare = ctx.postfix().isEmpty();
        List<Token> prefixes = new ArrayList<>();
        for (ParseTree child : ctx.children) {
            if (child instanceof TerminalNode terminal) {
                prefixes.add(terminal.getSymbol());
            } else {
                break;
            }
        }
        for (int i = prefixes.size() - 1; i >= 0; i--) {
            Token operator = prefixes.get(i);
            Span span = new Span(location(operator), source, offset(operator.getStartIndex()), outer(value).endOffset());
            if (operator.getType() == HclGrammar.MINUS && bare && value instanceof Expression.NumberLiteral number) {
                // -1 is the number -1, as HCL's own parser reads it, not the negation of 1.
                value = track(new Expression.NumberLiteral(number.value().negate(), span));
            } else {
                value = track(new Expression.Unary(operator.getType() == HclGrammar.MINUS
                        ? Expression.UnaryOperator.NEGATE : Expression.UnaryOperator.NOT, value, span));
            }
        }
        return value;
    }

    /**
     * Applies attribute accesses, indexes and splats. After {@code [*]} every later step applies to each
     * element; after {@code .*} only attribute steps do, and an index ends the splat.
     */
    private Expression postfixes(Expression term, List<PostfixContext> postfixes) {
        Expression current = term;
        List<TraversalStep> steps = new ArrayList<>();
        SplatKind splat = null;
        List<TraversalStep> each = null;
        int end = outer(term).endOffset();
        for (PostfixContext postfix : postfixes) {
            boolean isSplat = postfix.STAR() != null;
            TraversalStep step = isSplat ? null : step(postfix);
            if (isSplat || (splat == SplatKind.ATTRIBUTES && step instanceof TraversalStep.Index)) {
                if (splat != null) {
                    current = track(new Expression.Splat(current, splat, each, spanTo(term, end)));
                } else if (!steps.isEmpty()) {
                    current = track(new Expression.Traversal(current, steps, spanTo(term, end)));
                }
                steps = new ArrayList<>();
                splat = null;
                each = null;
            }
            if (isSplat) {
                splat = postfix.DOT() != null ? SplatKind.ATTRIBUTES : SplatKind.FULL;
                each = new ArrayList<>();
            } else if (splat != null) {
                each.add(step);
            } else {
                steps.add(step);
            }
            end = offset(postfix.getStop().getStopIndex() + 1);
        }
        if (splat != null) {
            return track(new Expression.Splat(current, splat, each, spanTo(term, end)));
        }
        return steps.isEmpty() ? current : track(new Expression.Traversal(current, steps, spanTo(term, end)));
    }

    private TraversalStep step(PostfixContext ctx) {
        if (ctx.identifier() != null) {
            return new TraversalStep.GetAttr(ctx.identifier().getText(), span(ctx));
        }
        if (ctx.NUMBER() != null) {
            Token number = ctx.NUMBER().getSymbol();
            if (!number.getText().chars().allMatch(c -> c >= '0' && c <= '9')) {
                problems.add(location(number), "expected a whole number after '.' (a legacy index such as .0),"
                        + " found '" + abbreviate(number.getText()) + "'; legacy indexes cannot be chained:"
                        + " write [0][1] instead of .0.1");
            }
            Expression key = number(number);
            return new TraversalStep.Index(key, true, span(ctx));
        }
        Expression key = expression(ctx.expression());
        return new TraversalStep.Index(key, false, span(ctx));
    }

    @Override
    public Expression visitNumberLiteral(HclGrammar.NumberLiteralContext ctx) {
        return number(ctx.NUMBER().getSymbol());
    }

    private Expression number(Token token) {
        String text = token.getText();
        Span span = span(token, token);
        if (text.length() > HclReader.MAX_NUMBER_CHARS || exponentTooLarge(text)) {
            problems.add(location(token), "the number " + abbreviate(text) + " is out of range; numbers of more"
                    + " than " + HclReader.MAX_NUMBER_CHARS + " characters or with an exponent beyond "
                    + HclReader.MAX_NUMBER_CHARS + " are not read");
            return track(new Expression.NumberLiteral(BigDecimal.ZERO, span));
        }
        return track(new Expression.NumberLiteral(new BigDecimal(text), span));
    }

    private static boolean exponentTooLarge(String text) {
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e < 0) {
            return false;
        }
        String exponent = text.substring(e + 1).replace("+", "").replace("-", "").replaceFirst("^0+(?=.)", "");
        return exponent.length() > 4 || Integer.parseInt(exponent) > HclReader.MAX_NUMBER_CHARS;
    }

    @Override
    public Expression visitTrueLiteral(HclGrammar.TrueLiteralContext ctx) {
        return track(new Expression.BoolLiteral(true, span(ctx)));
    }

    @Override
    public Expression visitFalseLiteral(HclGrammar.FalseLiteralContext ctx) {
        return track(new Expression.BoolLiteral(false, span(ctx)));
    }

    @Override
    public Expression visitNullLiteral(HclGrammar.NullLiteralContext ctx) {
        return track(new Expression.NullLiteral(span(ctx)));
    }

    @Override
    public Expression visitQuotedTerm(HclGrammar.QuotedTermContext ctx) {
        return template(ctx.quotedTemplate().templatePart(), TemplateKind.QUOTED, span(ctx));
    }

    @Override
    public Expression visitHeredocTerm(HclGrammar.HeredocTermContext ctx) {
        HclGrammar.HeredocTemplateContext heredoc = ctx.heredocTemplate();
        boolean flush = heredoc.HEREDOC_START().getText().startsWith("<<-");
        return template(heredoc.templatePart(), flush ? TemplateKind.FLUSH_HEREDOC : TemplateKind.HEREDOC, span(ctx));
    }

    @Override
    public Expression visitVariableOrCall(HclGrammar.VariableOrCallContext ctx) {
        StringBuilder name = new StringBuilder(ctx.name().getText());
        for (HclGrammar.IdentifierContext part : ctx.identifier()) {
            name.append("::").append(part.getText());
        }
        if (ctx.LPAREN() == null) {
            if (!ctx.DOUBLE_COLON().isEmpty()) {
                problems.add(location(ctx.getStart()), "expected '(' after the provider function name '" + name
                        + "'; a name with '::' is a function and must be called");
            }
            return track(new Expression.Variable(name.toString(), span(ctx)));
        }
        ArgumentsContext arguments = ctx.arguments();
        List<Expression> values = commaSeparated(arguments.children, ")");
        boolean expand = arguments.ELLIPSIS() != null;
        if (expand && previousIsComma(arguments, arguments.ELLIPSIS())) {
            problems.add(location(arguments.ELLIPSIS().getSymbol()), "expected an argument before '...',"
                    + " found ','; '...' expands the final argument: write f(a, list...)");
        }
        return track(new Expression.FunctionCall(name.toString(), values, expand, span(ctx)));
    }

    private static boolean previousIsComma(ParserRuleContext parent, TerminalNode node) {
        int index = parent.children.indexOf(node);
        return index > 0 && parent.getChild(index - 1) instanceof TerminalNode previous
                && previous.getSymbol().getType() == HclGrammar.COMMA;
    }

    /** The expressions among {@code children}, refusing a comma right after another. */
    private List<Expression> commaSeparated(List<ParseTree> children, String closer) {
        List<Expression> values = new ArrayList<>();
        boolean afterComma = false;
        for (ParseTree child : children) {
            if (child instanceof ExpressionContext expression) {
                values.add(expression(expression));
                afterComma = false;
            } else if (child instanceof TerminalNode terminal && terminal.getSymbol().getType() == HclGrammar.COMMA) {
                if (afterComma) {
                    problems.add(location(terminal.getSymbol()), "expected an expression or '" + closer
                            + "' after ',', found ','");
                }
                afterComma = true;
            }
        }
        return values;
    }

    @Override
    public Expression visitTupleOrFor(HclGrammar.TupleOrForContext ctx) {
        ForIntroContext intro = ctx.forIntro();
        if (intro != null) {
            List<ExpressionContext> expressions = ctx.expression();
            Expression collection = expression(intro.expression());
            Expression value = expression(expressions.get(0));
            Optional<Expression> condition = expressions.size() > 1
                    ? Optional.of(expression(expressions.get(1))) : Optional.empty();
            return track(new Expression.ForTuple(keyVariable(intro), valueVariable(intro), collection, value,
                    condition, span(ctx)));
        }
        TupleItemsContext items = ctx.tupleItems();
        List<Expression> values = commaSeparated(items.children, "]");
        return track(new Expression.TupleConstructor(values, span(ctx)));
    }

    private static Optional<String> keyVariable(ForIntroContext intro) {
        return intro.identifier().size() > 1 ? Optional.of(intro.identifier(0).getText()) : Optional.empty();
    }

    private static String valueVariable(ForIntroContext intro) {
        return intro.identifier(intro.identifier().size() - 1).getText();
    }

    @Override
    public Expression visitObjectOrFor(HclGrammar.ObjectOrForContext ctx) {
        ForIntroContext intro = ctx.forIntro();
        if (intro != null) {
            List<ExpressionContext> expressions = ctx.expression();
            Expression collection = expression(intro.expression());
            Expression key = expression(expressions.get(0));
            Expression value = expression(expressions.get(1));
            Optional<Expression> condition = expressions.size() > 2
                    ? Optional.of(expression(expressions.get(2))) : Optional.empty();
            return track(new Expression.ForObject(keyVariable(intro), valueVariable(intro), collection, key, value,
                    ctx.ELLIPSIS() != null, condition, span(ctx)));
        }
        List<ObjectItem> items = new ArrayList<>();
        boolean afterSeparator = false;
        for (ParseTree child : ctx.objectItems().children) {
            if (child instanceof ObjectItemContext item) {
                items.add(objectItem(item));
                afterSeparator = false;
            } else if (child instanceof ObjectSeparatorContext separator) {
                if (afterSeparator && separator.COMMA() != null) {
                    problems.add(location(separator.COMMA().getSymbol()), "expected an object item or '}'"
                            + " after the previous separator, found ','");
                }
                afterSeparator = true;
            }
        }
        return track(new Expression.ObjectConstructor(items, span(ctx)));
    }

    private ObjectItem objectItem(ObjectItemContext ctx) {
        ExpressionContext keyContext = ctx.expression(0);
        Optional<String> name = bareName(keyContext);
        ObjectItem.Key key = name.isPresent()
                ? new ObjectItem.Key.Name(name.get(), span(keyContext))
                : new ObjectItem.Key.Computed(expression(keyContext));
        return new ObjectItem(key, expression(ctx.expression(1)), span(ctx));
    }

    /**
     * The name, when a key is a lone name: {@code foo}, but also {@code true}, {@code false} and
     * {@code null}, which HCL reads as names in this position; not {@code (foo)}.
     */
    private static Optional<String> bareName(ExpressionContext key) {
        if (!key.expression().isEmpty() || key.operation().size() != 1) {
            return Optional.empty();
        }
        OperationContext operation = key.operation(0);
        if (operation.operand().size() != 1) {
            return Optional.empty();
        }
        OperandContext operand = operation.operand(0);
        if (!operand.postfix().isEmpty() || operand.getChildCount() != 1) {
            return Optional.empty();
        }
        TermContext term = operand.term();
        if (term instanceof HclGrammar.VariableOrCallContext variable && variable.LPAREN() == null
                && variable.DOUBLE_COLON().isEmpty()
                || term instanceof HclGrammar.TrueLiteralContext || term instanceof HclGrammar.FalseLiteralContext
                || term instanceof HclGrammar.NullLiteralContext) {
            return Optional.of(term.getText());
        }
        return Optional.empty();
    }

    @Override
    public Expression visitParenthesized(HclGrammar.ParenthesizedContext ctx) {
        Expression inner = expression(ctx.expression());
        // No node of its own: the tree's shape keeps the grouping. Its text does include the parentheses.
        parenthesized.put(inner, span(ctx));
        return inner;
    }

    // ------------------------------------------------------------------ templates

    /**
     * A template part before directives are nested: literal text or a sequence. Literal pieces are cut as
     * HashiCorp's scanner cuts its literal tokens, because strip markers act on whole tokens: a run of text
     * and escapes; a lone '$' or '%', or a '$${' or '%%{'; and in a heredoc each line's text ends its
     * piece, newline included. So in a heredoc, "%{ for x in xs ~}" strips the rest of its line (the
     * newline) and not the indentation of the next line.
     */
    private sealed interface Piece {
    }

    private static final class Text implements Piece {
        String value;
        final Token first;
        Token last;
        /** A lone '$' or '%', or '$${' or '%%{': only a newline joins it. */
        final boolean alone;

        Text(String value, Token first, boolean alone) {
            this.value = value;
            this.first = first;
            this.last = first;
            this.alone = alone;
        }
    }

    /** An interpolation or a directive, with its strip markers. */
    private record Sequence(TemplatePartContext ctx, boolean stripBefore, boolean stripAfter) implements Piece {
    }

    private Expression.Template template(List<TemplatePartContext> parts, TemplateKind kind, Span span) {
        List<Piece> pieces = pieces(parts);
        strip(pieces);
        if (kind == TemplateKind.FLUSH_HEREDOC) {
            removeIndentation(pieces);
        }
        return track(new Expression.Template(nest(pieces, span), kind, span));
    }

    private List<Piece> pieces(List<TemplatePartContext> parts) {
        List<Piece> pieces = new ArrayList<>();
        Text open = null; // the piece that the next token may extend
        for (TemplatePartContext part : parts) {
            if (!(part instanceof TemplateLiteralContext literal)) {
                Token end = part.getStop();
                pieces.add(new Sequence(part, part.getStart().getText().endsWith("~"),
                        end.getType() == HclGrammar.TEMPLATE_END_STRIP));
                open = null;
                continue;
            }
            Token token = literal.getStart();
            String value = literalText(token);
            boolean alone = token.getType() == HclGrammar.TEMPLATE_SEQUENCE_ESCAPE
                    || token.getType() == HclGrammar.TEMPLATE_TEXT && (value.equals("$") || value.equals("%"));
            boolean newline = token.getType() == HclGrammar.TEMPLATE_NEWLINE;
            if (open != null && (newline || !alone && !open.alone)) {
                open.value += value;
                open.last = token;
            } else {
                open = new Text(value, token, alone);
                pieces.add(open);
            }
            if (newline) {
                open = null; // in a heredoc, each line is a piece of its own
            }
        }
        return pieces;
    }

    private String literalText(Token token) {
        String text = token.getText();
        return switch (token.getType()) {
            case HclGrammar.TEMPLATE_SEQUENCE_ESCAPE -> text.substring(1); // $${ is ${, %%{ is %{
            case HclGrammar.TEMPLATE_ESCAPE -> unescape(token);
            default -> text;
        };
    }

    private String unescape(Token token) {
        String text = token.getText();
        return switch (text.charAt(1)) {
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case '"' -> "\"";
            case '\\' -> "\\";
            default -> {
                int codePoint = Integer.parseInt(text.substring(2), 16);
                if (codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                    problems.add(location(token), "'" + text + "' is not a Unicode character; expected a code point"
                            + " up to 10FFFF outside the surrogates D800-DFFF");
                    yield text;
                }
                yield new String(Character.toChars(codePoint));
            }
        };
    }

    /** A "${~" or "%{~" strips the literal piece just before it; a "~}" strips the literal piece just after it. */
    private static void strip(List<Piece> pieces) {
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i) instanceof Sequence sequence) {
                if (sequence.stripBefore() && i > 0 && pieces.get(i - 1) instanceof Text before) {
                    before.value = stripTrailing(before.value);
                }
                if (sequence.stripAfter() && i + 1 < pieces.size() && pieces.get(i + 1) instanceof Text after) {
                    after.value = stripLeading(after.value);
                }
            }
        }
    }

    /**
     * The {@code <<-} heredoc: the fewest leading spaces of its lines are removed from each of them. A line
     * starts after a piece that ends with a newline (strip markers may have removed one); a line that
     * starts with an interpolation or directive has no leading spaces; blank lines do not count and are
     * left as they are.
     */
    private static void removeIndentation(List<Piece> pieces) {
        int fewest = Integer.MAX_VALUE;
        List<Text> lineStarts = new ArrayList<>();
        boolean atLineStart = true;
        for (Piece piece : pieces) {
            if (atLineStart) {
                atLineStart = false;
                if (piece instanceof Text text) {
                    int spaces = leadingSpaces(text.value);
                    boolean blank = spaces == text.value.length() - 1 && text.value.endsWith("\n");
                    if (!blank) {
                        fewest = Math.min(fewest, spaces);
                        lineStarts.add(text);
                    }
                } else {
                    fewest = 0;
                }
            }
            if (piece instanceof Text text && text.value.endsWith("\n")) {
                atLineStart = true;
            }
        }
        if (fewest == Integer.MAX_VALUE || fewest == 0) {
            return;
        }
        for (Text text : lineStarts) {
            text.value = text.value.substring(text.value.offsetByCodePoints(0, fewest));
        }
    }

    private static int leadingSpaces(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            if (c == '\n' || !isSpace(c)) {
                break;
            }
            count++;
        }
        return count;
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && isSpace(text.codePointAt(i))) {
            i = text.offsetByCodePoints(i, 1);
        }
        return text.substring(i);
    }

    private static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0 && isSpace(text.codePointBefore(end))) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end);
    }

    /** What a directive opened: its marker and the parts collected so far (then those after {@code else}). */
    private static final class Open {
        final Sequence opener;
        final List<TemplatePart> parts = new ArrayList<>();
        List<TemplatePart> otherwise;

        Open(Sequence opener) {
            this.opener = opener;
        }

        List<TemplatePart> current() {
            return otherwise != null ? otherwise : parts;
        }

        boolean isIf() {
            return opener != null && directive(opener) instanceof IfDirectiveContext;
        }

        boolean isFor() {
            return opener != null && directive(opener) instanceof ForDirectiveContext;
        }
    }

    private static DirectiveContext directive(Sequence sequence) {
        return ((TemplateDirectiveContext) sequence.ctx()).directive();
    }

    /** Nests {@code if}/{@code else}/{@code endif} and {@code for}/{@code endfor} with a stack, not recursion. */
    private List<TemplatePart> nest(List<Piece> pieces, Span template) {
        Deque<Open> open = new ArrayDeque<>();
        open.push(new Open(null));
        boolean reported = false;
        for (int i = 0; i < pieces.size(); i++) {
            Piece piece = pieces.get(i);
            if (piece instanceof Text text) {
                // Adjacent literal pieces are one literal part; empty ones (all stripped) are left out.
                StringBuilder value = new StringBuilder(text.value);
                Token last = text.last;
                while (i + 1 < pieces.size() && pieces.get(i + 1) instanceof Text next) {
                    value.append(next.value);
                    last = next.last;
                    i++;
                }
                if (value.length() > 0) {
                    open.peek().current().add(track(new TemplatePart.Literal(value.toString(), span(text.first, last))));
                }
                continue;
            }
            Sequence sequence = (Sequence) piece;
            if (sequence.ctx() instanceof TemplateInterpolationContext interpolation) {
                open.peek().current().add(track(new TemplatePart.Interpolation(expression(interpolation.expression()),
                        span(interpolation))));
                continue;
            }
            DirectiveContext directive = directive(sequence);
            Open top = open.peek();
            String mismatch = null;
            if (directive instanceof IfDirectiveContext || directive instanceof ForDirectiveContext) {
                open.push(new Open(sequence));
            } else if (directive instanceof HclGrammar.ElseDirectiveContext) {
                if (top.isIf() && top.otherwise == null) {
                    top.otherwise = new ArrayList<>();
                } else {
                    mismatch = "else";
                }
            } else if (directive instanceof HclGrammar.EndifDirectiveContext) {
                if (top.isIf()) {
                    open.pop();
                    open.peek().current().add(ifDirective(top, sequence));
                } else {
                    mismatch = "endif";
                }
            } else if (top.isFor()) {
                open.pop();
                open.peek().current().add(forDirective(top, sequence));
            } else {
                mismatch = "endfor";
            }
            if (mismatch != null && !reported) {
                reported = true;
                problems.add(location(sequence.ctx().getStart()), "expected " + expectedCloser(top) + ", found %{ "
                        + mismatch + " }" + (top.opener == null ? "" : " (the %{ " + keyword(top) + " } is at line "
                        + top.opener.ctx().getStart().getLine() + ", column "
                        + (top.opener.ctx().getStart().getCharPositionInLine() + 1) + ")"));
            }
        }
        while (open.size() > 1) {
            Open unclosed = open.pop();
            if (!reported) {
                reported = true;
                problems.add(location(unclosed.opener.ctx().getStart()), "the %{ " + keyword(unclosed)
                        + " } directive here is not closed: expected " + expectedCloser(unclosed)
                        + ", found the end of the template");
            }
            open.peek().current().addAll(unclosed.parts);
        }
        return open.pop().parts;
    }

    private static String keyword(Open open) {
        return open.isIf() ? "if" : "for";
    }

    private static String expectedCloser(Open open) {
        if (open.isIf()) {
            return open.otherwise == null ? "%{ else } or %{ endif }" : "%{ endif }";
        }
        return open.isFor() ? "%{ endfor }" : "text, an interpolation or %{ if } or %{ for }";
    }

    private TemplatePart ifDirective(Open open, Sequence endif) {
        IfDirectiveContext directive = (IfDirectiveContext) directive(open.opener);
        Expression condition = expression(directive.expression());
        return track(new TemplatePart.IfDirective(condition, open.parts,
                open.otherwise == null ? List.of() : open.otherwise, span(open.opener.ctx().getStart(),
                endif.ctx().getStop())));
    }

    private TemplatePart forDirective(Open open, Sequence endfor) {
        ForDirectiveContext directive = (ForDirectiveContext) directive(open.opener);
        List<HclGrammar.IdentifierContext> names = directive.identifier();
        Optional<String> key = names.size() > 1 ? Optional.of(names.get(0).getText()) : Optional.empty();
        Expression collection = expression(directive.expression());
        return track(new TemplatePart.ForDirective(key, names.get(names.size() - 1).getText(), collection,
                open.parts, span(open.opener.ctx().getStart(), endfor.ctx().getStop())));
    }

    // ------------------------------------------------------------------ heights

    /** Records the node's height and refuses it when it is deeper than allowed. */
    private <T> T track(T node) {
        int height = 1 + childHeights(node);
        if (height > maxDepth) {
            SourceLocation at = node instanceof Expression e ? e.location() : ((TemplatePart) node).location();
            throw new TooDeepException(at.line(), at.column(), TooDeepException.expression(maxDepth));
        }
        heights.put(node, height);
        return node;
    }

    private int childHeights(Object node) {
        int max = 0;
        for (Object child : children(node)) {
            max = Math.max(max, heights.getOrDefault(child, 1));
        }
        return max;
    }

    private static List<Object> children(Object node) {
        List<Object> children = new ArrayList<>();
        if (node instanceof Expression.Template template) {
            children.addAll(template.parts());
        } else if (node instanceof Expression.Traversal traversal) {
            children.add(traversal.source());
            steps(traversal.steps(), children);
        } else if (node instanceof Expression.Splat splat) {
            children.add(splat.source());
            steps(splat.each(), children);
        } else if (node instanceof Expression.FunctionCall call) {
            children.addAll(call.arguments());
        } else if (node instanceof Expression.Unary unary) {
            children.add(unary.operand());
        } else if (node instanceof Expression.Binary binary) {
            children.add(binary.left());
            children.add(binary.right());
        } else if (node instanceof Expression.Conditional conditional) {
            children.addAll(List.of(conditional.condition(), conditional.whenTrue(), conditional.whenFalse()));
        } else if (node instanceof Expression.ForTuple forTuple) {
            children.addAll(List.of(forTuple.collection(), forTuple.value()));
            forTuple.condition().ifPresent(children::add);
        } else if (node instanceof Expression.ForObject forObject) {
            children.addAll(List.of(forObject.collection(), forObject.key(), forObject.value()));
            forObject.condition().ifPresent(children::add);
        } else if (node instanceof Expression.TupleConstructor tuple) {
            children.addAll(tuple.items());
        } else if (node instanceof Expression.ObjectConstructor object) {
            for (ObjectItem item : object.items()) {
                if (item.key() instanceof ObjectItem.Key.Computed computed) {
                    children.add(computed.expression());
                }
                children.add(item.value());
            }
        } else if (node instanceof TemplatePart.Interpolation interpolation) {
            children.add(interpolation.expression());
        } else if (node instanceof TemplatePart.IfDirective ifDirective) {
            children.add(ifDirective.condition());
            children.addAll(ifDirective.whenTrue());
            children.addAll(ifDirective.whenFalse());
        } else if (node instanceof TemplatePart.ForDirective forDirective) {
            children.add(forDirective.collection());
            children.addAll(forDirective.body());
        }
        return children;
    }

    private static void steps(List<TraversalStep> steps, List<Object> children) {
        for (TraversalStep step : steps) {
            if (step instanceof TraversalStep.Index index) {
                children.add(index.key());
            }
        }
    }

    // ------------------------------------------------------------------ spans

    private Span span(ParserRuleContext ctx) {
        return span(ctx.getStart(), ctx.getStop());
    }

    private Span span(Token start, Token stop) {
        int from = offset(start.getStartIndex());
        int to = stop == null ? from : Math.max(from, offset(stop.getStopIndex() + 1));
        return new Span(location(start), source, from, to);
    }

    /** An expression's span, with its parentheses when it was written in some. */
    private Span outer(Expression expression) {
        return parenthesized.getOrDefault(expression, expression.span());
    }

    private Span covering(Expression first, Expression last) {
        return Span.covering(outer(first), outer(last));
    }

    private Span spanTo(Expression first, int end) {
        Span start = outer(first);
        return new Span(start.start(), source, start.startOffset(), Math.max(start.startOffset(), end));
    }

    private int offset(int codePointIndex) {
        int max = offsets == null ? source.length() : offsets.length - 1;
        int index = Math.max(0, Math.min(codePointIndex, max));
        return offsets == null ? index : offsets[index];
    }

    private SourceLocation location(Token token) {
        return problems.at(token.getLine(), token.getCharPositionInLine() + 1);
    }

    static String abbreviate(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 37) + "...";
    }
}
