package io.lambda2azure.emitters.bicep;

import io.lambda2azure.core.azure.Value;
import io.lambda2azure.emitters.bicep.BicepExpr.ArrayItem;
import io.lambda2azure.emitters.bicep.BicepExpr.ArrayLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.Binary;
import io.lambda2azure.emitters.bicep.BicepExpr.FunctionCall;
import io.lambda2azure.emitters.bicep.BicepExpr.IndexAccess;
import io.lambda2azure.emitters.bicep.BicepExpr.IntLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.InterpolatedString;
import io.lambda2azure.emitters.bicep.BicepExpr.Not;
import io.lambda2azure.emitters.bicep.BicepExpr.NullLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.ObjectLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.ObjectProperty;
import io.lambda2azure.emitters.bicep.BicepExpr.Operator;
import io.lambda2azure.emitters.bicep.BicepExpr.Ternary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.lambda2azure.emitters.bicep.BicepExpr.access;
import static io.lambda2azure.emitters.bicep.BicepExpr.bool;
import static io.lambda2azure.emitters.bicep.BicepExpr.call;
import static io.lambda2azure.emitters.bicep.BicepExpr.identifier;
import static io.lambda2azure.emitters.bicep.BicepExpr.string;

/** Turns the model's {@link Value}s into Bicep expressions. */
final class ValueExprs {

    private ValueExprs() {
    }

    static BicepExpr of(Value value) {
        if (value instanceof Value.Text t) {
            return string(t.value());
        }
        if (value instanceof Value.Number n) {
            return number(n.value());
        }
        if (value instanceof Value.Bool b) {
            return bool(b.value());
        }
        if (value instanceof Value.Null) {
            return new NullLiteral();
        }
        if (value instanceof Value.Array a) {
            return new ArrayLiteral(a.items().stream().map(i -> new ArrayItem(List.of(), of(i))).toList());
        }
        if (value instanceof Value.Obj o) {
            List<ObjectProperty> properties = new ArrayList<>();
            for (Map.Entry<String, Value> e : o.entries().entrySet()) {
                properties.add(new ObjectProperty(List.of(), string(e.getKey()), of(e.getValue())));
            }
            return new ObjectLiteral(properties);
        }
        if (value instanceof Value.Param p) {
            return identifier(p.name());
        }
        if (value instanceof Value.Variable v) {
            return identifier(v.name());
        }
        if (value instanceof Value.ResourceProperty r) {
            return resourceProperty(r.resource(), r.attribute());
        }
        if (value instanceof Value.Context c) {
            return context(c.value());
        }
        if (value instanceof Value.Interpolation i) {
            return interpolation(i.parts());
        }
        if (value instanceof Value.Conditional c) {
            return new Ternary(of(c.condition()), of(c.whenTrue()), of(c.whenFalse()));
        }
        if (value instanceof Value.Call c) {
            return function(c);
        }
        throw new IllegalArgumentException("unknown value: " + value);
    }

    /** {@code symbol.id}, {@code symbol.properties.principalId}, .... */
    static BicepExpr resourceProperty(String symbol, Value.Attribute attribute) {
        return switch (attribute) {
            case NAME -> access(symbol, "name");
            case ID -> access(symbol, "id");
            case PRINCIPAL_ID -> access(symbol, "properties", "principalId");
            case CLIENT_ID -> access(symbol, "properties", "clientId");
            case CONNECTION_STRING -> access(symbol, "properties", "ConnectionString");
            case BLOB_ENDPOINT -> access(symbol, "properties", "primaryEndpoints", "blob");
            case QUEUE_ENDPOINT -> access(symbol, "properties", "primaryEndpoints", "queue");
            case DEFAULT_HOST_NAME -> access(symbol, "properties", "defaultHostName");
            // Read-only properties of the resource bodies in the local Bicep types: DatabaseAccount
            // (cosmos-db/microsoft.documentdb/2026-03-15), VaultProperties and SecretProperties
            // (keyvault/microsoft.keyvault/2026-02-01; secretUri has no version, secretUriWithVersion has one),
            // TopicProperties (eventgrid/microsoft.eventgrid/2025-02-15).
            case DOCUMENT_ENDPOINT -> access(symbol, "properties", "documentEndpoint");
            case VAULT_URI -> access(symbol, "properties", "vaultUri");
            case SECRET_URI -> access(symbol, "properties", "secretUri");
            case TOPIC_ENDPOINT -> access(symbol, "properties", "endpoint");
        };
    }

    private static BicepExpr context(Value.ContextValue value) {
        return switch (value) {
            case LOCATION -> access(call("resourceGroup"), "location");
            case SUBSCRIPTION_ID -> access(call("subscription"), "subscriptionId");
            case TENANT_ID -> access(call("tenant"), "tenantId");
            case RESOURCE_GROUP_NAME -> access(call("resourceGroup"), "name");
            case RESOURCE_GROUP_ID -> access(call("resourceGroup"), "id");
        };
    }

    /** An integer literal, or {@code json('1.5')} for a fraction (Bicep has no other number literal). */
    private static BicepExpr number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return new IntLiteral(stripped.toBigIntegerExact());
        }
        return call("json", string(stripped.toPlainString()));
    }

    /** One interpolated string: adjacent text merges, nested interpolations flatten. */
    private static BicepExpr interpolation(List<Value> parts) {
        List<String> segments = new ArrayList<>();
        List<BicepExpr> expressions = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        flatten(parts, segments, expressions, text);
        segments.add(text.toString());
        if (expressions.isEmpty()) {
            return string(segments.get(0));
        }
        return new InterpolatedString(segments, expressions);
    }

    private static void flatten(List<Value> parts, List<String> segments, List<BicepExpr> expressions,
                                StringBuilder text) {
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

    private static BicepExpr function(Value.Call c) {
        List<BicepExpr> args = c.arguments().stream().map(ValueExprs::of).toList();
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
                yield call("join", args.get(1), args.get(0));
            }
            case SPLIT -> {
                arity(c, 2);
                yield call("split", args.get(1), args.get(0));
            }
            case ELEMENT -> {
                arity(c, 2);
                yield new IndexAccess(args.get(1), args.get(0));
            }
            case BASE64 -> {
                arity(c, 1);
                yield new FunctionCall("base64", args);
            }
            case TO_LOWER -> {
                arity(c, 1);
                yield new FunctionCall("toLower", args);
            }
            case TAKE -> {
                arity(c, 2);
                yield new FunctionCall("take", args);
            }
            case UNIQUE_STRING -> {
                atLeastOne(c);
                yield new FunctionCall("uniqueString", args);
            }
            case LOOKUP -> {
                arity(c, 2);
                yield new IndexAccess(args.get(0), args.get(1));
            }
            case GUID -> {
                atLeastOne(c);
                yield new FunctionCall("guid", args);
            }
        };
    }

    /** {@code a && b && c}; an empty conjunction is {@code true}, an empty disjunction {@code false}. */
    private static BicepExpr chain(List<BicepExpr> args, Operator operator, boolean empty) {
        if (args.isEmpty()) {
            return bool(empty);
        }
        BicepExpr e = args.get(0);
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
