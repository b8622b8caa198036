package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;

import java.util.Objects;
import java.util.Optional;

/**
 * A function's logging settings ({@code LoggingConfig}).
 *
 * @param logFormat           {@code Text} or {@code JSON}, if set
 * @param applicationLogLevel the application log level, if set
 * @param systemLogLevel      the system log level, if set
 * @param logGroup            the log group, if not the default one
 */
public record LoggingConfig(Optional<Expr> logFormat, Optional<Expr> applicationLogLevel,
                            Optional<Expr> systemLogLevel, Optional<Expr> logGroup) {

    public LoggingConfig {
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(applicationLogLevel, "applicationLogLevel");
        Objects.requireNonNull(systemLogLevel, "systemLogLevel");
        Objects.requireNonNull(logGroup, "logGroup");
    }
}
