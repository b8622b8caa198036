package io.lambda2azure.emitters.terraform;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.AzureOutput;
import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.AzureVariable;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.emitters.terraform.HclExpr.Binary;
import io.lambda2azure.emitters.terraform.HclExpr.Conditional;
import io.lambda2azure.emitters.terraform.HclExpr.GetAttr;
import io.lambda2azure.emitters.terraform.HclExpr.Index;
import io.lambda2azure.emitters.terraform.HclExpr.IndexExpr;
import io.lambda2azure.emitters.terraform.HclExpr.Not;
import io.lambda2azure.emitters.terraform.HclExpr.NullLit;
import io.lambda2azure.emitters.terraform.HclExpr.NumberLit;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectExpr;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectItem;
import io.lambda2azure.emitters.terraform.HclExpr.Operator;
import io.lambda2azure.emitters.terraform.HclExpr.Step;
import io.lambda2azure.emitters.terraform.HclExpr.Template;
import io.lambda2azure.emitters.terraform.HclExpr.Traversal;
import io.lambda2azure.emitters.terraform.HclExpr.Tuple;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static io.lambda2azure.emitters.terraform.HclExpr.bool;
import static io.lambda2azure.emitters.terraform.HclExpr.call;
import static io.lambda2azure.emitters.terraform.HclExpr.number;
import static io.lambda2azure.emitters.terraform.HclExpr.ref;
import static io.lambda2azure.emitters.terraform.HclExpr.string;

/**
 * The Terraform names of one deployment (variables, locals, resource addresses, outputs) and the translation of
 * the model's {@link Value}s into HCL expressions that use them.
 *
 * <p>Choices that differ from a word-for-word translation:
 * <ul>
 *   <li>A parameter whose default is an expression (the planner's {@code location} = the resource group's
 *       location, {@code resourceSuffix} = a hash of the resource group's id) cannot have that default in
 *       Terraform, whose defaults are literals. Its variable defaults to {@code null} and a local of the same
 *       name falls back to the expression: {@code coalesce(var.location, data.azurerm_resource_group.target.location)};
 *       every use of the parameter reads the local.</li>
 *   <li>{@code uniqueString(a, b)} becomes {@code substr(sha1(join("", [a, b])), 0, 13)}: 13 lowercase hex
 *       characters, stable for the same seeds, but not the same characters Bicep's hash gives.</li>
 *   <li>{@code guid(a, b)} becomes {@code uuidv5("url", join("/", [a, b]))}: a stable UUID, again not Bicep's.</li>
 *   <li>A template that is only one interpolation, {@code "${x}"}, is written {@code x}, as terraform fmt
 *       rewrites it.</li>
 *   <li>A reference to a resource deployed under a condition ({@code count}) reads instance {@code [0]}.</li>
 * </ul>
 */
final class Expressions {

    /** The fixed variable every file uses for the target resource group. */
    static final String RESOURCE_GROUP_VARIABLE = "resource_group_name";

    /** The data sources the files read: the target resource group, and the caller's subscription and tenant. */
    static final Traversal RESOURCE_GROUP = ref("data", Azurerm.DATA_RESOURCE_GROUP, "target");
    static final Traversal CLIENT_CONFIG = ref("data", Azurerm.DATA_CLIENT_CONFIG, "current");

    /** The name of the parameter that every resource's location comes from (the planner declares it). */
    static final String LOCATION_PARAMETER = "location";

    private static final Pattern BARE_KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** A resource's address: {@code type.label}, and whether it has {@code count}. */
    record Address(String type, String label, boolean counted) {

        /** {@code type.label} or {@code type.label[0]}. */
        Traversal instance() {
            List<Step> steps = new ArrayList<>();
            steps.add(new GetAttr(label));
            if (counted) {
                steps.add(new Index(0));
            }
            return new Traversal(type, steps);
        }
    }

