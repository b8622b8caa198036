package io.lambda2azure.core.plan;

import io.lambda2azure.core.expr.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The CORS settings of an API as SAM and API Gateway write them: a REST API's {@code Cors} (a quoted origin, or
 * {@code AllowOrigin}, {@code AllowMethods}, {@code AllowHeaders} and {@code AllowCredentials} whose values are
 * quoted, comma-separated header values such as {@code "'GET,POST'"}), an HTTP API's {@code CorsConfiguration}
 * (lists {@code AllowOrigins}, {@code AllowMethods}, {@code AllowHeaders}; {@code true} names no origin) and a
 * function URL's {@code Cors} ({@code AllowOrigins} ...).
 *
 * @param origins     the allowed origins as written (REST API literals still quoted, see {@link #unquote}); empty
 *                    when the API sets none
 * @param methods     the allowed methods, when all are literal; empty for any
 * @param headers     the allowed request headers, when all are literal; empty for any
 * @param credentials whether browsers may send credentials
 */
record CorsRules(List<Expr> origins, List<String> methods, List<String> headers, boolean credentials) {

    CorsRules {
        origins = List.copyOf(origins);
        methods = List.copyOf(methods);
        headers = List.copyOf(headers);
    }

    /** The rules a CORS setting writes. */
    static CorsRules of(Expr cors) {
        if (cors instanceof Expr.StringLiteral) {
            return new CorsRules(List.of(cors), List.of(), List.of(), false); // SAM's shorthand: Cors: "'https://x.com'"
        }
        if (!(cors instanceof Expr.MapExpr m)) {
            return new CorsRules(List.of(), List.of(), List.of(), false);
        }
        Optional<Expr> allowed = Optional.ofNullable(m.entries().getOrDefault("AllowOrigin",
                m.entries().getOrDefault("AllowOrigins", m.entries().get("AllowedOrigins"))));
        List<Expr> origins = new ArrayList<>();
        allowed.ifPresent(a -> (a instanceof Expr.ListExpr l ? l.items() : List.of(a))
                .forEach(origins::add));
        boolean credentials = Optional.ofNullable(m.entries().get("AllowCredentials"))
                .filter(c -> AzurePlanner.isTrue(unquote(c))).isPresent();
        return new CorsRules(origins, literals(m.entries().get("AllowMethods"), true),
                literals(m.entries().get("AllowHeaders"), false), credentials);
    }

    /** The items of a list, or of a quoted comma-separated value; empty when any part is symbolic or a wildcard. */
    private static List<String> literals(Expr value, boolean upperCase) {
        if (value == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (Expr item : value instanceof Expr.ListExpr l ? l.items() : List.of(value)) {
            Optional<String> text = unquote(item).asString();
            if (text.isEmpty()) {
                return List.of();
            }
            for (String part : text.get().split(",")) {
                String clean = part.strip();
                if (clean.equals("*")) {
                    return List.of();
                }
                if (!clean.isEmpty()) {
                    items.add(upperCase ? clean.toUpperCase(Locale.ROOT) : clean);
                }
            }
        }
        return items;
    }

    /** SAM quotes REST API values ({@code "'*'"}), as API Gateway header values are quoted. */
    static Expr unquote(Expr value) {
        return value.asString().<Expr>map(s -> Expr.string(s.replaceAll("^'(.*)'$", "$1"))).orElse(value);
    }
}
