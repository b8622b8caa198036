package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationKind;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.Optional;

/**
 * What the parts of the planner that map services, events and permissions share with the planning run:
 * unique names, the growing list of resources, deviations, parameters and value translation.
 */
interface PlanContext {

    /** Unique symbols and parameter names. */
    Names names();

    /** Appends a resource to the deployment. */
    void add(AzureResource resource);

    /** The resource with that symbol, if already planned. */
    Optional<AzureResource> resource(String symbol);

    /** Records a deviation with its kind's severity. */
    void deviation(DeviationKind kind, String message, SourceLocation at, Optional<Deviation.Target> target);

    /** Translates an input expression. */
    Value translate(Expr expr, SourceLocation at, Optional<Deviation.Target> target);

    /** Declares (once per description) a parameter the planner adds. */
    String addParameter(String suggestedName, AzureParameter.ParamType type, String description, SourceLocation at);

    /** Declares (once per description) a parameter the planner adds, with a default value. */
    String addParameter(String suggestedName, AzureParameter.ParamType type, Value defaultValue, String description,
                        SourceLocation at);

    /** Declares a parameter the planner adds that holds a secret ({@code @secure()}, {@code sensitive}). */
    String addSecureParameter(String suggestedName, String description, SourceLocation at);

    /** Declares a boolean parameter with a default. */
    String addSwitch(String name, boolean defaultValue, String description, SourceLocation at);

    /** The deployment condition of an input condition name. */
    Optional<Value> condition(Optional<String> inputCondition);

    /** The hosting plan's kind. */
    io.lambda2azure.core.azure.PlanKind plan();

    /** The options planning runs with. */
    PlanOptions options();
}
