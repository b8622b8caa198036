package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.Pseudo;
import io.lambda2azure.parsers.hcl.Expression;
import io.lambda2azure.parsers.hcl.ObjectItem;
import io.lambda2azure.parsers.hcl.TemplatePart;
import io.lambda2azure.parsers.hcl.TraversalStep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates Terraform expressions into the model's symbolic {@link Expr}, in the scope of one module
 * instance and one resource instance, into the same tree CloudFormation's intrinsics give:
 * <ul>
 * <li>{@code var.x} of the root module is the parameter {@code X}; in a local module it is the value the
 * caller passed (or the default), translated in the caller's scope;</li>
 * <li>{@code local.x} and a local module's outputs are inlined;</li>
 * <li>resource attributes are references to the resource's logical id ({@link Refs});</li>
 * <li>{@code data.aws_region}, {@code aws_caller_identity} and {@code aws_partition} are pseudo parameters,
 * {@code data.aws_iam_policy_document.x.json} is the policy document in CloudFormation's shape;</li>
 * <li>templates are interpolations, conditionals refer to named {@link Conditions};</li>
 * <li>{@code jsonencode(v)} is {@code v} itself, as CloudFormation writes JSON documents as structures;
 * {@code format}, {@code join}, {@code lookup}, {@code merge}, {@code concat}, {@code try}, {@code coalesce}
 * and the type conversions are applied where their arguments are known, else kept symbolic or as
 * {@link Expr.Unknown} with their text, as are {@code file}, {@code templatefile},
 * {@code filebase64sha256} and every other function.</li>
 * </ul>
 * References to undeclared names are problems, as they are for Terraform.
 */
final class Evaluator {

