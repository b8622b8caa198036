package io.lambda2azure.emitters.terraform;

import io.lambda2azure.emitters.fixtures.Fixtures;

import io.lambda2azure.core.azure.AzureDeployment;
import io.lambda2azure.emitters.terraform.HclExpr.Conditional;
import io.lambda2azure.emitters.terraform.HclExpr.IndexExpr;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectExpr;
import io.lambda2azure.emitters.terraform.HclExpr.ObjectItem;
import io.lambda2azure.emitters.terraform.HclExpr.Template;
import io.lambda2azure.emitters.terraform.HclExpr.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static io.lambda2azure.emitters.terraform.HclExpr.call;
import static io.lambda2azure.emitters.terraform.HclExpr.number;
import static io.lambda2azure.emitters.terraform.HclExpr.ref;
import static io.lambda2azure.emitters.terraform.HclExpr.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the real {@code terraform fmt -check} on every generated file, and on a file of layouts the fixtures do not
 * reach, when a {@code terraform} binary is on the PATH (skipped otherwise): the printer must leave nothing for
 * terraform fmt to change.
 */
class TerraformFmtTest {

    private static Path terraform;

    @BeforeAll
    static void findTerraform() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "terraform");
                if (Files.isExecutable(candidate)) {
                    terraform = candidate;
                    break;
                }
            }
        }
        assumeTrue(terraform != null, "skipped: no terraform binary on the PATH");
    }

    @Test
    void everyGeneratedFileIsAlreadyFormatted(@TempDir Path dir) throws Exception {
        for (Supplier<AzureDeployment> fixture : List.<Supplier<AzureDeployment>>of(Fixtures::flex,
                Fixtures::premium, Fixtures::dedicated, Fixtures::consumption, Fixtures::values,
                Fixtures::runtimes, Fixtures::events, Fixtures::apiManagement)) {
            AzureDeployment deployment = fixture.get();
            Path out = Files.createDirectories(dir.resolve("f" + Integer.toHexString(deployment.hashCode())));
            for (Map.Entry<String, String> file : TerraformEmitterGoldenTest.files(TerraformEmitter.emit(deployment))
                    .entrySet()) {
                // terraform fmt only reads .tf and .tfvars files.
                String name = file.getKey().endsWith(".example") ? "example.tfvars" : file.getKey();
                Files.writeString(out.resolve(name), file.getValue(), StandardCharsets.UTF_8);
            }
        }
        assertFormatted(dir);
    }

    @Test
    void unusualLayoutsAreAlreadyFormatted(@TempDir Path dir) throws Exception {
        ObjectExpr nested = new ObjectExpr(List.of(
                new ObjectItem(List.of(), "a", false, number(1)),
                new ObjectItem(List.of("comment"), "éé-long key", true, new Tuple(List.of(string("x"),
                        new ObjectExpr(List.of(new ObjectItem(List.of(), "deep", false, number(-1)))))))));
        BodyItem block = Body.block(List.of(), "locals", List.of(), new Body()
                .arg("conditional", new Conditional(ref("local", "c"), nested, new ObjectExpr(List.of())))
                .arg("merged", call("merge", ref("local", "x"), nested))
                .arg("indexed", new IndexExpr(nested, string("a")))
                .arg("template", new Template(List.of("a", "b", "$${"), List.of(ref("local", "x"),
                        call("lower", string("%{x}")))))
                .arg("short", number(1)));
        Files.writeString(dir.resolve("unusual.tf"), HclPrinter.print(new HclFile(List.of(block))),
                StandardCharsets.UTF_8);
        assertFormatted(dir);
    }

    private static void assertFormatted(Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(terraform.toString(), "fmt", "-check", "-recursive", "-diff", ".")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // Terraform warns on stderr when it has no CLI configuration file; only a diff or an error counts.
        assertThat(process.exitValue()).as(output).isZero();
    }
}
