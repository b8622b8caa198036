package io.lambda2azure.core.azure;

import io.lambda2azure.core.source.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deployment parameter: a Bicep {@code param}, a Terraform {@code variable}.
 *
 * @param name          the name, valid in both languages
 * @param type          its type
 * @param defaultValue  the default, if any
 * @param allowedValues the allowed values, empty for any
 * @param description   the description, if any
 * @param secure        whether the value is secret ({@code @secure()}, {@code sensitive = true})
 * @param source        where the input declares what it comes from
 */
public record AzureParameter(String name, ParamType type, Optional<Value> defaultValue, List<Value> allowedValues,
                             Optional<String> description, boolean secure, SourceLocation source) {

    public AzureParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        allowedValues = List.copyOf(allowedValues);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
    }

    /** The types a parameter can have in both languages. */
    public enum ParamType { STRING, INT, BOOL, ARRAY, OBJECT }
}
