package io.lambda2azure.parsers.cloudformation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.NodeEvent;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads YAML or JSON text into a {@link Node} tree that keeps every position, turning CloudFormation's
 * short-form tags into their long form.
 *
 * <p>Hostile input is refused with a located problem, never with an {@link OutOfMemoryError} or a
 * {@link StackOverflowError}: the text size, nesting depth, string and number lengths are bounded (by
 * SnakeYAML's {@link LoaderOptions} and Jackson's {@link StreamReadConstraints}, and again here, because
 * Jackson's YAML parser hands aliases through unexpanded and SnakeYAML's alias limit only applies to its
 * own composer). Aliases are resolved here by sharing the anchored node, and the size the document would
 * have once every alias is expanded is bounded, which is what stops "billion laughs" documents.
 */
final class DocumentReader {

    /** Largest text accepted: far above CloudFormation's own 1 MB template limit, yet safe to hold. */
    static final int MAX_CHARS = 16 * 1024 * 1024;
    /** Deepest nesting accepted; real templates stay well below 30. */
    static final int MAX_DEPTH = 100;
    /** Most nodes the document may have with every alias expanded. */
    static final long MAX_EXPANDED_NODES = 1_000_000;
    /** Most alias uses in one document. */
    static final int MAX_ALIASES = 10_000;
    /** Longest key accepted, in YAML as in JSON. */
    static final int MAX_NAME_CHARS = 100_000;
    /** Most digits of a number, and largest exponent: printing 1e999999999 "exactly as written" needs a
     * billion digits. */
    static final int MAX_NUMBER_CHARS = 1000;

    /** The text formats a template can be written in. */
    enum Format { YAML, JSON }

    private static final Set<String> INTRINSIC_TAGS = Set.of(
            "GetAtt", "Sub", "Join", "Select", "Split", "If", "Equals", "And", "Or", "Not", "FindInMap",
            "ImportValue", "Base64", "GetAZs", "Cidr", "Transform", "Length", "ToJsonString", "Contains",
            "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll");
    private static final String YAML_TAG_PREFIX = "tag:yaml.org,2002:";

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            // one level more than our own check allows, so that ours, located, answers first
            .maxNestingDepth(MAX_DEPTH + 2)
            .maxDocumentLength(MAX_CHARS)
            .maxStringLength(MAX_CHARS)
            .maxNumberLength(MAX_NUMBER_CHARS)
            .maxNameLength(MAX_NAME_CHARS)
            .build();

