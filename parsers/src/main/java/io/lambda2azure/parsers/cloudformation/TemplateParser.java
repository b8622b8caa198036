package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Condition;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.Mapping;
import io.lambda2azure.core.model.Output;
import io.lambda2azure.core.model.Parameter;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads the sections of a template and hands each resource to the reader for its type. */
final class TemplateParser {

    static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";
    static final String FOR_EACH = "Fn::ForEach::";

    private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Description", "Metadata",
            "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs", "Globals", "Hooks");
    private static final Set<String> PARAMETER_KEYS = Set.of("Type", "Default", "AllowedValues", "AllowedPattern",
            "Description", "NoEcho", "MinLength", "MaxLength", "MinValue", "MaxValue", "ConstraintDescription");
    private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "Condition", "DependsOn",
            "Metadata", "DeletionPolicy", "UpdateReplacePolicy", "CreationPolicy", "UpdatePolicy", "Version",
            "IgnoreGlobals", "Connectors");

    private final String file;
    private final Problems problems = new Problems();

    private TemplateParser(String file) {
        this.file = file;
    }

    static ServerlessApp parse(String file, Node root) throws InvalidInputException {
        return new TemplateParser(file).parse(root);
    }

    private ServerlessApp parse(Node root) throws InvalidInputException {
        if (!(root instanceof Node.Mapping template) || Intrinsics.isIntrinsic(root)) {
            throw new InvalidInputException(root.location(), "a template must be a mapping of sections"
                    + " (AWSTemplateFormatVersion, Parameters, Resources, ...); found " + Node.describe(root));
        }
        template.entries().keySet().stream().filter(k -> !SECTIONS.contains(k)).forEach(k ->
                problems.add(template.keyLocation(k), "unknown template section '" + k + "'; expected one of "
                        + String.join(", ", SECTIONS.stream().sorted().toList())));

        Node resourcesNode = template.get("Resources");
        if (!(resourcesNode instanceof Node.Mapping resources) || resources.entries().isEmpty()) {
            SourceLocation at = resourcesNode == null ? template.location() : resourcesNode.location();
            throw new InvalidInputException(at, resourcesNode == null
                    ? "the template has no Resources section; every template declares at least one resource"
                    : "Resources must be a non-empty mapping of logical ids to resources; found "
                    + Node.describe(resourcesNode));
        }

        boolean sam = hasSamTransform(template.get("Transform"))
                || resources.entries().values().stream().anyMatch(r -> typeOf(r).startsWith("AWS::Serverless::"));
        Map<String, Node.Mapping> parameterNodes = mappingSection(template, "Parameters");
        Map<String, Node.Mapping> mappingNodes = mappingSection(template, "Mappings");
        Map<String, Node> conditionNodes = section(template, "Conditions");

        Set<String> resourceIds = new LinkedHashSet<>();
        Set<String> samIds = new LinkedHashSet<>();
        boolean open = false;
        for (Map.Entry<String, Node> entry : resources.entries().entrySet()) {
            if (entry.getKey().startsWith(FOR_EACH)) {
                open = true;
                continue;
            }
            resourceIds.add(entry.getKey());
            if (typeOf(entry.getValue()).startsWith("AWS::Serverless::")) {
                samIds.add(entry.getKey());
            }
        }
        Scope scope = new Scope(parameterNodes.keySet(), resourceIds, conditionNodes.keySet(), mappingNodes.keySet(),
                samIds, sam, open);
        Intrinsics intrinsics = new Intrinsics(scope, problems);
        ReadContext context = new ReadContext(file, intrinsics, problems);

        List<Parameter> parameters = parameters(template, parameterNodes, intrinsics);
        List<Mapping> mappings = mappings(template, mappingNodes, intrinsics);
        List<Condition> conditions = conditions(template, conditionNodes, intrinsics);
        SamGlobals globals = sam ? SamGlobals.read(template.get("Globals"), template.keyLocation("Globals"), problems)
                : SamGlobals.NONE;
        if (!sam && template.get("Globals") != null) {
            problems.add(template.keyLocation("Globals"), "Globals is a SAM section; the template does not declare"
                    + " Transform: " + SAM_TRANSFORM);
        }

        for (Map.Entry<String, Node> entry : resources.entries().entrySet()) {
            String id = entry.getKey();
            SourceLocation at = resources.keyLocation(id);
            if (id.startsWith(FOR_EACH)) {
                forEach(id, entry.getValue(), at, context);
                continue;
            }
            RawResource raw = rawResource(id, entry.getValue(), at, intrinsics);
            if (raw != null) {
                context.resources.put(id, raw);
            }
        }
        ResourceReaders readers = new ResourceReaders(context, globals);
        for (RawResource raw : context.resources.values()) {
            readers.read(raw);
        }
        readers.finish();
        new EventLinker(context).link();
        context.collectUnmapped();

        List<Output> outputs = outputs(template, intrinsics);
        Optional<String> description = template.get("Description") instanceof Node.Scalar s && !s.isNull()
                ? Optional.of(s.text()) : Optional.empty();

        problems.throwIfAny();
        // Fn::ForEach constructs are found first and the EventLinker's last; the model lists them in input order.
        context.unsupported.sort(java.util.Comparator.comparing(UnsupportedResource::location));
        List<Function> functions = context.functions.values().stream().map(FunctionBuilder::build).toList();
        return new ServerlessApp(file, sam ? InputKind.SAM : InputKind.CLOUDFORMATION, description, parameters,
                conditions, mappings, functions, context.dependencies, context.roles, context.policies, outputs,
                context.unsupported, context.unmapped);
    }

    private static String typeOf(Node resource) {
        return resource instanceof Node.Mapping m && m.get("Type") instanceof Node.Scalar s ? s.text() : "";
    }

    private static boolean hasSamTransform(Node transform) {
        if (transform instanceof Node.Scalar s) {
            return SAM_TRANSFORM.equals(s.text());
        }
        if (transform instanceof Node.Sequence seq) {
            return seq.items().stream().anyMatch(TemplateParser::hasSamTransform);
        }
        return false;
    }

    private Map<String, Node> section(Node.Mapping template, String name) {
        Node node = template.get(name);
        if (node == null || node instanceof Node.Scalar s && s.isNull()) {
            return Map.of();
        }
        if (node instanceof Node.Mapping m && !Intrinsics.isIntrinsic(m)) {
            return m.entries();
        }
        problems.add(node.location(), name + " must be a mapping; found " + Node.describe(node));
        return Map.of();
    }

    private Map<String, Node.Mapping> mappingSection(Node.Mapping template, String name) {
        Map<String, Node.Mapping> result = new LinkedHashMap<>();
        section(template, name).forEach((key, value) -> {
            if (value instanceof Node.Mapping m) {
                result.put(key, m);
            } else {
                problems.add(value.location(), name + " entry '" + key + "' must be a mapping; found "
                        + Node.describe(value));
            }
        });
        return result;
    }

    private List<Parameter> parameters(Node.Mapping template, Map<String, Node.Mapping> nodes, Intrinsics intrinsics) {
        List<Parameter> parameters = new ArrayList<>();
        Node.Mapping section = template.get("Parameters") instanceof Node.Mapping m ? m : null;
        nodes.forEach((name, node) -> {
            SourceLocation at = section == null ? node.location() : section.keyLocation(name);
            node.entries().keySet().stream().filter(k -> !PARAMETER_KEYS.contains(k)).forEach(k ->
                    problems.add(node.keyLocation(k), "unknown parameter attribute '" + k + "' on parameter '" + name
                            + "'; expected one of " + String.join(", ", PARAMETER_KEYS.stream().sorted().toList())));
            String type = scalarText(node.get("Type"));
            if (type == null) {
                problems.add(at, "parameter '" + name + "' has no Type; expected String, Number,"
                        + " CommaDelimitedList, List<Number>, an AWS-specific type or an SSM parameter type");
                type = "String";
            }
            Optional<Expr> defaultValue = Optional.ofNullable(node.get("Default")).map(intrinsics::expr);
            List<Expr> allowed = new ArrayList<>();
            Node allowedNode = node.get("AllowedValues");
            if (allowedNode instanceof Node.Sequence seq) {
                seq.items().forEach(item -> allowed.add(intrinsics.expr(item)));
            } else if (allowedNode != null) {
                problems.add(allowedNode.location(), "AllowedValues must be a list; found " + Node.describe(allowedNode));
            }
            boolean noEcho = node.get("NoEcho") instanceof Node.Scalar s && "true".equalsIgnoreCase(s.text());
            Parameter.ParameterConstraints constraints = new Parameter.ParameterConstraints(
                    number(node.get("MinLength")).map(BigDecimal::longValue),
                    number(node.get("MaxLength")).map(BigDecimal::longValue),
                    number(node.get("MinValue")), number(node.get("MaxValue")),
                    Optional.ofNullable(scalarText(node.get("AllowedPattern"))),
                    Optional.ofNullable(scalarText(node.get("ConstraintDescription"))));
            parameters.add(new Parameter(name, type, defaultValue, allowed,
                    Optional.ofNullable(scalarText(node.get("Description"))), noEcho, constraints, at));
        });
        return parameters;
    }

    private Optional<BigDecimal> number(Node node) {
        String text = scalarText(node);
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            problems.add(node.location(), "expected a number; found '" + text + "'");
            return Optional.empty();
        }
    }

    private static String scalarText(Node node) {
        return node instanceof Node.Scalar s && !s.isNull() ? s.text() : null;
    }

    private List<Mapping> mappings(Node.Mapping template, Map<String, Node.Mapping> nodes, Intrinsics intrinsics) {
        List<Mapping> mappings = new ArrayList<>();
        Node.Mapping section = template.get("Mappings") instanceof Node.Mapping m ? m : null;
        nodes.forEach((name, node) -> {
            Map<String, Map<String, Expr>> entries = new LinkedHashMap<>();
            node.entries().forEach((top, second) -> {
                if (second instanceof Node.Mapping m) {
                    Map<String, Expr> values = new LinkedHashMap<>();
                    m.entries().forEach((k, v) -> values.put(k, intrinsics.expr(v)));
                    entries.put(top, values);
                } else {
                    problems.add(second.location(), "mapping '" + name + "' key '" + top
                            + "' must hold a mapping of second-level keys to values; found " + Node.describe(second));
                }
            });
            mappings.add(new Mapping(name, entries, section == null ? node.location() : section.keyLocation(name)));
        });
        return mappings;
    }

    private List<Condition> conditions(Node.Mapping template, Map<String, Node> nodes, Intrinsics intrinsics) {
        List<Condition> conditions = new ArrayList<>();
        Node.Mapping section = template.get("Conditions") instanceof Node.Mapping m ? m : null;
        Map<String, Condition> byName = new HashMap<>();
        nodes.forEach((name, node) -> {
            SourceLocation at = section == null ? node.location() : section.keyLocation(name);
            Condition condition = new Condition(name, intrinsics.condition(node), at);
            conditions.add(condition);
            byName.put(name, condition);
        });
        reportCycles(conditions, byName);
        return conditions;
    }

    /**
     * Conditions that depend on themselves can never be evaluated; CloudFormation rejects them too. The
     * search keeps its own stack: a chain of thousands of conditions must not overflow the thread's.
     */
    private void reportCycles(List<Condition> conditions, Map<String, Condition> byName) {
        Map<String, Integer> state = new HashMap<>(); // 1 visiting, 2 done
        for (Condition root : conditions) {
            if (state.containsKey(root.name())) {
                continue;
            }
            List<String> path = new ArrayList<>();
            java.util.Deque<java.util.Iterator<String>> pending = new java.util.ArrayDeque<>();
            state.put(root.name(), 1);
            path.add(root.name());
            pending.push(conditionRefs(root.expression()).iterator());
            while (!pending.isEmpty()) {
                java.util.Iterator<String> next = pending.peek();
                if (!next.hasNext()) {
                    pending.pop();
                    state.put(path.remove(path.size() - 1), 2);
                    continue;
                }
                String name = next.next();
                Condition condition = byName.get(name);
                Integer seen = state.get(name);
                if (condition == null || seen != null && seen == 2) {
                    continue;
                }
                if (seen != null) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
                    cycle.add(name);
                    problems.add(condition.location(), "condition '" + name + "' depends on itself: "
                            + String.join(" -> ", cycle) + "; conditions must not form a cycle");
                    continue;
                }
                state.put(name, 1);
                path.add(name);
                pending.push(conditionRefs(condition.expression()).iterator());
            }
        }
    }

    private static List<String> conditionRefs(Expr expr) {
        List<String> refs = new ArrayList<>();
        collectConditionRefs(expr, refs);
        return refs;
    }

    private static void collectConditionRefs(Expr expr, List<String> refs) {
        if (expr instanceof Expr.ConditionRef c) {
            refs.add(c.name());
        } else if (expr instanceof Expr.And a) {
            a.operands().forEach(o -> collectConditionRefs(o, refs));
        } else if (expr instanceof Expr.Or o) {
            o.operands().forEach(x -> collectConditionRefs(x, refs));
        } else if (expr instanceof Expr.Not n) {
            collectConditionRefs(n.operand(), refs);
        } else if (expr instanceof Expr.Equals e) {
            collectConditionRefs(e.left(), refs);
            collectConditionRefs(e.right(), refs);
        } else if (expr instanceof Expr.Conditional c) {
            refs.add(c.condition());
            collectConditionRefs(c.whenTrue(), refs);
            collectConditionRefs(c.whenFalse(), refs);
        }
    }

    private RawResource rawResource(String id, Node node, SourceLocation at, Intrinsics intrinsics) {
        if (!(node instanceof Node.Mapping resource) || Intrinsics.isIntrinsic(node)) {
            problems.add(node.location(), "resource '" + id + "' must be a mapping with Type and Properties; found "
                    + Node.describe(node));
            return null;
        }
        if (!id.matches("[A-Za-z0-9]+")) {
            problems.add(at, "logical id '" + id + "' may contain only letters and digits");
        }
        resource.entries().keySet().stream().filter(k -> !RESOURCE_KEYS.contains(k)).forEach(k ->
                problems.add(resource.keyLocation(k), "unknown resource attribute '" + k + "' on resource '" + id
                        + "'; expected one of " + String.join(", ", RESOURCE_KEYS.stream().sorted().toList())));
        String type = scalarText(resource.get("Type"));
        if (type == null) {
            Node typeNode = resource.get("Type");
            problems.add(typeNode == null ? at : typeNode.location(), "resource '" + id + "' "
                    + (typeNode == null ? "has no Type" : "has a Type that is " + Node.describe(typeNode))
                    + "; expected a resource type name such as AWS::Serverless::Function or AWS::Lambda::Function");
            return null;
        }
        Optional<String> condition = Optional.empty();
        Node conditionNode = resource.get("Condition");
        if (conditionNode != null) {
            if (conditionNode instanceof Node.Scalar s && !s.isNull()) {
                intrinsics.checkCondition(s.text(), s.location());
                condition = Optional.of(s.text());
            } else {
                problems.add(conditionNode.location(), "Condition must be a condition name; found "
                        + Node.describe(conditionNode));
            }
        }
        Node propertiesNode = resource.get("Properties");
        Node.Mapping properties;
        if (propertiesNode == null || propertiesNode instanceof Node.Scalar s && s.isNull()) {
            properties = new Node.Mapping(new LinkedHashMap<>(), Map.of(), at);
        } else if (propertiesNode instanceof Node.Mapping m && !Intrinsics.isIntrinsic(m)) {
            properties = m;
        } else if (propertiesNode instanceof Node.Mapping m && "Fn::If".equals(m.singleKey())) {
            // Valid CloudFormation: the whole property set is chosen by a condition. It is read as a
            // resource of its own kind with no properties, and reported unsupported by ResourceReaders.
            intrinsics.expr(m);
            return new RawResource(id, type, condition, new Node.Mapping(new LinkedHashMap<>(), Map.of(), m.location()),
                    resource, at);
        } else {
            problems.add(propertiesNode.location(), "Properties of resource '" + id + "' must be a mapping; found "
                    + Node.describe(propertiesNode));
            properties = new Node.Mapping(new LinkedHashMap<>(), Map.of(), propertiesNode.location());
        }
        return new RawResource(id, type, condition, properties, resource, at);
    }

    /**
     * {@code Fn::ForEach} (language extensions) generates resources from a collection that is often only
     * known at deployment. It is kept as one unsupported construct that lists the functions inside it.
     */
    private void forEach(String key, Node node, SourceLocation at, ReadContext context) {
        List<String> nested = new ArrayList<>();
        collectFunctions(node, nested);
        context.unsupported.add(new UnsupportedResource(key, "Fn::ForEach",
                "resources generated by the AWS::LanguageExtensions loop Fn::ForEach are not expanded; write them"
                        + " out, or convert the template after `sam build`/`aws cloudformation package` expands them",
                nested, at));
    }

    private static void collectFunctions(Node node, List<String> into) {
        if (node instanceof Node.Mapping m) {
            m.entries().forEach((key, value) -> {
                String type = typeOf(value);
                if ("AWS::Serverless::Function".equals(type) || "AWS::Lambda::Function".equals(type)) {
                    into.add(key);
                } else {
                    collectFunctions(value, into);
                }
            });
        } else if (node instanceof Node.Sequence seq) {
            seq.items().forEach(item -> collectFunctions(item, into));
        }
    }

    private List<Output> outputs(Node.Mapping template, Intrinsics intrinsics) {
        List<Output> outputs = new ArrayList<>();
        Node.Mapping section = template.get("Outputs") instanceof Node.Mapping m ? m : null;
        section(template, "Outputs").forEach((name, node) -> {
            SourceLocation at = section == null ? node.location() : section.keyLocation(name);
            if (name.startsWith(FOR_EACH)) {
                return;
            }
            if (!(node instanceof Node.Mapping output) || output.get("Value") == null) {
                problems.add(at, "output '" + name + "' must be a mapping with a Value");
                return;
            }
            Optional<Expr> export = Optional.empty();
            if (output.get("Export") instanceof Node.Mapping e && e.get("Name") != null) {
                export = Optional.of(intrinsics.expr(e.get("Name")));
            }
            Optional<String> condition = Optional.ofNullable(scalarText(output.get("Condition")));
            condition.ifPresent(c -> intrinsics.checkCondition(c, output.get("Condition").location()));
            outputs.add(new Output(name, intrinsics.expr(output.get("Value")),
                    Optional.ofNullable(scalarText(output.get("Description"))), export, condition, at));
        });
        return outputs;
    }
}
