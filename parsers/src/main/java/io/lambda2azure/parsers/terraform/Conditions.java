package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Condition;
import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named conditions the model needs for Terraform's conditional expressions. CloudFormation names a
 * condition once and refers to it ({@code !If [IsProd, ...]}); Terraform writes the boolean inline
 * ({@code local.is_prod ? 50 : 5}, {@code count = var.create ? 1 : 0}). Each distinct boolean expression
 * becomes one model condition: named after the local it is read from ({@code local.is_prod} →
 * {@code IsProd}), so that an idiomatic configuration gives the names a SAM template gives, else
 * {@code Condition1}, {@code Condition2}, ... in order of first use.
 */
final class Conditions {

    private final Map<Expr, String> byExpression = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final List<Condition> conditions = new ArrayList<>();
    private int counter;

    /** Names reserved for other elements (parameters) that a condition must not take. */
    void reserve(String name) {
        taken.add(name);
    }

    /** The name of the condition that holds when {@code expression} is true, declared on first use. */
    String name(Expr expression, Optional<String> preferred, SourceLocation at) {
        String known = byExpression.get(expression);
        if (known != null) {
            return known;
        }
        String name = preferred.filter(taken::add).orElse(null);
        while (name == null) {
            String candidate = "Condition" + (++counter);
            if (taken.add(candidate)) {
                name = candidate;
            }
        }
        byExpression.put(expression, name);
        conditions.add(new Condition(name, expression, at));
        return name;
    }

    /** Every condition, in order of first use. */
    List<Condition> all() {
        return List.copyOf(conditions);
    }
}
