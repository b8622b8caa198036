package io.lambda2azure.parsers.corpus;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The read-only test data of {@code ../shared/corpus} (real templates written by others). Tests that need
 * it are skipped, with a message saying how to get it, when it is absent.
 */
final class Corpus {

    private Corpus() {
    }

    static Path root() {
        String configured = System.getProperty("lambda2azure.shared", "../shared");
        Path corpus = Path.of(configured).resolve("corpus").toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(corpus), () -> "skipped: the test corpus " + corpus
                + " is absent; check out the shared test data beside this repository (../shared/corpus)"
                + " or run Maven with -Dlambda2azure.shared=/path/to/shared");
        return corpus;
    }

    /** The templates of one corpus folder, sorted by name. */
    static List<Path> templates(String folder) {
        Path dir = root().resolve(folder);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Corpus::isTemplate).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isTemplate(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json") || name.endsWith(".template"))
                && !name.endsWith(".expected-error.json");
    }

    static String name(Path file) {
        return file.getParent().getFileName() + "/" + file.getFileName();
    }
}
