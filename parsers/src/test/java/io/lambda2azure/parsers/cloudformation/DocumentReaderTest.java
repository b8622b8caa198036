package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The YAML/JSON layer: positions, short-form tags, anchors, merge keys and scalar typing. */
class DocumentReaderTest {

    private static final String YAML_FILE = "doc.yaml";
    private static final String JSON_FILE = "doc.json";

    private static Node yaml(String text) throws InvalidInputException {
        return DocumentReader.read(YAML_FILE, text, DocumentReader.Format.YAML);
    }

    private static Node json(String text) throws InvalidInputException {
        return DocumentReader.read(JSON_FILE, text, DocumentReader.Format.JSON);
    }

    private static List<Problem> yamlProblems(String text) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> yaml(text));
        assertThat(e).as("expected the YAML to be refused").isNotNull();
        return e.problems();
    }

    private static List<Problem> jsonProblems(String text) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> json(text));
        assertThat(e).as("expected the JSON to be refused").isNotNull();
        return e.problems();
    }

    private static SourceLocation y(int line, int column) {
        return new SourceLocation(YAML_FILE, line, column);
    }

    private static SourceLocation j(int line, int column) {
        return new SourceLocation(JSON_FILE, line, column);
    }

    private static Node.Mapping map(Node node) {
        assertThat(node).isInstanceOf(Node.Mapping.class);
        return (Node.Mapping) node;
    }

    private static Node.Scalar scalar(Node node) {
        assertThat(node).isInstanceOf(Node.Scalar.class);
        return (Node.Scalar) node;
    }

    private static Node.Sequence seq(Node node) {
        assertThat(node).isInstanceOf(Node.Sequence.class);
        return (Node.Sequence) node;
    }

    @Nested
    class Positions {

        @Test
        void yamlKeysAndValuesCarryTheirLineAndColumn() throws Exception {
            Node.Mapping root = map(yaml("""
                    Resources:
                      Queue:
                        Type: AWS::SQS::Queue
                        Properties:
                          DelaySeconds: 5
                    """));
            assertThat(root.location()).isEqualTo(y(1, 1));
            assertThat(root.keyLocation("Resources")).isEqualTo(y(1, 1));
            Node.Mapping resources = map(root.get("Resources"));
            assertThat(resources.keyLocation("Queue")).isEqualTo(y(2, 3));
            Node.Mapping queue = map(resources.get("Queue"));
            assertThat(queue.keyLocation("Type")).isEqualTo(y(3, 5));
            assertThat(queue.get("Type").location()).isEqualTo(y(3, 11));
            assertThat(queue.keyLocation("Properties")).isEqualTo(y(4, 5));
            Node.Mapping properties = map(queue.get("Properties"));
            assertThat(properties.keyLocation("DelaySeconds")).isEqualTo(y(5, 7));
            assertThat(scalar(properties.get("DelaySeconds")))
                    .isEqualTo(new Node.Scalar("5", Node.ScalarKind.INTEGER, y(5, 21)));
        }

        @Test
        void jsonKeysAndValuesCarryTheirLineAndColumn() throws Exception {
            Node.Mapping root = map(json("""
                    {
                      "Resources": {
                        "Queue": {"Type": "AWS::SQS::Queue"}
                      }
                    }
                    """));
            assertThat(root.location()).isEqualTo(j(1, 1));
            assertThat(root.keyLocation("Resources")).isEqualTo(j(2, 3));
            Node.Mapping resources = map(root.get("Resources"));
            assertThat(resources.location()).isEqualTo(j(2, 16));
            assertThat(resources.keyLocation("Queue")).isEqualTo(j(3, 5));
            Node.Mapping queue = map(resources.get("Queue"));
            assertThat(queue.location()).isEqualTo(j(3, 14));
            assertThat(queue.keyLocation("Type")).isEqualTo(j(3, 15));
            assertThat(queue.get("Type")).isEqualTo(new Node.Scalar("AWS::SQS::Queue", Node.ScalarKind.STRING, j(3, 23)));
        }

        @Test
        void sequenceItemsCarryTheirPositions() throws Exception {
            Node.Mapping root = map(yaml("""
                    Layers:
                      - one
                      - two
                    Flow: [a, b]
                    """));
            Node.Sequence layers = seq(root.get("Layers"));
            assertThat(layers.items()).extracting(Node::location).containsExactly(y(2, 5), y(3, 5));
            Node.Sequence flow = seq(root.get("Flow"));
            assertThat(flow.location()).isEqualTo(y(4, 7));
            assertThat(flow.items()).extracting(Node::location).containsExactly(y(4, 8), y(4, 11));
        }
    }

    @Nested
    class ShortFormTags {

        @ParameterizedTest(name = "!{0} -> {1}")
        @CsvSource({
                "Ref, Ref",
                "Condition, Condition",
                "GetAtt, Fn::GetAtt",
                "Sub, Fn::Sub",
                "Join, Fn::Join",
                "Select, Fn::Select",
                "Split, Fn::Split",
                "If, Fn::If",
                "Equals, Fn::Equals",
                "And, Fn::And",
                "Or, Fn::Or",
                "Not, Fn::Not",
                "FindInMap, Fn::FindInMap",
                "ImportValue, Fn::ImportValue",
                "Base64, Fn::Base64",
                "GetAZs, Fn::GetAZs",
                "Cidr, Fn::Cidr",
                "Transform, Fn::Transform",
        })
        void everyShortFormTagBecomesItsLongFormAtTheTagsPosition(String tag, String longForm) throws Exception {
            Node.Mapping root = map(yaml("Value: !" + tag + " x\n"));
            Node.Mapping call = map(root.get("Value"));
            assertThat(call.entries()).containsOnlyKeys(longForm);
            assertThat(call.location()).isEqualTo(y(1, 8));
            assertThat(call.keyLocation(longForm)).isEqualTo(y(1, 8));
            assertThat(scalar(call.get(longForm)).text()).isEqualTo("x");
        }

        @Test
        void aTagOnASequenceWrapsTheSequence() throws Exception {
            Node.Mapping root = map(yaml("""
                    Value: !If
                      - IsProd
                      - 512
                      - 128
                    """));
            Node.Mapping call = map(root.get("Value"));
            assertThat(call.singleKey()).isEqualTo("Fn::If");
            assertThat(call.location()).isEqualTo(y(1, 8));
            Node.Sequence args = seq(call.get("Fn::If"));
            assertThat(args.items()).extracting(n -> ((Node.Scalar) n).text()).containsExactly("IsProd", "512", "128");
            assertThat(args.items()).extracting(Node::location).containsExactly(y(2, 5), y(3, 5), y(4, 5));
        }

        @Test
        void aTagOnAMappingWrapsTheMapping() throws Exception {
            Node.Mapping root = map(yaml("Value: !Transform {Name: AWS::Include}\n"));
            Node.Mapping call = map(root.get("Value"));
            assertThat(call.singleKey()).isEqualTo("Fn::Transform");
            assertThat(map(call.get("Fn::Transform")).entries()).containsOnlyKeys("Name");
        }

        @Test
        void nestedTagsNest() throws Exception {
            Node.Mapping root = map(yaml("Value: !Join ['', [!Ref Prefix, !Sub '-${AWS::Region}']]\n"));
            Node.Mapping join = map(root.get("Value"));
            Node.Sequence args = seq(join.get("Fn::Join"));
            Node.Sequence values = seq(args.items().get(1));
            Node.Mapping ref = map(values.items().get(0));
            Node.Mapping sub = map(values.items().get(1));
            assertThat(ref.singleKey()).isEqualTo("Ref");
            assertThat(ref.location()).isEqualTo(y(1, 20));
            assertThat(sub.singleKey()).isEqualTo("Fn::Sub");
            assertThat(scalar(sub.get("Fn::Sub")).text()).isEqualTo("-${AWS::Region}");
            assertThat(sub.location()).isEqualTo(y(1, 33));
        }

        @Test
        void standardStrTagForcesAString() throws Exception {
            Node.Mapping root = map(yaml("Value: !!str 123\nOther: !!int 7\n"));
            assertThat(scalar(root.get("Value")).kind()).isEqualTo(Node.ScalarKind.STRING);
            assertThat(scalar(root.get("Value")).text()).isEqualTo("123");
            assertThat(scalar(root.get("Other")).kind()).isEqualTo(Node.ScalarKind.INTEGER);
        }

        @Test
        void unsupportedStandardTagIsAProblem() {
            assertThat(yamlProblems("Value: !!timestamp 2001-12-14\n"))
                    .containsExactly(new Problem(y(1, 8), "the YAML tag !!timestamp is not supported in templates;"
                            + " expected a plain value or an intrinsic function tag"));
        }

        @Test
        void unknownTagIsAProblemThatListsTheKnownOnes() {
            List<Problem> problems = yamlProblems("Resources:\n  Value: !Reff Bucket\n");
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).location()).isEqualTo(y(2, 10));
            assertThat(problems.get(0).message()).startsWith("unknown tag !Reff; expected an intrinsic function tag:")
                    .contains("!Ref, !GetAtt, !Sub").contains("!Condition or !Transform");
        }
    }

    @Nested
    class AnchorsAndMergeKeys {

        @Test
        void anAliasSharesTheAnchoredNode() throws Exception {
            Node.Mapping root = map(yaml("""
                    Base: &tags
                      Team: core
                    Copy: *tags
                    """));
            assertThat(root.get("Copy")).isSameAs(root.get("Base"));
            assertThat(map(root.get("Copy")).get("Team")).isEqualTo(new Node.Scalar("core", Node.ScalarKind.STRING, y(2, 9)));
        }

        /**
         * Jackson's YAMLParser reports anchors of mappings and sequences only (getObjectId() is null on a
         * scalar), so an anchored scalar is never registered and its alias is reported as undefined.
         */
        @Test
        void anAnchoredScalarCanBeReused() throws Exception {
            Node.Mapping root = map(yaml("""
                    Runtime: &runtime python3.12
                    Other: *runtime
                    """));
            assertThat(root.get("Other")).isSameAs(root.get("Runtime"));
            assertThat(scalar(root.get("Other")).text()).isEqualTo("python3.12");
        }

        @Test
        void anAnchoredTaggedValueCanBeReused() throws Exception {
            Node.Mapping root = map(yaml("""
                    A: &arn !GetAtt Queue.Arn
                    B: *arn
                    """));
            assertThat(root.get("B")).isSameAs(root.get("A"));
            assertThat(map(root.get("B")).singleKey()).isEqualTo("Fn::GetAtt");
        }

        @Test
        void mergeKeyCopiesEntriesAndLocalKeysWin() throws Exception {
            Node.Mapping root = map(yaml("""
                    Defaults: &defaults
                      Runtime: python3.12
                      Timeout: 30
                    Function:
                      <<: *defaults
                      Timeout: 60
                      Handler: app.handler
                    """));
            Node.Mapping function = map(root.get("Function"));
            assertThat(function.entries()).containsOnlyKeys("Runtime", "Timeout", "Handler");
            assertThat(scalar(function.get("Runtime")).text()).isEqualTo("python3.12");
            assertThat(scalar(function.get("Timeout")).text()).isEqualTo("60");
            // merged keys point where they were written, in the anchored mapping
            assertThat(function.keyLocation("Runtime")).isEqualTo(y(2, 3));
            assertThat(function.keyLocation("Timeout")).isEqualTo(y(6, 3));
            assertThat(function.keyLocation("Handler")).isEqualTo(y(7, 3));
        }

        @Test
        void keysWrittenBeforeTheMergeKeyWinToo() throws Exception {
            Node.Mapping root = map(yaml("""
                    Defaults: &defaults {Timeout: 30, Runtime: java21}
                    Function:
                      Timeout: 60
                      <<: *defaults
                    """));
            Node.Mapping function = map(root.get("Function"));
            assertThat(scalar(function.get("Timeout")).text()).isEqualTo("60");
            assertThat(scalar(function.get("Runtime")).text()).isEqualTo("java21");
            assertThat(function.keyLocation("Timeout")).isEqualTo(y(3, 3));
        }

        @Test
        void mergeKeyWithAListMergesEachEarlierOneWinning() throws Exception {
            Node.Mapping root = map(yaml("""
                    A: &a {X: 1}
                    B: &b {X: 2, Y: 2}
                    C:
                      <<: [*a, *b]
                    """));
            Node.Mapping c = map(root.get("C"));
            assertThat(scalar(c.get("X")).text()).isEqualTo("1");
            assertThat(scalar(c.get("Y")).text()).isEqualTo("2");
        }

        @Test
        void mergeKeyWithAScalarIsAProblem() {
            assertThat(yamlProblems("B:\n  <<: five\n"))
                    .containsExactly(new Problem(y(2, 3),
                            "a merge key '<<' takes a mapping or a list of mappings, not a scalar"));
        }

        @Test
        void inJsonTheMergeKeyIsAnOrdinaryKey() throws Exception {
            Node.Mapping root = map(json("{\"<<\": {\"A\": 1}}"));
            assertThat(root.entries()).containsOnlyKeys("<<");
        }

        @Test
        void aliasToAnUndefinedAnchorIsAProblem() {
            assertThat(yamlProblems("A: *nowhere\n"))
                    .containsExactly(new Problem(y(1, 4), "alias *nowhere refers to no anchor &nowhere defined before it"));
        }
    }

    @Nested
    class Scalars {

        @Test
        void yamlScalarsAreTypedAsCloudFormationReadsThem() throws Exception {
            Node.Mapping root = map(yaml("""
                    Account: 012345678901
                    Yes: yes
                    No: no
                    On: on
                    Off: off
                    Empty:
                    Quoted: ''
                    Tilde: ~
                    Null: null
                    True: true
                    TitleTrue: True
                    Decimal: 1.50
                    Negative: -5
                    Exponent: 1e3
                    Hex: 0x1F
                    Underscored: 1_000
                    Octal: 0o17
                    Date: 2012-10-17
                    """));
            assertThat(scalar(root.get("Account"))).extracting(Node.Scalar::text, Node.Scalar::kind)
                    .containsExactly("012345678901", Node.ScalarKind.STRING);
            for (String key : List.of("Yes", "No", "On", "Off")) {
                assertThat(scalar(root.get(key)).kind()).as(key).isEqualTo(Node.ScalarKind.STRING);
            }
            assertThat(scalar(root.get("No")).text()).isEqualTo("no");
            assertThat(scalar(root.get("Empty")).kind()).isEqualTo(Node.ScalarKind.NULL);
            assertThat(scalar(root.get("Quoted"))).extracting(Node.Scalar::text, Node.Scalar::kind)
                    .containsExactly("", Node.ScalarKind.STRING);
            assertThat(scalar(root.get("Tilde")).kind()).isEqualTo(Node.ScalarKind.NULL);
            assertThat(scalar(root.get("Null")).kind()).isEqualTo(Node.ScalarKind.NULL);
            assertThat(scalar(root.get("True")).kind()).isEqualTo(Node.ScalarKind.BOOLEAN);
            assertThat(scalar(root.get("TitleTrue")).kind()).isEqualTo(Node.ScalarKind.BOOLEAN);
            assertThat(scalar(root.get("Decimal"))).extracting(Node.Scalar::text, Node.Scalar::kind)
                    .containsExactly("1.50", Node.ScalarKind.FLOAT);
            assertThat(scalar(root.get("Negative"))).extracting(Node.Scalar::text, Node.Scalar::kind)
                    .containsExactly("-5", Node.ScalarKind.INTEGER);
            assertThat(scalar(root.get("Exponent")).kind()).isEqualTo(Node.ScalarKind.FLOAT);
            for (String key : List.of("Hex", "Underscored", "Octal", "Date")) {
                assertThat(scalar(root.get(key)).kind()).as(key).isEqualTo(Node.ScalarKind.STRING);
            }
            assertThat(scalar(root.get("Hex")).text()).isEqualTo("0x1F");
            assertThat(scalar(root.get("Date")).text()).isEqualTo("2012-10-17");
        }

        @Test
        void jsonScalarsAreTyped() throws Exception {
            Node.Mapping root = map(json("""
                    {"S": "012345678901", "I": 12, "F": 1.5, "B": false, "N": null, "E": ""}
                    """));
            assertThat(scalar(root.get("S"))).extracting(Node.Scalar::text, Node.Scalar::kind)
                    .containsExactly("012345678901", Node.ScalarKind.STRING);
            assertThat(scalar(root.get("I")).kind()).isEqualTo(Node.ScalarKind.INTEGER);
            assertThat(scalar(root.get("F")).kind()).isEqualTo(Node.ScalarKind.FLOAT);
            assertThat(scalar(root.get("B"))).extracting(Node.Scalar::text, Node.Scalar::kind)
                    .containsExactly("false", Node.ScalarKind.BOOLEAN);
            assertThat(scalar(root.get("N")).isNull()).isTrue();
            assertThat(scalar(root.get("E"))).extracting(Node.Scalar::text, Node.Scalar::kind)
                    .containsExactly("", Node.ScalarKind.STRING);
        }

        @Test
        void multiLineStringsKeepTheirText() throws Exception {
            Node.Mapping root = map(yaml("""
                    Code: |
                      def handler(event, context):
                          return 1
                    Folded: >
                      one
                      two
                    """));
            assertThat(scalar(root.get("Code")).text()).isEqualTo("def handler(event, context):\n    return 1\n");
            assertThat(scalar(root.get("Folded")).text()).isEqualTo("one two\n");
        }
    }

    @Nested
    class Documents {

        @Test
        void emptyDocumentIsAProblem() {
            assertThat(yamlProblems("")).containsExactly(new Problem(y(1, 1),
                    "the document is empty; expected a template, a mapping with at least a Resources section"));
            assertThat(jsonProblems("   ")).containsExactly(new Problem(j(1, 1),
                    "the document is empty; expected a template, a mapping with at least a Resources section"));
        }

        @Test
        void aSecondYamlDocumentIsAProblem() {
            assertThat(yamlProblems("A: 1\n---\nB: 2\n")).containsExactly(new Problem(y(3, 1),
                    "a second document starts here; a template is exactly one YAML or JSON document"));
        }

        @Test
        void malformedYamlIsLocatedAndSaysWhatWasExpected() {
            List<Problem> problems = yamlProblems("A: [1, 2\nB: 3\n");
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).location()).isEqualTo(y(2, 2));
            assertThat(problems.get(0).message())
                    .isEqualTo("the document is not well-formed: while parsing a flow sequence; expected ',' or ']', but got :");
        }

        @Test
        void malformedJsonIsLocatedAndSaysWhatWasExpected() {
            List<Problem> problems = jsonProblems("{\n  \"A\": 1,,\n}");
            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).location()).isEqualTo(j(2, 10));
            assertThat(problems.get(0).message()).startsWith("the document is not well-formed: Unexpected character (',' (code 44)):")
                    .contains("was expecting double-quote to start field name")
                    .doesNotContain("[Source:");
        }

        @Test
        void duplicateJsonKeyIsAProblemAtTheSecondKey() {
            assertThat(jsonProblems("{\n  \"A\": 1,\n  \"A\": 2\n}")).containsExactly(new Problem(j(3, 3),
                    "duplicate key 'A'; it is already written at line 2 and a key may appear only once in a mapping"));
        }

        /**
         * SnakeYAML's own duplicate check (LoaderOptions.setAllowDuplicateKeys(false), honoured by Jackson's
         * YAML parser) fires before DocumentReader's: its message says neither where the first key is nor
         * what is expected, and its column is one past the key.
         */
        @Test
        void duplicateYamlKeyIsAProblemAtTheSecondKeyLikeInJson() {
            assertThat(yamlProblems("A: 1\nB: 2\nA: 3\n")).containsExactly(new Problem(y(3, 1),
                    "duplicate key 'A'; it is already written at line 1 and a key may appear only once in a mapping"));
        }

        @Test
        void aKeyMergedInMayBeOverriddenButAKeyWrittenTwiceMayNot() throws Exception {
            Node.Mapping root = map(yaml("D: &d {X: 1}\nM:\n  <<: *d\n  X: 2\n"));
            assertThat(scalar(map(root.get("M")).get("X")).text()).isEqualTo("2");
        }

        @ParameterizedTest(name = "{0} -> {2}")
        @CsvSource(delimiter = '|', value = {
                "template.json | Resources: {} | JSON",
                "TEMPLATE.JSON | Resources: {} | JSON",
                "template.yaml | {\"Resources\": {}} | JSON",
                "template.yaml | Resources: {} | YAML",
                "template.template | AWSTemplateFormatVersion: '2010-09-09' | YAML",
        })
        void formatIsSniffedFromTheNameThenTheFirstCharacter(String name, String content, DocumentReader.Format format) {
            assertThat(DocumentReader.sniff(name, content)).isEqualTo(format);
        }
    }
}
