package io.lambda2azure.emitters.bicep;

import java.util.Objects;

/**
 * One {@code //} comment line of the syntax tree, written above the declaration, property or array item that
 * owns it. A comment is one line: the printer turns line breaks in the text into spaces.
 */
record Comment(String text) {

    Comment {
        Objects.requireNonNull(text, "text");
    }
}
