package io.lambda2azure.core.model;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.source.SourceLocation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One serverless function with everything that shapes how it runs, what invokes it and what it may do.
 * Values stay symbolic ({@link Expr}); an absent optional means the input did not set it and the
 * platform default applies.
 *
 * @param logicalId              the id in the input
 * @param resourceType           the resource type as written ({@code AWS::Serverless::Function},
 *                               {@code AWS::Lambda::Function}, {@code aws_lambda_function})
 * @param condition              the condition it depends on, if any
 * @param name                   the explicit function name, if any
 * @param description            the description, if any
 * @param runtime                the runtime ({@code python3.12}, {@code java21}, {@code provided.al2023}, ...)
 * @param handler                the entry point in the code
 * @param code                   where the code comes from
 * @param memorySize             memory in MB
 * @param timeout                timeout in seconds
 * @param ephemeralStorage       {@code /tmp} size in MB
 * @param architectures          {@code x86_64} or {@code arm64}
 * @param environment            environment variables by name, in input order
 * @param layers                 layers, in order
 * @param vpc                    the private network, if any
 * @param reservedConcurrency    the reserved concurrency, if any
 * @param provisionedConcurrency provisioned concurrency on the function's published alias, if any
 * @param autoPublishAlias       SAM's alias published on every change, if any
 * @param aliases                aliases, including SAM's auto-published one
 * @param deploymentPreference   gradual deployment settings, if any
 * @param deadLetter             where events that failed asynchronously go ({@code DeadLetterQueue})
 * @param asyncInvokeConfig      retries and destinations of asynchronous invocations
 * @param tracing                X-Ray tracing mode, if set
 * @param role                   the execution role (ARN or reference), if given
 * @param policies               policies written on the function (SAM), in order
 * @param permissionsBoundary    the permissions boundary, if any
 * @param logging                logging settings, if any
 * @param tags                   tags, in input order
 * @param events                 everything that invokes the function, in input order
 * @param propertyLocations      where each property was written, by its name in the input
 *                               (properties merged from SAM {@code Globals} point into {@code Globals})
 * @param location               where the function is declared
 */
public record Function(
        String logicalId,
        String resourceType,
        Optional<String> condition,
        Optional<Expr> name,
        Optional<Expr> description,
        Optional<Expr> runtime,
        Optional<Expr> handler,
        Optional<FunctionCode> code,
        Optional<Expr> memorySize,
        Optional<Expr> timeout,
        Optional<Expr> ephemeralStorage,
        Optional<Expr> architectures,
        Map<String, Expr> environment,
        List<Expr> layers,
        Optional<VpcConfig> vpc,
        Optional<Expr> reservedConcurrency,
        Optional<Expr> provisionedConcurrency,
        Optional<Expr> autoPublishAlias,
        List<FunctionAlias> aliases,
        Optional<DeploymentPreference> deploymentPreference,
        Optional<Destination> deadLetter,
        Optional<AsyncInvokeConfig> asyncInvokeConfig,
        Optional<Expr> tracing,
        Optional<Expr> role,
        List<FunctionPolicy> policies,
        Optional<Expr> permissionsBoundary,
        Optional<LoggingConfig> logging,
        Map<String, Expr> tags,
        List<EventSource> events,
        Map<String, SourceLocation> propertyLocations,
        SourceLocation location) {

    public Function {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(memorySize, "memorySize");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(ephemeralStorage, "ephemeralStorage");
        Objects.requireNonNull(architectures, "architectures");
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        layers = List.copyOf(layers);
        Objects.requireNonNull(vpc, "vpc");
        Objects.requireNonNull(reservedConcurrency, "reservedConcurrency");
        Objects.requireNonNull(provisionedConcurrency, "provisionedConcurrency");
        Objects.requireNonNull(autoPublishAlias, "autoPublishAlias");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(deploymentPreference, "deploymentPreference");
        Objects.requireNonNull(deadLetter, "deadLetter");
        Objects.requireNonNull(asyncInvokeConfig, "asyncInvokeConfig");
        Objects.requireNonNull(tracing, "tracing");
        Objects.requireNonNull(role, "role");
        policies = List.copyOf(policies);
        Objects.requireNonNull(permissionsBoundary, "permissionsBoundary");
        Objects.requireNonNull(logging, "logging");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        events = List.copyOf(events);
        propertyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(propertyLocations));
        Objects.requireNonNull(location, "location");
    }

    /** Where a property was written, or the function's own location when it was not written. */
    public SourceLocation locationOf(String property) {
        return propertyLocations.getOrDefault(property, location);
    }
}
