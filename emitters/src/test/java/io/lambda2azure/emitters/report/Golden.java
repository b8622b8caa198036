package io.lambda2azure.emitters.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files under {@code src/test/resources/report/}. Run the tests with
 * {@code -Dlambda2azure.updateGolden=true} to rewrite them from the current output, then review the diff.
 */
final class Golden {

    static final Path DIRECTORY = Path.of("src", "test", "resources", "report");

    private Golden() {
    }

    static void check(String name, String actual) throws IOException {
        Path file = DIRECTORY.resolve(name);
        if (Boolean.getBoolean("lambda2azure.updateGolden")) {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("golden file %s is missing: run the tests with -Dlambda2azure.updateGolden=true", file)
                .exists();
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual).as("%s differs from its golden file; rerun with -Dlambda2azure.updateGolden=true if the"
                + " change is intended", name).isEqualTo(expected);
    }
}
