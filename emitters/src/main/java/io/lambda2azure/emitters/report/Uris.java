package io.lambda2azure.emitters.report;

import java.nio.charset.StandardCharsets;

/** Input file names as URI references, for Markdown links and SARIF artifact locations. */
final class Uris {

    private Uris() {
    }

    /**
     * Whether the file was given as an absolute path ({@code /home/me/template.yaml},
     * {@code C:\work\template.yaml}, {@code \\server\share\template.yaml}).
     */
    static boolean isAbsolute(String file) {
        String s = file.replace('\\', '/');
        return s.startsWith("/") || s.matches("[A-Za-z]:/.*");
    }

    /**
     * The file as a URI reference: forward slashes, a leading {@code ./} dropped, and every character
     * outside the unreserved set and {@code /} percent-encoded as UTF-8 ({@code my dir/t.yaml} →
     * {@code my%20dir/t.yaml}). A relative file stays relative; an absolute one becomes a {@code file:} URI.
     */
    static String path(String file) {
        String s = file.replace('\\', '/');
        if (s.matches("[A-Za-z]:/.*")) {
            return "file:///" + s.substring(0, 2) + encode(s.substring(2));
        }
        if (s.startsWith("//")) {
            return "file:" + encode(s);
        }
        if (s.startsWith("/")) {
            return "file://" + encode(s);
        }
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        return encode(s);
    }

    private static String encode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
