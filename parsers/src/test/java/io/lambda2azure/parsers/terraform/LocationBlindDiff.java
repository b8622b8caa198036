package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.source.SourceLocation;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares two models (or two planned deployments) field by field, blind to where things were written: every
 * {@link SourceLocation} is equal to every other. Records are compared component by component; lists of
 * elements that have an id ({@code logicalId}, {@code symbol}, {@code id}, {@code name}) by id, so that a
 * difference is reported at the element it concerns ({@code functions[ShipOrderFunction].timeout}) and not
 * at every element after an insertion; deviations by kind and message. The result is a map from the path of
 * each difference to a description of the two values.
 */
final class LocationBlindDiff {

    /** What the comparison treats as equal although the values differ. */
    interface Rules {
        /** Whether a component of a record type is not compared at all. */
        boolean ignores(Class<?> owner, String component);

        /** Whether two unequal values of a component count as the same. */
        default boolean equivalent(Class<?> owner, String component, Object left, Object right) {
            return false;
        }
    }

    private static final List<String> KEYS = List.of("logicalId", "symbol", "id", "name");

    private final Rules rules;
    private final Map<String, String> differences = new TreeMap<>();

    private LocationBlindDiff(Rules rules) {
        this.rules = rules;
    }

    /** The differences between two values, by path. */
    static Map<String, String> of(Object left, Object right, Rules rules) {
        LocationBlindDiff diff = new LocationBlindDiff(rules);
        diff.compare("", left, right);
        return diff.differences;
    }

    private void compare(String path, Object left, Object right) {
        if (left instanceof SourceLocation && right instanceof SourceLocation) {
            return;
        }
        if (left == null || right == null) {
            if (left != right) {
                differ(path, left, right);
            }
            return;
        }
        if (left instanceof Optional<?> l && right instanceof Optional<?> r) {
            if (l.isPresent() && r.isPresent()) {
                compare(path, l.get(), r.get());
            } else if (l.isPresent() != r.isPresent()) {
                differ(path, l.orElse(null), r.orElse(null));
            }
            return;
        }
        if (left instanceof AzureDeployment l && right instanceof AzureDeployment r) {
            compare(join(path, "parameters"), l.parameters(), r.parameters());
            compare(join(path, "variables"), l.variables(), r.variables());
            compare(join(path, "resources"), l.resources(), r.resources());
            compare(join(path, "outputs"), l.outputs(), r.outputs());
            deviations(join(path, "deviations"), l.deviations(), r.deviations());
            if (l.plan() != r.plan()) {
                differ(join(path, "plan"), l.plan(), r.plan());
            }
            return;
        }
        if (left instanceof List<?> l && right instanceof List<?> r
                && (isUnmapped(l) || isUnmapped(r))) {
            unmapped(path, l, r);
            return;
        }
        if (left instanceof List<?> l && right instanceof List<?> r) {
            list(path, l, r);
            return;
        }
        if (left instanceof Map<?, ?> l && right instanceof Map<?, ?> r) {
            map(path, l, r);
            return;
        }
        if (left instanceof Record && left.getClass() == right.getClass()) {
            for (RecordComponent component : left.getClass().getRecordComponents()) {
                if (rules.ignores(left.getClass(), component.getName())) {
                    continue;
                }
                Object a = value(component, left);
                Object b = value(component, right);
                if (!Objects.equals(a, b) && rules.equivalent(left.getClass(), component.getName(), a, b)) {
                    continue;
                }
                compare(join(path, component.getName()), a, b);
            }
            return;
        }
        if (!left.equals(right)) {
            differ(path, left, right);
        }
    }

    private void list(String path, List<?> left, List<?> right) {
        Optional<String> key = key(left).filter(k -> right.isEmpty() || key(right).equals(Optional.of(k)))
                .or(() -> key(right).filter(k -> left.isEmpty()));
        if (key.isEmpty() || !unique(left, key.get()) || !unique(right, key.get())) {
            if (left.size() != right.size()) {
                differ(join(path, "size"), left.size() + " " + left, right.size() + " " + right);
                return;
            }
            for (int i = 0; i < left.size(); i++) {
                compare(path + "[" + i + "]", left.get(i), right.get(i));
            }
            return;
        }
        Map<String, Object> l = byKey(left, key.get());
        Map<String, Object> r = byKey(right, key.get());
        Set<String> all = new LinkedHashSet<>(l.keySet());
        all.addAll(r.keySet());
        for (String k : all) {
            compare(path + "[" + k + "]", l.get(k), r.get(k));
        }
        List<String> commonLeft = l.keySet().stream().filter(r::containsKey).toList();
        List<String> commonRight = r.keySet().stream().filter(l::containsKey).toList();
        if (!commonLeft.equals(commonRight)) {
            differ(join(path, "order"), commonLeft, commonRight);
        }
    }