    private static final YAMLFactory YAML = new AnchorFactory(YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(CONSTRAINTS)
            // A key with nothing after it is null, as in YAML's core schema; "yes"/"no"/"on"/"off" stay
            // strings (YAML 1.1 booleans would silently turn a value like "no" into false).
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS));

    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            .build();

    private final String file;
    private final Format format;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Node> anchors = new HashMap<>();
    private final IdentityHashMap<Node, Long> expandedSizes = new IdentityHashMap<>();
    /** How many levels each node nests, with its aliases expanded (1 for a scalar). */
    private final IdentityHashMap<Node, Integer> heights = new IdentityHashMap<>();
    private int aliasCount;

    private DocumentReader(String file, Format format) {
        this.file = file;
        this.format = format;
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_CHARS);
        options.setAllowRecursiveKeys(false);
        // DocumentReader reports duplicate keys itself, at the key and aware of merge keys; SnakeYAML's own
        // check (which Jackson honours) would answer first, one column off and without saying where the first is.
        options.setAllowDuplicateKeys(true);
        return options;
    }

    /**
     * Reads a whole document.
     *
     * @param file    the file name to use in locations
     * @param content the document text
     * @param format  its format
     * @return the root node
     * @throws InvalidInputException with every problem found
     */
    static Node read(String file, String content, Format format) throws InvalidInputException {
        if (content.length() > MAX_CHARS) {
            throw new InvalidInputException(new SourceLocation(file, 1, 1), "the document has " + content.length()
                    + " characters; documents of more than " + MAX_CHARS + " characters are not read");
        }
        DocumentReader reader = new DocumentReader(file, format);
        Node root = reader.readDocument(content);
        if (!reader.problems.isEmpty()) {
            throw new InvalidInputException(reader.problems);
        }
        return root;
    }

    /** Whether text that starts like this is JSON rather than YAML. */
    static Format sniff(String fileName, String content) {
        if (fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return Format.JSON;
        }
        String trimmed = content.stripLeading();
        return trimmed.startsWith("{") ? Format.JSON : Format.YAML;
    }

    private Node readDocument(String content) {
        try (JsonParser parser = format == Format.YAML ? YAML.createParser(content) : JSON.createParser(content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Problem(new SourceLocation(file, 1, 1),
                        "the document is empty; expected a template, a mapping with at least a Resources section"));
                return null;
            }
            Node root = readValue(parser, 0);
            if (root != null && parser.nextToken() != null) {
                problems.add(new Problem(location(parser.currentTokenLocation()),
                        "a second document starts here; a template is exactly one YAML or JSON document"));
            }
            return root;
        } catch (TooLargeException e) {
            problems.add(new Problem(e.location, e.getMessage()));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(new Problem(location(e.getLocation()), syntaxMessage(e)));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(new SourceLocation(file, 1, 1), "the document cannot be read: " + e.getMessage()));
            return null;
        }
    }

    private Node readValue(JsonParser parser, int depth) throws IOException {
        SourceLocation location = location(parser.currentTokenLocation());
        if (depth > MAX_DEPTH) {
            throw new TooLargeException(location, "the document nests deeper than " + MAX_DEPTH
                    + " levels here; templates that deep are not read");
        }
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            return alias(parser.getText(), location, depth);
        }
        String anchor = parser instanceof AnchorParser yaml ? yaml.anchor() : null;
        String tag = parser instanceof YAMLParser yaml ? yaml.getTypeId() : null;
        JsonToken token = parser.currentToken();
        Node node;
        long size;
        int height = 1;
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, SourceLocation> keys = new LinkedHashMap<>();
            Set<String> merged = new HashSet<>();
            size = 1;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                SourceLocation keyLocation = location(parser.currentTokenLocation());
                if (key.length() > MAX_NAME_CHARS) {
                    throw new TooLargeException(keyLocation, "the key here has " + key.length()
                            + " characters; keys of more than " + MAX_NAME_CHARS + " characters are not read");
                }
                parser.nextToken();
                Node value = readValue(parser, depth + 1);
                size = addSize(size, value, keyLocation);
                height = Math.max(height, 1 + heights.getOrDefault(value, 1));
                if ("<<".equals(key) && format == Format.YAML) {
                    merge(entries, keys, merged, value, keyLocation);
                } else if (entries.containsKey(key) && !merged.remove(key)) {
                    problems.add(new Problem(keyLocation, "duplicate key '" + key + "'; it is already written at line "
                            + keys.get(key).line() + " and a key may appear only once in a mapping"));
                } else {
                    entries.put(key, value);
                    keys.put(key, keyLocation);
                }
            }
            node = new Node.Mapping(entries, keys, location);
        } else if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            size = 1;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                Node item = readValue(parser, depth + 1);
                size = addSize(size, item, location);
                height = Math.max(height, 1 + heights.getOrDefault(item, 1));
                items.add(item);
            }
            node = new Node.Sequence(items, location);
        } else {
            node = scalar(parser, token, location);
            size = 1;
        }
        expandedSizes.put(node, size);
        heights.put(node, height);
        if (tag != null) {
            node = applyTag(tag, node, location);
            expandedSizes.put(node, size + 1);
            heights.put(node, height + 1);
        }
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private Node scalar(JsonParser parser, JsonToken token, SourceLocation location) throws IOException {
        String text = parser.getText();
        Node.ScalarKind kind;
        switch (token) {
            case VALUE_NUMBER_INT -> kind = Node.ScalarKind.INTEGER;
            case VALUE_NUMBER_FLOAT -> kind = Node.ScalarKind.FLOAT;
            case VALUE_TRUE, VALUE_FALSE -> kind = Node.ScalarKind.BOOLEAN;
            case VALUE_NULL -> kind = Node.ScalarKind.NULL;
            case VALUE_STRING -> kind = Node.ScalarKind.STRING;
            default -> {
                problems.add(new Problem(location, "unexpected " + token.asString()
                        + " value; expected a string, number, boolean, list or mapping"));
                kind = Node.ScalarKind.STRING;
                text = text == null ? "" : text;
            }
        }
        if (kind == Node.ScalarKind.INTEGER || kind == Node.ScalarKind.FLOAT) {
            if (!isPlainNumber(text)) {
                // YAML 1.1 reads 012, 0x1F or 1_000 as numbers; CloudFormation keeps such text (account ids!)
                // as written, so we do too.
                kind = Node.ScalarKind.STRING;
            } else if (exponentTooLarge(text)) {
                problems.add(new Problem(location, "the number " + text + " is out of range; numbers with an exponent"
                        + " beyond " + MAX_NUMBER_CHARS + " are not read"));
                kind = Node.ScalarKind.STRING;
            }
        }
        return new Node.Scalar(text == null ? "" : text, kind, location);
    }

    private static boolean isPlainNumber(String text) {
        if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
            return false;
        }
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean exponentTooLarge(String text) {
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e < 0) {
            return false;
        }
        String exponent = text.substring(e + 1).replace("+", "").replace("-", "").replaceFirst("^0+(?=.)", "");
        return exponent.length() > 4 || Integer.parseInt(exponent) > MAX_NUMBER_CHARS;
    }

    private Node alias(String name, SourceLocation location, int depth) {
        if (++aliasCount > MAX_ALIASES) {
            throw new TooLargeException(location, "the document uses more than " + MAX_ALIASES
                    + " YAML aliases; documents with that many are not read");
        }
        Node target = anchors.get(name);
        if (target == null) {
            problems.add(new Problem(location, "alias *" + name + " refers to no anchor &" + name
                    + " defined before it"));
            return new Node.Scalar("", Node.ScalarKind.NULL, location);
        }
        if (depth + heights.getOrDefault(target, 1) - 1 > MAX_DEPTH) {
            // aliases nest without nesting the text; everything after reading recurses over the expanded tree
            throw new TooLargeException(location, "the document nests deeper than " + MAX_DEPTH + " levels here"
                    + " once alias *" + name + " is expanded; templates that deep are not read");
        }
        return target;
    }

    private long addSize(long size, Node child, SourceLocation location) {
        long total = size + expandedSizes.getOrDefault(child, 1L);
        if (total > MAX_EXPANDED_NODES) {
            throw new TooLargeException(location, "the document grows to more than " + MAX_EXPANDED_NODES
                    + " values once its YAML aliases are expanded (an alias bomb?); documents that large are not read");
        }
        return total;
    }

    /** YAML merge keys ({@code <<: *defaults}): keys written in the mapping itself win. */
    private void merge(Map<String, Node> entries, Map<String, SourceLocation> keys, Set<String> merged,
                       Node value, SourceLocation keyLocation) {
        List<Node> sources = value instanceof Node.Sequence seq ? seq.items() : List.of(value);
        for (Node source : sources) {
            if (source instanceof Node.Mapping mapping) {
                mapping.entries().forEach((k, v) -> {
                    if (!entries.containsKey(k)) {
                        merged.add(k);
                        entries.put(k, v);
                        keys.put(k, mapping.keyLocation(k));
                    }
                });
            } else {
                problems.add(new Problem(keyLocation, "a merge key '<<' takes a mapping or a list of mappings, not "
                        + Node.describe(source)));
            }
        }
    }

    private Node applyTag(String tag, Node node, SourceLocation location) {
        if (tag.startsWith(YAML_TAG_PREFIX)) {
            String standard = tag.substring(YAML_TAG_PREFIX.length());
            if ("str".equals(standard) && node instanceof Node.Scalar s) {
                return new Node.Scalar(s.text(), Node.ScalarKind.STRING, s.location());
            }
            if (Set.of("str", "int", "float", "bool", "null", "map", "seq").contains(standard)) {
                return node;
            }
            problems.add(new Problem(location, "the YAML tag !!" + standard
                    + " is not supported in templates; expected a plain value or an intrinsic function tag"));
            return node;
        }
        if ("Ref".equals(tag) || "Condition".equals(tag)) {
            return Node.Mapping.of(tag, node, location);
        }
        if (INTRINSIC_TAGS.contains(tag)) {
            return Node.Mapping.of("Fn::" + tag, node, location);
        }
        problems.add(new Problem(location, "unknown tag !" + tag
                + "; expected an intrinsic function tag: !Ref, !GetAtt, !Sub, !Join, !Select, !Split, !If, !Equals,"
                + " !And, !Or, !Not, !FindInMap, !ImportValue, !Base64, !GetAZs, !Cidr, !Condition or !Transform"));
        return node;
    }

    private SourceLocation location(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return new SourceLocation(file, 1, 1);
        }
        return new SourceLocation(file, location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    private static String syntaxMessage(JsonProcessingException e) {
        String original = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        StringBuilder kept = new StringBuilder();
        for (String line : original.split("\\R")) {
            String trimmed = line.strip();
            // SnakeYAML repeats the position and quotes the line with a caret; the location says that already.
            if (trimmed.isEmpty() || trimmed.startsWith("in 'reader'") || trimmed.startsWith("in 'string'")
                    || trimmed.equals("^") || line.startsWith("    ")) {
                continue;
            }
            if (kept.length() > 0) {
                kept.append("; ");
            }
            kept.append(trimmed);
        }
        String text = kept.length() == 0 ? original.strip() : kept.toString();
        // Jackson quotes positions as "at [Source: ...; line: 2, column: 16]", also inside its sentences
        // ("(for Object starting at [Source: ...])"): keep the position, drop the source.
        text = text.replaceAll("\\[Source: [^\\]]*; line: (\\d+), column: (\\d+)]", "line $1, column $2");
        int sourceMarker = text.indexOf(" at [Source:");
        if (sourceMarker > 0) {
            text = text.substring(0, sourceMarker);
        }
        return "the document is not well-formed: " + text;
    }

    /**
     * Jackson's YAMLParser reports the anchor of a mapping or sequence only ({@code getObjectId()} is null on
     * a scalar, even {@code &name value}); this one reports every node's anchor.
     */
    private static final class AnchorParser extends YAMLParser {
        AnchorParser(IOContext context, int parserFeatures, int yamlFeatures, LoaderOptions options, ObjectCodec codec,
                     Reader reader) {
            super(context, parserFeatures, yamlFeatures, options, codec, reader);
        }

        String anchor() {
            return _lastEvent instanceof NodeEvent node && !(node instanceof AliasEvent) ? node.getAnchor() : null;
        }
    }

    /** Creates {@link AnchorParser}s. */
    private static final class AnchorFactory extends YAMLFactory {
        private static final long serialVersionUID = 1L;

        AnchorFactory(YAMLFactoryBuilder builder) {
            super(builder);
        }

        @Override
        protected YAMLParser _createParser(Reader reader, IOContext context) {
            return new AnchorParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec, reader);
        }

        @Override
        protected YAMLParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable) {
            return new AnchorParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, _objectCodec,
                    new CharArrayReader(data, offset, length));
        }
    }

    /** Aborts reading at the first limit exceeded: nothing after it could be trusted anyway. */
    private static final class TooLargeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SourceLocation location;

        TooLargeException(SourceLocation location, String message) {
            super(message, null, false, false);
            this.location = location;
        }
    }
}
