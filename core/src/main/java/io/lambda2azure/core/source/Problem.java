package io.lambda2azure.core.source;

import java.util.Objects;

/**
 * One thing wrong with the input, at one place: what was found and what was expected.
 *
 * @param location where the problem is
 * @param message  a sentence that says what is wrong and what was expected there
 */
public record Problem(SourceLocation location, String message) implements Comparable<Problem> {

    public Problem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column: message}. */
    @Override
    public String toString() {
        return location + ": " + message;
    }

    @Override
    public int compareTo(Problem other) {
        int byLocation = location.compareTo(other.location);
        return byLocation != 0 ? byLocation : message.compareTo(other.message);
    }
}
