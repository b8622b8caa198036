package io.lambda2azure.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Offline access to Azure's own resource type data, the same data the Bicep compiler uses
 * ({@code shared/azure-schemas/bicep-types}, see {@code shared/azure-schemas/README.md}).
 *
 * <p>{@code index.json} and the api-version catalog are read lazily on first use; each {@code types.json}
 * is parsed once and cached, and its elements are converted to {@link SchemaType}s on demand. Type names
 * and api-versions are matched case-insensitively, as ARM does.
 *
 * <pre>{@code
 * BicepTypes types = BicepTypes.shared().orElseThrow();
 * ResourceType site = types.resource("Microsoft.Web/sites@2025-03-01").orElseThrow();
 * ObjectType props = (ObjectType) types.propertyType(site.body(), "properties").orElseThrow();
 * }</pre>
 *
 * <p>Instances are thread-safe.
 */
public final class BicepTypes {

    /** Property flag: the property must be set. */
    public static final int REQUIRED = 1;
    /** Property flag: the property is read-only; setting it is an error. */
    public static final int READ_ONLY = 2;
    /** Property flag: the property is write-only; it is never returned. */
    public static final int WRITE_ONLY = 4;
    /** Property flag: the value must be computable at the start of the deployment. */
    public static final int DEPLOY_TIME_CONSTANT = 8;
    /** Property flag: the property identifies the resource (id, name, type, apiVersion). */
    public static final int IDENTIFIER = 16;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path schemasRoot;
    private final Path generated;
    private final Object lock = new Object();
    private volatile Index index;
    private volatile Map<String, Catalogued> catalog;
    private final Map<String, TypesFile> files = new ConcurrentHashMap<>();

    private BicepTypes(Path schemasRoot) {
        this.schemasRoot = schemasRoot;
        this.generated = schemasRoot.resolve("bicep-types").resolve("generated");
    }

    /**
     * Opens the {@code azure-schemas} folder (the one holding {@code bicep-types} and {@code bicep-catalog}).
     * Nothing is read until first use.
     */
    public static BicepTypes open(Path azureSchemasDir) {
        Path index = azureSchemasDir.resolve("bicep-types").resolve("generated").resolve("index.json");
        if (!Files.isRegularFile(index)) {
            throw new IllegalArgumentException("not an azure-schemas folder (no " + index + ")");
        }
        return new BicepTypes(azureSchemasDir);
    }

    /**
     * The {@code azure-schemas} folder of the shared test data: {@code System.getProperty("lambda2azure.shared",
     * "../shared") + "/azure-schemas"} (the Maven build sets {@code lambda2azure.shared} to {@code <repo>/../shared}).
     */
    public static Path sharedSchemasDir() {
        return Path.of(System.getProperty("lambda2azure.shared", "../shared")).resolve("azure-schemas");
    }

    private static final Map<Path, BicepTypes> SHARED = new ConcurrentHashMap<>();

