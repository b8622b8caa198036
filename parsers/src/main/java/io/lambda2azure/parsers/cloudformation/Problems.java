package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one template so that all of them are reported together. */
final class Problems {

    private final List<Problem> found = new ArrayList<>();

    void add(SourceLocation location, String message) {
        found.add(new Problem(location, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() throws InvalidInputException {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
