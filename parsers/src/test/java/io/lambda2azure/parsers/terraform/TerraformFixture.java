package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes configurations into a directory and reads them, for tests. */
final class TerraformFixture {

    private final Path dir;

    TerraformFixture(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code name}, {@code content} pairs (names may have folders) into the directory. */
    TerraformFixture files(String... nameAndContent) {
        try {
            for (int i = 0; i < nameAndContent.length; i += 2) {
                Path file = dir.resolve(nameAndContent[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, nameAndContent[i + 1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path dir() {
        return dir;
    }

    /** The configuration in the directory, read. */
    ServerlessApp read() throws InvalidInputException {
        return TerraformReader.read(dir);
    }

    /** A configuration of one main.tf, read. */
    ServerlessApp main(String content) throws InvalidInputException {
        return files("main.tf", content).read();
    }

    /** The problems reading the directory gives, as {@code file:line:column: message} with the file's name only. */
    List<String> problems() {
        try {
            ServerlessApp app = read();
            throw new AssertionError("the configuration was read, not refused: " + app.functions().size()
                    + " functions");
        } catch (InvalidInputException e) {
            assertThat(e.problems()).isNotEmpty();
            return e.problems().stream().map(TerraformFixture::describe).toList();
        }
    }

    static String describe(Problem p) {
        String file = Path.of(p.location().file()).getFileName().toString();
        return file + ":" + p.location().line() + ":" + p.location().column() + ": " + p.message();
    }
}
