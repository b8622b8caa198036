package io.lambda2azure.parsers.hcl;

import io.lambda2azure.parsers.hcl.HclGrammar.BlockBodyContext;
import io.lambda2azure.parsers.hcl.HclGrammar.BodyItemContext;
import io.lambda2azure.parsers.hcl.HclGrammar.HeredocTemplateContext;
import io.lambda2azure.parsers.hcl.HclGrammar.ObjectOrForContext;
import io.lambda2azure.parsers.hcl.HclGrammar.ParenthesizedContext;
import io.lambda2azure.parsers.hcl.HclGrammar.PostfixContext;
import io.lambda2azure.parsers.hcl.HclGrammar.QuotedTemplateContext;
import io.lambda2azure.parsers.hcl.HclGrammar.TemplateDirectiveContext;
import io.lambda2azure.parsers.hcl.HclGrammar.TemplateInterpolationContext;
import io.lambda2azure.parsers.hcl.HclGrammar.TupleOrForContext;
import io.lambda2azure.parsers.hcl.HclGrammar.VariableOrCallContext;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ANTLR's error recovery with messages a Terraform author can act on: "expected '=', a block label or '{'
 * after 'resource \"x\"', found newline" instead of "mismatched input '\n' expecting {...}". The token sets
 * come from ANTLR (the grammar is LL(1), so they are exact) and are named in the user's terms: any of the
 * twenty tokens that can start an expression is "an expression". Something left open at the end of the
 * file, or a string left open at the end of its line, is reported where it was opened.
 *
 * <p>After one problem the parser resynchronises (usually at the next newline); a second problem on the
 * same line is taken as a consequence of the first and not reported.
 */
final class SyntaxErrors extends DefaultErrorStrategy {

    private static final Set<Integer> NAMES = Set.of(HclGrammar.IDENTIFIER, HclGrammar.FOR, HclGrammar.IN,
            HclGrammar.IF, HclGrammar.ELSE, HclGrammar.ENDIF, HclGrammar.ENDFOR, HclGrammar.TRUE, HclGrammar.FALSE,
            HclGrammar.NULL);
    private static final Set<Integer> EXPRESSION_STARTS = Set.of(HclGrammar.NUMBER, HclGrammar.TRUE,
            HclGrammar.FALSE, HclGrammar.NULL, HclGrammar.QUOTE, HclGrammar.HEREDOC_START, HclGrammar.IDENTIFIER,
            HclGrammar.IN, HclGrammar.IF, HclGrammar.ELSE, HclGrammar.ENDIF, HclGrammar.ENDFOR, HclGrammar.LBRACK,
            HclGrammar.LBRACE, HclGrammar.LPAREN, HclGrammar.NOT, HclGrammar.MINUS);
    /** Tokens that would continue an expression: named only when nothing else could come. */
    private static final Set<Integer> CONTINUATIONS = Set.of(HclGrammar.OR, HclGrammar.AND, HclGrammar.EQUAL,
            HclGrammar.NOT_EQUAL, HclGrammar.LESS, HclGrammar.GREATER, HclGrammar.LESS_EQUAL,
            HclGrammar.GREATER_EQUAL, HclGrammar.PLUS, HclGrammar.MINUS, HclGrammar.STAR, HclGrammar.SLASH,
            HclGrammar.PERCENT, HclGrammar.DOT, HclGrammar.LBRACK, HclGrammar.QUESTION, HclGrammar.LPAREN,
            HclGrammar.DOUBLE_COLON);
    private static final Set<Integer> OPENERS = Set.of(HclGrammar.LBRACE, HclGrammar.LBRACK, HclGrammar.LPAREN,
            HclGrammar.QUOTE, HclGrammar.HEREDOC_START, HclGrammar.INTERP_START, HclGrammar.DIRECTIVE_START);
    /** Tokens that end something; recovery never deletes them, or it would unbalance what follows. */
    private static final Set<Integer> ENDINGS = Set.of(HclGrammar.NEWLINE, HclGrammar.RBRACE, HclGrammar.RBRACK,
            HclGrammar.RPAREN, HclGrammar.QUOTE_END, HclGrammar.HEREDOC_END, HclGrammar.TEMPLATE_END,
            HclGrammar.TEMPLATE_END_STRIP, Token.EOF);
    private static final Set<Integer> TEMPLATE_CONTENT = Set.of(HclGrammar.TEMPLATE_TEXT, HclGrammar.TEMPLATE_ESCAPE,
            HclGrammar.TEMPLATE_BAD_ESCAPE, HclGrammar.TEMPLATE_SEQUENCE_ESCAPE, HclGrammar.TEMPLATE_NEWLINE,
            HclGrammar.INTERP_START, HclGrammar.DIRECTIVE_START);
    private static final int MAX_CONTEXT_CHARS = 40;

    private final Problems problems;
    private int lastLine = -1;
    /** The token at which {@code nextTokensContext} was recorded, so that a stale one is never used. */
    private int nextTokensIndex = -1;

    SyntaxErrors(Problems problems) {
        this.problems = problems;
    }

    /**
     * ANTLR notes where a loop or optional part could have gone on before the rule ended ({@code f(a b)}
     * fails at ')' after {@code arguments} ended at 'b'); remember at which token, to name what that
     * place expected too (',' as well as ')').
     */
    @Override
    public void sync(Parser recognizer) throws RecognitionException {
        try {
            super.sync(recognizer);
        } catch (InputMismatchException e) {
            // At the entry of a loop ANTLR gives up the whole rule; resume the loop instead, as ANTLR does at
            // the loop's back edge: in {x = 1 y = 2} the parser then goes on at the object's next item.
            int type = recognizer.getInterpreter().atn.states.get(recognizer.getState()).getStateType();
            if (type != ATNState.STAR_LOOP_ENTRY && type != ATNState.PLUS_BLOCK_START) {
                throw e;
            }
            reportUnwantedToken(recognizer);
            consumeUntil(recognizer, recognizer.getExpectedTokens().or(getErrorRecoverySet(recognizer)));
        }
        if (nextTokensContext == null) {
            nextTokensIndex = -1;
        } else if (nextTokensIndex < 0) {
            nextTokensIndex = recognizer.getCurrentToken().getTokenIndex();
        }
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        IntervalSet expected = e instanceof NoViableAltException || e instanceof InputMismatchException
                ? e.getExpectedTokens() : recognizer.getExpectedTokens();
        report(recognizer, e.getOffendingToken(), withEarlier(recognizer, e.getOffendingToken(), expected));
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token found = recognizer.getCurrentToken();
        report(recognizer, found, withEarlier(recognizer, found, getExpectedTokens(recognizer)));
    }

    private IntervalSet withEarlier(Parser recognizer, Token found, IntervalSet expected) {
        if (nextTokensContext == null || nextTokensIndex != found.getTokenIndex()) {
            return expected;
        }
        IntervalSet union = new IntervalSet(expected);
        union.addAll(recognizer.getATN().getExpectedTokens(nextTokensState, nextTokensContext));
        return union;
    }

    /**
     * ANTLR would drop an unexpected token when the one after it fits; never a newline or a closing bracket,
     * which are what HCL's structure hangs on: {@code b {}}} should read as a missing newline, not as a
     * stray brace that leaves the outer block unclosed.
     */
    @Override
    protected Token singleTokenDeletion(Parser recognizer) {
        if (ENDINGS.contains(recognizer.getInputStream().LA(1))) {
            return null;
        }
        return super.singleTokenDeletion(recognizer);
    }

    /**
     * Skips what follows an error up to a token the parser can go on from, but never out of the bracket,
     * brace or string the error is in, nor into one the error is not in: {@code {x = 1 y = 2}} then goes on
     * inside the object, at its next item or its '}', instead of leaving the '}' to the enclosing body.
     */
    @Override
    protected void consumeUntil(Parser recognizer, IntervalSet set) {
        int depth = 0;
        for (int type = recognizer.getInputStream().LA(1); type != Token.EOF;
             type = recognizer.getInputStream().LA(1)) {
            if (depth == 0 && set.contains(type)) {
                return;
            }
            if (OPENERS.contains(type)) {
                depth++;
            } else if (ENDINGS.contains(type) && type != HclGrammar.NEWLINE) {
                if (depth == 0) {
                    return;
                }
                depth--;
            }
            recognizer.consume();
        }
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        reportUnwantedToken(recognizer);
    }

    private void report(Parser recognizer, Token found, IntervalSet expected) {
        if (found.getLine() == lastLine) {
            return;
        }
        lastLine = found.getLine();
        ParserRuleContext context = recognizer.getContext();
        Unclosed unclosed = found.getType() == Token.EOF || found.getType() == HclGrammar.NEWLINE
                ? unclosed(context, found) : null;
        if (unclosed != null) {
            if (unclosed.opener().getStartIndex() < 0) {
                return; // opened by a token the recovery made up after reporting it missing
            }
            problems.add(unclosed.opener().getLine(), unclosed.opener().getCharPositionInLine() + 1,
                    unclosed.what() + " opened here is not closed: expected " + unclosed.closer() + ", found "
                            + describe(found));
            return;
        }
        String after = after(recognizer, found, context);
        problems.add(found.getLine(), found.getCharPositionInLine() + 1, "expected " + expected(expected, context)
                + (after.isEmpty() ? "" : " after '" + after + "'") + ", found " + describe(found));
    }

    // ------------------------------------------------------------------ what was left open

    private record Unclosed(String what, Token opener, String closer) {
    }

    /**
     * The innermost construct still open where the file ended (or, for a quoted string, where its line
     * ended), with the token that opened it.
     */
    private static Unclosed unclosed(ParserRuleContext context, Token found) {
        for (ParserRuleContext c = context; c != null; c = c.getParent()) {
            Unclosed unclosed = openIn(c);
            if (unclosed != null) {
                boolean endOfLine = found.getType() == HclGrammar.NEWLINE;
                return !endOfLine || c instanceof QuotedTemplateContext ? unclosed : null;
            }
        }
        return null;
    }

    private static Unclosed openIn(ParserRuleContext c) {
        if (c instanceof QuotedTemplateContext q && q.QUOTE_END() == null) {
            return new Unclosed("the string", q.QUOTE().getSymbol(), "'\"'");
        }
        if (c instanceof HeredocTemplateContext h && h.HEREDOC_END() == null) {
            String start = h.HEREDOC_START().getText().strip();
            String marker = start.substring(start.startsWith("<<-") ? 3 : 2);
            return new Unclosed("the heredoc " + start, h.HEREDOC_START().getSymbol(),
                    "a line holding only " + marker);
        }
        if (c instanceof TemplateInterpolationContext i && !closed(i.templateEnd())) {
            return new Unclosed("the interpolation", i.INTERP_START().getSymbol(), "'}'");
        }
        if (c instanceof TemplateDirectiveContext d && !closed(d.templateEnd())) {
            return new Unclosed("the template directive", d.DIRECTIVE_START().getSymbol(), "'}'");
        }
        if (c instanceof BlockBodyContext b && b.RBRACE() == null) {
            return new Unclosed("the block", b.LBRACE().getSymbol(), "'}'");
        }
        if (c instanceof TupleOrForContext t && t.tupleItems() == null && t.RBRACK() == null) {
            return new Unclosed(t.forIntro() != null ? "the for expression" : "the tuple", t.LBRACK().getSymbol(),
                    "']'");
        }
        if (c instanceof HclGrammar.TupleItemsContext t && t.RBRACK() == null) {
            return new Unclosed("the tuple", ((TupleOrForContext) t.getParent()).LBRACK().getSymbol(), "']'");
        }
        if (c instanceof ObjectOrForContext o && o.objectItems() == null && o.RBRACE() == null) {
            return new Unclosed(o.forIntro() != null ? "the for expression" : "the object", o.LBRACE().getSymbol(),
                    "'}'");
        }
        if (c instanceof HclGrammar.ObjectItemsContext o && o.RBRACE() == null) {
            return new Unclosed("the object", ((ObjectOrForContext) o.getParent()).LBRACE().getSymbol(), "'}'");
        }
        if (c instanceof ParenthesizedContext p && p.RPAREN() == null) {
            return new Unclosed("the parenthesis", p.LPAREN().getSymbol(), "')'");
        }
        if (c instanceof HclGrammar.ArgumentsContext a && a.RPAREN() == null) {
            VariableOrCallContext call = (VariableOrCallContext) a.getParent();
            return new Unclosed("the argument list of " + call.name().getText() + "(", call.LPAREN().getSymbol(),
                    "')'");
        }
        if (c instanceof PostfixContext index && index.LBRACK() != null && index.RBRACK() == null) {
            return new Unclosed("the index", index.LBRACK().getSymbol(), "']'");
        }
        return null;
    }

    /** Whether a template sequence's end was read (its rule may have been entered and failed). */
    private static boolean closed(HclGrammar.TemplateEndContext end) {
        return end != null && end.getChildCount() > 0;
    }

    // ------------------------------------------------------------------ what was expected

    /** The expected tokens in a user's words: "'=', a block label or '{'". */
    private static String expected(IntervalSet expected, ParserRuleContext context) {
        List<Integer> types = new ArrayList<>(expected.toList());
        List<String> phrases = new ArrayList<>();
        if (types.contains(HclGrammar.NEWLINE)) {
            types.remove((Integer) Token.EOF); // a newline or the end of the file: "a newline" says it
            phrases.add("a newline");
            types.remove((Integer) HclGrammar.NEWLINE);
        }
        if (context instanceof HclGrammar.DirectiveContext || context instanceof TemplateDirectiveContext) {
            phrases.add("'if', 'else', 'endif', 'for' or 'endfor'");
            types.removeIf(NAMES::contains);
        }
        boolean itemMayStart = types.contains(HclGrammar.IDENTIFIER) && (context instanceof BlockBodyContext
                || context instanceof HclGrammar.ConfigFileContext);
        if (itemMayStart) {
            phrases.remove("a newline"); // a blank line, which is not what is missing
        }
        if (types.contains(HclGrammar.ASSIGN)) {
            phrases.add("'='");
            types.remove((Integer) HclGrammar.ASSIGN);
        }
        boolean expression = types.contains(HclGrammar.QUOTE) && types.contains(HclGrammar.LPAREN)
                && types.contains(HclGrammar.NUMBER);
        boolean names = types.stream().anyMatch(NAMES::contains);
        if (context instanceof BodyItemContext && types.contains(HclGrammar.QUOTE) && names) {
            phrases.add("a block label");
            types.removeIf(t -> NAMES.contains(t) || t == HclGrammar.QUOTE);
        } else if (expression) {
            phrases.add("an expression");
            types.removeIf(EXPRESSION_STARTS::contains);
        } else if (names) {
            phrases.add(context instanceof BodyItemContext || context instanceof BlockBodyContext
                    || context instanceof HclGrammar.ConfigFileContext ? "an attribute name or block type"
                    : context instanceof PostfixContext ? "an attribute name" : "a name");
            types.removeIf(NAMES::contains);
        }
        if (types.contains(HclGrammar.QUOTE_END) || types.contains(HclGrammar.HEREDOC_END)) {
            types.removeIf(TEMPLATE_CONTENT::contains);
        }
        types.remove((Integer) HclGrammar.TEMPLATE_END_STRIP);
        boolean onlyContinuations = phrases.isEmpty() && types.stream().allMatch(CONTINUATIONS::contains);
        if (onlyContinuations && !types.isEmpty()) {
            phrases.add("an operator");
        }
        types.removeIf(CONTINUATIONS::contains);
        // What would close something comes last: "',' or ']'".
        types.sort((a, b) -> Boolean.compare(ENDINGS.contains(a), ENDINGS.contains(b)));
        for (int type : types) {
            phrases.add(name(type));
        }
        if (phrases.isEmpty()) {
            return "something else";
        }
        if (phrases.size() == 1) {
            return phrases.get(0);
        }
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " or " + phrases.get(phrases.size() - 1);
    }

    private static String name(int type) {
        return switch (type) {
            case Token.EOF -> "the end of the file";
            case HclGrammar.QUOTE -> "a string";
            case HclGrammar.QUOTE_END -> "'\"'";
            case HclGrammar.HEREDOC_END -> "the heredoc's closing marker";
            case HclGrammar.TEMPLATE_END -> "'}'";
            case HclGrammar.NUMBER -> "a number";
            case HclGrammar.IF, HclGrammar.ELSE, HclGrammar.ENDIF, HclGrammar.FOR, HclGrammar.ENDFOR, HclGrammar.IN,
                    HclGrammar.TRUE, HclGrammar.FALSE, HclGrammar.NULL -> HclGrammar.VOCABULARY.getLiteralName(type);
            case HclGrammar.TEMPLATE_TEXT -> "text";
            case HclGrammar.INTERP_START -> "'${'";
            case HclGrammar.DIRECTIVE_START -> "'%{'";
            default -> {
                String literal = HclGrammar.VOCABULARY.getLiteralName(type);
                yield literal != null ? literal : HclGrammar.VOCABULARY.getDisplayName(type).toLowerCase();
            }
        };
    }

    // ------------------------------------------------------------------ what was found, and after what

    private static String describe(Token token) {
        return switch (token.getType()) {
            case Token.EOF -> "end of file";
            case HclGrammar.NEWLINE -> "newline";
            case HclGrammar.ERROR_CHARACTER -> character(token.getText());
            case HclGrammar.HEREDOC_START -> "'" + token.getText().strip() + "'";
            default -> "'" + TreeBuilder.abbreviate(token.getText()) + "'";
        };
    }

    private static String character(String text) {
        int c = text.codePointAt(0);
        boolean visible = !Character.isISOControl(c) && !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT;
        String code = String.format("U+%04X", c);
        return visible ? "the character '" + text + "' (" + code + ")" : "the invisible character " + code;
    }

    /**
     * The text just before the offending token: from the start of the attribute or block it is in, when
     * that is on the same line and short; otherwise the previous token.
     */
    private static String after(Parser recognizer, Token found, ParserRuleContext context) {
        int index = found.getTokenIndex();
        if (index <= 0) {
            return "";
        }
        Token previous = recognizer.getInputStream().get(index - 1);
        if (previous.getType() == HclGrammar.NEWLINE) {
            return "";
        }
        Token start = previous;
        for (ParserRuleContext c = context; c != null && !(c instanceof BlockBodyContext); c = c.getParent()) {
            if (c instanceof BodyItemContext || c instanceof HclGrammar.OneLineAttributeContext) {
                start = c.getStart();
                break;
            }
        }
        // Just after a whole attribute or block (a = 1 b = 2), name that one.
        if (start == previous && context.getChildCount() > 0
                && context.getChild(context.getChildCount() - 1) instanceof ParserRuleContext item
                && (item instanceof BodyItemContext || item instanceof HclGrammar.OneLineAttributeContext)
                && item.getStop() != null && item.getStop().getTokenIndex() == previous.getTokenIndex()) {
            start = item.getStart();
        }
        if (start.getLine() != previous.getLine() || start.getTokenIndex() > previous.getTokenIndex()) {
            start = previous;
        }
        String text = previous.getInputStream().getText(Interval.of(start.getStartIndex(), previous.getStopIndex()));
        if (text.length() > MAX_CONTEXT_CHARS || text.contains("\n")) {
            text = previous.getText().strip();
        }
        return TreeBuilder.abbreviate(text);
    }
}
