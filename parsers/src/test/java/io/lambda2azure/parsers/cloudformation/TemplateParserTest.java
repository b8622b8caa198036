package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.Pseudo;
import io.lambda2azure.core.model.Condition;
import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.Mapping;
import io.lambda2azure.core.model.Output;
import io.lambda2azure.core.model.Parameter;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Template sections: parameters, mappings, conditions, resources' attributes, outputs, YAML vs JSON. */
class TemplateParserTest {

    private static final String FILE = "template.yaml";

    private static ServerlessApp parse(String text) throws InvalidInputException {
        return CloudFormationReader.parse(FILE, text);
    }

    private static List<Problem> problems(String text) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse(text));
        assertThat(e).as("expected the template to be refused").isNotNull();
        return e.problems();
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation(FILE, line, column);
    }

    private static Expr s(String value) {
        return new Expr.StringLiteral(value);
    }

    private static Expr n(String value) {
        return new Expr.NumberLiteral(new BigDecimal(value));
    }

    static final String YAML = """
            AWSTemplateFormatVersion: '2010-09-09'
            Description: Orders service
            Parameters:
              Env:
                Type: String
                Default: dev
                AllowedValues: [dev, prod]
                Description: Deployment stage
              Size:
                Type: Number
                Default: 128
                MinValue: 128
                MaxValue: 10240
              Secret:
                Type: String
                NoEcho: true
                MinLength: 8
                MaxLength: 64
                AllowedPattern: '[A-Za-z0-9]+'
                ConstraintDescription: letters and digits
            Mappings:
              RegionMap:
                us-east-1:
                  Ami: ami-1
                eu-west-1:
                  Ami: ami-2
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              IsLarge: !Not [!Equals [!Ref Size, 128]]
              ProdAndLarge: !And [!Condition IsProd, !Condition IsLarge]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Condition: IsProd
                DeletionPolicy: Retain
                Properties:
                  QueueName: !Sub '${Env}-orders'
                  VisibilityTimeout: !If [IsLarge, 300, 30]
            Outputs:
              QueueUrl:
                Description: The queue
                Value: !Ref Queue
                Condition: IsProd
                Export:
                  Name: !Sub '${AWS::StackName}-QueueUrl'
              Ami:
                Value: !FindInMap [RegionMap, !Ref AWS::Region, Ami]
            """;

    static final String JSON = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Description": "Orders service",
              "Parameters": {
                "Env": {"Type": "String", "Default": "dev", "AllowedValues": ["dev", "prod"],
                        "Description": "Deployment stage"},
                "Size": {"Type": "Number", "Default": 128, "MinValue": 128, "MaxValue": 10240},
                "Secret": {"Type": "String", "NoEcho": true, "MinLength": 8, "MaxLength": 64,
                           "AllowedPattern": "[A-Za-z0-9]+", "ConstraintDescription": "letters and digits"}
              },
              "Mappings": {
                "RegionMap": {"us-east-1": {"Ami": "ami-1"}, "eu-west-1": {"Ami": "ami-2"}}
              },
              "Conditions": {
                "IsProd": {"Fn::Equals": [{"Ref": "Env"}, "prod"]},
                "IsLarge": {"Fn::Not": [{"Fn::Equals": [{"Ref": "Size"}, 128]}]},
                "ProdAndLarge": {"Fn::And": [{"Condition": "IsProd"}, {"Condition": "IsLarge"}]}
              },
              "Resources": {
                "Queue": {
                  "Type": "AWS::SQS::Queue",
                  "Condition": "IsProd",
                  "DeletionPolicy": "Retain",
                  "Properties": {
                    "QueueName": {"Fn::Sub": "${Env}-orders"},
                    "VisibilityTimeout": {"Fn::If": ["IsLarge", 300, 30]}
                  }
                }
              },
              "Outputs": {
                "QueueUrl": {
                  "Description": "The queue",
                  "Value": {"Ref": "Queue"},
                  "Condition": "IsProd",
                  "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-QueueUrl"}}
                },
                "Ami": {"Value": {"Fn::FindInMap": ["RegionMap", {"Ref": "AWS::Region"}, "Ami"]}}
              }
            }
            """;

    @Nested
    class YamlAndJson {

        @Test
        void yamlAndJsonOfTheSameTemplateGiveTheSameModelApartFromLocations() throws Exception {
            ServerlessApp fromYaml = CloudFormationReader.parse("template", YAML);
            ServerlessApp fromJson = CloudFormationReader.parse("template", JSON);
            assertThat(fromJson).usingRecursiveComparison()
                    .ignoringFieldsOfTypes(SourceLocation.class)
                    .isEqualTo(fromYaml);
            // ... and the locations do differ, so the comparison above did ignore something
            assertThat(fromJson.parameters().get(0).location()).isNotEqualTo(fromYaml.parameters().get(0).location());
        }

        @Test
        void jsonLocationsPointAtTheKeys() throws Exception {
            ServerlessApp app = CloudFormationReader.parse("template.json", JSON);
            assertThat(app.parameters()).extracting(Parameter::location).containsExactly(
                    new SourceLocation("template.json", 5, 5), new SourceLocation("template.json", 7, 5),
                    new SourceLocation("template.json", 8, 5));
            assertThat(app.resources().get(0).location()).isEqualTo(new SourceLocation("template.json", 20, 5));
            assertThat(app.outputs()).extracting(Output::location).containsExactly(
                    new SourceLocation("template.json", 31, 5), new SourceLocation("template.json", 37, 5));
        }
    }

    @Nested
    class Sections {

        @Test
        void descriptionAndKind() throws Exception {
            ServerlessApp app = parse(YAML);
            assertThat(app.source()).isEqualTo(FILE);
            assertThat(app.inputKind()).isEqualTo(InputKind.CLOUDFORMATION);
            assertThat(app.description()).contains("Orders service");
            assertThat(app.unsupportedResources()).isEmpty();
            assertThat(app.unmappedProperties()).isEmpty();
            assertThat(app.functions()).isEmpty();
        }

        @Test
        void parametersWithEveryAttribute() throws Exception {
            ServerlessApp app = parse(YAML);
            assertThat(app.parameters()).containsExactly(
                    new Parameter("Env", "String", Optional.of(s("dev")), List.of(s("dev"), s("prod")),
                            Optional.of("Deployment stage"), false, Parameter.ParameterConstraints.NONE, at(4, 3)),
                    new Parameter("Size", "Number", Optional.of(n("128")), List.of(), Optional.empty(), false,
                            new Parameter.ParameterConstraints(Optional.empty(), Optional.empty(),
                                    Optional.of(new BigDecimal("128")), Optional.of(new BigDecimal("10240")),
                                    Optional.empty(), Optional.empty()), at(9, 3)),
                    new Parameter("Secret", "String", Optional.empty(), List.of(), Optional.empty(), true,
                            new Parameter.ParameterConstraints(Optional.of(8L), Optional.of(64L), Optional.empty(),
                                    Optional.empty(), Optional.of("[A-Za-z0-9]+"), Optional.of("letters and digits")),
                            at(14, 3)));
            assertThat(app.parameter("Size")).isPresent();
            assertThat(app.parameter("Nope")).isEmpty();
        }

        /** Conditions and parameters are located at their name; a mapping should be too. */
        @Test
        void mappingsWithTheirEntriesLocatedAtTheirName() throws Exception {
            ServerlessApp app = parse(YAML);
            Map<String, Map<String, Expr>> entries = new LinkedHashMap<>();
            entries.put("us-east-1", Map.of("Ami", s("ami-1")));
            entries.put("eu-west-1", Map.of("Ami", s("ami-2")));
            assertThat(app.mappings()).containsExactly(new Mapping("RegionMap", entries, at(22, 3)));
            assertThat(app.mappings().get(0).entries().keySet()).containsExactly("us-east-1", "eu-west-1");
        }

        @Test
        void conditionsStaySymbolic() throws Exception {
            ServerlessApp app = parse(YAML);
            assertThat(app.conditions()).containsExactly(
                    new Condition("IsProd", new Expr.Equals(new Expr.ParameterRef("Env"), s("prod")), at(28, 3)),
                    new Condition("IsLarge", new Expr.Not(new Expr.Equals(new Expr.ParameterRef("Size"), n("128"))),
                            at(29, 3)),
                    new Condition("ProdAndLarge", new Expr.And(List.of(new Expr.ConditionRef("IsProd"),
                            new Expr.ConditionRef("IsLarge"))), at(30, 3)));
        }

        @Test
        void resourceWithConditionAndSymbolicProperties() throws Exception {
            ServerlessApp app = parse(YAML);
            assertThat(app.resources()).containsExactly(new DependencyResource.Queue("Queue", "AWS::SQS::Queue",
                    Optional.of("IsProd"), Optional.of(new Expr.Interpolation(List.of(new Expr.ParameterRef("Env"),
                    s("-orders")))), Optional.empty(), Optional.empty(),
                    Optional.of(new Expr.Conditional("IsLarge", n("300"), n("30"))), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), at(32, 3)));
            assertThat(app.resource("Queue")).isPresent();
        }

        @Test
        void outputsWithExportAndCondition() throws Exception {
            ServerlessApp app = parse(YAML);
            assertThat(app.outputs()).containsExactly(
                    new Output("QueueUrl", new Expr.ResourceRef("Queue"), Optional.of("The queue"),
                            Optional.of(new Expr.Interpolation(List.of(new Expr.PseudoRef(Pseudo.STACK_NAME),
                                    s("-QueueUrl")))), Optional.of("IsProd"), at(40, 3)),
                    new Output("Ami", new Expr.FindInMap(s("RegionMap"), new Expr.PseudoRef(Pseudo.REGION), s("Ami"),
                            Optional.empty()), Optional.empty(), Optional.empty(), Optional.empty(), at(46, 3)));
        }

        @Test
        void samIsRecognisedByItsTransformOrItsResourceTypes() throws Exception {
            String queue = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n";
            assertThat(parse("Transform: AWS::Serverless-2016-10-31\n" + queue).inputKind()).isEqualTo(InputKind.SAM);
            assertThat(parse("Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n" + queue).inputKind())
                    .isEqualTo(InputKind.SAM);
            assertThat(parse("Transform: AWS::LanguageExtensions\n" + queue).inputKind())
                    .isEqualTo(InputKind.CLOUDFORMATION);
            assertThat(parse("Resources:\n  T:\n    Type: AWS::Serverless::SimpleTable\n").inputKind())
                    .isEqualTo(InputKind.SAM);
        }

        @Test
        void documentationSectionsAreAccepted() throws Exception {
            ServerlessApp app = parse("""
                    Metadata:
                      AWS::CloudFormation::Interface: {}
                    Rules:
                      R:
                        Assertions: []
                    Hooks: {}
                    Parameters:
                    Conditions:
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                        DependsOn: Other
                        Metadata: {cfn-lint: {}}
                        UpdateReplacePolicy: Retain
                      Other:
                        Type: AWS::SNS::Topic
                    Outputs:
                    """);
            assertThat(app.resources()).extracting(DependencyResource::logicalId).containsExactly("Q", "Other");
            assertThat(app.parameters()).isEmpty();
            assertThat(app.conditions()).isEmpty();
            assertThat(app.outputs()).isEmpty();
        }

        @Test
        void resourceWholePropertiesChosenByIfIsUnsupported() throws Exception {
            ServerlessApp app = parse("""
                    Conditions:
                      IsProd: !Equals [!Ref AWS::Region, us-east-1]
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                        Properties: !If [IsProd, {DelaySeconds: 1}, {DelaySeconds: 2}]
                    """);
            assertThat(app.resources()).isEmpty();
            assertThat(app.unsupportedResources()).containsExactly(new UnsupportedResource("Q", "AWS::SQS::Queue",
                    "its whole Properties are chosen by Fn::If; write the properties out and put the condition on the"
                            + " values that differ", List.of(), at(4, 3)));
        }

        /** A mapping whose only key is a Fn::ForEach loop is not an intrinsic function call. */
        @Test
        void forEachOutputsAreSkipped() throws Exception {
            ServerlessApp app = parse("""
                    Transform: AWS::LanguageExtensions
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                    Outputs:
                      Fn::ForEach::Outs:
                        - X
                        - [A, B]
                        - Out${X}:
                            Value: !Ref Q
                    """);
            assertThat(app.outputs()).isEmpty();
        }

        @Test
        void readsAFileNamingItAsGivenAndSkippingAByteOrderMark(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("stack.yaml");
            Files.write(file, ("\uFEFFResources:\n  Q:\n    Type: AWS::SQS::Queue\n").getBytes(StandardCharsets.UTF_8));
            ServerlessApp app = CloudFormationReader.read(file);
            assertThat(app.source()).isEqualTo(file.toString());
            assertThat(app.resources().get(0).location()).isEqualTo(new SourceLocation(file.toString(), 2, 3));
        }

        @Test
        void readsAJsonFileByItsExtension(@TempDir Path dir) throws Exception {
            Path file = dir.resolve("stack.json");
            Files.writeString(file, "\n\n{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}");
            ServerlessApp app = CloudFormationReader.read(file);
            assertThat(app.resources().get(0).location()).isEqualTo(new SourceLocation(file.toString(), 3, 16));
        }
    }

    @Nested
    class SectionProblems {

        @Test
        void unknownSection() {
            assertThat(problems("Resources:\n  Q:\n    Type: AWS::SQS::Queue\nResource: {}\n"))
                    .containsExactly(new Problem(at(4, 1), "unknown template section 'Resource'; expected one of"
                            + " AWSTemplateFormatVersion, Conditions, Description, Globals, Hooks, Mappings, Metadata,"
                            + " Outputs, Parameters, Resources, Rules, Transform"));
        }

        @Test
        void sectionThatIsNotAMapping() {
            assertThat(problems("Conditions: [a]\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n"))
                    .containsExactly(new Problem(at(1, 13), "Conditions must be a mapping; found a list"));
        }

        @Test
        void unknownParameterAttributeAndMissingType() {
            assertThat(problems("""
                    Parameters:
                      P:
                        Default: x
                        Defualt: y
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                    """)).containsExactly(
                    new Problem(at(2, 3), "parameter 'P' has no Type; expected String, Number, CommaDelimitedList,"
                            + " List<Number>, an AWS-specific type or an SSM parameter type"),
                    new Problem(at(4, 5), "unknown parameter attribute 'Defualt' on parameter 'P'; expected one of"
                            + " AllowedPattern, AllowedValues, ConstraintDescription, Default, Description, MaxLength,"
                            + " MaxValue, MinLength, MinValue, NoEcho, Type"));
        }

        @Test
        void parameterConstraintsMustBeNumbersAndAllowedValuesAList() {
            assertThat(problems("""
                    Parameters:
                      P:
                        Type: String
                        MinLength: abc
                        AllowedValues: dev
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                    """)).containsExactly(
                    new Problem(at(4, 16), "expected a number; found 'abc'"),
                    new Problem(at(5, 20), "AllowedValues must be a list; found a scalar"));
        }

        @Test
        void parameterThatIsNotAMapping() {
            assertThat(problems("Parameters:\n  P: String\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n"))
                    .containsExactly(new Problem(at(2, 6), "Parameters entry 'P' must be a mapping; found a scalar"));
        }

        @Test
        void mappingWhoseSecondLevelIsNotAMapping() {
            assertThat(problems("Mappings:\n  M:\n    a: b\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n"))
                    .containsExactly(new Problem(at(3, 8),
                            "mapping 'M' key 'a' must hold a mapping of second-level keys to values; found a scalar"));
        }

        @Test
        void circularConditionsAreReportedOnce() {
            assertThat(problems("""
                    Conditions:
                      A: !And [!Condition B, !Equals [1, 1]]
                      B: !Or [!Condition A, !Equals [1, 2]]
                      C: !Not [!Condition A]
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                    """)).containsExactly(new Problem(at(2, 3),
                    "condition 'A' depends on itself: A -> B -> A; conditions must not form a cycle"));
        }

        @Test
        void conditionThatRefersToItself() {
            assertThat(problems("""
                    Conditions:
                      Ok: !Equals [1, 1]
                      Loop: !Not [!Condition Loop]
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                    """)).containsExactly(new Problem(at(3, 3),
                    "condition 'Loop' depends on itself: Loop -> Loop; conditions must not form a cycle"));
        }

        @Test
        void longerCycleThroughAnIf() {
            assertThat(problems("""
                    Conditions:
                      A: !Not [!Condition B]
                      B: !Not [!Condition C]
                      C: !Equals [!If [A, x, y], x]
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                    """)).containsExactly(new Problem(at(2, 3),
                    "condition 'A' depends on itself: A -> B -> C -> A; conditions must not form a cycle"));
        }

        @Test
        void conditionReferringToAnUndeclaredCondition() {
            assertThat(problems("""
                    Conditions:
                      A: !Not [!Condition Missing]
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                    """)).containsExactly(new Problem(at(2, 12),
                    "condition 'Missing' is not declared; expected one of the names in Conditions: A"));
        }

        @Test
        void templateThatIsNotAMapping() {
            assertThat(problems("- a\n- b\n")).containsExactly(new Problem(at(1, 1), "a template must be a mapping of"
                    + " sections (AWSTemplateFormatVersion, Parameters, Resources, ...); found a list"));
        }

        @Test
        void missingResources() {
            assertThat(problems("AWSTemplateFormatVersion: '2010-09-09'\nDescription: nothing\n"))
                    .containsExactly(new Problem(at(1, 1),
                            "the template has no Resources section; every template declares at least one resource"));
        }

        @Test
        void emptyOrNullResources() {
            assertThat(problems("Description: x\nResources: {}\n")).singleElement().satisfies(p -> {
                assertThat(p.location()).isEqualTo(at(2, 12));
                assertThat(p.message()).startsWith("Resources must be a non-empty mapping of logical ids to resources;");
            });
            assertThat(problems("Description: x\nResources:\n")).singleElement().satisfies(p -> {
                assertThat(p.location().line()).isEqualTo(2);
                assertThat(p.message()).isEqualTo(
                        "Resources must be a non-empty mapping of logical ids to resources; found null");
            });
        }

        @Test
        void resourceWithoutType() {
            assertThat(problems("Resources:\n  Q:\n    Properties: {}\n")).containsExactly(new Problem(at(2, 3),
                    "resource 'Q' has no Type; expected a resource type name such as AWS::Serverless::Function or"
                            + " AWS::Lambda::Function"));
        }

        @Test
        void resourceThatIsNotAMapping() {
            assertThat(problems("Resources:\n  Q: AWS::SQS::Queue\n")).containsExactly(new Problem(at(2, 6),
                    "resource 'Q' must be a mapping with Type and Properties; found a scalar"));
        }

        @Test
        void resourceAttributeMisspelledAndBadLogicalId() {
            assertThat(problems("""
                    Resources:
                      my-queue:
                        Type: AWS::SQS::Queue
                        Propertes: {}
                    """)).containsExactly(
                    new Problem(at(2, 3), "logical id 'my-queue' may contain only letters and digits"),
                    new Problem(at(4, 5), "unknown resource attribute 'Propertes' on resource 'my-queue'; expected one"
                            + " of Condition, Connectors, CreationPolicy, DeletionPolicy, DependsOn, IgnoreGlobals,"
                            + " Metadata, Properties, Type, UpdatePolicy, UpdateReplacePolicy, Version"));
        }

        @Test
        void propertiesThatAreNotAMapping() {
            assertThat(problems("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties: [a]\n"))
                    .containsExactly(new Problem(at(4, 17), "Properties of resource 'Q' must be a mapping; found a list"));
        }

        @Test
        void resourceConditionThatIsUndeclaredOrNotAName() {
            assertThat(problems("""
                    Conditions:
                      IsProd: !Equals [a, b]
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                        Condition: IsProduction
                      T:
                        Type: AWS::SNS::Topic
                        Condition: [IsProd]
                    """)).containsExactly(
                    new Problem(at(6, 16), "condition 'IsProduction' is not declared; expected one of the names in"
                            + " Conditions: IsProd"),
                    new Problem(at(9, 16), "Condition must be a condition name; found a list"));
        }

        @Test
        void outputWithoutValueOrWithAnUndeclaredCondition() {
            assertThat(problems("""
                    Resources:
                      Q:
                        Type: AWS::SQS::Queue
                    Outputs:
                      NoValue:
                        Description: x
                      Conditional:
                        Value: !Ref Q
                        Condition: Missing
                    """)).containsExactly(
                    new Problem(at(5, 3), "output 'NoValue' must be a mapping with a Value"),
                    new Problem(at(9, 16), "condition 'Missing' is not declared; expected one of the names in"
                            + " Conditions (the template declares none)"));
        }

        @Test
        void globalsInAPlainTemplate() {
            assertThat(problems("Globals:\n  Function:\n    Timeout: 3\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n"))
                    .containsExactly(new Problem(at(1, 1), "Globals is a SAM section; the template does not declare"
                            + " Transform: AWS::Serverless-2016-10-31"));
        }
    }
}
