package io.lambda2azure.parsers.hcl;

import java.util.List;
import java.util.Objects;

/**
 * {@code type "label" label { body }}.
 *
 * @param type   the block type ({@code resource}, {@code variable}, ...)
 * @param labels the labels, quoted or not, in order
 * @param body   the content between the braces
 * @param span   from the type to the closing brace
 */
public record Block(String type, List<Label> labels, Body body, Span span) implements BodyItem {

    public Block {
        Objects.requireNonNull(type, "type");
        labels = List.copyOf(labels);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(span, "span");
    }

    /** The labels' values, in order. */
    public List<String> labelValues() {
        return labels.stream().map(Label::value).toList();
    }

    /**
     * A block label.
     *
     * @param value  the label, escapes decoded when it was quoted
     * @param quoted whether it was written as a string ({@code "aws_lambda_function"}) or a bare name
     * @param span   where it was written, quotes included
     */
    public record Label(String value, boolean quoted, Span span) {

        public Label {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(span, "span");
        }
    }
}
