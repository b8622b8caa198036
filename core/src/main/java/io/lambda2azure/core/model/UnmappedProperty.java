package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;

/**
 * A property of a modelled resource that the model has no place for. Recording it, instead of
 * dropping it, is how the model guarantees that nothing is lost silently: every one becomes a deviation.
 *
 * @param resourceId   the logical id of the resource it belongs to
 * @param resourceType the resource's type as written
 * @param path         the property path below {@code Properties}, dot-separated
 *                     (for example {@code SnapStart} or {@code Events.Upload.Properties.Foo})
 * @param value        the value as written
 * @param location     where the property is written
 */
public record UnmappedProperty(String resourceId, String resourceType, String path, Expr value,
                               SourceLocation location) {

    public UnmappedProperty {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
