package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;
import java.util.Optional;

/**
 * A value the application exports to its users or to other stacks.
 *
 * @param name        the output's name
 * @param value       its value
 * @param description its description, if any
 * @param exportName  the cross-stack export name, if any
 * @param condition   the condition it depends on, if any
 * @param location    where it is declared
 */
public record Output(String name, Expr value, Optional<String> description, Optional<Expr> exportName,
                     Optional<String> condition, SourceLocation location) {

    public Output {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(exportName, "exportName");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(location, "location");
    }
}
