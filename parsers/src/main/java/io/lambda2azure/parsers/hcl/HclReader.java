package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.SourceLocation;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads HCL native syntax (Terraform's {@code .tf} files) into a located syntax tree, {@link HclFile}.
 * Nothing is evaluated: expressions are kept as written. Every problem found is reported at once, each at
 * its {@code file:line:column}, through {@link InvalidInputException}; nothing else is thrown for bad input,
 * however large or deeply nested.
 */
public final class HclReader {

    /** Largest text read: far above any hand-written configuration, yet safe to hold with its tokens. */
    static final int MAX_CHARS = 4 * 1024 * 1024;
    /** Deepest nesting of brackets, braces, strings and template sequences, counted by the lexer. */
    static final int MAX_NESTING = 100;
    /** Deepest nesting of grammar rules: a backstop for nesting without brackets ({@code a ? b ? c ...}). */
    static final int MAX_RULE_DEPTH = 1_000;
    /** Deepest syntax tree an expression may give, so that walking it recursively is safe. */
    static final int MAX_EXPRESSION_DEPTH = 1_000;
    /** Longest number literal, and largest exponent. */
    static final int MAX_NUMBER_CHARS = 1_000;

    private HclReader() {
    }

    /**
     * Reads a file, which must be UTF-8 (a byte order mark is ignored).
     *
     * @param file the file; the path as given appears in every location
     * @return the file's syntax tree
     * @throws InvalidInputException when the file cannot be read or is not valid HCL
     */
    public static HclFile read(Path file) throws InvalidInputException {
        String name = file.toString();
        SourceLocation start = new SourceLocation(name, 1, 1);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_CHARS * 4L) {
                throw new InvalidInputException(start, "the file has " + size + " bytes; files of more than "
                        + MAX_CHARS + " characters are not read");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(new SourceLocation(name, 0, 0), "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(new SourceLocation(name, 0, 0), "the file cannot be read: " + e.getMessage());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return parse(name, text);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(start, "the file is not UTF-8 text; HCL files must be UTF-8");
        }
    }

    /**
     * Reads HCL text.
     *
     * @param fileName the name to use in locations
     * @param text     the file's content (a leading byte order mark is ignored)
     * @return the file's syntax tree
     * @throws InvalidInputException listing every problem found, each located
     */
    public static HclFile parse(String fileName, String text) throws InvalidInputException {
        return parse(fileName, text, MAX_NESTING, MAX_RULE_DEPTH, MAX_EXPRESSION_DEPTH);
    }

    /**
     * Reads a string of Terraform's JSON syntax ({@code .tf.json}) as what it stands for there: a template,
     * whose {@code ${...}} sequences are expressions. Locations inside it count from {@code at}, the
     * string's opening quote; they are exact up to the string's first escape sequence, whose decoded text
     * is shorter than what the file shows.
     *
     * @param fileName the file, for locations
     * @param value    the string's value, escapes decoded
     * @param at       where the string's opening quote is
     * @return the template
     * @throws InvalidInputException when the template sequences are not valid HCL, located
     */
    public static Expression.Template parseJsonString(String fileName, String value, SourceLocation at)
            throws InvalidInputException {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(value, "value");
        Problems problems = new Problems(fileName);
        if (value.length() > MAX_CHARS) {
            throw new InvalidInputException(at, "the string has " + value.length() + " characters; strings of more"
                    + " than " + MAX_CHARS + " characters are not read");
        }
        String source = "\"" + quote(value) + "\"";
        HclLexer lexer = new HclLexer(CharStreams.fromString(source, fileName));
        lexer.report(problems);
        lexer.maxNesting(MAX_NESTING);
        lexer.setLine(Math.max(at.line(), 1));
        lexer.setCharPositionInLine(Math.max(at.column() - 1, 0));
        lexer.removeErrorListeners();
        HclGrammar parser = new HclGrammar(new CommonTokenStream(lexer));
        parser.maxDepth(MAX_RULE_DEPTH);
        parser.removeErrorListeners();
        parser.setErrorHandler(new SyntaxErrors(problems));
        try {
            HclGrammar.TemplateFileContext tree = parser.templateFile();
            problems.throwIfAny();
            Expression.Template template = new TreeBuilder(fileName, source, problems, MAX_EXPRESSION_DEPTH)
                    .templateFile(tree);
            problems.throwIfAny();
            return template;
        } catch (TooDeepException e) {
            problems.add(e.line, e.column, e.getMessage());
            throw problems.exception();
        }
    }

    /**
     * A decoded string written as the content of an HCL quoted template. Literal text is escaped; the
     * template sequences ({@code ${...}}, {@code %{...}}) are copied as they are, since their expressions,
     * quoted strings included, are HCL already.
     */
    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 8);
        // What encloses the current position: 'T' literal text, 'E' a sequence's expression, 'S' a string in
        // an expression (itself a template). Braces count per expression, so that an object's closing brace
        // does not end the sequence.
        java.util.ArrayDeque<Character> modes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> braces = new java.util.ArrayDeque<>();
        modes.push('T');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            char mode = modes.peek();
            boolean sequence = (c == '$' || c == '%') && i + 1 < value.length() && value.charAt(i + 1) == '{';
            if (mode == 'E') {
                quoted.append(c);
                if (c == '{') {
                    braces.push(braces.pop() + 1);
                } else if (c == '}') {
                    int depth = braces.pop() - 1;
                    if (depth == 0) {
                        modes.pop();
                    } else {
                        braces.push(depth);
                    }
                } else if (c == '"') {
                    modes.push('S');
                }
                continue;
            }
            if (mode == 'S' && (c == '"' || c == '\\')) {
                quoted.append(c);
                if (c == '"') {
                    modes.pop();
                } else if (i + 1 < value.length()) {
                    quoted.append(value.charAt(++i));
                }
                continue;
            }
            if (sequence && i > 0 && value.charAt(i - 1) == c) {
                sequence = false; // $${ and %%{ stand for a literal ${ and %{, read left to right as HCL does
            }
            if (sequence) {
                quoted.append(c).append('{');
                i++;
                modes.push('E');
                braces.push(1);
                continue;
            }
            if (mode == 'S') {
                quoted.append(c);
                continue;
            }
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.toString();
    }

    static HclFile parse(String fileName, String text, int maxNesting, int maxRuleDepth, int maxExpressionDepth)
            throws InvalidInputException {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_CHARS) {
            throw new InvalidInputException(new SourceLocation(fileName, 1, 1), "the file has " + text.length()
                    + " characters; files of more than " + MAX_CHARS + " characters are not read");
        }
        // Like HashiCorp's own scanner, and like editors counting columns, ignore a byte order mark.
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Problems problems = new Problems(fileName);

        HclLexer lexer = new HclLexer(CharStreams.fromString(source, fileName));
        lexer.report(problems);
        lexer.maxNesting(maxNesting);
        lexer.removeErrorListeners();
        lexer.addErrorListener(new BaseErrorListener() {
            // Every character matches some rule of the lexer; this only keeps a surprise located.
            @Override
            public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                    String message, RecognitionException e) {
                problems.add(line, column + 1, "unexpected text: " + message);
            }
        });
        HclGrammar parser = new HclGrammar(new CommonTokenStream(lexer));
        parser.maxDepth(maxRuleDepth);
        parser.removeErrorListeners();
        parser.setErrorHandler(new SyntaxErrors(problems));

        HclGrammar.ConfigFileContext tree;
        try {
            tree = parser.configFile();
        } catch (TooDeepException e) {
            problems.add(e.line, e.column, e.getMessage());
            throw problems.exception();
        }
        problems.throwIfAny();
        try {
            HclFile file = new TreeBuilder(fileName, source, problems, maxExpressionDepth).file(tree);
            problems.throwIfAny();
            return file;
        } catch (TooDeepException e) {
            problems.add(e.line, e.column, e.getMessage());
            throw problems.exception();
        }
    }
}
