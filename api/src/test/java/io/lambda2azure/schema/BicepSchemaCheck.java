package io.lambda2azure.schema;

import io.lambda2azure.schema.BicepResources.ArrayValue;
import io.lambda2azure.schema.BicepResources.Entry;
import io.lambda2azure.schema.BicepResources.Expression;
import io.lambda2azure.schema.BicepResources.ObjectValue;
import io.lambda2azure.schema.BicepResources.Resource;
import io.lambda2azure.schema.BicepResources.StringLiteral;
import io.lambda2azure.schema.BicepResources.Value;
import io.lambda2azure.schema.BicepTypes.AnyType;
import io.lambda2azure.schema.BicepTypes.ArrayType;
import io.lambda2azure.schema.BicepTypes.Availability;
import io.lambda2azure.schema.BicepTypes.BooleanType;
import io.lambda2azure.schema.BicepTypes.DiscriminatedObjectType;
import io.lambda2azure.schema.BicepTypes.EnumValues;
import io.lambda2azure.schema.BicepTypes.IntegerType;
import io.lambda2azure.schema.BicepTypes.ObjectType;
import io.lambda2azure.schema.BicepTypes.Property;
import io.lambda2azure.schema.BicepTypes.ResourceType;
import io.lambda2azure.schema.BicepTypes.SchemaType;
import io.lambda2azure.schema.BicepTypes.StringLiteralType;
import io.lambda2azure.schema.BicepTypes.StringType;
import io.lambda2azure.schema.BicepTypes.TypeRef;
import io.lambda2azure.schema.BicepTypes.UnionType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks the resources of a Bicep file against Azure's resource type data ({@link BicepTypes}), the way the
 * Bicep compiler's type checker would, offline.
 *
 * <p>For every {@code resource} declaration it checks that:
 * <ul>
 *   <li>the type and api-version exist, and that the version's types are included locally (a version that
 *       exists only in the upstream catalog is reported too: lambda2azure promises the newest included stable
 *       versions);</li>
 *   <li>every property written exists on its type, recursively through objects and array items, with the exact
 *       case (a case-only mismatch names the right spelling); {@code parent}, {@code scope} and
 *       {@code dependsOn} are Bicep keywords and skipped at the top level;</li>
 *   <li>string literals are allowed by closed enums (a union with no {@code string} member), and literals have
 *       the right shape (a string where an int/bool/object/array is expected and so on), with string lengths
 *       and integer ranges;</li>
 *   <li>no read-only property is set, and every required property is set ({@code name} excepted; not for
 *       {@code existing} resources, nor for objects with a {@code ...spread});</li>
 *   <li>the {@code name} of a resource whose body is discriminated by name (e.g. {@code Microsoft.Web/sites/config})
 *       selects a known variant.</li>
 * </ul>
 * Values that are expressions (references, function calls, interpolated strings, ternaries…) are not checked.
 *
 * <p>Each violation reads {@code <file>:<line>: resource <symbol> (<Type>@<version>) <path>: <message>}.
 */
public final class BicepSchemaCheck {

    /**
     * Options.
     *
     * @param strictOpenEnums             also report string literals outside the known values of an <em>open</em>
     *                                    enum (one that allows any string). Bicep accepts them; this catches
     *                                    typos such as {@code ftpsState: 'Sometimes'}.
     * @param requireNewestIncludedStable report an api-version older than the newest included stable one
     */
    public record Options(boolean strictOpenEnums, boolean requireNewestIncludedStable) {
        public static Options defaults() {
            return new Options(false, false);
        }

        public Options withStrictOpenEnums() {
            return new Options(true, requireNewestIncludedStable);
        }

        public Options withRequireNewestIncludedStable() {
            return new Options(strictOpenEnums, true);
        }
    }

