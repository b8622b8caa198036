package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureParameter;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the input's symbolic expressions into Azure values. Parameters, conditions and mappings stay
 * symbolic; a reference to a function of the template becomes its function app; a pseudo parameter
 * becomes the deployment context. What has no Azure counterpart (another AWS resource, a cross-stack
 * import, a macro) becomes a new deployment parameter with a deviation, so the output still deploys and
 * says what to supply.
 */
final class ValueTranslator {

    /** What the planner knows when it translates. */
    interface Context {
        /** The Azure parameter name of an input parameter. */
        Optional<String> parameter(String inputName);

        /** The Azure variable name of an input condition or mapping. */
        Optional<String> variable(String inputName);

        /** The symbolic name of the function app hosting a function of the input. */
        Optional<String> functionApp(String logicalId);

        /** The value of the generated Azure counterpart of a template resource, if it has one. */
        Optional<Value> counterpart(String logicalId, Optional<String> attribute);

        /** The AWS type of a resource of the input, if known. */
        Optional<String> resourceType(String logicalId);

        /** Declares (once) a parameter the planner adds, returning its name. */
        String addParameter(String suggestedName, AzureParameter.ParamType type, String description,
                            SourceLocation source);

        void deviation(Deviation deviation);
    }

    private final Context context;

    ValueTranslator(Context context) {
        this.context = context;
    }

