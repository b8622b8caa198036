package io.lambda2azure.schema;

import io.lambda2azure.schema.BicepTypes.ArrayType;
import io.lambda2azure.schema.BicepTypes.Availability;
import io.lambda2azure.schema.BicepTypes.DiscriminatedObjectType;
import io.lambda2azure.schema.BicepTypes.EnumValues;
import io.lambda2azure.schema.BicepTypes.ObjectType;
import io.lambda2azure.schema.BicepTypes.Property;
import io.lambda2azure.schema.BicepTypes.ResourceType;
import io.lambda2azure.schema.BicepTypes.SchemaType;
import io.lambda2azure.schema.BicepTypes.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BicepTypesTest {

    static BicepTypes types;

    /** Per test, so that each test is reported as skipped when the shared data is absent. */
    @BeforeEach
    void load() {
        types = SharedSchemas.typesOrSkip();
    }

    private static SchemaType prop(SchemaType object, String name) {
        Property p = BicepTypes.properties(object).get(name);
        assertThat(p).as("property %s", name).isNotNull();
        return p.type().resolve();
    }

    @Test
    void availabilityDistinguishesIncludedCatalogOnlyAndUnknown() {
        assertThat(types.availability("Microsoft.Web/sites", "2025-03-01")).isEqualTo(Availability.INCLUDED);
        assertThat(types.availability("microsoft.web/SITES", "2025-03-01")).isEqualTo(Availability.INCLUDED);
        assertThat(types.availability("Microsoft.Insights/components", "2020-02-02")).isEqualTo(Availability.INCLUDED);
        // exists upstream, types not copied here
        assertThat(types.availability("Microsoft.Web/sites", "2021-01-15")).isEqualTo(Availability.CATALOG_ONLY);
        assertThat(types.availability("Microsoft.Network/virtualNetworks", "2025-07-01"))
                .isEqualTo(Availability.CATALOG_ONLY);
        assertThat(types.availability("Microsoft.Web/sites", "2025-04-01")).isEqualTo(Availability.UNKNOWN_VERSION);
        assertThat(types.availability("Microsoft.Web/nonsense", "2025-03-01")).isEqualTo(Availability.UNKNOWN_TYPE);

        assertThat(types.hasTypes("Microsoft.Web/sites", "2021-01-15")).isFalse();
        assertThat(types.versionExists("Microsoft.Web/sites", "2021-01-15")).isTrue();
        assertThat(types.versionExists("Microsoft.Web/sites", "2025-04-01")).isFalse();
        assertThat(types.typeExists("MICROSOFT.WEB/SITES")).isTrue();
        assertThat(types.canonicalTypeName("microsoft.web/serverFARMS")).contains("Microsoft.Web/serverfarms");
    }

    @Test
    void newestIncludedStableVersions() {
        assertThat(types.newestIncludedStableVersion("Microsoft.Web/sites")).contains("2025-03-01");
        assertThat(types.newestIncludedStableVersion("Microsoft.Storage/storageAccounts")).contains("2026-04-01");
        assertThat(types.newestIncludedStableVersion("Microsoft.Insights/components")).contains("2020-02-02");
        assertThat(types.newestIncludedStableVersion("Microsoft.ManagedIdentity/userAssignedIdentities"))
                .contains("2024-11-30");
        assertThat(types.includedVersions("Microsoft.Insights/components"))
                .containsSubsequence("2020-02-02-preview", "2020-02-02");
        assertThat(types.allVersions("Microsoft.Web/sites")).contains("2021-01-15", "2025-03-01");
    }

    @Test
    void resolvesResourceTypesAndBodies() {
        ResourceType site = types.resource("microsoft.web/sites@2025-03-01").orElseThrow();
        assertThat(site.name()).isEqualTo("Microsoft.Web/sites@2025-03-01");
        assertThat(site.typeName()).isEqualTo("Microsoft.Web/sites");
        assertThat(site.apiVersion()).isEqualTo("2025-03-01");
        ObjectType body = (ObjectType) site.body();
        Map<String, Property> props = body.properties();
        assertThat(props.get("name").flags()).isEqualTo(BicepTypes.REQUIRED | BicepTypes.DEPLOY_TIME_CONSTANT);
        assertThat(props.get("location").required()).isTrue();
        assertThat(props.get("id").readOnly()).isTrue();

        SchemaType siteProps = prop(body, "properties");
        SchemaType functionAppConfig = prop(siteProps, "functionAppConfig");
        assertThat(BicepTypes.properties(functionAppConfig)).containsKeys("deployment", "runtime", "scaleAndConcurrency");
        assertThat(types.resource("Microsoft.Web/sites@2021-01-15")).isEmpty();
        assertThatThrownBy(() -> types.resource("Microsoft.Web/sites")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void enumsAreClosedOnlyWithoutAStringMember() {
        SchemaType siteConfig = prop(prop(types.resource("Microsoft.Web/sites@2025-03-01").orElseThrow().body(),
                "properties"), "siteConfig");
        EnumValues ftps = BicepTypes.enumValues(prop(siteConfig, "ftpsState")).orElseThrow();
        assertThat(ftps.values()).containsExactly("AllAllowed", "FtpsOnly", "Disabled");
        assertThat(ftps.closed()).isFalse();
        assertThat(ftps.allows("Sometimes")).isTrue();

        SchemaType storageProps = prop(types.resource("Microsoft.Storage/storageAccounts@2026-04-01").orElseThrow()
                .body(), "properties");
        EnumValues tier = BicepTypes.enumValues(prop(storageProps, "accessTier")).orElseThrow();
        assertThat(tier.closed()).isTrue();
        assertThat(tier.values()).contains("Hot", "Cool");
        assertThat(tier.allows("Warm")).isFalse();

        assertThat(BicepTypes.enumValues(prop(storageProps, "allowSharedKeyAccess"))).isEmpty();
    }

    @Test
    void discriminatedBodiesSelectTheirVariantByName() {
        DiscriminatedObjectType config = (DiscriminatedObjectType)
                types.resource("Microsoft.Web/sites/config@2025-03-01").orElseThrow().body();
        assertThat(config.discriminator()).isEqualTo("name");
        assertThat(config.elements()).containsKeys("web", "appsettings", "authsettingsV2", "logs");
        assertThat(config.elementKey("AuthSettingsV2")).contains("authsettingsV2");

        Map<String, Property> web = BicepTypes.properties(config, "web");
        assertThat(web).containsKeys("name", "properties", "kind");
        SchemaType webProps = web.get("properties").type().resolve();
        assertThat(BicepTypes.properties(webProps)).containsKeys("ftpsState", "minTlsVersion", "appSettings");

        SchemaType appSettingsProps = BicepTypes.properties(config, "appsettings").get("properties").type().resolve();
        assertThat(BicepTypes.properties(appSettingsProps)).isEmpty();
        assertThat(BicepTypes.additionalProperties(appSettingsProps)).get().isInstanceOf(StringType.class);

        assertThat(BicepTypes.properties(config, "nonsense")).isEqualTo(config.baseProperties());
    }

    @Test
    void arraysAndMaps() {
        SchemaType siteConfig = prop(prop(types.resource("Microsoft.Web/sites@2025-03-01").orElseThrow().body(),
                "properties"), "siteConfig");
        ArrayType appSettings = (ArrayType) prop(siteConfig, "appSettings");
        ObjectType pair = (ObjectType) BicepTypes.elementType(appSettings);
        assertThat(pair.name()).isEqualTo("NameValuePair");
        assertThat(pair.properties()).containsKeys("name", "value");

        SchemaType tags = prop(types.resource("Microsoft.Web/sites@2025-03-01").orElseThrow().body(), "tags");
        assertThat(BicepTypes.properties(tags)).isEmpty();
        assertThat(BicepTypes.additionalProperties(tags)).get().isInstanceOf(StringType.class);
    }

    @Test
    void bigFilesAreParsedOnceAndQuickly() {
        List<String> big = List.of(
                "Microsoft.Network/virtualNetworks@2025-01-01", "Microsoft.Network/virtualNetworks@2024-05-01",
                "Microsoft.Network/virtualNetworks@2024-01-01", "Microsoft.Network/virtualNetworks@2025-09-01",
                "Microsoft.Network/virtualNetworks@2023-11-01", "Microsoft.Web/sites@2024-11-01");
        long start = System.nanoTime();
        for (String t : big) {
            assertThat(types.resource(t)).as(t).isPresent();
        }
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        int parsed = types.parsedFileCount();
        long again = System.nanoTime();
        for (int k = 0; k < 100; k++) {
            for (String t : big) {
                types.resource(t).orElseThrow().body();
            }
        }
        long cachedMillis = (System.nanoTime() - again) / 1_000_000;
        assertThat(types.parsedFileCount()).as("cached, not re-parsed").isEqualTo(parsed);
        assertThat(firstMillis).as("six types.json files (five of 1+ MB) parsed in %d ms", firstMillis).isLessThan(10_000);
        assertThat(cachedMillis).as("600 cached look-ups took %d ms", cachedMillis).isLessThan(1_000);
    }
}
