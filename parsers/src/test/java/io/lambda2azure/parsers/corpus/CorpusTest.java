package io.lambda2azure.parsers.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.parsers.cloudformation.CloudFormationReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every template of the corpus is read without an exception, and the model has exactly the functions an
 * independent count of the raw document finds (minus those inside constructs the model lists as
 * unsupported).
 */
class CorpusTest {

    /**
     * Corpus inputs that are not valid CloudFormation: the SAM translator's unit tests feed it templates
     * that refer to names they never declare, because the translator does not check references, but
     * CloudFormation rejects them at deployment ("Unresolved resource dependencies"). The reader rejects
     * them too, with the located problem given here; each entry is checked, so a wrong rejection fails.
     */
    private static final Map<String, String> INVALID_INPUTS = new TreeMap<>(Map.ofEntries(
            Map.entry("sam-translator/api_http_with_default_iam_authorizer.yaml:60:9",
                    "'StageName' is not a parameter, resource or pseudo parameter"),
            Map.entry("sam-translator/api_with_any_method_in_swagger.yaml:24:9",
                    "'Stage' is not a parameter, resource or pseudo parameter"),
            Map.entry("sam-translator/api_with_custom_base_path.yaml:19:13",
                    "'HostedZoneId' is not a parameter, resource or pseudo parameter"),
            Map.entry("sam-translator/connector_bucket_to_function.yaml:22:21",
                    "Fn::GetAtt refers to 'InvokedFunction', which is not a resource"),
            Map.entry("sam-translator/connector_dependson_replace.yaml:7:13",
                    "'SomeRole' is not a parameter, resource or pseudo parameter"),
            Map.entry("sam-translator/connector_esm_dependson.yaml:6:13",
                    "'SomeRole' is not a parameter, resource or pseudo parameter"),
            Map.entry("sam-translator/connector_function_to_sqs.yaml:28:23",
                    "'MyTable' is not a parameter, resource or pseudo parameter"),
            Map.entry("sam-translator/connector_sns_to_function.yaml:31:23",
                    "'MyTable' is not a parameter, resource or pseudo parameter"),
            Map.entry("sam-translator/function_with_event_dest_basic.yaml:43:11",
                    "condition 'SomeCondition' is not declared"),
            Map.entry("sam-translator/http_api_existing_openapi.yaml:69:19",
                    "Fn::GetAtt refers to 'DifferentFunction', which is not a resource"),
            Map.entry("sam-translator/http_api_existing_openapi_conditions.yaml:65:19",
                    "Fn::GetAtt refers to 'DifferentFunction', which is not a resource"),
            Map.entry("sam-translator/layers_with_intrinsics.yaml:46:9",
                    "'LayerRuntimeString' is not a parameter, resource or pseudo parameter"),
            // Type is a mapping ({AWS::Serverless::Function: invalid_field}); CloudFormation requires a name.
            Map.entry("sam-translator/resource_with_invalid_type.yaml:4:7",
                    "resource 'FunctionInvalid' has a Type that is a mapping"),
            Map.entry("sam-translator/schema_validation_1.yaml:57:20",
                    "'StackTagName' is not a parameter, resource or pseudo parameter"),
            // A misspelt section ("Parameter"), so the parameter NodeEnv it declares is undeclared too.
            Map.entry("cfn-lint/good__custom__is-defined.yaml:4:1", "unknown template section 'Parameter'")));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> samTranslatorInputs() {
        return Corpus.templates("sam-translator").stream().map(f -> DynamicTest.dynamicTest(Corpus.name(f),
                () -> readsCompletely(f)));
    }

    @TestFactory
    Stream<DynamicTest> cfnLintTemplates() {
        return Corpus.templates("cfn-lint").stream().map(f -> DynamicTest.dynamicTest(Corpus.name(f),
                () -> readsCompletely(f)));
    }

    @Test
    void everyListedInvalidInputExists() {
        for (String entry : INVALID_INPUTS.keySet()) {
            String file = entry.substring(0, entry.indexOf(':'));
            assertThat(Corpus.root().resolve(file)).as("listed invalid input").exists();
        }
    }

    private static void readsCompletely(Path file) throws IOException {
        String name = Corpus.name(file);
        List<String> expectedProblems = INVALID_INPUTS.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + ":")).map(e -> e.getKey() + " " + e.getValue()).toList();
        ServerlessApp app;
        try {
            app = CloudFormationReader.read(file);
        } catch (InvalidInputException e) {
            if (expectedProblems.isEmpty()) {
                fail("the reader rejected a corpus template:%n%s", e.getMessage());
            }
            List<String> found = e.problems().stream().map(CorpusTest::relative).toList();
            for (String expected : expectedProblems) {
                assertThat(found).as("problems of %s", name).anyMatch(p -> p.startsWith(expected.substring(0,
                        expected.indexOf(' '))) && p.contains(expected.substring(expected.indexOf(' ') + 1)));
            }
            return;
        }
        assertThat(expectedProblems).as("%s is listed as invalid but was read; remove it from INVALID_INPUTS", name)
                .isEmpty();

        int independent = countFunctions(file);
        int nested = app.unsupportedResources().stream().mapToInt(u -> u.nestedFunctionIds().size()).sum();
        assertThat(app.functions().size() + nested)
                .as("functions in the model (%d) plus those inside unsupported constructs %s, against an"
                        + " independent count of function resources in %s", app.functions().size(),
                        app.unsupportedResources().stream().filter(u -> !u.nestedFunctionIds().isEmpty())
                                .map(UnsupportedResource::logicalId).toList(), name)
                .isEqualTo(independent);
        app.unsupportedResources().forEach(u -> assertThat(u.location().isKnown()).isTrue());
        app.unmappedProperties().forEach(u -> assertThat(u.location().isKnown()).isTrue());
    }

    private static String relative(Problem problem) {
        String file = problem.location().file();
        String corpus = Corpus.root().toString() + "/";
        String shortName = file.startsWith(corpus) ? file.substring(corpus.length()) : file;
        return shortName + ":" + problem.location().line() + ":" + problem.location().column() + " "
                + problem.message();
    }

    /** Function resources in the raw document, read with a plain YAML/JSON reader that knows no tags. */
    private static int countFunctions(Path file) throws IOException {
        ObjectMapper mapper = file.toString().endsWith(".json") ? JSON : YAML;
        JsonNode resources = mapper.readTree(file.toFile()).path("Resources");
        List<String> found = new ArrayList<>();
        count(resources, false, found);
        return found.size();
    }

    /** Counts function resources at the top level and anywhere inside Fn::ForEach loops. */
    private static void count(JsonNode node, boolean inLoop, List<String> found) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String type = entry.getValue().path("Type").asText("");
                if (type.equals("AWS::Serverless::Function") || type.equals("AWS::Lambda::Function")) {
                    found.add(entry.getKey());
                } else if (inLoop || entry.getKey().startsWith("Fn::ForEach::")) {
                    count(entry.getValue(), true, found);
                }
            }
        } else if (node.isArray() && inLoop) {
            node.forEach(item -> count(item, true, found));
        }
    }
}
