package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.identity.ManagedPolicyResource;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.model.resource.DependencyResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the readers of one template share while they fill the model. */
final class ReadContext {

    final String file;
    final Intrinsics intrinsics;
    final Problems problems;
    /** Every resource of the template, in input order. */
    final Map<String, RawResource> resources = new LinkedHashMap<>();
    final Map<String, FunctionBuilder> functions = new LinkedHashMap<>();
    final List<DependencyResource> dependencies = new ArrayList<>();
    final List<Role> roles = new ArrayList<>();
    final List<ManagedPolicyResource> policies = new ArrayList<>();
    final List<UnsupportedResource> unsupported = new ArrayList<>();
    final List<UnmappedProperty> unmapped = new ArrayList<>();

    ReadContext(String file, Intrinsics intrinsics, Problems problems) {
        this.file = file;
        this.intrinsics = intrinsics;
        this.problems = problems;
    }

    /** Read-tracking properties per resource id: several readers may read parts of one resource. */
    private final Map<String, Props> props = new LinkedHashMap<>();

    /**
     * The properties of a resource, tracked for unmapped leftovers. The same instance is returned every
     * time, so that what one reader reads (a bucket's name) and another reads (its notifications) add up.
     */
    Props props(RawResource resource) {
        return props(resource, resource.properties());
    }

    /** The properties of a resource as they take effect (for SAM, with {@code Globals} merged in). */
    Props props(RawResource resource, Node.Mapping effective) {
        return props.computeIfAbsent(resource.logicalId(), id -> new Props(effective, "", intrinsics, problems));
    }

    /**
     * Records, once every reader is done, what no reader read, for every resource that is in the model
     * (not for unsupported ones, which are reported whole).
     */
    void collectUnmapped() {
        java.util.Set<String> unsupportedIds = new java.util.HashSet<>();
        unsupported.forEach(u -> unsupportedIds.add(u.logicalId()));
        props.forEach((id, p) -> {
            if (!unsupportedIds.contains(id)) {
                RawResource resource = resources.get(id);
                p.unmapped(id, resource == null ? "" : resource.type(), unmapped);
            }
        });
        // Readers visit resources in different passes; the report follows the input.
        unmapped.sort(java.util.Comparator.comparing(UnmappedProperty::location));
    }

    void unsupported(RawResource resource, String reason) {
        unsupported.add(new UnsupportedResource(resource.logicalId(), resource.type(), reason, List.of(),
                resource.location()));
    }

    String typeOf(String logicalId) {
        RawResource resource = resources.get(logicalId);
        return resource == null ? "" : resource.type();
    }

    /**
     * The function of this template a value designates, if any: {@code !Ref Fn}, {@code !GetAtt Fn.Arn},
     * {@code !Ref Fn.Alias}, a reference to an alias or version of the function, or a {@code !Sub} that
     * embeds one of these (as API Gateway integration URIs do).
     */
    Optional<String> functionOf(Expr value) {
        if (value instanceof Expr.ResourceRef ref) {
            return functionById(ref.logicalId());
        }
        if (value instanceof Expr.AttributeRef att) {
            return functionById(att.logicalId());
        }
        if (value instanceof Expr.Interpolation interpolation) {
            for (Expr part : interpolation.parts()) {
                Optional<String> found = functionOf(part);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (value instanceof Expr.Join join && join.values() instanceof Expr.ListExpr list) {
            for (Expr part : list.items()) {
                Optional<String> found = functionOf(part);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (value instanceof Expr.StringLiteral literal) {
            // A function named by its literal FunctionName elsewhere in the template.
            return functions.values().stream()
                    .filter(f -> f.name.isPresent() && f.name.get().equals(literal))
                    .map(f -> f.logicalId).findFirst();
        }
        return Optional.empty();
    }

    private Optional<String> functionById(String id) {
        return functionById(id, 0);
    }

    private Optional<String> functionById(String id, int depth) {
        if (functions.containsKey(id)) {
            return Optional.of(id);
        }
        int dot = id.indexOf('.');
        if (dot > 0 && functions.containsKey(id.substring(0, dot))) {
            return Optional.of(id.substring(0, dot)); // SAM's MyFunction.Alias / MyFunction.Version
        }
        RawResource resource = resources.get(id);
        if (resource != null && depth < 4 && ("AWS::Lambda::Alias".equals(resource.type())
                || "AWS::Lambda::Version".equals(resource.type()))) {
            Node target = resource.properties().get("FunctionName");
            if (target != null) {
                Expr targetExpr = intrinsics.expr(target);
                if (targetExpr instanceof Expr.ResourceRef r) {
                    return functionById(r.logicalId(), depth + 1);
                }
                if (targetExpr instanceof Expr.AttributeRef a) {
                    return functionById(a.logicalId(), depth + 1);
                }
            }
        }
        return Optional.empty();
    }
}
