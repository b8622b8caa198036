package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.References;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.identity.ManagedPolicyResource;
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything the readers of one configuration share while they fill the model. */
final class Model {

    /** Arguments every resource may have that say how Terraform manages it, not what it is. */
    static final String[] META_ARGUMENTS = {"count", "for_each", "depends_on", "provider", "lifecycle",
            "provisioner", "connection", "timeouts"};

    final Session session;
    /** Every resource instance and registry module instance, in declaration order. */
    final List<Declared.Instance> instances = new ArrayList<>();
    private final Map<String, Declared.Instance> byId = new LinkedHashMap<>();
    final Map<String, FunctionDraft> functions = new LinkedHashMap<>();
    final List<DependencyResource> dependencies = new ArrayList<>();
    final Map<String, RoleDraft> roles = new LinkedHashMap<>();
    final Map<String, PolicyDraft> policies = new LinkedHashMap<>();
    final List<UnsupportedResource> unsupported = new ArrayList<>();
    final List<UnmappedProperty> unmapped = new ArrayList<>();
    private final Map<String, Attrs> attrs = new LinkedHashMap<>();
    private final Set<String> unsupportedIds = new HashSet<>();
    /** Resources read as part of another (a bucket's versioning, a secret's version). */
    private final Set<String> claimed = new HashSet<>();

    /** An execution role being read; policies of other resources are added to it. */
    static final class RoleDraft {
        final Declared.Instance instance;
        final List<Expr> trusted = new ArrayList<>();
        final List<Expr> managed = new ArrayList<>();
        final List<PolicyStatement> statements = new ArrayList<>();
        Optional<Expr> boundary = Optional.empty();

        RoleDraft(Declared.Instance instance) {
            this.instance = instance;
        }
    }

    /** A policy resource being read; attachments add the roles it is attached to. */
    static final class PolicyDraft {
        final Declared.Instance instance;
        final List<PolicyStatement> statements;
        final List<Expr> roles = new ArrayList<>();

        PolicyDraft(Declared.Instance instance, List<PolicyStatement> statements) {
            this.instance = instance;
            this.statements = statements;
        }

        ManagedPolicyResource build() {
            return new ManagedPolicyResource(instance.logicalId(), instance.declared().type, instance.condition(),
                    roles, statements, instance.location());
        }
    }

    Model(Session session) {
        this.session = session;
    }

    void add(Declared.Instance instance) {
        instances.add(instance);
        byId.putIfAbsent(instance.logicalId(), instance);
    }

    Optional<Declared.Instance> instance(String logicalId) {
        return Optional.ofNullable(byId.get(logicalId));
    }

    /** The Terraform type of the resource with that id, or {@code ""}. */
    String typeOf(String logicalId) {
        Declared.Instance i = byId.get(logicalId);
        return i == null ? "" : i.declared().type;
    }

    /** The instances of one resource type, in declaration order, leaving out unsupported ones. */
    List<Declared.Instance> ofType(String type) {
        return instances.stream().filter(i -> i.declared().kind == Declared.Kind.RESOURCE
                && i.declared().type.equals(type) && !unsupportedIds.contains(i.logicalId())).toList();
    }

    Evaluator evaluator(Declared.Instance instance) {
        return new Evaluator(session, instance.declared().module, instance.bindings());
    }

    /**
     * The tracked attributes of an instance: the same object every time, so that what one reader reads (a
     * bucket's name) and another reads (the versioning resource that names it) add up.
     */
    Attrs attrs(Declared.Instance instance) {
        return attrs.computeIfAbsent(instance.logicalId(), id -> {
            Attrs a = new Attrs(instance.declared().block.body(), "", evaluator(instance), instance.location());
            a.ignore(META_ARGUMENTS);
            return a;
        });
    }

    void unsupported(Declared.Instance instance, String reason) {
        unsupported(instance.logicalId(), instance.declared().type, reason, List.of(), instance.location());
    }

    void unsupported(String id, String type, String reason, List<String> nestedFunctions, SourceLocation at) {
        if (unsupportedIds.add(id)) {
            unsupported.add(new UnsupportedResource(id, type, reason, nestedFunctions, at));
        }
    }

    void claim(String logicalId) {
        claimed.add(logicalId);
    }

    boolean isClaimed(String logicalId) {
        return claimed.contains(logicalId);
    }

    boolean isUnsupported(String logicalId) {
        return unsupportedIds.contains(logicalId);
    }

    /** Records, once every reader is done, what no reader read of each modelled instance. */
    void collectUnmapped() {
        attrs.forEach((id, a) -> {
            if (!unsupportedIds.contains(id)) {
                a.unmapped(id, typeOf(id), unmapped);
            }
        });
        unmapped.sort(Comparator.comparing(UnmappedProperty::location));
    }

    /**
     * The function of the configuration a value designates: a reference to the function (its ARN, name or
     * invoke ARN), to one of its aliases, or a string built around one, or the function's literal name.
     */
    Optional<String> functionOf(Expr value) {
        for (String id : References.of(value)) {
            Optional<String> function = functionById(id);
            if (function.isPresent()) {
                return function;
            }
        }
        if (value instanceof Expr.StringLiteral literal) {
            return functions.values().stream().filter(f -> f.name.isPresent() && f.name.get().equals(literal))
                    .map(f -> f.logicalId).findFirst();
        }
        return Optional.empty();
    }

    private Optional<String> functionById(String id) {
        if (functions.containsKey(id)) {
            return Optional.of(id);
        }
        Declared.Instance alias = byId.get(id);
        if (alias != null && "aws_lambda_alias".equals(alias.declared().type)) {
            Optional<Expr> target = attrs(alias).expr("function_name");
            if (target.isPresent()) {
                for (String ref : References.of(target.get())) {
                    if (functions.containsKey(ref)) {
                        return Optional.of(ref);
                    }
                }
            }
        }
        return Optional.empty();
    }


    /** The single resource of the configuration a value refers to, if it refers to exactly one of that type. */
    Optional<String> resourceOf(Expr value, String type) {
        return References.of(value).stream().filter(id -> type.equals(typeOf(id))).findFirst();
    }
}
