package io.lambda2azure.conversion;

import io.lambda2azure.Conversion;
import io.lambda2azure.ConversionOptions;
import io.lambda2azure.Lambda2Azure;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.schema.BicepSchemaCheck;
import io.lambda2azure.schema.BicepTypes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every resource of every generated Bicep file, for the examples and the whole corpus on every plan,
 * conforms to Azure's own type data (../shared/azure-schemas): the type and api-version exist, every
 * property exists, closed enums hold, required properties are set, read-only ones are not.
 */
class SchemaConformanceTest {

    private static BicepSchemaCheck check;

    @BeforeAll
    static void loadSchemas() {
        BicepTypes types = BicepTypes.shared().orElse(null);
        Assumptions.assumeTrue(types != null, "skipped: ../shared/azure-schemas is absent; check out the shared test"
                + " data beside this repository or set -Dlambda2azure.shared");
        check = new BicepSchemaCheck(types);
    }

    @Test
    void examplesConformOnEveryPlan() throws Exception {
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Path template : ExamplesGoldenTest.examples()) {
            for (PlanKind plan : PlanKind.values()) {
                violations.addAll(violations(template, plan));
                files++;
            }
        }
        assertThat(files).isGreaterThanOrEqualTo(16);
        assertThat(violations).isEmpty();
    }

    @Test
    void corpusConformsOnEveryPlan() throws Exception {
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Path template : CorpusConversionTest.corpusTemplates()) {
            for (PlanKind plan : PlanKind.values()) {
                try {
                    violations.addAll(violations(template, plan));
                    files++;
                } catch (InvalidInputException e) {
                    break; // invalid inputs are the parsers module's concern
                }
            }
        }
        assertThat(files).isGreaterThan(1900);
        assertThat(violations).as("schema violations over %d generated files", files).isEmpty();
    }

    private static List<String> violations(Path template, PlanKind plan) throws InvalidInputException {
        Conversion conversion = Lambda2Azure.convert(template, ConversionOptions.bicep(plan));
        return check.check(conversion.files().get("bicep/main.bicep"), template + " (" + plan.id() + ")/main.bicep");
    }
}
