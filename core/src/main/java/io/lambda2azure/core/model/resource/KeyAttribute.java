package io.lambda2azure.core.model.resource;

import io.lambda2azure.core.expr.Expr;

import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a table's primary key.
 *
 * @param name    the attribute name
 * @param keyType {@code HASH} (partition key) or {@code RANGE} (sort key)
 * @param type    the attribute type ({@code S}, {@code N}, {@code B}), if declared
 */
public record KeyAttribute(Expr name, String keyType, Optional<Expr> type) {

    public KeyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(type, "type");
    }
}
