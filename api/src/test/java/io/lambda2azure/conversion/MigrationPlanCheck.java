package io.lambda2azure.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambda2azure.Conversion;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.event.EventSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a conversion's {@code migration-plan.json} and {@code host.json} files must hold, checked from the
 * conversion's own model: every event of every function exactly once, with a binding or a deviation.
 */
final class MigrationPlanCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MigrationPlanCheck() {
    }

    static void assertComplete(Conversion conversion) throws IOException {
        assertThat(conversion.files()).containsKey("migration-plan.json");
        JsonNode root = JSON.readTree(conversion.files().get("migration-plan.json"));
        List<String> expected = new ArrayList<>();
        for (Function f : conversion.app().functions()) {
            for (EventSource e : f.events()) {
                expected.add(f.logicalId() + " " + e.id() + " " + e.location());
            }
        }
        List<String> actual = new ArrayList<>();
        for (JsonNode f : root.get("functions")) {
            for (JsonNode e : f.get("events")) {
                JsonNode at = e.get("source");
                String line = at.get("line").asInt() > 0 ? ":" + at.get("line").asInt() + ":" + at.get("column").asInt()
                        : "";
                actual.add(f.get("awsFunction").asText() + " " + e.get("id").asText() + " " + at.get("file").asText()
                        + line);
                assertThat(e.get("binding").isNull()).as("binding xor deviation: %s", e)
                        .isNotEqualTo(e.get("deviation").isNull());
            }
        }
        assertThat(actual).as("events of migration-plan.json").containsExactlyElementsOf(expected);
        List<String> hostJsons = conversion.files().keySet().stream().filter(p -> p.startsWith("functions/")).toList();
        assertThat(hostJsons).as("one host.json per function app").containsExactlyInAnyOrderElementsOf(
                conversion.deployment().resources(AzureResource.FunctionApp.class).stream()
                        .map(fa -> "functions/" + fa.symbol() + "/host.json").toList());
        for (String path : hostJsons) {
            assertThat(JSON.readTree(conversion.files().get(path)).get("version").asText()).as(path).isEqualTo("2.0");
        }
    }
}
