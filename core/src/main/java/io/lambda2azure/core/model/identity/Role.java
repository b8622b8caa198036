package io.lambda2azure.core.model.identity;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An execution identity ({@code AWS::IAM::Role}) with everything attached to it: inline policies, managed
 * policies, and the statements of {@code AWS::IAM::Policy}/{@code ManagedPolicy} resources that name it.
 * It becomes a managed identity with role assignments.
 *
 * @param logicalId           the role's logical id
 * @param condition           the condition the role depends on, if any
 * @param trustedPrincipals   who may assume it ({@code lambda.amazonaws.com}, ...)
 * @param managedPolicies     attached managed policies by ARN or reference
 * @param statements          every statement granted to it, in input order
 * @param permissionsBoundary the permissions boundary, if any
 * @param location            where the role is declared
 */
public record Role(String logicalId, Optional<String> condition, List<Expr> trustedPrincipals,
                   List<Expr> managedPolicies, List<PolicyStatement> statements,
                   Optional<Expr> permissionsBoundary, SourceLocation location) {

    public Role {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(condition, "condition");
        trustedPrincipals = List.copyOf(trustedPrincipals);
        managedPolicies = List.copyOf(managedPolicies);
        statements = List.copyOf(statements);
        Objects.requireNonNull(permissionsBoundary, "permissionsBoundary");
        Objects.requireNonNull(location, "location");
    }
}
