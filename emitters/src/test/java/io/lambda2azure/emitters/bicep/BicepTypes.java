package io.lambda2azure.emitters.bicep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to the local Bicep type data ({@code shared/azure-schemas/bicep-types/generated}): the index of
 * {@code Type@version} entries and the {@code types.json} files it points into.
 */
final class BicepTypes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final JsonNode index;
    private final JsonNode resources;
    private final Map<String, JsonNode> files = new HashMap<>();

    private BicepTypes(Path root) throws IOException {
        this.root = root;
        this.index = JSON.readTree(root.resolve("index.json").toFile());
        this.resources = index.get("resources");
    }

    /** The type data, when the shared schemas are beside the checkout. */
    static Optional<BicepTypes> load() {
        String shared = System.getProperty("lambda2azure.shared", "../shared");
        Path root = Path.of(shared, "azure-schemas", "bicep-types", "generated");
        if (!Files.isRegularFile(root.resolve("index.json"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BicepTypes(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code Type@version} key of the index. */
    Iterator<String> keys() {
        return resources.fieldNames();
    }

    /** The index key for a type and version, compared without case as ARM does. */
    Optional<String> key(String type, String version) {
        String wanted = (type + "@" + version).toLowerCase(java.util.Locale.ROOT);
        for (Iterator<String> it = keys(); it.hasNext(); ) {
            String k = it.next();
            if (k.toLowerCase(java.util.Locale.ROOT).equals(wanted)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The relative path of the types.json file that holds an index entry. */
    String file(String key) {
        return resources.get(key).get("$ref").asText().split("#/")[0];
    }

    /**
     * The scopes a resource type can be deployed to, as bits: 1 tenant, 2 management group, 4 subscription,
     * 8 resource group, 16 extension (of another resource).
     */
    int writableScopes(String key) {
        String[] ref = resources.get(key).get("$ref").asText().split("#/");
        return types(ref[0]).get(Integer.parseInt(ref[1])).path("writableScopes").asInt();
    }

    /**
     * The output type of a resource function ({@code listKeys}) of a type at an api-version, if the index has it:
     * {@code resourceFunctions} is keyed by the lower-cased type, then by api-version.
     */
    Optional<Node> resourceFunction(String type, String version, String function) {
        JsonNode byVersion = index.path("resourceFunctions").path(type.toLowerCase(java.util.Locale.ROOT))
                .path(version);
        for (JsonNode reference : byVersion) {
            String[] ref = reference.get("$ref").asText().split("#/");
            JsonNode types = types(ref[0]);
            JsonNode f = types.get(Integer.parseInt(ref[1]));
            if (f.path("name").asText().equalsIgnoreCase(function)) {
                return Optional.of(new Node(ref[0], types, resolve(types, f.get("output"))));
            }
        }
        return Optional.empty();
    }

    /** The api-versions the index has resource functions of a type for. */
    Iterator<String> resourceFunctionVersions(String type) {
        return index.path("resourceFunctions").path(type.toLowerCase(java.util.Locale.ROOT)).fieldNames();
    }

    /** The body type of a resource: its ObjectType or DiscriminatedObjectType, with the file it is in. */
    Node body(String key) {
        String[] ref = resources.get(key).get("$ref").asText().split("#/");
        JsonNode types = types(ref[0]);
        JsonNode resource = types.get(Integer.parseInt(ref[1]));
        return new Node(ref[0], types, resolve(types, resource.get("body")));
    }

    private JsonNode types(String path) {
        return files.computeIfAbsent(path, p -> {
            try {
                return JSON.readTree(root.resolve(p).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static JsonNode resolve(JsonNode types, JsonNode reference) {
        return types.get(Integer.parseInt(reference.get("$ref").asText().substring(2)));
    }

    /** A type of one types.json file. */
    record Node(String file, JsonNode types, JsonNode type) {

        String kind() {
            return type.get("$type").asText();
        }

        Node at(JsonNode reference) {
            return new Node(file, types, resolve(types, reference));
        }
    }
}
