package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.Objects;
import java.util.Optional;

/**
 * How asynchronous invocations are retried and where their results go
 * ({@code EventInvokeConfig}, {@code AWS::Lambda::EventInvokeConfig}).
 *
 * @param maximumEventAgeInSeconds how long an event may wait, if set
 * @param maximumRetryAttempts     how often a failed invocation is retried, if set
 * @param onSuccess                where successful results go, if anywhere
 * @param onFailure                where failed events go, if anywhere
 * @param location                 where it is declared
 */
public record AsyncInvokeConfig(Optional<Expr> maximumEventAgeInSeconds, Optional<Expr> maximumRetryAttempts,
                                Optional<Destination> onSuccess, Optional<Destination> onFailure,
                                SourceLocation location) {

    public AsyncInvokeConfig {
        Objects.requireNonNull(maximumEventAgeInSeconds, "maximumEventAgeInSeconds");
        Objects.requireNonNull(maximumRetryAttempts, "maximumRetryAttempts");
        Objects.requireNonNull(onSuccess, "onSuccess");
        Objects.requireNonNull(onFailure, "onFailure");
        Objects.requireNonNull(location, "location");
    }
}