    /** One violation; {@link #toString()} is the human-readable form. */
    public record Violation(String file, int line, String symbol, String typeAtVersion, String path,
                            String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": resource " + symbol + " (" + typeAtVersion + ")"
                    + (path.isEmpty() ? "" : " " + path) + ": " + message;
        }
    }

    /** Top-level body keys that are Bicep keywords rather than schema properties. */
    private static final Set<String> BICEP_KEYWORDS = Set.of("parent", "scope", "dependsOn");

    private final BicepTypes types;
    private final Options options;

    public BicepSchemaCheck(BicepTypes types) {
        this(types, Options.defaults());
    }

    public BicepSchemaCheck(BicepTypes types, Options options) {
        this.types = types;
        this.options = options;
    }

    public BicepTypes types() {
        return types;
    }

    /** The violations in a Bicep file. A file the reader cannot parse throws a {@link BicepResources.BicepSyntaxException}. */
    public List<String> check(Path bicepFile) {
        try {
            return check(Files.readString(bicepFile, StandardCharsets.UTF_8), bicepFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + bicepFile, e);
        }
    }

    /** The violations in Bicep text; {@code displayName} names it in the messages. */
    public List<String> check(String bicepText, String displayName) {
        return violations(bicepText, displayName).stream().map(Violation::toString).toList();
    }

    /** The violations in Bicep text, structured. */
    public List<Violation> violations(String bicepText, String displayName) {
        return violations(BicepResources.parse(bicepText, displayName), displayName);
    }

    /** The violations of already-read resources. */
    public List<Violation> violations(List<Resource> resources, String displayName) {
        List<Violation> out = new ArrayList<>();
        for (Resource r : resources) {
            checkResource(r, displayName, out);
        }
        out.sort(Comparator.comparingInt(Violation::line)); // stable: same-line violations keep their order
        return out;
    }

    // ------------------------------------------------------------------------------------------------

    /** Where violations go, and what is known about the resource being checked. */
    private static final class Ctx {
        final String file;
        final Resource resource;
        final List<Violation> out;

        Ctx(String file, Resource resource, List<Violation> out) {
            this.file = file;
            this.resource = resource;
            this.out = out;
        }

        void report(int line, String path, String message) {
            out.add(new Violation(file, line, resource.symbol(), resource.typeAtVersion(), path, message));
        }

        Ctx scratch() {
            return new Ctx(file, resource, new ArrayList<>());
        }
    }

    private void checkResource(Resource r, String file, List<Violation> out) {
        Ctx ctx = new Ctx(file, r, out);
        if (r.apiVersion().isEmpty()) {
            ctx.report(r.line(), "", "the resource type has no api-version ('Type@version')");
            return;
        }
        Availability availability = types.availability(r.type(), r.apiVersion());
        String newest = types.newestIncludedStableVersion(r.type()).orElse(null);
        String hint = newest == null ? "" : "; the newest stable version included locally is " + newest;
        switch (availability) {
            case UNKNOWN_TYPE -> {
                ctx.report(r.line(), "", "unknown resource type '" + r.type() + "'");
                return;
            }
            case UNKNOWN_VERSION -> {
                List<String> all = types.allVersions(r.type());
                String some = all.size() <= 8 ? String.join(", ", all)
                        : "…, " + String.join(", ", all.subList(all.size() - 8, all.size()));
                ctx.report(r.line(), "", "api-version '" + r.apiVersion() + "' does not exist for "
                        + types.canonicalTypeName(r.type()).orElse(r.type()) + " (versions: " + some + ")" + hint);
                return;
            }
            case CATALOG_ONLY -> {
                ctx.report(r.line(), "", "api-version '" + r.apiVersion() + "' exists but its types are not"
                        + " available locally, so it cannot be checked (only included versions are promised)"
                        + hint);
                return;
            }
            case INCLUDED -> {
                if (options.requireNewestIncludedStable() && newest != null
                        && !newest.equalsIgnoreCase(r.apiVersion())) {
                    ctx.report(r.line(), "", "api-version '" + r.apiVersion()
                            + "' is not the newest stable version included locally (" + newest + ")");
                }
            }
        }
        ResourceType rt = types.resource(r.type(), r.apiVersion()).orElseThrow();
        SchemaType body = rt.body();
        if (r.existing()) {
            checkExistingBody(ctx, r.body());
            return;
        }
        checkObject(ctx, r.body(), body, "", true);
    }

    /** Keys an {@code existing} resource may set (Bicep makes everything else read-only, BCP073). */
    private static final Set<String> EXISTING_KEYS = Set.of("name", "scope", "parent", "dependsOn");

    /** An {@code existing} resource: only name, scope and parent; nothing is required. */
    private void checkExistingBody(Ctx ctx, ObjectValue body) {
        for (Entry e : body.entries()) {
            if (!EXISTING_KEYS.contains(e.key())) {
                ctx.report(e.line(), join("", e.key()), "only name, scope and parent may be set on an existing"
                        + " resource");
            }
        }
    }

    private static Map<String, Property> allProperties(SchemaType objectLike) {
        if (objectLike instanceof DiscriminatedObjectType d) {
            Map<String, Property> all = new LinkedHashMap<>(d.baseProperties());
            for (TypeRef el : d.elements().values()) {
                if (el.resolve() instanceof ObjectType o) {
                    o.properties().forEach(all::putIfAbsent);
                }
            }
            return all;
        }
        return BicepTypes.properties(objectLike);
    }

    private void checkObject(Ctx ctx, ObjectValue obj, SchemaType objType, String path, boolean top) {
        Map<String, Property> props;
        String discriminatorKey = null;
        boolean checkRequired = obj.spreads().isEmpty();
        SchemaType additional = BicepTypes.additionalProperties(objType).orElse(null);
        if (objType instanceof DiscriminatedObjectType d) {
            discriminatorKey = d.discriminator();
            Optional<String> variant = discriminator(ctx, obj, d, path, top);
            if (variant.isPresent()) {
                props = BicepTypes.properties(d, variant.get());
                TypeRef el = d.elements().get(variant.get());
                if (el != null && el.resolve() instanceof ObjectType o && o.additionalProperties() != null) {
                    additional = o.additionalProperties().resolve();
                }
            } else {
                // Unknown variant: only check names against all variants; nothing can be required.
                props = allProperties(d);
                checkRequired = false;
            }
        } else {
            props = BicepTypes.properties(objType);
        }

        for (Entry e : obj.entries()) {
            String key = e.key();
            String p = join(path, key);
            if (top && BICEP_KEYWORDS.contains(key)) {
                continue;
            }
            Property prop = props.get(key);
            if (prop == null) {
                Property ci = caseInsensitive(props, key);
                if (ci != null) {
                    ctx.report(e.line(), p, "property '" + key + "' has the wrong case: the schema spells it '"
                            + ci.name() + "'");
                    prop = ci;
                } else if (additional != null) {
                    checkValue(ctx, e.value(), additional, p);
                    continue;
                } else {
                    reportUnknownKey(ctx, e, props, p);
                    continue;
                }
            }
            if (prop.readOnly()) {
                ctx.report(e.line(), p, "property '" + prop.name() + "' is read-only and must not be set");
                continue;
            }
            if (prop.name().equals(discriminatorKey)) {
                continue; // checked when the variant was chosen
            }
            if (top && key.equals("name")) {
                checkName(ctx, e.value(), prop, p);
                continue;
            }
            checkValue(ctx, e.value(), prop.type() == null ? null : prop.type().resolve(), p);
        }

        if (checkRequired) {
            for (Property prop : props.values()) {
                if (!prop.required() || prop.readOnly()) {
                    continue;
                }
                if (top && prop.name().equals("name")) {
                    continue; // Bicep always requires a name; its absence is a syntax matter
                }
                if (hasKeyIgnoringCase(obj, prop.name())) {
                    continue; // a case mismatch is reported above
                }
                ctx.report(obj.line(), join(path, prop.name()), "required property '" + prop.name()
                        + "' is missing" + (path.isEmpty() ? "" : " from " + path));
            }
        }
    }

    private static boolean hasKeyIgnoringCase(ObjectValue obj, String key) {
        for (Entry e : obj.entries()) {
            if (e.key().equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    private static Property caseInsensitive(Map<String, Property> props, String key) {
        for (Property p : props.values()) {
            if (p.name().equalsIgnoreCase(key)) {
                return p;
            }
        }
        return null;
    }

    private void reportUnknownKey(Ctx ctx, Entry e, Map<String, Property> props, String path) {
        List<String> writable = props.values().stream().filter(p -> !p.readOnly()).map(Property::name).toList();
        String allowed = writable.isEmpty() ? "no properties are allowed here"
                : "allowed: " + (writable.size() <= 40 ? String.join(", ", writable)
                : String.join(", ", writable.subList(0, 40)) + ", … (" + writable.size() + " in all)");
        ctx.report(e.line(), path, "unknown property '" + e.key() + "' (" + allowed + ")");
    }

    /**
     * The discriminator value of an object, when it can be told: a string literal; for a resource body keyed by
     * {@code name}, the name's last segment when the resource has no parent. Reports unknown variants.
     */
    private Optional<String> discriminator(Ctx ctx, ObjectValue obj, DiscriminatedObjectType d, String path,
                                           boolean top) {
        String disc = d.discriminator();
        Optional<Entry> entry = obj.entry(disc);
        if (entry.isEmpty()) {
            Entry ci = obj.entries().stream().filter(e -> e.key().equalsIgnoreCase(disc)).findFirst().orElse(null);
            if (ci == null) {
                if (obj.spreads().isEmpty()) {
                    ctx.report(obj.line(), join(path, disc), "required discriminator '" + disc
                            + "' is missing (one of: " + String.join(", ", d.elements().keySet()) + ")");
                }
                return Optional.empty();
            }
            entry = Optional.of(ci);
        }
        Value v = entry.get().value();
        String value = null;
        if (v instanceof StringLiteral s) {
            value = s.value();
            if (top && disc.equals("name") && !ctx.resource.hasParent()) {
                value = lastSegment(value);
            }
        } else if (v instanceof Expression x && x.isStringTemplate() && top && disc.equals("name")
                && !ctx.resource.hasParent()) {
            String suffix = x.templateSuffix().orElse("");
            if (suffix.startsWith("/") && suffix.length() > 1 && !suffix.substring(1).contains("/")) {
                value = suffix.substring(1);
            }
        }
        String p = join(path, entry.get().key());
        if (value == null) {
            ctx.report(entry.get().line(), p, "the value of discriminator '" + disc + "' cannot be determined"
                    + " at compile time (Bicep BCP225), so the properties cannot be type-checked; write one of: "
                    + String.join(", ", d.elements().keySet()));
            return Optional.empty();
        }
        Optional<String> key = d.elementKey(value);
        if (key.isEmpty()) {
            ctx.report(entry.get().line(), p, "'" + value + "' is not a known value of discriminator '" + disc
                    + "' (one of: " + String.join(", ", d.elements().keySet()) + ")");
            return Optional.empty();
        }
        if (!key.get().equals(value)) {
            ctx.report(entry.get().line(), p, "'" + value + "' has the wrong case: the schema spells it '"
                    + key.get() + "'");
        }
        return key;
    }

    private static String lastSegment(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? name : name.substring(slash + 1);
    }

    /** The top-level {@code name}: without a parent, a child resource's name is {@code parent/child}. */
    private void checkName(Ctx ctx, Value v, Property prop, String path) {
        SchemaType t = prop.type() == null ? null : prop.type().resolve();
        boolean qualified = !ctx.resource.hasParent() && ctx.resource.typeDepth() > 1;
        if (!qualified) {
            if (ctx.resource.hasParent() && v instanceof StringLiteral s && s.value().contains("/")) {
                ctx.report(v.line(), path, "name '" + s.value() + "' contains '/': a child resource declared with"
                        + " 'parent' (or nested) takes only its own name segment");
                return;
            }
            checkValue(ctx, v, t, path);
            return;
        }
        if (v instanceof StringLiteral s) {
            long segments = s.value().chars().filter(c -> c == '/').count() + 1;
            if (segments != ctx.resource.typeDepth()) {
                ctx.report(v.line(), path, "name '" + s.value() + "' must have " + ctx.resource.typeDepth()
                        + " '/'-separated segments for a child resource declared without 'parent'");
            }
            Optional<EnumValues> e = BicepTypes.enumValues(t);
            if (e.isPresent() && e.get().closed()) {
                checkEnum(ctx, lastSegment(s.value()), e.get(), v.line(), path + " (last segment)");
            }
        } else if (!(v instanceof Expression)) {
            checkValue(ctx, v, t, path);
        }
    }

    private void checkEnum(Ctx ctx, String value, EnumValues e, int line, String path) {
        if (e.values().contains(value)) {
            return;
        }
        String allowed = e.values().stream().map(x -> "'" + x + "'").collect(Collectors.joining(", "));
        Optional<String> ci = e.values().stream().filter(x -> x.equalsIgnoreCase(value)).findFirst();
        if (ci.isPresent()) {
            ctx.report(line, path, "value '" + value + "' has the wrong case: the schema spells it '" + ci.get()
                    + "'");
        } else if (e.closed()) {
            ctx.report(line, path, "value '" + value + "' is not allowed (one of: " + allowed + ")");
        } else if (options.strictOpenEnums()) {
            ctx.report(line, path, "value '" + value + "' is not one of the known values " + allowed
                    + " (the enum is open, so Bicep accepts it; reported because strictOpenEnums is on)");
        }
    }

    /** Flattens unions (nested too) into their member types. */
    private static List<SchemaType> members(SchemaType t) {
        List<SchemaType> out = new ArrayList<>();
        flatten(t, out, 0);
        return out;
    }

    private static void flatten(SchemaType t, List<SchemaType> out, int depth) {
        if (t instanceof UnionType u && depth < 20) {
            for (TypeRef e : u.elements()) {
                flatten(e.resolve(), out, depth + 1);
            }
        } else if (t != null) {
            out.add(t);
        }
    }

    private void checkValue(Ctx ctx, Value v, SchemaType t, String path) {
        if (t == null) {
            return;
        }
        List<SchemaType> members = members(t);
        if (members.stream().anyMatch(m -> m instanceof AnyType)) {
            return;
        }
        if (v instanceof Expression x) {
            checkExpression(ctx, x, t, members, path);
        } else if (v instanceof StringLiteral s) {
            checkString(ctx, s, t, members, path);
        } else if (v instanceof ObjectValue o) {
            List<SchemaType> objects = members.stream()
                    .filter(m -> m instanceof ObjectType || m instanceof DiscriminatedObjectType).toList();
            if (objects.isEmpty()) {
                mismatch(ctx, v, t, "an object", path);
            } else if (objects.size() == 1) {
                checkObject(ctx, o, objects.get(0), path, false);
            } else {
                // Several object shapes: the one that fits best.
                List<Violation> best = null;
                for (SchemaType candidate : objects) {
                    Ctx scratch = ctx.scratch();
                    checkObject(scratch, o, candidate, path, false);
                    if (best == null || scratch.out.size() < best.size()) {
                        best = scratch.out;
                    }
                }
                ctx.out.addAll(best);
            }
        } else if (v instanceof ArrayValue a) {
            Optional<ArrayType> arrayType = members.stream().filter(m -> m instanceof ArrayType)
                    .map(m -> (ArrayType) m).findFirst();
            if (arrayType.isEmpty()) {
                mismatch(ctx, v, t, "an array", path);
                return;
            }
            ArrayType at = arrayType.get();
            if (at.minLength() != null && a.items().size() < at.minLength()) {
                ctx.report(v.line(), path, "the array has " + a.items().size() + " items; at least "
                        + at.minLength() + " are required");
            }
            if (at.maxLength() != null && a.items().size() > at.maxLength()) {
                ctx.report(v.line(), path, "the array has " + a.items().size() + " items; at most "
                        + at.maxLength() + " are allowed");
            }
            SchemaType item = at.itemType() == null ? null : at.itemType().resolve();
            for (int k = 0; k < a.items().size(); k++) {
                checkValue(ctx, a.items().get(k), item, path + "[" + k + "]");
            }
        }
    }

    private static boolean acceptsString(List<SchemaType> members) {
        return members.stream().anyMatch(m -> m instanceof StringType || m instanceof StringLiteralType);
    }

    private void checkString(Ctx ctx, StringLiteral s, SchemaType t, List<SchemaType> members, String path) {
        if (!acceptsString(members)) {
            mismatch(ctx, s, t, "a string", path);
            return;
        }
        Optional<EnumValues> e = BicepTypes.enumValues(t);
        if (e.isPresent()) {
            checkEnum(ctx, s.value(), e.get(), s.line(), path);
        }
        if (t instanceof StringType st) {
            int len = s.value().codePointCount(0, s.value().length());
            if (st.minLength() != null && len < st.minLength()) {
                ctx.report(s.line(), path, "'" + s.value() + "' is " + len + " characters; the minimum is "
                        + st.minLength());
            }
            if (st.maxLength() != null && len > st.maxLength()) {
                ctx.report(s.line(), path, "'" + s.value() + "' is " + len + " characters; the maximum is "
                        + st.maxLength());
            }
        }
    }

    private void checkExpression(Ctx ctx, Expression x, SchemaType t, List<SchemaType> members, String path) {
        switch (x.kind()) {
            case BOOLEAN -> {
                if (members.stream().noneMatch(m -> m instanceof BooleanType)) {
                    mismatch(ctx, x, t, "a bool", path);
                }
            }
            case INTEGER -> {
                Optional<IntegerType> it = members.stream().filter(m -> m instanceof IntegerType)
                        .map(m -> (IntegerType) m).findFirst();
                if (it.isEmpty()) {
                    mismatch(ctx, x, t, "an int", path);
                    return;
                }
                try {
                    long n = Long.parseLong(x.text().replace(" ", ""));
                    if (it.get().minValue() != null && n < it.get().minValue()) {
                        ctx.report(x.line(), path, n + " is below the minimum " + it.get().minValue());
                    }
                    if (it.get().maxValue() != null && n > it.get().maxValue()) {
                        ctx.report(x.line(), path, n + " is above the maximum " + it.get().maxValue());
                    }
                } catch (NumberFormatException ignored) {
                    // too large for a long: Bicep would reject it, but that is not a schema matter
                }
            }
            case STRING_TEMPLATE -> {
                if (!acceptsString(members)) {
                    mismatch(ctx, x, t, "a string", path);
                }
            }
            default -> {
                // null and other expressions: not checked
            }
        }
    }

    private void mismatch(Ctx ctx, Value v, SchemaType t, String got, String path) {
        ctx.report(v.line(), path, "expected " + describe(t) + " but the value is " + got + ": " + abbreviate(v.text()));
    }

    private static String describe(SchemaType t) {
        Set<String> parts = new LinkedHashSet<>();
        for (SchemaType m : members(t)) {
            parts.add(m.describe());
        }
        return String.join(" | ", parts);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    private static String join(String path, String key) {
        String k = key.matches("[A-Za-z_][A-Za-z0-9_]*") ? key : "['" + key + "']";
        if (path.isEmpty()) {
            return k;
        }
        return k.startsWith("[") ? path + k : path + "." + k;
    }
}
