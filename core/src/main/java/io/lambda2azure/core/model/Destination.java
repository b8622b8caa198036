package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a result or a failed event goes: a queue, topic, function or event bus.
 *
 * @param type   the kind of target when the input states it (SAM: {@code SQS}, {@code SNS},
 *               {@code Lambda}, {@code EventBridge}, {@code S3})
 * @param target the target's ARN or a reference to it
 */
public record Destination(Optional<Expr> type, Expr target) {

    public Destination {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(target, "target");
    }
}
