package io.lambda2azure.conversion;

import io.lambda2azure.Conversion;
import io.lambda2azure.ConversionOptions;
import io.lambda2azure.Lambda2Azure;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.source.InvalidInputException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every corpus template with a function converts for every plan without an exception, every function of
 * the input is hosted by a function app of the output, and the migration plan accounts for every event.
 */
class CorpusConversionTest {

    static List<Path> corpusTemplates() throws IOException {
        Path corpus = Path.of(System.getProperty("lambda2azure.shared", "../shared")).resolve("corpus");
        Assumptions.assumeTrue(Files.isDirectory(corpus), () -> "skipped: the test corpus " + corpus.toAbsolutePath()
                + " is absent; check out the shared test data beside this repository or set -Dlambda2azure.shared");
        try (Stream<Path> files = Stream.concat(Files.list(corpus.resolve("sam-translator")),
                Files.list(corpus.resolve("cfn-lint")))) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusTemplateConvertsForEveryPlan() throws IOException {
        return corpusTemplates().stream().map(template -> DynamicTest.dynamicTest(
                template.getParent().getFileName() + "/" + template.getFileName(), () -> {
                    for (PlanKind plan : PlanKind.values()) {
                        Conversion conversion;
                        try {
                            conversion = Lambda2Azure.convert(template, ConversionOptions.bicep(plan));
                        } catch (InvalidInputException e) {
                            return; // invalid inputs are CorpusTest's concern (parsers module)
                        }
                        Set<String> hosted = conversion.deployment().resources(AzureResource.FunctionApp.class).stream()
                                .flatMap(app -> app.awsFunctions().stream()).collect(Collectors.toSet());
                        assertThat(hosted).as("functions hosted on %s", plan.id()).containsExactlyInAnyOrderElementsOf(
                                conversion.app().functions().stream().map(Function::logicalId).toList());
                        assertThat(conversion.files().get("bicep/main.bicep")).isNotBlank();
                        MigrationPlanCheck.assertComplete(conversion);
                    }
                }));
    }
}
