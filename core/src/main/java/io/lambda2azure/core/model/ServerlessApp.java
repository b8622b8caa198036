package io.lambda2azure.core.model;

import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.identity.ManagedPolicyResource;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.model.resource.DependencyResource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A serverless application as the input describes it, independent of the file format it came from.
 * This is what the planner maps to Azure. Every list is in input order.
 *
 * @param source              the file or directory it was read from, as the user named it
 * @param inputKind           the kind of input
 * @param description         the template's description, if any
 * @param parameters          inputs of the application
 * @param conditions          named conditions
 * @param mappings            lookup tables
 * @param functions           functions, each with its event sources
 * @param resources           queues, topics, buckets, tables and the other resources functions use
 * @param roles               execution identities and what they may do
 * @param policies            policies declared as resources of their own
 * @param outputs             exported values
 * @param unsupportedResources resources and constructs the model does not represent
 * @param unmappedProperties  properties of modelled resources the model has no place for
 */
public record ServerlessApp(String source, InputKind inputKind, Optional<String> description,
                            List<Parameter> parameters, List<Condition> conditions, List<Mapping> mappings,
                            List<Function> functions, List<DependencyResource> resources, List<Role> roles,
                            List<ManagedPolicyResource> policies, List<Output> outputs,
                            List<UnsupportedResource> unsupportedResources,
                            List<UnmappedProperty> unmappedProperties) {

    public ServerlessApp {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(inputKind, "inputKind");
        Objects.requireNonNull(description, "description");
        parameters = List.copyOf(parameters);
        conditions = List.copyOf(conditions);
        mappings = List.copyOf(mappings);
        functions = List.copyOf(functions);
        resources = List.copyOf(resources);
        roles = List.copyOf(roles);
        policies = List.copyOf(policies);
        outputs = List.copyOf(outputs);
        unsupportedResources = List.copyOf(unsupportedResources);
        unmappedProperties = List.copyOf(unmappedProperties);
    }

    /** Every event source of every function, in input order. */
    public List<EventSource> eventSources() {
        return functions.stream().flatMap(f -> f.events().stream()).toList();
    }

    /** The function with that logical id, if any. */
    public Optional<Function> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    /** The parameter with that name, if any. */
    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The dependency resource with that logical id, if any. */
    public Optional<DependencyResource> resource(String logicalId) {
        return resources.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
    }
}
