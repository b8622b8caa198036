package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.Pseudo;
import io.lambda2azure.core.source.SourceLocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns document nodes into symbolic {@link Expr}essions, reading every CloudFormation intrinsic function
 * in its long form (short-form tags were already turned into it) and checking each reference against the
 * template's {@link Scope}. Problems are collected, not thrown, so one pass finds them all.
 */
final class Intrinsics {

    /** Language-extension and rule functions: valid, but kept as text because nothing maps them. */
    private static final Set<String> OPAQUE = Set.of("Fn::Transform", "Fn::Length", "Fn::ToJsonString",
            "Fn::Contains", "Fn::EachMemberEquals", "Fn::EachMemberIn", "Fn::RefAll", "Fn::ValueOf",
            "Fn::ValueOfAll", "Fn::GetStackOutput");

    private final Scope scope;
    private final Problems problems;

    Intrinsics(Scope scope, Problems problems) {
        this.scope = scope;
        this.problems = problems;
    }

    Scope scope() {
        return scope;
    }

    /** Whether a node is an intrinsic function call (a one-key mapping whose key is Ref or Fn::*). */
    static boolean isIntrinsic(Node node) {
        if (node instanceof Node.Mapping m) {
            String key = m.singleKey();
            // a Fn::ForEach::Name key declares a loop (in Resources, Outputs, ...), it is not a function call
            return key != null && ("Ref".equals(key) || key.startsWith("Fn::") && !key.startsWith(TemplateParser.FOR_EACH));
        }
        return false;
    }

    /** Whether a node is {@code !Ref AWS::NoValue}: the property is to be treated as absent. */
    static boolean isNoValue(Node node) {
        return node instanceof Node.Mapping m && "Ref".equals(m.singleKey())
                && m.get("Ref") instanceof Node.Scalar s && Pseudo.NO_VALUE.cloudFormationName().equals(s.text());
    }

    /** A value in a property. */
    Expr expr(Node node) {
        return convert(node, false);
    }

    /** A value in a condition: {@code {Condition: Name}} refers to another condition here. */
    Expr condition(Node node) {
        return convert(node, true);
    }

    private Expr convert(Node node, boolean inCondition) {
        if (node instanceof Node.Scalar s) {
            return literal(s);
        }
        if (node instanceof Node.Sequence seq) {
            List<Expr> items = new ArrayList<>(seq.items().size());
            for (Node item : seq.items()) {
                items.add(convert(item, inCondition));
            }
            return new Expr.ListExpr(items);
        }
        Node.Mapping map = (Node.Mapping) node;
        String key = map.singleKey();
        if (key != null && ("Ref".equals(key) || key.startsWith("Fn::"))) {
            return function(key, map.get(key), map.location(), inCondition);
        }
        if (inCondition && "Condition".equals(key)) {
            return conditionRef(map.get(key));
        }
        Map<String, Expr> entries = new LinkedHashMap<>();
        map.entries().forEach((k, v) -> entries.put(k, convert(v, inCondition)));
        return new Expr.MapExpr(entries);
    }

    static Expr literal(Node.Scalar scalar) {
        switch (scalar.kind()) {
            case INTEGER:
            case FLOAT:
                return new Expr.NumberLiteral(new BigDecimal(scalar.text()));
            case BOOLEAN:
                return new Expr.BooleanLiteral(Boolean.parseBoolean(scalar.text().toLowerCase(java.util.Locale.ROOT)));
            case NULL:
                return new Expr.NullLiteral();
            default:
                return new Expr.StringLiteral(scalar.text());
        }
    }

