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
        // The SQS worker's queue event is a Service Bus trigger with its identity-based connection.
        assertThat(plan.findValues("binding")).filteredOn(b -> !b.isNull())
                .extracting(b -> b.get("type").asText()).contains("serviceBusTrigger", "timerTrigger");
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
