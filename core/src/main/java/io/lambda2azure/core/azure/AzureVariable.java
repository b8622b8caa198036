package io.lambda2azure.core.azure;

import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;

/**
 * A named value (a Bicep {@code var}, a Terraform {@code locals} entry): a condition that resources are
 * deployed under, or a lookup table from the input's mappings.
 *
 * @param name       the name, valid in both languages
 * @param expression its value
 * @param source     where the input declares it
 */
public record AzureVariable(String name, Value expression, SourceLocation source) {

    public AzureVariable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(source, "source");
    }
}
