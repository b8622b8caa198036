package io.lambda2azure.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Checks of Terraform files by tools written by others, for tests to call (this is not a test class).
 * <ul>
 * <li>{@link #hclProblems}: each file parses with HashiCorp's HCL parser and is formatted exactly as
 * {@code terraform fmt} leaves it ({@code tools/hcl_check.mjs} over {@code @cdktf/hcl2json} and
 * {@code @cdktf/hcl-tools}, HashiCorp's hclsyntax and hclwrite compiled to WebAssembly). Needs Node.js and
 * {@code tools/node_modules}, which {@code tools/setup-node-tools} installs; see {@link #skipReason}.</li>
 * <li>{@link #checkovFailures}: checkov's Terraform checks, from the project-local Python environment that
 * {@code tools/setup-python-tools} creates; see {@link #checkovSkipReason}.</li>
 * </ul>
 * Paths are relative to the working directory, which for the tests is the repository root.
 */
final class TerraformValidators {

    static final Path HCL_CHECK = Path.of("tools/hcl_check.mjs");
    static final Path NODE_MODULES = Path.of("tools/node_modules");
    static final Path CHECKOV = Path.of(".venv/bin/checkov");
    private static final List<String> NODE_PACKAGES = List.of("@cdktf/hcl2json", "@cdktf/hcl-tools");
    private static final long TIMEOUT_MINUTES = 10;

    private static volatile Boolean nodeFound;

    private TerraformValidators() {
    }

    /**
     * Why {@link #hclProblems} cannot run here, for {@code Assumptions.assumeTrue(reason.isEmpty(), ...)};
     * empty when it can.
     */
    static Optional<String> skipReason() {
        if (!nodeOnPath()) {
            return Optional.of("skipped: node (Node.js) is not on the PATH; install Node.js and run"
                    + " tools/setup-node-tools to enable the Terraform parse and format checks");
        }
        for (String pkg : NODE_PACKAGES) {
            if (!Files.isRegularFile(NODE_MODULES.resolve(pkg).resolve("package.json"))) {
                return Optional.of("skipped: " + NODE_MODULES + " has no " + pkg + "; run tools/setup-node-tools"
                        + " (it installs @cdktf/hcl2json and @cdktf/hcl-tools) to enable the Terraform parse and"
                        + " format checks");
            }
        }
        return Optional.empty();
    }

    /**
     * Parses and format-checks the given Terraform files with {@code tools/hcl_check.mjs}. Returns one entry
     * per problem, each starting with the file's path as given: {@code FILE: parse error: FILE:LINE,COL-...:
     * summary; detail}, {@code FILE: not formatted like terraform fmt} followed, on further lines indented by
     * four spaces, by a compact unified diff of the first differing lines, or {@code FILE: not formatted like
     * terraform fmt (line N): ...} for a rewrite {@code terraform fmt} makes beyond layout (an
     * interpolation-only string, a legacy variable type, an unquoted block label). Empty when every file is
     * fine.
     *
     * @throws IllegalStateException when the check itself fails (Node.js or the packages missing, a crash)
     */
    static List<String> hclProblems(List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no Terraform file to check");
        }
        List<String> command = new ArrayList<>(List.of("node", HCL_CHECK.toString()));
        files.forEach(f -> command.add(f.toString()));
        Result result = run(command);
        if (result.exitCode() == 0 && result.stdout().isBlank()) {
            return List.of();
        }
        if (result.exitCode() != 1 || result.stdout().isBlank()) {
            throw new IllegalStateException(HCL_CHECK + " failed with exit code " + result.exitCode() + ": "
                    + result.stderr().strip() + result.stdout().strip());
        }
        List<String> problems = new ArrayList<>();
        for (String line : result.stdout().split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && !problems.isEmpty()) {
                problems.set(problems.size() - 1, problems.get(problems.size() - 1) + "\n" + line);
            } else {
                problems.add(line);
            }
        }
        return problems;
    }

    /** Why {@link #checkovFailures} cannot run here; empty when it can. */
    static Optional<String> checkovSkipReason() {
        if (!Files.isExecutable(CHECKOV)) {
            return Optional.of("skipped: checkov is not installed in .venv; run tools/setup-python-tools (it"
                    + " installs checkov) to enable the checkov checks of the Terraform output");
        }
        return Optional.empty();
    }

    /**
     * Runs checkov's Terraform checks on every {@code .tf} file under {@code dir} and returns, for each failed
     * check on a resource (such as {@code azurerm_storage_account.host}) that {@code resourceFilter}
     * accepts, {@code CHECK_ID check name on RESOURCE in FILE} (FILE as checkov gives it, relative to
     * {@code dir}). Whatever the filter, it also returns a line when checkov could not parse a file
     * ({@code checkov could not parse N file(s) in DIR}) or checked no resource at all ({@code checkov checked
     * no Terraform resource in DIR}), so that a test asserting an empty result does not pass on nothing.
     *
     * @throws IllegalStateException when checkov does not answer with its JSON report
     */
    static List<String> checkovFailures(Path dir, Predicate<String> resourceFilter) {
        Result result = run(List.of(CHECKOV.toString(), "--directory", dir.toString(), "--framework", "terraform",
                "--output", "json", "--quiet", "--compact", "--skip-download"));
        JsonNode report;
        try {
            report = new ObjectMapper().readTree(result.stdout());
        } catch (IOException e) {
            report = null;
        }
        if (report == null || !(report.isArray() || report.isObject())) {
            throw new IllegalStateException("checkov did not print its JSON report (exit code " + result.exitCode()
                    + "): " + abbreviate(result.stdout()) + " " + abbreviate(result.stderr()));
        }
        // One framework gives one report object, several give an array of them, and a directory with
        // nothing to check gives a bare summary object.
        List<JsonNode> reports = new ArrayList<>();
        if (report.isArray()) {
            report.forEach(reports::add);
        } else {
            reports.add(report);
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int resources = 0;
        int parsingErrors = 0;
        List<String> summaries = new ArrayList<>();
        for (JsonNode r : reports) {
            JsonNode summary = r.has("summary") ? r.path("summary") : r;
            summaries.add(summary.toString());
            checked += summary.path("passed").asInt() + summary.path("failed").asInt();
            resources += summary.path("resource_count").asInt();
            parsingErrors += summary.path("parsing_errors").asInt();
            for (JsonNode failed : r.path("results").path("failed_checks")) {
                String resource = failed.path("resource").asText();
                if (resourceFilter.test(resource)) {
                    failures.add(failed.path("check_id").asText() + " " + failed.path("check_name").asText() + " on "
                            + resource + " in " + failed.path("file_path").asText());
                }
            }
        }
        if (parsingErrors > 0) {
            failures.add("checkov could not parse " + parsingErrors + " file(s) in " + dir + " (summary: "
                    + String.join(", ", summaries) + ")");
        }
        if (checked == 0 || resources == 0) {
            failures.add("checkov checked no Terraform resource in " + dir + " (summary: " + String.join(", ", summaries)
                    + ")");
        }
        return failures;
    }

    private static boolean nodeOnPath() {
        Boolean found = nodeFound;
        if (found == null) {
            try {
                found = run(List.of("node", "--version")).exitCode() == 0;
            } catch (IllegalStateException | UncheckedIOException e) {
                found = false;
            }
            nodeFound = found;
        }
        return found;
    }

    private static String abbreviate(String text) {
        String s = text.strip();
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "...";
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command with no input, reading its output and errors concurrently, for at most 10 minutes. */
    private static Result run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()),
                    TerraformValidators::readerThread);
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()),
                    TerraformValidators::readerThread);
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + TIMEOUT_MINUTES
                        + " minutes");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    /** Reads a stream on a thread of its own, so that neither pipe can fill up and block the process. */
    private static void readerThread(Runnable task) {
        Thread thread = new Thread(task, "terraform-validator-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