    /** The shared instance over {@link #sharedSchemasDir()}, or empty when that folder is absent. */
    public static Optional<BicepTypes> shared() {
        Path dir = sharedSchemasDir().toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("bicep-types").resolve("generated").resolve("index.json"))) {
            return Optional.empty();
        }
        return Optional.of(SHARED.computeIfAbsent(dir, BicepTypes::new));
    }

    public Path schemasRoot() {
        return schemasRoot;
    }

    // ------------------------------------------------------------------------------------------------
    // Resource types and api-versions
    // ------------------------------------------------------------------------------------------------

    /** Where a {@code Type@version} stands in the local data. */
    public enum Availability {
        /** The version's types.json is included here: its schema can be checked. */
        INCLUDED,
        /** The version exists upstream (catalog) but its types are not available locally. */
        CATALOG_ONLY,
        /** The resource type is known but this api-version does not exist. */
        UNKNOWN_VERSION,
        /** The resource type is not known at all. */
        UNKNOWN_TYPE
    }

    /** Availability of {@code type} at {@code apiVersion}, case-insensitively. */
    public Availability availability(String type, String apiVersion) {
        if (index().resources.containsKey(key(type, apiVersion))) {
            return Availability.INCLUDED;
        }
        Catalogued c = catalog().get(lower(type));
        boolean typeKnown = c != null || index().versionsByType.containsKey(lower(type));
        if (c != null && c.versionsLower.contains(lower(apiVersion))) {
            return Availability.CATALOG_ONLY;
        }
        return typeKnown ? Availability.UNKNOWN_VERSION : Availability.UNKNOWN_TYPE;
    }

    /** Whether {@code Type@version} is in the included types (its schema is available). */
    public boolean hasTypes(String type, String apiVersion) {
        return availability(type, apiVersion) == Availability.INCLUDED;
    }

    /** Whether {@code Type@version} exists at all, included here or only in the upstream catalog. */
    public boolean versionExists(String type, String apiVersion) {
        Availability a = availability(type, apiVersion);
        return a == Availability.INCLUDED || a == Availability.CATALOG_ONLY;
    }

    /** Whether the resource type exists in any api-version. */
    public boolean typeExists(String type) {
        return catalog().containsKey(lower(type)) || index().versionsByType.containsKey(lower(type));
    }

    /** The type's spelling in the data (index first, then catalog), e.g. {@code Microsoft.Web/sites}. */
    public Optional<String> canonicalTypeName(String type) {
        String s = index().typeSpelling.get(lower(type));
        if (s == null) {
            Catalogued c = catalog().get(lower(type));
            s = c == null ? null : c.name;
        }
        return Optional.ofNullable(s);
    }

    /** All api-versions of the type upstream (catalog, plus any included ones), oldest first. */
    public List<String> allVersions(String type) {
        Set<String> all = new LinkedHashSet<>();
        Catalogued c = catalog().get(lower(type));
        if (c != null) {
            all.addAll(c.versions);
        }
        all.addAll(includedVersions(type));
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(VERSION_ORDER);
        return sorted;
    }

    /** The api-versions whose types are included locally, oldest first. */
    public List<String> includedVersions(String type) {
        List<String> v = new ArrayList<>(index().versionsByType.getOrDefault(lower(type), List.of()));
        v.sort(VERSION_ORDER);
        return v;
    }

    /** The newest included api-version without a {@code -preview}/{@code -beta}/… suffix. */
    public Optional<String> newestIncludedStableVersion(String type) {
        List<String> v = includedVersions(type);
        for (int i = v.size() - 1; i >= 0; i--) {
            if (isStable(v.get(i))) {
                return Optional.of(v.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether the api-version is a stable one ({@code yyyy-mm-dd} with no suffix). */
    public static boolean isStable(String apiVersion) {
        return apiVersion.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    /** Orders api-versions by date, a stable version after the previews of the same date. */
    public static final Comparator<String> VERSION_ORDER = Comparator
            .comparing((String v) -> v.length() >= 10 ? v.substring(0, 10) : v)
            .thenComparing(v -> isStable(v) ? 1 : 0)
            .thenComparing(Comparator.naturalOrder());

    /** The resource type for {@code "Ns/type@version"} (case-insensitive), when included locally. */
    public Optional<ResourceType> resource(String typeAtVersion) {
        int at = typeAtVersion.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("expected Type@version: " + typeAtVersion);
        }
        return resource(typeAtVersion.substring(0, at), typeAtVersion.substring(at + 1));
    }

    /** The resource type for {@code type} at {@code apiVersion} (case-insensitive), when included locally. */
    public Optional<ResourceType> resource(String type, String apiVersion) {
        String ref = index().resources.get(key(type, apiVersion));
        if (ref == null) {
            return Optional.empty();
        }
        int hash = ref.indexOf("#/");
        TypesFile file = file(ref.substring(0, hash));
        SchemaType t = file.get(Integer.parseInt(ref.substring(hash + 2)));
        if (!(t instanceof ResourceType r)) {
            throw new IllegalStateException(ref + " is a " + t.kind() + ", not a ResourceType");
        }
        return Optional.of(r);
    }

    /** The number of types.json files parsed so far (they are cached). */
    public int parsedFileCount() {
        return files.size();
    }

    // ------------------------------------------------------------------------------------------------
    // Navigating types
    // ------------------------------------------------------------------------------------------------

    /**
     * The properties of an object type: an {@link ObjectType}'s own, or for a {@link DiscriminatedObjectType}
     * its base properties plus those of the element selected by {@code discriminatorValue} (exact match first,
     * then case-insensitive). With no or an unknown discriminator value, only the base properties.
     */
    public static Map<String, Property> properties(SchemaType objectLike, String discriminatorValue) {
        if (objectLike instanceof ObjectType o) {
            return o.properties();
        }
        if (objectLike instanceof DiscriminatedObjectType d) {
            Map<String, Property> all = new LinkedHashMap<>(d.baseProperties());
            d.element(discriminatorValue).ifPresent(e -> {
                if (e.resolve() instanceof ObjectType o) {
                    all.putAll(o.properties());
                }
            });
            return all;
        }
        return Map.of();
    }

    /** The properties of an {@link ObjectType}, or a {@link DiscriminatedObjectType}'s base properties. */
    public static Map<String, Property> properties(SchemaType objectLike) {
        return properties(objectLike, null);
    }

    /** The type of the named property of an object type (exact name), resolved. */
    public Optional<SchemaType> propertyType(SchemaType objectLike, String name) {
        Property p = properties(objectLike).get(name);
        return p == null ? Optional.empty() : Optional.of(p.type().resolve());
    }

    /** The element type of an array type. */
    public static SchemaType elementType(ArrayType array) {
        return array.itemType().resolve();
    }

    /**
     * The string values a type allows, when it is an enum: a {@link StringLiteralType} (closed, one value) or a
     * {@link UnionType} with literal members (closed only when no member is a {@link StringType} or
     * {@link AnyType}). Empty when the type has no literal members.
     */
    public static Optional<EnumValues> enumValues(SchemaType type) {
        Set<String> values = new LinkedHashSet<>();
        boolean[] open = {false};
        collectLiterals(type, values, open, 0);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EnumValues(List.copyOf(values), !open[0]));
    }

    private static void collectLiterals(SchemaType type, Set<String> values, boolean[] open, int depth) {
        if (depth > 20) {
            return;
        }
        if (type instanceof StringLiteralType l) {
            values.add(l.value());
        } else if (type instanceof UnionType u) {
            for (TypeRef e : u.elements()) {
                collectLiterals(e.resolve(), values, open, depth + 1);
            }
        } else if (type instanceof StringType || type instanceof AnyType) {
            open[0] = true;
        }
    }

    /** The {@code additionalProperties} type of an object type (any key allowed), if it has one. */
    public static Optional<SchemaType> additionalProperties(SchemaType objectLike) {
        if (objectLike instanceof ObjectType o && o.additionalProperties() != null) {
            return Optional.of(o.additionalProperties().resolve());
        }
        return Optional.empty();
    }

    /** A string enum. {@code closed} means no other value is allowed. */
    public record EnumValues(List<String> values, boolean closed) {
        public boolean allows(String value) {
            return !closed || values.contains(value);
        }
    }

    // ------------------------------------------------------------------------------------------------
    // The type model
    // ------------------------------------------------------------------------------------------------

    /** A type from a types.json file. */
    public sealed interface SchemaType permits ResourceType, ObjectType, DiscriminatedObjectType, StringLiteralType,
            UnionType, ArrayType, StringType, IntegerType, BooleanType, AnyType, NullType, ResourceFunctionType,
            OtherType {
        /** The {@code $type} as written in types.json. */
        String kind();

        /** A short human-readable description, e.g. {@code 'a' | 'b' | string} or {@code object Sku}. */
        default String describe() {
            return kind();
        }
    }

    /** A reference to the n-th element of a types.json file; resolved lazily. */
    public static final class TypeRef {
        private final TypesFile file;
        private final int index;

        TypeRef(TypesFile file, int index) {
            this.file = file;
            this.index = index;
        }

        public SchemaType resolve() {
            return file.get(index);
        }

        public int index() {
            return index;
        }

        public String file() {
            return file.path;
        }

        @Override
        public String toString() {
            return file.path + "#/" + index;
        }
    }

    /** A property of an object type. */
    public record Property(String name, TypeRef type, int flags, String description) {
        public boolean required() {
            return (flags & REQUIRED) != 0;
        }

        public boolean readOnly() {
            return (flags & READ_ONLY) != 0;
        }

        public boolean writeOnly() {
            return (flags & WRITE_ONLY) != 0;
        }

        public boolean deployTimeConstant() {
            return (flags & DEPLOY_TIME_CONSTANT) != 0;
        }

        public boolean identifier() {
            return (flags & IDENTIFIER) != 0;
        }
    }

    public record ResourceType(String name, TypeRef bodyRef, int readableScopes, int writableScopes)
            implements SchemaType {
        public String kind() {
            return "ResourceType";
        }

        /** The body type: an {@link ObjectType} or a {@link DiscriminatedObjectType} (keyed by {@code name}). */
        public SchemaType body() {
            return bodyRef.resolve();
        }

        /** The type name without the api-version. */
        public String typeName() {
            int at = name.lastIndexOf('@');
            return at < 0 ? name : name.substring(0, at);
        }

        public String apiVersion() {
            int at = name.lastIndexOf('@');
            return at < 0 ? "" : name.substring(at + 1);
        }
    }

    public record ObjectType(String name, Map<String, Property> properties, TypeRef additionalProperties)
            implements SchemaType {
        public String kind() {
            return "ObjectType";
        }

        public String describe() {
            return "object " + name;
        }
    }

    public record DiscriminatedObjectType(String name, String discriminator, Map<String, Property> baseProperties,
                                          Map<String, TypeRef> elements) implements SchemaType {
        public String kind() {
            return "DiscriminatedObjectType";
        }

        public String describe() {
            return "object " + name + " (by " + discriminator + ": " + String.join(", ", elements.keySet()) + ")";
        }

        /** The element for a discriminator value: exact match, else case-insensitive. */
        public Optional<TypeRef> element(String value) {
            if (value == null) {
                return Optional.empty();
            }
            TypeRef exact = elements.get(value);
            if (exact != null) {
                return Optional.of(exact);
            }
            return elementKey(value).map(elements::get);
        }

        /** The spelling of the element key matching {@code value} case-insensitively. */
        public Optional<String> elementKey(String value) {
            if (value == null) {
                return Optional.empty();
            }
            if (elements.containsKey(value)) {
                return Optional.of(value);
            }
            return elements.keySet().stream().filter(k -> k.equalsIgnoreCase(value)).findFirst();
        }
    }

    public record StringLiteralType(String value) implements SchemaType {
        public String kind() {
            return "StringLiteralType";
        }

        public String describe() {
            return "'" + value + "'";
        }
    }

    public record UnionType(List<TypeRef> elements) implements SchemaType {
        public String kind() {
            return "UnionType";
        }

        public String describe() {
            List<String> parts = new ArrayList<>();
            for (TypeRef e : elements) {
                SchemaType t = e.resolve();
                parts.add(t instanceof UnionType ? "(" + t.kind() + ")" : t.describe());
            }
            return String.join(" | ", parts);
        }
    }

    public record ArrayType(TypeRef itemType, Long minLength, Long maxLength) implements SchemaType {
        public String kind() {
            return "ArrayType";
        }

        public String describe() {
            SchemaType item = itemType.resolve();
            return "array of " + (item instanceof ObjectType o ? "object " + o.name() : item.kind());
        }
    }

    public record StringType(Long minLength, Long maxLength, String pattern, boolean sensitive)
            implements SchemaType {
        public String kind() {
            return "StringType";
        }

        public String describe() {
            return "string";
        }
    }

    public record IntegerType(Long minValue, Long maxValue) implements SchemaType {
        public String kind() {
            return "IntegerType";
        }

        public String describe() {
            return "int";
        }
    }

    public record BooleanType() implements SchemaType {
        public String kind() {
            return "BooleanType";
        }

        public String describe() {
            return "bool";
        }
    }

    public record AnyType() implements SchemaType {
        public String kind() {
            return "AnyType";
        }

        public String describe() {
            return "any";
        }
    }

    public record NullType() implements SchemaType {
        public String kind() {
            return "NullType";
        }

        public String describe() {
            return "null";
        }
    }

    public record ResourceFunctionType(String name, String resourceType, String apiVersion) implements SchemaType {
        public String kind() {
            return "ResourceFunctionType";
        }
    }

    /** A {@code $type} this reader does not model. */
    public record OtherType(String kind) implements SchemaType {
    }

    // ------------------------------------------------------------------------------------------------
    // Loading
    // ------------------------------------------------------------------------------------------------

    /** One parsed types.json; elements are converted on first access. */
    static final class TypesFile {
        final String path;
        private final JsonNode array;
        private final SchemaType[] converted;

        TypesFile(String path, JsonNode array) {
            this.path = path;
            this.array = array;
            this.converted = new SchemaType[array.size()];
        }

        SchemaType get(int i) {
            if (i < 0 || i >= converted.length) {
                throw new IllegalStateException(path + ": no element #/" + i + " (size " + converted.length + ")");
            }
            SchemaType t = converted[i];
            if (t == null) {
                synchronized (this) {
                    t = converted[i];
                    if (t == null) {
                        t = convert(array.get(i), i);
                        converted[i] = t;
                    }
                }
            }
            return t;
        }

        private TypeRef ref(JsonNode node, String where) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                return null;
            }
            String r = node.path("$ref").asText("");
            if (!r.startsWith("#/")) {
                throw new IllegalStateException(path + ": unsupported reference at " + where + ": " + node);
            }
            return new TypeRef(this, Integer.parseInt(r.substring(2)));
        }

        private Map<String, Property> props(JsonNode node, String where) {
            if (node == null || !node.isObject()) {
                return Map.of();
            }
            Map<String, Property> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode p = e.getValue();
                out.put(e.getKey(), new Property(e.getKey(), ref(p.get("type"), where + "." + e.getKey()),
                        p.path("flags").asInt(0), p.path("description").asText(null)));
            }
            return Collections.unmodifiableMap(out);
        }

        private SchemaType convert(JsonNode n, int i) {
            String kind = n.path("$type").asText("");
            String where = "#/" + i;
            switch (kind) {
                case "ResourceType":
                    return new ResourceType(n.path("name").asText(), ref(n.get("body"), where),
                            n.path("readableScopes").asInt(0), n.path("writableScopes").asInt(0));
                case "ObjectType":
                    return new ObjectType(n.path("name").asText(), props(n.get("properties"), where),
                            ref(n.get("additionalProperties"), where));
                case "DiscriminatedObjectType": {
                    Map<String, TypeRef> elements = new LinkedHashMap<>();
                    JsonNode el = n.path("elements");
                    for (Map.Entry<String, JsonNode> e : el.properties()) {
                        elements.put(e.getKey(), ref(e.getValue(), where));
                    }
                    return new DiscriminatedObjectType(n.path("name").asText(), n.path("discriminator").asText(),
                            props(n.get("baseProperties"), where), Collections.unmodifiableMap(elements));
                }
                case "StringLiteralType":
                    return new StringLiteralType(n.path("value").asText());
                case "UnionType": {
                    List<TypeRef> elements = new ArrayList<>();
                    for (JsonNode e : n.path("elements")) {
                        elements.add(ref(e, where));
                    }
                    return new UnionType(List.copyOf(elements));
                }
                case "ArrayType":
                    return new ArrayType(ref(n.get("itemType"), where), longOrNull(n, "minLength"),
                            longOrNull(n, "maxLength"));
                case "StringType":
                    return new StringType(longOrNull(n, "minLength"), longOrNull(n, "maxLength"),
                            n.hasNonNull("pattern") ? n.get("pattern").asText() : null,
                            n.path("sensitive").asBoolean(false));
                case "IntegerType":
                    return new IntegerType(longOrNull(n, "minValue"), longOrNull(n, "maxValue"));
                case "BooleanType":
                    return new BooleanType();
                case "AnyType":
                    return new AnyType();
                case "NullType":
                    return new NullType();
                case "ResourceFunctionType":
                    return new ResourceFunctionType(n.path("name").asText(), n.path("resourceType").asText(),
                            n.path("apiVersion").asText());
                default:
                    return new OtherType(kind);
            }
        }
    }

    private static Long longOrNull(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asLong() : null;
    }

    private TypesFile file(String relPath) {
        return files.computeIfAbsent(relPath, p -> {
            Path f = generated.resolve(p);
            try {
                JsonNode array = JSON.readTree(f.toFile());
                if (array == null || !array.isArray()) {
                    throw new IllegalStateException(f + " is not a JSON array of types");
                }
                return new TypesFile(p, array);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + f, e);
            }
        });
    }

    private static final class Index {
        /** "type@version" lower-cased → "relpath#/n". */
        final Map<String, String> resources = new ConcurrentHashMap<>();
        /** type lower-cased → included versions as spelled. */
        final Map<String, List<String>> versionsByType = new ConcurrentHashMap<>();
        /** type lower-cased → spelling. */
        final Map<String, String> typeSpelling = new ConcurrentHashMap<>();
    }

    private record Catalogued(String name, List<String> versions, Set<String> versionsLower) {
    }

    private Index index() {
        Index i = index;
        if (i == null) {
            synchronized (lock) {
                i = index;
                if (i == null) {
                    i = readIndex();
                    index = i;
                }
            }
        }
        return i;
    }

    private Index readIndex() {
        Path f = generated.resolve("index.json");
        try {
            JsonNode root = JSON.readTree(f.toFile());
            Index i = new Index();
            for (Map.Entry<String, JsonNode> e : root.path("resources").properties()) {
                String k = e.getKey();
                int at = k.lastIndexOf('@');
                if (at < 0) {
                    continue;
                }
                String ref = e.getValue().path("$ref").asText("");
                if (!ref.contains("#/")) {
                    continue;
                }
                i.resources.putIfAbsent(lower(k), ref);
                String type = k.substring(0, at);
                i.typeSpelling.putIfAbsent(lower(type), type);
                i.versionsByType.computeIfAbsent(lower(type), x -> Collections.synchronizedList(new ArrayList<>()))
                        .add(k.substring(at + 1));
            }
            return i;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private Map<String, Catalogued> catalog() {
        Map<String, Catalogued> c = catalog;
        if (c == null) {
            synchronized (lock) {
                c = catalog;
                if (c == null) {
                    c = readCatalog();
                    catalog = c;
                }
            }
        }
        return c;
    }

    private Map<String, Catalogued> readCatalog() {
        Path f = schemasRoot.resolve("bicep-catalog").resolve("resource-type-api-versions.json");
        Map<String, Catalogued> out = new ConcurrentHashMap<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        try {
            JsonNode root = JSON.readTree(f.toFile());
            for (Map.Entry<String, JsonNode> e : root.path("resourceTypes").properties()) {
                List<String> versions = new ArrayList<>();
                Set<String> lowerVersions = new LinkedHashSet<>();
                for (JsonNode v : e.getValue()) {
                    versions.add(v.asText());
                    lowerVersions.add(lower(v.asText()));
                }
                Catalogued prev = out.get(lower(e.getKey()));
                if (prev != null) {
                    // Should not happen (keys are unique case-insensitively), but merge rather than lose versions.
                    versions.addAll(prev.versions());
                    lowerVersions.addAll(prev.versionsLower());
                }
                out.put(lower(e.getKey()), new Catalogued(prev != null ? prev.name() : e.getKey(),
                        List.copyOf(versions), Set.copyOf(lowerVersions)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
    }

    private static String key(String type, String version) {
        return lower(type) + "@" + lower(version);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
