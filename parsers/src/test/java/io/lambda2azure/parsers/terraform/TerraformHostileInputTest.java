package io.lambda2azure.parsers.terraform;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.ServerlessApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Configurations built to exhaust the reader end in a located problem or a bounded model, quickly. */
@Timeout(30)
class TerraformHostileInputTest {

    @TempDir
    Path dir;
    TerraformFixture tf;

    @BeforeEach
    void fixture() {
        tf = new TerraformFixture(dir);
    }

    @Test
    void aModuleCallingItselfIsRefused() {
        tf.files("main.tf", """
                module "again" {
                  source = "./"
                }
                """);
        assertThat(tf.problems()).containsExactly("main.tf:2:3: module 'again' calls ./, a module it is itself part"
                + " of; modules must not call themselves");
    }

    @Test
    void modulesNestedTooDeeplyAreRefused() {
        for (int i = 0; i < 20; i++) {
            tf.files("m" + i + "/main.tf", "module \"next\" {\n  source = \"../m" + (i + 1) + "\"\n}\n");
        }
        tf.files("m20/main.tf", "resource \"aws_sqs_queue\" \"q\" {}\n", "main.tf", "module \"first\" {\n  source = \"./m0\"\n}\n");
        assertThat(tf.problems()).singleElement().asString()
                .endsWith("main.tf:2:3: local modules nest more than 16 levels deep here; configurations that deep are"
                        + " not read");
    }

    @Test
    void hugeCountsAreNotExpanded() throws Exception {
        ServerlessApp app = tf.main("""
                resource "aws_sqs_queue" "q" {
                  count = 100000000
                }
                """);
        assertThat(app.resources()).isEmpty();
        assertThat(app.unsupportedResources()).singleElement().satisfies(u ->
                assertThat(u.reason()).contains("its count (100000000) is only known when Terraform plans"));
    }

    @Test
    void longChainsOfLocalsEndInALocatedProblem() {
        String locals = IntStream.range(0, 400).mapToObj(i -> "  l" + i + " = local.l" + (i + 1))
                .collect(Collectors.joining("\n", "locals {\n", "\n  l400 = 1\n}\n"));
        tf.files("main.tf", locals + "output \"o\" {\n  value = local.l0\n}\n");
        assertThat(tf.problems()).singleElement().asString().contains("values refer to each other more than 200"
                + " levels deep here");
    }

    @Test
    void localsThatUseEachOtherTwiceAreComputedOnceWithTheVariablesAtTheirDefaults() throws Exception {
        // Each local uses the one before twice: computed again for every use, 2^60 evaluations would never end.
        String locals = IntStream.range(1, 61).mapToObj(i -> "  l" + i + " = merge(local.l" + (i - 1) + ", local.l"
                + (i - 1) + ")").collect(Collectors.joining("\n", "locals {\n  l0 = var.queues\n", "\n}\n"));
        ServerlessApp app = tf.main("variable \"queues\" {\n  default = { orders = 30 }\n}\n" + locals
                + "resource \"aws_sqs_queue\" \"q\" {\n  for_each = local.l60\n}\n");
        assertThat(app.resources()).extracting(r -> r.logicalId()).containsExactly("QOrders");
    }

    @Test
    void forExpressionsOverLargeCollectionsStaySymbolic() throws Exception {
        String items = IntStream.range(0, 2000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        ServerlessApp app = tf.main("output \"o\" {\n  value = [for x in [" + items + "] : x]\n}\n");
        assertThat(app.outputs().get(0).value()).isInstanceOf(Expr.Unknown.class);
    }
}
