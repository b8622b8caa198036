package io.lambda2azure.core.source;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one exception every reader throws for bad input. It carries every problem found, not only the
 * first, each with its file, line and column, so that a user can fix a template in one pass.
 */
public final class InvalidInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * @param problems the problems found, at least one; they are kept in source order
     */
    public InvalidInputException(List<Problem> problems) {
        super(describe(inOrder(problems)));
        this.problems = inOrder(problems);
    }

    private static List<Problem> inOrder(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInputException needs at least one problem");
        }
        return problems.stream().sorted().distinct().toList();
    }

    /** Convenience for a single problem. */
    public InvalidInputException(SourceLocation location, String message) {
        this(List.of(new Problem(location, message)));
    }

    /** Every problem found, in source order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        String count = problems.size() == 1 ? "1 problem" : problems.size() + " problems";
        return problems.stream().map(Problem::toString)
                .collect(Collectors.joining(System.lineSeparator(), count + " in the input:" + System.lineSeparator(), ""));
    }
}
