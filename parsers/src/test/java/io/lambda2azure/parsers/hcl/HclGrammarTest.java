package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static io.lambda2azure.parsers.hcl.Shapes.of;
import static org.assertj.core.api.Assertions.assertThat;

/** Every construct of the HCL native syntax, read into the tree shape it means. */
class HclGrammarTest {

    private static HclFile parse(String text) {
        try {
            return HclReader.parse("main.tf", text);
        } catch (InvalidInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation("main.tf", line, column);
    }

    @Nested
    class Structure {

        @Test
        void attributesAndBlocksWithStringAndIdentifierLabels() {
            HclFile file = parse("""
                    terraform {
                      required_version = ">= 1.5"
                    }

                    resource "aws_lambda_function" fn {
                      function_name = "orders"
                      memory_size   = 512
                    }
                    region = "eu-west-1"
                    """);
            Body body = file.body();
            assertThat(file.fileName()).isEqualTo("main.tf");
            assertThat(body.items()).hasSize(3);
            Block terraform = body.blocks("terraform").get(0);
            assertThat(terraform.labels()).isEmpty();
            assertThat(of(terraform.body().attribute("required_version").orElseThrow().value())).isEqualTo("\">= 1.5\"");

            Block resource = body.blocks("resource").get(0);
            assertThat(resource.labelValues()).containsExactly("aws_lambda_function", "fn");
            assertThat(resource.labels()).extracting(Block.Label::quoted).containsExactly(true, false);
            assertThat(resource.labels().get(0).span().start()).isEqualTo(at(5, 10));
            assertThat(resource.labels().get(1).span().start()).isEqualTo(at(5, 32));
            assertThat(resource.location()).isEqualTo(at(5, 1));
            assertThat(resource.body().attributes()).extracting(Attribute::name)
                    .containsExactly("function_name", "memory_size");
            Attribute memory = resource.body().attribute("memory_size").orElseThrow();
            assertThat(memory.location()).isEqualTo(at(7, 3));
            assertThat(memory.value().location()).isEqualTo(at(7, 19));
            assertThat(memory.span().text()).isEqualTo("memory_size   = 512");
            assertThat(resource.span().text()).startsWith("resource \"aws_lambda_function\" fn {").endsWith("}");
            assertThat(body.attribute("region")).isPresent();
            assertThat(body.attribute("nope")).isEmpty();
        }

        @Test
        void nestedBlocksKeepTheirOrder() {
            Body body = parse("""
                    a {
                      b "x" {
                        c = 1
                      }
                      d = 2
                      b "y" {}
                    }
                    """).body();
            Body a = body.blocks().get(0).body();
            assertThat(a.items()).extracting(i -> i instanceof Block b ? b.type() + b.labelValues() : ((Attribute) i).name())
                    .containsExactly("b[x]", "d", "b[y]");
            assertThat(a.blocks("b").get(0).body().attribute("c")).isPresent();
            assertThat(a.blocks("b").get(1).body().items()).isEmpty();
        }

        @Test
        void oneLineBlocks() {
            Body body = parse("a { x = 1 }\nb \"l\" {}\nc {\n}\n").body();
            assertThat(body.blocks()).hasSize(3);
            assertThat(of(body.blocks("a").get(0).body().attribute("x").orElseThrow().value())).isEqualTo("1");
            assertThat(body.blocks("b").get(0).body().items()).isEmpty();
            assertThat(body.blocks("c").get(0).body().items()).isEmpty();
        }

        @Test
        void emptyFilesCommentsOnlyAndNoFinalNewline() {
            assertThat(parse("").body().items()).isEmpty();
            assertThat(parse("\n\n# nothing\n// here\n/* at\n all */\n").body().items()).isEmpty();
            assertThat(parse("a = 1").body().attributes()).hasSize(1);
            assertThat(parse("a {\n}").body().blocks()).hasSize(1);
        }

        @Test
        void allThreeKindsOfComments() {
            Body body = parse("""
                    # hash
                    a = 1 # after
                    // slashes
                    b = 2 // after
                    /* block
                       over lines */ c = /* inline */ 3
                    """).body();
            assertThat(body.attributes()).extracting(a -> a.name() + "=" + of(a.value()))
                    .containsExactly("a=1", "b=2", "c=3");
            assertThat(body.attribute("c").orElseThrow().location()).isEqualTo(at(6, 18));
        }

        @Test
        void keywordsAreNamesOutsideExpressions() {
            Body body = parse("for = 1\nif \"x\" {\n  in = true\n  null = null\n}\n").body();
            assertThat(body.attribute("for")).isPresent();
            assertThat(of(body.blocks("if").get(0).body().attribute("null").orElseThrow().value())).isEqualTo("null");
        }

        @Test
        void windowsLineEndingsAndTabs() {
            Body body = parse("a = 1\r\nb {\r\n\tc = \"x\"\r\n}\r\n").body();
            assertThat(body.items()).hasSize(2);
            assertThat(body.blocks("b").get(0).body().attribute("c").orElseThrow().value().location()).isEqualTo(at(3, 6));
        }

        @Test
        void aByteOrderMarkIsIgnored() {
            assertThat(parse("\uFEFFa = 1\n").body().attribute("a").orElseThrow().location()).isEqualTo(at(1, 1));
        }

        @Test
        void unicodeNamesAndDashes() {
            Body body = parse("größe = 1\nmy-name = a-b\n_x = é.ñ\n").body();
            assertThat(body.attributes()).extracting(Attribute::name).containsExactly("größe", "my-name", "_x");
            assertThat(of(body.attribute("my-name").orElseThrow().value())).isEqualTo("a-b");
            assertThat(of(body.attribute("_x").orElseThrow().value())).isEqualTo("é.ñ");
        }
    }

    @Nested
    class Literals {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "0        | 0",
                "42       | 42",
                "3.25     | 3.25",
                "1e3      | 1000",
                "1.5E+2   | 150",
                "25e-2    | 0.25",
                "-7       | -7",
                "-0.5     | -0.5"})
        void numbers(String written, String value) {
            Expression e = parse("v = " + written).body().attribute("v").orElseThrow().value();
            assertThat(e).isInstanceOf(Expression.NumberLiteral.class);
            assertThat(((Expression.NumberLiteral) e).value()).isEqualByComparingTo(new BigDecimal(value));
            assertThat(e.text()).isEqualTo(written);
        }

