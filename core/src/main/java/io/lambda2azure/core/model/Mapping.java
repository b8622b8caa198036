package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A two-level lookup table ({@code Mappings} in CloudFormation) that {@code Fn::FindInMap} reads.
 *
 * @param name     the mapping's name
 * @param entries  top-level key to second-level key to value, in input order
 * @param location where it is declared
 */
public record Mapping(String name, Map<String, Map<String, Expr>> entries, SourceLocation location) {

    public Mapping {
        Objects.requireNonNull(name, "name");
        LinkedHashMap<String, Map<String, Expr>> copy = new LinkedHashMap<>();
        entries.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        entries = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(location, "location");
    }
}
