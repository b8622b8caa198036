package io.lambda2azure.parsers.terraform;

/** Short forms of source text for messages. */
final class TreeText {

    private TreeText() {
    }

    /** One line of at most 60 characters. */
    static String abbreviate(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }
}
