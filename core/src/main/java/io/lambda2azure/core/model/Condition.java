package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;

/**
 * A named boolean condition that resources and {@code Fn::If} refer to. It stays symbolic: Bicep gets
 * {@code if (...)} on the resource, Terraform a {@code count}.
 *
 * @param name       the condition's name
 * @param expression its value ({@code Equals}, {@code And}, {@code Or}, {@code Not}, references to other
 *                   conditions)
 * @param location   where it is declared
 */
public record Condition(String name, Expr expression, SourceLocation location) {

    public Condition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(location, "location");
    }
}