    private Expr function(String name, Node arg, SourceLocation at, boolean inCondition) {
        switch (name) {
            case "Ref":
                return ref(arg, at);
            case "Fn::GetAtt":
                return getAtt(arg, at);
            case "Fn::Sub":
                return sub(arg, at);
            case "Fn::Join": {
                List<Node> args = args(name, arg, at, 2, 2, "[delimiter, [values]]");
                return args == null ? unknown(name, arg) : new Expr.Join(expr(args.get(0)), expr(args.get(1)));
            }
            case "Fn::Select": {
                List<Node> args = args(name, arg, at, 2, 2, "[index, [values]]");
                return args == null ? unknown(name, arg) : new Expr.Select(expr(args.get(0)), expr(args.get(1)));
            }
            case "Fn::Split": {
                List<Node> args = args(name, arg, at, 2, 2, "[delimiter, source string]");
                return args == null ? unknown(name, arg) : new Expr.Split(expr(args.get(0)), expr(args.get(1)));
            }
            case "Fn::If":
                return ifFunction(arg, at, inCondition);
            case "Fn::Equals": {
                List<Node> args = args(name, arg, at, 2, 2, "[value, value]");
                return args == null ? unknown(name, arg)
                        : new Expr.Equals(convert(args.get(0), true), convert(args.get(1), true));
            }
            case "Fn::And":
            case "Fn::Or": {
                List<Node> args = args(name, arg, at, 2, 10, "a list of 2 to 10 conditions");
                if (args == null) {
                    return unknown(name, arg);
                }
                List<Expr> operands = args.stream().map(this::condition).toList();
                return "Fn::And".equals(name) ? new Expr.And(operands) : new Expr.Or(operands);
            }
            case "Fn::Not": {
                List<Node> args = args(name, arg, at, 1, 1, "a list of one condition");
                return args == null ? unknown(name, arg) : new Expr.Not(condition(args.get(0)));
            }
            case "Fn::FindInMap":
                return findInMap(arg, at);
            case "Fn::ImportValue":
                return new Expr.ImportValue(expr(arg));
            case "Fn::Base64":
                return new Expr.Base64(expr(arg));
            case "Fn::GetAZs":
                return new Expr.AvailabilityZones(arg instanceof Node.Scalar s && s.isNull()
                        ? new Expr.StringLiteral("") : expr(arg));
            case "Fn::Cidr": {
                List<Node> args = args(name, arg, at, 3, 3, "[ipBlock, count, cidrBits]");
                return args == null ? unknown(name, arg)
                        : new Expr.Cidr(expr(args.get(0)), expr(args.get(1)), expr(args.get(2)));
            }
            default:
                if (OPAQUE.contains(name) || name.startsWith("Fn::ForEach")) {
                    return unknown(name, arg);
                }
                problems.add(at, "unknown intrinsic function " + name + "; expected Ref or one of Fn::GetAtt, Fn::Sub,"
                        + " Fn::Join, Fn::Select, Fn::Split, Fn::If, Fn::Equals, Fn::And, Fn::Or, Fn::Not, Fn::FindInMap,"
                        + " Fn::ImportValue, Fn::Base64, Fn::GetAZs, Fn::Cidr, Fn::Transform");
                return unknown(name, arg);
        }
    }

    private Expr unknown(String name, Node arg) {
        return new Expr.Unknown("{\"" + name + "\": " + NodeText.render(arg) + "}");
    }

    private Expr ref(Node arg, SourceLocation at) {
        if (!(arg instanceof Node.Scalar s) || s.isNull() || s.text().isEmpty()) {
            if (isIntrinsic(arg)) {
                // Dynamic references are only valid with the language extensions; keep them as written.
                return unknown("Ref", arg);
            }
            problems.add(arg.location(), "Ref takes the name of a parameter, resource or pseudo parameter; found "
                    + Node.describe(arg));
            return unknown("Ref", arg);
        }
        return reference(s.text(), at);
    }

    /** A name used in Ref or in a Sub hole without an attribute. */
    private Expr reference(String name, SourceLocation at) {
        Optional<Pseudo> pseudo = Pseudo.fromCloudFormationName(name);
        if (pseudo.isPresent()) {
            return new Expr.PseudoRef(pseudo.get());
        }
        if (scope.parameters().contains(name)) {
            return new Expr.ParameterRef(name);
        }
        if (!scope.isResource(name) && !scope.open()) {
            problems.add(at, "'" + name + "' is not a parameter, resource or pseudo parameter of this template;"
                    + " expected a declared parameter name, resource logical id, or a pseudo parameter such as"
                    + " AWS::Region");
        }
        return new Expr.ResourceRef(name);
    }

