package io.lambda2azure.core.azure;

import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;
import java.util.Optional;

/**
 * A value the deployment returns.
 *
 * @param name        the name, valid in both languages
 * @param type        its type
 * @param value       its value
 * @param description the description, if any
 * @param source      where the input declares it
 */
public record AzureOutput(String name, AzureParameter.ParamType type, Value value, Optional<String> description,
                          SourceLocation source) {

    public AzureOutput {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
    }
}
