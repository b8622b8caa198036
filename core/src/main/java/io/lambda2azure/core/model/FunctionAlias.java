package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;
import java.util.Optional;

/**
 * A named pointer to a published version of a function (SAM {@code AutoPublishAlias},
 * {@code AWS::Lambda::Alias}). Azure has deployment slots where the plan offers them.
 *
 * @param id                     the alias resource's logical id; for SAM's AutoPublishAlias the id SAM
 *                               generates, {@code <Function>Alias<name>}
 * @param name                   the alias name
 * @param provisionedConcurrency provisioned concurrency configured on the alias, if any
 * @param routing                weighted routing to another version, if any
 * @param location               where it is declared
 */
public record FunctionAlias(String id, Expr name, Optional<Expr> provisionedConcurrency, Optional<Expr> routing,
                            SourceLocation location) {

    public FunctionAlias {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(provisionedConcurrency, "provisionedConcurrency");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(location, "location");
    }
}
