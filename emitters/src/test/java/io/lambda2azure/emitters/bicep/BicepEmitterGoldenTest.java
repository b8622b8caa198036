package io.lambda2azure.emitters.bicep;

import io.lambda2azure.emitters.fixtures.Fixtures;

import io.lambda2azure.core.azure.AzureDeployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole files for each fixture, compared with the golden files in {@code src/test/resources/bicep/}. */
class BicepEmitterGoldenTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("flex", (Supplier<AzureDeployment>) Fixtures::flex),
                Arguments.of("premium", (Supplier<AzureDeployment>) Fixtures::premium),
                Arguments.of("dedicated", (Supplier<AzureDeployment>) Fixtures::dedicated),
                Arguments.of("consumption", (Supplier<AzureDeployment>) Fixtures::consumption),
                Arguments.of("values", (Supplier<AzureDeployment>) Fixtures::values),
                Arguments.of("events", (Supplier<AzureDeployment>) Fixtures::events),
                Arguments.of("api-management", (Supplier<AzureDeployment>) Fixtures::apiManagement));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void mainBicepMatchesGolden(String name, Supplier<AzureDeployment> fixture) throws IOException {
        BicepFiles files = BicepEmitter.emit(fixture.get());
        Golden.assertMatches(name + ".bicep", files.mainBicep());
        Golden.assertMatches(name + ".bicepparam", files.bicepParam());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void filesAreFormatted(String name, Supplier<AzureDeployment> fixture) {
        BicepFiles files = BicepEmitter.emit(fixture.get());
        for (String text : new String[] {files.mainBicep(), files.bicepParam()}) {
            assertThat(text).endsWith("\n").doesNotEndWith("\n\n").doesNotContain("\r").doesNotContain("\t")
                    .doesNotContain("\n\n\n").doesNotContainIgnoringCase("todo");
            assertThat(text.lines()).noneMatch(line -> !line.equals(line.stripTrailing()));
            assertThat(text.lines()).allMatch(line -> (line.length() - line.stripLeading().length()) % 2 == 0);
        }
    }
}
