package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;
import java.util.Optional;

/**
 * SAM's gradual deployment (CodeDeploy traffic shifting) of a function's alias.
 *
 * @param type     the shifting type ({@code Canary10Percent5Minutes}, {@code AllAtOnce}, ...)
 * @param enabled  whether it is on, if set
 * @param alarms   the alarms that roll a deployment back, if any
 * @param hooks    the pre- and post-traffic hook functions, if any
 * @param location where it is declared
 */
public record DeploymentPreference(Optional<Expr> type, Optional<Expr> enabled, Optional<Expr> alarms,
                                   Optional<Expr> hooks, SourceLocation location) {

    public DeploymentPreference {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(alarms, "alarms");
        Objects.requireNonNull(hooks, "hooks");
        Objects.requireNonNull(location, "location");
    }
}
