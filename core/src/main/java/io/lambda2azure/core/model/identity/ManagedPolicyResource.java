package io.lambda2azure.core.model.identity;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy declared as its own resource ({@code AWS::IAM::ManagedPolicy} or {@code AWS::IAM::Policy}).
 * Its statements are also copied to every role of the template it names in {@code Roles}; a function can
 * refer to a managed policy by reference, which is why it is kept on its own as well.
 *
 * @param logicalId  the policy's logical id
 * @param type       the resource type as written
 * @param condition  the condition it depends on, if any
 * @param roles      the roles it is attached to
 * @param statements its statements
 * @param location   where it is declared
 */
public record ManagedPolicyResource(String logicalId, String type, Optional<String> condition, List<Expr> roles,
                                    List<PolicyStatement> statements, SourceLocation location) {

    public ManagedPolicyResource {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(condition, "condition");
        roles = List.copyOf(roles);
        statements = List.copyOf(statements);
        Objects.requireNonNull(location, "location");
    }
}
