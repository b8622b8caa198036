package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.Pseudo;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every intrinsic function, short form and long form, to its symbolic {@link Expr}, and every malformed
 * or dangling one to a located problem.
 */
class IntrinsicsTest {

    /** Parameters Env and Subnets; resources Bucket, Queue and Vpc; conditions IsProd, HasName; mapping RegionMap. */
    private static final Scope SCOPE = new Scope(Set.of("Env", "Subnets"), Set.of("Bucket", "Queue", "Vpc"),
            Set.of("IsProd", "HasName"), Set.of("RegionMap"), Set.of(), false, false);

    private static final String FILE = "v.yaml";

    private Problems problems;
    private Intrinsics intrinsics;

    @BeforeEach
    void setUp() {
        use(SCOPE);
    }

    private void use(Scope scope) {
        problems = new Problems();
        intrinsics = new Intrinsics(scope, problems);
    }

    /** Converts the value written after {@code V: } (so that its column is known: the value starts at column 4). */
    private Expr value(String text) throws InvalidInputException {
        Node.Mapping root = (Node.Mapping) DocumentReader.read(FILE, "V: " + text + "\n", DocumentReader.Format.YAML);
        return intrinsics.expr(root.get("V"));
    }

    private Expr conditionValue(String text) throws InvalidInputException {
        Node.Mapping root = (Node.Mapping) DocumentReader.read(FILE, "V: " + text + "\n", DocumentReader.Format.YAML);
        return intrinsics.condition(root.get("V"));
    }

    private Expr json(String text, boolean condition) throws InvalidInputException {
        Node node = DocumentReader.read("v.json", text, DocumentReader.Format.JSON);
        return condition ? intrinsics.condition(node) : intrinsics.expr(node);
    }

    private List<Problem> problems() {
        try {
            problems.throwIfAny();
            return List.of();
        } catch (InvalidInputException e) {
            return e.problems();
        }
    }

    private static SourceLocation at(int column) {
        return new SourceLocation(FILE, 1, column);
    }

    private static Expr s(String value) {
        return new Expr.StringLiteral(value);
    }

    private static Expr n(String value) {
        return new Expr.NumberLiteral(new BigDecimal(value));
    }

    private static Expr list(Expr... items) {
        return new Expr.ListExpr(List.of(items));
    }

    private static Expr param(String name) {
        return new Expr.ParameterRef(name);
    }

    private static Expr pseudo(Pseudo pseudo) {
        return new Expr.PseudoRef(pseudo);
    }

