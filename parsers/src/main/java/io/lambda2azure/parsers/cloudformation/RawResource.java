package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.source.SourceLocation;

import java.util.Optional;

/**
 * One entry of a template's {@code Resources} before it is read: its id, type, condition and properties.
 *
 * @param properties the {@code Properties} mapping, empty when the resource has none
 * @param attributes the whole resource entry (Type, Properties, Condition, IgnoreGlobals, ...)
 */
record RawResource(String logicalId, String type, Optional<String> condition, Node.Mapping properties,
                   Node.Mapping attributes, SourceLocation location) {
}
