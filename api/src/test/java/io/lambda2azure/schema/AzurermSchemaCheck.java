package io.lambda2azure.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks Terraform configurations, in the JSON form HashiCorp's HCL parser gives them, against the azurerm
 * provider schema in ../shared/azure-schemas/azurerm/azurerm-schema.json: every resource and data source
 * type exists, every argument and block exists on its type, every required argument is set, and blocks
 * respect their minimum and maximum counts.
 */
public final class AzurermSchemaCheck {

    private static final String PROVIDER = "registry.terraform.io/hashicorp/azurerm";
    /** Terraform's meta-arguments, valid on every resource. */
    private static final Set<String> META = Set.of("count", "for_each", "depends_on", "lifecycle", "provider");

    private final JsonNode resources;
    private final JsonNode dataSources;

    private AzurermSchemaCheck(JsonNode schema) {
        JsonNode provider = schema.path("provider_schemas").path(PROVIDER);
        this.resources = provider.path("resource_schemas");
        this.dataSources = provider.path("data_source_schemas");
    }

    /** The check over the shared schema, if ../shared/azure-schemas is present. */
    public static Optional<AzurermSchemaCheck> shared() {
        Path file = Path.of(System.getProperty("lambda2azure.shared", "../shared"))
                .resolve("azure-schemas/azurerm/azurerm-schema.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AzurermSchemaCheck(new ObjectMapper().readTree(file.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Violations in one file's JSON form, each naming the file, resource address and argument path. */
    public List<String> check(String file, JsonNode config) {
        List<String> violations = new ArrayList<>();
        blocks(config.path("resource"), resources, "resource", file, violations);
        blocks(config.path("data"), dataSources, "data", file, violations);
        return violations;
    }

    private void blocks(JsonNode byType, JsonNode schemas, String kind, String file, List<String> violations) {
        for (Map.Entry<String, JsonNode> type : byType.properties()) {
            JsonNode schema = schemas.path(type.getKey()).path("block");
            for (Map.Entry<String, JsonNode> name : type.getValue().properties()) {
                String address = file + ": " + (kind.equals("data") ? "data." : "") + type.getKey() + "." + name.getKey();
                if (schema.isMissingNode()) {
                    violations.add(address + ": the azurerm provider has no " + kind + " type " + type.getKey());
                    continue;
                }
                for (JsonNode body : name.getValue()) {
                    body(body, schema, address, "", true, violations);
                }
            }
        }
    }

    private void body(JsonNode body, JsonNode schema, String address, String path, boolean top,
                      List<String> violations) {
        JsonNode attributes = schema.path("attributes");
        JsonNode blockTypes = schema.path("block_types");
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String key = entry.getKey();
            String where = path.isEmpty() ? key : path + "." + key;
            if (top && META.contains(key)) {
                continue;
            }
            JsonNode attribute = attributes.path(key);
            if (!attribute.isMissingNode()) {
                if (!attribute.path("required").asBoolean() && !attribute.path("optional").asBoolean()) {
                    violations.add(address + ": " + where + " is computed only and cannot be set");
                }
                continue;
            }
            JsonNode blockType = blockTypes.path(key);
            if (blockType.isMissingNode()) {
                violations.add(address + ": " + where + " is neither an argument nor a block of this type");
                continue;
            }
            List<JsonNode> items = new ArrayList<>();
            if (entry.getValue().isArray()) {
                entry.getValue().forEach(items::add);
            } else {
                items.add(entry.getValue());
            }
            if (blockType.has("max_items") && items.size() > blockType.path("max_items").asInt()) {
                violations.add(address + ": " + where + " appears " + items.size() + " times; at most "
                        + blockType.path("max_items").asInt() + " allowed");
            }
            for (JsonNode item : items) {
                body(item, blockType.path("block"), address, where, false, violations);
            }
        }
        for (Map.Entry<String, JsonNode> attribute : attributes.properties()) {
            if (attribute.getValue().path("required").asBoolean() && !body.has(attribute.getKey())) {
                violations.add(address + ": required argument " + (path.isEmpty() ? "" : path + ".")
                        + attribute.getKey() + " is not set");
            }
        }
        for (Map.Entry<String, JsonNode> block : blockTypes.properties()) {
            int min = block.getValue().path("min_items").asInt(0);
            if (min > 0 && !body.has(block.getKey())) {
                violations.add(address + ": required block " + (path.isEmpty() ? "" : path + ".") + block.getKey()
                        + " is missing");
            }
        }
    }
}