    private Expr attribute(String resource, String attribute, SourceLocation at) {
        if (!scope.isResource(resource) && !scope.open()) {
            if (scope.parameters().contains(resource)) {
                problems.add(at, "'" + resource + "' is a parameter; Fn::GetAtt takes a resource logical id");
            } else {
                problems.add(at, "Fn::GetAtt refers to '" + resource + "', which is not a resource of this template;"
                        + " expected a resource logical id");
            }
        }
        return new Expr.AttributeRef(resource, attribute);
    }

    private Expr getAtt(Node arg, SourceLocation at) {
        if (arg instanceof Node.Scalar s && !s.isNull()) {
            int dot = s.text().indexOf('.');
            if (dot <= 0 || dot == s.text().length() - 1) {
                problems.add(s.location(), "Fn::GetAtt takes 'Resource.Attribute' or [Resource, Attribute]; found '"
                        + s.text() + "'");
                return unknown("Fn::GetAtt", arg);
            }
            return attribute(s.text().substring(0, dot), s.text().substring(dot + 1), at);
        }
        List<Node> args = args("Fn::GetAtt", arg, at, 2, 2, "[Resource, Attribute] or 'Resource.Attribute'");
        if (args == null) {
            return unknown("Fn::GetAtt", arg);
        }
        if (!(args.get(0) instanceof Node.Scalar resource) || resource.isNull()) {
            problems.add(args.get(0).location(), "Fn::GetAtt's first item must be a resource logical id; found "
                    + Node.describe(args.get(0)));
            return unknown("Fn::GetAtt", arg);
        }
        if (args.get(1) instanceof Node.Scalar attribute && !attribute.isNull()) {
            return attribute(resource.text(), attribute.text(), at);
        }
        // [Resource, !Ref Param]: the attribute name is chosen at deployment time.
        return unknown("Fn::GetAtt", arg);
    }

    private Expr sub(Node arg, SourceLocation at) {
        Node template;
        Map<String, Expr> variables = new LinkedHashMap<>();
        if (arg instanceof Node.Scalar s && s.kind() == Node.ScalarKind.STRING) {
            template = s;
        } else if (arg instanceof Node.Sequence seq && seq.items().size() == 2
                && seq.items().get(1) instanceof Node.Mapping vars && !isIntrinsic(vars)) {
            template = seq.items().get(0);
            vars.entries().forEach((k, v) -> variables.put(k, expr(v)));
        } else if (arg instanceof Node.Scalar s && !s.isNull()) {
            template = s;
        } else {
            problems.add(arg.location(), "Fn::Sub takes a string or [string, {variable: value}]; found "
                    + Node.describe(arg));
            return unknown("Fn::Sub", arg);
        }
        if (!(template instanceof Node.Scalar text)) {
            problems.add(template.location(), "Fn::Sub's template must be a string; found " + Node.describe(template));
            return unknown("Fn::Sub", arg);
        }
        return interpolate(text.text(), variables, at);
    }

