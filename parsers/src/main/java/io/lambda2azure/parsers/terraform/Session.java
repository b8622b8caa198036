package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import io.lambda2azure.parsers.hcl.Attribute;
import io.lambda2azure.parsers.hcl.Block;
import io.lambda2azure.parsers.hcl.Body;
import io.lambda2azure.parsers.hcl.BodyItem;
import io.lambda2azure.parsers.hcl.Expression;
import io.lambda2azure.parsers.hcl.ObjectItem;
import io.lambda2azure.parsers.hcl.TraversalStep;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One reading of a configuration: its module tree with every declaration, the logical ids, the expansion of
 * {@code count} and {@code for_each}, and what variables, locals and module outputs stand for. Problems
 * are collected, never thrown, so that every file's problems are reported together.
 *
 * <p>Logical ids: a root module resource is its name in UpperCamel ({@code aws_sqs_queue.orders_queue} →
 * {@code OrdersQueue}); a resource of a local module is the module's name followed by its own
 * ({@code module.worker}'s {@code aws_sqs_queue.jobs} → {@code WorkerJobs}), or the module's name alone for
 * the conventional {@code this}/{@code main}; a registry module call is its name. When declarations share
 * a name (as {@code aws_lambda_function.orders}, {@code aws_iam_role.orders} and
 * {@code aws_lambda_permission.orders} do), the one of the first tier keeps it: functions, then the
 * resources functions use, then the resources that declare events, then IAM, then the rest; the others get
 * their type appended ({@code OrdersIamRole}), then a counter. Instances of {@code count} append the index ({@code Queue0}), of {@code for_each} the key in
 * UpperCamel ({@code QueueOrders}).
 */
final class Session {

    /** Deepest chain of local modules read. */
    static final int MAX_MODULE_DEPTH = 16;
    /** Most instances a count or for_each is expanded into. */
    static final int MAX_INSTANCES = 1_000;
    /** Deepest chain of variables, locals and outputs resolved through each other. */
    private static final int MAX_RESOLUTION_DEPTH = 200;

    private static final Set<String> CONVENTIONAL_NAMES = Set.of("this", "main", "default");
    private static final Map<String, Integer> LABELS = Map.ofEntries(Map.entry("terraform", 0),
            Map.entry("provider", 1), Map.entry("variable", 1), Map.entry("locals", 0), Map.entry("output", 1),
            Map.entry("resource", 2), Map.entry("data", 2), Map.entry("module", 1), Map.entry("moved", 0),
            Map.entry("import", 0), Map.entry("removed", 0), Map.entry("check", 1));

    private final List<Problem> problems = new ArrayList<>();
    private List<Problem> quietSink;
    private final Conditions conditions = new Conditions();
    private final List<ModuleInstance> modules = new ArrayList<>();
    private final Set<Declared> expanding = new HashSet<>();
    private final Map<String, Expr> childVariables = new HashMap<>();
    /**
     * The same with the root module's variables at their defaults, kept apart and cached alike: a chain of values
     * that refer to each other is computed once per mode, never again for each use.
     */
    private final Map<String, Expr> childVariablesAtDefaults = new HashMap<>();
    private final Map<String, io.lambda2azure.core.model.Mapping> mappings = new LinkedHashMap<>();
    private ModuleInstance root;
    private int resolutionDepth;

    private Session() {
    }

    /** Reads a directory's or file's configuration, with its local modules. */
    static Session load(Path path) {
        Session session = new Session();
        Sources.Module source = Sources.load(path, session.problems);
        session.root = new ModuleInstance("", "", source.dir(), ".", null, null, 0);
        session.declare(session.root, source);
        session.assignIds();
        session.root.variables.keySet().forEach(v -> session.conditions.reserve(Ids.upperCamel(v)));
        return session;
    }

    ModuleInstance root() {
        return root;
    }

    /** Every module instance, the root first, each followed by the modules it calls. */
    List<ModuleInstance> modules() {
        return modules;
    }

    List<Problem> problems() {
        return problems;
    }

    Conditions conditions() {
        return conditions;
    }

    void problem(SourceLocation at, String message) {
        (quietSink != null ? quietSink : problems).add(new Problem(at, message));
    }

    /**
     * A value computed with its problems held back: Terraform's {@code try} turns an error into trying the
     * next argument. Empty when the computation had problems.
     */
    Optional<Expr> quietly(Supplier<Expr> computation) {
        List<Problem> outer = quietSink;
        quietSink = new ArrayList<>();
        try {
            Expr value = computation.get();
            return quietSink.isEmpty() ? Optional.of(value) : Optional.empty();
        } finally {
            quietSink = outer;
        }
    }

    Evaluator evaluator(ModuleInstance module) {
        return new Evaluator(this, module, Evaluator.Bindings.NONE);
    }

    // ---------------------------------------------------------------- module tree

    private void declare(ModuleInstance module, Sources.Module source) {
        modules.add(module);
        List<Declared> calls = new ArrayList<>();
        for (Body body : source.bodies()) {
            for (BodyItem item : body.items()) {
                if (item instanceof Attribute a) {
                    problem(a.location(), "unexpected attribute '" + a.name() + "' at the top level; a configuration"
                            + " file holds blocks: " + String.join(", ", LABELS.keySet().stream().sorted().toList()));
                    continue;
                }
                Block block = (Block) item;
                Integer labels = LABELS.get(block.type());
                if (labels == null) {
                    problem(block.location(), "unknown block type '" + block.type() + "'; expected one of "
                            + String.join(", ", LABELS.keySet().stream().sorted().toList()));
                    continue;
                }
                if (block.labels().size() != labels) {
                    problem(block.location(), "a " + block.type() + " block has " + labels + " label"
                            + (labels == 1 ? "" : "s") + (labels == 2 ? " (the type and the name)" : labels == 1
                            ? " (its name)" : "") + "; found " + block.labels().size());
                    continue;
                }
                List<String> l = block.labelValues();
                switch (block.type()) {
                    case "variable" -> unique(module.variables, l.get(0), block, "variable");
                    case "output" -> unique(module.outputs, l.get(0), block, "output");
                    case "locals" -> block.body().attributes().forEach(a -> {
                        Attribute first = module.locals.putIfAbsent(a.name(), a);
                        if (first != null) {
                            problem(a.location(), "local value '" + a.name() + "' is already defined at line "
                                    + first.location().line() + "; each local value is defined once per module");
                        }
                    });
                    case "provider" -> module.providers.add(block);
                    case "resource", "data" -> {
                        Declared declared = new Declared("resource".equals(block.type()) ? Declared.Kind.RESOURCE
                                : Declared.Kind.DATA, l.get(0), l.get(1), block, module);
                        add(module, declared);
                    }
                    case "module" -> {
                        Declared declared = new Declared(Declared.Kind.MODULE, source(block), l.get(0), block, module);
                        if (add(module, declared)) {
                            calls.add(declared);
                        }
                    }
                    default -> {
                        // terraform, moved, import, removed and check blocks say nothing about the application.
                    }
                }
            }
        }
        for (Declared call : calls) {
            if (isLocal(call.type)) {
                instantiate(module, call);
            }
        }
    }

    private void unique(Map<String, Block> into, String name, Block block, String what) {
        Block first = into.putIfAbsent(name, block);
        if (first != null) {
            problem(block.location(), what + " '" + name + "' is already declared at line " + first.location().line()
                    + "; each " + what + " is declared once per module");
        }
    }

    private boolean add(ModuleInstance module, Declared declared) {
        if (!module.declare(declared)) {
            problem(declared.location(), declared.address() + " is already declared at line "
                    + module.existing(declared).location().line() + "; each address is declared once");
            return false;
        }
        return true;
    }

    /** The literal source of a module call, or {@code ""} (reported) when it has none. */
    private String source(Block block) {
        Optional<Attribute> source = block.body().attribute("source");
        if (source.isEmpty()) {
            problem(block.location(), "module '" + block.labelValues().get(0) + "' has no source; expected"
                    + " source = \"<local path or registry address>\"");
            return "";
        }
        if (source.get().value() instanceof Expression.Template t && t.literalValue().isPresent()) {
            return t.literalValue().get();
        }
        problem(source.get().value().location(), "a module's source must be a literal string; Terraform reads it"
                + " before evaluating anything");
        return "";
    }

    static boolean isLocal(String source) {
        return source.startsWith("./") || source.startsWith("../") || ".".equals(source) || "..".equals(source);
    }

    private void instantiate(ModuleInstance parent, Declared call) {
        if (call.block.body().attribute("count").isPresent() || call.block.body().attribute("for_each").isPresent()) {
            call.mode = Declared.Mode.UNKNOWN;
            call.instances = List.of();
            call.unknownReason = "instances of a local module from count or for_each are not expanded; write one"
                    + " module block per instance";
            return;
        }
        Path dir = parent.dir().resolve(call.type).normalize();
        SourceLocation at = call.block.body().attribute("source").map(Attribute::location).orElse(call.location());
        if (parent.depth() + 1 > MAX_MODULE_DEPTH) {
            problem(at, "local modules nest more than " + MAX_MODULE_DEPTH + " levels deep here; configurations"
                    + " that deep are not read");
            return;
        }
        for (ModuleInstance m = parent; m != null; m = m.parent()) {
            if (m.dir().toAbsolutePath().normalize().equals(dir.toAbsolutePath().normalize())) {
                problem(at, "module '" + call.name + "' calls " + call.type + ", a module it is itself part of;"
                        + " modules must not call themselves");
                return;
            }
        }
        if (!Files.isDirectory(dir) || !Sources.isTerraformDirectory(dir)) {
            problem(at, "module '" + call.name + "' has the source " + call.type + ", which is not a directory with"
                    + " .tf or .tf.json files (looked in " + dir + ")");
            return;
        }
        String path = (parent.path().isEmpty() ? "" : parent.path() + ".") + "module." + call.name;
        String relative = Path.of(parent.relativeDir()).resolve(call.type).normalize().toString().replace('\\', '/');
        ModuleInstance child = new ModuleInstance(path, parent.idPrefix() + Ids.upperCamel(call.name), dir,
                relative.isEmpty() ? "." : relative, parent, call, parent.depth() + 1);
        call.child = child;
        declare(child, Sources.load(dir, problems));
        Set<String> meta = Set.of("source", "version", "count", "for_each", "depends_on", "providers");
        for (Attribute argument : call.block.body().attributes()) {
            if (!meta.contains(argument.name()) && !child.variables.containsKey(argument.name())) {
                problem(argument.location(), "module '" + call.name + "' has no variable '" + argument.name()
                        + "'; the module " + call.type + " declares " + (child.variables.isEmpty() ? "none"
                        : String.join(", ", child.variables.keySet())));
            }
        }
    }

    private void assignIds() {
        List<Declared> named = new ArrayList<>();
        for (ModuleInstance m : modules) {
            for (Declared d : m.declarations) {
                if (d.kind == Declared.Kind.RESOURCE || d.kind == Declared.Kind.MODULE && d.child == null) {
                    String own = m.isRoot() || !CONVENTIONAL_NAMES.contains(d.name) ? Ids.upperCamel(d.name) : "";
                    d.baseId = m.idPrefix() + own;
                    named.add(d);
                }
            }
        }
        Map<String, List<Declared>> byId = new LinkedHashMap<>();
        named.forEach(d -> byId.computeIfAbsent(d.baseId, k -> new ArrayList<>()).add(d));
        Set<String> used = new HashSet<>();
        byId.forEach((id, group) -> {
            if (group.size() == 1) {
                used.add(id);
            }
        });
        byId.forEach((id, group) -> {
            if (group.size() > 1) {
                // The declaration of the highest tier keeps the name: idiomatic configurations reuse one name for
                // a function, its role, its permission; the function is what the name is about.
                int best = group.stream().mapToInt(Session::tier).min().orElseThrow();
                List<Declared> first = group.stream().filter(d -> tier(d) == best).toList();
                if (first.size() == 1) {
                    used.add(id);
                }
                for (Declared d : group) {
                    if (first.size() == 1 && d == first.get(0)) {
                        continue;
                    }
                    String candidate = id + (d.kind == Declared.Kind.MODULE ? "Module" : Ids.typeSuffix(d.type));
                    String unique = candidate;
                    for (int n = 2; !used.add(unique); n++) {
                        unique = candidate + n;
                    }
                    d.baseId = unique;
                }
            }
        });
    }

    /**
     * Which of several declarations of one name keeps it as its id: functions first, then the resources
     * functions use, then what declares their events, then event rules (whose targets declare the events),
     * then identities, then the rest.
     */
    private static int tier(Declared d) {
        if (d.kind == Declared.Kind.MODULE) {
            return LambdaModule.isLambdaModule(d.type) ? 0 : 5;
        }
        if ("aws_lambda_function".equals(d.type)) {
            return 0;
        }
        if (DEPENDENCY_TYPES.contains(d.type)) {
            return 1;
        }
        if (EVENT_TYPES.contains(d.type)) {
            return 2;
        }
        if ("aws_cloudwatch_event_rule".equals(d.type)) {
            return 3; // its targets declare the events
        }
        if (d.type.startsWith("aws_iam_")) {
            return 4;
        }
        return 5;
    }

    private static final Set<String> DEPENDENCY_TYPES = Set.of("aws_sqs_queue", "aws_sns_topic", "aws_s3_bucket",
            "aws_dynamodb_table", "aws_kinesis_stream", "aws_cloudwatch_event_bus", "aws_secretsmanager_secret",
            "aws_ssm_parameter", "aws_kms_key", "aws_cloudwatch_log_group", "aws_api_gateway_rest_api",
            "aws_apigatewayv2_api", "aws_lambda_layer_version");
    private static final Set<String> EVENT_TYPES = Set.of("aws_lambda_event_source_mapping",
            "aws_api_gateway_method", "aws_apigatewayv2_route", "aws_sns_topic_subscription",
            "aws_cloudwatch_event_target", "aws_scheduler_schedule", "aws_lambda_function_url", "aws_lambda_alias",
            "aws_s3_bucket_notification");

    // ---------------------------------------------------------------- count and for_each

    /** Works out a declaration's instances, once. */
    void expand(Declared declared) {
        if (declared.mode != null) {
            return;
        }
        if (!expanding.add(declared)) {
            declared.mode = Declared.Mode.UNKNOWN;
            declared.instances = List.of();
            declared.unknownReason = "its count or for_each depends on itself";
            return;
        }
        try {
            expandOnce(declared);
        } finally {
            expanding.remove(declared);
        }
    }

    private void expandOnce(Declared declared) {
        Evaluator evaluator = evaluator(declared.module);
        String base = declared.baseId == null ? Ids.upperCamel(declared.name) : declared.baseId;
        Optional<Attribute> count = declared.block.body().attribute("count");
        Optional<Attribute> forEach = declared.block.body().attribute("for_each");
        List<Declared.Instance> instances = new ArrayList<>();
        Declared.Mode mode;
        // Set when count or for_each is known only with the root module's variables at their defaults.
        Declared.AtDefaults fromDefaults = null;
        if (count.isPresent() && forEach.isPresent()) {
            problem(forEach.get().location(), declared.address() + " sets both count and for_each; a block may set"
                    + " only one of them");
            mode = Declared.Mode.UNKNOWN;
            declared.unknownReason = "it sets both count and for_each";
        } else if (count.isPresent()) {
            Expr value = evaluator.expr(count.get().value());
            Optional<Expr> planned = value instanceof Expr.NumberLiteral || value instanceof Expr.Conditional
                    ? Optional.empty() : atDefaults(count.get(), evaluator);
            if (planned.isPresent()) {
                fromDefaults = new Declared.AtDefaults("count", value, count.get().location());
                value = planned.get();
            }
            if (value instanceof Expr.NumberLiteral n && isCount(n.value())) {
                mode = Declared.Mode.COUNT;
                for (int i = 0; i < n.value().intValue(); i++) {
                    Expr index = new Expr.NumberLiteral(BigDecimal.valueOf(i));
                    instances.add(new Declared.Instance(declared, base + i, Optional.of(index),
                            Evaluator.Bindings.count(index),
                            Optional.empty()));
                }
            } else if (value instanceof Expr.Conditional c && isOneOrZero(c.whenTrue(), c.whenFalse())) {
                mode = Declared.Mode.CONDITIONAL;
                String condition = c.condition();
                if (isZero(c.whenTrue())) {
                    Expr test = conditions.all().stream().filter(x -> x.name().equals(c.condition())).findFirst()
                            .orElseThrow().expression();
                    condition = conditions.name(new Expr.Not(test), Optional.empty(), count.get().location());
                }
                Expr zero = new Expr.NumberLiteral(BigDecimal.ZERO);
                instances.add(new Declared.Instance(declared, base, Optional.empty(),
                        Evaluator.Bindings.count(zero),
                        Optional.of(condition)));
            } else {
                mode = Declared.Mode.UNKNOWN;
                declared.unknownReason = "its count (" + TreeText.abbreviate(count.get().value().text()) + ") is only"
                        + " known when Terraform plans";
            }
        } else if (forEach.isPresent()) {
            Optional<Declared> chained = forEachResource(declared.module, forEach.get().value());
            Expr value = chained.isPresent() ? null : evaluator.expr(forEach.get().value());
            // A map's keys are known even when its values are not, and those stay symbolic.
            Optional<Expr> planned = value == null || value instanceof Expr.MapExpr || value instanceof Expr.ListExpr l
                    && l.items().stream().allMatch(Expr.StringLiteral.class::isInstance)
                    ? Optional.empty() : atDefaults(forEach.get(), evaluator);
            if (planned.isPresent()) {
                fromDefaults = new Declared.AtDefaults("for_each", value, forEach.get().location());
                value = planned.get();
            }
            Map<String, Expr> items = new LinkedHashMap<>();
            boolean known = true;
            if (chained.isPresent()) {
                for (Declared.Instance other : chained.get().instances) {
                    items.put(other.key().flatMap(Expr::asString).orElse(""), new Expr.ResourceRef(other.logicalId()));
                }
            } else if (value instanceof Expr.MapExpr m) {
                items.putAll(m.entries());
            } else if (value instanceof Expr.ListExpr l) {
                for (Expr item : l.items()) {
                    if (item instanceof Expr.StringLiteral s) {
                        items.put(s.value(), s);
                    } else {
                        known = false;
                    }
                }
            } else {
                known = false;
            }
            if (known && items.size() <= MAX_INSTANCES) {
                mode = Declared.Mode.FOR_EACH;
                items.forEach((key, item) -> instances.add(new Declared.Instance(declared, base + Ids.upperCamel(key),
                        Optional.of(Expr.string(key)), chained.isPresent()
                        ? Evaluator.Bindings.eachInstance(Expr.string(key), (Expr.ResourceRef) item, chained.get().type)
                        : Evaluator.Bindings.each(Expr.string(key), item), Optional.empty())));
            } else {
                mode = Declared.Mode.UNKNOWN;
                declared.unknownReason = "its for_each (" + TreeText.abbreviate(forEach.get().value().text())
                        + ") is only known when Terraform plans";
            }
        } else {
            mode = Declared.Mode.SINGLE;
            instances.add(new Declared.Instance(declared, base, Optional.empty(), Evaluator.Bindings.NONE,
                    Optional.empty()));
        }
        if (declared.mode == null) {
            declared.mode = mode;
            declared.instances = List.copyOf(instances);
            declared.expandedAtDefaults = mode == Declared.Mode.UNKNOWN ? null : fromDefaults;
        }
    }

    /**
     * A {@code count} or {@code for_each} whose value depends on the root module's variables
     * ({@code for_each = var.functions}, {@code count = length(var.names)}), computed with their defaults: the
     * instances Terraform plans when nothing sets the variables; empty when it is not known even so. The model has
     * one resource per instance, so the declaration remembers that its instances came from defaults, to say so.
     */
    private Optional<Expr> atDefaults(Attribute argument, Evaluator evaluator) {
        return quietly(() -> evaluator.atDefaults().expr(argument.value())).filter(known ->
                known instanceof Expr.NumberLiteral || known instanceof Expr.MapExpr m && m.isLiteral()
                        || known instanceof Expr.ListExpr l && l.isLiteral());
    }

    /**
     * The resource a {@code for_each} iterates over when it names one with {@code for_each} itself
     * ({@code for_each = aws_iam_role.function}), expanded first: its instances are the keys.
     */
    private Optional<Declared> forEachResource(ModuleInstance module, Expression value) {
        if (value instanceof Expression.Traversal t && t.source() instanceof Expression.Variable v
                && t.steps().size() == 1 && t.steps().get(0) instanceof TraversalStep.GetAttr name) {
            Optional<Declared> resource = module.find(Declared.Kind.RESOURCE, v.name(), name.name());
            resource.ifPresent(this::expand);
            return resource.filter(r -> r.mode == Declared.Mode.FOR_EACH);
        }
        return Optional.empty();
    }

    private static boolean isCount(BigDecimal n) {
        return n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0 && n.compareTo(BigDecimal.valueOf(MAX_INSTANCES)) <= 0;
    }

    private static boolean isOneOrZero(Expr a, Expr b) {
        return isZero(a) && isOne(b) || isOne(a) && isZero(b);
    }

    private static boolean isZero(Expr e) {
        return e instanceof Expr.NumberLiteral n && n.value().signum() == 0;
    }

    private static boolean isOne(Expr e) {
        return e instanceof Expr.NumberLiteral n && n.value().compareTo(BigDecimal.ONE) == 0;
    }

    // ---------------------------------------------------------------- variables, locals, outputs

    /** {@code var.<name>} in a module. */
    Expr variable(ModuleInstance module, String name, Expression whole, boolean atDefaults) {
        Block declaration = module.variables.get(name);
        if (declaration == null) {
            problem(whole.location(), "reference to undeclared input variable '" + name + "'; declare it with a"
                    + " variable block");
            return Evaluator.unknown(whole);
        }
        if (module.isRoot()) {
            Optional<Attribute> fallback = declaration.body().attribute("default");
            if (atDefaults && fallback.isPresent()) {
                Evaluator evaluator = evaluator(module); // a default refers to nothing
                Expr value = evaluator.expr(fallback.get().value());
                Optional<Attribute> type = declaration.body().attribute("type");
                return type.isPresent() ? typed(type.get().value(), value, evaluator) : value;
            }
            return new Expr.ParameterRef(Ids.upperCamel(name));
        }
        String key = module.path() + " var." + name;
        Map<String, Expr> cache = atDefaults ? childVariablesAtDefaults : childVariables;
        Expr known = cache.get(key);
        if (known != null) {
            return known;
        }
        Expr value = resolve(module, "var." + name, whole, () -> {
            Declared call = module.call();
            Optional<Attribute> argument = call.block.body().attribute(name);
            if (argument.isPresent()) {
                Evaluator caller = evaluator(module.parent());
                return (atDefaults ? caller.atDefaults() : caller).expr(argument.get().value());
            }
            Optional<Attribute> fallback = declaration.body().attribute("default");
            if (fallback.isPresent()) {
                return evaluator(module).expr(fallback.get().value());
            }
            problem(call.location(), "module '" + call.name + "' does not set the variable '" + name + "', which"
                    + " has no default");
            return Evaluator.unknown(whole);
        });
        cache.put(key, value);
        return value;
    }

    /**
     * A value converted to its type constraint as far as the model sees it: the attributes an object type
     * declares {@code optional(type, default)} (Terraform 1.3) get their default, or null, where the value
     * leaves them out (developer.hashicorp.com/terraform/language/expressions/type-constraints#optional-object-type-attributes).
     */
    private static Expr typed(Expression type, Expr value, Evaluator evaluator) {
        if (!(type instanceof Expression.FunctionCall call) || call.arguments().isEmpty()) {
            return value;
        }
        Expression inner = call.arguments().get(0);
        switch (call.name()) {
            case "map", "list", "set" -> {
                if (value instanceof Expr.MapExpr m) {
                    Map<String, Expr> entries = new LinkedHashMap<>();
                    m.entries().forEach((k, v) -> entries.put(k, typed(inner, v, evaluator)));
                    return new Expr.MapExpr(entries);
                }
                if (value instanceof Expr.ListExpr l) {
                    return new Expr.ListExpr(l.items().stream().map(v -> typed(inner, v, evaluator)).toList());
                }
                return value;
            }
            case "object" -> {
                if (!(inner instanceof Expression.ObjectConstructor attributes) || !(value instanceof Expr.MapExpr m)) {
                    return value;
                }
                Map<String, Expr> entries = new LinkedHashMap<>(m.entries());
                for (ObjectItem attribute : attributes.items()) {
                    if (!(attribute.key() instanceof ObjectItem.Key.Name name)) {
                        continue;
                    }
                    Expression attributeType = attribute.value();
                    Expr given = entries.get(name.name());
                    if (attributeType instanceof Expression.FunctionCall optional && optional.name().equals("optional")
                            && !optional.arguments().isEmpty()) {
                        attributeType = optional.arguments().get(0);
                        if (given == null) {
                            given = optional.arguments().size() > 1 ? evaluator.expr(optional.arguments().get(1))
                                    : new Expr.NullLiteral();
                        }
                    }
                    if (given != null) {
                        entries.put(name.name(), typed(attributeType, given, evaluator));
                    }
                }
                return new Expr.MapExpr(entries);
            }
            default -> {
                return value;
            }
        }
    }

    /** {@code local.<name>} in a module, inlined. */
    Expr local(ModuleInstance module, String name, Expression whole, boolean atDefaults) {
        Attribute local = module.locals.get(name);
        if (local == null) {
            problem(whole.location(), "reference to undeclared local value '" + name + "'; declare it in a locals"
                    + " block");
            return Evaluator.unknown(whole);
        }
        if (atDefaults) {
            Expr known = module.localValuesAtDefaults.get(name);
            if (known == null) {
                known = resolve(module, "local." + name, whole, () -> evaluator(module).atDefaults()
                        .expr(local.value()));
                module.localValuesAtDefaults.put(name, known);
            }
            return known;
        }
        Expr known = module.localValues.get(name);
        if (known != null) {
            return known;
        }
        Expr value = resolve(module, "local." + name, whole, () -> evaluator(module).expr(local.value()));
        module.localValues.put(name, value);
        return value;
    }

    /**
     * {@code module.<call>.<output>} of a local module; a Lambda module's outputs are those of its function
     * ({@link Evaluator}).
     */
    Expr moduleOutput(Declared call, String output, Expression whole) {
        if (call.child != null) {
            ModuleInstance child = call.child;
            Block declaration = child.outputs.get(output);
            if (declaration == null) {
                problem(whole.location(), "module." + call.name + " has no output '" + output + "'; "
                        + call.type + " declares " + (child.outputs.isEmpty() ? "none"
                        : String.join(", ", child.outputs.keySet())));
                return Evaluator.unknown(whole);
            }
            Expr known = child.outputValues.get(output);
            if (known != null) {
                return known;
            }
            Optional<Attribute> value = declaration.body().attribute("value");
            if (value.isEmpty()) {
                return Evaluator.unknown(whole);
            }
            Expr result = resolve(child, "output." + output, whole, () -> evaluator(child).expr(value.get().value()));
            child.outputValues.put(output, result);
            return result;
        }
        return Evaluator.unknown(whole);
    }

    private Expr resolve(ModuleInstance module, String what, Expression whole, Supplier<Expr> computation) {
        String key = module.path() + " " + what;
        if (!module.inProgress.add(key)) {
            problem(whole.location(), what + (module.isRoot() ? "" : " of " + module.path()) + " refers to itself"
                    + " through the values it is computed from; Terraform refuses such cycles");
            return Evaluator.unknown(whole);
        }
        if (++resolutionDepth > MAX_RESOLUTION_DEPTH) {
            resolutionDepth--;
            module.inProgress.remove(key);
            problem(whole.location(), "values refer to each other more than " + MAX_RESOLUTION_DEPTH + " levels"
                    + " deep here; configurations that deep are not read");
            return Evaluator.unknown(whole);
        }
        try {
            return computation.get();
        } finally {
            resolutionDepth--;
            module.inProgress.remove(key);
        }
    }

    /**
     * The mapping a local's two-level table of literals is, declared on first use: named after the local in
     * UpperCamel (with the module's prefix in a local module).
     */
    String mapping(ModuleInstance module, String local, Expr.MapExpr table) {
        String name = module.idPrefix() + Ids.upperCamel(local);
        io.lambda2azure.core.model.Mapping known = mappings.get(name);
        if (known == null) {
            Map<String, Map<String, Expr>> entries = new LinkedHashMap<>();
            table.entries().forEach((k, v) -> entries.put(k, ((Expr.MapExpr) v).entries()));
            mappings.put(name, new io.lambda2azure.core.model.Mapping(name, entries,
                    module.locals.get(local).location()));
        }
        return name;
    }

    /** The mappings declared, in order of first use. */
    List<io.lambda2azure.core.model.Mapping> mappings() {
        return List.copyOf(mappings.values());
    }

    // ---------------------------------------------------------------- data sources

    /** {@code data.aws_iam_policy_document.<name>.json}: the document in CloudFormation's shape. */
    Expr policyDocument(Declared data) {
        return Policies.document(Policies.documentStatements(data, evaluator(data.module)));
    }

    /**
     * {@code data.archive_file.<name>.output_path}: where the code comes from, the archive's source directory
     * or file relative to the root module ({@code ./src/orders} is {@code src/orders}), as SAM's
     * {@code CodeUri} names it; the zip is only a build artefact.
     */
    Expr archiveSource(Declared data) {
        Body body = data.block.body();
        Optional<Attribute> source = body.attribute("source_dir").or(() -> body.attribute("source_file"));
        if (source.isEmpty()) {
            return body.attribute("output_path").map(a -> Paths.clean(evaluator(data.module).expr(a.value())))
                    .orElse(new Expr.Unknown("data.archive_file." + data.name + ".output_path"));
        }
        return Paths.clean(evaluator(data.module).expr(source.get().value()));
    }
}
