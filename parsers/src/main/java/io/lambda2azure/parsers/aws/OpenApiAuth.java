package io.lambda2azure.parsers.aws;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.HttpAuth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The authorization an API Gateway OpenAPI definition declares: its security schemes with API Gateway's
 * {@code x-amazon-apigateway-authorizer} and {@code x-amazon-apigateway-authtype} extensions
 * (docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-swagger-extensions-authorizer.html), and each
 * operation's {@code security}. Read over the model's values, so that a CloudFormation {@code Body} and a Terraform
 * {@code body = jsonencode(...)} mean the same. Shared by the readers; not part of the library's API.
 */
public final class OpenApiAuth {

    private OpenApiAuth() {
    }

    /**
     * How an operation is protected: its {@code security} (or the definition's), the first scheme that is not an API
     * key naming the authorizer, an API key scheme requiring a key; an empty requirement list means open.
     */
    public static Optional<HttpAuth> operation(Expr definition, Expr operation) {
        Expr security = entry(operation, "security").orElseGet(() -> entry(definition, "security").orElse(null));
        if (!(security instanceof Expr.ListExpr requirements)) {
            return Optional.empty();
        }
        if (requirements.items().isEmpty()) {
            return Optional.of(new HttpAuth(Optional.of(Expr.string("NONE")), Optional.empty(), Optional.empty(),
                    Optional.empty()));
        }
        Optional<Expr> type = Optional.empty();
        Optional<String> authorizer = Optional.empty();
        Optional<Expr> scopes = Optional.empty();
        Optional<Expr> apiKey = Optional.empty();
        for (Expr requirement : requirements.items()) {
            if (!(requirement instanceof Expr.MapExpr schemes)) {
                continue;
            }
            for (Map.Entry<String, Expr> scheme : schemes.entries().entrySet()) {
                Optional<Expr.MapExpr> declaration = scheme(definition, scheme.getKey());
                if (declaration.filter(OpenApiAuth::isApiKey).isPresent()) {
                    apiKey = Optional.of(new Expr.BooleanLiteral(true));
                    continue;
                }
                if (authorizer.isPresent()) {
                    continue;
                }
                authorizer = Optional.of(scheme.getKey());
                type = type(scheme.getKey(), declaration);
                if (scheme.getValue() instanceof Expr.ListExpr list && !list.items().isEmpty()) {
                    scopes = Optional.of(list);
                }
            }
        }
        if (authorizer.isEmpty() && apiKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HttpAuth(type, authorizer, scopes, apiKey));
    }

    /**
     * The authorizers of a definition's security schemes, by scheme name, in the shape of SAM's
     * {@code Auth.Authorizers} ({@link ApiAuth}).
     *
     * @param functionOf the function of the input a value (an authorizer URI) refers to
     */
    public static Map<String, Expr> authorizers(Expr definition, HttpApiKind kind,
                                                Function<Expr, Optional<String>> functionOf) {
        Map<String, Expr> authorizers = new LinkedHashMap<>();
        Map<String, Expr> schemes = new LinkedHashMap<>();
        entry(definition, "securityDefinitions").ifPresent(s -> schemes.putAll(entries(s)));
        entry(definition, "components").flatMap(c -> entry(c, "securitySchemes")).ifPresent(s -> schemes.putAll(entries(s)));
        schemes.forEach((name, scheme) -> {
            if (!(entry(scheme, "x-amazon-apigateway-authorizer").orElse(null) instanceof Expr.MapExpr authorizer)) {
                return;
            }
            String type = string(authorizer, "type").map(t -> t.toUpperCase(Locale.ROOT)).orElse("");
            Optional<Expr> function = entry(authorizer, "authorizerUri").map(uri -> functionOf.apply(uri)
                    .<Expr>map(f -> new Expr.AttributeRef(f, "Arn")).orElse(uri));
            Optional<Expr> ttl = entry(authorizer, "authorizerResultTtlInSeconds");
            // A token or Cognito authorizer may give its header as the apiKey scheme's name instead.
            Optional<Expr> source = entry(authorizer, "identitySource").or(() -> string(scheme, "in")
                    .filter("header"::equals).flatMap(h -> string(scheme, "name"))
                    .map(header -> Expr.string((kind == HttpApiKind.HTTP_API ? "$request.header." : "method.request.header.")
                            + header)));
            if (type.equals("JWT") || kind == HttpApiKind.HTTP_API) {
                Optional<Expr> jwt = entry(authorizer, "jwtConfiguration");
                authorizers.put(name, ApiAuth.httpAuthorizer(Optional.of(Expr.string(type)), source,
                        jwt.flatMap(j -> entry(j, "issuer")), jwt.flatMap(j -> entry(j, "audience")), function,
                        entry(authorizer, "authorizerPayloadFormatVersion"),
                        entry(authorizer, "enableSimpleResponses"), ttl));
            } else {
                authorizers.put(name, ApiAuth.restAuthorizer(Optional.of(Expr.string(type)), source,
                        entry(authorizer, "providerARNs"), function, ttl,
                        entry(authorizer, "identityValidationExpression")));
            }
        });
        return authorizers;
    }

    /** An API key requirement: an {@code apiKey} scheme that is not a Lambda or Cognito authorizer. */
    private static boolean isApiKey(Expr.MapExpr scheme) {
        return string(scheme, "type").filter("apiKey"::equals).isPresent()
                && !scheme.entries().containsKey("x-amazon-apigateway-authorizer")
                && !scheme.entries().containsKey("x-amazon-apigateway-authtype");
    }

    private static Optional<Expr> type(String name, Optional<Expr.MapExpr> scheme) {
        String type = null;
        if (scheme.isPresent()) {
            String authType = string(scheme.get(), "x-amazon-apigateway-authtype").orElse("");
            String authorizerType = entry(scheme.get(), "x-amazon-apigateway-authorizer")
                    .flatMap(a -> string(a, "type")).orElse("");
            if ("cognito_user_pools".equalsIgnoreCase(authType) || "cognito_user_pools".equalsIgnoreCase(authorizerType)) {
                type = "COGNITO_USER_POOLS";
            } else if ("awsSigv4".equalsIgnoreCase(authType)) {
                type = "AWS_IAM";
            } else if ("jwt".equalsIgnoreCase(authorizerType)) {
                type = "JWT";
            } else if ("custom".equalsIgnoreCase(authType) || "token".equalsIgnoreCase(authorizerType)
                    || "request".equalsIgnoreCase(authorizerType)) {
                type = "CUSTOM";
            }
        } else if ("AWS_IAM".equals(name)) {
            type = "AWS_IAM";
        }
        return Optional.ofNullable(type).map(Expr::string);
    }

    /** A scheme of the definition: Swagger's {@code securityDefinitions} or OpenAPI 3's {@code securitySchemes}. */
    private static Optional<Expr.MapExpr> scheme(Expr definition, String name) {
        Optional<Expr> scheme = entry(definition, "securityDefinitions").flatMap(s -> entry(s, name))
                .or(() -> entry(definition, "components").flatMap(c -> entry(c, "securitySchemes"))
                        .flatMap(s -> entry(s, name)));
        return scheme.filter(Expr.MapExpr.class::isInstance).map(Expr.MapExpr.class::cast);
    }

    private static Map<String, Expr> entries(Expr map) {
        return map instanceof Expr.MapExpr m ? m.entries() : Map.of();
    }

    private static Optional<Expr> entry(Expr map, String key) {
        return Optional.ofNullable(entries(map).get(key));
    }

    private static Optional<String> string(Expr map, String key) {
        return entry(map, key).flatMap(Expr::asString);
    }
}
