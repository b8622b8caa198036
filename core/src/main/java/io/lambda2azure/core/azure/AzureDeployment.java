package io.lambda2azure.core.azure;

import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.Severity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Azure deployment planned for a serverless application: everything an emitter prints, in order, and
 * every deviation from the AWS application. Nothing in it depends on an output language.
 *
 * @param source      the input it was planned from, as the user named it
 * @param plan        the hosting plan chosen
 * @param planReason  why that plan (the user's choice, or what {@code auto} weighed)
 * @param parameters  deployment parameters, in input order, then the ones the planner adds
 * @param variables   named values (conditions, lookup tables), in input order
 * @param resources   resources, shared ones first, then each function's in input order
 * @param outputs     outputs, in input order
 * @param deviations  every deviation, in source order
 */
public record AzureDeployment(String source, PlanKind plan, String planReason, List<AzureParameter> parameters,
                              List<AzureVariable> variables, List<AzureResource> resources,
                              List<AzureOutput> outputs, List<Deviation> deviations) {

    public AzureDeployment {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(planReason, "planReason");
        parameters = List.copyOf(parameters);
        variables = List.copyOf(variables);
        resources = List.copyOf(resources);
        outputs = List.copyOf(outputs);
        deviations = deviations.stream().sorted().toList();
    }

    /** The resources of one kind, in order. */
    public <T extends AzureResource> List<T> resources(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The resource with that symbolic name, if any. */
    public Optional<AzureResource> resource(String symbol) {
        return resources.stream().filter(r -> r.symbol().equals(symbol)).findFirst();
    }

    /** Deviations written above a resource or one of its properties. */
    public Stream<Deviation> deviationsOn(String symbol, Optional<String> property) {
        return deviations.stream().filter(d -> d.target().isPresent()
                && d.target().get().resource().equals(symbol) && d.target().get().property().equals(property));
    }

    /** The number of deviations at or above a severity. */
    public long count(Severity atLeast) {
        return deviations.stream().filter(d -> d.severity().atLeast(atLeast)).count();
    }
}