    private final Map<String, AzureParameter> parameters = new LinkedHashMap<>();
    private final Map<String, String> variableNames = new LinkedHashMap<>();
    /** Parameters whose default is an expression, by model name → the name of their fallback local. */
    private final Map<String, String> fallbackLocals = new LinkedHashMap<>();
    private final Map<String, AzureVariable> variables = new LinkedHashMap<>();
    private final Map<String, String> localNames = new LinkedHashMap<>();
    private final Map<String, Address> addresses = new HashMap<>();
    private final Map<String, String> outputNames = new LinkedHashMap<>();
    private boolean clientConfigUsed;

    Expressions(AzureDeployment deployment) {
        TfNames vars = new TfNames(TfNames.RESERVED_VARIABLES);
        vars.reserve(RESOURCE_GROUP_VARIABLE);
        TfNames locals = new TfNames();
        for (AzureParameter p : deployment.parameters()) {
            parameters.put(p.name(), p);
            String name = vars.allocate(p.name());
            variableNames.put(p.name(), name);
        }
        for (AzureParameter p : deployment.parameters()) {
            if (p.defaultValue().isPresent() && !isLiteral(p.defaultValue().get())) {
                fallbackLocals.put(p.name(), locals.allocate(variableNames.get(p.name())));
            }
        }
        for (AzureVariable v : deployment.variables()) {
            variables.put(v.name(), v);
            localNames.put(v.name(), locals.allocate(v.name()));
        }
        TfNames labels = new TfNames();
        for (AzureResource r : deployment.resources()) {
            addresses.put(r.symbol(), new Address(Azurerm.type(r, deployment), labels.allocate(r.symbol()),
                    r.condition().isPresent()));
        }
        TfNames outputs = new TfNames();
        for (AzureOutput o : deployment.outputs()) {
            outputNames.put(o.name(), outputs.allocate(o.name()));
        }
    }

    // ------------------------------------------------------------------ names

    /** The variable name of a parameter. */
    String variableName(String parameter) {
        String name = variableNames.get(parameter);
        if (name == null) {
            throw new IllegalStateException("the model refers to parameter " + parameter
                    + ", which the deployment does not declare");
        }
        return name;
    }

    /** The fallback local of a parameter whose default is an expression, if it has one. */
    Optional<String> fallbackLocal(String parameter) {
        return Optional.ofNullable(fallbackLocals.get(parameter));
    }

    /** The local name of a model variable. */
    String localName(String variable) {
        String name = localNames.get(variable);
        if (name == null) {
            throw new IllegalStateException("the model refers to variable " + variable
                    + ", which the deployment does not declare");
        }
        return name;
    }

    /** The address of a resource. */
    Address address(String symbol) {
        Address a = addresses.get(symbol);
        if (a == null) {
            throw new IllegalStateException("the model refers to resource " + symbol
                    + ", which the deployment does not have");
        }
        return a;
    }

    /** The output name of a model output. */
    String outputName(String output) {
        return outputNames.get(output);
    }

    /** Whether a value read the subscription or tenant, so main.tf needs {@code data.azurerm_client_config}. */
    boolean clientConfigUsed() {
        return clientConfigUsed;
    }

    /** {@code <address>.<attribute>}. */
    Traversal attribute(String symbol, Value.Attribute attribute) {
        Address address = address(symbol);
        return HclExpr.attr(address.instance(), Azurerm.attribute(address.type(), attribute));
    }

    /** The location every resource is deployed to: the {@code location} parameter, else the resource group's. */
    HclExpr location() {
        return parameters.containsKey(LOCATION_PARAMETER) ? parameter(LOCATION_PARAMETER)
                : context(Value.ContextValue.LOCATION);
    }

    /** {@code var.resource_group_name}. */
    static Traversal resourceGroupName() {
        return ref("var", RESOURCE_GROUP_VARIABLE);
    }

    /** The subscription of the provider's credentials; main.tf then reads the client configuration. */
    Traversal subscriptionId() {
        clientConfigUsed = true;
        return HclExpr.attr(CLIENT_CONFIG, "subscription_id");
    }

    // ------------------------------------------------------------------ values

