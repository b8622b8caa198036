package io.lambda2azure.core.model.identity;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One statement of an IAM policy document.
 *
 * @param sid         the statement id, if any
 * @param allow       {@code true} for {@code Effect: Allow}, {@code false} for {@code Deny}
 * @param actions     the actions ({@code sqs:ReceiveMessage}, ...), or the excluded ones when
 *                    {@code notAction}
 * @param notAction   whether {@code actions} came from {@code NotAction}
 * @param resources   the resources, or the excluded ones when {@code notResource}
 * @param notResource whether {@code resources} came from {@code NotResource}
 * @param condition   the {@code Condition} block, if any
 * @param location    where the statement is written
 */
public record PolicyStatement(Optional<String> sid, boolean allow, List<Expr> actions, boolean notAction,
                              List<Expr> resources, boolean notResource, Optional<Expr> condition,
                              SourceLocation location) {

    public PolicyStatement {
        Objects.requireNonNull(sid, "sid");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(location, "location");
    }
}