    private void map(String path, Map<?, ?> left, Map<?, ?> right) {
        Set<Object> all = new LinkedHashSet<>(left.keySet());
        all.addAll(right.keySet());
        for (Object k : all) {
            compare(path + "[" + k + "]", left.get(k), right.get(k));
        }
        List<Object> commonLeft = left.keySet().stream().filter(right::containsKey).map(k -> (Object) k).toList();
        List<Object> commonRight = right.keySet().stream().filter(left::containsKey).map(k -> (Object) k).toList();
        if (!commonLeft.equals(commonRight)) {
            differ(join(path, "order"), commonLeft, commonRight);
        }
    }

    /** Deviations as a multiset of "kind severity: message" (their locations aside). */
    private void deviations(String path, List<Deviation> left, List<Deviation> right) {
        List<String> l = new ArrayList<>(left.stream().map(LocationBlindDiff::describe).toList());
        List<String> r = new ArrayList<>(right.stream().map(LocationBlindDiff::describe).toList());
        List<String> onlyLeft = new ArrayList<>(l);
        r.forEach(onlyLeft::remove);
        List<String> onlyRight = new ArrayList<>(r);
        l.forEach(onlyRight::remove);
        onlyLeft.forEach(d -> differ(path + "[" + d + "]", d, null));
        onlyRight.forEach(d -> differ(path + "[" + d + "]", null, d));
    }

    private static boolean isUnmapped(List<?> items) {
        return !items.isEmpty() && items.get(0) instanceof UnmappedProperty;
    }

    /** Unmapped properties as a multiset of "resource path = value". */
    private void unmapped(String path, List<?> left, List<?> right) {
        List<String> l = new ArrayList<>(left.stream().map(u -> describe((UnmappedProperty) u)).toList());
        List<String> r = new ArrayList<>(right.stream().map(u -> describe((UnmappedProperty) u)).toList());
        List<String> onlyLeft = new ArrayList<>(l);
        r.forEach(onlyLeft::remove);
        List<String> onlyRight = new ArrayList<>(r);
        l.forEach(onlyRight::remove);
        onlyLeft.forEach(d -> differ(path + "[" + d + "]", d, null));
        onlyRight.forEach(d -> differ(path + "[" + d + "]", null, d));
    }

    private static String describe(UnmappedProperty u) {
        return u.resourceId() + " " + u.path();
    }

    private static String describe(Deviation d) {
        return d.kind().id() + " " + d.severity().id() + ": " + d.message()
                + d.target().map(t -> " @" + t.resource() + t.property().map(p -> "." + p).orElse("")).orElse("");
    }

    private Optional<String> key(List<?> items) {
        if (items.isEmpty() || !(items.get(0) instanceof Record record)) {
            return Optional.empty();
        }
        for (String name : KEYS) {
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                if (c.getName().equals(name) && c.getType() == String.class) {
                    boolean all = items.stream().allMatch(i -> i instanceof Record && component(i, name) != null);
                    return all ? Optional.of(name) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static boolean unique(Collection<?> items, String key) {
        Set<Object> seen = new LinkedHashSet<>();
        return items.stream().allMatch(i -> seen.add(component(i, key)));
    }

    private static Map<String, Object> byKey(List<?> items, String key) {
        Map<String, Object> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(String.valueOf(component(i, key)), i));
        return map;
    }

    private static Object component(Object record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return value(c, record);
            }
        }
        return null;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void differ(String path, Object left, Object right) {
        differences.put(path, (left == null ? "<absent>" : String.valueOf(left)) + "  vs  "
                + (right == null ? "<absent>" : String.valueOf(right)));
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