    /** Whether a value is a literal, which Terraform accepts as a variable default. */
    static boolean isLiteral(Value value) {
        if (value instanceof Value.Text || value instanceof Value.Number || value instanceof Value.Bool
                || value instanceof Value.Null) {
            return true;
        }
        if (value instanceof Value.Array a) {
            return a.items().stream().allMatch(Expressions::isLiteral);
        }
        if (value instanceof Value.Obj o) {
            return o.entries().values().stream().allMatch(Expressions::isLiteral);
        }
        return false;
    }

    /** Whether a value carries a secret: a secure parameter, or a connection string. */
    boolean sensitive(Value value) {
        return sensitive(value, new HashSet<>());
    }

    private boolean sensitive(Value value, Set<String> visiting) {
        if (value instanceof Value.Param p) {
            AzureParameter parameter = parameters.get(p.name());
            if (parameter == null) {
                return false;
            }
            return parameter.secure() || (fallbackLocals.containsKey(p.name()) && visiting.add("param:" + p.name())
                    && sensitive(parameter.defaultValue().get(), visiting));
        }
        if (value instanceof Value.Variable v) {
            AzureVariable variable = variables.get(v.name());
            return variable != null && visiting.add("var:" + v.name()) && sensitive(variable.expression(), visiting);
        }
        if (value instanceof Value.ResourceProperty r) {
            return r.attribute() == Value.Attribute.CONNECTION_STRING;
        }
        if (value instanceof Value.Array a) {
            return a.items().stream().anyMatch(i -> sensitive(i, visiting));
        }
        if (value instanceof Value.Obj o) {
            return o.entries().values().stream().anyMatch(i -> sensitive(i, visiting));
        }
        if (value instanceof Value.Interpolation i) {
            return i.parts().stream().anyMatch(p -> sensitive(p, visiting));
        }
        if (value instanceof Value.Conditional c) {
            return sensitive(c.condition(), visiting) || sensitive(c.whenTrue(), visiting)
                    || sensitive(c.whenFalse(), visiting);
        }
        if (value instanceof Value.Call c) {
            return c.arguments().stream().anyMatch(a -> sensitive(a, visiting));
        }
        return false;
    }

    /** The HCL expression of a value. */
    HclExpr of(Value value) {
        if (value instanceof Value.Text t) {
            return string(t.value());
        }
        if (value instanceof Value.Number n) {
            return new NumberLit(n.value());
        }
        if (value instanceof Value.Bool b) {
            return bool(b.value());
        }
        if (value instanceof Value.Null) {
            return new NullLit();
        }
        if (value instanceof Value.Array a) {
            return new Tuple(a.items().stream().map(this::of).toList());
        }
        if (value instanceof Value.Obj o) {
            List<ObjectItem> items = new ArrayList<>();
            for (Map.Entry<String, Value> e : o.entries().entrySet()) {
                items.add(new ObjectItem(List.of(), e.getKey(), !isBareKey(e.getKey()), of(e.getValue())));
            }
            return new ObjectExpr(items);
        }
        if (value instanceof Value.Param p) {
            return parameter(p.name());
        }
        if (value instanceof Value.Variable v) {
            return ref("local", localName(v.name()));
        }
        if (value instanceof Value.ResourceProperty r) {
            return attribute(r.resource(), r.attribute());
        }
        if (value instanceof Value.Context c) {
            return context(c.value());
        }
        if (value instanceof Value.Interpolation i) {
            return interpolation(i.parts());
        }
        if (value instanceof Value.Conditional c) {
            return new Conditional(of(c.condition()), of(c.whenTrue()), of(c.whenFalse()));
        }
        if (value instanceof Value.Call c) {
            return function(c);
        }
        throw new IllegalArgumentException("unknown value: " + value);
    }

    /** Whether an object key can be written without quotes. */
    static boolean isBareKey(String key) {
        return BARE_KEY.matcher(key).matches() && HclPrinter.isIdentifier(key);
    }

    /** {@code var.x}, or {@code local.x} for a parameter whose default is an expression. */
    HclExpr parameter(String name) {
        String variable = variableName(name);
        String local = fallbackLocals.get(name);
        return local != null ? ref("local", local) : ref("var", variable);
    }

