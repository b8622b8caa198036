package io.lambda2azure.conversion;

import io.lambda2azure.Conversion;
import io.lambda2azure.ConversionOptions;
import io.lambda2azure.Lambda2Azure;
import io.lambda2azure.core.azure.PlanKind;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files, kept next to their input as Bicep's baselines are: every example in {@code examples/} is
 * converted for every plan and each output (IaC, reports, {@code migration-plan.json} and
 * {@code functions/<app>/host.json}) must equal, byte for byte, the committed file under
 * {@code examples/<app>/azure/<plan>/}. Run with {@code -Dlambda2azure.updateGolden=true} to rewrite
 * them, then review the diff like a user would.
 */
class ExamplesGoldenTest {

    static final boolean UPDATE = Boolean.getBoolean("lambda2azure.updateGolden");

    /** The examples, as paths relative to the repository root (the tests' working directory). */
    static List<Path> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("examples"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("template.yaml"))).sorted()
                    .map(d -> d.resolve("template.yaml")).toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleForEveryPlan() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path template : examples()) {
            for (PlanKind plan : PlanKind.values()) {
                tests.add(DynamicTest.dynamicTest(template.getParent().getFileName() + " on " + plan.id(),
                        () -> matchesGolden(template, plan)));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(16);
        return tests.stream();
    }

    private static void matchesGolden(Path template, PlanKind plan) throws Exception {
        Conversion conversion = Lambda2Azure.convert(template, ConversionOptions.both(plan));
        // The migration plan and every app's host.json are outputs like the IaC: compared below, byte for byte.
        MigrationPlanCheck.assertComplete(conversion);
        Path golden = template.getParent().resolve("azure").resolve(plan.id());
        if (UPDATE) {
            deleteTree(golden);
            Lambda2Azure.write(conversion, golden);
            return;
        }
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> file : conversion.files().entrySet()) {
            Path expected = golden.resolve(file.getKey());
            if (!Files.exists(expected)) {
                mismatches.add(expected + " is missing");
            } else if (!Files.readString(expected, StandardCharsets.UTF_8).equals(file.getValue())) {
                mismatches.add(expected + " differs from the conversion output");
            }
        }
        try (Stream<Path> files = Files.walk(golden)) {
            files.filter(Files::isRegularFile).map(f -> golden.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !conversion.files().containsKey(f))
                    .forEach(f -> mismatches.add(golden.resolve(f) + " is no longer generated"));
        }
        assertThat(mismatches).as("golden files of %s on %s; run mvn -B verify -Dlambda2azure.updateGolden=true"
                + " and review the diff", template, plan.id()).isEmpty();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
