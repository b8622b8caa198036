package io.lambda2azure.parsers.corpus;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.parsers.cloudformation.CloudFormationReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SAM translator's error cases: templates it must reject. Many of their errors are SAM semantics the
 * reader does not check (they surface later as deviations or not at all), but whatever the reader does
 * detect must be a located problem, and nothing may end in any other exception.
 */
class ErrorCorpusTest {

    /** A floor, so that detection does not silently regress; raise it when detection improves. */
    private static final int DETECTED_AT_LEAST = 70;

    @Test
    void errorCasesGiveLocatedProblemsOrAModelNeverACrash() {
        List<Path> cases = Corpus.templates("sam-translator-errors");
        assertThat(cases).hasSizeGreaterThan(200);
        int detected = 0;
        List<String> crashes = new ArrayList<>();
        for (Path file : cases) {
            try {
                CloudFormationReader.read(file);
            } catch (InvalidInputException e) {
                detected++;
                for (Problem problem : e.problems()) {
                    assertThat(problem.location().isKnown()).as("%s: %s is located", file, problem).isTrue();
                    assertThat(problem.location().file()).isEqualTo(file.toString());
                    assertThat(problem.message()).isNotBlank();
                }
            } catch (RuntimeException | Error e) {
                crashes.add(Corpus.name(file) + ": " + e);
            }
        }
        assertThat(crashes).as("inputs that ended in an exception other than InvalidInputException").isEmpty();
        assertThat(detected).as("error cases detected out of %d", cases.size()).isGreaterThanOrEqualTo(DETECTED_AT_LEAST);
    }
}
