package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.source.SourceLocation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The properties of one mapping, read through methods that remember what was read. What was never
 * read is what the model has no place for: {@link #unmapped} turns it into {@link UnmappedProperty}s,
 * which is how the reader guarantees that no property is lost silently.
 */
final class Props {

    private final Node.Mapping node;
    private final String path;
    private final Intrinsics intrinsics;
    private final Problems problems;
    private final Set<String> read = new HashSet<>();
    private final List<Props> children = new ArrayList<>();

    Props(Node.Mapping node, String path, Intrinsics intrinsics, Problems problems) {
        this.node = node;
        this.path = path;
        this.intrinsics = intrinsics;
        this.problems = problems;
    }

    /** The properties of a mapping node; an absent or null node gives no properties. */
    static Props of(Node node, SourceLocation where, String path, Intrinsics intrinsics, Problems problems,
                    String what) {
        if (node == null || node instanceof Node.Scalar s && s.isNull()) {
            return new Props(new Node.Mapping(new LinkedHashMap<>(), Map.of(), where), path, intrinsics, problems);
        }
        if (node instanceof Node.Mapping m && !Intrinsics.isIntrinsic(m)) {
            return new Props(m, path, intrinsics, problems);
        }
        problems.add(node.location(), what + " must be a mapping of property names to values; found "
                + Node.describe(node));
        return new Props(new Node.Mapping(new LinkedHashMap<>(), Map.of(), node.location()), path, intrinsics,
                problems);
    }

    Node.Mapping node() {
        return node;
    }

    SourceLocation location() {
        return node.location();
    }

    /** Where a property's key is written, or the mapping's location. */
    SourceLocation location(String key) {
        return node.keyLocation(key);
    }

    Intrinsics intrinsics() {
        return intrinsics;
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        Node value = node.get(key);
        return value != null && !Intrinsics.isNoValue(value) && !(value instanceof Node.Scalar s && s.isNull());
    }

    /** The raw node of a property, marking it read; null when absent or {@code AWS::NoValue}. */
    Node node(String key) {
        Node value = node.get(key);
        if (value == null) {
            return null;
        }
        read.add(key);
        return Intrinsics.isNoValue(value) ? null : value;
    }

    /**
     * A property's value as an expression. An explicit null ({@code Key:} with nothing after it) counts as
     * not set, as it does for SAM and CloudFormation.
     */
    Optional<Expr> expr(String key) {
        Node value = node(key);
        if (value == null || value instanceof Node.Scalar s && s.isNull()) {
            return Optional.empty();
        }
        return Optional.of(intrinsics.expr(value));
    }

    /** The first of several spellings of a property that is present (used where SAM and CFN differ). */
    Optional<Expr> expr(String key, String alternative) {
        return has(key) ? expr(key) : expr(alternative);
    }

    /**
     * A nested mapping's properties, when the value is a plain mapping. An intrinsic value (for example an
     * {@code !If} choosing between two mappings) is not descended into: it stays unread, so it is recorded
     * as unmapped, with its value, rather than half-read.
     */
    Optional<Props> object(String key) {
        Node value = node.get(key);
        if (value instanceof Node.Mapping m && !Intrinsics.isIntrinsic(m)) {
            read.add(key);
            Props child = new Props(m, path.isEmpty() ? key : path + "." + key, intrinsics, problems);
            children.add(child);
            return Optional.of(child);
        }
        if (value != null && Intrinsics.isNoValue(value)) {
            read.add(key);
        }
        if (value instanceof Node.Scalar s && s.isNull()) {
            read.add(key);
        }
        return Optional.empty();
    }

    /** A nested list's items, when the value is a plain list; see {@link #object}. */
    Optional<List<Node>> list(String key) {
        Node value = node.get(key);
        if (value instanceof Node.Sequence seq) {
            read.add(key);
            return Optional.of(seq.items());
        }
        return Optional.empty();
    }

    /**
     * A property that must be a literal string (a logical id, an event type): reported as a problem
     * otherwise.
     */
    Optional<String> literal(String key, String expected) {
        Node value = node(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Node.Scalar s && !s.isNull()) {
            return Optional.of(s.text());
        }
        problems.add(value.location(), key + " must be " + expected + "; found " + Node.describe(value));
        return Optional.empty();
    }

    /** Reports a missing required property. */
    boolean require(String key, String what) {
        if (node.get(key) == null) {
            problems.add(node.location(), what + " is missing the required property " + key);
            return false;
        }
        return true;
    }

    /** Marks properties read that carry no meaning for the model (documentation, metadata). */
    void ignore(String... keys) {
        read.addAll(List.of(keys));
    }

    /** A child read by hand (for example the Properties of one SAM event) whose leftovers count too. */
    Props child(String key, Node.Mapping value) {
        read.add(key);
        Props child = new Props(value, path.isEmpty() ? key : path + "." + key, intrinsics, problems);
        children.add(child);
        return child;
    }

    /** Every property never read, here and in nested mappings, as unmapped properties. */
    void unmapped(String resourceId, String resourceType, List<UnmappedProperty> sink) {
        node.entries().forEach((key, value) -> {
            if (!read.contains(key)) {
                sink.add(new UnmappedProperty(resourceId, resourceType, path.isEmpty() ? key : path + "." + key,
                        intrinsics.expr(value), node.keyLocation(key)));
            }
        });
        for (Props child : children) {
            child.unmapped(resourceId, resourceType, sink);
        }
    }
}
