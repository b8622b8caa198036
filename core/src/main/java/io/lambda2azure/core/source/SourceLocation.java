package io.lambda2azure.core.source;

import java.util.Objects;

/**
 * A position in an input file: the file as the user named it, a 1-based line and a 1-based column.
 *
 * <p>Every element of the neutral model carries one, so that a deviation, an error or a report row can
 * point the user at the exact place in their own template.
 *
 * @param file   the file as given by the user (relative paths stay relative, so output is portable)
 * @param line   1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    /** Placeholder for elements that have no position in any input (for example, generated defaults). */
    public static final SourceLocation UNKNOWN = new SourceLocation("", 0, 0);

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must not be negative");
        }
    }

    /** Whether this location points at a line of a file. */
    public boolean isKnown() {
        return line > 0;
    }

    /** {@code file:line:column}, the form compilers and editors understand. */
    @Override
    public String toString() {
        if (!isKnown()) {
            return file.isEmpty() ? "<unknown>" : file;
        }
        return file + ":" + line + ":" + column;
    }

    @Override
    public int compareTo(SourceLocation other) {
        int byFile = file.compareTo(other.file);
        if (byFile != 0) {
            return byFile;
        }
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }
}