    /**
     * Translates a value written at {@code at}; {@code target} is the Azure element deviations point to.
     */
    Value translate(Expr expr, SourceLocation at, Optional<Deviation.Target> target) {
        if (expr instanceof Expr.StringLiteral s) {
            return new Value.Text(s.value());
        }
        if (expr instanceof Expr.NumberLiteral n) {
            return new Value.Number(n.value());
        }
        if (expr instanceof Expr.BooleanLiteral b) {
            return new Value.Bool(b.value());
        }
        if (expr instanceof Expr.NullLiteral) {
            return new Value.Null();
        }
        if (expr instanceof Expr.ListExpr l) {
            return new Value.Array(l.items().stream().map(i -> translate(i, at, target)).toList());
        }
        if (expr instanceof Expr.MapExpr m) {
            Map<String, Value> entries = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> entries.put(k, translate(v, at, target)));
            return new Value.Obj(entries);
        }
        if (expr instanceof Expr.ParameterRef p) {
            return context.parameter(p.name()).<Value>map(Value.Param::new)
                    .orElseGet(() -> unconvertible(expr, at, target));
        }
        if (expr instanceof Expr.ConditionRef c) {
            return context.variable(c.name()).<Value>map(Value.Variable::new)
                    .orElseGet(() -> unconvertible(expr, at, target));
        }
        if (expr instanceof Expr.PseudoRef p) {
            return pseudo(p, at, target);
        }
        if (expr instanceof Expr.ResourceRef r) {
            return resource(r.logicalId(), Optional.empty(), at, target);
        }
        if (expr instanceof Expr.AttributeRef a) {
            return resource(a.logicalId(), Optional.of(a.attribute()), at, target);
        }
        if (expr instanceof Expr.Interpolation i) {
            List<Value> parts = new ArrayList<>();
            for (Expr part : i.parts()) {
                parts.add(translate(part, at, target));
            }
            return new Value.Interpolation(parts);
        }
        if (expr instanceof Expr.Join j) {
            return new Value.Call(Value.Fn.JOIN, List.of(translate(j.delimiter(), at, target),
                    translate(j.values(), at, target)));
        }
        if (expr instanceof Expr.Split s) {
            return new Value.Call(Value.Fn.SPLIT, List.of(translate(s.delimiter(), at, target),
                    translate(s.source(), at, target)));
        }
        if (expr instanceof Expr.Select s) {
            return new Value.Call(Value.Fn.ELEMENT, List.of(translate(s.index(), at, target),
                    translate(s.values(), at, target)));
        }
        if (expr instanceof Expr.Conditional c) {
            Value condition = context.variable(c.condition()).<Value>map(Value.Variable::new)
                    .orElseGet(() -> unconvertible(expr, at, target));
            return new Value.Conditional(condition, translate(c.whenTrue(), at, target),
                    translate(c.whenFalse(), at, target));
        }
        if (expr instanceof Expr.Equals e) {
            return new Value.Call(Value.Fn.EQUALS, List.of(translate(e.left(), at, target),
                    translate(e.right(), at, target)));
        }
        if (expr instanceof Expr.And a) {
            return new Value.Call(Value.Fn.AND, a.operands().stream().map(o -> translate(o, at, target)).toList());
        }
        if (expr instanceof Expr.Or o) {
            return new Value.Call(Value.Fn.OR, o.operands().stream().map(x -> translate(x, at, target)).toList());
        }
        if (expr instanceof Expr.Not n) {
            return new Value.Call(Value.Fn.NOT, List.of(translate(n.operand(), at, target)));
        }
        if (expr instanceof Expr.Base64 b) {
            return new Value.Call(Value.Fn.BASE64, List.of(translate(b.value(), at, target)));
        }
        if (expr instanceof Expr.FindInMap f && f.mapName() instanceof Expr.StringLiteral map
                && context.variable(map.value()).isPresent() && f.defaultValue().isEmpty()) {
            Value table = new Value.Variable(context.variable(map.value()).get());
            Value first = new Value.Call(Value.Fn.LOOKUP, List.of(table, translate(f.topLevelKey(), at, target)));
            return new Value.Call(Value.Fn.LOOKUP, List.of(first, translate(f.secondLevelKey(), at, target)));
        }
        return unconvertible(expr, at, target);
    }

    private Value pseudo(Expr.PseudoRef p, SourceLocation at, Optional<Deviation.Target> target) {
        switch (p.pseudo()) {
            case REGION:
                return new Value.Param("location");
            case ACCOUNT_ID:
                return new Value.Context(Value.ContextValue.SUBSCRIPTION_ID);
            case STACK_NAME:
                return new Value.Context(Value.ContextValue.RESOURCE_GROUP_NAME);
            case STACK_ID:
                return new Value.Context(Value.ContextValue.RESOURCE_GROUP_ID);
            default:
                // Partition, URL suffix and notification ARNs only make sense in AWS ARNs and URLs.
                context.deviation(new Deviation(DeviationCatalog.AWS_VALUE, DeviationCatalog.AWS_VALUE.severity(),
                        p.pseudo().cloudFormationName() + " names a part of AWS; its AWS value is kept", at, target));
                return new Value.Text(p.pseudo() == io.lambda2azure.core.expr.Pseudo.URL_SUFFIX ? "amazonaws.com"
                        : p.pseudo() == io.lambda2azure.core.expr.Pseudo.PARTITION ? "aws" : "");
        }
    }

    private Value resource(String logicalId, Optional<String> attribute, SourceLocation at,
                           Optional<Deviation.Target> target) {
        String base = logicalId.contains(".") ? logicalId.substring(0, logicalId.indexOf('.')) : logicalId;
        Optional<String> app = context.functionApp(base);
        if (app.isPresent()) {
            // A function's name, ARN or alias becomes its function app's name or id.
            boolean arn = attribute.isPresent() && attribute.get().equals("Arn");
            return Value.ref(app.get(), arn ? Value.Attribute.ID : Value.Attribute.NAME);
        }
        Optional<Value> counterpart = context.counterpart(base, attribute);
        if (counterpart.isPresent()) {
            return counterpart.get();
        }
        String type = context.resourceType(base).orElse("a resource");
        String what = attribute.map(a -> base + "." + a).orElse(base);
        String name = context.addParameter(Names.lowerCamel(base) + attribute.map(Names::lowerCamel)
                        .map(a -> Character.toUpperCase(a.charAt(0)) + a.substring(1)).orElse("Name"),
                AzureParameter.ParamType.STRING, "The Azure counterpart of " + what + " (" + type
                        + " in the AWS template).", at);
        context.deviation(new Deviation(DeviationCatalog.AWS_VALUE, DeviationCatalog.AWS_VALUE.severity(),
                what + " (" + type + ") has no generated Azure counterpart" + target.map(t -> " in "
                        + t.resource() + t.property().map(p -> "." + p).orElse("")).orElse("") + "; parameter " + name
                        + " supplies the value", at, target));
        return new Value.Param(name);
    }

    private Value unconvertible(Expr expr, SourceLocation at, Optional<Deviation.Target> target) {
        String name = context.addParameter("convertedValue", AzureParameter.ParamType.STRING,
                "Supply the value that the AWS template computed as " + expr + ".", at);
        context.deviation(new Deviation(DeviationCatalog.UNCONVERTIBLE_VALUE,
                DeviationCatalog.UNCONVERTIBLE_VALUE.severity(), expr + " has no Azure expression; parameter "
                + name + " supplies the value", at, target));
        return new Value.Param(name);
    }
}
