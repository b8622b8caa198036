package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every kind of invalid template is refused with an {@link InvalidInputException} whose problems say, at
 * the exact file:line:column, what is wrong and what was expected there.
 */
class ErrorReportingTest {

    private static final String FILE = "stack.yaml";
    private static final String JSON_FILE = "stack.json";

    private static InvalidInputException failure(String file, String text) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> CloudFormationReader.parse(file, text));
        assertThat(e).as("expected the template to be refused").isNotNull();
        return e;
    }

    private static List<Problem> problems(String text) {
        return failure(FILE, text).problems();
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation(FILE, line, column);
    }

    private static final String QUEUE = """
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
            """;

    @Test
    void malformedYaml() {
        assertThat(problems("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties: {DelaySeconds: 5
                  Topic:
                    Type: AWS::SNS::Topic
                """)).containsExactly(new Problem(at(5, 8), "the document is not well-formed: while parsing a flow"
                + " mapping; expected ',' or '}', but got :"));
    }

    @Test
    void malformedYamlIndentation() {
        List<Problem> problems = problems("Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n   Bad: x\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(at(4, 4));
            assertThat(p.message()).startsWith("the document is not well-formed: ").contains("expected");
        });
    }

    @Test
    void malformedJson() {
        InvalidInputException e = failure(JSON_FILE, """
                {
                  "Resources": {
                    "Queue": {"Type": "AWS::SQS::Queue"}
                  ]
                }
                """);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(new SourceLocation(JSON_FILE, 4, 3));
            assertThat(p.message()).startsWith("the document is not well-formed: Unexpected close marker ']':")
                    .contains("expected '}'");
        });
    }

    /**
     * Jackson's message ends "(for Object starting at [Source: ...; line: 2, column: 16])"; cutting it at
     * " at [Source:" leaves "(for Object starting" with neither the position nor the closing parenthesis.
     */
    @Test
    void malformedJsonMessageIsNotCutInTheMiddle() {
        InvalidInputException e = failure(JSON_FILE, "{\n  \"Resources\": {\n    \"Queue\": {}\n  ]\n}\n");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).doesNotEndWith("starting").doesNotContain("[Source:");
            assertThat(p.message().chars().filter(c -> c == '(').count())
                    .isEqualTo(p.message().chars().filter(c -> c == ')').count());
            assertThat(p.message()).containsPattern("line:? 2");
        });
    }

    @Test
    void unknownTag() {
        assertThat(problems(QUEUE + "      QueueName: !Ref2 Name\n")).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(at(5, 18));
            assertThat(p.message()).startsWith("unknown tag !Ref2; expected an intrinsic function tag: !Ref, !GetAtt,");
        });
    }

    @Test
    void joinWithOneItem() {
        assertThat(problems(QUEUE + "      QueueName: !Join [orders]\n")).containsExactly(new Problem(at(5, 18),
                "Fn::Join takes [delimiter, [values]]; found a list of 1 items"));
    }

    @Test
    void ifWithTwoItems() {
        assertThat(problems("Conditions:\n  C: !Equals [a, a]\n" + QUEUE + "      DelaySeconds: !If [C, 5]\n"))
                .containsExactly(new Problem(at(7, 21),
                        "Fn::If takes [condition name, value if true, value if false]; found a list of 2 items"));
    }

    @Test
    void getAttWithoutAttribute() {
        assertThat(problems(QUEUE + "      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt NoDot\n"))
                .containsExactly(new Problem(at(6, 30),
                        "Fn::GetAtt takes 'Resource.Attribute' or [Resource, Attribute]; found 'NoDot'"));
    }

    @Test
    void refToAnUndefinedName() {
        assertThat(problems(QUEUE + "      QueueName: !Ref QueueNameParam\n")).containsExactly(new Problem(at(5, 18),
                "'QueueNameParam' is not a parameter, resource or pseudo parameter of this template; expected a"
                        + " declared parameter name, resource logical id, or a pseudo parameter such as AWS::Region"));
    }

    @Test
    void refToAnUndefinedNameInJson() {
        InvalidInputException e = failure(JSON_FILE, """
                {"Resources": {
                  "Queue": {"Type": "AWS::SQS::Queue",
                            "Properties": {"QueueName": {"Ref": "Missing"}}}}}
                """);
        assertThat(e.problems()).extracting(Problem::location).containsExactly(new SourceLocation(JSON_FILE, 3, 41));
    }

    @Test
    void getAttToAnUndefinedResource() {
        assertThat(problems(QUEUE + "      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt Dlq.Arn\n"))
                .containsExactly(new Problem(at(6, 30), "Fn::GetAtt refers to 'Dlq', which is not a resource of this"
                        + " template; expected a resource logical id"));
    }

    @Test
    void undefinedConditionInIf() {
        assertThat(problems("Conditions:\n  IsProd: !Equals [a, a]\n" + QUEUE
                + "      DelaySeconds: !If [IsProduction, 5, 0]\n")).containsExactly(new Problem(at(7, 26),
                "condition 'IsProduction' is not declared; expected one of the names in Conditions: IsProd"));
    }

    @Test
    void undefinedConditionOnAResource() {
        assertThat(problems("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Condition: IsProd
                """)).containsExactly(new Problem(at(4, 16),
                "condition 'IsProd' is not declared; expected one of the names in Conditions (the template declares none)"));
    }

    @Test
    void undefinedMappingInFindInMap() {
        assertThat(problems("Mappings:\n  Sizes:\n    small: {Delay: 1}\n" + QUEUE
                + "      DelaySeconds: !FindInMap [Size, small, Delay]\n")).containsExactly(new Problem(at(8, 33),
                "mapping 'Size' is not declared; expected one of the names in Mappings: Sizes"));
    }

    @Test
    void circularConditions() {
        assertThat(problems("""
                Conditions:
                  A: !And [!Condition B, !Equals [x, x]]
                  B: !Not [!Condition A]
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                """)).containsExactly(new Problem(at(2, 3),
                "condition 'A' depends on itself: A -> B -> A; conditions must not form a cycle"));
    }

    @Test
    void missingResources() {
        assertThat(problems("AWSTemplateFormatVersion: '2010-09-09'\nParameters: {}\n")).containsExactly(
                new Problem(at(1, 1), "the template has no Resources section; every template declares at least one"
                        + " resource"));
    }

    @Test
    void resourceWithoutType() {
        assertThat(problems("Resources:\n  Queue:\n    Properties:\n      DelaySeconds: 5\n")).containsExactly(
                new Problem(at(2, 3), "resource 'Queue' has no Type; expected a resource type name such as"
                        + " AWS::Serverless::Function or AWS::Lambda::Function"));
    }

    @Test
    void unknownSamEventType() {
        assertThat(problems("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      InlineCode: x
                      Events:
                        Timer:
                          Type: Cron
                          Properties:
                            Schedule: rate(1 minute)
                """)).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo(at(9, 11));
            assertThat(p.message()).isEqualTo("event 'Timer' of function 'Fn' has the unknown Type 'Cron'; expected"
                    + " one of AlexaSkill, Api, CloudWatchEvent, CloudWatchLogs, Cognito, DocumentDB, DynamoDB,"
                    + " EventBridgeRule, HttpApi, IoTRule, Kinesis, MQ, MSK, S3, SNS, SQS, Schedule, ScheduleV2,"
                    + " SelfManagedKafka");
        });
    }

    @Test
    void missingRequiredEventProperty() {
        assertThat(problems("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      InlineCode: x
                      Events:
                        Work:
                          Type: SQS
                          Properties:
                            BatchSize: 10
                """)).containsExactly(new Problem(at(11, 13),
                "SQS event 'Work' is missing the required property Queue"));
    }

    @Test
    void duplicateKeyInJson() {
        InvalidInputException e = failure(JSON_FILE, """
                {"Resources": {
                  "Queue": {"Type": "AWS::SQS::Queue"},
                  "Queue": {"Type": "AWS::SNS::Topic"}
                }}
                """);
        assertThat(e.problems()).containsExactly(new Problem(new SourceLocation(JSON_FILE, 3, 3),
                "duplicate key 'Queue'; it is already written at line 2 and a key may appear only once in a mapping"));
    }

    /** Today SnakeYAML's check answers first: "Duplicate field 'Queue'", one column right of the key. */
    @Test
    void duplicateKeyInYaml() {
        assertThat(problems("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Queue:
                    Type: AWS::SNS::Topic
                """)).containsExactly(new Problem(at(4, 3),
                "duplicate key 'Queue'; it is already written at line 2 and a key may appear only once in a mapping"));
    }

    @Test
    void severalProblemsAreReportedTogetherInSourceOrder() {
        InvalidInputException e = failure(FILE, """
                Parameters:
                  Size:
                    Default: 5
                Conditions:
                  IsBig: !Equals [!Ref Sizes, 10]
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                    Condition: IsLarge
                    Properties:
                      DelaySeconds: !Ref Delay
                      QueueName: !Join [x]
                  Topic:
                    Properties: {}
                Outputs:
                  Arn:
                    Value: !GetAtt Queue.Arn
                    Condition: Nope
                """);
        assertThat(e.problems()).extracting(Problem::location).containsExactly(at(2, 3), at(5, 19), at(9, 16),
                at(11, 21), at(12, 18), at(13, 3), at(18, 16));
        assertThat(e.problems()).extracting(Problem::message).allSatisfy(m -> assertThat(m).isNotBlank());
        assertThat(e.getMessage()).startsWith("7 problems in the input:" + System.lineSeparator()
                + "stack.yaml:2:3: parameter 'Size' has no Type;");
    }

    @Test
    void theSameProblemIsReportedOnce() {
        InvalidInputException e = new InvalidInputException(List.of(new Problem(at(2, 1), "b"), new Problem(at(1, 1), "a"),
                new Problem(at(2, 1), "b")));
        assertThat(e.problems()).containsExactly(new Problem(at(1, 1), "a"), new Problem(at(2, 1), "b"));
        assertThat(e.getMessage()).isEqualTo("2 problems in the input:" + System.lineSeparator() + "stack.yaml:1:1: a"
                + System.lineSeparator() + "stack.yaml:2:1: b");
    }

    @Test
    void aFileThatDoesNotExist(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> CloudFormationReader.read(missing));
        assertThat(e).isNotNull();
        assertThat(e.problems()).containsExactly(new Problem(new SourceLocation(missing.toString(), 0, 0), "no such file"));
    }

    @Test
    void aFileThatIsNotUtf8(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[]{'D', 'e', 's', 'c', 'r', 'i', 'p', 't', 'i', 'o', 'n', ':', ' ', (byte) 0xE9, '\n'});
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> CloudFormationReader.read(latin1));
        assertThat(e).isNotNull();
        assertThat(e.problems()).containsExactly(new Problem(new SourceLocation(latin1.toString(), 1, 1),
                "the file is not UTF-8 text; templates must be UTF-8"));
    }

    @Test
    void aDirectoryIsNotATemplate(@TempDir Path dir) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> CloudFormationReader.read(dir));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.location().file()).isEqualTo(dir.toString());
            assertThat(p.message()).startsWith("the file cannot be read");
        });
    }
}
