package io.lambda2azure.core.model.event;

import io.lambda2azure.core.expr.Expr;

import java.util.Objects;
import java.util.Optional;

/**
 * How an HTTP route is protected.
 *
 * @param type            the authorization type when stated ({@code AWS_IAM}, {@code NONE},
 *                        {@code COGNITO_USER_POOLS}, {@code JWT}, {@code CUSTOM})
 * @param authorizer      the name of the authorizer, if any
 * @param scopes          the required OAuth scopes, if any
 * @param apiKeyRequired  whether an API key is required, if stated
 */
public record HttpAuth(Optional<Expr> type, Optional<String> authorizer, Optional<Expr> scopes,
                       Optional<Expr> apiKeyRequired) {

    public HttpAuth {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(scopes, "scopes");
        Objects.requireNonNull(apiKeyRequired, "apiKeyRequired");
    }
}