        @Test
        void boolsAndNull() {
            assertThat(of("true")).isEqualTo("true");
            assertThat(of("false")).isEqualTo("false");
            assertThat(of("null")).isEqualTo("null");
            assertThat(parse("v = true").body().attribute("v").orElseThrow().value())
                    .isInstanceOf(Expression.BoolLiteral.class);
            assertThat(parse("v = null").body().attribute("v").orElseThrow().value())
                    .isInstanceOf(Expression.NullLiteral.class);
        }

        @Test
        void stringEscapes() {
            Expression.Template t = template("\"a\\nb\\tc\\\"d\\\\e\\rf\\u00e9\\U0001F600\"");
            assertThat(t.literalValue()).contains("a\nb\tc\"d\\e\rf\u00e9\uD83D\uDE00");
            assertThat(t.kind()).isEqualTo(Expression.TemplateKind.QUOTED);
            assertThat(t.text()).isEqualTo("\"a\\nb\\tc\\\"d\\\\e\\rf\\u00e9\\U0001F600\"");
        }

        @Test
        void templateSequenceEscapes() {
            assertThat(template("\"$${aws:username} %%{x} $$ 100% $x\"").literalValue())
                    .contains("${aws:username} %{x} $$ 100% $x");
        }

        @Test
        void emptyString() {
            Expression.Template t = template("\"\"");
            assertThat(t.parts()).isEmpty();
            assertThat(t.literalValue()).contains("");
        }

