package io.lambda2azure.parsers.terraform;

import java.util.Locale;

/**
 * The names the model gives to what a configuration declares. Terraform names are snake_case and scoped by
 * type ({@code aws_sqs_queue.orders}); the model's logical ids are flat, CloudFormation-style UpperCamel
 * names, so that the same application written in SAM and in Terraform gives the same ids (and therefore the
 * same Azure symbols): {@code create_order_function} becomes {@code CreateOrderFunction}. Variables and
 * outputs are named the same way.
 */
final class Ids {

    private Ids() {
    }

    /**
     * {@code orders_queue} → {@code OrdersQueue}, {@code image-resize.v2} → {@code ImageResizeV2}: the
     * parts between characters other than letters and digits, each with its first letter upper-cased and
     * the rest kept as written ({@code myAPI} → {@code MyAPI}). A name without letters or digits gives
     * {@code X}.
     */
    static String upperCamel(String name) {
        StringBuilder id = new StringBuilder(name.length());
        boolean start = true;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128 && Character.isLetterOrDigit(cp)) {
                id.appendCodePoint(start ? Character.toUpperCase(cp) : cp);
                start = false;
            } else {
                start = true;
            }
        }
        return id.isEmpty() ? "X" : id.toString();
    }

    /** {@code aws_lambda_function} → {@code LambdaFunction}: the suffix that tells ids of equal names apart. */
    static String typeSuffix(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return upperCamel(t.startsWith("aws_") ? t.substring(4) : t);
    }
}
