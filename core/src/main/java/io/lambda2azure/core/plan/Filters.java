package io.lambda2azure.core.plan;

import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.Value;
import io.lambda2azure.core.expr.Expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Event filters: SNS filter policies as Service Bus SQL filters, EventBridge patterns as Event Grid advanced
 * filters, S3 key filters as prefix and suffix. A condition that cannot be written exactly is left out (the
 * filter lets more events through, never fewer) and named in {@code unmapped}, so that the caller can say so.
 */
final class Filters {

    /** Event Grid allows 25 advanced filters per subscription and 25 values per filter
     * (learn.microsoft.com/azure/event-grid/event-filtering#limitations). */
    static final int MAX_FILTERS = 25;
    static final int MAX_VALUES = 25;

    private Filters() {
    }

    // ------------------------------------------------------------------ SNS → Service Bus SQL filter

    /**
     * The SQL filter of an SNS filter policy over message attributes: the values of one attribute are
     * alternatives, the attributes all must match (docs.aws.amazon.com/sns/latest/dg/sns-subscription-filter-policies.html;
     * learn.microsoft.com/azure/service-bus-messaging/service-bus-messaging-sql-filter).
     */
    static Optional<String> sql(Expr policy, List<String> unmapped) {
        if (!(policy instanceof Expr.MapExpr m)) {
            unmapped.add("the policy " + policy + " (not a literal object)");
            return Optional.empty();
        }
        List<String> clauses = new ArrayList<>();
        m.entries().forEach((key, value) -> {
            if (key.startsWith("$")) {
                unmapped.add(key);
                return;
            }
            List<Expr> items = value instanceof Expr.ListExpr l ? l.items() : List.of(value);
            List<String> alternatives = new ArrayList<>();
            List<String> strings = new ArrayList<>();
            boolean exact = true;
            for (Expr item : items) {
                Optional<String> clause = sqlItem(property(key), item, strings);
                if (clause == null) {
                    exact = false;
                } else {
                    clause.ifPresent(alternatives::add);
                }
            }
            if (!exact) {
                // One alternative that cannot be written would filter out messages SNS delivered: drop the attribute.
                unmapped.add(key + " " + value);
                return;
            }
            if (!strings.isEmpty()) {
                alternatives.add(0, property(key) + (strings.size() == 1 ? " = " + strings.get(0)
                        : " IN (" + String.join(", ", strings) + ")"));
            }
            if (!alternatives.isEmpty()) {
                clauses.add(alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" OR ", alternatives) + ")");
            }
        });
        return clauses.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", clauses));
    }

    /** One alternative; {@code null} when it cannot be written, empty when it joined {@code strings}. */
    private static Optional<String> sqlItem(String property, Expr item, List<String> strings) {
        if (item instanceof Expr.StringLiteral s) {
            strings.add(quote(s.value()));
            return Optional.empty();
        }
        if (item instanceof Expr.NumberLiteral n) {
            return Optional.of(property + " = " + n.value().toPlainString());
        }
        if (!(item instanceof Expr.MapExpr m) || m.entries().size() != 1) {
            return null;
        }
        Map.Entry<String, Expr> op = m.entries().entrySet().iterator().next();
        Expr arg = op.getValue();
        switch (op.getKey()) {
            case "prefix":
            case "suffix": {
                Optional<String> text = like(arg);
                if (text.isEmpty()) {
                    return null;
                }
                String pattern = op.getKey().equals("prefix") ? text.get() + "%" : "%" + text.get();
                return Optional.of(property + " LIKE " + quote(pattern));
            }
            case "exists":
                if (arg instanceof Expr.BooleanLiteral b) {
                    return Optional.of((b.value() ? "EXISTS(" : "NOT EXISTS(") + property + ")");
                }
                return null;
            case "anything-but": {
                List<Expr> values = arg instanceof Expr.ListExpr l ? l.items() : List.of(arg);
                List<String> literals = new ArrayList<>();
                for (Expr v : values) {
                    if (v instanceof Expr.StringLiteral s) {
                        literals.add(quote(s.value()));
                    } else if (v instanceof Expr.NumberLiteral n) {
                        literals.add(n.value().toPlainString());
                    } else {
                        return null;
                    }
                }
                return Optional.of(property + " NOT IN (" + String.join(", ", literals) + ")");
            }
            case "numeric": {
                if (!(arg instanceof Expr.ListExpr l) || l.items().size() % 2 != 0) {
                    return null;
                }
                List<String> parts = new ArrayList<>();
                for (int i = 0; i < l.items().size(); i += 2) {
                    Optional<String> operator = l.items().get(i).asString();
                    if (operator.isEmpty() || !(l.items().get(i + 1) instanceof Expr.NumberLiteral n)
                            || !List.of("=", "<", "<=", ">", ">=").contains(operator.get())) {
                        return null;
                    }
                    parts.add(property + " " + operator.get() + " " + n.value().toPlainString());
                }
                return Optional.of(parts.size() == 1 ? parts.get(0) : "(" + String.join(" AND ", parts) + ")");
            }
            default:
                return null;
        }
    }

    private static Optional<String> like(Expr arg) {
        return arg.asString().filter(s -> !s.contains("%") && !s.contains("_"));
    }

    private static String property(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_]*") ? key : "[" + key.replace("]", "]]") + "]";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    // ------------------------------------------------------------------ EventBridge → Event Grid

    /** Whether an EventBridge pattern matches events AWS services emit ({@code source: aws.*}). */
    static boolean awsServiceSource(Expr pattern) {
        if (pattern instanceof Expr.MapExpr m && m.entries().get("source") instanceof Expr.ListExpr l) {
            return l.items().stream().anyMatch(i -> i.asString().filter(s -> s.startsWith("aws.")).isPresent());
        }
        return false;
    }

    /**
     * Advanced filters for an EventBridge pattern delivered as CloudEvents: {@code source} stays source,
     * {@code detail-type} becomes type, {@code detail.x} becomes data.x (docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html;
     * learn.microsoft.com/azure/event-grid/event-filtering#advanced-filtering).
     */
    static List<AzureResource.AdvancedFilter> eventPattern(Expr pattern, List<String> unmapped) {
        List<AzureResource.AdvancedFilter> filters = new ArrayList<>();
        if (!(pattern instanceof Expr.MapExpr m)) {
            unmapped.add("the pattern " + pattern + " (not a literal object)");
            return filters;
        }
        m.entries().forEach((key, value) -> {
            switch (key) {
                case "source" -> leaf("source", value, filters, unmapped);
                case "detail-type" -> leaf("type", value, filters, unmapped);
                case "detail" -> nested("data", value, filters, unmapped);
                default -> unmapped.add(key);
            }
        });
        return limited(filters, unmapped);
    }

    /**
     * Advanced filters for an SNS filter policy over message attributes, which travel as CloudEvents extension
     * attributes: their names must be lower-case letters and digits (CloudEvents 1.0, attribute naming).
     */
    static List<AzureResource.AdvancedFilter> attributes(Expr policy, List<String> unmapped) {
        List<AzureResource.AdvancedFilter> filters = new ArrayList<>();
        if (!(policy instanceof Expr.MapExpr m)) {
            unmapped.add("the policy " + policy + " (not a literal object)");
            return filters;
        }
        m.entries().forEach((key, value) -> {
            if (key.matches("[A-Za-z0-9]{1,20}")) {
                leaf(key.toLowerCase(Locale.ROOT), value, filters, unmapped);
            } else {
                unmapped.add(key);
            }
        });
        return limited(filters, unmapped);
    }

    /** Advanced filters for a filter policy or pattern over a nested object under {@code prefix}. */
    static List<AzureResource.AdvancedFilter> nested(String prefix, Expr value, List<String> unmapped) {
        List<AzureResource.AdvancedFilter> filters = new ArrayList<>();
        nested(prefix, value, filters, unmapped);
        return limited(filters, unmapped);
    }

    private static List<AzureResource.AdvancedFilter> limited(List<AzureResource.AdvancedFilter> filters,
                                                              List<String> unmapped) {
        if (filters.size() > MAX_FILTERS) {
            unmapped.add((filters.size() - MAX_FILTERS) + " filters beyond Event Grid's 25");
            return new ArrayList<>(filters.subList(0, MAX_FILTERS));
        }
        return filters;
    }

    private static void nested(String prefix, Expr value, List<AzureResource.AdvancedFilter> filters,
                               List<String> unmapped) {
        if (!(value instanceof Expr.MapExpr m)) {
            unmapped.add(prefix + " " + value);
            return;
        }
        m.entries().forEach((key, v) -> {
            if (key.startsWith("$")) {
                unmapped.add(prefix + "." + key);
            } else if (v instanceof Expr.MapExpr) {
                nested(prefix + "." + key, v, filters, unmapped);
            } else {
                leaf(prefix + "." + key, v, filters, unmapped);
            }
        });
    }

    /**
     * One field's alternatives. Event Grid ANDs its filters, so alternatives of different kinds (a value or a
     * prefix) cannot be written: then the field is left out.
     */
    private static void leaf(String key, Expr value, List<AzureResource.AdvancedFilter> filters, List<String> unmapped) {
        List<Expr> items = value instanceof Expr.ListExpr l ? l.items() : List.of(value);
        Map<String, List<Value>> byOperator = new LinkedHashMap<>();
        for (Expr item : items) {
            if (!add(item, byOperator)) {
                unmapped.add(key + " " + value);
                return;
            }
        }
        if (byOperator.size() > 1) {
            unmapped.add(key + " " + value);
            return;
        }
        for (Map.Entry<String, List<Value>> e : byOperator.entrySet()) {
            List<Value> values = e.getValue();
            if (values.size() > MAX_VALUES) {
                unmapped.add(key + " " + value + " (more than 25 values)");
                return;
            }
            String operator = e.getKey();
            if (operator.startsWith("Number") && !operator.endsWith("In") || operator.equals("BoolEquals")) {
                if (values.size() != 1) {
                    unmapped.add(key + " " + value);
                    return;
                }
            }
            filters.add(new AzureResource.AdvancedFilter(operator, key,
                    operator.startsWith("Is") ? List.of() : values));
        }
    }

    /** Adds one alternative under its operator; false when it has no Event Grid operator. */
    private static boolean add(Expr item, Map<String, List<Value>> byOperator) {
        if (item instanceof Expr.StringLiteral s) {
            byOperator.computeIfAbsent("StringIn", k -> new ArrayList<>()).add(Value.text(s.value()));
            return true;
        }
        if (item instanceof Expr.NumberLiteral n) {
            byOperator.computeIfAbsent("NumberIn", k -> new ArrayList<>()).add(new Value.Number(n.value()));
            return true;
        }
        if (item instanceof Expr.BooleanLiteral b) {
            byOperator.computeIfAbsent("BoolEquals", k -> new ArrayList<>()).add(Value.bool(b.value()));
            return true;
        }
        if (item instanceof Expr.NullLiteral) {
            byOperator.computeIfAbsent("IsNullOrUndefined", k -> new ArrayList<>());
            return true;
        }
        if (!(item instanceof Expr.MapExpr m) || m.entries().size() != 1) {
            return false;
        }
        Map.Entry<String, Expr> op = m.entries().entrySet().iterator().next();
        Expr arg = op.getValue();
        switch (op.getKey()) {
            case "prefix":
                return arg.asString().map(p -> byOperator.computeIfAbsent("StringBeginsWith", k -> new ArrayList<>())
                        .add(Value.text(p))).orElse(false);
            case "suffix":
                return arg.asString().map(p -> byOperator.computeIfAbsent("StringEndsWith", k -> new ArrayList<>())
                        .add(Value.text(p))).orElse(false);
            case "exists":
                if (arg instanceof Expr.BooleanLiteral b) {
                    byOperator.computeIfAbsent(b.value() ? "IsNotNull" : "IsNullOrUndefined", k -> new ArrayList<>());
                    return true;
                }
                return false;
            case "anything-but": {
                List<Expr> values = arg instanceof Expr.ListExpr l ? l.items() : List.of(arg);
                for (Expr v : values) {
                    if (v instanceof Expr.StringLiteral s) {
                        byOperator.computeIfAbsent("StringNotIn", k -> new ArrayList<>()).add(Value.text(s.value()));
                    } else if (v instanceof Expr.NumberLiteral n) {
                        byOperator.computeIfAbsent("NumberNotIn", k -> new ArrayList<>()).add(new Value.Number(n.value()));
                    } else {
                        return false;
                    }
                }
                return true;
            }
            case "numeric": {
                if (!(arg instanceof Expr.ListExpr l) || l.items().size() != 2
                        || !(l.items().get(1) instanceof Expr.NumberLiteral n)) {
                    return false; // ranges ([">", 0, "<", 5]) would need two filters on one field's alternatives
                }
                String operator = switch (l.items().get(0).asString().orElse("")) {
                    case "=" -> "NumberIn";
                    case ">" -> "NumberGreaterThan";
                    case ">=" -> "NumberGreaterThanOrEquals";
                    case "<" -> "NumberLessThan";
                    case "<=" -> "NumberLessThanOrEquals";
                    default -> "";
                };
                if (operator.isEmpty()) {
                    return false;
                }
                byOperator.computeIfAbsent(operator, k -> new ArrayList<>()).add(new Value.Number(n.value()));
                return true;
            }
            default:
                return false;
        }
    }

    // ------------------------------------------------------------------ S3 key filters

    /** {@code {S3Key: {Rules: [{Name: prefix, Value: images/}]}}} as rule name → literal value. */
    static Map<String, String> keyRules(Optional<Expr> filter) {
        Map<String, String> rules = new LinkedHashMap<>();
        if (filter.isPresent() && filter.get() instanceof Expr.MapExpr m
                && m.entries().get("S3Key") instanceof Expr.MapExpr key
                && key.entries().get("Rules") instanceof Expr.ListExpr list) {
            for (Expr rule : list.items()) {
                if (rule instanceof Expr.MapExpr r) {
                    Optional<String> name = Optional.ofNullable(r.entries().get("Name")).flatMap(Expr::asString);
                    Optional<String> value = Optional.ofNullable(r.entries().get("Value")).flatMap(Expr::asString);
                    if (name.isPresent() && value.isPresent()) {
                        rules.put(name.get().toLowerCase(Locale.ROOT), value.get());
                    }
                }
            }
        }
        return rules;
    }
}
