package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.source.SourceLocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of a YAML or JSON document with the position it was written at. Short-form tags
 * ({@code !Ref x}) are already turned into their long form ({@code {Ref: x}}) by {@link DocumentReader},
 * so that everything after reading handles one shape only.
 */
sealed interface Node {

    SourceLocation location();

    /** The kind of a scalar, as YAML's core schema or JSON resolved it. */
    enum ScalarKind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    /**
     * A scalar.
     *
     * @param text the scalar's text as written (without quotes)
     */
    record Scalar(String text, ScalarKind kind, SourceLocation location) implements Node {
        boolean isNull() {
            return kind == ScalarKind.NULL;
        }
    }

    /** A sequence. */
    record Sequence(List<Node> items, SourceLocation location) implements Node {
        public Sequence {
            items = Collections.unmodifiableList(items);
        }
    }

    /**
     * A mapping with string keys in document order.
     *
     * @param keyLocations where each key is written
     */
    record Mapping(Map<String, Node> entries, Map<String, SourceLocation> keyLocations, SourceLocation location)
            implements Node {
        public Mapping {
            entries = Collections.unmodifiableMap(entries);
            keyLocations = Collections.unmodifiableMap(keyLocations);
        }

        static Mapping of(String key, Node value, SourceLocation location) {
            Map<String, Node> entries = new LinkedHashMap<>();
            entries.put(key, value);
            return new Mapping(entries, Map.of(key, location), location);
        }

        Node get(String key) {
            return entries.get(key);
        }

        SourceLocation keyLocation(String key) {
            return keyLocations.getOrDefault(key, location);
        }

        /** The only key, when this mapping has exactly one (the shape of every intrinsic function). */
        String singleKey() {
            return entries.size() == 1 ? entries.keySet().iterator().next() : null;
        }
    }

    /** What a node is, in words, for error messages. */
    static String describe(Node node) {
        if (node instanceof Scalar s) {
            return s.isNull() ? "null" : "a scalar";
        }
        return node instanceof Sequence ? "a list" : "a mapping";
    }
}
