package io.lambda2azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambda2azure.core.azure.AzureResource;
import io.lambda2azure.core.azure.PlanKind;
import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.emitters.hostjson.HostJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Lambda2AzureTest {

    @Test
    void readsTheHttpApiExample() throws InvalidInputException {
        Path root = Path.of(System.getProperty("lambda2azure.root", ".."));
        ServerlessApp app = Lambda2Azure.read(root.resolve("examples/http-api/template.yaml"));
        assertThat(app.inputKind()).isEqualTo(InputKind.SAM);
        assertThat(app.functions()).isNotEmpty();
        assertThat(app.eventSources()).isNotEmpty();
    }

    @Test
    void readsATerraformDirectoryOrFileAndTellsTheKindFromTheName(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("lambda2azure.root", ".."));
        Path terraform = root.resolve("examples/queue-worker/terraform");
        assertThat(Lambda2Azure.detect(terraform)).isEqualTo(InputKind.TERRAFORM);
        assertThat(Lambda2Azure.detect(terraform.resolve("main.tf"))).isEqualTo(InputKind.TERRAFORM);
        assertThat(Lambda2Azure.detect(root.resolve("examples/queue-worker/template.yaml")))
                .isEqualTo(InputKind.CLOUDFORMATION);
        ServerlessApp app = Lambda2Azure.read(terraform);
        assertThat(app.inputKind()).isEqualTo(InputKind.TERRAFORM);
        assertThat(app.functions()).extracting(f -> f.logicalId())
                .containsExactly("AcceptOrderFunction", "ShipOrderFunction", "InspectFailedOrderFunction");

        // A file whose name says nothing is read as what it is told to be.
        Path hcl = Files.writeString(dir.resolve("queue.hcl"), "resource \"aws_sqs_queue\" \"jobs\" {}\n");
        assertThat(Lambda2Azure.read(hcl, InputKind.TERRAFORM).resources()).extracting(r -> r.logicalId())
                .containsExactly("Jobs");
        assertThatThrownBy(() -> Lambda2Azure.read(hcl)).isInstanceOf(InvalidInputException.class);
        Conversion conversion = Lambda2Azure.convert(hcl, ConversionOptions.bicep(PlanKind.FLEX_CONSUMPTION)
                .withInput(InputKind.TERRAFORM));
        assertThat(conversion.app().inputKind()).isEqualTo(InputKind.TERRAFORM);
        assertThat(conversion.files()).containsKey("bicep/main.bicep");
    }

    @Test
    void aTerraformConfigurationConvertsLikeItsSamTwin() throws Exception {
        Path root = Path.of(System.getProperty("lambda2azure.root", ".."));
        Conversion sam = Lambda2Azure.convert(root.resolve("examples/clickstream/template.yaml"),
                ConversionOptions.both(PlanKind.FLEX_CONSUMPTION));
        Conversion terraform = Lambda2Azure.convert(root.resolve("examples/clickstream/terraform"),
                ConversionOptions.both(PlanKind.FLEX_CONSUMPTION));
        assertThat(terraform.files().keySet()).isEqualTo(sam.files().keySet());
        // The same resources, named the same, in both outputs.
        assertThat(symbols(terraform.files().get("bicep/main.bicep")))
                .isEqualTo(symbols(sam.files().get("bicep/main.bicep")));
    }

    private static List<String> symbols(String bicep) {
        return bicep.lines().filter(l -> l.startsWith("resource ")).map(l -> l.split(" ")[1]).toList();
    }

    @Test
    void writesTheMigrationPlanBesideTheReportsAndAHostJsonPerFunctionApp(@TempDir Path out) throws Exception {
        Path root = Path.of(System.getProperty("lambda2azure.root", ".."));
        Conversion conversion = Lambda2Azure.convert(root.resolve("examples/scheduled-job/template.yaml"),
                ConversionOptions.bicep(PlanKind.FLEX_CONSUMPTION));
        Lambda2Azure.write(conversion, out);

        assertThat(out.resolve("deviations.json")).isRegularFile();
        assertThat(out.resolve("migration-plan.json")).isRegularFile()
                .content().isEqualTo(conversion.files().get("migration-plan.json"));
        JsonNode plan = new ObjectMapper().readTree(out.resolve("migration-plan.json").toFile());
        assertThat(plan.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(plan.get("functions")).extracting(f -> f.get("awsFunction").asText())
                .containsExactlyElementsOf(conversion.app().functions().stream().map(f -> f.logicalId()).toList());
        // Every event has its trigger binding (the queue worker's is a Service Bus trigger), and no deviation.
        assertThat(plan.findValues("binding")).hasSize(3).allSatisfy(b -> assertThat(b.isObject()).isTrue());
        assertThat(plan.findValues("binding")).extracting(b -> b.get("type").asText()).contains("serviceBusTrigger");
        assertThat(plan.findValues("deviation")).allSatisfy(d -> assertThat(d.isNull()).isTrue());
        assertThat(plan.findValues("connection")).extracting(JsonNode::asText).contains("ServiceBusConnection");

        List<AzureResource.FunctionApp> apps = conversion.deployment().resources(AzureResource.FunctionApp.class);
        assertThat(apps).hasSizeGreaterThan(1);
        try (Stream<Path> dirs = Files.list(out.resolve("functions"))) {
            assertThat(dirs.map(d -> d.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
                    apps.stream().map(AzureResource.FunctionApp::symbol).toList());
        }
        for (AzureResource.FunctionApp app : apps) {
            Path hostJson = out.resolve("functions").resolve(app.symbol()).resolve("host.json");
            assertThat(hostJson).content().isEqualTo(HostJson.render(app)).startsWith("{\n  \"version\": \"2.0\",\n")
                    .contains("\"id\": \"Microsoft.Azure.Functions.ExtensionBundle\"");
        }
    }

    @Test
    void reportsAMissingFileAsInputProblem(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> Lambda2Azure.read(missing))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void reportsEveryProblemWithItsLocation(@TempDir Path dir) throws Exception {
        Path template = dir.resolve("template.yaml");
        Files.writeString(template, """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      Role: !GetAtt Missing.Arn
                      Handler: !Ref Nope
                """);
        assertThatThrownBy(() -> Lambda2Azure.read(template))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.location().line() + ":" + p.location().column())
                        .containsExactly("5:13", "6:16"));
    }
}