        private Expression.Template template(String written) {
            return (Expression.Template) parse("v = " + written).body().attribute("v").orElseThrow().value();
        }
    }

    @Nested
    class Operators {

        @ParameterizedTest
        @CsvSource(delimiter = ';', value = {
                "a + b * c                 ; (a + (b * c))",
                "a * b + c                 ; ((a * b) + c)",
                "a - b - c                 ; ((a - b) - c)",
                "a / b * c                 ; ((a / b) * c)",
                "a % b + c / d             ; ((a % b) + (c / d))",
                "!a && b || c              ; (((!a) && b) || c)",
                "a || b && c               ; (a || (b && c))",
                "a == b != c               ; ((a == b) != c)",
                "a < b == c >= d           ; ((a < b) == (c >= d))",
                "a <= b && c > d           ; ((a <= b) && (c > d))",
                "a + b < c * d             ; ((a + b) < (c * d))",
                "-a * b                    ; ((-a) * b)",
                "- a.b                     ; (-a.b)",
                "!!a                       ; (!(!a))",
                "a - -1                    ; (a - -1)",
                "(a + b) * c               ; ((a + b) * c)",
                "a ? b : c                 ; (a ? b : c)",
                "a ? b : c ? d : e         ; (a ? b : (c ? d : e))",
                "a ? b ? c : d : e         ; (a ? (b ? c : d) : e)",
                "a || b ? c + 1 : d        ; ((a || b) ? (c + 1) : d)",
                "(a ? b : c) ? d : e       ; ((a ? b : c) ? d : e)"})
        void precedenceAndAssociativity(String written, String shape) {
            assertThat(of(written)).isEqualTo(shape);
        }

        @Test
        void operatorsAndSpans() {
            Expression e = parse("v = (a + b) * c").body().attribute("v").orElseThrow().value();
            Expression.Binary product = (Expression.Binary) e;
            assertThat(product.operator()).isEqualTo(Expression.BinaryOperator.MULTIPLY);
            assertThat(product.operator().precedence()).isEqualTo(6);
            assertThat(product.text()).isEqualTo("(a + b) * c");
            assertThat(product.left().text()).isEqualTo("a + b");
            assertThat(product.left().location()).isEqualTo(at(1, 6));
            assertThat(((Expression.Unary) parse("v = !x").body().attribute("v").orElseThrow().value()).operator())
                    .isEqualTo(Expression.UnaryOperator.NOT);
        }

        @Test
        void aConditionalSpansItsWholeText() {
            Expression e = parse("v = x > 0 ? \"yes\" : \"no\"").body().attribute("v").orElseThrow().value();
            assertThat(e).isInstanceOf(Expression.Conditional.class);
            assertThat(e.text()).isEqualTo("x > 0 ? \"yes\" : \"no\"");
        }
    }

    @Nested
    class Traversals {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "var.name                      | var.name",
                "aws_lambda_function.fn.arn    | aws_lambda_function.fn.arn",
                "a.b[0].c[\"k\"]               | a.b[0].c[\"k\"]",
                "a[b[1]]                       | a[b[1]]",
                "a.0.b                         | a.0.b",
                "a.0[1]                        | a.0[1]",
                "a[*].b.c                      | (a[*].b.c)",
                "a[*].b[0]                     | (a[*].b[0])",
                "a.*.b.c                       | (a.*.b.c)",
                "a.*.b[0]                      | (a.*.b)[0]",
                "a.*[0]                        | (a.*)[0]",
                "a[*]                          | (a[*])",
                "a.*                           | (a.*)",
                "x.y[*].z                      | (x.y[*].z)",
                "f(x)[0].y                     | f(x)[0].y",
                "[1, 2][0]                     | [1, 2][0]",
                "(a.b).c                       | a.b.c",
                "\"s\".length                  | \"s\".length"})
        void attributeAccessIndexesAndSplats(String written, String shape) {
            assertThat(of(written)).isEqualTo(shape);
        }

        @Test
        void stepsAreLocated() {
            Expression.Traversal t = (Expression.Traversal) parse("v = a.b[0].1").body().attribute("v").orElseThrow().value();
            assertThat(t.source()).isEqualTo(new Expression.Variable("a", t.source().span()));
            assertThat(t.steps()).hasSize(3);
            assertThat(t.steps().get(0)).isInstanceOf(TraversalStep.GetAttr.class);
            assertThat(t.steps().get(1).location()).isEqualTo(at(1, 8));
            assertThat(((TraversalStep.Index) t.steps().get(2)).legacy()).isTrue();
            assertThat(t.steps().get(2).span().text()).isEqualTo(".1");
            assertThat(t.text()).isEqualTo("a.b[0].1");
        }

        @Test
        void splatKinds() {
            Expression.Splat full = (Expression.Splat) parse("v = a[*].b").body().attribute("v").orElseThrow().value();
            assertThat(full.kind()).isEqualTo(Expression.SplatKind.FULL);
            assertThat(full.each()).hasSize(1);
            assertThat(full.text()).isEqualTo("a[*].b");
            Expression.Traversal afterAttributeSplat =
                    (Expression.Traversal) parse("v = a.*.b[0]").body().attribute("v").orElseThrow().value();
            Expression.Splat attributes = (Expression.Splat) afterAttributeSplat.source();
            assertThat(attributes.kind()).isEqualTo(Expression.SplatKind.ATTRIBUTES);
            assertThat(attributes.text()).isEqualTo("a.*.b");
        }
    }

    @Nested
    class Calls {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "f()                                | f()",
                "max(1, 2, 3)                       | max(1, 2, 3)",
                "max(1, 2,)                         | max(1, 2)",
                "max(list...)                       | max(list...)",
                "max(1, list...)                    | max(1, list...)",
                "merge(var.a, {x = 1})              | merge(var.a, {x = 1})",
                "provider::aws::arn_parse(var.arn)  | provider::aws::arn_parse(var.arn)",
                "lower(upper(\"a\"))                | lower(upper(\"a\"))"})
        void functionCalls(String written, String shape) {
            assertThat(of(written)).isEqualTo(shape);
        }

        @Test
        void expandFinalAndArguments() {
            Expression.FunctionCall call =
                    (Expression.FunctionCall) parse("v = concat(a, b...)").body().attribute("v").orElseThrow().value();
            assertThat(call.name()).isEqualTo("concat");
            assertThat(call.arguments()).hasSize(2);
            assertThat(call.expandFinal()).isTrue();
            assertThat(call.text()).isEqualTo("concat(a, b...)");
        }

        @Test
        void newlinesDoNotCountInsideParenthesesAndBrackets() {
            Body body = parse("""
                    v = merge(
                      var.tags,
                      {
                        Name = "x"
                      },
                    )
                    w = [
                      1,
                      2
                      ,3
                    ]
                    x = (
                      a
                      +
                      b
                    )
                    y = a[
                      0
                    ]
                    """).body();
            assertThat(of(body.attribute("v").orElseThrow().value())).isEqualTo("merge(var.tags, {Name = \"x\"})");
            assertThat(of(body.attribute("w").orElseThrow().value())).isEqualTo("[1, 2, 3]");
            assertThat(of(body.attribute("x").orElseThrow().value())).isEqualTo("(a + b)");
            assertThat(of(body.attribute("y").orElseThrow().value())).isEqualTo("a[0]");
        }
    }

    @Nested
    class Collections {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "[]                           | []",
                "[1, \"a\", true, null]       | [1, \"a\", true, null]",
                "[1, 2,]                      | [1, 2]",
                "[[1], [2, [3]]]              | [[1], [2, [3]]]",
                "{}                           | {}",
                "{a = 1, b = 2}               | {a = 1, b = 2}",
                "{a: 1, \"b\": 2}             | {a = 1, (\"b\") = 2}",
                "{(k) = 1, (k.x) = 2}         | {(k) = 1, (k.x) = 2}",
                "{a = {b = [1]}}              | {a = {b = [1]}}",
                "{a = 1,}                     | {a = 1}",
                "{true = 1, null = 2}         | {true = 1, null = 2}",
                "{\"${p}-x\" = 1}             | {(\"${p}-x\") = 1}",
                "{a.b = 1}                    | {(a.b) = 1}"})
        void tuplesAndObjects(String written, String shape) {
            assertThat(of(written)).isEqualTo(shape);
        }

        @Test
        void objectItemsSeparatedByNewlinesOrCommas() {
            Body body = parse("""
                    tags = {
                      Name        = "orders"
                      "team:name" = "payments",
                      (var.key)   = var.value

                      Empty = ""
                    }
                    """).body();
            Expression.ObjectConstructor tags = (Expression.ObjectConstructor) body.attribute("tags").orElseThrow().value();
            assertThat(tags.items()).extracting(i -> i.key().staticName().orElse("?"))
                    .containsExactly("Name", "team:name", "?", "Empty");
            assertThat(tags.items().get(0).key()).isInstanceOf(ObjectItem.Key.Name.class);
            assertThat(tags.items().get(1).key()).isInstanceOf(ObjectItem.Key.Computed.class);
            assertThat(tags.items().get(2).key().span().text()).isEqualTo("var.key");
            assertThat(tags.items().get(3).location()).isEqualTo(at(6, 3));
        }
    }

    @Nested
    class ForExpressions {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "[for v in x : v]                        | [for v in x : v]",
                "[for k, v in x : v if k != \"a\"]       | [for k, v in x : v if (k != \"a\")]",
                "[for v in x: upper(v)]                  | [for v in x : upper(v)]",
                "{for k, v in x : k => v}                | {for k, v in x : k => v}",
                "{for k, v in x : v.g => k...}           | {for k, v in x : v.g => k...}",
                "{for k, v in x : k => v... if v != 0}   | {for k, v in x : k => v... if (v != 0)}",
                "[for v in a ? b : c : v]                | [for v in (a ? b : c) : v]",
                "[for v in [for w in x : w] : v]         | [for v in [for w in x : w] : v]",
                "{for s in var.list : s => {name = s}}   | {for s in var.list : s => {name = s}}"})
        void forTuplesAndForObjects(String written, String shape) {
            assertThat(of(written)).isEqualTo(shape);
        }

        @Test
        void multiLineForObjectIgnoresNewlines() {
            Body body = parse("""
                    v = {
                      for name, fn in var.functions :
                      name => fn.arn
                      if fn.enabled
                    }
                    w = [
                      for x in var.list :
                      x
                    ]
                    """).body();
            Expression.ForObject v = (Expression.ForObject) body.attribute("v").orElseThrow().value();
            assertThat(v.keyVariable()).contains("name");
            assertThat(v.valueVariable()).isEqualTo("fn");
            assertThat(of(v)).isEqualTo("{for name, fn in var.functions : name => fn.arn if fn.enabled}");
            assertThat(v.grouping()).isFalse();
            assertThat(of(body.attribute("w").orElseThrow().value())).isEqualTo("[for x in var.list : x]");
        }
    }

    @Nested
    class Templates {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "\"${var.a}\"                               | \"${var.a}\"",
                "\"arn:${p}:${r}/x\"                        | \"arn:${p}:${r}/x\"",
                "\"${a + 1}${b}\"                           | \"${(a + 1)}${b}\"",
                "\"${ \"nested ${x}\" }\"                   | \"${\"nested ${x}\"}\"",
                "\"%{if a}yes%{endif}\"                     | \"%{if a}yes%{endif}\"",
                "\"%{if a}yes%{else}no%{endif}\"            | \"%{if a}yes%{else}no%{endif}\"",
                "\"%{ for x in xs }${x},%{ endfor }\"       | \"%{for x in xs}${x},%{endfor}\"",
                "\"%{for k, v in m}${k}=${v}%{endfor}\"     | \"%{for k, v in m}${k}=${v}%{endfor}\"",
                "\"%{if a}%{for x in y}${x}%{endfor}%{else}-%{endif}!\" | \"%{if a}%{for x in y}${x}%{endfor}%{else}-%{endif}!\"",
                "\"a ${~ b ~} c\"                           | \"a${b}c\"",
                "\"a ${b ~}  \\n c\"                        | \"a ${b}c\"",
                "\"%{ if true ~} hello %{~ endif }\"        | \"%{if true}hello%{endif}\"",
                "\"${\"hello\" ~}${\" world\"}\"            | \"${\"hello\"}${\" world\"}\"",
                "\"x ${a} y\"                               | \"x ${a} y\""})
        void interpolationsDirectivesAndStripMarkers(String written, String shape) {
            assertThat(of(written)).isEqualTo(shape);
        }

        @Test
        void partsAreLocated() {
            Expression.Template t = (Expression.Template) parse("v = \"a${b}%{if c}d%{endif}\"")
                    .body().attribute("v").orElseThrow().value();
            assertThat(t.parts()).hasSize(3);
            assertThat(t.parts().get(0).location()).isEqualTo(at(1, 6));
            assertThat(t.parts().get(1).span().text()).isEqualTo("${b}");
            assertThat(t.parts().get(2).span().text()).isEqualTo("%{if c}d%{endif}");
            assertThat(t.literalValue()).isEmpty();
            assertThat(t.unwrapped()).isEmpty();
            Expression.Template only = (Expression.Template) parse("v = \"${x}\"").body().attribute("v").orElseThrow().value();
            assertThat(only.unwrapped()).hasValueSatisfying(e -> assertThat(of(e)).isEqualTo("x"));
        }

        @Test
        void heredocsKeepTheirLinesAndInterpolations() {
            Body body = parse("""
                    policy = <<EOF
                    {
                      "Effect": "Allow",
                      "Resource": "${aws_sqs_queue.q.arn}"
                    }
                    EOF
                    next = 1
                    """).body();
            Expression.Template t = (Expression.Template) body.attribute("policy").orElseThrow().value();
            assertThat(t.kind()).isEqualTo(Expression.TemplateKind.HEREDOC);
            assertThat(Shapes.parts(t.parts())).isEqualTo(
                    "{\\n  \\\"Effect\\\": \\\"Allow\\\",\\n  \\\"Resource\\\": \\\"${aws_sqs_queue.q.arn}\\\"\\n}\\n");
            assertThat(t.text()).startsWith("<<EOF\n{").endsWith("}\nEOF");
            assertThat(body.attribute("next").orElseThrow().location()).isEqualTo(at(7, 1));
        }

        @Test
        void flushHeredocsLoseTheirCommonIndentation() {
            Body body = parse("""
                    block {
                      script = <<-EOT
                        #!/bin/sh
                          echo "${var.name}"

                        %{ if var.debug }set -x%{ endif }
                        exit 0
                        EOT
                    }
                    """).body();
            Expression.Template t = (Expression.Template) body.blocks().get(0).body().attribute("script").orElseThrow().value();
            assertThat(t.kind()).isEqualTo(Expression.TemplateKind.FLUSH_HEREDOC);
            assertThat(Shapes.parts(t.parts()))
                    .isEqualTo("#!/bin/sh\\n  echo \\\"${var.name}\\\"\\n\\n%{if var.debug}set -x%{endif}\\nexit 0\\n");
        }

        @Test
        void aFlushHeredocLineStartingWithAnInterpolationKeepsAllIndentation() {
            Expression.Template t = (Expression.Template) parse("v = <<-EOT\n    a\n${b}\n    c\nEOT\n")
                    .body().attribute("v").orElseThrow().value();
            assertThat(Shapes.parts(t.parts())).isEqualTo("    a\\n${b}\\n    c\\n");
        }

        @Test
        void inAHeredocAStripMarkerStripsOnlyTheRestOfItsLine() {
            // As HashiCorp's parser does: literal text is cut at line ends, and a marker strips one piece.
            Expression.Template t = (Expression.Template) parse("v = <<EOT\n%{ for x in xs ~}\n  - ${x}\n%{ endfor ~}\nEOT\n")
                    .body().attribute("v").orElseThrow().value();
            assertThat(Shapes.parts(t.parts())).isEqualTo("%{for x in xs}  - ${x}\\n%{endfor}");
        }

        @Test
        void aPlainHeredocKeepsItsIndentation() {
            Expression.Template t = (Expression.Template) parse("v = <<EOT\n    a\n      b\n    EOT\n")
                    .body().attribute("v").orElseThrow().value();
            assertThat(t.literalValue()).contains("    a\n      b\n");
        }

        @Test
        void heredocsInsideCallsAndWithTemplateEscapes() {
            Body body = parse("""
                    v = jsondecode(<<JSON
                    {"a": "$${literal}", "b": "%%{x}"}
                    JSON
                    )
                    w = 2
                    """).body();
            Expression.FunctionCall call = (Expression.FunctionCall) body.attribute("v").orElseThrow().value();
            assertThat(((Expression.Template) call.arguments().get(0)).literalValue())
                    .contains("{\"a\": \"${literal}\", \"b\": \"%{x}\"}\n");
            assertThat(body.attribute("w")).isPresent();
        }

        @Test
        void anEmptyHeredocAndOneThatEndsTheFile() {
            assertThat(((Expression.Template) parse("v = <<EOF\nEOF\n").body().attribute("v").orElseThrow().value())
                    .literalValue()).contains("");
            assertThat(((Expression.Template) parse("v = <<EOF\nx\n  EOF").body().attribute("v").orElseThrow().value())
                    .literalValue()).contains("x\n");
        }

        @Test
        void aLineThatOnlyStartsWithTheMarkerDoesNotEndTheHeredoc() {
            Expression.Template t = (Expression.Template) parse("v = <<EOF\nEOFX\nEOF x\nEOF\n")
                    .body().attribute("v").orElseThrow().value();
            assertThat(t.literalValue()).contains("EOFX\nEOF x\n");
        }

        @Test
        void nestedHeredocsInsideInterpolations() {
            Expression.Template t = (Expression.Template) parse("v = <<A\nx ${trimspace(<<B\ninner\nB\n)} y\nA\n")
                    .body().attribute("v").orElseThrow().value();
            assertThat(Shapes.parts(t.parts())).isEqualTo("x ${trimspace(<<\"inner\\n\")} y\\n");
        }
    }

    @Test
    void aRealisticLambdaConfiguration() {
        HclFile file = parse("""
                locals {
                  functions = {
                    for name, cfg in var.functions : name => merge(cfg, { memory = try(cfg.memory, 128) })
                    if cfg.enabled
                  }
                }

                resource "aws_lambda_function" "this" {
                  for_each      = local.functions
                  function_name = "${var.prefix}-${each.key}"
                  role          = aws_iam_role.lambda[each.key].arn
                  handler       = each.value.handler
                  runtime       = lookup(each.value, "runtime", "python3.12")
                  memory_size   = each.value.memory
                  timeout       = each.value.timeout != null ? each.value.timeout : 30
                  layers        = [for l in aws_lambda_layer_version.shared : l.arn]
                  subnet_ids    = aws_subnet.private[*].id

                  environment {
                    variables = { STAGE = var.stage, TABLE = aws_dynamodb_table.t.name }
                  }

                  dynamic "vpc_config" {
                    for_each = var.vpc == null ? [] : [var.vpc]
                    content {
                      subnet_ids = vpc_config.value.subnets
                    }
                  }
                }
                """);
        Block fn = file.body().blocks("resource").get(0);
        assertThat(fn.body().attributes()).hasSize(9);
        assertThat(of(fn.body().attribute("role").orElseThrow().value())).isEqualTo("aws_iam_role.lambda[each.key].arn");
        assertThat(of(fn.body().attribute("timeout").orElseThrow().value()))
                .isEqualTo("((each.value.timeout != null) ? each.value.timeout : 30)");
        assertThat(of(fn.body().attribute("subnet_ids").orElseThrow().value())).isEqualTo("(aws_subnet.private[*].id)");
        assertThat(fn.body().blocks("dynamic").get(0).body().blocks("content")).hasSize(1);
        assertThat(of(file.body().blocks("locals").get(0).body().attribute("functions").orElseThrow().value()))
                .isEqualTo("{for name, cfg in var.functions : name => merge(cfg, {memory = try(cfg.memory, 128)})"
                        + " if cfg.enabled}");
    }

    @Test
    void spansCarryTheExactSourceTextIncludingUnicode() {
        HclFile file = parse("a = \"😀\" # smile\nb = [\"é\", 1]\n");
        assertThat(file.body().attribute("b").orElseThrow().value().text()).isEqualTo("[\"é\", 1]");
        assertThat(file.body().attribute("a").orElseThrow().span().text()).isEqualTo("a = \"😀\"");
        Span span = file.body().attribute("b").orElseThrow().value().span();
        assertThat(span.startOffset()).isEqualTo("a = \"😀\" # smile\nb = ".length());
        assertThat(span).isEqualTo(file.body().attribute("b").orElseThrow().value().span());
        assertThat(span.toString()).isEqualTo("main.tf:2:5");
    }

    @Test
    void readingTheSameTextTwiceGivesEqualTrees() {
        String text = "a = [for x in y : x.z if x != null]\nb \"c\" { d = \"${e}\" }\n";
        assertThat(parse(text)).isEqualTo(parse(text));
        assertThat(parse(text).hashCode()).isEqualTo(parse(text).hashCode());
        assertThat(List.of(parse(text).body().items().get(1))).hasOnlyElementsOfType(Block.class);
    }
}
