package io.lambda2azure.parsers.hcl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads files in HCL's JSON syntax (Terraform's {@code .tf.json}) into a located {@link JsonValue} tree, and
 * reads JSON values as HCL expressions the way HCL's JSON syntax specifies for expression mode: strings are
 * templates, arrays tuples, objects object constructors whose keys are templates too.
 */
public final class HclJson {

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(HclReader.MAX_NESTING)
                    .maxNumberLength(HclReader.MAX_NUMBER_CHARS)
                    .maxStringLength(HclReader.MAX_CHARS)
                    .build())
            .build();

    private HclJson() {
    }

    /**
     * Reads a file, which must be UTF-8 JSON.
     *
     * @param file the file; the path as given appears in every location
     * @return its root value
     * @throws InvalidInputException when it cannot be read or is not JSON, located
     */
    public static JsonValue read(Path file) throws InvalidInputException {
        String name = file.toString();
        SourceLocation start = new SourceLocation(name, 1, 1);
        byte[] bytes;
        try {
            if (Files.size(file) > HclReader.MAX_CHARS * 4L) {
                throw new InvalidInputException(start, "the file has " + Files.size(file) + " bytes; files of more"
                        + " than " + HclReader.MAX_CHARS + " characters are not read");
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
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return parse(name, text);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(start, "the file is not UTF-8 text; JSON files must be UTF-8");
        }
    }

    /**
     * Reads JSON text (a leading byte order mark is ignored).
     *
     * @param fileName the name to use in locations
     * @param text     the text
     * @return its root value
     * @throws InvalidInputException when it is not one JSON value, located
     */
    public static JsonValue parse(String fileName, String text) throws InvalidInputException {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
        if (text.length() > HclReader.MAX_CHARS) {
            throw new InvalidInputException(new SourceLocation(fileName, 1, 1), "the file has " + text.length()
                    + " characters; files of more than " + HclReader.MAX_CHARS + " characters are not read");
        }
        String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try (JsonParser parser = JSON.createParser(source)) {
            if (parser.nextToken() == null) {
                throw new InvalidInputException(new SourceLocation(fileName, 1, 1),
                        "the file is empty; expected a JSON object");
            }
            JsonValue root = new Reader(fileName, source).value(parser);
            if (parser.nextToken() != null) {
                throw new InvalidInputException(location(fileName, parser.currentTokenLocation()),
                        "unexpected text after the JSON value; a file holds exactly one JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
            throw new InvalidInputException(location(fileName, e.getLocation()), "invalid JSON: "
                    + message.replace("\n", " ").replace("\r", ""));
        } catch (IOException e) {
            throw new InvalidInputException(new SourceLocation(fileName, 1, 1), "the file cannot be read: "
                    + e.getMessage());
        }
    }

    /**
     * A JSON value read as an HCL expression, as in expression mode of HCL's JSON syntax.
     *
     * @param fileName the file, for locations of the templates' problems
     * @param value    the value
     * @return the expression
     * @throws InvalidInputException listing the problems of every string in it that is not a valid template
     */
    public static Expression expression(String fileName, JsonValue value) throws InvalidInputException {
        List<Problem> problems = new ArrayList<>();
        Expression expression = expression(fileName, value, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return expression;
    }

    private static Expression expression(String fileName, JsonValue value, List<Problem> problems) {
        if (value instanceof JsonValue.Str s) {
            return template(fileName, s.value(), s.span(), problems);
        }
        if (value instanceof JsonValue.Num n) {
            return new Expression.NumberLiteral(n.value(), n.span());
        }
        if (value instanceof JsonValue.Bool b) {
            return new Expression.BoolLiteral(b.value(), b.span());
        }
        if (value instanceof JsonValue.Null n) {
            return new Expression.NullLiteral(n.span());
        }
        if (value instanceof JsonValue.Arr a) {
            List<Expression> items = new ArrayList<>();
            a.items().forEach(i -> items.add(expression(fileName, i, problems)));
            return new Expression.TupleConstructor(items, a.span());
        }
        JsonValue.Obj o = (JsonValue.Obj) value;
        List<ObjectItem> items = new ArrayList<>();
        for (JsonValue.Member member : o.members()) {
            Expression.Template key = template(fileName, member.name(), member.nameSpan(), problems);
            Expression item = expression(fileName, member.value(), problems);
            items.add(new ObjectItem(new ObjectItem.Key.Computed(key), item,
                    Span.covering(member.nameSpan(), item.span())));
        }
        return new Expression.ObjectConstructor(items, o.span());
    }

    private static Expression.Template template(String fileName, String text, Span span, List<Problem> problems) {
        if (text.indexOf("${") < 0 && text.indexOf("%{") < 0) {
            // Plain text (most strings): no need to run the parser.
            return new Expression.Template(text.isEmpty() ? List.of() : List.of(new TemplatePart.Literal(text, span)),
                    Expression.TemplateKind.QUOTED, span);
        }
        try {
            return HclReader.parseJsonString(fileName, text, span.start());
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return new Expression.Template(List.of(new TemplatePart.Literal(text, span)),
                    Expression.TemplateKind.QUOTED, span);
        }
    }

    private static SourceLocation location(String fileName, JsonLocation location) {
        if (location == null) {
            return new SourceLocation(fileName, 1, 1);
        }
        return new SourceLocation(fileName, Math.max(location.getLineNr(), 1), Math.max(location.getColumnNr(), 1));
    }

    /** Builds the tree from the parser's tokens, with spans into the file's text. */
    private record Reader(String fileName, String source) {

        JsonValue value(JsonParser parser) throws IOException {
            JsonLocation at = parser.currentTokenLocation();
            int from = offset(at);
            SourceLocation start = location(fileName, at);
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                List<JsonValue.Member> members = new ArrayList<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonLocation nameAt = parser.currentTokenLocation();
                    int nameFrom = offset(nameAt);
                    Span nameSpan = new Span(location(fileName, nameAt), source, nameFrom,
                            Math.min(source.length(), Math.max(nameFrom, offset(parser.currentLocation()))));
                    parser.nextToken();
                    members.add(new JsonValue.Member(name, nameSpan, value(parser)));
                }
                return new JsonValue.Obj(members, span(start, from, parser));
            }
            if (token == JsonToken.START_ARRAY) {
                List<JsonValue> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(parser));
                }
                return new JsonValue.Arr(items, span(start, from, parser));
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                return new JsonValue.Str(text, span(start, from, parser));
            }
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                BigDecimal number = new BigDecimal(parser.getText());
                return new JsonValue.Num(number, span(start, from, parser));
            }
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                return new JsonValue.Bool(token == JsonToken.VALUE_TRUE, span(start, from, parser));
            }
            return new JsonValue.Null(span(start, from, parser));
        }

        private Span span(SourceLocation start, int from, JsonParser parser) {
            int to = Math.min(source.length(), Math.max(from, offset(parser.currentLocation())));
            return new Span(start, source, from, to);
        }

        private int offset(JsonLocation location) {
            long offset = location.getCharOffset();
            return (int) Math.max(0, Math.min(offset, source.length()));
        }
    }
}
