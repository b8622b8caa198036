package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;

import java.util.Objects;
import java.util.Optional;

/**
 * The private network a function runs in.
 *
 * @param subnetIds              the subnets (a list expression, or a reference to one)
 * @param securityGroupIds       the security groups
 * @param ipv6AllowedForDualStack whether IPv6 traffic is allowed, if set
 */
public record VpcConfig(Optional<Expr> subnetIds, Optional<Expr> securityGroupIds,
                        Optional<Expr> ipv6AllowedForDualStack) {

    public VpcConfig {
        Objects.requireNonNull(subnetIds, "subnetIds");
        Objects.requireNonNull(securityGroupIds, "securityGroupIds");
        Objects.requireNonNull(ipv6AllowedForDualStack, "ipv6AllowedForDualStack");
    }
}
