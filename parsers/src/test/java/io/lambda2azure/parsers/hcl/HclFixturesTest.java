package io.lambda2azure.parsers.hcl;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static io.lambda2azure.parsers.hcl.Shapes.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written fixtures in src/test/resources/hcl, read from disk: what they hold, as HashiCorp's parser
 * reads them too (HclOracleTest compares the two where Node.js is available; the expected templates below
 * are what that parser gave).
 */
class HclFixturesTest {

    private static HclFile read(String name) throws InvalidInputException {
        return HclReader.read(TfFiles.root().resolve("parsers/src/test/resources/hcl").resolve(name));
    }

    private static Expression attribute(Body body, String name) {
        return body.attribute(name).orElseThrow(() -> new AssertionError("no attribute " + name)).value();
    }

    @Test
    void lambda() throws InvalidInputException {
        HclFile file = read("lambda.tf");
        Body body = file.body();
        assertThat(body.blocks()).extracting(Block::type).containsExactly("terraform", "variable", "variable", "locals",
                "data", "resource", "resource", "resource", "resource", "output", "output");
        Block fn = body.blocks("resource").get(1);
        assertThat(fn.labelValues()).containsExactly("aws_lambda_function", "this");
        assertThat(fn.location()).isEqualTo(new SourceLocation(file.fileName(), 60, 1));
        assertThat(of(attribute(fn.body(), "timeout"))).isEqualTo("((each.key == \"batch\") ? 900 : 30)");
        assertThat(of(attribute(fn.body().blocks("dynamic").get(0).body().blocks("content").get(0).body(),
                "security_group_ids"))).isEqualTo("(aws_security_group.lambda[*].id)");
        assertThat(of(attribute(fn.body().blocks("lifecycle").get(0).body(), "ignore_changes")))
                .isEqualTo("[tags[\"CreatedAt\"]]");
        Body locals = body.blocks("locals").get(0).body();
        assertThat(of(attribute(locals, "by_runtime"))).isEqualTo("{for name, f in var.functions : f.runtime => name...}");
        Expression.Template policy = (Expression.Template) attribute(body.blocks("resource").get(2).body(), "policy");
        assertThat(Shapes.parts(policy.parts())).startsWith("{\\n  \\\"Version\\\": \\\"2012-10-17\\\",\\n")
                .contains("\\\"Resource\\\": \\\"${aws_sqs_queue.orders.arn}\\\"\\n  }]\\n}\\n");
        Block variable = body.blocks("variable").get(0);
        assertThat(of(attribute(variable.body(), "type"))).startsWith("map(object({handler = string, ");
    }

    @Test
    void expressions() throws InvalidInputException {
        Body body = read("expressions.tf").body();
        Body operators = body.blocks("operators").get(0).body();
        assertThat(of(attribute(operators, "arithmetic"))).isEqualTo("((1 + (2 * 3)) - ((4 / 2) % 3))");
        assertThat(of(attribute(operators, "comparison")))
                .isEqualTo("((var.a < 1) || ((var.b >= 2) && (var.c != \"x\")))");
        Body traversals = body.blocks("traversals").get(0).body();
        assertThat(of(attribute(traversals, "attr_splat"))).isEqualTo("(aws_instance.web.*.private_ip)");
        assertThat(of(attribute(traversals, "splat_index"))).isEqualTo("(aws_instance.web[*].network_interface[0].id)");
        assertThat(of(attribute(traversals, "legacy_index"))).isEqualTo("var.list.0");
        Body calls = body.blocks("calls").get(0).body();
        assertThat(of(attribute(calls, "provider_func"))).isEqualTo("provider::terraform::encode_tfvars({a = 1})");
        assertThat(of(attribute(calls, "expanded"))).isEqualTo("max(var.numbers...)");
        Body collections = body.blocks("collections").get(0).body();
        assertThat(of(attribute(collections, "computed_key"))).isEqualTo("{(var.key) = \"value\", (\"${var.prefix}-x\") = 1}");
        assertThat(body.blocks("labelled").get(0).labels()).extracting(Block.Label::quoted).containsExactly(true, false);
        assertThat(((Expression.Template) attribute(body.blocks("literals").get(0).body(), "escapes")).literalValue())
                .contains("tab\there \"quoted\" back\\slash é 😀 ${literal} %{literal}");
    }

    @Test
    void templates() throws InvalidInputException {
        Body body = read("templates.tf").body().blocks("templates").get(0).body();
        assertThat(of(attribute(body, "if_else")))
                .isEqualTo("\"Hello, %{if (var.name != \"\")}${var.name}%{else}unnamed%{endif}!\"");
        assertThat(of(attribute(body, "strip_if"))).isEqualTo("\"[%{if true}inside%{endif}]\"");
        // HashiCorp's parser strips '~}' before it removes the indentation, piece by piece: the lines after a
        // stripped newline keep their indentation.
        assertThat(of(attribute(body, "flush")))
                .isEqualTo("<<-\"indented\\n  more indented\\n%{for x in var.xs}    - ${x}\\n%{endfor}    done\\n\"");
        assertThat(((Expression.Template) attribute(body, "flush_literal")).literalValue())
                // The tab line has the fewest leading spaces: three characters, a tab counting as one.
                .contains("   deeper\n base\n\ntab and spaces\n ${not interpolated}\n end\n");
        assertThat(((Expression.Template) attribute(body, "only")).unwrapped()).isPresent();
    }

    @Test
    void locationsPointIntoTheFileAsNamed() throws InvalidInputException {
        Path path = TfFiles.root().resolve("parsers/src/test/resources/hcl/templates.tf");
        HclFile file = HclReader.read(path);
        assertThat(file.fileName()).isEqualTo(path.toString());
        assertThat(attribute(file.body().blocks().get(0).body(), "only").location())
                .isEqualTo(new SourceLocation(path.toString(), 4, 19));
    }
}
