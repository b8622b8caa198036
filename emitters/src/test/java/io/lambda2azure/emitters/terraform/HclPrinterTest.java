package io.lambda2azure.emitters.terraform;

import io.lambda2azure.emitters.terraform.BodyItem.Attribute;
import io.lambda2azure.emitters.terraform.HclExpr.Binary;
import io.lambda2azure.emitters.terraform.HclExpr.Conditional;
import io.lambda2azure.emitters.terraform.HclExpr.IndexExpr;
import io.lambda2azure.emitters.terraform.HclExpr.Not;
import io.lambda2azure.emitters.terraform.HclExpr.NullLit;
import io.lambda2azure.emitters.terraform.HclExpr.NumberLit;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectExpr;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectItem;
import io.lambda2azure.emitters.terraform.HclExpr.Operator;
import io.lambda2azure.emitters.terraform.HclExpr.Template;
import io.lambda2azure.emitters.terraform.HclExpr.Traversal;
import io.lambda2azure.emitters.terraform.HclExpr.Tuple;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.lambda2azure.emitters.terraform.HclExpr.bool;
import static io.lambda2azure.emitters.terraform.HclExpr.call;
import static io.lambda2azure.emitters.terraform.HclExpr.number;
import static io.lambda2azure.emitters.terraform.HclExpr.ref;
import static io.lambda2azure.emitters.terraform.HclExpr.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The printer's layout, which must be exactly what terraform fmt (hclwrite) leaves unchanged. */
class HclPrinterTest {

    private static String file(BodyItem... items) {
        return HclPrinter.print(new HclFile(List.of(items)));
    }

    private static String block(Body body) {
        return file(Body.block(List.of(), "resource", List.of("t", "n"), body));
    }

    private static ObjectExpr object(ObjectItem... items) {
        return new ObjectExpr(List.of(items));
    }

    private static ObjectItem item(String key, HclExpr value) {
        return new ObjectItem(List.of(), key, !Expressions.isBareKey(key), value);
    }

    // ------------------------------------------------------------------ alignment groups

    @Test
    void consecutiveSingleLineArgumentsAlignTheirEqualsSigns() {
        assertThat(block(new Body().arg("a", number(1)).arg("long_name", number(2)).arg("bb", number(3))))
                .isEqualTo("""
                        resource "t" "n" {
                          a         = 1
                          long_name = 2
                          bb        = 3
                        }
                        """);
    }

    @Test
    void aBlankLineEndsAnAlignmentGroup() {
        assertThat(block(new Body().arg("a", number(1)).blank().arg("long_name", number(2)))).isEqualTo("""
                resource "t" "n" {
                  a = 1

                  long_name = 2
                }
                """);
    }

    @Test
    void aCommentLineEndsAnAlignmentGroup() {
        assertThat(block(new Body().arg("a", number(1)).arg("bb", number(2))
                .arg(List.of("note"), "long_name", number(3)).arg("c", number(4)))).isEqualTo("""
                resource "t" "n" {
                  a  = 1
                  bb = 2
                  # note
                  long_name = 3
                  c         = 4
                }
                """);
    }

    @Test
    void aMultiLineValueStandsAloneAndEndsTheGroup() {
        assertThat(block(new Body().arg("a", number(1))
                .arg("settings", object(item("x", number(1)), item("long_key", string("v"))))
                .arg("long_name", number(2)))).isEqualTo("""
                resource "t" "n" {
                  a = 1
                  settings = {
                    x        = 1
                    long_key = "v"
                  }
                  long_name = 2
                }
                """);
    }

    @Test
    void aNestedBlockEndsTheGroupAndGetsBlankLinesAround() {
        assertThat(block(new Body().arg("a", number(1))
                .block(Body.nested(List.of(), "inner", new Body().arg("x", bool(true)).arg("yyy", bool(false))))
                .block(Body.nested(List.of("second"), "inner", new Body()))
                .arg("long_name", number(2)))).isEqualTo("""
                resource "t" "n" {
                  a = 1

                  inner {
                    x   = true
                    yyy = false
                  }

                  # second
                  inner {}

                  long_name = 2
                }
                """);
    }

    @Test
    void blankItemsNeverDoubleNorStartOrEndABody() {
        assertThat(block(new Body().blank().arg("a", number(1)).blank().blank().arg("b", number(2)).blank()))
                .isEqualTo("""
                        resource "t" "n" {
                          a = 1

                          b = 2
                        }
                        """);
    }

    @Test
    void alignmentCountsGraphemeClustersOfQuotedKeys() {
        assertThat(HclPrinter.print(object(item("é", number(1)), item("ab", number(2)), item("e\u0301x", number(3)))))
                .isEqualTo("{\n  \"é\"  = 1\n  ab   = 2\n  \"e\u0301x\" = 3\n}");
    }

    @Test
    void objectItemCommentsGoAboveTheirItem() {
        assertThat(HclPrinter.print(new ObjectExpr(List.of(
                new ObjectItem(List.of(), "A", true, number(1)),
                new ObjectItem(List.of("why"), "LONGER", true, number(2)))))).isEqualTo("""
                {
                  "A" = 1
                  # why
                  "LONGER" = 2
                }""");
    }

    // ------------------------------------------------------------------ top level

    @Test
    void topLevelItemsAreSeparatedByOneBlankLineAndEmptyBlocksStayOnOneLine() {
        assertThat(file(new BodyItem.Comments(List.of("header")),
                Body.block(List.of("above"), "data", List.of("x", "y"), new Body()),
                new BodyItem.Blank(),
                new Attribute(List.of("c"), "v", string("a")))).isEqualTo("""
                # header

                # above
                data "x" "y" {}

                # c
                v = "a"
                """);
    }

