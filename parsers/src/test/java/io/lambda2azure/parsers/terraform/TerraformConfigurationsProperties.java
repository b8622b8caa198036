package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Terraform reader on real configurations: every example's {@code terraform/} directory is read without
 * problems; whatever is done to one of its files (cut anywhere, bytes replaced, lines swapped), the reader
 * either reads the directory or refuses it with located problems. Nothing else may escape: not from the
 * grammar, not from the semantics (a reference cut in half, a block losing its labels, a module source
 * pointing nowhere).
 */
class TerraformConfigurationsProperties {

    /** One file of an example's configuration, with the example's directory. */
    record Source(Path example, Path file, String text) {
        @Override
        public String toString() {
            return file.toString();
        }
    }

    private static final List<Path> EXAMPLES = examples();
    private static final List<Source> FILES = files();

    private static List<Path> examples() {
        Path examples = SamTerraformEquivalenceTest.example("").normalize();
        try (Stream<Path> dirs = Files.list(examples)) {
            List<Path> found = new ArrayList<>(dirs.map(d -> d.resolve("terraform")).filter(Files::isDirectory)
                    .sorted().toList());
            // The JSON syntax fixture and its native twin, so that .tf.json files are mutated too.
            Path fixtures = Path.of(TerraformConfigurationsProperties.class.getResource("/terraform").toURI());
            found.add(fixtures.resolve("json"));
            found.add(fixtures.resolve("native"));
            return found;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Source> files() {
        List<Source> files = new ArrayList<>();
        for (Path example : EXAMPLES) {
            try (Stream<Path> walk = Files.walk(example)) {
                for (Path file : walk.filter(f -> Sources.isTerraformFile(f) && Files.isRegularFile(f)).sorted()
                        .toList()) {
                    files.add(new Source(example, example.relativize(file), Files.readString(file)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    @Example
    void everyExampleConfigurationIsReadWithoutProblems() throws InvalidInputException {
        assertThat(EXAMPLES).hasSizeGreaterThanOrEqualTo(9);
        assertThat(FILES).anySatisfy(f -> assertThat(f.file().toString()).endsWith(".tf.json"));
        for (Path example : EXAMPLES) {
            ServerlessApp app = TerraformReader.read(example);
            assertThat(app.functions()).as("%s", example).isNotEmpty();
            // vpc-provisioned's CodeDeploy resources and secured-api's Cognito user pool (and its client) are the
            // only ones without a mapping, as in their SAM twins.
            assertThat(app.unsupportedResources()).as("%s", example)
                    .allSatisfy(u -> assertThat(u.type()).matches("aws_codedeploy_.*|aws_cognito_user_pool(_client)?"));
        }
    }

    @Property(tries = 300)
    void truncatedFilesAreReadOrRefusedWithLocations(@ForAll("source") Source source, @ForAll("fraction") double at) {
        readsOrRefuses(source, source.text().substring(0, (int) (source.text().length() * at)));
    }

    @Property(tries = 300)
    void filesWithReplacedBytesAreReadOrRefusedWithLocations(@ForAll("source") Source source,
                                                             @ForAll("salt") long salt) {
        byte[] bytes = source.text().getBytes(StandardCharsets.UTF_8);
        Random random = new Random(salt);
        byte[] alphabet = "{}[]()\"=:,.*!&|<>?~$%#/\\\n\t -+0123456789eEaz_".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 1 + random.nextInt(5) && bytes.length > 0; i++) {
            bytes[random.nextInt(bytes.length)] = random.nextBoolean()
                    ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
        }
        readsOrRefuses(source, new String(bytes, StandardCharsets.UTF_8));
    }

    @Property(tries = 200)
    void filesWithSwappedOrDroppedLinesAreReadOrRefusedWithLocations(@ForAll("source") Source source,
                                                                     @ForAll("fraction") double a,
                                                                     @ForAll("fraction") double b) {
        List<String> lines = new ArrayList<>(List.of(source.text().split("\n", -1)));
        Collections.swap(lines, (int) (a * (lines.size() - 1)), (int) (b * (lines.size() - 1)));
        lines.remove((int) (b * (lines.size() - 1)));
        readsOrRefuses(source, String.join("\n", lines));
    }

    @Provide
    Arbitrary<Source> source() {
        return Arbitraries.of(FILES);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<Long> salt() {
        return Arbitraries.longs();
    }

    /** The example copied with one file replaced, read: a model or located problems, nothing else. */
    private static void readsOrRefuses(Source source, String mutated) {
        Path copy = copy(source.example());
        try {
            Files.writeString(copy.resolve(source.file()), mutated);
            try {
                TerraformReader.read(copy);
            } catch (InvalidInputException e) {
                assertThat(e.problems()).isNotEmpty();
                e.problems().forEach(p -> {
                    assertThat(p.location().file()).as("problem %s is in the configuration", p)
                            .startsWith(copy.toString());
                    assertThat(p.location().line()).as("problem %s is located", p).isPositive();
                    assertThat(p.location().column()).as("problem %s is located", p).isPositive();
                    assertThat(p.message()).isNotBlank().doesNotContain("mismatched input", "extraneous input",
                            "no viable alternative", "token recognition error", "Exception");
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(copy);
        }
    }

    private static Path copy(Path example) {
        try {
            Path target = Files.createTempDirectory("l2a-tf");
            try (Stream<Path> walk = Files.walk(example)) {
                for (Path p : walk.toList()) {
                    Path to = target.resolve(example.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
