package io.lambda2azure.parsers.hcl;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Token;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The context the generated {@code HclLexer} needs and a grammar cannot express: what is open (brackets,
 * braces, strings, heredocs, template sequences), so that it knows which newlines count, what a '}'
 * closes and where a heredoc ends. Also where nesting is limited: each opener is counted here, so that
 * hostile input is refused before the recursive descent parser could overflow the stack.
 */
abstract class HclLexerBase extends Lexer {

    /** What an entry of the stack is. */
    enum Open {
        PAREN, BRACKET,
        /** A block body or an object constructor: newlines count. */
        BRACE,
        /** An object {@code for} expression: newlines do not count. */
        BRACE_FOR,
        /** A {@code ${ }} or {@code %{ }} sequence of a template. */
        SEQUENCE,
        QUOTE, HEREDOC
    }

    private record Opened(Open kind, int line, int column, String marker) {
    }

    private final Deque<Opened> open = new ArrayDeque<>();
    private Problems problems;
    private int maxNesting = HclReader.MAX_NESTING;
    /** The type of the last token handed to the parser other than a newline, for "{ for". */
    private int lastSignificantType = Token.INVALID_TYPE;

    HclLexerBase(CharStream input) {
        super(input);
    }

    void report(Problems problems) {
        this.problems = problems;
    }

    void maxNesting(int maxNesting) {
        this.maxNesting = maxNesting;
    }

    @Override
    public Token emit() {
        Token token = super.emit();
        if (token.getType() != HclLexer.NEWLINE) {
            lastSignificantType = token.getType();
        }
        return token;
    }

    // ------------------------------------------------------------------ brackets

    void open(Open kind) {
        push(kind, null);
    }

    void openBrace() {
        push(Open.BRACE, null);
    }

    /**
     * A ')' or ']'. When it does not match the innermost opener but one further out, everything up to that
     * one is taken as closed, so that one stray bracket does not spoil the rest of the file; the parser
     * reports the mismatch itself.
     */
    void close(Open kind) {
        if (!open.isEmpty() && open.peek().kind() == kind) {
            open.pop();
            return;
        }
        closeDownTo(kind);
    }

    private void closeDownTo(Open kind) {
        int depth = 0;
        for (Opened o : open) {
            if (o.kind() == kind) {
                for (int i = 0; i <= depth; i++) {
                    open.pop();
                }
                return;
            }
            if (o.kind() != Open.PAREN && o.kind() != Open.BRACKET && o.kind() != Open.BRACE
                    && o.kind() != Open.BRACE_FOR) {
                return; // never across a string or template sequence: their modes must stay in step
            }
            depth++;
        }
    }

    /**
     * A '}' or '~}': it ends a template sequence when one is the innermost thing open (or the next one out,
     * past stray brackets), otherwise it closes a brace.
     */
    void closeBrace(boolean strip) {
        int depth = 0;
        for (Opened o : open) {
            if (o.kind() == Open.SEQUENCE) {
                for (int i = 0; i <= depth; i++) {
                    open.pop();
                }
                setType(strip ? HclLexer.TEMPLATE_END_STRIP : HclLexer.TEMPLATE_END);
                popMode();
                return;
            }
            if (o.kind() == Open.BRACE || o.kind() == Open.BRACE_FOR) {
                for (int i = 0; i <= depth; i++) {
                    open.pop();
                }
                return; // a '~}' that closes a brace stays STRIP_RBRACE, which the parser refuses
            }
            if (o.kind() != Open.PAREN && o.kind() != Open.BRACKET) {
                return;
            }
            depth++;
        }
    }

    /**
     * The keyword {@code for} right after a '{' (newlines aside) makes it an object {@code for} expression,
     * inside which newlines do not count. It must be followed by a name, so that an attribute or key named
     * {@code for} ({@code for = 1}) leaves a block body or object as it is.
     */
    void sawFor() {
        if (open.isEmpty() || open.peek().kind() != Open.BRACE || lastSignificantType != HclLexer.LBRACE) {
            return;
        }
        int i = 1;
        while (_input.LA(i) == ' ' || _input.LA(i) == '\t') {
            i++;
        }
        int next = _input.LA(i);
        if (i > 1 && next != CharStream.EOF && (Character.isUnicodeIdentifierStart(next) || next == '_')) {
            Opened brace = open.pop();
            open.push(new Opened(Open.BRACE_FOR, brace.line(), brace.column(), null));
        }
    }

