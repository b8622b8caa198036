package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.parsers.hcl.Attribute;
import io.lambda2azure.parsers.hcl.Block;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One module of the configuration as instantiated: the root module, or a local module a {@code module}
 * block calls, with what its variables are bound to. Its declarations are kept by kind and name.
 */
final class ModuleInstance {

    private final String path;
    private final String idPrefix;
    private final Path dir;
    private final String relativeDir;
    private final ModuleInstance parent;
    private final Declared call;
    private final int depth;

    final Map<String, Block> variables = new LinkedHashMap<>();
    final Map<String, Attribute> locals = new LinkedHashMap<>();
    final Map<String, Block> outputs = new LinkedHashMap<>();
    final List<Block> providers = new ArrayList<>();
    /** Resources, data sources and module calls, in declaration order. */
    final List<Declared> declarations = new ArrayList<>();
    private final Map<String, Declared> byAddress = new HashMap<>();

    /** Values of locals and outputs once translated, and those being translated (to find cycles). */
    final Map<String, Expr> localValues = new HashMap<>();
    /** Values of locals with the root module's variables at their defaults (see {@link Evaluator#atDefaults}). */
    final Map<String, Expr> localValuesAtDefaults = new HashMap<>();
    final Map<String, Expr> outputValues = new HashMap<>();
    final java.util.Set<String> inProgress = new java.util.HashSet<>();

    ModuleInstance(String path, String idPrefix, Path dir, String relativeDir, ModuleInstance parent, Declared call,
                   int depth) {
        this.path = path;
        this.idPrefix = idPrefix;
        this.dir = dir;
        this.relativeDir = relativeDir;
        this.parent = parent;
        this.call = call;
        this.depth = depth;
    }

    /** {@code ""} for the root, {@code module.a.module.b} for a nested module. */
    String path() {
        return path;
    }

    /** What the ids of its resources start with: {@code ""} for the root, the module names in UpperCamel. */
    String idPrefix() {
        return idPrefix;
    }

    Path dir() {
        return dir;
    }

    /** The module's directory relative to the root module's, {@code .} for the root: {@code path.module}. */
    String relativeDir() {
        return relativeDir;
    }

    boolean isRoot() {
        return parent == null;
    }

    ModuleInstance parent() {
        return parent;
    }

    /** The module block that instantiates this module; null for the root. */
    Declared call() {
        return call;
    }

    int depth() {
        return depth;
    }

    /** Adds a declaration; false when one with the same address exists. */
    boolean declare(Declared declared) {
        if (byAddress.putIfAbsent(key(declared.kind, declared.type, declared.name), declared) != null) {
            return false;
        }
        declarations.add(declared);
        return true;
    }

    Optional<Declared> find(Declared.Kind kind, String type, String name) {
        return Optional.ofNullable(byAddress.get(key(kind, type, name)));
    }

    Declared existing(Declared declared) {
        return byAddress.get(key(declared.kind, declared.type, declared.name));
    }

    private static String key(Declared.Kind kind, String type, String name) {
        return kind + " " + (kind == Declared.Kind.MODULE ? "" : type) + " " + name;
    }
}
