package io.lambda2azure.emitters.bicep;

import io.lambda2azure.emitters.fixtures.Fixtures;

import com.fasterxml.jackson.databind.JsonNode;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.emitters.bicep.BicepExpr.ArrayItem;
import io.lambda2azure.emitters.bicep.BicepExpr.ArrayLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.BoolLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.IntLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.ObjectLiteral;
import io.lambda2azure.emitters.bicep.BicepExpr.ObjectProperty;
import io.lambda2azure.emitters.bicep.BicepExpr.StringLiteral;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks every resource the emitter writes against the Bicep types of its api-version, the same data the
 * Bicep compiler uses: each property exists and is writable, each required property is there, literal values
 * have the property's type and, for closed enums, one of its values.
 */
class SchemaConformanceTest {

    private static final int REQUIRED = 1;
    private static final int READ_ONLY = 2;

    static Stream<Supplier<AzureDeployment>> fixtures() {
        return Stream.of(Fixtures::flex, Fixtures::premium, Fixtures::dedicated, Fixtures::consumption,
                Fixtures::values, Fixtures::events, Fixtures::apiManagement);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void everyResourceMatchesItsBicepType(Supplier<AzureDeployment> fixture) {
        var types = BicepTypes.load();
        assumeTrue(types.isPresent(), "skipped: shared/azure-schemas is not beside the checkout");
        BicepFile file = BicepEmitter.mainFile(fixture.get());
        assertThat(file.declarations()).anyMatch(BicepDecl.Resource.class::isInstance);
        assertThat(problems(types.get(), file)).isEmpty();
    }

    @Test
    void findsUnknownReadOnlyMissingAndDisallowedProperties() {
        var types = BicepTypes.load();
        assumeTrue(types.isPresent(), "skipped: shared/azure-schemas is not beside the checkout");
        BicepExpr.ObjectLiteral body = new BicepEmitter.Props()
                .put("name", BicepExpr.string("c"))
                .put("id", BicepExpr.string("x"))
                .put("properties", new BicepEmitter.Props()
                        .put("publicAccess", BicepExpr.string("Private"))
                        .put("noSuchThing", BicepExpr.bool(true))
                        .build())
                .build();
        BicepFile file = new BicepFile(List.of(
                new BicepDecl.Resource(List.of(), "c", ApiVersions.TYPE_BLOB_CONTAINERS, ApiVersions.BLOB_CONTAINERS,
                        false, Optional.empty(), Optional.empty(), body),
                new BicepDecl.Resource(List.of(), "p", ApiVersions.TYPE_SITE_BASIC_PUBLISHING_CREDENTIALS_POLICIES,
                        ApiVersions.SITE_BASIC_PUBLISHING_CREDENTIALS_POLICIES, false, Optional.empty(),
                        Optional.empty(), new BicepEmitter.Props().put("name", BicepExpr.string("ftp"))
                        .put("properties", new BicepEmitter.Props().build()).build()),
                new BicepDecl.Resource(List.of(), "s", ApiVersions.TYPE_SITES, "1999-01-01", false,
                        Optional.empty(), Optional.empty(), new BicepEmitter.Props().build())));
        assertThat(problems(types.get(), file)).containsExactly(
                "c: a child resource of type Microsoft.Storage/storageAccounts/blobServices/containers without a"
                        + " parent",
                "c.id: read-only",
                "c.properties.publicAccess: 'Private' is not allowed by [Container, Blob, None]",
                "c.properties.noSuchThing: no such property",
                "p: a child resource of type Microsoft.Web/sites/basicPublishingCredentialsPolicies without a parent",
                "p.properties.allow: required but not written",
                "s: no type Microsoft.Web/sites@1999-01-01");
    }

    @Test
    void findsChildrenWithoutTheirParentScopesThatCannotBeAndUnknownFunctions() {
        var types = BicepTypes.load();
        assumeTrue(types.isPresent(), "skipped: shared/azure-schemas is not beside the checkout");
        BicepExpr.ObjectLiteral named = new BicepEmitter.Props().put("name", BicepExpr.string("x")).build();
        BicepExpr keys = BicepExpr.access(BicepExpr.call("listKeys", BicepExpr.string("id"),
                BicepExpr.string("1999-01-01")), "systemKeys");
        BicepExpr goodKeys = BicepExpr.access(BicepExpr.call("listKeys", BicepExpr.string("id"),
                BicepExpr.string(ApiVersions.SITE_HOST_KEYS)), "systemKeys", "blobs_extension");
        BicepExpr badProperty = BicepExpr.access(BicepExpr.call("listKeys", BicepExpr.string("id"),
                BicepExpr.string(ApiVersions.SITE_HOST_KEYS)), "noSuchKeys");
        BicepFile file = new BicepFile(List.of(
                new BicepDecl.Resource(List.of(), "ns", ApiVersions.TYPE_SERVICE_BUS_NAMESPACES,
                        ApiVersions.SERVICE_BUS_NAMESPACES, false, Optional.empty(), Optional.empty(),
                        new BicepEmitter.Props().put("name", BicepExpr.string("ns"))
                                .put("location", BicepExpr.string("x"))
                                .put("tags", new BicepEmitter.Props().put("a", keys).put("b", goodKeys)
                                        .put("c", badProperty).build())
                                .build()),
                new BicepDecl.Resource(List.of(), "orphan", ApiVersions.TYPE_SERVICE_BUS_QUEUES,
                        ApiVersions.SERVICE_BUS_QUEUES, false, Optional.empty(), Optional.empty(), named),
                new BicepDecl.Resource(List.of(), "wrongParent", ApiVersions.TYPE_SERVICE_BUS_SUBSCRIPTIONS,
                        ApiVersions.SERVICE_BUS_SUBSCRIPTIONS, false, Optional.empty(),
                        Optional.of(BicepExpr.identifier("ns")), named),
                new BicepDecl.Resource(List.of(), "scoped", ApiVersions.TYPE_EVENT_GRID_TOPICS,
                        ApiVersions.EVENT_GRID_TOPICS, false, Optional.empty(), Optional.empty(),
                        new BicepEmitter.Props().put("name", BicepExpr.string("t"))
                                .put("location", BicepExpr.string("x"))
                                .put("scope", BicepExpr.identifier("ns")).build()),
                new BicepDecl.Resource(List.of(), "extension", ApiVersions.TYPE_EVENT_GRID_EVENT_SUBSCRIPTIONS,
                        ApiVersions.EVENT_GRID_EVENT_SUBSCRIPTIONS, false, Optional.empty(), Optional.empty(),
                        new BicepEmitter.Props().put("name", BicepExpr.string("s"))
                                .put("scope", BicepExpr.identifier("scoped")).build())));
        assertThat(problems(types.get(), file)).containsExactly(
                "ns: no listKeys of Microsoft.Web/sites/host@1999-01-01",
                "ns: listKeys has no noSuchKeys",
                "orphan: a child resource of type Microsoft.ServiceBus/namespaces/queues without a parent",
                "wrongParent: parent ns is a Microsoft.ServiceBus/namespaces, not a"
                        + " Microsoft.ServiceBus/namespaces/topics",
                "scoped: Microsoft.EventGrid/topics cannot be deployed with a scope (not an extension resource)");
    }

    static List<String> problems(BicepTypes types, BicepFile file) {
        List<String> problems = new ArrayList<>();
        Map<String, String> declaredTypes = new LinkedHashMap<>();
        for (BicepDecl decl : file.declarations()) {
            if (decl instanceof BicepDecl.Resource r) {
                declaredTypes.put(r.symbol(), r.type());
            }
        }
        for (BicepDecl decl : file.declarations()) {
            if (!(decl instanceof BicepDecl.Resource r)) {
                continue;
            }
            var key = types.key(r.type(), r.apiVersion());
            if (key.isEmpty()) {
                problems.add(r.symbol() + ": no type " + r.type() + "@" + r.apiVersion());
                continue;
            }
            // scope is Bicep's own keyword for extension resources, not a property of the type
            Optional<BicepExpr> scope = r.body().properties().stream()
                    .filter(p -> p.key() instanceof StringLiteral s && s.value().equals("scope"))
                    .map(ObjectProperty::value).findFirst();
            List<ObjectProperty> body = r.body().properties().stream()
                    .filter(p -> !(p.key() instanceof StringLiteral s && s.value().equals("scope")))
                    .toList();
            placement(types, key.get(), r, scope, declaredTypes, problems);
            object(types.body(key.get()), body, r.symbol(), problems);
            functionCalls(types, r.body(), r.symbol(), problems);
        }
        return problems;
    }

    private static final int EXTENSION_SCOPE = 16;

    /**
     * Where the resource goes: a child type ({@code A/b/c}) needs a {@code parent} of type {@code A/b}, a top-level
     * type needs none; a {@code scope} (an extension resource on another resource of the file) needs a type that can
     * be deployed as an extension.
     */
    private static void placement(BicepTypes types, String key, BicepDecl.Resource r, Optional<BicepExpr> scope,
                                  Map<String, String> declaredTypes, List<String> problems) {
        String type = r.type();
        int segments = type.split("/").length;
        String parentType = type.substring(0, type.lastIndexOf('/'));
        if (r.parent().isPresent()) {
            String parentSymbol = r.parent().get() instanceof BicepExpr.Identifier id ? id.name() : null;
            String declared = parentSymbol == null ? null : declaredTypes.get(parentSymbol);
            if (declared == null) {
                problems.add(r.symbol() + ": parent is not a resource of the file");
            } else if (!declared.equalsIgnoreCase(parentType)) {
                problems.add(r.symbol() + ": parent " + parentSymbol + " is a " + declared + ", not a " + parentType);
            }
        } else if (segments > 2) {
            problems.add(r.symbol() + ": a child resource of type " + type + " without a parent");
        }
        if (scope.isPresent()) {
            if (!(scope.get() instanceof BicepExpr.Identifier id) || !declaredTypes.containsKey(id.name())) {
                problems.add(r.symbol() + ": scope is not a resource of the file");
            }
            if ((types.writableScopes(key) & EXTENSION_SCOPE) == 0) {
                problems.add(r.symbol() + ": " + type + " cannot be deployed with a scope (not an extension resource)");
            }
        }
    }

    /**
     * {@code listKeys(<id>, '<api-version>').a.b}: the host keys function the emitter calls must exist at that
     * api-version, and its output must have the properties read from it.
     */
    private static void functionCalls(BicepTypes types, BicepExpr e, String path, List<String> problems) {
        if (e instanceof BicepExpr.PropertyAccess a) {
            List<String> properties = new ArrayList<>();
            BicepExpr base = a;
            while (base instanceof BicepExpr.PropertyAccess p) {
                properties.add(0, p.property());
                base = p.base();
            }
            if (base instanceof BicepExpr.FunctionCall c && c.name().equals("listKeys")) {
                listKeys(types, c, properties, path, problems);
                c.arguments().forEach(x -> functionCalls(types, x, path, problems));
            } else {
                functionCalls(types, base, path, problems);
            }
        } else if (e instanceof BicepExpr.FunctionCall c) {
            if (c.name().equals("listKeys")) {
                listKeys(types, c, List.of(), path, problems);
            }
            c.arguments().forEach(x -> functionCalls(types, x, path, problems));
        } else if (e instanceof BicepExpr.InterpolatedString s) {
            s.expressions().forEach(x -> functionCalls(types, x, path, problems));
        } else if (e instanceof ObjectLiteral o) {
            o.properties().forEach(p -> functionCalls(types, p.value(), path, problems));
        } else if (e instanceof ArrayLiteral a) {
            a.items().forEach(i -> functionCalls(types, i.value(), path, problems));
        }
    }

    private static void listKeys(BicepTypes types, BicepExpr.FunctionCall c, List<String> properties, String path,
                                 List<String> problems) {
        String version = c.arguments().size() == 2 && c.arguments().get(1) instanceof StringLiteral s ? s.value() : "";
        // The only resource whose keys the emitter reads is a function app's host (its id + /host/default).
        Optional<BicepTypes.Node> output = types.resourceFunction(ApiVersions.TYPE_SITE_HOST, version, "listKeys");
        if (output.isEmpty()) {
            problems.add(path + ": no listKeys of " + ApiVersions.TYPE_SITE_HOST + "@" + version);
            return;
        }
        BicepTypes.Node node = output.get();
        for (String property : properties) {
            JsonNode declared = node.type().path("properties").get(property);
            JsonNode additional = node.type().get("additionalProperties");
            if (declared != null) {
                node = node.at(declared.get("type"));
            } else if (additional != null) {
                node = node.at(additional);
            } else {
                problems.add(path + ": listKeys has no " + property);
                return;
            }
        }
    }

    private static void object(BicepTypes.Node node, List<ObjectProperty> literal, String path,
                               List<String> problems) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode additional = null;
        JsonNode type = node.type();
        switch (node.kind()) {
            case "ObjectType" -> {
                type.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
                additional = type.get("additionalProperties");
            }
            case "DiscriminatedObjectType" -> {
                String discriminator = type.get("discriminator").asText();
                type.path("baseProperties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
                String value = literal.stream()
                        .filter(p -> p.key() instanceof StringLiteral s && s.value().equals(discriminator))
                        .map(p -> p.value() instanceof StringLiteral s ? s.value() : null)
                        .findFirst().orElse(null);
                JsonNode element = value == null ? null : type.path("elements").get(value);
                if (element == null) {
                    problems.add(path + ": discriminator " + discriminator + " is not one of "
                            + names(type.path("elements").fieldNames()));
                    return;
                }
                node.at(element).type().path("properties").properties()
                        .forEach(e -> properties.put(e.getKey(), e.getValue()));
            }
            case "AnyType" -> {
                return;
            }
            default -> {
                problems.add(path + ": an object where the type is " + node.kind());
                return;
            }
        }
        Set<String> written = new HashSet<>();
        for (ObjectProperty p : literal) {
            if (!(p.key() instanceof StringLiteral s)) {
                if (additional == null) {
                    problems.add(path + ": computed key where the type has fixed properties");
                } else {
                    value(node.at(additional), p.value(), path + "[*]", problems);
                }
                continue;
            }
            String key = s.value();
            written.add(key);
            JsonNode property = properties.get(key);
            if (property == null) {
                if (additional == null) {
                    problems.add(path + "." + key + ": no such property");
                } else {
                    value(node.at(additional), p.value(), path + "." + key, problems);
                }
                continue;
            }
            if ((property.path("flags").asInt() & READ_ONLY) != 0) {
                problems.add(path + "." + key + ": read-only");
            }
            value(node.at(property.get("type")), p.value(), path + "." + key, problems);
        }
        properties.forEach((key, property) -> {
            if ((property.path("flags").asInt() & REQUIRED) != 0 && !written.contains(key)) {
                problems.add(path + "." + key + ": required but not written");
            }
        });
    }

    private static void value(BicepTypes.Node node, BicepExpr value, String path, List<String> problems) {
        String kind = node.kind();
        if (kind.equals("AnyType")) {
            return;
        }
        if (value instanceof ObjectLiteral o) {
            BicepTypes.Node target = node;
            if (kind.equals("UnionType")) {
                target = null;
                for (JsonNode element : node.type().get("elements")) {
                    BicepTypes.Node candidate = node.at(element);
                    if (candidate.kind().equals("ObjectType") || candidate.kind().equals("DiscriminatedObjectType")) {
                        target = candidate;
                        break;
                    }
                }
                if (target == null) {
                    problems.add(path + ": an object where the type is a union without objects");
                    return;
                }
            }
            object(target, o.properties(), path, problems);
        } else if (value instanceof ArrayLiteral a) {
            if (!kind.equals("ArrayType")) {
                problems.add(path + ": an array where the type is " + kind);
                return;
            }
            for (ArrayItem item : a.items()) {
                value(node.at(node.type().get("itemType")), item.value(), path + "[]", problems);
            }
        } else if (value instanceof StringLiteral s) {
            if (!allowsString(node, s.value())) {
                problems.add(path + ": '" + s.value() + "' is not allowed by " + describe(node));
            }
        } else if (value instanceof IntLiteral i) {
            if (!kind.equals("IntegerType")) {
                problems.add(path + ": an integer where the type is " + kind);
            } else {
                long v = i.value().longValueExact();
                JsonNode t = node.type();
                if (t.has("minValue") && v < t.get("minValue").asLong()
                        || t.has("maxValue") && v > t.get("maxValue").asLong()) {
                    problems.add(path + ": " + v + " is out of range " + t);
                }
            }
        } else if (value instanceof BoolLiteral) {
            if (!kind.equals("BooleanType")) {
                problems.add(path + ": a bool where the type is " + kind);
            }
        }
        // identifiers, property access, calls and interpolations are typed by the compiler, not here
    }

    private static boolean allowsString(BicepTypes.Node node, String value) {
        return switch (node.kind()) {
            case "StringType" -> true;
            case "StringLiteralType" -> node.type().get("value").asText().equals(value);
            case "UnionType" -> {
                for (JsonNode element : node.type().get("elements")) {
                    if (allowsString(node.at(element), value)) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> false;
        };
    }

    private static String describe(BicepTypes.Node node) {
        if (!node.kind().equals("UnionType")) {
            return node.type().toString();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node.type().get("elements")) {
            BicepTypes.Node e = node.at(element);
            values.add(e.kind().equals("StringLiteralType") ? e.type().get("value").asText() : e.kind());
        }
        return values.toString();
    }

    private static String names(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list.toString();
    }
}
