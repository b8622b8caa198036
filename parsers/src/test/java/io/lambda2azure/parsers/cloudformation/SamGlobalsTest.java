package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

/** SAM's Globals section and the translator's merge rules. */
class SamGlobalsTest {

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

    private static Expr list(Expr... items) {
        return new Expr.ListExpr(List.of(items));
    }

    private static Function function(ServerlessApp app, String id) {
        return app.function(id).orElseThrow(() -> new AssertionError("no function " + id));
    }

    private static final String LAYER_ARN = "arn:aws:lambda:us-east-1:123456789012:layer:common:1";

    static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              Subnets:
                Type: List<AWS::EC2::Subnet::Id>
            Conditions:
              IsProd: !Equals [!Ref AWS::Region, us-east-1]
            Globals:
              Function:
                Runtime: python3.12
                Handler: app.handler
                Timeout: !If [IsProd, 30, 10]
                MemorySize: 256
                Environment:
                  Variables:
                    TABLE: orders
                    STAGE: dev
                Layers:
                  - arn:aws:lambda:us-east-1:123456789012:layer:common:1
                Tags:
                  team: core
                VpcConfig:
                  SecurityGroupIds: [sg-1]
                  SubnetIds: [subnet-a, subnet-b]
                SnapStart:
                  ApplyOn: PublishedVersions
            Resources:
              Plain:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/
              Custom:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/
                  Runtime: java21
                  Handler: com.example.Handler
                  Timeout: 5
                  Environment:
                    Variables:
                      STAGE: prod
                      EXTRA: x
                  Layers:
                    - !Ref LocalLayer
                  Tags:
                    app: orders
                  VpcConfig:
                    SubnetIds: !Ref Subnets
              LocalLayer:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: layer/
              IgnoresAll:
                Type: AWS::Serverless::Function
                IgnoreGlobals: '*'
                Properties:
                  CodeUri: src/
                  Runtime: nodejs20.x
                  Handler: index.handler
              IgnoresSome:
                Type: AWS::Serverless::Function
                IgnoreGlobals: [Runtime, Layers]
                Properties:
                  CodeUri: src/
                  Runtime: provided.al2023
            """;

    @Nested
    class Merge {

        @Test
        void globalsApplyWhereTheFunctionSaysNothingAndPointIntoGlobals() throws Exception {
            Function plain = function(parse(TEMPLATE), "Plain");
            assertThat(plain.runtime()).contains(s("python3.12"));
            assertThat(plain.handler()).contains(s("app.handler"));
            assertThat(plain.timeout()).contains(new Expr.Conditional("IsProd", n("30"), n("10")));
            assertThat(plain.memorySize()).contains(n("256"));
            assertThat(plain.environment()).containsExactly(entry("TABLE", s("orders")), entry("STAGE", s("dev")));
            assertThat(plain.layers()).containsExactly(s(LAYER_ARN));
            assertThat(plain.tags()).containsExactly(entry("team", s("core")));
            assertThat(plain.vpc()).contains(new VpcConfig(Optional.of(list(s("subnet-a"), s("subnet-b"))),
                    Optional.of(list(s("sg-1"))), Optional.empty()));
            assertThat(plain.locationOf("Runtime")).isEqualTo(at(9, 5));
            assertThat(plain.locationOf("Handler")).isEqualTo(at(10, 5));
            assertThat(plain.locationOf("Timeout")).isEqualTo(at(11, 5));
            assertThat(plain.locationOf("Environment")).isEqualTo(at(13, 5));
            assertThat(plain.locationOf("CodeUri")).isEqualTo(at(30, 7));
            assertThat(plain.location()).isEqualTo(at(27, 3));
        }

        @Test
        void aPrimitiveOnTheFunctionOverridesTheGlobalOneEvenAnIntrinsic() throws Exception {
            Function custom = function(parse(TEMPLATE), "Custom");
            assertThat(custom.runtime()).contains(s("java21"));
            assertThat(custom.locationOf("Runtime")).isEqualTo(at(35, 7));
            assertThat(custom.handler()).contains(s("com.example.Handler"));
            assertThat(custom.timeout()).contains(n("5"));
            assertThat(custom.locationOf("Timeout")).isEqualTo(at(37, 7));
            assertThat(custom.memorySize()).contains(n("256"));
            assertThat(custom.locationOf("MemorySize")).isEqualTo(at(12, 5));
        }

        @Test
        void mapsMergeKeyByKeyGlobalsFirst() throws Exception {
            Function custom = function(parse(TEMPLATE), "Custom");
            assertThat(custom.environment()).containsExactly(entry("TABLE", s("orders")), entry("STAGE", s("prod")),
                    entry("EXTRA", s("x")));
            assertThat(custom.tags()).containsExactly(entry("team", s("core")), entry("app", s("orders")));
        }

        @Test
        void listsConcatenateGlobalsFirst() throws Exception {
            Function custom = function(parse(TEMPLATE), "Custom");
            assertThat(custom.layers()).containsExactly(s(LAYER_ARN), new Expr.ResourceRef("LocalLayer"));
        }

        @Test
        void anIntrinsicInsideAMergedMapReplacesTheGlobalList() throws Exception {
            Function custom = function(parse(TEMPLATE), "Custom");
            assertThat(custom.vpc()).contains(new VpcConfig(Optional.of(new Expr.ParameterRef("Subnets")),
                    Optional.of(list(s("sg-1"))), Optional.empty()));
        }

        @Test
        void anIntrinsicGlobalMapIsAPrimitiveThatALocalMapReplaces() throws Exception {
            ServerlessApp app = parse("""
                    Transform: AWS::Serverless-2016-10-31
                    Conditions:
                      IsProd: !Equals [!Ref AWS::Region, us-east-1]
                    Globals:
                      Function:
                        Environment: !If [IsProd, {Variables: {A: '1'}}, {Variables: {A: '2'}}]
                    Resources:
                      Local:
                        Type: AWS::Serverless::Function
                        Properties:
                          InlineCode: x
                          Environment:
                            Variables:
                              B: b
                      Global:
                        Type: AWS::Serverless::Function
                        Properties:
                          InlineCode: x
                    """);
            assertThat(function(app, "Local").environment()).containsExactly(entry("B", s("b")));
            assertThat(function(app, "Local").locationOf("Environment")).isEqualTo(at(12, 7));
            // the function that only inherits an intrinsic Environment keeps it, as an unmapped property
            assertThat(function(app, "Global").environment()).isEmpty();
            assertThat(app.unmappedProperties()).singleElement().satisfies(u -> {
                assertThat(u.resourceId()).isEqualTo("Global");
                assertThat(u.path()).isEqualTo("Environment");
                assertThat(u.value()).isInstanceOf(Expr.Conditional.class);
                assertThat(u.location()).isEqualTo(at(6, 5));
            });
        }

        @Test
        void ignoreGlobalsStarIgnoresThemAll() throws Exception {
            Function f = function(parse(TEMPLATE), "IgnoresAll");
            assertThat(f.runtime()).contains(s("nodejs20.x"));
            assertThat(f.timeout()).isEmpty();
            assertThat(f.memorySize()).isEmpty();
            assertThat(f.environment()).isEmpty();
            assertThat(f.layers()).isEmpty();
            assertThat(f.tags()).isEmpty();
            assertThat(f.vpc()).isEmpty();
        }

        @Test
        void ignoreGlobalsListIgnoresTheNamedOnes() throws Exception {
            Function f = function(parse(TEMPLATE), "IgnoresSome");
            assertThat(f.runtime()).contains(s("provided.al2023"));
            assertThat(f.handler()).contains(s("app.handler"));
            assertThat(f.layers()).isEmpty();
            assertThat(f.environment()).containsOnlyKeys("TABLE", "STAGE");
            assertThat(f.timeout()).isPresent();
        }

        @Test
        void unmappedGlobalPropertiesAreRecordedForEachFunctionAtTheirPlaceInGlobals() throws Exception {
            ServerlessApp app = parse(TEMPLATE);
            Expr snapStart = new Expr.MapExpr(Map.of("ApplyOn", s("PublishedVersions")));
            assertThat(app.unmappedProperties()).containsExactlyInAnyOrder(
                    new UnmappedProperty("Plain", "AWS::Serverless::Function", "SnapStart", snapStart, at(24, 5)),
                    new UnmappedProperty("Custom", "AWS::Serverless::Function", "SnapStart", snapStart, at(24, 5)),
                    new UnmappedProperty("IgnoresSome", "AWS::Serverless::Function", "SnapStart", snapStart, at(24, 5)));
        }

        @Test
        void globalsOfOtherKindsApplyToTheirResources() throws Exception {
            ServerlessApp app = parse("""
                    Transform: AWS::Serverless-2016-10-31
                    Globals:
                      Api:
                        Cors: "'*'"
                        Auth:
                          DefaultAuthorizer: AWS_IAM
                      HttpApi:
                        CorsConfiguration:
                          AllowOrigins: ['*']
                      SimpleTable:
                        SSESpecification:
                          SSEEnabled: true
                    Resources:
                      Rest:
                        Type: AWS::Serverless::Api
                        Properties:
                          StageName: prod
                      Http:
                        Type: AWS::Serverless::HttpApi
                      Table:
                        Type: AWS::Serverless::SimpleTable
                    """);
            DependencyResource.Api rest = (DependencyResource.Api) app.resource("Rest").orElseThrow();
            assertThat(rest.cors()).contains(s("'*'"));
            assertThat(rest.auth()).contains(new Expr.MapExpr(Map.of("DefaultAuthorizer", s("AWS_IAM"))));
            assertThat(rest.stageName()).contains(s("prod"));
            DependencyResource.Api http = (DependencyResource.Api) app.resource("Http").orElseThrow();
            assertThat(http.cors()).contains(new Expr.MapExpr(Map.of("AllowOrigins", list(s("*")))));
            assertThat(app.unmappedProperties()).containsExactly(new UnmappedProperty("Table",
                    "AWS::Serverless::SimpleTable", "SSESpecification",
                    new Expr.MapExpr(Map.of("SSEEnabled", new Expr.BooleanLiteral(true))), at(11, 5)));
        }

        /**
         * Globals.LayerVersion is accepted (SAM allows PublishLambdaVersion there) but never merged into
         * AWS::Serverless::LayerVersion resources, so what it says is lost without a trace.
         */
        @Test
        void layerVersionGlobalsAreNotLostSilently() throws Exception {
            ServerlessApp app = parse("""
                    Transform: AWS::Serverless-2016-10-31
                    Globals:
                      LayerVersion:
                        PublishLambdaVersion: true
                    Resources:
                      Layer:
                        Type: AWS::Serverless::LayerVersion
                        Properties:
                          ContentUri: layer/
                    """);
            assertThat(app.unmappedProperties()).containsExactly(new UnmappedProperty("Layer",
                    "AWS::Serverless::LayerVersion", "PublishLambdaVersion", new Expr.BooleanLiteral(true), at(4, 5)));
        }
    }

    @Nested
    class Problems_ {

        private static final String FUNCTION = """
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      InlineCode: x
                """;

        @Test
        void globalsThatIsNotAMapping() {
            assertThat(problems("Transform: AWS::Serverless-2016-10-31\nGlobals: 5\n" + FUNCTION))
                    .containsExactly(new Problem(at(2, 1), "'Globals' section is invalid: it must be a non-empty"
                            + " mapping of resource kinds (Function, Api, HttpApi, ...) to properties"));
        }

        @Test
        void emptyGlobals() {
            assertThat(problems("Transform: AWS::Serverless-2016-10-31\nGlobals: {}\n" + FUNCTION))
                    .containsExactly(new Problem(at(2, 1), "'Globals' section is invalid: it must be a non-empty"
                            + " mapping of resource kinds (Function, Api, HttpApi, ...) to properties"));
        }

        @Test
        void unknownGlobalsSection() {
            assertThat(problems("Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Functions:\n    Timeout: 3\n"
                    + FUNCTION)).containsExactly(new Problem(at(3, 3), "'Globals' section is invalid: 'Functions' is"
                    + " not supported; expected one of Api, CapacityProvider, Function, HttpApi, LayerVersion,"
                    + " SimpleTable, StateMachine, WebSocketApi"));
        }

        @Test
        void globalsSectionThatIsNotAMapping() {
            assertThat(problems("Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function: 5\n" + FUNCTION))
                    .containsExactly(new Problem(at(3, 13), "'Globals' section is invalid: Function must be a"
                            + " mapping of properties; found a scalar"));
        }

        @Test
        void unsupportedFunctionAndApiProperties() {
            assertThat(problems("""
                    Transform: AWS::Serverless-2016-10-31
                    Globals:
                      Function:
                        FunctionName: fixed
                        Timeout: 3
                      Api:
                        StageName: prod
                    """ + FUNCTION)).containsExactly(
                    new Problem(at(4, 5), "'Globals' section is invalid: 'FunctionName' is not a supported property"
                            + " of 'Function'"),
                    new Problem(at(7, 5), "'Globals' section is invalid: 'StageName' is not a supported property"
                            + " of 'Api'"));
        }

        /** SAM: "Resource Fn has invalid resource attribute 'IgnoreGlobals' on item 'Tracing'." */
        @Test
        void ignoreGlobalsNamingAPropertyGlobalsDoesNotSet() {
            List<Problem> problems = problems("""
                    Transform: AWS::Serverless-2016-10-31
                    Globals:
                      Function:
                        Timeout: 3
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        IgnoreGlobals: [Tracing]
                        Properties:
                          InlineCode: x
                    """);
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.location().line()).isEqualTo(8);
                assertThat(p.message()).contains("IgnoreGlobals").contains("Tracing");
            });
        }

        /** SAM: "Resource Fn has invalid resource attribute 'IgnoreGlobals'." (only '*' or a list). */
        @Test
        void ignoreGlobalsThatIsNeitherStarNorAList() {
            List<Problem> problems = problems("""
                    Transform: AWS::Serverless-2016-10-31
                    Globals:
                      Function:
                        Timeout: 3
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        IgnoreGlobals: Timeout
                        Properties:
                          InlineCode: x
                    """);
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.location().line()).isEqualTo(8);
                assertThat(p.message()).contains("IgnoreGlobals");
            });
        }
    }
}
