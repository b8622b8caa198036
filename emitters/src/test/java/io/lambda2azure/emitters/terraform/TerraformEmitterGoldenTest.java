package io.lambda2azure.emitters.terraform;

import io.lambda2azure.emitters.fixtures.Fixtures;

import io.lambda2azure.core.azure.AzureDeployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole files for each fixture, compared with the golden files in {@code src/test/resources/terraform/<fixture>/}.
 */
class TerraformEmitterGoldenTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("flex", (Supplier<AzureDeployment>) Fixtures::flex),
                Arguments.of("premium", (Supplier<AzureDeployment>) Fixtures::premium),
                Arguments.of("dedicated", (Supplier<AzureDeployment>) Fixtures::dedicated),
                Arguments.of("consumption", (Supplier<AzureDeployment>) Fixtures::consumption),
                Arguments.of("values", (Supplier<AzureDeployment>) Fixtures::values),
                Arguments.of("runtimes", (Supplier<AzureDeployment>) Fixtures::runtimes),
                Arguments.of("events", (Supplier<AzureDeployment>) Fixtures::events),
                Arguments.of("api-management", (Supplier<AzureDeployment>) Fixtures::apiManagement));
    }

    static Map<String, String> files(TerraformFiles files) {
        return Map.of("versions.tf", files.versionsTf(), "variables.tf", files.variablesTf(), "main.tf",
                files.mainTf(), "outputs.tf", files.outputsTf(), "terraform.tfvars.example", files.tfvarsExample());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void filesMatchGolden(String name, Supplier<AzureDeployment> fixture) throws IOException {
        TerraformFiles files = TerraformEmitter.emit(fixture.get());
        for (Map.Entry<String, String> file : files(files).entrySet()) {
            Golden.assertMatches(name + "/" + file.getKey(), file.getValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void filesAreFormatted(String name, Supplier<AzureDeployment> fixture) {
        TerraformFiles files = TerraformEmitter.emit(fixture.get());
        for (String text : files(files).values()) {
            assertThat(text).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r").doesNotContain("\t")
                    .doesNotContain("\n\n\n").doesNotContainIgnoringCase("todo").doesNotStartWith("\n");
            assertThat(text.lines()).noneMatch(line -> !line.equals(line.stripTrailing()));
            assertThat(text.lines()).allMatch(line -> (line.length() - line.stripLeading().length()) % 2 == 0);
        }
    }
}
