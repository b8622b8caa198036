package io.lambda2azure.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A small reader for the Bicep that lambda2azure generates: it finds every {@code resource} declaration and
 * parses its body into a tree of {@link ObjectValue}s, {@link ArrayValue}s, {@link StringLiteral}s and
 * {@link Expression}s (everything else, kept as source text).
 *
 * <p>It understands {@code //} and {@code /* *}{@code /} comments, decorators, single-quoted strings with escapes
 * and {@code ${...}} interpolation, {@code '''} multi-line strings, {@code existing}, {@code = if (...)},
 * {@code [for ...: {...}]} loops, nested child resources and the object spread {@code ...x}. Statements other than
 * {@code resource} (param, var, output, module, type, func, import, targetScope, metadata) are skipped.
 * Unknown syntax inside a value is kept as expression text; only structural damage (an unterminated string,
 * unbalanced brackets, a malformed resource header) fails, with a {@link BicepSyntaxException} naming the line.
 */
public final class BicepResources {

    private BicepResources() {
    }

    /** Reads the resources of a Bicep file. */
    public static List<Resource> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Parses Bicep text; {@code displayName} names the source in error messages. The result lists resources in
     * source order, nested child resources right after their parent.
     */
    public static List<Resource> parse(String text, String displayName) {
        String src = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Token> tokens = new Lexer(src, displayName).lex();
        return new Parser(src, displayName, tokens).parseFile();
    }

    // ------------------------------------------------------------------------------------------------
    // The tree
    // ------------------------------------------------------------------------------------------------

    /** A value in a resource body. */
    public sealed interface Value permits ObjectValue, ArrayValue, StringLiteral, Expression {
        /** The 1-based line the value starts on. */
        int line();

        /** The value's source text. */
        String text();
    }

    /** A property of an object: {@code key: value}. Quoted keys are unquoted. */
    public record Entry(String key, Value value, int line) {
    }

    /** An object {@code { ... }}. {@code spreads} holds the text of any {@code ...x} members. */
    public record ObjectValue(List<Entry> entries, List<String> spreads, int line, String text) implements Value {
        /** The value of the first entry with exactly this key. */
        public Optional<Value> get(String key) {
            return entry(key).map(Entry::value);
        }

        public Optional<Entry> entry(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        }

        /** The entries as an ordered map (the first of duplicate keys wins). */
        public Map<String, Value> asMap() {
            Map<String, Value> m = new LinkedHashMap<>();
            for (Entry e : entries) {
                m.putIfAbsent(e.key(), e.value());
            }
            return Collections.unmodifiableMap(m);
        }

        /** Follows a dotted path of keys, e.g. {@code "properties.siteConfig.ftpsState"}. */
        public Optional<Value> at(String dottedPath) {
            Value v = this;
            for (String k : dottedPath.split("\\.")) {
                if (!(v instanceof ObjectValue o)) {
                    return Optional.empty();
                }
                Optional<Value> next = o.get(k);
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                v = next.get();
            }
            return Optional.of(v);
        }
    }

    /** An array {@code [ ... ]} (not a {@code for} loop, which is an {@link Expression}). */
    public record ArrayValue(List<Value> items, int line, String text) implements Value {
    }

    /** A string with no interpolation; {@code value} is unescaped. */
    public record StringLiteral(String value, int line, String text) implements Value {
    }

    /** What an {@link Expression} is known to be. */
    public enum ExpressionKind {
        /** {@code true} or {@code false}. */
        BOOLEAN,
        /** An integer literal, possibly negative. */
        INTEGER,
        /** {@code null}. */
        NULL,
        /** A single interpolated string {@code 'a${b}c'}; see {@link Expression#templateParts()}. */
        STRING_TEMPLATE,
        /** Anything else: references, function calls, operators, loops… */
        OTHER
    }

    /**
     * Any other value, kept as source text. For a {@link ExpressionKind#STRING_TEMPLATE}, {@code templateParts}
     * holds the unescaped literal parts around the holes (one more than there are holes); otherwise it is empty.
     */
    public record Expression(String text, int line, ExpressionKind kind, List<String> templateParts)
            implements Value {
        public boolean isBoolean() {
            return kind == ExpressionKind.BOOLEAN;
        }

        public boolean isInteger() {
            return kind == ExpressionKind.INTEGER;
        }

        public boolean isNull() {
            return kind == ExpressionKind.NULL;
        }

        public boolean isStringTemplate() {
            return kind == ExpressionKind.STRING_TEMPLATE;
        }

        /** For a string template, the literal text after the last hole; otherwise empty. */
        public Optional<String> templateSuffix() {
            return templateParts.isEmpty() ? Optional.empty()
                    : Optional.of(templateParts.get(templateParts.size() - 1));
        }
    }

    /**
     * A {@code resource} declaration.
     *
     * @param symbol       the symbolic name
     * @param declaredType the type string as written (without {@code @version}); for a nested resource that gives
     *                     only its last segment, {@link #type()} is the full type
     * @param type         the full resource type, e.g. {@code Microsoft.Storage/storageAccounts/blobServices}
     * @param apiVersion   the api-version as written (inherited from the enclosing resource when a nested
     *                     declaration omits it); empty when there is none
     * @param existing     declared with {@code existing}
     * @param condition    the text inside {@code if (...)}, or null
     * @param loop         the text of {@code for ... in ...}, or null
     * @param body         the body object
     * @param line         the line of the {@code resource} keyword
     * @param decorators   decorator texts, e.g. {@code @batchSize(1)}
     * @param enclosing    the symbol of the resource this one is nested in, or null
     */
    public record Resource(String symbol, String declaredType, String type, String apiVersion, boolean existing,
                           String condition, String loop, ObjectValue body, int line, List<String> decorators,
                           String enclosing) {
        /** {@code Type@version}. */
        public String typeAtVersion() {
            return apiVersion.isEmpty() ? type : type + "@" + apiVersion;
        }

        /** The body's {@code name} value. */
        public Optional<Value> name() {
            return body.get("name");
        }

        /** The body's {@code parent} value. */
        public Optional<Value> parent() {
            return body.get("parent");
        }

        /** The text of the body's {@code parent} (a symbol), if present. */
        public Optional<String> parentSymbol() {
            return parent().map(Value::text);
        }

        /** The body's {@code scope} value. */
        public Optional<Value> scope() {
            return body.get("scope");
        }

        /** Whether the name is relative to a parent: declared with {@code parent:} or nested in a resource. */
        public boolean hasParent() {
            return enclosing != null || parent().isPresent();
        }

        /** The number of type segments after the namespace: 1 for a top-level type, 2+ for child types. */
        public int typeDepth() {
            return Math.max(0, type.split("/").length - 1);
        }
    }

    /** Structural damage the reader cannot get past. The message starts with {@code <file>:<line>:}. */
    public static final class BicepSyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String file;
        private final int line;

        public BicepSyntaxException(String file, int line, String message) {
            super(file + ":" + line + ": " + message);
            this.file = file;
            this.line = line;
        }

        public String file() {
            return file;
        }

        public int line() {
            return line;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Lexer
    // ------------------------------------------------------------------------------------------------

    private enum T { IDENT, STRING, NUMBER, PUNCT, NEWLINE, EOF }

    /**
     * A token. For strings: {@code parts} holds the unescaped literal parts (holes between them), so a plain
     * string has exactly one part.
     */
    private record Token(T t, String s, int start, int end, int line, List<String> parts) {
        boolean is(String punctOrWord) {
            return (t == T.PUNCT || t == T.IDENT) && s.equals(punctOrWord);
        }

        boolean plainString() {
            return t == T.STRING && parts.size() == 1;
        }
    }

    private static final List<String> MULTI_PUNCT = List.of(
            "...", "==", "!=", "<=", ">=", "&&", "||", "??", "=~", "!~", "?.", "=>", "::");

    private static final class Lexer {
        private final String src;
        private final String file;
        private int pos;
        private int line = 1;
        private final List<Token> out = new ArrayList<>();

        Lexer(String src, String file) {
            this.src = src;
            this.file = file;
        }

        List<Token> lex() {
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '\n') {
                    out.add(new Token(T.NEWLINE, "\n", pos, pos + 1, line, List.of()));
                    line++;
                    pos++;
                } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                    pos++;
                } else if (c == '/' && peek(1) == '/') {
                    while (pos < src.length() && src.charAt(pos) != '\n') {
                        pos++;
                    }
                } else if (c == '/' && peek(1) == '*') {
                    int startLine = line;
                    int close = src.indexOf("*/", pos + 2);
                    if (close < 0) {
                        throw new BicepSyntaxException(file, startLine, "unterminated /* comment");
                    }
                    countLines(pos, close + 2);
                    pos = close + 2;
                } else if (c == '\'') {
                    out.add(string());
                } else if (Character.isDigit(c)) {
                    int s = pos;
                    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                        pos++;
                    }
                    out.add(new Token(T.NUMBER, src.substring(s, pos), s, pos, line, List.of()));
                } else if (Character.isLetter(c) || c == '_') {
                    int s = pos;
                    while (pos < src.length()
                            && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                        pos++;
                    }
                    out.add(new Token(T.IDENT, src.substring(s, pos), s, pos, line, List.of()));
                } else {
                    String p = String.valueOf(c);
                    for (String m : MULTI_PUNCT) {
                        if (src.startsWith(m, pos)) {
                            p = m;
                            break;
                        }
                    }
                    out.add(new Token(T.PUNCT, p, pos, pos + p.length(), line, List.of()));
                    pos += p.length();
                }
            }
            out.add(new Token(T.EOF, "", src.length(), src.length(), line, List.of()));
            return out;
        }

        private char peek(int ahead) {
            int p = pos + ahead;
            return p < src.length() ? src.charAt(p) : '\0';
        }

        private void countLines(int from, int to) {
            for (int i = from; i < to; i++) {
                if (src.charAt(i) == '\n') {
                    line++;
                }
            }
        }

        private Token string() {
            int start = pos;
            int startLine = line;
            if (src.startsWith("'''", pos)) {
                int close = src.indexOf("'''", pos + 3);
                if (close < 0) {
                    throw new BicepSyntaxException(file, startLine, "unterminated ''' multi-line string");
                }
                // Bicep allows extra quotes right before the closing ''': they belong to the content.
                while (close + 3 < src.length() && src.charAt(close + 3) == '\'') {
                    close++;
                }
                String body = src.substring(pos + 3, close);
                if (body.startsWith("\r\n")) {
                    body = body.substring(2);
                } else if (body.startsWith("\n")) {
                    body = body.substring(1);
                }
                countLines(pos, close + 3);
                pos = close + 3;
                return new Token(T.STRING, src.substring(start, pos), start, pos, startLine, List.of(body));
            }
            List<String> parts = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= src.length() || src.charAt(pos) == '\n') {
                    throw new BicepSyntaxException(file, startLine, "unterminated string starting "
                            + src.substring(start, Math.min(src.length(), Math.min(start + 40, lineEnd(start)))));
                }
                char c = src.charAt(pos);
                if (c == '\'') {
                    pos++;
                    break;
                }
                if (c == '\\') {
                    char n = peek(1);
                    switch (n) {
                        case '\'', '\\', '$' -> cur.append(n);
                        case 'n' -> cur.append('\n');
                        case 'r' -> cur.append('\r');
                        case 't' -> cur.append('\t');
                        case 'u' -> {
                            int close = src.indexOf('}', pos);
                            if (peek(2) == '{' && close > 0 && close < lineEnd(pos)) {
                                try {
                                    cur.appendCodePoint(Integer.parseInt(src.substring(pos + 3, close), 16));
                                } catch (IllegalArgumentException e) {
                                    cur.append(src, pos, close + 1);
                                }
                                pos = close + 1;
                                continue;
                            }
                            cur.append("\\u");
                        }
                        default -> {
                            if (n == '\n' || n == '\0') {
                                throw new BicepSyntaxException(file, startLine, "unterminated string");
                            }
                            cur.append('\\').append(n); // unknown escape: keep it (Bicep rejects it)
                        }
                    }
                    pos += 2;
                    continue;
                }
                if (c == '$' && peek(1) == '{') {
                    parts.add(cur.toString());
                    cur.setLength(0);
                    pos += 2;
                    skipHole(startLine);
                    continue;
                }
                cur.append(c);
                pos++;
            }
            parts.add(cur.toString());
            return new Token(T.STRING, src.substring(start, pos), start, pos, startLine, List.copyOf(parts));
        }

        private int lineEnd(int from) {
            int nl = src.indexOf('\n', from);
            return nl < 0 ? src.length() : nl;
        }

        /** Skips an interpolation hole after {@code ${}, through its closing brace. */
        private void skipHole(int stringLine) {
            int depth = 1;
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (c == '\'') {
                    string(); // nested string: recursion handles its own holes
                    continue;
                }
                if (c == '\n') {
                    line++;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        pos++;
                        return;
                    }
                }
                pos++;
            }
            throw new BicepSyntaxException(file, stringLine, "unterminated ${...} in a string");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Parser
    // ------------------------------------------------------------------------------------------------

    private static final Set<String> OPENERS = Set.of("{", "[", "(");

    private static final class Parser {
        private final String src;
        private final String file;
        private final List<Token> tokens;
        private int i;
        private final List<Resource> resources = new ArrayList<>();

        Parser(String src, String file, List<Token> tokens) {
            this.src = src;
            this.file = file;
            this.tokens = tokens;
        }

        private Token cur() {
            return tokens.get(i);
        }

        private Token at(int k) {
            return tokens.get(Math.min(k, tokens.size() - 1));
        }

        private BicepSyntaxException error(Token at, String message) {
            return new BicepSyntaxException(file, at.line(), message);
        }

        private void skipNewlines() {
            while (cur().t() == T.NEWLINE) {
                i++;
            }
        }

        List<Resource> parseFile() {
            List<String> decorators = new ArrayList<>();
            while (cur().t() != T.EOF) {
                Token t = cur();
                if (t.t() == T.NEWLINE) {
                    i++;
                } else if (t.is("@")) {
                    decorators.add(decorator());
                } else if (t.is("resource") && at(i + 1).t() == T.IDENT) {
                    resource(null, decorators);
                    decorators = new ArrayList<>();
                    expectEndOfStatement("resource declaration");
                } else {
                    skipStatement();
                    decorators = new ArrayList<>();
                }
            }
            return List.copyOf(resources);
        }

        private void expectEndOfStatement(String what) {
            Token t = cur();
            if (t.t() != T.NEWLINE && t.t() != T.EOF) {
                throw error(t, "unexpected '" + t.s() + "' after the " + what);
            }
        }

        /** Skips tokens to the end of the statement: a newline outside brackets. */
        private void skipStatement() {
            while (cur().t() != T.NEWLINE && cur().t() != T.EOF) {
                skipToken();
            }
        }

        /** Skips one token, or a whole bracketed group when it opens one. */
        private void skipToken() {
            Token t = cur();
            if (t.t() == T.PUNCT && OPENERS.contains(t.s())) {
                skipGroup();
            } else if (t.t() == T.PUNCT && (t.is("}") || t.is("]") || t.is(")"))) {
                throw error(t, "unbalanced '" + t.s() + "'");
            } else {
                i++;
            }
        }

        /** Skips a bracketed group starting at the current opener, checking that brackets match. */
        private void skipGroup() {
            Token open = cur();
            String close = closer(open.s());
            i++;
            while (true) {
                Token t = cur();
                if (t.t() == T.EOF) {
                    throw error(open, "'" + open.s() + "' is never closed");
                }
                if (t.t() == T.PUNCT && OPENERS.contains(t.s())) {
                    skipGroup();
                } else if (t.t() == T.PUNCT && (t.is("}") || t.is("]") || t.is(")"))) {
                    if (!t.s().equals(close)) {
                        throw error(t, "'" + t.s() + "' does not match '" + open.s() + "' opened on line "
                                + open.line());
                    }
                    i++;
                    return;
                } else {
                    i++;
                }
            }
        }

        private static String closer(String opener) {
            return switch (opener) {
                case "{" -> "}";
                case "[" -> "]";
                default -> ")";
            };
        }

        private String decorator() {
            Token at = cur();
            i++; // @
            while (cur().t() == T.IDENT || cur().is(".")) {
                i++;
            }
            if (cur().is("(")) {
                skipGroup();
            }
            return src.substring(at.start(), tokens.get(i - 1).end());
        }

        /** Parses {@code resource sym 'Type@ver' [existing] = ...} starting at the keyword. */
        private void resource(Resource enclosing, List<String> decorators) {
            Token kw = cur();
            i++;
            Token sym = cur();
            if (sym.t() != T.IDENT) {
                throw error(sym, "expected a symbolic name after 'resource'");
            }
            i++;
            Token typeTok = cur();
            if (!typeTok.plainString()) {
                throw error(typeTok, "expected the resource type string 'Type@version' after 'resource "
                        + sym.s() + "'");
            }
            i++;
            String written = typeTok.parts().get(0);
            int atSign = written.lastIndexOf('@');
            String declaredType = atSign < 0 ? written : written.substring(0, atSign);
            String version = atSign < 0 ? "" : written.substring(atSign + 1);
            String fullType = declaredType;
            if (enclosing != null) {
                if (!declaredType.contains("/")) {
                    fullType = enclosing.type() + "/" + declaredType;
                }
                if (version.isEmpty()) {
                    version = enclosing.apiVersion();
                }
            }
            boolean existing = false;
            if (cur().is("existing")) {
                existing = true;
                i++;
            }
            if (!cur().is("=")) {
                throw error(cur(), "expected '=' in the declaration of resource " + sym.s() + ", found '"
                        + describe(cur()) + "'");
            }
            i++;
            String condition = null;
            String loop = null;
            boolean inLoop = false;
            if (cur().is("[")) {
                Token open = cur();
                i++;
                skipNewlines();
                if (!cur().is("for")) {
                    throw error(cur(), "expected 'for' after '[' in the declaration of resource " + sym.s());
                }
                int loopStart = cur().start();
                // Up to the ':' at this bracket depth.
                while (!cur().is(":")) {
                    if (cur().t() == T.EOF) {
                        throw error(open, "'[' is never closed");
                    }
                    skipToken();
                }
                loop = src.substring(loopStart, tokens.get(i - 1).end()).strip();
                i++;
                skipNewlines();
                inLoop = true;
            }
            if (cur().is("if")) {
                i++;
                if (!cur().is("(")) {
                    throw error(cur(), "expected '(' after 'if' in the declaration of resource " + sym.s());
                }
                int start = i;
                skipGroup();
                condition = src.substring(tokens.get(start).end(), tokens.get(i - 1).start()).strip();
                skipNewlines();
            }
            if (!cur().is("{")) {
                throw error(cur(), "expected '{' to open the body of resource " + sym.s() + ", found '"
                        + describe(cur()) + "'");
            }
            int slot = resources.size();
            resources.add(null); // keeps source order: the resource before its nested children
            Resource self = new Resource(sym.s(), declaredType, fullType, version, existing, condition, loop,
                    null, kw.line(), List.copyOf(decorators), enclosing == null ? null : enclosing.symbol());
            ObjectValue body = object(self);
            Resource done = new Resource(sym.s(), declaredType, fullType, version, existing, condition, loop, body,
                    kw.line(), List.copyOf(decorators), enclosing == null ? null : enclosing.symbol());
            resources.set(slot, done);
            if (inLoop) {
                skipNewlines();
                if (!cur().is("]")) {
                    throw error(cur(), "expected ']' to close the loop of resource " + sym.s());
                }
                i++;
            }
        }

        private static String describe(Token t) {
            return switch (t.t()) {
                case NEWLINE -> "end of line";
                case EOF -> "end of file";
                default -> t.s();
            };
        }

        /** Parses an object at the current '{'. {@code owner} receives nested resource declarations. */
        private ObjectValue object(Resource owner) {
            Token open = cur();
            i++;
            List<Entry> entries = new ArrayList<>();
            List<String> spreads = new ArrayList<>();
            List<String> decorators = new ArrayList<>();
            while (true) {
                Token t = cur();
                if (t.t() == T.NEWLINE || t.is(",")) {
                    i++;
                    continue;
                }
                if (t.t() == T.EOF) {
                    throw error(open, "'{' is never closed");
                }
                if (t.is("}")) {
                    i++;
                    return new ObjectValue(List.copyOf(entries), List.copyOf(spreads), open.line(),
                            src.substring(open.start(), t.end()));
                }
                if (t.is("]") || t.is(")")) {
                    throw error(t, "'" + t.s() + "' does not match '{' opened on line " + open.line());
                }
                if (t.is("@")) {
                    decorators.add(decorator());
                    continue;
                }
                if (t.is("...")) {
                    i++;
                    Value v = value("}");
                    spreads.add(v.text());
                    continue;
                }
                if (owner != null && t.is("resource") && at(i + 1).t() == T.IDENT) {
                    resource(owner, decorators);
                    decorators = new ArrayList<>();
                    continue;
                }
                String key;
                if (t.t() == T.IDENT) {
                    key = t.s();
                } else if (t.plainString()) {
                    key = t.parts().get(0);
                } else if (t.t() == T.STRING) {
                    key = t.s(); // interpolated key: keep its text
                } else {
                    throw error(t, "expected a property name in the object opened on line " + open.line()
                            + ", found '" + describe(t) + "'");
                }
                i++;
                if (!cur().is(":")) {
                    throw error(cur(), "expected ':' after property name '" + key + "', found '"
                            + describe(cur()) + "'");
                }
                i++;
                Value v = value("}");
                entries.add(new Entry(key, v, t.line()));
                decorators = new ArrayList<>();
            }
        }

        /** Parses an array at the current '['. */
        private ArrayValue array(Resource owner) {
            Token open = cur();
            i++;
            List<Value> items = new ArrayList<>();
            while (true) {
                Token t = cur();
                if (t.t() == T.NEWLINE || t.is(",")) {
                    i++;
                    continue;
                }
                if (t.t() == T.EOF) {
                    throw error(open, "'[' is never closed");
                }
                if (t.is("]")) {
                    i++;
                    return new ArrayValue(List.copyOf(items), open.line(), src.substring(open.start(), t.end()));
                }
                if (t.is("}") || t.is(")")) {
                    throw error(t, "'" + t.s() + "' does not match '[' opened on line " + open.line());
                }
                items.add(value("]"));
            }
        }

        private boolean endsValue(Token t, String closer) {
            return t.t() == T.NEWLINE || t.t() == T.EOF || t.is(",") || t.is(closer);
        }

        /**
         * Parses a value up to (not including) a newline, ',' or {@code closer} at this depth. Objects, arrays and
         * plain strings that make up the whole value become tree nodes; anything else an {@link Expression}.
         */
        private Value value(String closer) {
            Token first = cur();
            if (endsValue(first, closer)) {
                throw error(first, "expected a value, found '" + describe(first) + "'");
            }
            int startIndex = i;
            int resourceCount = resources.size();
            if (first.is("{")) {
                ObjectValue o = object(null);
                if (endsValue(cur(), closer)) {
                    return o;
                }
                i = startIndex;
                truncate(resourceCount);
            } else if (first.is("[") && !at(nextNonNewline(i + 1)).is("for")) {
                ArrayValue a = array(null);
                if (endsValue(cur(), closer)) {
                    return a;
                }
                i = startIndex;
                truncate(resourceCount);
            } else if (first.plainString() && endsValue(at(i + 1), closer)) {
                i++;
                return new StringLiteral(first.parts().get(0), first.line(), first.s());
            }
            // An expression: tokens (and whole bracketed groups) up to the end of the value.
            while (!endsValue(cur(), closer)) {
                Token t = cur();
                if (t.is("}") || t.is("]") || t.is(")")) {
                    throw error(t, "unbalanced '" + t.s() + "'");
                }
                skipToken();
            }
            Token last = tokens.get(i - 1);
            String text = src.substring(first.start(), last.end());
            int count = i - startIndex;
            ExpressionKind kind = ExpressionKind.OTHER;
            List<String> parts = List.of();
            if (count == 1 && first.t() == T.NUMBER && first.s().matches("\\d+")) {
                kind = ExpressionKind.INTEGER;
            } else if (count == 2 && first.is("-") && last.t() == T.NUMBER && last.s().matches("\\d+")) {
                kind = ExpressionKind.INTEGER;
            } else if (count == 1 && (first.is("true") || first.is("false"))) {
                kind = ExpressionKind.BOOLEAN;
            } else if (count == 1 && first.is("null")) {
                kind = ExpressionKind.NULL;
            } else if (count == 1 && first.t() == T.STRING) {
                kind = ExpressionKind.STRING_TEMPLATE;
                parts = first.parts();
            }
            return new Expression(text, first.line(), kind, parts);
        }

        private int nextNonNewline(int k) {
            while (at(k).t() == T.NEWLINE) {
                k++;
            }
            return k;
        }

        private void truncate(int size) {
            while (resources.size() > size) {
                resources.remove(resources.size() - 1);
            }
        }
    }
}
