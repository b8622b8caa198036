package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.parsers.hcl.Expression;
import io.lambda2azure.parsers.hcl.HclJson;
import io.lambda2azure.parsers.hcl.JsonValue;
import io.lambda2azure.parsers.hcl.TemplatePart;
import io.lambda2azure.core.source.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Terraform's JSON syntax ({@code .tf.json}) reads as the same configuration in native syntax does. */
class TerraformJsonTest {

    @TempDir
    Path dir;
    TerraformFixture tf;

    @BeforeEach
    void fixture() {
        tf = new TerraformFixture(dir);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TerraformJsonTest.class.getResource("/terraform/" + name).toURI());
    }

    @Test
    void aJsonConfigurationGivesTheModelItsNativeTwinGives() throws Exception {
        ServerlessApp json = TerraformReader.read(resource("json"));
        ServerlessApp hcl = TerraformReader.read(resource("native"));
        assertThat(json.functions()).hasSize(1);
        assertThat(json.functions().get(0).events()).hasSize(1);
        assertThat(json.parameters().get(0).allowedValues()).hasSize(2);
        assertThat(LocationBlindDiff.of(hcl, json, SamTerraformEquivalenceTest.MODEL)).isEmpty();
        // Locations point into the JSON file.
        assertThat(json.functions().get(0).location().file()).endsWith("main.tf.json");
        assertThat(json.functions().get(0).location().line()).isEqualTo(26);
    }

    @Test
    void stringsAreTemplatesLocatedInTheFile() throws Exception {
        JsonValue root = HclJson.parse("x.tf.json", "{\n  \"a\": \"q-${var.stage}\\t${local.b}\"\n}");
        JsonValue.Str value = (JsonValue.Str) ((JsonValue.Obj) root).members().get(0).value();
        Expression.Template template = (Expression.Template) HclJson.expression("x.tf.json", value);
        assertThat(template.parts()).hasSize(4);
        assertThat(template.parts().get(1)).isInstanceOfSatisfying(TemplatePart.Interpolation.class, i -> {
            assertThat(i.expression().text()).isEqualTo("var.stage");
            assertThat(i.location().toString()).isEqualTo("x.tf.json:2:11");
        });
        assertThat(((TemplatePart.Literal) template.parts().get(2)).value()).isEqualTo("\t");
    }

    @Test
    void jsonProblemsAreLocated() {
        tf.files("main.tf.json", """
                {
                  "resource": {
                    "aws_sqs_queue": {
                      "q": { "name": "${var.}" }
                    }
                  },
                  "resourc": {}
                }
                """, "other.tf.json", "{\"variable\": {\"a\": {\"default\": 1,}}}");
        assertThat(tf.problems()).containsExactly(
                "main.tf.json:4:29: expected an attribute name or a number after '.', found '}'",
                "main.tf.json:7:3: unknown top-level property 'resourc'; expected a block type: check, data, import,"
                        + " locals, module, moved, output, provider, removed, resource, terraform, variable",
                "other.tf.json:1:34: invalid JSON: Unexpected character ('}' (code 125)): was expecting double-quote"
                        + " to start field name");
    }

    @Test
    void aJsonFileMustHoldAnObject() {
        tf.files("main.tf.json", "[1, 2]");
        assertThatThrownBy(tf::read).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("main.tf.json:1:1: a .tf.json file must hold a JSON object of block types");
    }
}