    private HclExpr context(Value.ContextValue value) {
        return switch (value) {
            case LOCATION -> HclExpr.attr(RESOURCE_GROUP, "location");
            case SUBSCRIPTION_ID -> subscriptionId();
            case TENANT_ID -> {
                clientConfigUsed = true;
                yield HclExpr.attr(CLIENT_CONFIG, "tenant_id");
            }
            case RESOURCE_GROUP_NAME -> resourceGroupName();
            case RESOURCE_GROUP_ID -> HclExpr.attr(RESOURCE_GROUP, "id");
        };
    }

    /** One template: adjacent text merges, nested interpolations flatten; {@code "${x}"} is just {@code x}. */
    private HclExpr interpolation(List<Value> parts) {
        List<String> segments = new ArrayList<>();
        List<HclExpr> expressions = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        flatten(parts, segments, expressions, text);
        segments.add(text.toString());
        if (expressions.isEmpty()) {
            return string(segments.get(0));
        }
        if (expressions.size() == 1 && segments.get(0).isEmpty() && segments.get(1).isEmpty()) {
            return expressions.get(0);
        }
        return new Template(segments, expressions);
    }

    private void flatten(List<Value> parts, List<String> segments, List<HclExpr> expressions, StringBuilder text) {
        for (Value part : parts) {
            if (part instanceof Value.Text t) {
                text.append(t.value());
            } else if (part instanceof Value.Interpolation nested) {
                flatten(nested.parts(), segments, expressions, text);
            } else {
                segments.add(text.toString());
                text.setLength(0);
                expressions.add(of(part));
            }
        }
    }

    private HclExpr function(Value.Call c) {
        List<HclExpr> args = c.arguments().stream().map(this::of).toList();
        return switch (c.function()) {
            case EQUALS -> {
                arity(c, 2);
                yield new Binary(args.get(0), Operator.EQUALS, args.get(1));
            }
            case AND -> chain(args, Operator.AND, true);
            case OR -> chain(args, Operator.OR, false);
            case NOT -> {
                arity(c, 1);
                yield new Not(args.get(0));
            }
            case JOIN -> {
                arity(c, 2);
                yield call("join", args.get(0), args.get(1));
            }
            case SPLIT -> {
                arity(c, 2);
                yield call("split", args.get(0), args.get(1));
            }
            case ELEMENT -> {
                arity(c, 2);
                yield call("element", args.get(1), args.get(0));
            }
            case BASE64 -> {
                arity(c, 1);
                yield call("base64encode", args.get(0));
            }
            case TO_LOWER -> {
                arity(c, 1);
                yield call("lower", args.get(0));
            }
            case TAKE -> {
                arity(c, 2);
                yield call("substr", args.get(0), number(0), args.get(1));
            }
            case UNIQUE_STRING -> {
                atLeastOne(c);
                yield call("substr", call("sha1", call("join", string(""), new Tuple(args))), number(0),
                        number(13));
            }
            case LOOKUP -> {
                arity(c, 2);
                yield new IndexExpr(args.get(0), args.get(1));
            }
            case GUID -> {
                atLeastOne(c);
                yield call("uuidv5", string("url"), call("join", string("/"), new Tuple(args)));
            }
        };
    }

    /** {@code a && b && c}; an empty conjunction is {@code true}, an empty disjunction {@code false}. */
    private static HclExpr chain(List<HclExpr> args, Operator operator, boolean empty) {
        if (args.isEmpty()) {
            return bool(empty);
        }
        HclExpr e = args.get(0);
        for (int i = 1; i < args.size(); i++) {
            e = new Binary(e, operator, args.get(i));
        }
        return e;
    }

    private static void arity(Value.Call c, int n) {
        if (c.arguments().size() != n) {
            throw new IllegalArgumentException(c.function() + " takes " + n + " argument(s), not "
                    + c.arguments().size() + ": " + c);
        }
    }

    private static void atLeastOne(Value.Call c) {
        if (c.arguments().isEmpty()) {
            throw new IllegalArgumentException(c.function() + " takes at least one argument: " + c);
        }
    }
}