    void newline() {
        if (!open.isEmpty()) {
            Open kind = open.peek().kind();
            if (kind == Open.PAREN || kind == Open.BRACKET || kind == Open.SEQUENCE || kind == Open.BRACE_FOR) {
                skip();
            }
        }
    }

    void blockComment() {
        if (!getText().endsWith("*/") || getText().length() < 4) {
            problems.add(_tokenStartLine, _tokenStartCharPositionInLine + 1,
                    "the comment started here is not closed: expected '*/' before the end of the file");
        }
        skip();
    }

    // ------------------------------------------------------------------ templates

    void beginQuoted() {
        push(Open.QUOTE, null);
        pushMode(HclLexer.QUOTED);
    }

    void endQuoted() {
        open.pop();
        popMode();
    }

    /** A newline inside a quoted template: the template is unclosed; it ends here and the newline stands. */
    void unclosedQuoted() {
        open.pop();
        popMode();
        setType(HclLexer.NEWLINE);
    }

    void beginSequence(boolean interpolation) {
        setType(interpolation ? HclLexer.INTERP_START : HclLexer.DIRECTIVE_START);
        push(Open.SEQUENCE, null);
        pushMode(DEFAULT_MODE);
    }

    void badEscape() {
        setType(HclLexer.TEMPLATE_BAD_ESCAPE);
        String text = getText();
        problems.add(_tokenStartLine, _tokenStartCharPositionInLine + 1, "'" + text + "' is not an escape sequence;"
                + " expected \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN (write \\\\ for a backslash)");
    }

    void beginHeredoc() {
        String text = getText();
        int start = text.charAt(2) == '-' ? 3 : 2;
        int end = start;
        while (end < text.length() && isIdentifierPart(text.codePointAt(end))) {
            end = text.offsetByCodePoints(end, 1);
        }
        String marker = text.substring(start, end);
        String rest = text.substring(end).strip();
        if (!rest.isEmpty()) {
            problems.add(_tokenStartLine, _tokenStartCharPositionInLine + 1 + text.codePointCount(0, end),
                    "expected a newline right after the heredoc marker '" + text.substring(0, end) + "', found '"
                            + TreeBuilder.abbreviate(rest) + "'");
        }
        push(Open.HEREDOC, marker);
        pushMode(HclLexer.HEREDOC);
        if (nextLineCloses(marker)) {
            mode(HclLexer.HEREDOC_CLOSE);
        }
    }

    void heredocNewline() {
        setType(HclLexer.TEMPLATE_NEWLINE);
        Opened heredoc = innermostHeredoc();
        if (heredoc != null && nextLineCloses(heredoc.marker())) {
            mode(HclLexer.HEREDOC_CLOSE);
        }
    }

    void endHeredoc() {
        setType(HclLexer.HEREDOC_END);
        open.pop();
        popMode();
    }

    private static boolean isIdentifierPart(int c) {
        return Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c) || c == '-' || c == '_';
    }

    private Opened innermostHeredoc() {
        Opened top = open.peek();
        return top != null && top.kind() == Open.HEREDOC ? top : null;
    }

    /** Whether the line starting at the next character holds the marker alone, spaces around it aside. */
    private boolean nextLineCloses(String marker) {
        int i = 1;
        while (_input.LA(i) == ' ' || _input.LA(i) == '\t') {
            i++;
        }
        int[] expected = marker.codePoints().toArray();
        for (int c : expected) {
            if (_input.LA(i) != c) {
                return false;
            }
            i++;
        }
        while (_input.LA(i) == ' ' || _input.LA(i) == '\t') {
            i++;
        }
        int end = _input.LA(i);
        return end == '\n' || end == CharStream.EOF || (end == '\r' && _input.LA(i + 1) == '\n');
    }

    // ------------------------------------------------------------------ nesting

    private void push(Open kind, String marker) {
        if (open.size() >= maxNesting) {
            throw new TooDeepException(_tokenStartLine, _tokenStartCharPositionInLine + 1,
                    "the file nests brackets, braces, strings and template sequences deeper than " + maxNesting
                            + " levels here; files nested that deep are not read");
        }
        open.push(new Opened(kind, _tokenStartLine, _tokenStartCharPositionInLine + 1, marker));
    }
}
