package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.InvalidInputException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Terraform file of the repository is read without problems; whatever is done to one (cut anywhere,
 * bytes replaced, lines swapped), the reader either reads it or refuses it with located problems. Nothing
 * else may escape: no ANTLR exception, no IllegalStateException, no StackOverflowError.
 */
class HclFilesProperties {

    private static final List<Path> FILES = TfFiles.all();
    private static final List<String> TEXTS = FILES.stream().map(TfFiles::read).toList();
    private static final String FILE = "mutated.tf";

    @Example
    void everyTerraformFileOfTheRepositoryIsRead() throws InvalidInputException {
        // The emitters' goldens, the examples' output and this module's fixtures: dozens of files.
        assertThat(FILES).hasSizeGreaterThan(50)
                .anySatisfy(p -> assertThat(p.toString()).contains("examples"))
                .anySatisfy(p -> assertThat(p.toString()).endsWith("hcl/templates.tf"));
        for (Path file : FILES) {
            HclFile read = HclReader.read(file);
            assertThat(read.body().items()).as("%s", file).isNotNull();
        }
    }

    @Property(tries = 400)
    void truncatedFilesAreReadOrRefusedWithLocations(@ForAll("text") String text, @ForAll("fraction") double at) {
        readsOrRefuses(text.substring(0, (int) (text.length() * at)));
    }

    @Property(tries = 400)
    void filesWithReplacedBytesAreReadOrRefusedWithLocations(@ForAll("mutations") String mutated) {
        readsOrRefuses(mutated);
    }

    @Property(tries = 200)
    void filesWithSwappedLinesAreReadOrRefusedWithLocations(@ForAll("text") String text,
                                                            @ForAll("fraction") double a,
                                                            @ForAll("fraction") double b) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        Collections.swap(lines, (int) (a * (lines.size() - 1)), (int) (b * (lines.size() - 1)));
        readsOrRefuses(String.join("\n", lines));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.of(TEXTS);
    }

    @Provide
    Arbitrary<Double> fraction() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> count = Arbitraries.integers().between(1, 5);
        return Combinators.combine(text(), count, Arbitraries.longs()).as((text, n, salt) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Random random = new Random(salt);
            byte[] alphabet = "{}[]()\"'=:,.*!&|<>?~$%#/\\\n\t -+0123456789eEaz".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < n && bytes.length > 0; i++) {
                bytes[random.nextInt(bytes.length)] = random.nextBoolean()
                        ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        });
    }

    private static void readsOrRefuses(String text) {
        try {
            HclReader.parse(FILE, text);
        } catch (InvalidInputException e) {
            assertThat(e.problems()).isNotEmpty();
            e.problems().forEach(p -> {
                assertThat(p.location().file()).isEqualTo(FILE);
                assertThat(p.location().line()).as("problem %s is located", p).isPositive();
                assertThat(p.location().column()).as("problem %s is located", p).isPositive();
                assertThat(p.message()).isNotBlank().doesNotContain("mismatched input", "extraneous input",
                        "no viable alternative", "token recognition error");
            });
        }
    }
}