    /**
     * What the names that exist only inside a resource or an expression stand for: {@code count.index},
     * {@code each.key}, {@code each.value}, and the variables of {@code for} expressions.
     */
    record Bindings(Optional<Expr> countIndex, Optional<Expr> eachKey, Optional<Expr> eachValue,
                    Optional<String> eachResourceType, Map<String, Expr> iteration) {

        static final Bindings NONE = new Bindings(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of());

        Bindings {
            iteration = Map.copyOf(iteration);
        }

        /** The bindings of one instance of {@code count}. */
        static Bindings count(Expr index) {
            return new Bindings(Optional.of(index), Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
        }

        /** The bindings of one instance of {@code for_each} over a map or a set. */
        static Bindings each(Expr key, Expr value) {
            return new Bindings(Optional.empty(), Optional.of(key), Optional.of(value), Optional.empty(), Map.of());
        }

        /**
         * The bindings of one instance of {@code for_each} over the instances of another resource
         * ({@code for_each = aws_iam_role.function}): {@code each.value} is that resource's instance, whose
         * attributes ({@code each.value.name}) are references to it.
         */
        static Bindings eachInstance(Expr key, Expr.ResourceRef instance, String type) {
            return new Bindings(Optional.empty(), Optional.of(key), Optional.of(instance), Optional.of(type), Map.of());
        }

        Bindings with(String name, Expr value) {
            Map<String, Expr> next = new HashMap<>(iteration);
            next.put(name, value);
            return new Bindings(countIndex, eachKey, eachValue, eachResourceType, next);
        }
    }

    /** Most elements a {@code for} expression is expanded for while reading. */
    private static final int MAX_FOR_ITEMS = 1_000;
    private static final Pattern FORMAT_VERB = Pattern.compile("%(%|[-+# 0]*\\d*(?:\\.\\d+)?([a-zA-Z]))");

    private final Session session;
    private final ModuleInstance module;
    private final Bindings bindings;
    /** Whether the root module's variables stand for their defaults instead of parameters. */
    private final boolean atDefaults;

    Evaluator(Session session, ModuleInstance module, Bindings bindings) {
        this(session, module, bindings, false);
    }

    private Evaluator(Session session, ModuleInstance module, Bindings bindings, boolean atDefaults) {
        this.session = session;
        this.module = module;
        this.bindings = bindings;
        this.atDefaults = atDefaults;
    }

    /**
     * This scope with the root module's variables at their defaults, the values Terraform plans with when no
     * {@code -var} or {@code .tfvars} sets them: for the {@code count} and {@code for_each} the model must expand.
     */
    Evaluator atDefaults() {
        return new Evaluator(session, module, bindings, true);
    }

    Session session() {
        return session;
    }

    ModuleInstance module() {
        return module;
    }

    Bindings bindings() {
        return bindings;
    }

    /** The expression's value in this scope. */
    Expr expr(Expression e) {
        if (e instanceof Expression.NumberLiteral n) {
            return new Expr.NumberLiteral(n.value());
        }
        if (e instanceof Expression.BoolLiteral b) {
            return new Expr.BooleanLiteral(b.value());
        }
        if (e instanceof Expression.NullLiteral) {
            return new Expr.NullLiteral();
        }
        if (e instanceof Expression.Template t) {
            return template(t);
        }
        if (e instanceof Expression.Variable v) {
            return root(v.name(), List.of(), e);
        }
        if (e instanceof Expression.Traversal t) {
            if (t.source() instanceof Expression.Variable v) {
                return root(v.name(), t.steps(), e);
            }
            return apply(expr(t.source()), t.steps(), e);
        }
        if (e instanceof Expression.Splat s) {
            return splat(s);
        }
        if (e instanceof Expression.FunctionCall call) {
            return call(call);
        }
        if (e instanceof Expression.Conditional c) {
            return conditional(c);
        }
        if (e instanceof Expression.Binary b) {
            return binary(b);
        }
        if (e instanceof Expression.Unary u) {
            return unary(u);
        }
        if (e instanceof Expression.TupleConstructor t) {
            return new Expr.ListExpr(t.items().stream().map(this::expr).toList());
        }
        if (e instanceof Expression.ObjectConstructor o) {
            return object(o);
        }
        if (e instanceof Expression.ForTuple f) {
            return forTuple(f);
        }
        if (e instanceof Expression.ForObject f) {
            return forObject(f);
        }
        throw new IllegalStateException("expression kind not translated: " + e.getClass().getSimpleName());
    }

    /**
     * A boolean expression as a condition: comparisons and logic operators as the model's {@code Equals},
     * {@code And}, {@code Or} and {@code Not}; a bare boolean variable as {@code Equals [var, "true"]}, as
     * CloudFormation, which has no boolean parameters, writes it.
     */
    Expr condition(Expression e) {
        if (e instanceof Expression.Binary b && (b.operator() == Expression.BinaryOperator.EQUAL
                || b.operator() == Expression.BinaryOperator.NOT_EQUAL || b.operator() == Expression.BinaryOperator.AND
                || b.operator() == Expression.BinaryOperator.OR)) {
            return binary(b);
        }
        if (e instanceof Expression.Unary u && u.operator() == Expression.UnaryOperator.NOT) {
            return unary(u);
        }
        Expr value = expr(e);
        if (value instanceof Expr.ParameterRef) {
            return new Expr.Equals(value, Expr.string("true"));
        }
        if (value instanceof Expr.StringLiteral s && ("true".equals(s.value()) || "false".equals(s.value()))) {
            return new Expr.BooleanLiteral(Boolean.parseBoolean(s.value()));
        }
        return value;
    }

    // ---------------------------------------------------------------- templates

    private Expr template(Expression.Template t) {
        Optional<String> literal = t.literalValue();
        if (literal.isPresent()) {
            return Expr.string(literal.get());
        }
        Optional<Expression> unwrapped = t.unwrapped();
        if (unwrapped.isPresent()) {
            return expr(unwrapped.get());
        }
        List<Expr> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (TemplatePart part : t.parts()) {
            Expr value;
            if (part instanceof TemplatePart.Literal l) {
                text.append(l.value());
                continue;
            } else if (part instanceof TemplatePart.Interpolation i) {
                value = expr(i.expression());
            } else {
                return unknown(t); // %{if} and %{for} directives: no model counterpart
            }
            Optional<String> known = asText(value);
            if (known.isPresent()) {
                text.append(known.get());
                continue;
            }
            if (value instanceof Expr.Interpolation nested) {
                for (Expr p : nested.parts()) {
                    if (p instanceof Expr.StringLiteral s) {
                        text.append(s.value());
                    } else {
                        flush(text, parts);
                        parts.add(p);
                    }
                }
                continue;
            }
            flush(text, parts);
            parts.add(value);
        }
        flush(text, parts);
        if (parts.isEmpty()) {
            return Expr.string("");
        }
        if (parts.size() == 1 && parts.get(0) instanceof Expr.StringLiteral s) {
            return s;
        }
        return new Expr.Interpolation(parts);
    }

    private static void flush(StringBuilder text, List<Expr> parts) {
        if (text.length() > 0) {
            parts.add(Expr.string(text.toString()));
            text.setLength(0);
        }
    }

    /** A literal's text as a template writes it: strings as they are, numbers and booleans in their plain form. */
    private static Optional<String> asText(Expr value) {
        if (value instanceof Expr.StringLiteral s) {
            return Optional.of(s.value());
        }
        if (value instanceof Expr.NumberLiteral n) {
            return Optional.of(n.value().toPlainString());
        }
        if (value instanceof Expr.BooleanLiteral b) {
            return Optional.of(Boolean.toString(b.value()));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- references

    private Expr root(String name, List<TraversalStep> steps, Expression whole) {
        Expr iterated = bindings.iteration().get(name);
        if (iterated != null) {
            return apply(iterated, steps, whole);
        }
        switch (name) {
            case "var": {
                Optional<String> variable = attributeName(steps, 0);
                if (variable.isEmpty()) {
                    return malformed(whole, "var.<name>");
                }
                return apply(session.variable(module, variable.get(), whole, atDefaults), steps.subList(1,
                        steps.size()), whole);
            }
            case "local": {
                Optional<String> local = attributeName(steps, 0);
                if (local.isEmpty()) {
                    return malformed(whole, "local.<name>");
                }
                Expr value = session.local(module, local.get(), whole, atDefaults);
                Optional<Expr> lookup = mappingLookup(local.get(), value, steps.subList(1, steps.size()), whole);
                if (lookup.isPresent()) {
                    return lookup.get();
                }
                return apply(value, steps.subList(1, steps.size()), whole);
            }
            case "count": {
                if (!"index".equals(attributeName(steps, 0).orElse(""))) {
                    return malformed(whole, "count.index");
                }
                if (bindings.countIndex().isEmpty()) {
                    session.problem(whole.location(), "count.index is only available in a resource or module"
                            + " block with count");
                    return unknown(whole);
                }
                return apply(bindings.countIndex().get(), steps.subList(1, steps.size()), whole);
            }
            case "each": {
                String which = attributeName(steps, 0).orElse("");
                Optional<Expr> value = "key".equals(which) ? bindings.eachKey()
                        : "value".equals(which) ? bindings.eachValue() : null;
                if (value == null) {
                    return malformed(whole, "each.key or each.value");
                }
                if (value.isEmpty()) {
                    session.problem(whole.location(), "each." + which + " is only available in a resource or module"
                            + " block with for_each");
                    return unknown(whole);
                }
                Optional<String> attribute = attributeName(steps, 1);
                if ("value".equals(which) && bindings.eachResourceType().isPresent() && attribute.isPresent()
                        && value.get() instanceof Expr.ResourceRef instance) {
                    return apply(Refs.attribute(bindings.eachResourceType().get(), instance.logicalId(),
                            attribute.get()), steps.subList(2, steps.size()), whole);
                }
                return apply(value.get(), steps.subList(1, steps.size()), whole);
            }
            case "path": {
                String which = attributeName(steps, 0).orElse("");
                if ("module".equals(which)) {
                    return apply(Expr.string(module.relativeDir()), steps.subList(1, steps.size()), whole);
                }
                if ("root".equals(which) || "cwd".equals(which)) {
                    return apply(Expr.string("."), steps.subList(1, steps.size()), whole);
                }
                return malformed(whole, "path.module, path.root or path.cwd");
            }
            case "terraform":
            case "self":
                return unknown(whole);
            case "data": {
                Optional<String> type = attributeName(steps, 0);
                Optional<String> dataName = attributeName(steps, 1);
                if (type.isEmpty() || dataName.isEmpty()) {
                    return malformed(whole, "data.<type>.<name>");
                }
                Optional<Declared> data = module.find(Declared.Kind.DATA, type.get(), dataName.get());
                if (data.isEmpty()) {
                    session.problem(whole.location(), "reference to undeclared data source data." + type.get() + "."
                            + dataName.get() + "; declare it with a data block");
                    return unknown(whole);
                }
                return data(data.get(), steps.subList(2, steps.size()), whole);
            }
            case "module": {
                Optional<String> call = attributeName(steps, 0);
                if (call.isEmpty()) {
                    return malformed(whole, "module.<name>.<output>");
                }
                Optional<Declared> declared = module.find(Declared.Kind.MODULE, "", call.get());
                if (declared.isEmpty()) {
                    session.problem(whole.location(), "reference to undeclared module module." + call.get()
                            + "; declare it with a module block");
                    return unknown(whole);
                }
                return moduleOutput(declared.get(), steps.subList(1, steps.size()), whole);
            }
            default: {
                Optional<String> resourceName = attributeName(steps, 0);
                if (resourceName.isEmpty()) {
                    session.problem(whole.location(), "unknown name '" + name + "'; expected a reference such as"
                            + " var.<name>, local.<name>, <resource type>.<name>, data.<type>.<name> or"
                            + " module.<name>");
                    return unknown(whole);
                }
                Optional<Declared> resource = module.find(Declared.Kind.RESOURCE, name, resourceName.get());
                if (resource.isEmpty()) {
                    session.problem(whole.location(), "reference to undeclared resource " + name + "."
                            + resourceName.get() + "; declare it with a resource block");
                    return unknown(whole);
                }
                return resource(resource.get(), steps.subList(1, steps.size()), whole);
            }
        }
    }

    /**
     * A two-level table of literals looked up with a key known only at deployment,
     * {@code local.sizing[var.environment].memory}: CloudFormation's {@code Mappings} and {@code !FindInMap},
     * which the model has for it. The table becomes a mapping named after the local ({@code Sizing}).
     */
    private Optional<Expr> mappingLookup(String local, Expr table, List<TraversalStep> steps, Expression whole) {
        if (steps.size() != 2 || !(table instanceof Expr.MapExpr map) || !(steps.get(0) instanceof TraversalStep.Index first)
                || map.entries().isEmpty() || !map.entries().values().stream()
                .allMatch(v -> v instanceof Expr.MapExpr inner && inner.isLiteral())) {
            return Optional.empty();
        }
        Expr key = expr(first.key());
        if (key.isLiteral()) {
            return Optional.empty();
        }
        Expr second = steps.get(1) instanceof TraversalStep.GetAttr a ? Expr.string(a.name())
                : expr(((TraversalStep.Index) steps.get(1)).key());
        if (!(second instanceof Expr.StringLiteral)) {
            return Optional.empty();
        }
        String name = session.mapping(module, local, map);
        return Optional.of(new Expr.FindInMap(Expr.string(name), key, second, Optional.empty()));
    }

    private Expr malformed(Expression whole, String expected) {
        session.problem(whole.location(), "'" + TreeText.abbreviate(whole.text()) + "' is not a valid reference;"
                + " expected " + expected);
        return unknown(whole);
    }

    private static Optional<String> attributeName(List<TraversalStep> steps, int index) {
        return index < steps.size() && steps.get(index) instanceof TraversalStep.GetAttr a
                ? Optional.of(a.name()) : Optional.empty();
    }

    /** The instance of a resource that the steps after its name select, and the attribute they read. */
    private Expr resource(Declared declared, List<TraversalStep> steps, Expression whole) {
        Optional<Declared.Instance> instance = instance(declared, steps);
        if (instance.isEmpty()) {
            return unknown(whole);
        }
        List<TraversalStep> rest = steps.subList(selectorLength(declared, steps), steps.size());
        Optional<String> attribute = attributeName(rest, 0);
        if (attribute.isEmpty()) {
            return apply(new Expr.ResourceRef(instance.get().logicalId()), rest, whole);
        }
        return apply(Refs.attribute(declared.type, instance.get().logicalId(), attribute.get()),
                rest.subList(1, rest.size()), whole);
    }

    /** How many steps select the instance: an index after a counted or for_each resource. */
    private int selectorLength(Declared declared, List<TraversalStep> steps) {
        boolean indexed = !steps.isEmpty() && steps.get(0) instanceof TraversalStep.Index;
        return indexed && declared.mode != Declared.Mode.SINGLE ? 1 : 0;
    }

    private Optional<Declared.Instance> instance(Declared declared, List<TraversalStep> steps) {
        session.expand(declared);
        switch (declared.mode) {
            case SINGLE:
            case CONDITIONAL:
                // A conditional resource's one instance is [0]; the index names nothing else.
                return declared.instances.isEmpty() ? Optional.empty() : Optional.of(declared.instances.get(0));
            case COUNT:
            case FOR_EACH: {
                if (steps.isEmpty() || !(steps.get(0) instanceof TraversalStep.Index index)) {
                    return Optional.empty();
                }
                Expr key = expr(index.key());
                for (Declared.Instance i : declared.instances) {
                    if (i.key().isPresent() && sameKey(i.key().get(), key)) {
                        return Optional.of(i);
                    }
                }
                if (key.isLiteral()) {
                    session.problem(index.location(), declared.address() + " has no instance " + key + "; its keys are "
                            + declared.instances.stream().map(i -> String.valueOf(i.key().orElse(null))).toList());
                }
                return Optional.empty();
            }
            default:
                return Optional.empty();
        }
    }

    private static boolean sameKey(Expr a, Expr b) {
        if (a instanceof Expr.NumberLiteral x && b instanceof Expr.NumberLiteral y) {
            return x.value().compareTo(y.value()) == 0;
        }
        return a.equals(b);
    }

    private Expr data(Declared data, List<TraversalStep> steps, Expression whole) {
        Optional<String> attribute = attributeName(steps, 0);
        List<TraversalStep> rest = attribute.isPresent() ? steps.subList(1, steps.size()) : steps;
        String attr = attribute.orElse("");
        switch (data.type) {
            case "aws_region":
                if (attr.equals("name") || attr.equals("region") || attr.equals("id")) {
                    return apply(new Expr.PseudoRef(Pseudo.REGION), rest, whole);
                }
                break;
            case "aws_caller_identity":
                if (attr.equals("account_id")) {
                    return apply(new Expr.PseudoRef(Pseudo.ACCOUNT_ID), rest, whole);
                }
                break;
            case "aws_partition":
                if (attr.equals("partition") || attr.equals("id")) {
                    return apply(new Expr.PseudoRef(Pseudo.PARTITION), rest, whole);
                }
                if (attr.equals("dns_suffix")) {
                    return apply(new Expr.PseudoRef(Pseudo.URL_SUFFIX), rest, whole);
                }
                break;
            case "aws_iam_policy_document":
                if (attr.equals("json") || attr.equals("minified_json")) {
                    return apply(session.policyDocument(data), rest, whole);
                }
                break;
            case "archive_file":
                if (attr.equals("output_path")) {
                    return apply(session.archiveSource(data), rest, whole);
                }
                break;
            default:
                break;
        }
        return unknown(whole);
    }

    private Expr moduleOutput(Declared call, List<TraversalStep> steps, Expression whole) {
        if (LambdaModule.isLambdaModule(call.type)) {
            // module.worker.lambda_function_arn, or module.lambda["orders"].lambda_function_arn for one function of
            // a Lambda module with count or for_each: the outputs of the function the instance is.
            Optional<Declared.Instance> instance = instance(call, steps);
            List<TraversalStep> rest = steps.subList(selectorLength(call, steps), steps.size());
            Optional<String> output = attributeName(rest, 0);
            if (instance.isEmpty() || output.isEmpty()) {
                return unknown(whole);
            }
            return apply(LambdaModule.output(instance.get().logicalId(), output.get()).orElseGet(() -> unknown(whole)),
                    rest.subList(1, rest.size()), whole);
        }
        Optional<String> output = attributeName(steps, 0);
        if (output.isEmpty()) {
            return unknown(whole);
        }
        return apply(session.moduleOutput(call, output.get(), whole), steps.subList(1, steps.size()), whole);
    }

    /** Attribute and index steps applied to a value: known where the value is, kept symbolic where possible. */
    private Expr apply(Expr base, List<TraversalStep> steps, Expression whole) {
        Expr value = base;
        for (TraversalStep step : steps) {
            if (value instanceof Expr.Unknown) {
                return value;
            }
            if (step instanceof TraversalStep.GetAttr a) {
                if (value instanceof Expr.MapExpr m && m.entries().containsKey(a.name())) {
                    value = m.entries().get(a.name());
                } else {
                    return unknown(whole);
                }
            } else {
                Expr key = expr(((TraversalStep.Index) step).key());
                if (value instanceof Expr.ListExpr l && key instanceof Expr.NumberLiteral n && isIndex(n, l.items().size())) {
                    value = l.items().get(n.value().intValueExact());
                } else if (value instanceof Expr.MapExpr m && key instanceof Expr.StringLiteral s
                        && m.entries().containsKey(s.value())) {
                    value = m.entries().get(s.value());
                } else if (!(value instanceof Expr.MapExpr) && !(value instanceof Expr.ListExpr)
                        && key instanceof Expr.NumberLiteral) {
                    value = new Expr.Select(key, value);
                } else {
                    return unknown(whole);
                }
            }
        }
        return value;
    }

    private static boolean isIndex(Expr.NumberLiteral n, int size) {
        BigDecimal v = n.value();
        return v.signum() >= 0 && v.stripTrailingZeros().scale() <= 0 && v.compareTo(BigDecimal.valueOf(size)) < 0;
    }

    private Expr splat(Expression.Splat s) {
        if (s.source() instanceof Expression.Traversal t && t.source() instanceof Expression.Variable v
                && t.steps().size() == 1 && t.steps().get(0) instanceof TraversalStep.GetAttr name) {
            Optional<Declared> resource = module.find(Declared.Kind.RESOURCE, v.name(), name.name());
            if (resource.isPresent()) {
                Declared declared = resource.get();
                session.expand(declared);
                if (declared.mode == Declared.Mode.SINGLE || declared.mode == Declared.Mode.COUNT
                        || declared.mode == Declared.Mode.FOR_EACH) {
                    List<Expr> items = new ArrayList<>();
                    for (Declared.Instance i : declared.instances) {
                        Optional<String> attribute = attributeName(s.each(), 0);
                        Expr item = attribute.isEmpty() ? new Expr.ResourceRef(i.logicalId())
                                : apply(Refs.attribute(declared.type, i.logicalId(), attribute.get()),
                                s.each().subList(1, s.each().size()), s);
                        items.add(item);
                    }
                    return new Expr.ListExpr(items);
                }
                return unknown(s);
            }
        }
        Expr source = expr(s.source());
        if (source instanceof Expr.ListExpr list) {
            return new Expr.ListExpr(list.items().stream().map(i -> apply(i, s.each(), s)).toList());
        }
        if (source instanceof Expr.NullLiteral) {
            return new Expr.ListExpr(List.of());
        }
        return unknown(s);
    }

    // ---------------------------------------------------------------- operators

    private Expr conditional(Expression.Conditional c) {
        Expr test = condition(c.condition());
        if (test instanceof Expr.BooleanLiteral b) {
            return expr(b.value() ? c.whenTrue() : c.whenFalse());
        }
        if (test instanceof Expr.Unknown) {
            return unknown(c);
        }
        String name = session.conditions().name(test, preferredName(c.condition()), c.location());
        return new Expr.Conditional(name, expr(c.whenTrue()), expr(c.whenFalse()));
    }

    /** {@code local.is_prod} names its condition {@code IsProd}. */
    static Optional<String> preferredName(Expression condition) {
        if (condition instanceof Expression.Traversal t && t.source() instanceof Expression.Variable v
                && "local".equals(v.name()) && t.steps().size() == 1
                && t.steps().get(0) instanceof TraversalStep.GetAttr a) {
            return Optional.of(Ids.upperCamel(a.name()));
        }
        return Optional.empty();
    }

    private Expr binary(Expression.Binary b) {
        Expression.BinaryOperator op = b.operator();
        switch (op) {
            case EQUAL:
            case NOT_EQUAL: {
                Expr left = expr(b.left());
                Expr right = expr(b.right());
                Expr equals;
                if (left.isLiteral() && right.isLiteral()) {
                    equals = new Expr.BooleanLiteral(sameValue(left, right));
                    return op == Expression.BinaryOperator.EQUAL ? equals
                            : new Expr.BooleanLiteral(!((Expr.BooleanLiteral) equals).value());
                }
                equals = new Expr.Equals(left, right);
                return op == Expression.BinaryOperator.EQUAL ? equals : new Expr.Not(equals);
            }
            case AND:
            case OR: {
                List<Expr> operands = new ArrayList<>();
                boolean and = op == Expression.BinaryOperator.AND;
                for (Expression side : List.of(b.left(), b.right())) {
                    Expr value = condition(side);
                    if (value instanceof Expr.BooleanLiteral known) {
                        if (known.value() != and) {
                            return known; // false && x, true || x
                        }
                        continue;
                    }
                    if (and && value instanceof Expr.And nested) {
                        operands.addAll(nested.operands());
                    } else if (!and && value instanceof Expr.Or nested) {
                        operands.addAll(nested.operands());
                    } else {
                        operands.add(value);
                    }
                }
                if (operands.isEmpty()) {
                    return new Expr.BooleanLiteral(and);
                }
                if (operands.size() == 1) {
                    return operands.get(0);
                }
                return and ? new Expr.And(operands) : new Expr.Or(operands);
            }
            default: {
                Expr left = expr(b.left());
                Expr right = expr(b.right());
                if (left instanceof Expr.NumberLiteral l && right instanceof Expr.NumberLiteral r) {
                    Optional<Expr> known = arithmetic(op, l.value(), r.value());
                    if (known.isPresent()) {
                        return known.get();
                    }
                }
                return unknown(b);
            }
        }
    }

    private static Optional<Expr> arithmetic(Expression.BinaryOperator op, BigDecimal l, BigDecimal r) {
        switch (op) {
            case ADD:
                return Optional.of(new Expr.NumberLiteral(l.add(r)));
            case SUBTRACT:
                return Optional.of(new Expr.NumberLiteral(l.subtract(r)));
            case MULTIPLY:
                return Optional.of(new Expr.NumberLiteral(l.multiply(r)));
            case LESS:
                return Optional.of(new Expr.BooleanLiteral(l.compareTo(r) < 0));
            case LESS_OR_EQUAL:
                return Optional.of(new Expr.BooleanLiteral(l.compareTo(r) <= 0));
            case GREATER:
                return Optional.of(new Expr.BooleanLiteral(l.compareTo(r) > 0));
            case GREATER_OR_EQUAL:
                return Optional.of(new Expr.BooleanLiteral(l.compareTo(r) >= 0));
            default:
                return Optional.empty(); // division and modulo: exactness and zero are Terraform's business
        }
    }

    private static boolean sameValue(Expr a, Expr b) {
        if (a instanceof Expr.NumberLiteral x && b instanceof Expr.NumberLiteral y) {
            return x.value().compareTo(y.value()) == 0;
        }
        return a.equals(b);
    }

    private Expr unary(Expression.Unary u) {
        if (u.operator() == Expression.UnaryOperator.NOT) {
            Expr operand = condition(u.operand());
            if (operand instanceof Expr.BooleanLiteral b) {
                return new Expr.BooleanLiteral(!b.value());
            }
            if (operand instanceof Expr.Not n) {
                return n.operand();
            }
            return operand instanceof Expr.Unknown ? unknown(u) : new Expr.Not(operand);
        }
        Expr operand = expr(u.operand());
        if (operand instanceof Expr.NumberLiteral n) {
            return new Expr.NumberLiteral(n.value().negate());
        }
        return unknown(u);
    }

    // ---------------------------------------------------------------- collections

    private Expr object(Expression.ObjectConstructor o) {
        Map<String, Expr> entries = new LinkedHashMap<>();
        for (ObjectItem item : o.items()) {
            Optional<String> key = item.key().staticName();
            if (key.isEmpty() && item.key() instanceof ObjectItem.Key.Computed computed) {
                key = asText(expr(computed.expression()));
            }
            if (key.isEmpty()) {
                return unknown(o);
            }
            entries.put(key.get(), expr(item.value()));
        }
        return new Expr.MapExpr(entries);
    }

    private Expr forTuple(Expression.ForTuple f) {
        Optional<List<Map.Entry<Expr, Expr>>> items = iterate(f.collection());
        if (items.isEmpty()) {
            return unknown(f);
        }
        List<Expr> result = new ArrayList<>();
        for (Map.Entry<Expr, Expr> item : items.get()) {
            Evaluator inner = iterationScope(f.keyVariable(), f.valueVariable(), item);
            if (f.condition().isPresent()) {
                Expr keep = inner.condition(f.condition().get());
                if (!(keep instanceof Expr.BooleanLiteral b)) {
                    return unknown(f);
                }
                if (!b.value()) {
                    continue;
                }
            }
            result.add(inner.expr(f.value()));
        }
        return new Expr.ListExpr(result);
    }

    private Expr forObject(Expression.ForObject f) {
        Optional<List<Map.Entry<Expr, Expr>>> items = iterate(f.collection());
        if (items.isEmpty() || f.grouping()) {
            return unknown(f);
        }
        Map<String, Expr> result = new LinkedHashMap<>();
        for (Map.Entry<Expr, Expr> item : items.get()) {
            Evaluator inner = iterationScope(f.keyVariable(), f.valueVariable(), item);
            if (f.condition().isPresent()) {
                Expr keep = inner.condition(f.condition().get());
                if (!(keep instanceof Expr.BooleanLiteral b)) {
                    return unknown(f);
                }
                if (!b.value()) {
                    continue;
                }
            }
            Optional<String> key = asText(inner.expr(f.key()));
            if (key.isEmpty()) {
                return unknown(f);
            }
            result.put(key.get(), inner.expr(f.value()));
        }
        return new Expr.MapExpr(result);
    }

    /** The key-value pairs of a collection known while reading: index-item for lists, key-value for maps. */
    private Optional<List<Map.Entry<Expr, Expr>>> iterate(Expression collection) {
        Expr value = expr(collection);
        List<Map.Entry<Expr, Expr>> items = new ArrayList<>();
        if (value instanceof Expr.ListExpr l && l.items().size() <= MAX_FOR_ITEMS) {
            for (int i = 0; i < l.items().size(); i++) {
                items.add(Map.entry(new Expr.NumberLiteral(BigDecimal.valueOf(i)), l.items().get(i)));
            }
            return Optional.of(items);
        }
        if (value instanceof Expr.MapExpr m && m.entries().size() <= MAX_FOR_ITEMS) {
            m.entries().forEach((k, v) -> items.add(Map.entry(Expr.string(k), v)));
            return Optional.of(items);
        }
        return Optional.empty();
    }

    private Evaluator iterationScope(Optional<String> keyVariable, String valueVariable, Map.Entry<Expr, Expr> item) {
        Bindings inner = bindings.with(valueVariable, item.getValue());
        if (keyVariable.isPresent()) {
            inner = inner.with(keyVariable.get(), item.getKey());
        }
        return new Evaluator(session, module, inner, atDefaults);
    }

    // ---------------------------------------------------------------- functions

    private Expr call(Expression.FunctionCall call) {
        List<Expression> args = call.arguments();
        String name = call.name();
        if (call.expandFinal()) {
            return unknown(call);
        }
        switch (name) {
            case "jsonencode":
            case "tostring":
            case "tonumber":
            case "tobool":
            case "tolist":
            case "tomap":
            case "sensitive":
            case "nonsensitive":
                return args.size() == 1 ? expr(args.get(0)) : unknown(call);
            case "toset": {
                if (args.size() != 1) {
                    return unknown(call);
                }
                Expr value = expr(args.get(0));
                if (value instanceof Expr.ListExpr l && l.isLiteral()) {
                    return new Expr.ListExpr(List.copyOf(new LinkedHashSet<>(l.items())));
                }
                return value;
            }
            case "jsondecode":
                return args.size() == 1 ? JsonExprs.decode(expr(args.get(0))).orElseGet(() -> unknown(call))
                        : unknown(call);
            case "format":
                return format(call);
            case "join": {
                if (args.size() != 2) {
                    return unknown(call);
                }
                Expr delimiter = expr(args.get(0));
                Expr values = expr(args.get(1));
                if (delimiter instanceof Expr.StringLiteral d && values instanceof Expr.ListExpr l
                        && l.items().stream().allMatch(i -> asText(i).isPresent())) {
                    return Expr.string(String.join(d.value(), l.items().stream().map(i -> asText(i).orElseThrow())
                            .toList()));
                }
                return new Expr.Join(delimiter, values);
            }
            case "split":
                return args.size() == 2 ? new Expr.Split(expr(args.get(0)), expr(args.get(1))) : unknown(call);
            case "element": {
                if (args.size() != 2) {
                    return unknown(call);
                }
                Expr list = expr(args.get(0));
                Expr index = expr(args.get(1));
                if (list instanceof Expr.ListExpr l && index instanceof Expr.NumberLiteral n && !l.items().isEmpty()
                        && n.value().signum() >= 0 && n.value().stripTrailingZeros().scale() <= 0) {
                    return l.items().get(n.value().intValue() % l.items().size());
                }
                return new Expr.Select(index, list);
            }
            case "lookup": {
                if (args.size() < 2 || args.size() > 3) {
                    return unknown(call);
                }
                Expr map = expr(args.get(0));
                Expr key = expr(args.get(1));
                if (map instanceof Expr.MapExpr m && key instanceof Expr.StringLiteral k) {
                    Expr found = m.entries().get(k.value());
                    if (found != null) {
                        return found;
                    }
                    if (args.size() == 3) {
                        return expr(args.get(2));
                    }
                }
                return unknown(call);
            }
            case "merge": {
                Map<String, Expr> merged = new LinkedHashMap<>();
                for (Expression arg : args) {
                    Expr value = expr(arg);
                    if (value instanceof Expr.MapExpr m) {
                        merged.putAll(m.entries());
                    } else if (!(value instanceof Expr.NullLiteral)) {
                        return unknown(call);
                    }
                }
                return new Expr.MapExpr(merged);
            }
            case "concat": {
                List<Expr> items = new ArrayList<>();
                for (Expression arg : args) {
                    Expr value = expr(arg);
                    if (!(value instanceof Expr.ListExpr l)) {
                        return unknown(call);
                    }
                    items.addAll(l.items());
                }
                return new Expr.ListExpr(items);
            }
            case "try": {
                for (Expression arg : args) {
                    Optional<Expr> value = session.quietly(() -> expr(arg));
                    if (value.isPresent() && !(value.get() instanceof Expr.Unknown)) {
                        return value.get();
                    }
                }
                return unknown(call);
            }
            case "coalesce": {
                for (Expression arg : args) {
                    Expr value = expr(arg);
                    if (value instanceof Expr.NullLiteral || value.equals(Expr.string(""))) {
                        continue;
                    }
                    return value.isLiteral() ? value : unknown(call);
                }
                return unknown(call);
            }
            case "length": {
                if (args.size() != 1) {
                    return unknown(call);
                }
                Expr value = expr(args.get(0));
                int size = value instanceof Expr.ListExpr l ? l.items().size()
                        : value instanceof Expr.MapExpr m ? m.entries().size()
                        : value instanceof Expr.StringLiteral s ? s.value().codePointCount(0, s.value().length()) : -1;
                return size < 0 ? unknown(call) : new Expr.NumberLiteral(BigDecimal.valueOf(size));
            }
            case "keys":
            case "values": {
                Expr value = args.size() == 1 ? expr(args.get(0)) : null;
                if (value instanceof Expr.MapExpr m) {
                    return new Expr.ListExpr("keys".equals(name)
                            ? m.entries().keySet().stream().map(Expr::string).toList()
                            : List.copyOf(m.entries().values()));
                }
                return unknown(call);
            }
            case "lower":
            case "upper": {
                Expr value = args.size() == 1 ? expr(args.get(0)) : null;
                if (value instanceof Expr.StringLiteral s) {
                    return Expr.string("lower".equals(name) ? s.value().toLowerCase(Locale.ROOT)
                            : s.value().toUpperCase(Locale.ROOT));
                }
                return unknown(call);
            }
            case "one": {
                Expr value = args.size() == 1 ? expr(args.get(0)) : null;
                if (value instanceof Expr.ListExpr l && l.items().size() <= 1) {
                    return l.items().isEmpty() ? new Expr.NullLiteral() : l.items().get(0);
                }
                return unknown(call);
            }
            case "base64encode":
                return args.size() == 1 ? new Expr.Base64(expr(args.get(0))) : unknown(call);
            default:
                // file, templatefile, filebase64sha256 and every other function: evaluated by Terraform only.
                args.forEach(this::expr); // references inside are still checked
                return unknown(call);
        }
    }

    /** {@code format("orders-%s", var.stage)} as an interpolation, when the format is literal. */
    private Expr format(Expression.FunctionCall call) {
        if (call.arguments().isEmpty()) {
            return unknown(call);
        }
        Expr spec = expr(call.arguments().get(0));
        if (!(spec instanceof Expr.StringLiteral format)) {
            return unknown(call);
        }
        List<Expr> args = call.arguments().subList(1, call.arguments().size()).stream().map(this::expr).toList();
        List<Expr> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Matcher m = FORMAT_VERB.matcher(format.value());
        int last = 0;
        int next = 0;
        while (m.find()) {
            text.append(format.value(), last, m.start());
            last = m.end();
            if ("%".equals(m.group(1))) {
                text.append('%');
                continue;
            }
            String verb = m.group(2);
            if (!m.group(1).equals(verb) || !("s".equals(verb) || "d".equals(verb) || "v".equals(verb))
                    || next >= args.size()) {
                return unknown(call); // flags, widths and other verbs change the text
            }
            Expr value = args.get(next++);
            Optional<String> known = asText(value);
            if (known.isPresent()) {
                text.append(known.get());
            } else {
                flush(text, parts);
                parts.add(value);
            }
        }
        text.append(format.value().substring(last));
        flush(text, parts);
        if (parts.isEmpty()) {
            return Expr.string("");
        }
        return parts.size() == 1 && parts.get(0) instanceof Expr.StringLiteral s ? s : new Expr.Interpolation(parts);
    }

    /** What the model keeps of an expression it cannot express: its text. */
    static Expr.Unknown unknown(Expression e) {
        return new Expr.Unknown(e.text());
    }
}
