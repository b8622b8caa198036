package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.AsyncInvokeConfig;
import io.lambda2azure.core.model.Destination;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.FunctionAlias;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.LoggingConfig;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function being read: its own block fills most of it, and other resources (event source mappings,
 * aliases, URLs, notifications, permissions) add to it afterwards.
 */
final class FunctionDraft {

    final String logicalId;
    final String resourceType;
    final Optional<String> condition;
    final SourceLocation location;
    Optional<Expr> name = Optional.empty();
    Optional<Expr> description = Optional.empty();
    Optional<Expr> runtime = Optional.empty();
    Optional<Expr> handler = Optional.empty();
    Optional<FunctionCode> code = Optional.empty();
    Optional<Expr> memorySize = Optional.empty();
    Optional<Expr> timeout = Optional.empty();
    Optional<Expr> ephemeralStorage = Optional.empty();
    Optional<Expr> architectures = Optional.empty();
    final Map<String, Expr> environment = new LinkedHashMap<>();
    final List<Expr> layers = new ArrayList<>();
    Optional<VpcConfig> vpc = Optional.empty();
    Optional<Expr> reservedConcurrency = Optional.empty();
    Optional<Expr> provisionedConcurrency = Optional.empty();
    Optional<Expr> autoPublishAlias = Optional.empty();
    final List<FunctionAlias> aliases = new ArrayList<>();
    Optional<Destination> deadLetter = Optional.empty();
    Optional<AsyncInvokeConfig> asyncInvokeConfig = Optional.empty();
    Optional<Expr> tracing = Optional.empty();
    Optional<Expr> role = Optional.empty();
    final List<FunctionPolicy> policies = new ArrayList<>();
    Optional<Expr> permissionsBoundary = Optional.empty();
    Optional<LoggingConfig> logging = Optional.empty();
    final Map<String, Expr> tags = new LinkedHashMap<>();
    final List<EventSource> events = new ArrayList<>();
    final Map<String, SourceLocation> propertyLocations = new LinkedHashMap<>();
    /** Whether every change publishes a version ({@code publish = true}), which an alias can follow. */
    boolean publishes;

    FunctionDraft(String logicalId, String resourceType, Optional<String> condition, SourceLocation location) {
        this.logicalId = logicalId;
        this.resourceType = resourceType;
        this.condition = condition;
        this.location = location;
    }

    Function build() {
        return new Function(logicalId, resourceType, condition, name, description, runtime, handler, code,
                memorySize, timeout, ephemeralStorage, architectures, environment, layers, vpc,
                reservedConcurrency, provisionedConcurrency, autoPublishAlias, aliases, Optional.empty(),
                deadLetter, asyncInvokeConfig, tracing, role, policies, permissionsBoundary, logging, tags, events,
                propertyLocations, location);
    }
}
