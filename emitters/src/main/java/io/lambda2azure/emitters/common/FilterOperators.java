package io.lambda2azure.emitters.common;

import io.lambda2azure.core.azure.AzureResource.AdvancedFilter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Event Grid's advanced filter operators and how many values each compares with. Bicep writes one value as
 * {@code value} and several as {@code values}; azurerm names its filter blocks after the operator. Both emitters
 * read this one table so that they accept and reject the same filters.
 *
 * <p>The operators are the elements of the {@code AdvancedFilter} discriminated type (discriminator
 * {@code operatorType}) in {@code eventgrid/microsoft.eventgrid/2025-02-15/types.json}; the azurerm 4.79.0 schema
 * of {@code azurerm_eventgrid_event_subscription} has one {@code advanced_filter} block per operator, with
 * {@code value} for the same single-value operators.
 */
public final class FilterOperators {

    /** How many values an operator compares with. */
    public enum Arity {
        /** None: {@code IsNotNull}, {@code IsNullOrUndefined}. */
        NONE,
        /** Exactly one, written {@code value}. */
        ONE,
        /** One or more, written {@code values}. */
        MANY
    }

    private static final Map<String, Arity> OPERATORS;

    static {
        Map<String, Arity> m = new LinkedHashMap<>();
        m.put("BoolEquals", Arity.ONE);
        m.put("IsNotNull", Arity.NONE);
        m.put("IsNullOrUndefined", Arity.NONE);
        for (String one : List.of("NumberGreaterThan", "NumberGreaterThanOrEquals", "NumberLessThan",
                "NumberLessThanOrEquals")) {
            m.put(one, Arity.ONE);
        }
        for (String many : List.of("NumberIn", "NumberNotIn", "NumberInRange", "NumberNotInRange", "StringIn",
                "StringNotIn", "StringBeginsWith", "StringNotBeginsWith", "StringEndsWith", "StringNotEndsWith",
                "StringContains", "StringNotContains")) {
            m.put(many, Arity.MANY);
        }
        OPERATORS = Collections.unmodifiableMap(m);
    }

    private FilterOperators() {
    }

    /** Every operator Event Grid has. */
    public static Set<String> all() {
        return OPERATORS.keySet();
    }

    /**
     * The arity of the filter's operator, once the filter is checked: a known operator with as many values as
     * it takes.
     *
     * @throws IllegalArgumentException for an operator Event Grid does not have, or the wrong number of values
     */
    public static Arity arity(AdvancedFilter filter) {
        Arity arity = OPERATORS.get(filter.operatorType());
        if (arity == null) {
            throw new IllegalArgumentException("Event Grid has no advanced filter operator " + filter.operatorType()
                    + " (filter on " + filter.key() + ")");
        }
        int n = filter.values().size();
        boolean ok = switch (arity) {
            case NONE -> n == 0;
            case ONE -> n == 1;
            case MANY -> n >= 1;
        };
        if (!ok) {
            throw new IllegalArgumentException("the " + filter.operatorType() + " filter on " + filter.key()
                    + " has " + n + " value(s); it takes " + switch (arity) {
                        case NONE -> "none";
                        case ONE -> "exactly one";
                        case MANY -> "at least one";
                    });
        }
        return arity;
    }
}
