package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Mistakes are reported at their line and column with what was found and what was expected there; one
 * mistake gives one problem, and a file with several mistakes reports each of them.
 */
class HclErrorsTest {

    private static List<Problem> problems(String text) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> HclReader.parse("main.tf", text));
        assertThat(e).as("expected %s to be refused", text).isNotNull();
        return e.problems();
    }

    private static Problem problem(int line, int column, String message) {
        return new Problem(new SourceLocation("main.tf", line, column), message);
    }

    /** Each line: the text (\n for newlines), the line and column of the problem, its message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // a block header without a body, or a name without '='
            "resource \"aws_s3_bucket\" \"b\"\\n | 1 | 29 | expected a block label or '{' after 'resource \"aws_s3_bucket\" \"b\"', found newline",
            "region \"eu-west-1\"\\n            | 1 | 19 | expected a block label or '{' after 'region \"eu-west-1\"', found newline",
            "memory_size 512\\n                 | 1 | 13 | expected '=', a block label or '{' after 'memory_size', found '512'",
            // unclosed things are reported where they were opened
            "resource \"a\" \"b\" {\\n  x = 1\\n  | 1 | 18 | the block opened here is not closed: expected '}', found end of file",
            "a = \"abc\\nb = 2\\n                 | 1 | 5  | the string opened here is not closed: expected '\"', found newline",
            "policy = <<EOF\\n{}\\n               | 1 | 10 | the heredoc <<EOF opened here is not closed: expected a line holding only EOF, found end of file",
            "a = [1, 2\\n                        | 1 | 5  | the tuple opened here is not closed: expected ']', found end of file",
            "a = {\\n  b = 1\\n                  | 1 | 5  | the object opened here is not closed: expected '}', found end of file",
            "a = max(1,\\n                       | 1 | 8  | the argument list of max( opened here is not closed: expected ')', found end of file",
            "a = \"${var.x\\n                    | 1 | 6  | the interpolation opened here is not closed: expected '}', found end of file",
            "/* never closed\\na = 1\\n            | 1 | 1  | the comment started here is not closed: expected '*/' before the end of the file",
            // two things on one line
            "a = 1 b = 2\\n                      | 1 | 7  | expected a newline after 'a = 1', found 'b'",
            "a {\\n  b = 1 c = 2\\n}\\n             | 2 | 9  | expected a newline after 'b = 1', found 'c'",
            "a { b = 1, c = 2 }\\n               | 1 | 10 | expected '}' after 'b = 1', found ','",
            "a {\\n  b = 1 }\\n                  | 2 | 9  | expected a newline after 'b = 1', found '}'",
            "a {\\n}b = 1\\n                     | 2 | 2  | expected a newline after '}', found 'b'",
            // bad tokens and characters
            "a = 1 ^ 2\\n                        | 1 | 7  | expected a newline after 'a = 1', found the character '^' (U+005E)",
            "a = @foo\\n                         | 1 | 5  | expected an expression after 'a =', found the character '@' (U+0040)",
            "a = 1\\u00a0\\n                      | 1 | 6  | expected a newline after 'a = 1', found the invisible character U+00A0",
            "a = 1 ~}\\n                         | 1 | 7  | expected a newline after 'a = 1', found '~}'",
            "= 2\\n                              | 1 | 1  | expected an attribute name or block type, found '='",
            "a =\\nb = 2\\n                       | 1 | 4  | expected an expression after 'a =', found newline",
            // expressions
            "a = f(1 2)\\n                       | 1 | 9  | expected '...', ',' or ')' after 'a = f(1', found '2'",
            "a = [1 2]\\n                        | 1 | 8  | expected ',' or ']' after 'a = [1', found '2'",
            "a = {\\n  x = 1 y = 2\\n}\\n          | 2 | 9  | expected a newline, ',' or '}' after '1', found 'y'",
            "a = {\\n  x\\n}\\n                    | 2 | 4  | expected '=' or ':' after 'x', found newline",
            "a = x.\\n                           | 1 | 7  | expected an attribute name or a number after 'a = x.', found newline",
            "a = x ? y\\n                        | 1 | 10 | expected ':' after 'a = x ? y', found newline",
            "a = [for x in y]\\n                 | 1 | 16 | expected ':' after 'a = [for x in y', found ']'",
            "a = {for k, v in m : k}\\n          | 1 | 23 | expected '=>' after 'a = {for k, v in m : k', found '}'",
            "a = [1,,2]\\n                       | 1 | 8  | expected an expression or ']' after ',', found ','",
            "a = {b = 1,,c = 2}\\n               | 1 | 12 | expected an object item or '}' after the previous separator, found ','",
            "a = f(1,,2)\\n                      | 1 | 9  | expected an expression or ')' after ',', found ','",
            "a = f(x,...)\\n                     | 1 | 9  | expected an argument before '...', found ','; '...' expands the final argument: write f(a, list...)",
            "a = x.0.1\\n                        | 1 | 7  | expected a whole number after '.' (a legacy index such as .0), found '0.1'; legacy indexes cannot be chained: write [0][1] instead of .0.1",
            "a = provider::aws::arn\\n           | 1 | 5  | expected '(' after the provider function name 'provider::aws::arn'; a name with '::' is a function and must be called",
            "a = 1e99999\\n                      | 1 | 5  | the number 1e99999 is out of range; numbers of more than 1000 characters or with an exponent beyond 1000 are not read",
            // templates
            "a = \"\\q\"\\n                       | 1 | 6  | '\\q' is not an escape sequence; expected \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN (write \\\\ for a backslash)",
            "a = \"\\uD800\"\\n                   | 1 | 6  | '\\uD800' is not a Unicode character; expected a code point up to 10FFFF outside the surrogates D800-DFFF",
            "a = \"${x y}\"\\n                   | 1 | 10 | expected '}' after 'a = \"${x', found 'y'",
            "a = \"%{ if x }y\"\\n               | 1 | 6  | the %{ if } directive here is not closed: expected %{ else } or %{ endif }, found the end of the template",
            "a = \"%{ endif }\"\\n               | 1 | 6  | expected text, an interpolation or %{ if } or %{ for }, found %{ endif }",
            "a = \"%{for x in y}%{endif}\"\\n    | 1 | 19 | expected %{ endfor }, found %{ endif } (the %{ for } is at line 1, column 6)",
            "a = \"%{ foo }\"\\n                 | 1 | 9  | expected 'if', 'else', 'endif', 'for' or 'endfor' after 'a = \"%{', found 'foo'",
            "a = <<EOF x\\nEOF\\n                 | 1 | 10 | expected a newline right after the heredoc marker '<<EOF', found 'x'",
            "b \"${x}\" {\\n}\\n                  | 1 | 4  | expected a literal string as block label, found the template sequence '${x}'; write $${ or %%{ for a literal ${ or %{",
            // structure
            "a = 1\\nb = 2\\na = 3\\n             | 3 | 1  | the attribute 'a' is already set at line 1, column 1; an attribute may be set only once in a body",
    })
    void aMistakeIsReportedOnceWhereItIs(String text, int line, int column, String message) {
        String hcl = text.replace("\\n", "\n").replace("\\u00a0", "\u00a0");
        assertThat(problems(hcl)).containsExactly(problem(line, column, message));
    }

    @Test
    void severalMistakesAreAllReported() {
        String text = """
                terraform {
                  required_version = ">= 1.5" extra
                }

                variable "name" {
                  type = string
                  default = [1 2]
                }

                resource "aws_lambda_function" "fn" {
                  function_name = var.name
                  memory_size
                  timeout = 30 +
                  tags = { Name = "x", Name2 = }
                }

                output "arn" {
                  value = aws_lambda_function.fn.arn
                  value = 1
                }
                """;
        assertThat(problems(text)).containsExactly(
                problem(2, 31, "expected a newline after 'required_version = \">= 1.5\"', found 'extra'"),
                problem(7, 16, "expected ',' or ']' after 'default = [1', found '2'"),
                problem(12, 14, "expected '=', a block label or '{' after 'memory_size', found newline"),
                problem(13, 17, "expected an expression after 'timeout = 30 +', found newline"),
                problem(14, 32, "expected an expression after 'tags = { Name = \"x\", Name2 =', found '}'"));
    }

    @Test
    void duplicateAttributesInSeveralBodiesAreEachReported() {
        assertThat(problems("a = 1\na = 2\nb {\n  c = 1\n  c = 2\n}\n")).containsExactly(
                problem(2, 1, "the attribute 'a' is already set at line 1, column 1; an attribute may be set only once in a body"),
                problem(5, 3, "the attribute 'c' is already set at line 4, column 3; an attribute may be set only once in a body"));
    }

    @Test
    void theMessageOfTheExceptionListsEveryProblem() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> HclReader.parse("x.tf", "a = \nb = 1 2\n"));
        assertThat(e.getMessage()).contains("2 problems", "x.tf:1:5: expected an expression", "x.tf:2:7: expected a newline");
    }

    @Test
    void readingAFileThatIsMissingNotUtf8OrTooLarge(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.tf");
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> HclReader.read(missing)).problems())
                .extracting(Problem::message).containsExactly("no such file");

        Path latin1 = Files.write(dir.resolve("latin1.tf"), new byte[]{'a', ' ', '=', ' ', '"', (byte) 0xE9, '"', '\n'});
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> HclReader.read(latin1)).problems())
                .containsExactly(new Problem(new SourceLocation(latin1.toString(), 1, 1),
                        "the file is not UTF-8 text; HCL files must be UTF-8"));

        Path good = Files.writeString(dir.resolve("main.tf"), "\uFEFFa = \"é\"\n");
        try {
            HclFile file = HclReader.read(good);
            assertThat(file.fileName()).isEqualTo(good.toString());
            assertThat(file.body().attribute("a").orElseThrow().location())
                    .isEqualTo(new SourceLocation(good.toString(), 1, 1));
        } catch (InvalidInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }

        Path huge = dir.resolve("huge.tf");
        try (var out = Files.newOutputStream(huge)) {
            byte[] line = "a = 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            for (long written = 0; written <= HclReader.MAX_CHARS * 4L; written += line.length) {
                out.write(line);
            }
        }
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> HclReader.read(huge)).problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.location()).isEqualTo(new SourceLocation(huge.toString(), 1, 1));
                    assertThat(p.message()).endsWith("files of more than " + HclReader.MAX_CHARS
                            + " characters are not read");
                });
    }
}