    private Expr interpolate(String text, Map<String, Expr> variables, SourceLocation at) {
        List<Expr> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            if (open < 0) {
                literal.append(text, i, text.length());
                break;
            }
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, open);
            String hole = text.substring(open + 2, close);
            if (hole.startsWith("!")) {
                literal.append("${").append(hole.substring(1)).append('}');
            } else {
                String name = hole.strip();
                Expr value;
                if (variables.containsKey(name)) {
                    value = variables.get(name);
                } else if (name.isEmpty()) {
                    problems.add(at, "Fn::Sub has an empty ${} in '" + text + "'; expected a name inside it");
                    value = new Expr.StringLiteral("");
                } else if (!isPseudoOrParameter(name) && name.indexOf('.') > 0) {
                    int dot = name.indexOf('.');
                    value = attribute(name.substring(0, dot), name.substring(dot + 1), at);
                } else {
                    value = reference(name, at);
                }
                if (value instanceof Expr.StringLiteral s) {
                    literal.append(s.value());
                } else {
                    if (literal.length() > 0) {
                        parts.add(new Expr.StringLiteral(literal.toString()));
                        literal.setLength(0);
                    }
                    parts.add(value);
                }
            }
            i = close + 1;
        }
        if (literal.length() > 0) {
            parts.add(new Expr.StringLiteral(literal.toString()));
        }
        if (parts.isEmpty()) {
            return new Expr.StringLiteral("");
        }
        if (parts.size() == 1 && parts.get(0) instanceof Expr.StringLiteral s) {
            return s;
        }
        return new Expr.Interpolation(parts);
    }

    private boolean isPseudoOrParameter(String name) {
        return scope.isPseudo(name) || scope.parameters().contains(name);
    }

    private Expr ifFunction(Node arg, SourceLocation at, boolean inCondition) {
        List<Node> args = args("Fn::If", arg, at, 3, 3, "[condition name, value if true, value if false]");
        if (args == null) {
            return unknown("Fn::If", arg);
        }
        Node name = args.get(0);
        if (!(name instanceof Node.Scalar s) || s.isNull()) {
            problems.add(name.location(), "Fn::If's first item must be a condition name; found " + Node.describe(name));
            return unknown("Fn::If", arg);
        }
        checkCondition(s.text(), s.location());
        return new Expr.Conditional(s.text(), convert(args.get(1), inCondition), convert(args.get(2), inCondition));
    }

    private Expr conditionRef(Node arg) {
        if (!(arg instanceof Node.Scalar s) || s.isNull()) {
            problems.add(arg.location(), "Condition takes a condition name; found " + Node.describe(arg));
            return unknown("Condition", arg);
        }
        checkCondition(s.text(), s.location());
        return new Expr.ConditionRef(s.text());
    }

    void checkCondition(String name, SourceLocation at) {
        if (!scope.conditions().contains(name)) {
            problems.add(at, "condition '" + name + "' is not declared; expected one of the names in Conditions"
                    + (scope.conditions().isEmpty() ? " (the template declares none)" : ": "
                    + String.join(", ", scope.conditions().stream().sorted().toList())));
        }
    }

    private Expr findInMap(Node arg, SourceLocation at) {
        List<Node> args = args("Fn::FindInMap", arg, at, 3, 4, "[map name, top-level key, second-level key]");
        if (args == null) {
            return unknown("Fn::FindInMap", arg);
        }
        if (args.get(0) instanceof Node.Scalar s && !s.isNull() && !scope.mappings().contains(s.text())) {
            problems.add(s.location(), "mapping '" + s.text() + "' is not declared; expected one of the names in Mappings"
                    + (scope.mappings().isEmpty() ? " (the template declares none)" : ": "
                    + String.join(", ", scope.mappings().stream().sorted().toList())));
        }
        Optional<Expr> defaultValue = Optional.empty();
        if (args.size() == 4) {
            if (args.get(3) instanceof Node.Mapping m && m.get("DefaultValue") != null && m.entries().size() == 1) {
                defaultValue = Optional.of(expr(m.get("DefaultValue")));
            } else {
                problems.add(args.get(3).location(), "Fn::FindInMap's fourth item must be {DefaultValue: value}");
            }
        }
        return new Expr.FindInMap(expr(args.get(0)), expr(args.get(1)), expr(args.get(2)), defaultValue);
    }

    /** The arguments of a function that takes a list, or null (with a problem recorded) if malformed. */
    private List<Node> args(String name, Node arg, SourceLocation at, int min, int max, String expected) {
        if (arg instanceof Node.Sequence seq && seq.items().size() >= min && seq.items().size() <= max) {
            return seq.items();
        }
        String found = arg instanceof Node.Sequence seq ? "a list of " + seq.items().size() + " items"
                : Node.describe(arg);
        problems.add(at, name + " takes " + expected + "; found " + found);
        return null;
    }
}
