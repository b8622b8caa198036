package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one file so that all of them are reported together. */
final class Problems {

    private final String file;
    private final List<Problem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    SourceLocation at(int line, int column) {
        return new SourceLocation(file, Math.max(line, 0), Math.max(column, 0));
    }

    void add(int line, int column, String message) {
        found.add(new Problem(at(line, column), message));
    }

    void add(SourceLocation location, String message) {
        found.add(new Problem(location, message));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwIfAny() throws InvalidInputException {
        if (!found.isEmpty()) {
            throw exception();
        }
    }

    /** The problems found so far, at least one, as the exception to throw. */
    InvalidInputException exception() {
        return new InvalidInputException(found);
    }
}
