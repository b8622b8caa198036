package io.lambda2azure.emitters.report;

import io.lambda2azure.emitters.json.StableJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.core.deviation.Deviation;
import io.lambda2azure.core.deviation.DeviationKind;
import io.lambda2azure.core.deviation.Severity;
import io.lambda2azure.core.source.SourceLocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code deviations.sarif}: the deviations as a SARIF 2.1.0 log, so that code scanning (GitHub, Azure DevOps,
 * IDEs) shows them on the template lines. One rule per deviation kind that occurs, one result per
 * deviation. Locations are relative to {@code %SRCROOT%}, which is left undefined so that GitHub resolves
 * it to the repository root.
 */
final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/lambda2azure/lambda2azure";
    static final String SRCROOT = "%SRCROOT%";
    /** The key of the partial fingerprint; its version changes if the hashed content ever does. */
    static final String FINGERPRINT = "lambda2azure/v1";

    private SarifReport() {
    }

    static String render(AzureDeployment deployment, String toolVersion) {
        List<DeviationKind> kinds = deployment.deviations().stream().map(Deviation::kind).distinct()
                .sorted(java.util.Comparator.comparing(DeviationKind::id)).toList();

        ObjectNode root = StableJson.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "lambda2azure");
        driver.put("version", toolVersion);
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        for (DeviationKind kind : kinds) {
            rules.add(rule(kind));
        }
        ArrayNode results = run.putArray("results");
        Map<String, Integer> occurrences = new HashMap<>();
        for (Deviation d : deployment.deviations()) {
            results.add(result(d, kinds.indexOf(d.kind()), deployment.source(), occurrences));
        }
        return StableJson.write(root);
    }

    /** SARIF's level for a severity: blocker → error, warning → warning, info → note. */
    static String level(Severity severity) {
        return switch (severity) {
            case BLOCKER -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static ObjectNode rule(DeviationKind kind) {
        ObjectNode rule = StableJson.object();
        rule.put("id", kind.id());
        rule.put("name", Texts.pascal(kind.title()));
        rule.putObject("shortDescription").put("text", kind.title());
        rule.putObject("fullDescription").put("text", kind.impact());
        ObjectNode help = rule.putObject("help");
        help.put("text", kind.mitigation());
        help.put("markdown", kind.mitigation() + " [Learn more](" + kind.helpUrl() + ")");
        rule.put("helpUri", kind.helpUrl());
        rule.putObject("defaultConfiguration").put("level", level(kind.severity()));
        return rule;
    }

    private static ObjectNode result(Deviation d, int ruleIndex, String appSource, Map<String, Integer> occurrences) {
        ObjectNode result = StableJson.object();
        result.put("ruleId", d.kind().id());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(d.severity()));
        result.putObject("message").put("text", d.message());
        SourceLocation at = d.source();
        // A deviation with no file (none today) is shown on the template itself.
        String file = at.file().isEmpty() ? appSource : at.file();
        ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
        ObjectNode artifact = physical.putObject("artifactLocation");
        artifact.put("uri", Uris.path(file));
        if (!Uris.isAbsolute(file)) {
            artifact.put("uriBaseId", SRCROOT);
        }
        if (at.isKnown() && !at.file().isEmpty()) {
            ObjectNode region = physical.putObject("region");
            region.put("startLine", at.line());
            if (at.column() > 0) {
                region.put("startColumn", at.column());
            }
        }
        String hash = sha256(d.kind().id() + "\n" + d.message() + "\n" + file);
        int occurrence = occurrences.merge(hash, 1, Integer::sum);
        result.putObject("partialFingerprints").put(FINGERPRINT, hash + ":" + occurrence);
        return result;
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
