package io.lambda2azure.core.azure;

import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;

/**
 * One application setting of a function app (an environment variable of the function).
 *
 * @param name   the setting's name
 * @param value  its value
 * @param source where the input sets it; {@link SourceLocation#UNKNOWN} for settings the host needs
 */
public record AppSetting(String name, Value value, SourceLocation source) {

    public AppSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }
}
