package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Input built to exhaust memory, stack or time is refused quickly with a located problem, never with an
 * {@link OutOfMemoryError} or a {@link StackOverflowError}.
 */
class HostileInputTest {

    private static final String YAML = "hostile.yaml";
    private static final String JSON = "hostile.json";
    /**
     * Stops a read that would never end (an alias bomb expanded without a limit takes hours), not a speed check:
     * speed is measured by the JMH benchmarks, and a loaded CI machine must not fail these tests.
     */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    /** Reads the template (guarded against hangs) and returns what it threw, which must be an InvalidInputException. */
    private static InvalidInputException refused(String file, String text) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        assertTimeoutPreemptively(HANG_GUARD, () -> thrown.set(catchThrowable(() -> CloudFormationReader.parse(file, text))));
        assertThat(thrown.get()).as("expected the input to be refused with an InvalidInputException")
                .isInstanceOf(InvalidInputException.class);
        InvalidInputException e = (InvalidInputException) thrown.get();
        assertThat(e.problems()).allSatisfy(p -> {
            assertThat(p.location().file()).isEqualTo(file);
            assertThat(p.location().isKnown()).as("located: %s", p).isTrue();
        });
        return e;
    }

    private static SourceLocation y(int line, int column) {
        return new SourceLocation(YAML, line, column);
    }

    private static SourceLocation j(int line, int column) {
        return new SourceLocation(JSON, line, column);
    }

    private static final String EXPANSION_MESSAGE = "the document grows to more than 1000000 values once its YAML"
            + " aliases are expanded (an alias bomb?); documents that large are not read";
    private static final String DEPTH_MESSAGE = "the document nests deeper than 100 levels here; templates that deep"
            + " are not read";

    @Test
    void billionLaughsWithSequences() {
        String bomb = """
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Metadata:
                      a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
                      b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                      c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                      d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
                      e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
                      f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
                      g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
                      h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
                      i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
                """;
        assertThat(refused(YAML, bomb).problems()).containsExactly(new Problem(y(11, 10), EXPANSION_MESSAGE));
    }

    @Test
    void billionLaughsWithMappings() {
        StringBuilder bomb = new StringBuilder("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n");
        bomb.append("      l0: &l0 {k0: lol, k1: lol, k2: lol, k3: lol, k4: lol, k5: lol, k6: lol, k7: lol, k8: lol, k9: lol}\n");
        for (int level = 1; level < 9; level++) {
            bomb.append("      l").append(level).append(": &l").append(level).append(" {");
            for (int k = 0; k < 10; k++) {
                bomb.append(k == 0 ? "" : ", ").append('k').append(k).append(": *l").append(level - 1);
            }
            bomb.append("}\n");
        }
        InvalidInputException e = refused(YAML, bomb.toString());
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(EXPANSION_MESSAGE));
    }

    @Test
    void tooManyAliases() {
        StringBuilder text = new StringBuilder("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n"
                + "      A: &a {x: 1}\n      B:\n");
        text.append("        - *a\n".repeat(DocumentReader.MAX_ALIASES + 1));
        assertThat(refused(YAML, text.toString()).problems()).containsExactly(new Problem(y(6 + DocumentReader.MAX_ALIASES + 1, 11),
                "the document uses more than 10000 YAML aliases; documents with that many are not read"));
    }

    @Test
    void anAliasInsideItsOwnAnchorIsNotFollowed() {
        assertThat(refused(YAML, "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n      A: &a [x, *a]\n")
                .problems()).containsExactly(new Problem(y(5, 17), "alias *a refers to no anchor &a defined before it"));
    }

    /** Jackson's own depth check answers first today: at 1:1, with a message naming StreamReadConstraints. */
    @Test
    void yamlFlowNesting10000Deep() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThat(refused(YAML, deep).problems()).containsExactly(new Problem(y(1, 102), DEPTH_MESSAGE));
    }

    @Test
    void jsonNesting10000Deep() {
        String deep = "{\"Resources\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        assertThat(refused(JSON, deep).problems()).containsExactly(new Problem(j(1, 115), DEPTH_MESSAGE));
    }

    @Test
    void yamlBlockNestingIsLocatedAtTheLineThatIsTooDeep() {
        StringBuilder deep = new StringBuilder();
        for (int level = 0; level < 150; level++) {
            deep.append("  ".repeat(level)).append("a:\n");
        }
        assertThat(refused(YAML, deep.toString()).problems()).containsExactly(new Problem(y(102, 203), DEPTH_MESSAGE));
    }

    @Test
    void nestingJustWithinTheLimitIsRead() {
        String value = "[".repeat(DocumentReader.MAX_DEPTH - 4) + "x" + "]".repeat(DocumentReader.MAX_DEPTH - 4);
        Throwable thrown = catchThrowable(() -> CloudFormationReader.parse(YAML,
                "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n      V: " + value + "\n"));
        assertThat(thrown).isNull();
    }

    /**
     * Aliases nest without nesting the text: each of these 140 lines is 96 levels deep and refers to the one
     * before, so the last is about 13,000 levels deep. Converting it to an expression overflows the stack.
     */
    @Test
    void nestingBuiltFromAliasesIsBoundedToo() {
        StringBuilder text = new StringBuilder("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n");
        for (int i = 0; i < 140; i++) {
            text.append("      K").append(i).append(": &k").append(i).append(' ').append("[".repeat(95))
                    .append(i == 0 ? "x" : "*k" + (i - 1)).append("]".repeat(95)).append('\n');
        }
        InvalidInputException e = refused(YAML, text.toString());
        assertThat(e.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).contains(String.valueOf(DocumentReader.MAX_DEPTH)));
    }

    /**
     * A valid chain of conditions, each referring to the next, overflows the recursive cycle check
     * (TemplateParser.visit) from about 5,000 conditions on with the default 1 MB thread stack.
     */
    @Test
    void longChainOfConditionsDoesNotOverflowTheStack() {
        int n = 50_000;
        StringBuilder text = new StringBuilder("Conditions:\n");
        for (int i = 0; i < n; i++) {
            text.append("  C").append(i).append(": !Not [!Condition C").append(i + 1).append("]\n");
        }
        text.append("  C").append(n).append(": !Equals [a, b]\n");
        text.append("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Condition: C0\n");
        AtomicReference<Object> result = new AtomicReference<>();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            try {
                result.set(CloudFormationReader.parse(YAML, text.toString()));
            } catch (Throwable t) {
                result.set(t);
            }
        });
        assertThat(result.get()).isInstanceOf(ServerlessApp.class);
        assertThat(((ServerlessApp) result.get()).conditions()).hasSize(n + 1);
    }

    @Test
    void jsonKeyOverTheNameLimit() {
        String text = "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\", \"Metadata\": {\""
                + "k".repeat(100_001) + "\": 1}}}}";
        InvalidInputException e = refused(JSON, text);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(1);
            assertThat(p.message()).contains("100000");
        });
    }

    /** YAML keys have no limit at all today, although JSON keys are limited to 100,000 characters. */
    @Test
    void yamlKeyOverTheNameLimit() {
        String text = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Metadata:\n      ? " + "k".repeat(100_001)
                + "\n      : 1\n";
        InvalidInputException e = refused(YAML, text);
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.location().line()).isEqualTo(5));
    }

    @Test
    void jsonNumberWithTooManyDigits() {
        InvalidInputException e = refused(JSON, "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\","
                + " \"Properties\": {\"DelaySeconds\": " + "9".repeat(1001) + "}}}}");
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("1000"));
    }

    /** Jackson's YAML parser hands over numbers of more than about 1,000 digits as strings, so they stay cheap. */
    @Test
    void yamlNumberWithThousandsOfDigitsStaysAString() throws Exception {
        Node.Mapping root = (Node.Mapping) DocumentReader.read(YAML, "V: " + "9".repeat(5_000) + "\n",
                DocumentReader.Format.YAML);
        assertThat(((Node.Scalar) root.get("V")).kind()).isEqualTo(Node.ScalarKind.STRING);
    }

    /**
     * 1e999999999 is a short, plain number, but printing it (Expr.toString, the inspect output "exactly as
     * written, never in exponent notation") needs a billion-digit string: OutOfMemoryError downstream.
     */
    @Test
    void numberWithAHugeExponent() {
        InvalidInputException e = refused(YAML,
                "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 1e999999999\n");
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.location()).isEqualTo(y(5, 21)));
    }

    @Test
    void documentOverTheSizeLimit() {
        int size = DocumentReader.MAX_CHARS + 1;
        String text = "#".repeat(size);
        assertThat(refused(YAML, text).problems()).containsExactly(new Problem(y(1, 1), "the document has " + size
                + " characters; documents of more than " + DocumentReader.MAX_CHARS + " characters are not read"));
    }

    @Test
    void fileOverTheSizeLimitIsNotEvenRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.yaml");
        long size = DocumentReader.MAX_CHARS * 4L + 1;
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(size);
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        assertTimeoutPreemptively(HANG_GUARD, () -> thrown.set(catchThrowable(() -> CloudFormationReader.read(file))));
        assertThat(thrown.get()).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) thrown.get()).problems()).containsExactly(new Problem(
                new SourceLocation(file.toString(), 1, 1), "the file has " + size + " bytes; templates larger than "
                + DocumentReader.MAX_CHARS + " characters are not read"));
    }

    @Test
    void manyProblemsAreAllReported() {
        StringBuilder text = new StringBuilder("Resources:\n");
        for (int i = 0; i < 2_000; i++) {
            text.append("  Q").append(i).append(":\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Ref M")
                    .append(i).append('\n');
        }
        List<Problem> problems = refused(YAML, text.toString()).problems();
        assertThat(problems).hasSize(2_000);
        assertThat(problems.get(1_999).location()).isEqualTo(y(2 + 4 * 1_999 + 3, 18));
    }
}
