package io.lambda2azure.emitters.bicep;

import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every api-version is the newest stable one with types in the local Bicep type data. */
class ApiVersionsTest {

    @Test
    void everyVersionIsTheNewestStableOneInTheLocalTypes() {
        var types = BicepTypes.load();
        assumeTrue(types.isPresent(), "skipped: shared/azure-schemas is not beside the checkout");
        for (Map.Entry<String, String> e : ApiVersions.byType().entrySet()) {
            String type = e.getKey();
            String version = e.getValue();
            assertThat(types.get().key(type, version)).as("%s@%s in the index", type, version).isPresent();
            String newest = "";
            for (Iterator<String> it = types.get().keys(); it.hasNext(); ) {
                String key = it.next();
                int at = key.lastIndexOf('@');
                String v = key.substring(at + 1);
                if (key.substring(0, at).equalsIgnoreCase(type) && !v.toLowerCase(Locale.ROOT).contains("preview")
                        && v.compareTo(newest) > 0) {
                    newest = v;
                }
            }
            assertThat(version).as("newest stable api-version of %s", type).isEqualTo(newest);
        }
    }

    @Test
    void theHostKeysVersionIsTheNewestStableOneWithAListKeysFunction() {
        var types = BicepTypes.load();
        assumeTrue(types.isPresent(), "skipped: shared/azure-schemas is not beside the checkout");
        String newest = "";
        for (Iterator<String> it = types.get().resourceFunctionVersions(ApiVersions.TYPE_SITE_HOST); it.hasNext(); ) {
            String v = it.next();
            if (!v.toLowerCase(Locale.ROOT).contains("preview") && v.compareTo(newest) > 0) {
                newest = v;
            }
        }
        assertThat(ApiVersions.SITE_HOST_KEYS).isEqualTo(newest);
        var output = types.get().resourceFunction(ApiVersions.TYPE_SITE_HOST, ApiVersions.SITE_HOST_KEYS, "listKeys");
        assertThat(output).isPresent();
        assertThat(output.get().file()).isEqualTo("web/microsoft.web/" + ApiVersions.SITE_HOST_KEYS + "/types.json");
        assertThat(output.get().type().path("properties").has("systemKeys")).isTrue();
        // The named values that hold a function key for API Management read the default function key.
        assertThat(output.get().type().path("properties").has("functionKeys")).isTrue();
    }

    @Test
    void theCommentOfEachVersionNamesTheFileItComesFrom() throws Exception {
        var types = BicepTypes.load();
        assumeTrue(types.isPresent(), "skipped: shared/azure-schemas is not beside the checkout");
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/main/java/io/lambda2azure/emitters/bicep/ApiVersions.java"));
        for (Map.Entry<String, String> e : ApiVersions.byType().entrySet()) {
            String file = types.get().file(types.get().key(e.getKey(), e.getValue()).orElseThrow());
            assertThat(source).as("ApiVersions names %s", file).contains("{@code " + file + "}");
        }
    }
}
