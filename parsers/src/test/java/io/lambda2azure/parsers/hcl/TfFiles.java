package io.lambda2azure.parsers.hcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Terraform files of this repository, for tests that read real configurations. */
final class TfFiles {

    private TfFiles() {
    }

    /** The repository root: surefire passes it as lambda2azure.root; from an IDE, the parent of parsers/. */
    static Path root() {
        String root = System.getProperty("lambda2azure.root");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    }

    /** Every .tf file under the root, outside build output and installed packages, in a stable order. */
    static List<Path> all() {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tf") && Files.isRegularFile(p))
                    .filter(p -> {
                        String path = root().relativize(p).toString().replace('\\', '/');
                        return !path.contains("/target/") && !path.startsWith("target/")
                                && !path.contains("node_modules/") && !path.startsWith(".");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
