package io.lambda2azure.emitters.report;

import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.expr.Expr;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Short, stable renderings of input expressions and Azure values for report cells. */
final class Texts {

    /** Longest value shown in a cell before it is shortened with an ellipsis. */
    static final int MAX_VALUE = 60;

    private Texts() {
    }

    /** An input value: a literal as written, anything else in the compact CloudFormation-like notation. */
    static String expr(Expr expr) {
        if (expr instanceof Expr.StringLiteral s) {
            return s.value();
        }
        if (expr instanceof Expr.NumberLiteral n) {
            return n.value().toPlainString();
        }
        return expr.toString();
    }

    /** {@link #expr} shortened to {@link #MAX_VALUE} characters. */
    static String shortExpr(Expr expr) {
        return shorten(expr(expr));
    }

    static String shorten(String text) {
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 1) + "…";
    }

    /**
     * An Azure value in a neutral notation close to Bicep: literals as written, parameters and named values
     * by name, {@code symbol.attribute} for resource properties, {@code ${...}} inside interpolations.
     */
    static String value(Value value) {
        return value(value, true);
    }

    private static String value(Value value, boolean top) {
        if (value instanceof Value.Text t) {
            return top ? t.value() : "'" + t.value() + "'";
        }
        if (value instanceof Value.Number n) {
            return n.value().toPlainString();
        }
        if (value instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        if (value instanceof Value.Null) {
            return "null";
        }
        if (value instanceof Value.Array a) {
            return a.items().stream().map(v -> value(v, false)).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Value.Obj o) {
            return o.entries().entrySet().stream().map(e -> e.getKey() + ": " + value(e.getValue(), false))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Value.Param p) {
            return p.name();
        }
        if (value instanceof Value.Variable v) {
            return v.name();
        }
        if (value instanceof Value.ResourceProperty r) {
            return r.resource() + "." + camel(r.attribute().name());
        }
        if (value instanceof Value.Context c) {
            return camel(c.value().name());
        }
        if (value instanceof Value.Interpolation i) {
            StringBuilder out = new StringBuilder();
            for (Value part : i.parts()) {
                if (part instanceof Value.Text t) {
                    out.append(t.value());
                } else {
                    out.append("${").append(value(part, false)).append('}');
                }
            }
            return top ? out.toString() : "'" + out + "'";
        }
        if (value instanceof Value.Conditional c) {
            return value(c.condition(), false) + " ? " + value(c.whenTrue(), false) + " : "
                    + value(c.whenFalse(), false);
        }
        if (value instanceof Value.Call c) {
            return camel(c.function().name()) + c.arguments().stream().map(v -> value(v, false))
                    .collect(Collectors.joining(", ", "(", ")"));
        }
        throw new IllegalArgumentException("unknown value " + value);
    }

    /** {@code PRINCIPAL_ID} → {@code principalId}. */
    static String camel(String constant) {
        String[] words = constant.toLowerCase(Locale.ROOT).split("_");
        StringBuilder out = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            if (!words[i].isEmpty()) {
                out.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
        }
        return out.toString();
    }

    /**
     * PascalCase of a title, for SARIF rule names: apostrophes dropped, every other non-alphanumeric
     * character separates words, each word's first letter upper-cased and the rest kept
     * ({@code Timeout above the plan's maximum} → {@code TimeoutAboveThePlansMaximum}).
     */
    static String pascal(String title) {
        StringBuilder out = new StringBuilder();
        for (String word : title.replace("'", "").replace("’", "").split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    /** What a severity means, for the report's legend. */
    static String meaning(Severity severity) {
        return switch (severity) {
            case BLOCKER -> "not carried over: the migrated application will not behave the same until someone acts";
            case WARNING -> "carried over partly: review it and maybe act";
            case INFO -> "carried over, but differently: worth knowing, nothing to do";
        };
    }

    /** {@code 1 layer}, {@code 2 layers}. */
    static String count(int n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** Seconds as host.json's {@code hh:mm:ss}. */
    static String duration(int seconds) {
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    static <K, V> String settings(Map<K, V> settings) {
        return settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
