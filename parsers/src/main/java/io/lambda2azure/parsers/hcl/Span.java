package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;

/**
 * Where a node of the syntax tree was written: its first character's location and the range of source text
 * it covers. The text is not copied for each node: it is cut from the file's text on demand, so that deep
 * trees do not hold their text many times over.
 */
public final class Span {

    private final SourceLocation start;
    private final String source;
    private final int startOffset;
    private final int endOffset;

    Span(SourceLocation start, String source, int startOffset, int endOffset) {
        this.start = Objects.requireNonNull(start, "start");
        this.source = Objects.requireNonNull(source, "source");
        if (startOffset < 0 || endOffset < startOffset || endOffset > source.length()) {
            throw new IllegalArgumentException("bad span " + startOffset + ".." + endOffset);
        }
        this.startOffset = startOffset;
        this.endOffset = endOffset;
    }

    /** From the start of {@code first} to the end of {@code last}. */
    static Span covering(Span first, Span last) {
        return new Span(first.start, first.source, first.startOffset, Math.max(first.startOffset, last.endOffset));
    }

    /** The file, line and column of the first character. */
    public SourceLocation start() {
        return start;
    }

    /** Offset of the first character in the file's text (UTF-16 units, as {@link String} counts). */
    public int startOffset() {
        return startOffset;
    }

    /** Offset just past the last character. */
    public int endOffset() {
        return endOffset;
    }

    /** The source text exactly as written, comments and line breaks included. */
    public String text() {
        return source.substring(startOffset, endOffset);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Span span && start.equals(span.start) && startOffset == span.startOffset
                && endOffset == span.endOffset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, startOffset, endOffset);
    }

    /** {@code file:line:column}. */
    @Override
    public String toString() {
        return start.toString();
    }
}
