package io.lambda2azure.parsers.cloudformation;

import java.util.stream.Collectors;

/** Renders a node back to compact JSON text, to quote what the input wrote. */
final class NodeText {

    private NodeText() {
    }

    static String render(Node node) {
        if (node instanceof Node.Scalar s) {
            return switch (s.kind()) {
                case STRING -> quote(s.text());
                case NULL -> "null";
                default -> s.text();
            };
        }
        if (node instanceof Node.Sequence seq) {
            return seq.items().stream().map(NodeText::render).collect(Collectors.joining(", ", "[", "]"));
        }
        Node.Mapping map = (Node.Mapping) node;
        return map.entries().entrySet().stream().map(e -> quote(e.getKey()) + ": " + render(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
