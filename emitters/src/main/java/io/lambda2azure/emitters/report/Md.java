package io.lambda2azure.emitters.report;

import io.lambda2azure.core.source.SourceLocation;

/**
 * GitHub Flavored Markdown text for table cells: everything here is safe inside a {@code | ... |} row and
 * on one line. Text from the input (messages, values) is escaped so that it renders as written; catalog
 * text may use code spans, which are kept.
 */
final class Md {

    private Md() {
    }

    /**
     * Plain text: every character Markdown would interpret is escaped, line breaks become spaces.
     * {@code $} is escaped too, since GitHub renders {@code $...$} as math.
     */
    static String plain(String text) {
        String s = oneLine(text);
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '[', ']', '<', '>', '|', '~', '$' -> out.append('\\').append(c);
                case '_' -> {
                    // Intraword underscores (TABLE_NAME) never start emphasis; others may.
                    boolean intraword = i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1))
                            && Character.isLetterOrDigit(s.charAt(i + 1));
                    out.append(intraword ? "_" : "\\_");
                }
                case '&' -> out.append(i + 1 < s.length() && (Character.isLetter(s.charAt(i + 1))
                        || s.charAt(i + 1) == '#') ? "\\&" : "&");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Text written for Markdown (the catalog's impact and mitigation): code spans ({@code `...`}) are kept
     * as they are, the rest is escaped like {@link #plain}.
     */
    static String text(String text) {
        String s = oneLine(text);
        StringBuilder out = new StringBuilder(s.length() + 8);
        int i = 0;
        int plainStart = 0;
        while (i < s.length()) {
            if (s.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = runLength(s, i);
            int close = findRun(s, i + run, run);
            if (close < 0) {
                i += run;
                continue;
            }
            out.append(plain(s.substring(plainStart, i)));
            out.append(s.substring(i, close + run).replace("|", "\\|"));
            i = close + run;
            plainStart = i;
        }
        out.append(plain(s.substring(plainStart)));
        return out.toString();
    }

    /** A code span with the text as written; pipes are escaped (GitHub unescapes them inside tables). */
    static String code(String text) {
        String s = oneLine(text).replace("|", "\\|");
        if (s.isEmpty()) {
            return "\"\"";
        }
        int longest = 0;
        for (int i = 0; i < s.length(); ) {
            if (s.charAt(i) == '`') {
                int run = runLength(s, i);
                longest = Math.max(longest, run);
                i += run;
            } else {
                i++;
            }
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = s.startsWith("`") || s.endsWith("`") || (s.startsWith(" ") && s.endsWith(" "));
        return fence + (pad ? " " : "") + s + (pad ? " " : "") + fence;
    }

    /** A link with plain text. */
    static String link(String text, String url) {
        return "[" + plain(text) + "](" + url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                .replace("|", "%7C").replace("<", "%3C").replace(">", "%3E") + ")";
    }

    /**
     * A link to a source location, relative to the report as the file was given:
     * {@code [template.yaml:12:5](template.yaml#L12)}; the file alone when the line is unknown, empty when
     * the location names no file.
     */
    static String source(SourceLocation location) {
        if (location.file().isEmpty()) {
            return "";
        }
        String target = Uris.path(location.file()) + (location.isKnown() ? "#L" + location.line() : "");
        return link(location.toString(), target);
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    private static int runLength(String s, int start) {
        int end = start;
        while (end < s.length() && s.charAt(end) == '`') {
            end++;
        }
        return end - start;
    }

    /** The start of the next backtick run of exactly that length at or after {@code from}, or -1. */
    private static int findRun(String s, int from, int length) {
        int i = from;
        while (i < s.length()) {
            if (s.charAt(i) == '`') {
                int run = runLength(s, i);
                if (run == length) {
                    return i;
                }
                i += run;
            } else {
                i++;
            }
        }
        return -1;
    }
}
