package io.lambda2azure.core.model;

import io.lambda2azure.core.source.SourceLocation;

import java.util.List;
import java.util.Objects;

/**
 * A resource or construct of the input that the model does not represent. It is kept, never dropped,
 * so that later stages report it as a deviation at its location.
 *
 * @param logicalId         the resource's id (or the construct's key, such as {@code Fn::ForEach::Topics})
 * @param type              the resource type as written (or the construct's name)
 * @param reason            why it is not modelled
 * @param nestedFunctionIds function resources declared inside the construct (for example in a
 *                          {@code Fn::ForEach} body) that are therefore not in the model either
 * @param location          where it is declared
 */
public record UnsupportedResource(String logicalId, String type, String reason, List<String> nestedFunctionIds,
                                  SourceLocation location) {

    public UnsupportedResource {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
        nestedFunctionIds = List.copyOf(nestedFunctionIds);
        Objects.requireNonNull(location, "location");
    }
}
