package io.lambda2azure.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code examples/} folder, wherever the tests are run from. */
final class Examples {

    private Examples() {
    }

    /** {@code examples/<name>/template.yaml}, relative to the working directory when possible. */
    static Path template(String name) {
        Path template = root().resolve("examples").resolve(name).resolve("template.yaml");
        if (!Files.isRegularFile(template)) {
            throw new IllegalStateException("example not found: " + template);
        }
        Path cwd = Path.of("").toAbsolutePath();
        return template.startsWith(cwd) ? cwd.relativize(template) : template;
    }

    private static Path root() {
        String configured = System.getProperty("lambda2azure.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "examples"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (the folder holding examples/)");
    }
}
