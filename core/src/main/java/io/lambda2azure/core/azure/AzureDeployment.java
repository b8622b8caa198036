package io.lambda2azure.core.azure;

import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Azure deployment planned for a serverless application: everything an emitter prints, in order, and
 * every deviation from the AWS application. Nothing in it depends on an output language.
 *
 * <p>Immutable. Look-ups by symbolic name are indexed, so that printing a deployment of thousands of
 * resources stays linear in its size.
 */
public final class AzureDeployment {

    private final String source;
    private final PlanKind plan;
    private final String planReason;
    private final List<AzureParameter> parameters;
    private final List<AzureVariable> variables;
    private final List<AzureResource> resources;
    private final List<AzureOutput> outputs;
    private final List<Deviation> deviations;
    private final Map<String, AzureResource> bySymbol;
    private final Map<String, List<Deviation>> byTarget;

    /**
     * @param source      the input it was planned from, as the user named it
     * @param plan        the hosting plan chosen
     * @param planReason  why that plan (the user's choice, or what {@code auto} weighed)
     * @param parameters  deployment parameters, in input order, then the ones the planner adds
     * @param variables   named values (conditions, lookup tables), in input order
     * @param resources   resources, shared ones first, then each function's in input order; symbols unique
     * @param outputs     outputs, in input order
     * @param deviations  every deviation; kept in source order
     */
    public AzureDeployment(String source, PlanKind plan, String planReason, List<AzureParameter> parameters,
                           List<AzureVariable> variables, List<AzureResource> resources,
                           List<AzureOutput> outputs, List<Deviation> deviations) {
        this.source = Objects.requireNonNull(source, "source");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.planReason = Objects.requireNonNull(planReason, "planReason");
        this.parameters = List.copyOf(parameters);
        this.variables = List.copyOf(variables);
        this.resources = List.copyOf(resources);
        this.outputs = List.copyOf(outputs);
        this.deviations = deviations.stream().sorted().toList();
        Map<String, AzureResource> index = new HashMap<>();
        for (AzureResource r : this.resources) {
            if (index.put(r.symbol(), r) != null) {
                throw new IllegalArgumentException("two resources are named " + r.symbol());
            }
        }
        this.bySymbol = Collections.unmodifiableMap(index);
        Map<String, List<Deviation>> targets = new LinkedHashMap<>();
        for (Deviation d : this.deviations) {
            d.target().ifPresent(t -> targets.computeIfAbsent(t.resource(), k -> new ArrayList<>()).add(d));
        }
        targets.replaceAll((k, v) -> List.copyOf(v));
        this.byTarget = Collections.unmodifiableMap(targets);
    }

    /** The input it was planned from, as the user named it. */
    public String source() {
        return source;
    }

    /** The hosting plan chosen. */
    public PlanKind plan() {
        return plan;
    }

    /** Why that plan. */
    public String planReason() {
        return planReason;
    }

    /** Deployment parameters, in order. */
    public List<AzureParameter> parameters() {
        return parameters;
    }

    /** Named values (conditions, lookup tables), in order. */
    public List<AzureVariable> variables() {
        return variables;
    }

    /** Resources, in order. */
    public List<AzureResource> resources() {
        return resources;
    }

    /** Outputs, in order. */
    public List<AzureOutput> outputs() {
        return outputs;
    }

    /** Every deviation, in source order. */
    public List<Deviation> deviations() {
        return deviations;
    }

    /** The resources of one kind, in order. */
    public <T extends AzureResource> List<T> resources(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The resource with that symbolic name, if any. */
    public Optional<AzureResource> resource(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** Deviations written above a resource or one of its properties, in source order. */
    public List<Deviation> deviationsTargeting(String symbol) {
        return byTarget.getOrDefault(symbol, List.of());
    }

    /** Deviations written above a resource ({@code property} empty) or one property of it. */
    public Stream<Deviation> deviationsOn(String symbol, Optional<String> property) {
        return deviationsTargeting(symbol).stream().filter(d -> d.target().get().property().equals(property));
    }

    /** The number of deviations at or above a severity. */
    public long count(Severity atLeast) {
        return deviations.stream().filter(d -> d.severity().atLeast(atLeast)).count();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AzureDeployment d && source.equals(d.source) && plan == d.plan
                && planReason.equals(d.planReason) && parameters.equals(d.parameters) && variables.equals(d.variables)
                && resources.equals(d.resources) && outputs.equals(d.outputs) && deviations.equals(d.deviations);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, plan, planReason, parameters, variables, resources, outputs, deviations);
    }

    @Override
    public String toString() {
        return "AzureDeployment[source=" + source + ", plan=" + plan + ", " + resources.size() + " resources, "
                + deviations.size() + " deviations]";
    }
}
