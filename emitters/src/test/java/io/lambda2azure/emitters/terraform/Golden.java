package io.lambda2azure.emitters.terraform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files under {@code emitters/src/test/resources/terraform/}. Run the tests with
 * {@code -Dlambda2azure.updateGolden=true} to rewrite them from the current output, then review the diff.
 */
final class Golden {

    static final String UPDATE = "lambda2azure.updateGolden";

    private Golden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = directory().resolve(name);
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertThat(file).as("golden file %s is missing; run with -D%s=true to create it", file, UPDATE).exists();
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(actual).as("output differs from %s (run with -D%s=true to rewrite it)", file, UPDATE)
                .isEqualTo(expected);
    }

    /** {@code src/test/resources/terraform} of the emitters module. */
    static Path directory() {
        String root = System.getProperty("lambda2azure.root");
        Path module = root != null && Files.isDirectory(Path.of(root, "emitters"))
                ? Path.of(root, "emitters") : Path.of("");
        return module.resolve("src/test/resources/terraform");
    }
}
