package io.lambda2azure.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lambda2azure.core.model.event.EventKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InspectJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode render() throws Exception {
        return MAPPER.readTree(InspectJson.render(ModelFixtures.app()));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void topLevelKeysComeInTheDocumentedOrder() throws Exception {
        assertThat(fieldNames(render())).containsExactly("formatVersion", "source", "inputKind", "description",
                "parameters", "conditions", "mappings", "functions", "resources", "roles", "policies", "outputs",
                "unsupportedResources", "unmappedProperties");
    }

    @Test
    void describesTheApplication() throws Exception {
        JsonNode json = render();
        assertThat(json.get("formatVersion").intValue()).isEqualTo(1);
        assertThat(json.get("source").textValue()).isEqualTo("app/template.yaml");
        assertThat(json.get("inputKind").textValue()).isEqualTo("sam");
        assertThat(json.get("description").textValue()).isEqualTo("Orders service");
        assertThat(json.get("conditions").isArray()).isTrue();
    }

    @Test
    void rendersLiteralsAsScalarsAndExpressionsAsTheirNotation() throws Exception {
        JsonNode env = render().get("functions").get(0).get("environment");
        assertThat(fieldNames(env)).containsExactly("TABLE_NAME", "STAGE", "TABLE_ARN", "ENDPOINT", "RETRIES",
                "RATIO", "VERBOSE");
        assertThat(env.get("TABLE_NAME").textValue()).isEqualTo("!Ref OrdersTable");
        assertThat(env.get("STAGE").textValue()).isEqualTo("prod");
        assertThat(env.get("TABLE_ARN").textValue()).isEqualTo("!GetAtt OrdersTable.Arn");
        assertThat(env.get("ENDPOINT").textValue()).isEqualTo("!Sub \"https://${AWS::Region}.example.com\"");
        assertThat(env.get("RETRIES").isIntegralNumber()).isTrue();
        assertThat(env.get("RETRIES").intValue()).isEqualTo(3);
        assertThat(env.get("RATIO").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(env.get("VERBOSE").booleanValue()).isTrue();
    }

    @Test
    void describesFunctions() throws Exception {
        JsonNode function = render().get("functions").get(0);
        assertThat(fieldNames(function)).startsWith("logicalId", "resourceType", "location", "condition", "name",
                "description", "runtime", "handler", "code", "memorySize", "timeout").endsWith("events");
        assertThat(function.get("logicalId").textValue()).isEqualTo("CreateOrderFunction");
        assertThat(function.get("location").textValue()).isEqualTo("app/template.yaml:30:3");
        assertThat(function.get("runtime").textValue()).isEqualTo("python3.12");
        assertThat(function.get("memorySize").intValue()).isEqualTo(512);
        assertThat(function.get("condition").isNull()).isTrue();
        assertThat(function.get("code").get("type").textValue()).isEqualTo("zip");
        assertThat(function.get("code").get("location").textValue()).isEqualTo("src/");
        assertThat(function.get("layers").get(0).textValue()).isEqualTo("!Ref SharedLayer");
        assertThat(function.get("vpc").get("subnetIds").textValue()).isEqualTo("!Ref SubnetIds");
        assertThat(function.get("aliases").get(0).get("name").textValue()).isEqualTo("live");
        assertThat(function.get("policies").get(0).get("type").textValue()).isEqualTo("template");
        assertThat(function.get("policies").get(0).get("parameters").get("TableName").textValue())
                .isEqualTo("!Ref OrdersTable");
        assertThat(function.get("policies").get(1).get("arnOrName").textValue())
                .isEqualTo("AWSXRayDaemonWriteAccess");
    }

    @Test
    void describesEveryEventKind() throws Exception {
        JsonNode functions = render().get("functions");
        List<String> kinds = new ArrayList<>();
        functions.forEach(f -> f.get("events").forEach(e -> kinds.add(e.get("kind").textValue())));
        assertThat(kinds).hasSize(EventKind.values().length + 1) // two HTTP events
                .containsAll(Arrays.stream(EventKind.values()).map(EventKind::id).toList());

        JsonNode http = functions.get(0).get("events").get(0);
        assertThat(fieldNames(http)).containsExactly("id", "kind", "origin", "condition", "location", "apiKind",
                "apiId", "path", "method", "auth", "cors");
        assertThat(http.get("origin").textValue()).isEqualTo("sam-event");
        assertThat(http.get("apiKind").textValue()).isEqualTo("rest-api");
        assertThat(http.get("path").textValue()).isEqualTo("/orders");
        assertThat(http.get("method").textValue()).isEqualTo("POST");
        assertThat(http.get("auth").get("type").textValue()).isEqualTo("AWS_IAM");

        JsonNode queue = functions.get(1).get("events").get(0);
        assertThat(queue.get("origin").textValue()).isEqualTo("event-source-mapping");
        assertThat(queue.get("queue").textValue()).isEqualTo("!GetAtt JobsQueue.Arn");
        assertThat(fieldNames(queue.get("settings"))).containsExactly("BatchSize", "FunctionResponseTypes");
        assertThat(queue.get("settings").get("BatchSize").intValue()).isEqualTo(10);
        assertThat(queue.get("settings").get("FunctionResponseTypes").get(0).textValue())
                .isEqualTo("ReportBatchItemFailures");

        JsonNode topic = functions.get(1).get("events").get(1);
        assertThat(topic.get("condition").textValue()).isEqualTo("IsProd");

        JsonNode schedule = functions.get(1).get("events").get(8);
        assertThat(schedule.get("kind").textValue()).isEqualTo("schedule");
        assertThat(schedule.get("expression").textValue()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(schedule.get("scheduler").booleanValue()).isFalse();

        JsonNode rule = functions.get(1).get("events").get(9);
        assertThat(rule.get("pattern").get("source").get(0).textValue()).isEqualTo("orders");
    }

    @Test
    void describesResourcesRolesAndOutputs() throws Exception {
        JsonNode json = render();
        JsonNode table = json.get("resources").get(0);
        assertThat(table.get("kind").textValue()).isEqualTo("table");
        assertThat(table.get("resourceType").textValue()).isEqualTo("AWS::DynamoDB::Table");
        assertThat(table.get("key").get(0).get("keyType").textValue()).isEqualTo("HASH");
        assertThat(json.get("resources").get(1).get("visibilityTimeout").intValue()).isEqualTo(60);

        JsonNode statement = json.get("roles").get(0).get("statements").get(0);
        assertThat(statement.get("effect").textValue()).isEqualTo("Allow");
        assertThat(statement.get("actions").get(0).textValue()).isEqualTo("sqs:ReceiveMessage");
        assertThat(json.get("outputs").get(0).get("value").textValue())
                .isEqualTo("!Sub \"https://${ServerlessRestApi}.execute-api.example.com/\"");
    }

    @Test
    void neverShowsSecretValues() throws Exception {
        String text = InspectJson.render(ModelFixtures.app());
        assertThat(text).doesNotContain("s3cr3t-default").doesNotContain("hunter2");
        JsonNode json = MAPPER.readTree(text);
        assertThat(json.get("parameters").get(1).get("secret").booleanValue()).isTrue();
        assertThat(json.get("parameters").get(1).get("default").textValue()).isEqualTo("<redacted>");
        assertThat(json.get("resources").get(2).get("secretString").textValue()).isEqualTo("<redacted>");
    }

    @Test
    void describesDeviations() throws Exception {
        JsonNode json = render();
        JsonNode unsupported = json.get("unsupportedResources").get(0);
        assertThat(fieldNames(unsupported)).containsExactly("logicalId", "type", "reason", "nestedFunctionIds",
                "location");
        assertThat(unsupported.get("type").textValue()).isEqualTo("AWS::CloudWatch::Dashboard");
        assertThat(unsupported.get("location").textValue()).isEqualTo("app/template.yaml:105:3");

        JsonNode unmapped = json.get("unmappedProperties").get(0);
        assertThat(fieldNames(unmapped)).containsExactly("resourceId", "resourceType", "path", "value", "location");
        assertThat(unmapped.get("path").textValue()).isEqualTo("SnapStart");
        assertThat(unmapped.get("value").get("ApplyOn").textValue()).isEqualTo("PublishedVersions");
    }

    @Test
    void isStableAndPrettyPrintedWithTwoSpaces() {
        String first = InspectJson.render(ModelFixtures.app());
        assertThat(InspectJson.render(ModelFixtures.app())).isEqualTo(first);
        assertThat(first).startsWith("{\n  \"formatVersion\": 1,\n  \"source\": \"app/template.yaml\",\n")
                .contains("\n  \"conditions\": [],\n")
                .contains("\n      \"layers\": [\n        \"!Ref SharedLayer\"\n      ],\n")
                .endsWith("}\n")
                .doesNotContain("\r");
    }
}
