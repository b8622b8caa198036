package io.lambda2azure.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line run in-process, as a user runs it: arguments in, exit code and both streams out. */
class MainTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String SAM_TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Description: Orders test app
            Parameters:
              Stage:
                Type: String
                Default: dev
                AllowedValues: [dev, prod]
            Resources:
              OrdersTable:
                Type: AWS::Serverless::SimpleTable
              OrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: java21
                  Handler: com.example.orders.Handler::handleRequest
                  CodeUri: target/orders.jar
                  MemorySize: 1024
                  Timeout: 15
                  SnapStart:
                    ApplyOn: PublishedVersions
                  Environment:
                    Variables:
                      TABLE_NAME: !Ref OrdersTable
                      STAGE: !Ref Stage
                  Events:
                    GetOrder:
                      Type: Api
                      Properties:
                        Path: /orders/{id}
                        Method: get
                    Nightly:
                      Type: Schedule
                      Properties:
                        Schedule: cron(0 2 * * ? *)
              OpsDashboard:
                Type: AWS::CloudWatch::Dashboard
                Properties:
                  DashboardBody: '{"widgets": []}'
            """;

    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    static Run run(String... args) {
        return run(Map.of(), null, args);
    }

    static Run run(Map<String, String> env, TemplateReader reader, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = reader == null
                ? Main.run(new PrintWriter(out), new PrintWriter(err), env, args)
                : Main.run(new PrintWriter(out), new PrintWriter(err), env, reader, args);
        return new Run(code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    // ---- usage ------------------------------------------------------------------------------------

    @Test
    void printsTheVersion() {
        Run run = run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("lambda2azure \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void printsHelpListingInspect() {
        Run run = run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: lambda2azure").contains("inspect").contains("Exit codes:");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void printsInspectHelp() {
        Run run = run("inspect", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: lambda2azure inspect").contains("<input>").contains("--json");
    }

    @Test
    void failsWithUsageWhenNoCommandIsGiven() {
        Run run = run();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("lambda2azure: error: a command is required\n").contains("Usage:");
    }

    @Test
    void failsWithExitCode2OnAnUnknownOption() {
        Run run = run("inspect", "--yaml", "template.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("lambda2azure inspect: error: Unknown option: '--yaml'")
                .contains("Try 'lambda2azure inspect --help' for more information.");
    }

    @Test
    void failsWithExitCode2OnAnUnknownCommand() {
        Run run = run("inspekt", "template.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("lambda2azure: error: Unmatched arguments").contains("inspect");
    }

    @Test
    void failsWithExitCode2WhenTheTemplateIsMissingFromTheArguments() {
        Run run = run("inspect");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter: '<input>'");
    }

    // ---- input errors -----------------------------------------------------------------------------

    @Test
    void reportsAMissingFileAtItsPath() {
        Path missing = dir.resolve("missing.yaml");
        Run run = run("inspect", missing.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().startsWith(missing + ": error: ");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void reportsAMalformedTemplateWithFileLineAndColumn() throws IOException {
        Path template = write("broken.yaml", """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties: [unclosed
                """);
        Run run = run("inspect", template.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).isNotEmpty().allSatisfy(line ->
                assertThat(line).matches("\\Q" + template + "\\E:\\d+:\\d+: error: .+"));
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void reportsAnInvalidTemplateWithFileLineAndColumn() throws IOException {
        Path template = write("invalid.json", """
                {
                  "Resources": ["OrdersFunction"]
                }
                """);
        Run run = run("inspect", "--json", template.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith(template + ":2:").contains(": error: ").contains("Resources");
    }

    @Test
    void inspectsATerraformDirectory() {
        Path terraform = Examples.template("queue-worker").resolveSibling("terraform");
        Run run = run("inspect", terraform.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(terraform + " (Terraform)\n")
                .contains("ShipOrderFunction (terraform-aws-modules/lambda/aws)")
                .contains("role:         generated by the module terraform-aws-modules/lambda/aws");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void theInputOptionForcesTheKind() throws IOException {
        Path file = write("queue.hcl", "resource \"aws_sqs_queue\" \"jobs\" {}\n");
        Run forced = run("inspect", "--input", "terraform", file.toString());
        assertThat(forced.exitCode()).isZero();
        assertThat(forced.out()).contains("Jobs (aws_sqs_queue)");

        Run template = run("inspect", file.toString());
        assertThat(template.exitCode()).isEqualTo(2);

        Run unknown = run("inspect", "--input", "pulumi", file.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--input must be cloudformation, sam or terraform, not 'pulumi'");
    }

    @Test
    void reportsTheProblemsOfATerraformConfigurationAtTheirPlaces() throws IOException {
        Files.createDirectories(dir.resolve("tf"));
        Files.writeString(dir.resolve("tf/a.tf"), "resource \"aws_sqs_queue\" \"q\" {\n  name = var.nope\n}\n");
        Files.writeString(dir.resolve("tf/b.tf"), "locals {\n  x = = 1\n}\n");
        Run run = run("inspect", dir.resolve("tf").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                dir.resolve("tf/a.tf") + ":2:10: error: reference to undeclared input variable 'nope'; declare it with"
                        + " a variable block",
                dir.resolve("tf/b.tf") + ":2:7: error: expected an expression after 'x =', found '='");
    }

    @Test
    void printsEveryProblemInSourceOrder() {
        TemplateReader reader = (path, kind) -> {
            throw new InvalidInputException(List.of(
                    new Problem(new SourceLocation("t.yaml", 9, 5), "second"),
                    new Problem(new SourceLocation("t.yaml", 3, 7), "first")));
        };
        Run run = run(Map.of(), reader, "inspect", "t.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("t.yaml:3:7: error: first", "t.yaml:9:5: error: second");
    }

    // ---- internal errors --------------------------------------------------------------------------

    @Test
    void reportsAnInternalErrorOnOneLineWithExitCode70() {
        TemplateReader reader = (path, kind) -> {
            throw new IllegalStateException("boom\nat the second line");
        };
        Run run = run(Map.of(), reader, "inspect", "t.yaml");
        assertThat(run.exitCode()).isEqualTo(70);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("lambda2azure: internal error: java.lang.IllegalStateException: boom at the second line")
                .contains("LAMBDA2AZURE_DEBUG");
    }

    @Test
    void reportsAStackOverflowAsAnInternalError() {
        TemplateReader reader = (path, kind) -> {
            throw new StackOverflowError();
        };
        Run run = run(Map.of(), reader, "inspect", "t.yaml");
        assertThat(run.exitCode()).isEqualTo(70);
        assertThat(run.errLines()).singleElement().asString().contains("StackOverflowError");
    }

    @Test
    void printsTheStackTraceOfAnInternalErrorInDebugMode() {
        TemplateReader reader = (path, kind) -> {
            throw new IllegalStateException("boom");
        };
        Run run = run(Map.of("LAMBDA2AZURE_DEBUG", "1"), reader, "inspect", "t.yaml");
        assertThat(run.exitCode()).isEqualTo(70);
        assertThat(run.err()).startsWith("lambda2azure: internal error: java.lang.IllegalStateException: boom\n")
                .contains("\tat ");
    }

    // ---- inspecting templates ---------------------------------------------------------------------

    @Test
    void summarisesATemplate() throws IOException {
        Path template = write("template.yaml", SAM_TEMPLATE);
        Run run = run("inspect", template.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith(template + " (AWS SAM)\nDescription: Orders test app\n")
                .contains("Parameters (1):\n  Stage: String, default dev, allowed dev | prod\n")
                .contains("  OrdersFunction (AWS::Serverless::Function) at " + template + ":")
                .contains("    runtime:      java21\n")
                .contains("    memory:       1024 MB\n")
                .contains("    environment:  TABLE_NAME, STAGE\n")
                .contains("      GetOrder: http (sam-event) at " + template + ":")
                .contains("        GET /orders/{id} on REST API")
                .contains("      Nightly: schedule (sam-event) at " + template + ":")
                .contains("        schedule cron(0 2 * * ? *)")
                .contains("OrdersTable (AWS::Serverless::SimpleTable): table")
                .containsPattern("Unsupported resources \\(1\\):\n  \\Q" + template
                        + "\\E:\\d+:\\d+: OpsDashboard \\(AWS::CloudWatch::Dashboard\\): ")
                .containsPattern("\n  \\Q" + template
                        + "\\E:\\d+:\\d+: OrdersFunction \\(AWS::Serverless::Function\\) SnapStart = ");
    }

    @Test
    void describesATemplateAsJson() throws IOException {
        Path template = write("template.yaml", SAM_TEMPLATE);
        Run run = run("inspect", "--json", template.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("source").textValue()).isEqualTo(template.toString());
        assertThat(json.get("inputKind").textValue()).isEqualTo("sam");

        JsonNode functions = json.get("functions");
        assertThat(functions.isArray()).isTrue();
        assertThat(functions).hasSize(1);
        JsonNode function = functions.get(0);
        assertThat(function.get("logicalId").textValue()).isEqualTo("OrdersFunction");
        assertThat(function.get("resourceType").textValue()).isEqualTo("AWS::Serverless::Function");
        assertThat(function.get("location").textValue()).matches("\\Q" + template + "\\E:\\d+:\\d+");
        assertThat(function.get("runtime").textValue()).isEqualTo("java21");
        assertThat(function.get("memorySize").intValue()).isEqualTo(1024);
        assertThat(function.get("timeout").intValue()).isEqualTo(15);
        assertThat(function.get("environment").get("TABLE_NAME").textValue()).isEqualTo("!Ref OrdersTable");
        assertThat(function.get("environment").get("STAGE").textValue()).isEqualTo("!Ref Stage");

        JsonNode events = function.get("events");
        assertThat(events).hasSize(2);
        JsonNode http = events.get(0);
        assertThat(http.get("id").textValue()).isEqualTo("GetOrder");
        assertThat(http.get("kind").textValue()).isEqualTo("http");
        assertThat(http.get("origin").textValue()).isEqualTo("sam-event");
        assertThat(http.get("location").textValue()).matches("\\Q" + template + "\\E:\\d+:\\d+");
        assertThat(http.get("path").textValue()).isEqualTo("/orders/{id}");
        assertThat(http.get("method").textValue()).isEqualTo("GET");
        JsonNode schedule = events.get(1);
        assertThat(schedule.get("kind").textValue()).isEqualTo("schedule");
        assertThat(schedule.get("expression").textValue()).isEqualTo("cron(0 2 * * ? *)");

        List<String> resourceIds = new ArrayList<>();
        json.get("resources").forEach(r -> resourceIds.add(r.get("logicalId").textValue()));
        assertThat(resourceIds).contains("OrdersTable");

        JsonNode unsupported = json.get("unsupportedResources");
        assertThat(unsupported).hasSize(1);
        assertThat(unsupported.get(0).get("logicalId").textValue()).isEqualTo("OpsDashboard");
        assertThat(unsupported.get(0).get("type").textValue()).isEqualTo("AWS::CloudWatch::Dashboard");
        assertThat(unsupported.get(0).get("reason").textValue()).isNotBlank();
        assertThat(unsupported.get(0).get("location").textValue()).matches("\\Q" + template + "\\E:\\d+:\\d+");

        JsonNode unmapped = json.get("unmappedProperties");
        List<String> paths = new ArrayList<>();
        unmapped.forEach(u -> paths.add(u.get("resourceId").textValue() + " " + u.get("path").textValue()));
        assertThat(paths).contains("OrdersFunction SnapStart");
        JsonNode snapStart = unmapped.get(paths.indexOf("OrdersFunction SnapStart"));
        assertThat(snapStart.get("value").get("ApplyOn").textValue()).isEqualTo("PublishedVersions");
        assertThat(snapStart.get("location").textValue()).matches("\\Q" + template + "\\E:\\d+:\\d+");
    }

    @Test
    void printsTheSameOutputEveryTime() throws IOException {
        Path template = write("template.yaml", SAM_TEMPLATE);
        assertThat(run("inspect", "--json", template.toString()).out())
                .isEqualTo(run("inspect", "--json", template.toString()).out());
        assertThat(run("inspect", template.toString()).out()).isEqualTo(run("inspect", template.toString()).out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http-api", "scheduled-job"})
    void inspectsTheExamples(String example) throws IOException {
        Path template = Examples.template(example);
        Run text = run("inspect", template.toString());
        assertThat(text.err()).isEmpty();
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).startsWith(template + " (AWS SAM)\n");

        Run run = run("inspect", "--json", template.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonNode json = MAPPER.readTree(run.out());
        assertThat(json.get("inputKind").textValue()).isEqualTo("sam");
        assertThat(json.get("functions")).isNotEmpty();
        json.get("functions").forEach(f -> assertThat(f.get("events")).isNotEmpty());
        assertThat(json.get("unsupportedResources")).isEmpty();
    }

    @Test
    void inspectsTheHttpApiExample() throws IOException {
        Path template = Examples.template("http-api");
        JsonNode json = MAPPER.readTree(run("inspect", "--json", template.toString()).out());
        List<String> routes = new ArrayList<>();
        json.get("functions").forEach(f -> f.get("events").forEach(e -> {
            assertThat(e.get("kind").textValue()).isEqualTo("http");
            routes.add(e.get("method").textValue() + " " + e.get("path").textValue());
        }));
        assertThat(routes).contains("POST /orders", "GET /orders/{orderId}");
        List<String> parameters = new ArrayList<>();
        json.get("parameters").forEach(p -> parameters.add(p.get("name").textValue()
                + (p.get("secret").booleanValue() ? " (secret)" : "")));
        assertThat(parameters).contains("Stage", "PaymentApiKey (secret)");

        String text = run("inspect", template.toString()).out();
        assertThat(text).contains("Conditions (1):\n  IsProd = !Equals [!Ref Stage, \"prod\"]\n")
                .contains("        POST /orders on REST API OrdersApi\n")
                .contains("        DELETE /orders/{orderId} on HTTP API ServerlessHttpApi\n")
                .contains("    environment:  ORDERS_TABLE, STAGE, LOG_LEVEL, POWERTOOLS_SERVICE_NAME, "
                        + "PAYMENT_API_KEY, PAYMENT_ENDPOINT\n");
    }
}
