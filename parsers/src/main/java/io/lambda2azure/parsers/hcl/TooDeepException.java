package io.lambda2azure.parsers.hcl;

/**
 * Thrown from inside the lexer, parser or tree builder when input nests deeper than the reader allows; the
 * reader turns it into a located problem. Unchecked because it must cross ANTLR's generated code.
 */
final class TooDeepException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int line;
    final int column;

    /** The one message for an expression too deep, whichever stage finds it. */
    static String expression(int maxDepth) {
        return "the expression nests deeper than " + maxDepth + " levels here (brackets, operators, conditionals,"
                + " templates and splats all count); expressions that deep are not read";
    }

    TooDeepException(int line, int column, String message) {
        super(message, null, false, false);
        this.line = line;
        this.column = column;
    }
}
