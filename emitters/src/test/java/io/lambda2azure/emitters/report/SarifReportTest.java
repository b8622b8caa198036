package io.lambda2azure.emitters.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationCatalog;
import io.lambda2azure.core.deviation.DeviationKind;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the SARIF log against the parts of the SARIF 2.1.0 schema that matter to consumers: required
 * properties, the properties each object may have ({@code additionalProperties: false} in the schema),
 * enumerations, minimums, and the consistency of rule indexes. The property lists are the schema's.
 */
class SarifReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The properties the 2.1.0 schema allows on the objects lambda2azure writes. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "sarifLog", Set.of("$schema", "version", "runs", "inlineExternalProperties", "properties"),
            "run", Set.of("tool", "invocations", "conversion", "language", "versionControlProvenance",
                    "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results", "automationDetails",
                    "runAggregates", "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage",
                    "newlineSequences", "columnKind", "externalPropertyFileReferences", "threadFlowLocations",
                    "taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses",
                    "specialLocations", "properties"),
            "toolComponent", Set.of("guid", "name", "organization", "product", "productSuite", "shortDescription",
                    "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion",
                    "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings", "notifications", "rules",
                    "taxa", "locations", "language", "contents", "isComprehensive", "localizedDataSemanticVersion",
                    "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata",
                    "supportedTaxonomies", "properties"),
            "reportingDescriptor", Set.of("id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames",
                    "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration", "helpUri", "help",
                    "relationships", "properties"),
            "result", Set.of("ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations",
                    "guid", "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks",
                    "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState",
                    "rank", "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa",
                    "webRequest", "webResponse", "properties"),
            "physicalLocation", Set.of("address", "artifactLocation", "region", "contextRegion", "properties"),
            "artifactLocation", Set.of("uri", "uriBaseId", "index", "description", "properties"),
            "region", Set.of("startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
                    "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"),
            "multiformatMessageString", Set.of("text", "markdown", "properties"),
            "reportingConfiguration", Set.of("enabled", "level", "rank", "parameters", "properties"));

    private static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

    @ParameterizedTest
    @EnumSource(PlanKind.class)
    void logIsValidSarif210(PlanKind kind) throws Exception {
        ServerlessApp app = Fixtures.small();
        AzureDeployment deployment = ReportsTest.plan(app, kind);
        validate(JSON.readTree(Reports.sarif(app, deployment, "0.1.0-SNAPSHOT")), deployment);
    }

    @Test
    void rulesAreTheKindsThatOccurSortedById() throws Exception {
        ServerlessApp app = Fixtures.small();
        AzureDeployment deployment = ReportsTest.plan(app, PlanKind.FLEX_CONSUMPTION);
        JsonNode run = JSON.readTree(Reports.sarif(app, deployment, "1.2.3")).at("/runs/0");
        List<DeviationKind> kinds = deployment.deviations().stream().map(Deviation::kind).distinct()
                .sorted(java.util.Comparator.comparing(DeviationKind::id)).toList();
        JsonNode rules = run.at("/tool/driver/rules");
        assertThat(rules).hasSize(kinds.size());
        for (int i = 0; i < kinds.size(); i++) {
            DeviationKind kind = kinds.get(i);
            JsonNode rule = rules.get(i);
            assertThat(ReportsTest.keys(rule)).containsExactly("id", "name", "shortDescription", "fullDescription",
                    "help", "helpUri", "defaultConfiguration");
            assertThat(rule.get("id").asText()).isEqualTo(kind.id());
            assertThat(rule.get("name").asText()).matches("[A-Z][A-Za-z0-9]*");
            assertThat(rule.at("/shortDescription/text").asText()).isEqualTo(kind.title());
            assertThat(rule.at("/fullDescription/text").asText()).isEqualTo(kind.impact());
            assertThat(rule.at("/help/text").asText()).isEqualTo(kind.mitigation());
            assertThat(rule.at("/help/markdown").asText())
                    .isEqualTo(kind.mitigation() + " [Learn more](" + kind.helpUrl() + ")");
            assertThat(rule.get("helpUri").asText()).isEqualTo(kind.helpUrl());
            assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo(SarifReport.level(kind.severity()));
        }
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("lambda2azure");
        assertThat(run.at("/tool/driver/version").asText()).isEqualTo("1.2.3");
        assertThat(run.at("/tool/driver/informationUri").asText())
                .isEqualTo("https://github.com/lambda2azure/lambda2azure");
        assertThat(run.has("originalUriBaseIds")).as("%SRCROOT% stays undefined").isFalse();
    }

    @Test
    void ruleNamesArePascalCaseTitles() {
        assertThat(Texts.pascal(DeviationCatalog.TIMEOUT_ABOVE_PLAN.title())).isEqualTo("TimeoutAboveThePlansMaximum");
        assertThat(Texts.pascal(DeviationCatalog.ARM64.title())).isEqualTo("Arm64ArchitectureHasNoEquivalent");
        assertThat(Texts.pascal(DeviationCatalog.HTTP_ROUTE_CHANGED.title())).isEqualTo("HTTPRouteIsServedUnderApi");
        for (DeviationKind kind : DeviationCatalog.all()) {
            assertThat(Texts.pascal(kind.title())).as(kind.id()).matches("[A-Z][A-Za-z0-9]*");
        }
    }

    @Test
    void resultsMapSeverityLocationAndFingerprint() throws Exception {
        Deviation blocker = new Deviation(DeviationCatalog.TRIGGER_NOT_MAPPED, Severity.BLOCKER, "m1",
                new SourceLocation("infra/my app/template.yaml", 12, 5), Optional.empty());
        // The same kind and message in the same file twice: fingerprints stay distinct.
        Deviation twiceA = new Deviation(DeviationCatalog.LAYERS, Severity.WARNING, "same",
                new SourceLocation("t.yaml", 3, 1), Optional.empty());
        Deviation twiceB = new Deviation(DeviationCatalog.LAYERS, Severity.WARNING, "same",
                new SourceLocation("t.yaml", 9, 1), Optional.empty());
        Deviation noLine = new Deviation(DeviationCatalog.NO_CODE_LOCATION, Severity.INFO, "m3",
                new SourceLocation(".\\win\\t.yaml", 0, 0), Optional.empty());
        Deviation noColumn = new Deviation(DeviationCatalog.TRACING, Severity.INFO, "m4",
                new SourceLocation("/abs/t.yaml", 4, 0), Optional.empty());
        AzureDeployment deployment = new AzureDeployment("t.yaml", PlanKind.FLEX_CONSUMPTION, "r", List.of(),
                List.of(), List.of(), List.of(), List.of(blocker, twiceA, twiceB, noLine, noColumn));
        ServerlessApp app = Fixtures.app().build();
        JsonNode log = JSON.readTree(Reports.sarif(app, deployment, "9"));
        validate(log, deployment);
        JsonNode results = log.at("/runs/0/results");

        JsonNode first = byMessage(results, "m1");
        assertThat(first.get("level").asText()).isEqualTo("error");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("infra/my%20app/template.yaml");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(12);
        assertThat(first.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(5);

        JsonNode third = byMessage(results, "m3");
        assertThat(third.get("level").asText()).isEqualTo("note");
        assertThat(third.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("win/t.yaml");
        assertThat(third.at("/locations/0/physicalLocation").has("region")).isFalse();

        JsonNode fourth = byMessage(results, "m4");
        assertThat(fourth.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("file:///abs/t.yaml");
        assertThat(fourth.at("/locations/0/physicalLocation/artifactLocation").has("uriBaseId")).isFalse();
        assertThat(ReportsTest.keys(fourth.at("/locations/0/physicalLocation/region"))).containsExactly("startLine");

        List<String> same = new java.util.ArrayList<>();
        for (JsonNode result : results) {
            if (result.at("/message/text").asText().equals("same")) {
                same.add(result.at("/partialFingerprints/lambda2azure~1v1").asText());
            }
        }
        assertThat(same).hasSize(2);
        String a = same.get(0);
        String b = same.get(1);
        assertThat(a).matches("[0-9a-f]{64}:1");
        assertThat(b).isEqualTo(a.replace(":1", ":2"));
    }

    @Test
    void fingerprintsIgnoreLinesSoResultsSurviveEdits() throws Exception {
        Deviation before = new Deviation(DeviationCatalog.LAYERS, Severity.WARNING, "F uses 1 layer",
                new SourceLocation("t.yaml", 3, 1), Optional.empty());
        Deviation after = new Deviation(DeviationCatalog.LAYERS, Severity.WARNING, "F uses 1 layer",
                new SourceLocation("t.yaml", 30, 7), Optional.empty());
        ServerlessApp app = Fixtures.app().build();
        String x = fingerprint(app, before);
        assertThat(fingerprint(app, after)).isEqualTo(x);
        assertThat(fingerprint(app, new Deviation(DeviationCatalog.LAYERS, Severity.WARNING, "G uses 1 layer",
                new SourceLocation("t.yaml", 3, 1), Optional.empty()))).isNotEqualTo(x);
        assertThat(fingerprint(app, new Deviation(DeviationCatalog.LAYERS, Severity.WARNING, "F uses 1 layer",
                new SourceLocation("u.yaml", 3, 1), Optional.empty()))).isNotEqualTo(x);
    }

    private static String fingerprint(ServerlessApp app, Deviation d) throws Exception {
        AzureDeployment deployment = new AzureDeployment("t.yaml", PlanKind.FLEX_CONSUMPTION, "r", List.of(),
                List.of(), List.of(), List.of(), List.of(d));
        return JSON.readTree(Reports.sarif(app, deployment, "9")).at("/runs/0/results/0/partialFingerprints")
                .get(SarifReport.FINGERPRINT).asText();
    }

    private static JsonNode byMessage(JsonNode results, String message) {
        for (JsonNode result : results) {
            if (result.at("/message/text").asText().equals(message)) {
                return result;
            }
        }
        throw new AssertionError("no result " + message);
    }

    // ------------------------------------------------------------------ the schema's key parts

    static void validate(JsonNode log, AzureDeployment deployment) {
        allowed(log, "sarifLog");
        assertThat(log.get("$schema").asText()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("runs").isArray()).isTrue();
        assertThat(log.get("runs")).hasSize(1);
        JsonNode run = log.get("runs").get(0);
        allowed(run, "run");
        required(run, "tool");
        required(run.get("tool"), "driver");
        JsonNode driver = run.at("/tool/driver");
        allowed(driver, "toolComponent");
        required(driver, "name");
        assertThat(URI.create(driver.get("informationUri").asText()).isAbsolute()).isTrue();

        JsonNode rules = driver.get("rules");
        Set<String> ids = new HashSet<>();
        for (JsonNode rule : rules) {
            allowed(rule, "reportingDescriptor");
            required(rule, "id");
            assertThat(ids.add(rule.get("id").asText())).as("rule ids are unique").isTrue();
            for (String message : List.of("shortDescription", "fullDescription", "help")) {
                allowed(rule.get(message), "multiformatMessageString");
                required(rule.get(message), "text");
            }
            allowed(rule.get("defaultConfiguration"), "reportingConfiguration");
            assertThat(LEVELS).contains(rule.at("/defaultConfiguration/level").asText());
            assertThat(URI.create(rule.get("helpUri").asText()).isAbsolute()).isTrue();
        }

        JsonNode results = run.get("results");
        assertThat(results).hasSize(deployment.deviations().size());
        Set<String> fingerprints = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            Deviation d = deployment.deviations().get(i);
            allowed(result, "result");
            required(result, "message");
            assertThat(result.at("/message/text").asText()).isEqualTo(d.message());
            assertThat(result.get("ruleId").asText()).isEqualTo(d.kind().id());
            int index = result.get("ruleIndex").asInt();
            assertThat(index).isBetween(0, rules.size() - 1);
            assertThat(rules.get(index).get("id").asText()).as("ruleIndex points at ruleId").isEqualTo(d.kind().id());
            assertThat(LEVELS).contains(result.get("level").asText());
            assertThat(result.get("level").asText()).isEqualTo(switch (d.severity()) {
                case BLOCKER -> "error";
                case WARNING -> "warning";
                case INFO -> "note";
            });
            assertThat(result.get("locations")).hasSize(1);
            JsonNode physical = result.at("/locations/0/physicalLocation");
            allowed(physical, "physicalLocation");
            JsonNode artifact = physical.get("artifactLocation");
            allowed(artifact, "artifactLocation");
            String uri = artifact.get("uri").asText();
            assertThat(URI.create(uri)).isNotNull(); // a valid URI reference
            assertThat(uri).doesNotContain("\\", " ");
            if (!URI.create(uri).isAbsolute()) {
                assertThat(artifact.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
            }
            if (physical.has("region")) {
                allowed(physical.get("region"), "region");
                assertThat(physical.at("/region/startLine").asInt()).isGreaterThanOrEqualTo(1);
                if (physical.at("/region").has("startColumn")) {
                    assertThat(physical.at("/region/startColumn").asInt()).isGreaterThanOrEqualTo(1);
                }
            } else {
                assertThat(d.source().line()).isZero();
            }
            JsonNode partial = result.get("partialFingerprints");
            assertThat(ReportsTest.keys(partial)).containsExactly("lambda2azure/v1");
            assertThat(fingerprints.add(partial.get("lambda2azure/v1").asText())).as("fingerprints are unique").isTrue();
        }
    }

    private static void allowed(JsonNode node, String definition) {
        assertThat(node.isObject()).as(definition + " is an object").isTrue();
        assertThat(ALLOWED.get(definition)).as(definition + " properties").containsAll(ReportsTest.keys(node));
    }

    private static void required(JsonNode node, String property) {
        assertThat(node.has(property)).as("required property " + property).isTrue();
    }
}