    private static Expr sub(Expr... parts) {
        return new Expr.Interpolation(List.of(parts));
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                arguments("!Ref Env", "{\"Ref\": \"Env\"}", false, param("Env")),
                arguments("!Ref Bucket", "{\"Ref\": \"Bucket\"}", false, new Expr.ResourceRef("Bucket")),
                arguments("!Ref AWS::Region", "{\"Ref\": \"AWS::Region\"}", false, pseudo(Pseudo.REGION)),
                arguments("!Ref AWS::AccountId", "{\"Ref\": \"AWS::AccountId\"}", false, pseudo(Pseudo.ACCOUNT_ID)),
                arguments("!Ref AWS::StackName", "{\"Ref\": \"AWS::StackName\"}", false, pseudo(Pseudo.STACK_NAME)),
                arguments("!Ref AWS::NoValue", "{\"Ref\": \"AWS::NoValue\"}", false, pseudo(Pseudo.NO_VALUE)),
                arguments("!GetAtt Queue.Arn", "{\"Fn::GetAtt\": [\"Queue\", \"Arn\"]}", false,
                        new Expr.AttributeRef("Queue", "Arn")),
                arguments("!GetAtt [Queue, QueueName]", "{\"Fn::GetAtt\": \"Queue.QueueName\"}", false,
                        new Expr.AttributeRef("Queue", "QueueName")),
                arguments("!GetAtt Vpc.Endpoint.Address", "{\"Fn::GetAtt\": [\"Vpc\", \"Endpoint.Address\"]}", false,
                        new Expr.AttributeRef("Vpc", "Endpoint.Address")),
                arguments("!Sub 'arn:${AWS::Partition}:s3:::${Bucket}/*'",
                        "{\"Fn::Sub\": \"arn:${AWS::Partition}:s3:::${Bucket}/*\"}", false,
                        sub(s("arn:"), pseudo(Pseudo.PARTITION), s(":s3:::"), new Expr.ResourceRef("Bucket"), s("/*"))),
                arguments("!Sub '${Env}-${Queue.Arn}-${AWS::Region}-${!Literal}'",
                        "{\"Fn::Sub\": \"${Env}-${Queue.Arn}-${AWS::Region}-${!Literal}\"}", false,
                        sub(param("Env"), s("-"), new Expr.AttributeRef("Queue", "Arn"), s("-"),
                                pseudo(Pseudo.REGION), s("-${Literal}"))),
                arguments("!Sub ['${Name}.${Domain}', {Name: !Ref Env, Domain: example.com}]",
                        "{\"Fn::Sub\": [\"${Name}.${Domain}\", {\"Name\": {\"Ref\": \"Env\"}, \"Domain\": \"example.com\"}]}",
                        false, sub(param("Env"), s(".example.com"))),
                arguments("!Sub 'no holes'", "{\"Fn::Sub\": \"no holes\"}", false, s("no holes")),
                arguments("!Join ['-', [a, !Ref Env]]", "{\"Fn::Join\": [\"-\", [\"a\", {\"Ref\": \"Env\"}]]}", false,
                        new Expr.Join(s("-"), list(s("a"), param("Env")))),
                arguments("!Join [',', !Ref Subnets]", "{\"Fn::Join\": [\",\", {\"Ref\": \"Subnets\"}]}", false,
                        new Expr.Join(s(","), param("Subnets"))),
                arguments("!Select [1, !Split [',', !Ref Subnets]]",
                        "{\"Fn::Select\": [1, {\"Fn::Split\": [\",\", {\"Ref\": \"Subnets\"}]}]}", false,
                        new Expr.Select(n("1"), new Expr.Split(s(","), param("Subnets")))),
                arguments("!Select [0, !GetAZs '']", "{\"Fn::Select\": [0, {\"Fn::GetAZs\": \"\"}]}", false,
                        new Expr.Select(n("0"), new Expr.AvailabilityZones(s("")))),
                arguments("!If [IsProd, 512, 128]", "{\"Fn::If\": [\"IsProd\", 512, 128]}", false,
                        new Expr.Conditional("IsProd", n("512"), n("128"))),
                arguments("!If [HasName, !Ref Env, !Ref AWS::NoValue]",
                        "{\"Fn::If\": [\"HasName\", {\"Ref\": \"Env\"}, {\"Ref\": \"AWS::NoValue\"}]}", false,
                        new Expr.Conditional("HasName", param("Env"), pseudo(Pseudo.NO_VALUE))),
                arguments("!FindInMap [RegionMap, !Ref AWS::Region, Ami]",
                        "{\"Fn::FindInMap\": [\"RegionMap\", {\"Ref\": \"AWS::Region\"}, \"Ami\"]}", false,
                        new Expr.FindInMap(s("RegionMap"), pseudo(Pseudo.REGION), s("Ami"), Optional.empty())),
                arguments("!FindInMap [RegionMap, !Ref AWS::Region, Ami, {DefaultValue: ami-0}]",
                        "{\"Fn::FindInMap\": [\"RegionMap\", {\"Ref\": \"AWS::Region\"}, \"Ami\", {\"DefaultValue\": \"ami-0\"}]}",
                        false, new Expr.FindInMap(s("RegionMap"), pseudo(Pseudo.REGION), s("Ami"), Optional.of(s("ami-0")))),
                arguments("!ImportValue shared-vpc-id", "{\"Fn::ImportValue\": \"shared-vpc-id\"}", false,
                        new Expr.ImportValue(s("shared-vpc-id"))),
                arguments("!ImportValue {'Fn::Sub': '${Env}-VpcId'}", "{\"Fn::ImportValue\": {\"Fn::Sub\": \"${Env}-VpcId\"}}",
                        false, new Expr.ImportValue(sub(param("Env"), s("-VpcId")))),
                arguments("!Base64 '#!/bin/bash'", "{\"Fn::Base64\": \"#!/bin/bash\"}", false,
                        new Expr.Base64(s("#!/bin/bash"))),
                arguments("!GetAZs ''", "{\"Fn::GetAZs\": \"\"}", false, new Expr.AvailabilityZones(s(""))),
                arguments("!GetAZs {Ref: AWS::Region}", "{\"Fn::GetAZs\": {\"Ref\": \"AWS::Region\"}}", false,
                        new Expr.AvailabilityZones(pseudo(Pseudo.REGION))),
                arguments("!Cidr ['10.0.0.0/16', 6, 8]", "{\"Fn::Cidr\": [\"10.0.0.0/16\", 6, 8]}", false,
                        new Expr.Cidr(s("10.0.0.0/16"), n("6"), n("8"))),
                arguments("!Cidr [!GetAtt Vpc.CidrBlock, 6, 8]",
                        "{\"Fn::Cidr\": [{\"Fn::GetAtt\": [\"Vpc\", \"CidrBlock\"]}, 6, 8]}", false,
                        new Expr.Cidr(new Expr.AttributeRef("Vpc", "CidrBlock"), n("6"), n("8"))),
                arguments("!Transform {Name: AWS::Include, Parameters: {Location: 's3://bucket/file.yaml'}}",
                        "{\"Fn::Transform\": {\"Name\": \"AWS::Include\", \"Parameters\": {\"Location\": \"s3://bucket/file.yaml\"}}}",
                        false, new Expr.Unknown("{\"Fn::Transform\": {\"Name\": \"AWS::Include\", \"Parameters\":"
                                + " {\"Location\": \"s3://bucket/file.yaml\"}}}")),
                arguments("!Equals [!Ref Env, prod]", "{\"Fn::Equals\": [{\"Ref\": \"Env\"}, \"prod\"]}", true,
                        new Expr.Equals(param("Env"), s("prod"))),
                arguments("!And [!Condition IsProd, !Equals [!Ref Env, prod]]",
                        "{\"Fn::And\": [{\"Condition\": \"IsProd\"}, {\"Fn::Equals\": [{\"Ref\": \"Env\"}, \"prod\"]}]}",
                        true, new Expr.And(List.of(new Expr.ConditionRef("IsProd"), new Expr.Equals(param("Env"), s("prod"))))),
                arguments("!Or [!Condition IsProd, !Condition HasName]",
                        "{\"Fn::Or\": [{\"Condition\": \"IsProd\"}, {\"Condition\": \"HasName\"}]}", true,
                        new Expr.Or(List.of(new Expr.ConditionRef("IsProd"), new Expr.ConditionRef("HasName")))),
                arguments("!Not [!Condition IsProd]", "{\"Fn::Not\": [{\"Condition\": \"IsProd\"}]}", true,
                        new Expr.Not(new Expr.ConditionRef("IsProd"))),
                arguments("!Condition HasName", "{\"Condition\": \"HasName\"}", true, new Expr.ConditionRef("HasName")),
                // conditions nested in a value (Fn::And/Or/Not operands) are always condition references
                arguments("!If [IsProd, !Not [!Condition HasName], x]",
                        "{\"Fn::If\": [\"IsProd\", {\"Fn::Not\": [{\"Condition\": \"HasName\"}]}, \"x\"]}", false,
                        new Expr.Conditional("IsProd", new Expr.Not(new Expr.ConditionRef("HasName")), s("x"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void shortAndLongFormGiveTheSameExpression(String shortForm, String longForm, boolean condition, Expr expected)
            throws Exception {
        Expr fromYaml = condition ? conditionValue(shortForm) : value(shortForm);
        Expr fromJson = json(longForm, condition);
        assertThat(problems()).isEmpty();
        assertThat(fromYaml).isEqualTo(expected);
        assertThat(fromJson).isEqualTo(expected);
    }

    @Test
    void longFormWrittenInYamlIsReadLikeTheShortForm() throws Exception {
        Node.Mapping root = (Node.Mapping) DocumentReader.read(FILE, """
                V:
                  Fn::Join:
                    - ''
                    - - 'arn:'
                      - Ref: AWS::Partition
                      - Fn::GetAtt: [Queue, Arn]
                """, DocumentReader.Format.YAML);
        assertThat(intrinsics.expr(root.get("V"))).isEqualTo(new Expr.Join(s(""),
                list(s("arn:"), pseudo(Pseudo.PARTITION), new Expr.AttributeRef("Queue", "Arn"))));
        assertThat(problems()).isEmpty();
    }

    @Nested
    class Literals {

        @Test
        void scalarsListsAndMapsBecomeLiterals() throws Exception {
            Map<String, Expr> entries = new LinkedHashMap<>();
            entries.put("b", n("1.50"));
            entries.put("a", new Expr.BooleanLiteral(true));
            entries.put("c", new Expr.NullLiteral());
            entries.put("d", list(s("x"), n("-2")));
            entries.put("e", s("012"));
            Expr expected = new Expr.MapExpr(entries);
            assertThat(value("{b: 1.50, a: true, c: ~, d: [x, -2], e: 012}")).isEqualTo(expected);
            assertThat(json("{\"b\": 1.50, \"a\": true, \"c\": null, \"d\": [\"x\", -2], \"e\": \"012\"}", false))
                    .isEqualTo(expected);
            assertThat(expected.isLiteral()).isTrue();
        }

        @Test
        void aMapKeyNamedConditionIsAPlainKeyOutsideConditions() throws Exception {
            // IAM statements have a Condition block; only in Conditions does {Condition: X} refer to a condition
            assertThat(value("{Condition: {StringEquals: {a: b}}}")).isEqualTo(new Expr.MapExpr(
                    Map.of("Condition", new Expr.MapExpr(Map.of("StringEquals", new Expr.MapExpr(Map.of("a", s("b"))))))));
            assertThat(problems()).isEmpty();
        }
    }

    @Nested
    class Printing {

        @Test
        void expressionsPrintInACompactShortForm() throws Exception {
            assertThat(value("!Ref Env")).hasToString("!Ref Env");
            assertThat(value("!Ref AWS::Region")).hasToString("!Ref AWS::Region");
            assertThat(value("!GetAtt Queue.Arn")).hasToString("!GetAtt Queue.Arn");
            assertThat(value("!Sub '${Env}-${Queue.Arn}-${AWS::Region}-${!Literal}'"))
                    .hasToString("!Sub \"${Env}-${Queue.Arn}-${AWS::Region}-${!Literal}\"");
            assertThat(value("!If [IsProd, 512, 128]")).hasToString("!If [\"IsProd\", 512, 128]");
            assertThat(value("!FindInMap [RegionMap, !Ref AWS::Region, Ami, {DefaultValue: ami-0}]"))
                    .hasToString("!FindInMap [\"RegionMap\", !Ref AWS::Region, \"Ami\", {\"DefaultValue\": \"ami-0\"}]");
            assertThat(value("!Join ['-', [a, !Ref Env]]")).hasToString("!Join [\"-\", [\"a\", !Ref Env]]");
            assertThat(value("!ImportValue {'Fn::Sub': '${Env}-VpcId'}")).hasToString("!ImportValue !Sub \"${Env}-VpcId\"");
            assertThat(value("!GetAZs ''")).hasToString("!GetAZs \"\"");
            assertThat(conditionValue("!Not [!Condition IsProd]")).hasToString("!Not [!Condition IsProd]");
            assertThat(value("!Transform {Name: AWS::Include}"))
                    .hasToString("<unknown {\"Fn::Transform\": {\"Name\": \"AWS::Include\"}}>");
            assertThat(value("{a: 1.50, b: [true, ~]}")).hasToString("{\"a\": 1.50, \"b\": [true, null]}");
        }
    }

    @Nested
    class Problems_ {

        private void assertProblem(String valueText, int column, String message) throws Exception {
            value(valueText);
            assertThat(problems()).containsExactly(new Problem(at(column), message));
        }

        private void assertConditionProblem(String valueText, int column, String message) throws Exception {
            conditionValue(valueText);
            assertThat(problems()).containsExactly(new Problem(at(column), message));
        }

        @Test
        void refToAnUndeclaredName() throws Exception {
            assertProblem("!Ref Missing", 4, "'Missing' is not a parameter, resource or pseudo parameter of this"
                    + " template; expected a declared parameter name, resource logical id, or a pseudo parameter such"
                    + " as AWS::Region");
        }

        @Test
        void refToAnUndeclaredNameInJsonPointsAtTheCall() throws Exception {
            json("{\n  \"Ref\": \"Missing\"\n}", false);
            assertThat(problems()).extracting(Problem::location).containsExactly(new SourceLocation("v.json", 1, 1));
        }

        @Test
        void refTakesAName() throws Exception {
            assertProblem("!Ref [Env]", 4, "Ref takes the name of a parameter, resource or pseudo parameter; found a list");
        }

        @Test
        void getAttToAnUndeclaredResource() throws Exception {
            assertProblem("!GetAtt Missing.Arn", 4, "Fn::GetAtt refers to 'Missing', which is not a resource of this"
                    + " template; expected a resource logical id");
        }

        @Test
        void getAttToAParameter() throws Exception {
            assertProblem("!GetAtt [Env, Arn]", 4, "'Env' is a parameter; Fn::GetAtt takes a resource logical id");
        }

        @Test
        void getAttWithoutADot() throws Exception {
            assertProblem("!GetAtt NoDot", 4,
                    "Fn::GetAtt takes 'Resource.Attribute' or [Resource, Attribute]; found 'NoDot'");
            assertThat(value("!GetAtt NoDot")).isEqualTo(new Expr.Unknown("{\"Fn::GetAtt\": \"NoDot\"}"));
        }

        @Test
        void getAttWithAnEmptyHalf() throws Exception {
            assertProblem("!GetAtt Queue.", 4,
                    "Fn::GetAtt takes 'Resource.Attribute' or [Resource, Attribute]; found 'Queue.'");
        }

        @Test
        void getAttListOfOne() throws Exception {
            assertProblem("!GetAtt [Queue]", 4,
                    "Fn::GetAtt takes [Resource, Attribute] or 'Resource.Attribute'; found a list of 1 items");
        }

        @Test
        void getAttWithAComputedAttributeIsKeptAsWritten() throws Exception {
            assertThat(value("!GetAtt [Queue, !Ref Env]"))
                    .isEqualTo(new Expr.Unknown("{\"Fn::GetAtt\": [\"Queue\", {\"Ref\": \"Env\"}]}"));
            assertThat(problems()).isEmpty();
        }

        @Test
        void joinWithOneItem() throws Exception {
            assertProblem("!Join [',']", 4, "Fn::Join takes [delimiter, [values]]; found a list of 1 items");
            assertThat(value("!Join [',']")).isEqualTo(new Expr.Unknown("{\"Fn::Join\": [\",\"]}"));
        }

        @Test
        void selectWithAScalar() throws Exception {
            assertProblem("!Select 3", 4, "Fn::Select takes [index, [values]]; found a scalar");
        }

        @Test
        void splitWithThreeItems() throws Exception {
            assertProblem("!Split [',', a, b]", 4, "Fn::Split takes [delimiter, source string]; found a list of 3 items");
        }

        @Test
        void ifWithTwoItems() throws Exception {
            assertProblem("!If [IsProd, a]", 4,
                    "Fn::If takes [condition name, value if true, value if false]; found a list of 2 items");
        }

        @Test
        void ifWithAnUndeclaredCondition() throws Exception {
            assertProblem("!If [Nope, a, b]", 9,
                    "condition 'Nope' is not declared; expected one of the names in Conditions: HasName, IsProd");
        }

        @Test
        void ifWithAConditionThatIsNotAName() throws Exception {
            assertProblem("!If [[IsProd], a, b]", 9, "Fn::If's first item must be a condition name; found a list");
        }

        @Test
        void undeclaredConditionWhenTheTemplateHasNone() throws Exception {
            use(new Scope(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false));
            assertProblem("!If [Nope, a, b]", 9,
                    "condition 'Nope' is not declared; expected one of the names in Conditions (the template declares none)");
        }

        @Test
        void findInMapWithAnUndeclaredMapping() throws Exception {
            assertProblem("!FindInMap [Nope, a, b]", 16,
                    "mapping 'Nope' is not declared; expected one of the names in Mappings: RegionMap");
        }

        @Test
        void findInMapWithTwoItems() throws Exception {
            assertProblem("!FindInMap [RegionMap, a]", 4,
                    "Fn::FindInMap takes [map name, top-level key, second-level key]; found a list of 2 items");
        }

        @Test
        void findInMapWithAFourthItemThatIsNotADefault() throws Exception {
            assertProblem("!FindInMap [RegionMap, a, b, c]", 33, "Fn::FindInMap's fourth item must be {DefaultValue: value}");
        }

        @Test
        void subWithThreeItems() throws Exception {
            assertProblem("!Sub [a, b, c]", 4, "Fn::Sub takes a string or [string, {variable: value}]; found a list");
        }

        @Test
        void subWithAnEmptyHole() throws Exception {
            assertProblem("!Sub 'x-${}'", 4, "Fn::Sub has an empty ${} in 'x-${}'; expected a name inside it");
        }

        @Test
        void subWithAnUndeclaredName() throws Exception {
            assertProblem("!Sub 'x-${Missing}'", 4, "'Missing' is not a parameter, resource or pseudo parameter of"
                    + " this template; expected a declared parameter name, resource logical id, or a pseudo parameter"
                    + " such as AWS::Region");
        }

        @Test
        void subWithAnUndeclaredResourceAttribute() throws Exception {
            assertProblem("!Sub '${Missing.Arn}'", 4, "Fn::GetAtt refers to 'Missing', which is not a resource of"
                    + " this template; expected a resource logical id");
        }

        @Test
        void subVariablesShadowTemplateNames() throws Exception {
            assertThat(value("!Sub ['${Missing}', {Missing: !Ref Env}]")).isEqualTo(sub(param("Env")));
            assertThat(problems()).isEmpty();
        }

        @Test
        void equalsWithOneItem() throws Exception {
            assertConditionProblem("!Equals [a]", 4, "Fn::Equals takes [value, value]; found a list of 1 items");
        }

        @Test
        void andWithOneCondition() throws Exception {
            assertConditionProblem("!And [!Condition IsProd]", 4,
                    "Fn::And takes a list of 2 to 10 conditions; found a list of 1 items");
        }

        @Test
        void orWithElevenConditions() throws Exception {
            assertConditionProblem("!Or [" + String.join(", ", java.util.Collections.nCopies(11, "!Condition IsProd")) + "]",
                    4, "Fn::Or takes a list of 2 to 10 conditions; found a list of 11 items");
        }

        @Test
        void notWithTwoConditions() throws Exception {
            assertConditionProblem("!Not [!Condition IsProd, !Condition HasName]", 4,
                    "Fn::Not takes a list of one condition; found a list of 2 items");
        }

        @Test
        void conditionReferenceToAnUndeclaredCondition() throws Exception {
            assertConditionProblem("!Condition Nope", 4,
                    "condition 'Nope' is not declared; expected one of the names in Conditions: HasName, IsProd");
        }

        @Test
        void conditionReferenceThatIsNotAName() throws Exception {
            assertConditionProblem("!Condition [IsProd]", 4, "Condition takes a condition name; found a list");
        }

        @Test
        void cidrWithTwoItems() throws Exception {
            assertProblem("!Cidr ['10.0.0.0/16', 6]", 4, "Fn::Cidr takes [ipBlock, count, cidrBits]; found a list of 2 items");
        }

        @Test
        void unknownLongFormFunction() throws Exception {
            json("{\"Fn::Bogus\": 1}", false);
            assertThat(problems()).containsExactly(new Problem(new SourceLocation("v.json", 1, 1),
                    "unknown intrinsic function Fn::Bogus; expected Ref or one of Fn::GetAtt, Fn::Sub, Fn::Join,"
                            + " Fn::Select, Fn::Split, Fn::If, Fn::Equals, Fn::And, Fn::Or, Fn::Not, Fn::FindInMap,"
                            + " Fn::ImportValue, Fn::Base64, Fn::GetAZs, Fn::Cidr, Fn::Transform"));
        }

        @Test
        void languageExtensionFunctionsAreKeptWithoutAProblem() throws Exception {
            assertThat(json("{\"Fn::Length\": [1, 2]}", false)).isEqualTo(new Expr.Unknown("{\"Fn::Length\": [1, 2]}"));
            assertThat(json("{\"Fn::ToJsonString\": {\"a\": 1}}", false))
                    .isEqualTo(new Expr.Unknown("{\"Fn::ToJsonString\": {\"a\": 1}}"));
            assertThat(problems()).isEmpty();
        }

        @Test
        void everyProblemInOneValueIsReported() throws Exception {
            value("!Join ['-', [!Ref One, !GetAtt Two.Arn, !If [Three, a, b]]]");
            assertThat(problems()).extracting(Problem::location).containsExactly(at(17), at(27), at(49));
        }
    }

    @Nested
    class Scopes {

        @Test
        void samGeneratedIdsAreResources() throws Exception {
            use(new Scope(Set.of(), Set.of("Fn"), Set.of(), Set.of(), Set.of("Fn"), true, false));
            assertThat(value("!Ref FnRole")).isEqualTo(new Expr.ResourceRef("FnRole"));
            assertThat(value("!GetAtt FnRole.Arn")).isEqualTo(new Expr.AttributeRef("FnRole", "Arn"));
            assertThat(value("!Ref Fn.Alias")).isEqualTo(new Expr.ResourceRef("Fn.Alias"));
            assertThat(value("!Ref ServerlessRestApi")).isEqualTo(new Expr.ResourceRef("ServerlessRestApi"));
            assertThat(value("!Sub 'https://${ServerlessHttpApi}.execute-api.${AWS::Region}.amazonaws.com'"))
                    .isEqualTo(sub(s("https://"), new Expr.ResourceRef("ServerlessHttpApi"), s(".execute-api."),
                            pseudo(Pseudo.REGION), s(".amazonaws.com")));
            assertThat(problems()).isEmpty();
        }

        @Test
        void samImplicitIdsAreNotResourcesOfAPlainTemplate() throws Exception {
            use(new Scope(Set.of(), Set.of("Fn"), Set.of(), Set.of(), Set.of(), false, false));
            value("!Ref ServerlessRestApi");
            assertThat(problems()).hasSize(1);
        }

        @Test
        void anOpenScopeAcceptsUnknownReferences() throws Exception {
            use(new Scope(Set.of(), Set.of("Fn"), Set.of(), Set.of(), Set.of(), false, true));
            assertThat(value("!Ref TopicSuccess")).isEqualTo(new Expr.ResourceRef("TopicSuccess"));
            assertThat(value("!GetAtt TopicSuccess.TopicArn")).isEqualTo(new Expr.AttributeRef("TopicSuccess", "TopicArn"));
            assertThat(problems()).isEmpty();
        }

        @Test
        void noValueAndIntrinsicDetection() throws Exception {
            Node.Mapping root = (Node.Mapping) DocumentReader.read(FILE,
                    "A: !Ref AWS::NoValue\nB: !Ref Env\nC: {Ref: x, Other: y}\nD:\n  Fn::Custom: 1\n",
                    DocumentReader.Format.YAML);
            assertThat(Intrinsics.isNoValue(root.get("A"))).isTrue();
            assertThat(Intrinsics.isNoValue(root.get("B"))).isFalse();
            assertThat(Intrinsics.isIntrinsic(root.get("B"))).isTrue();
            assertThat(Intrinsics.isIntrinsic(root.get("C"))).isFalse();
            assertThat(Intrinsics.isIntrinsic(root.get("D"))).isTrue();
        }
    }
}
