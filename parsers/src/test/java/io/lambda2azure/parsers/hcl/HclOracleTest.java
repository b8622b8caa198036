package io.lambda2azure.parsers.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambda2azure.core.source.InvalidInputException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HashiCorp's own HCL parser (hclsyntax compiled to WebAssembly in {@code @cdktf/hcl2json}, which
 * {@code tools/setup-node-tools} installs) as an oracle, over every Terraform file of the repository: both
 * parsers accept each file, they find the same blocks with the same labels and the same attribute names at
 * every level, and every attribute whose value is a literal (number, bool, null, string without
 * interpolation, heredocs included) has the same value. Skipped, saying so, without Node.js or the package.
 */
class HclOracleTest {

    private static final Path TOOLS = TfFiles.root().resolve("tools");

    @Test
    void hashicorpsParserReadsEveryFileAsWeDo() throws IOException, InterruptedException, InvalidInputException {
        Optional<String> skip = skipReason();
        Assumptions.assumeTrue(skip.isEmpty(), skip.orElse(""));
        List<Path> files = TfFiles.all();
        JsonNode theirs = hcl2json(files);
        for (Path file : files) {
            HclFile ours = HclReader.read(file);
            JsonNode their = theirs.get(file.toString());
            assertThat(their).as("hcl2json read %s", file).isNotNull();
            List<String> differences = new ArrayList<>();
            compare(ours.body(), their, file.getFileName().toString(), differences);
            assertThat(differences).as("differences from HashiCorp's parser in %s", file).isEmpty();
        }
    }

    private static void compare(Body body, JsonNode json, String path, List<String> differences) {
        if (json == null || !json.isObject()) {
            differences.add(path + ": hcl2json has no body here: " + json);
            return;
        }
        TreeSet<String> ourKeys = new TreeSet<>();
        for (Attribute attribute : body.attributes()) {
            ourKeys.add(attribute.name());
            JsonNode value = json.get(attribute.name());
            literal(attribute.value()).ifPresent(expected -> {
                boolean same = expected.isNumber() && value != null && value.isNumber()
                        ? expected.decimalValue().compareTo(value.decimalValue()) == 0 : expected.equals(value);
                if (!same) {
                    differences.add(path + "." + attribute.name() + ": we read " + expected + ", hcl2json " + value);
                }
            });
        }
        Map<String, List<Block>> byType = new LinkedHashMap<>();
        body.blocks().forEach(b -> byType.computeIfAbsent(b.type(), t -> new ArrayList<>()).add(b));
        for (Map.Entry<String, List<Block>> entry : byType.entrySet()) {
            ourKeys.add(entry.getKey());
            Map<List<String>, List<Block>> byLabels = new LinkedHashMap<>();
            entry.getValue().forEach(b -> byLabels.computeIfAbsent(b.labelValues(), l -> new ArrayList<>()).add(b));
            for (Map.Entry<List<String>, List<Block>> labelled : byLabels.entrySet()) {
                JsonNode node = json.get(entry.getKey());
                String where = path + "." + entry.getKey();
                for (String label : labelled.getKey()) {
                    node = node == null ? null : node.get(label);
                    where += "[" + label + "]";
                }
                if (node == null || !node.isArray() || node.size() != labelled.getValue().size()) {
                    differences.add(where + ": we read " + labelled.getValue().size() + " blocks, hcl2json " + node);
                    continue;
                }
                for (int i = 0; i < node.size(); i++) {
                    compare(labelled.getValue().get(i).body(), node.get(i), where, differences);
                }
            }
        }
        TreeSet<String> theirKeys = new TreeSet<>();
        json.fieldNames().forEachRemaining(theirKeys::add);
        if (!ourKeys.equals(theirKeys)) {
            differences.add(path + ": we read the names " + ourKeys + ", hcl2json " + theirKeys);
        }
    }

    /** The JSON hcl2json gives for a literal value; empty for anything it writes as an expression. */
    private static Optional<JsonNode> literal(Expression value) {
        ObjectMapper json = new ObjectMapper();
        if (value instanceof Expression.NumberLiteral n) {
            return Optional.of(json.getNodeFactory().numberNode(n.value()));
        } else if (value instanceof Expression.BoolLiteral b) {
            return Optional.of(json.getNodeFactory().booleanNode(b.value()));
        } else if (value instanceof Expression.NullLiteral) {
            return Optional.of(json.getNodeFactory().nullNode());
        } else if (value instanceof Expression.Template t && t.literalValue().isPresent()) {
            // hcl2json writes a literal ${ or %{ escaped again, as the template syntax needs.
            return Optional.of(json.getNodeFactory().textNode(t.literalValue().get()
                    .replace("${", "$${").replace("%{", "%%{")));
        }
        return Optional.empty();
    }

    private static JsonNode hcl2json(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", TOOLS.resolve("hcl2json.mjs").toString()));
        files.forEach(f -> command.add(f.toString()));
        Path out = Files.createTempFile("hcl2json", ".json");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("hcl2json finished").isTrue();
            assertThat(process.exitValue()).as("hcl2json accepted every file: %s", errors).isZero();
            JsonNode result = new ObjectMapper().readTree(out.toFile());
            Iterator<String> names = result.fieldNames();
            assertThat(names.hasNext()).isTrue();
            return result;
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Optional<String> skipReason() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            if (node.waitFor() != 0) {
                return Optional.of("skipped: node does not run; install Node.js and run tools/setup-node-tools");
            }
        } catch (IOException e) {
            return Optional.of("skipped: node (Node.js) is not on the PATH; install Node.js and run"
                    + " tools/setup-node-tools to compare with HashiCorp's HCL parser");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("skipped: interrupted");
        }
        if (!Files.isRegularFile(TOOLS.resolve("node_modules/@cdktf/hcl2json/package.json"))) {
            return Optional.of("skipped: tools/node_modules has no @cdktf/hcl2json; run tools/setup-node-tools to"
                    + " compare with HashiCorp's HCL parser");
        }
        return Optional.empty();
    }
}
