package io.lambda2azure.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambda2azure.ConversionOptions;
import io.lambda2azure.Lambda2Azure;
import io.lambda2azure.core.azure.PlanKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks by tools written by others: every generated Bicep file parses with pycep, and checkov's Bicep
 * checks find nothing wrong with function apps, storage, Key Vault or identity. Both run from the
 * project-local Python environment that {@code tools/setup-python-tools} creates; without it these tests
 * are skipped with a message saying so.
 */
class IndependentValidatorsTest {

    private static final Path PYTHON = Path.of(".venv/bin/python");
    private static final Path CHECKOV = Path.of(".venv/bin/checkov");

    /**
     * checkov checks that may fail, each with the reason. Keyed by check id; the test fails when a listed
     * check no longer fails anywhere, so the list only shrinks.
     */
    private static final Map<String, String> ACCEPTED = new TreeMap<>(Map.ofEntries(
            Map.entry("CKV_AZURE_17", "client certificates would make every caller of a migrated HTTP API present"
                    + " one; API Gateway did not require them"),
            Map.entry("CKV_AZURE_43", "the storage name is 'st' + uniqueString(...), 15 lower-case letters and digits;"
                    + " checkov cannot evaluate the expression"),
            Map.entry("CKV_AZURE_35", "denying network access by default cuts the Functions host off its own storage"
                    + " unless the app is in a virtual network with private endpoints; a decision for the platform team"),
            Map.entry("CKV_AZURE_206", "host storage keeps only keys, locks and the deployment package, recreated by a"
                    + " deployment; locally redundant as in Microsoft's Functions samples, and available in every region"),
            Map.entry("CKV_AZURE_57", "CORS rules are carried over from the API as written (deviation L2A206 reports"
                    + " them); tightening them changes what browsers may call"),
            Map.entry("CKV_AZURE_62", "IP restrictions would close the migrated public HTTP API to its callers"),
            Map.entry("CKV_AZURE_78", "on Flex Consumption ftpsState is not a setting (Microsoft Learn, Flex"
                    + " Consumption deprecations); FTP is disabled there through basicPublishingCredentialsPolicies"),
            Map.entry("CKV_AZURE_212", "a minimum instance count for failover bills idle instances; Lambda functions"
                    + " scaled to zero, and provisioned concurrency maps to always-ready instances where it was set"),
            Map.entry("CKV_AZURE_213", "a health check probes a path the app must serve; Lambda functions have none"),
            Map.entry("CKV_AZURE_222", "disabling public network access makes HTTP-triggered functions unreachable"),
            Map.entry("CKV_AZURE_225", "zone redundancy bills at least two always-running instances; enable it per"
                    + " production needs"),
            Map.entry("CKV_AZURE_41", "an expiry date stops every app reading the secret when it passes; Secrets"
                    + " Manager secrets had none, and rotation is set up on the vault once the value is migrated"),
            Map.entry("CKV_AZURE_109", "a vault firewall needs the apps' outbound addresses or a virtual network;"
                    + " access is by Microsoft Entra RBAC only (no access policies), as Secrets Manager was by IAM"),
            Map.entry("CKV_AZURE_189", "disabling public network access needs private endpoints in a virtual network"
                    + " the migrated functions may not have; a decision for the platform team, like storage"
                    + " (CKV_AZURE_35)"),
            Map.entry("CKV_AZURE_107", "the Consumption tier of API Management, billed per call like API Gateway, has"
                    + " no virtual network integration"),
            Map.entry("CKV_AZURE_174", "API Management's gateway is the public entry point that replaces API Gateway;"
                    + " disabling its public network access would make the migrated API unreachable")));

    @TempDir
    static Path output;

    @BeforeAll
    static void convertEveryExample() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "skipped: the project-local Python environment .venv is"
                + " absent; run tools/setup-python-tools (it installs pycep-parser and checkov) to enable these checks");
        for (Path template : ExamplesGoldenTest.examples()) {
            for (PlanKind plan : PlanKind.values()) {
                Lambda2Azure.write(Lambda2Azure.convert(template, ConversionOptions.bicep(plan)),
                        output.resolve(template.getParent().getFileName().toString()).resolve(plan.id()));
            }
        }
    }

    private static List<Path> bicepFiles() throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(f -> f.toString().endsWith(".bicep")).sorted().toList();
        }
    }

    @Test
    void everyGeneratedBicepFileParsesWithPycep() throws Exception {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "tools/pycep_parse.py"));
        List<Path> files = bicepFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(16);
        files.forEach(f -> command.add(f.toString()));
        Result result = run(command);
        assertThat(result.output()).as("pycep parse errors").isEmpty();
        assertThat(result.exitCode()).isZero();
    }

    @Test
    void checkovFindsNoFailedCheckOnFunctionAppsStorageKeyVaultOrIdentity() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHECKOV), "skipped: checkov is not installed in .venv; run"
                + " tools/setup-python-tools");
        Result result = run(List.of(CHECKOV.toString(), "--directory", output.toString(), "--framework", "bicep",
                "--output", "json", "--quiet", "--compact", "--skip-download"));
        JsonNode report = new ObjectMapper().readTree(result.output());
        List<JsonNode> reports = new ArrayList<>();
        if (report.isArray()) {
            report.forEach(reports::add);
        } else {
            reports.add(report);
        }
        List<String> failures = new ArrayList<>();
        java.util.Set<String> seen = new java.util.TreeSet<>();
        int passed = 0;
        for (JsonNode r : reports) {
            passed += r.path("summary").path("passed").asInt();
            for (JsonNode failed : r.path("results").path("failed_checks")) {
                String id = failed.path("check_id").asText();
                String resource = failed.path("resource").asText();
                seen.add(id);
                if (concernsScope(resource) && !ACCEPTED.containsKey(id)) {
                    failures.add(id + " " + failed.path("check_name").asText() + " on " + resource + " in "
                            + failed.path("file_path").asText());
                }
            }
        }
        assertThat(passed).as("checkov ran checks on the generated Bicep (summary: %s)",
                reports.stream().map(r -> r.path("summary").toString()).toList()).isPositive();
        assertThat(failures).as("failed checkov checks").isEmpty();
        List<String> stale = ACCEPTED.keySet().stream().filter(id -> !seen.contains(id)).toList();
        assertThat(stale).as("accepted checkov failures that no longer occur: remove them").isEmpty();
    }

    /** Function apps, plans, storage, Key Vault, identity and API Management: what the issue asks to keep clean. */
    private static boolean concernsScope(String resource) {
        String type = resource.toLowerCase(java.util.Locale.ROOT);
        return type.startsWith("microsoft.web/") || type.startsWith("microsoft.storage/")
                || type.startsWith("microsoft.keyvault/") || type.startsWith("microsoft.managedidentity/")
                || type.startsWith("microsoft.authorization/") || type.startsWith("microsoft.apimanagement/");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        process.getErrorStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish in 10 minutes");
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8).strip());
    }
}
