package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input built to exhaust the stack or memory is refused with a located problem, never with a
 * {@link StackOverflowError} or an {@link OutOfMemoryError}. Input just within the limits is read on a
 * thread with half the JVM's default stack (512 KB), so that the limits leave room for the caller's frames.
 */
class HclHostileInputTest {

    private static final String NESTING = "the file nests brackets, braces, strings and template sequences deeper than "
            + HclReader.MAX_NESTING + " levels here; files nested that deep are not read";
    private static final String DEPTH = "the expression nests deeper than " + HclReader.MAX_EXPRESSION_DEPTH
            + " levels here (brackets, operators, conditionals, templates and splats all count); expressions that"
            + " deep are not read";
    private static final long SMALL_STACK = 512 * 1024;

    /** What reading the text gave, on a thread with the given stack: an HclFile or what was thrown. */
    private static Object read(String text, long stackSize) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread reader = new Thread(null, () -> {
            try {
                result.set(HclReader.parse("deep.tf", text));
            } catch (Throwable t) {
                result.set(t);
            }
        }, "hcl-reader", stackSize);
        reader.start();
        reader.join();
        return result.get();
    }

    private static Problem refused(String text) throws InterruptedException {
        Object result = read(text, 0);
        assertThat(result).as("expected a refusal, got %s", result).isInstanceOf(InvalidInputException.class);
        InvalidInputException e = (InvalidInputException) result;
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation("deep.tf", line, column);
    }

    private static String nested(String kind, int n) {
        return switch (kind) {
            case "parens" -> "a = " + "(".repeat(n) + "1" + ")".repeat(n) + "\n";
            case "tuples" -> "a = " + "[".repeat(n) + "1" + "]".repeat(n) + "\n";
            case "objects" -> "a = " + "{a = ".repeat(n) + "1" + "}".repeat(n) + "\n";
            case "calls" -> "a = " + "f(".repeat(n) + "1" + ")".repeat(n) + "\n";
            case "blocks" -> "b {\n".repeat(n) + "}\n".repeat(n);
            case "templates" -> "a = " + "\"${".repeat(n) + "1" + "}\"".repeat(n) + "\n";
            case "indexes" -> "a = x" + "[x".repeat(n) + "]".repeat(n) + "\n";
            case "heredocs" -> "a = " + "<<E\n${".repeat(n) + "1" + "}\nE\n".repeat(n);
            case "mixed" -> "a = " + "[{a = f(\"${".repeat(n) + "1" + "}\")}]".repeat(n) + "\n";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** 10,000 levels: the lexer refuses them at the first opener past the limit, before the parser recurses. */
    @ParameterizedTest
    @CsvSource({
            "parens,    1, 105",
            "tuples,    1, 105",
            "objects,   1, 505",
            "calls,     1, 206",
            "blocks,  101, 3",
            "templates, 1, 155",
            "indexes,   1, 206",
            "mixed,     1, 225"})
    void nesting10000DeepIsRefusedWhereItGetsTooDeep(String kind, int line, int column) throws InterruptedException {
        assertThat(refused(nested(kind, 10_000))).isEqualTo(new Problem(at(line, column), NESTING));
    }

    @Test
    void nestedHeredocsCountToo() throws InterruptedException {
        assertThat(refused(nested("heredocs", 10_000)).message()).isEqualTo(NESTING);
    }

    @ParameterizedTest
    @CsvSource({"parens", "tuples", "objects", "calls", "blocks", "indexes"})
    void nestingJustWithinTheLimitIsReadOnASmallStack(String kind) throws InterruptedException {
        int levels = kind.equals("blocks") ? HclReader.MAX_NESTING : HclReader.MAX_NESTING - 1;
        assertThat(read(nested(kind, levels), SMALL_STACK)).isInstanceOf(HclFile.class);
    }

    @Test
    void templatesAndMixedNestingJustWithinTheLimitAreReadOnASmallStack() throws InterruptedException {
        // Each "${ opens two levels; each [{a = f("${ opens five.
        assertThat(read(nested("templates", (HclReader.MAX_NESTING - 1) / 2), SMALL_STACK)).isInstanceOf(HclFile.class);
        assertThat(read(nested("mixed", (HclReader.MAX_NESTING - 1) / 5), SMALL_STACK)).isInstanceOf(HclFile.class);
    }

    /** Nesting without brackets: long chains build deep trees and are refused at the node that is too deep. */
    @Test
    void longChainsOfOperatorsAreRefused() throws InterruptedException {
        assertThat(refused("a = " + "1 + ".repeat(10_000) + "1\n")).isEqualTo(new Problem(at(1, 5), DEPTH));
        assertThat(refused("a = " + "!".repeat(10_000) + "x\n")).isEqualTo(new Problem(at(1, 9005), DEPTH));
        assertThat(refused("a = " + "-".repeat(10_000) + "x\n").message()).isEqualTo(DEPTH);
        assertThat(refused("a = x" + "[*]".repeat(10_000) + "\n")).isEqualTo(new Problem(at(1, 5), DEPTH));
        assertThat(refused("a = x" + ".*.y[0]".repeat(10_000) + "\n").message()).isEqualTo(DEPTH);
        assertThat(refused("a = " + "c ? x : ".repeat(10_000) + "y\n").message()).isEqualTo(DEPTH);
    }

    @Test
    void deeplyNestedConditionalsAndDirectivesAreRefused() throws InterruptedException {
        assertThat(refused("a = " + "c ? ".repeat(10_000) + "1" + " : 2".repeat(10_000) + "\n").message())
                .isEqualTo(DEPTH);
        assertThat(refused("a = \"" + "%{if c}".repeat(10_000) + "%{endif}".repeat(10_000) + "\"\n").message())
                .isEqualTo(DEPTH);
        assertThat(refused("a = \"" + "%{for x in y}".repeat(10_000) + "%{endfor}".repeat(10_000) + "\"\n").message())
                .isEqualTo(DEPTH);
    }

    @Test
    void chainsJustWithinTheLimitAreReadOnASmallStack() throws InterruptedException {
        int n = HclReader.MAX_EXPRESSION_DEPTH - 10;
        assertThat(read("a = " + "1 + ".repeat(n) + "1\n", SMALL_STACK)).isInstanceOf(HclFile.class);
        assertThat(read("a = " + "!".repeat(n) + "x\n", SMALL_STACK)).isInstanceOf(HclFile.class);
        assertThat(read("a = \"" + "%{if c}".repeat(n) + "%{endif}".repeat(n) + "\"\n", SMALL_STACK))
                .isInstanceOf(HclFile.class);
        assertThat(read("a = " + "c ? ".repeat(n) + "1" + " : 2".repeat(n) + "\n", SMALL_STACK))
                .isInstanceOf(HclFile.class);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedAtItsStart() throws InterruptedException {
        String huge = "a = 1\n".repeat(HclReader.MAX_CHARS / 6 + 1);
        assertThat(refused(huge)).isEqualTo(new Problem(at(1, 1), "the file has " + huge.length()
                + " characters; files of more than " + HclReader.MAX_CHARS + " characters are not read"));
    }

    @Test
    void aLargeFileJustWithinTheLimitIsRead() throws InterruptedException {
        String large = "a = [" + "1, ".repeat(HclReader.MAX_CHARS / 3 - 10) + "]\n";
        Object result = read(large, 0);
        assertThat(result).isInstanceOf(HclFile.class);
        Expression.TupleConstructor tuple = (Expression.TupleConstructor) ((HclFile) result).body().attribute("a")
                .orElseThrow().value();
        assertThat(tuple.items()).hasSize(HclReader.MAX_CHARS / 3 - 10);
    }

    @Test
    void hugeNumbersAndLongNamesStayCheap() throws InterruptedException {
        assertThat(refused("a = " + "9".repeat(HclReader.MAX_NUMBER_CHARS + 1) + "\n").message())
                .startsWith("the number " + "9".repeat(37) + "... is out of range");
        assertThat(read("a = 1e1000\nb = " + "x".repeat(1_000_000) + "\n", 0)).isInstanceOf(HclFile.class);
    }
}