    @Test
    void commentsStayOnOneLineWithoutTrailingSpace() {
        assertThat(file(new BodyItem.Comments(List.of("a\nb ", "", "c\r\nd")))).isEqualTo("# a b\n#\n# c d\n");
    }

    // ------------------------------------------------------------------ expressions

    @Test
    void stringsEscapeQuotesBackslashesControlsAndTemplateIntroducers() {
        assertThat(HclPrinter.print(string("a\"b\\c\nd\re\tf${g}$h%{i}%j\u0001\u00a0\u200b😀")))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf$${g}$h%%{i}%j\\u0001\\u00a0\\u200b😀\"");
    }

    @Test
    void templatesInterpolateAndEscapeTheirLiteralParts() {
        assertThat(HclPrinter.print(new Template(List.of("https://", "/a\"${b}", ""),
                List.of(ref("var", "host"), call("lower", string("X")))))).isEqualTo(
                "\"https://${var.host}/a\\\"$${b}${lower(\"X\")}\"");
    }

    @Test
    void numbersAreWrittenPlain() {
        assertThat(HclPrinter.print(new NumberLit(new BigDecimal("2.000")))).isEqualTo("2");
        assertThat(HclPrinter.print(new NumberLit(new BigDecimal("1.50")))).isEqualTo("1.5");
        assertThat(HclPrinter.print(new NumberLit(new BigDecimal("1E+3")))).isEqualTo("1000");
        assertThat(HclPrinter.print(number(-42))).isEqualTo("-42");
        assertThat(HclPrinter.print(new IndexExpr(number(-1), number(0)))).isEqualTo("(-1)[0]");
    }

    @Test
    void operatorsGetParenthesesOnlyWherePrecedenceOrMixedLogicNeedsThem() {
        HclExpr a = ref("local", "a");
        HclExpr b = ref("local", "b");
        HclExpr c = ref("local", "c");
        assertThat(HclPrinter.print(new Binary(new Binary(a, Operator.AND, b), Operator.OR, c)))
                .isEqualTo("(local.a && local.b) || local.c");
        assertThat(HclPrinter.print(new Binary(new Binary(a, Operator.AND, b), Operator.AND, c)))
                .isEqualTo("local.a && local.b && local.c");
        assertThat(HclPrinter.print(new Binary(a, Operator.AND, new Binary(b, Operator.AND, c))))
                .isEqualTo("local.a && (local.b && local.c)");
        assertThat(HclPrinter.print(new Binary(new Binary(a, Operator.OR, b), Operator.EQUALS, bool(true))))
                .isEqualTo("(local.a || local.b) == true");
        assertThat(HclPrinter.print(new Not(new Binary(a, Operator.EQUALS, b)))).isEqualTo("!(local.a == local.b)");
        assertThat(HclPrinter.print(new Not(a))).isEqualTo("!local.a");
        assertThat(HclPrinter.print(new Conditional(new Binary(a, Operator.OR, b), number(1),
                new Conditional(c, number(2), new NullLit())))).isEqualTo("local.a || local.b ? 1 : (local.c ? 2 : null)");
        assertThat(HclPrinter.print(new IndexExpr(new Conditional(a, b, c), string("k"))))
                .isEqualTo("(local.a ? local.b : local.c)[\"k\"]");
    }

    @Test
    void traversalsWriteIndexSteps() {
        assertThat(HclPrinter.print(new Traversal("azurerm_x", List.of(new HclExpr.GetAttr("y"), new HclExpr.Index(0),
                new HclExpr.GetAttr("id"))))).isEqualTo("azurerm_x.y[0].id");
    }

    @Test
    void tuplesStayOnOneLineUnlessAnItemSpansLines() {
        assertThat(HclPrinter.print(new Tuple(List.of()))).isEqualTo("[]");
        assertThat(HclPrinter.print(new Tuple(List.of(string("a"), number(1), new Tuple(List.of()), object()))))
                .isEqualTo("[\"a\", 1, [], {}]");
        assertThat(HclPrinter.print(new Tuple(List.of(string("a"), object(item("k", number(1))))))).isEqualTo("""
                [
                  "a",
                  {
                    k = 1
                  },
                ]""");
    }

    @Test
    void functionArgumentsThatSpanLinesGoOneALine() {
        assertThat(block(new Body().arg("v", call("merge", ref("local", "a"), object(item("k", number(1)))))))
                .isEqualTo("""
                        resource "t" "n" {
                          v = merge(
                            local.a,
                            {
                              k = 1
                            },
                          )
                        }
                        """);
    }

    @Test
    void conditionalBranchesThatSpanLinesAreIndentedAsTerraformFmtDoes() {
        // hclwrite indents by counting brackets per line, so "} : {" keeps the inner indentation.
        assertThat(block(new Body().arg("v", new Conditional(ref("local", "c"), object(item("a", number(1))),
                object(item("b", number(2))))))).isEqualTo("""
                resource "t" "n" {
                  v = local.c ? {
                    a = 1
                    } : {
                    b = 2
                  }
                }
                """);
    }

    @Test
    void objectKeysAreQuotedUnlessTheyAreIdentifiers() {
        assertThat(HclPrinter.print(object(item("plain_key", number(1)), item("us-east-1", number(2)),
                item("true", number(3)), item("a.b", number(4))))).isEqualTo("""
                {
                  plain_key   = 1
                  "us-east-1" = 2
                  "true"      = 3
                  "a.b"       = 4
                }""");
        assertThatThrownBy(() -> new ObjectItem(List.of(), "a.b", false, number(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attribute(List.of(), "not valid", number(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anInterpolatedObjectGetsSpacesInsideTheBraces() {
        assertThat(HclPrinter.print(new Template(List.of("", ""), List.of(object())))).isEqualTo("\"${ {} }\"");
    }
}
