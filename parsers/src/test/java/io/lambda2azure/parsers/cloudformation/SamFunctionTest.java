package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.Pseudo;
import io.lambda2azure.core.model.AsyncInvokeConfig;
import io.lambda2azure.core.model.DeploymentPreference;
import io.lambda2azure.core.model.Destination;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.FunctionAlias;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.LoggingConfig;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.HttpAuth;
import io.lambda2azure.core.model.event.PollingSettings;
import io.lambda2azure.core.model.identity.FunctionPolicy;
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** AWS::Serverless::Function: every property the model has a place for, and what it has none for. */
class SamFunctionTest {

    private static final String FILE = "template.yaml";

    private static ServerlessApp parse(String text) throws InvalidInputException {
        return CloudFormationReader.parse(FILE, text);
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

    private static Expr map(String key, Expr value) {
        return new Expr.MapExpr(Map.of(key, value));
    }

    private static Expr att(String id, String attribute) {
        return new Expr.AttributeRef(id, attribute);
    }

    private static Function function(ServerlessApp app, String id) {
        return app.function(id).orElseThrow(() -> new AssertionError("no function " + id));
    }

    static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              ManagedPolicyArn:
                Type: String
              AlarmName:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref AWS::Region, us-east-1]
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Condition: IsProd
                Properties:
                  FunctionName: !Sub '${AWS::StackName}-orders'
                  Description: Handles orders
                  CodeUri: s3://bucket/orders.zip
                  Handler: app.handler
                  Runtime: python3.12
                  MemorySize: 512
                  Timeout: 30
                  EphemeralStorage:
                    Size: 1024
                  Architectures: [arm64]
                  ReservedConcurrentExecutions: 10
                  AutoPublishAlias: live
                  ProvisionedConcurrencyConfig:
                    ProvisionedConcurrentExecutions: 5
                  DeploymentPreference:
                    Type: Canary10Percent5Minutes
                    Enabled: true
                    Alarms: [!Ref AlarmName]
                    Hooks:
                      PreTraffic: !Ref PreHook
                  DeadLetterQueue:
                    Type: SQS
                    TargetArn: !GetAtt Dlq.Arn
                  EventInvokeConfig:
                    MaximumEventAgeInSeconds: 600
                    MaximumRetryAttempts: 1
                    DestinationConfig:
                      OnSuccess:
                        Type: SQS
                        Destination: !GetAtt Dlq.Arn
                      OnFailure:
                        Type: Lambda
                  VpcConfig:
                    SubnetIds: [subnet-1]
                    SecurityGroupIds: [sg-1]
                    Ipv6AllowedForDualStack: false
                  Tracing: Active
                  Policies:
                    - AWSLambdaBasicExecutionRole
                    - !Ref ManagedPolicyArn
                    - SQSPollerPolicy:
                        QueueName: !GetAtt Dlq.QueueName
                    - Statement:
                        - Sid: ReadTable
                          Effect: Allow
                          Action: [dynamodb:GetItem, dynamodb:Query]
                          Resource: !GetAtt Table.Arn
                        - Effect: Deny
                          NotAction: s3:*
                          NotResource: '*'
                          Condition:
                            Bool: {aws:SecureTransport: 'false'}
                    - !If [IsProd, AmazonS3ReadOnlyAccess, !Ref AWS::NoValue]
                  PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
                  LoggingConfig:
                    LogFormat: JSON
                    ApplicationLogLevel: INFO
                    SystemLogLevel: WARN
                    LogGroup: !Ref Logs
                  Environment:
                    Variables:
                      TABLE: !Ref Table
                      ACCOUNT: 012345678901
                      FLAG: no
                  Layers: [!Ref Layer]
                  Tags:
                    team: core
                  FunctionUrlConfig:
                    AuthType: AWS_IAM
                    Cors:
                      AllowOrigins: ['*']
                    InvokeMode: RESPONSE_STREAM
                  SnapStart:
                    ApplyOn: PublishedVersions
                  KmsKeyArn: !GetAtt Key.Arn
                  Events:
                    FromQueue:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Dlq.Arn
                        Foo: bar
              PreHook:
                Type: AWS::Serverless::Function
                Properties:
                  InlineCode: exports.handler = async () => {};
                  Handler: index.handler
                  Runtime: nodejs20.x
                  Role: !GetAtt HookRole.Arn
              HookRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: {Service: lambda.amazonaws.com}
                        Action: sts:AssumeRole
              Dlq:
                Type: AWS::SQS::Queue
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  KeySchema:
                    - AttributeName: id
                      KeyType: HASH
                  AttributeDefinitions:
                    - AttributeName: id
                      AttributeType: S
                  BillingMode: PAY_PER_REQUEST
              Logs:
                Type: AWS::Logs::LogGroup
              Layer:
                Type: AWS::Serverless::LayerVersion
                Properties:
                  ContentUri: layer/
              Key:
                Type: AWS::KMS::Key
            """;

    @Nested
    class EveryProperty {

        private Function orders() throws InvalidInputException {
            return function(parse(TEMPLATE), "Orders");
        }

        @Test
        void identityAndLocation() throws Exception {
            ServerlessApp app = parse(TEMPLATE);
            assertThat(app.inputKind()).isEqualTo(InputKind.SAM);
            Function f = function(app, "Orders");
            assertThat(f.logicalId()).isEqualTo("Orders");
            assertThat(f.resourceType()).isEqualTo("AWS::Serverless::Function");
            assertThat(f.condition()).contains("IsProd");
            assertThat(f.location()).isEqualTo(at(10, 3));
            assertThat(app.functions()).extracting(Function::logicalId).containsExactly("Orders", "PreHook");
        }

        @Test
        void computeSettings() throws Exception {
            Function f = orders();
            assertThat(f.name()).contains(new Expr.Interpolation(List.of(new Expr.PseudoRef(Pseudo.STACK_NAME),
                    s("-orders"))));
            assertThat(f.description()).contains(s("Handles orders"));
            assertThat(f.code()).contains(new FunctionCode.ZipArchive(s("s3://bucket/orders.zip")));
            assertThat(f.handler()).contains(s("app.handler"));
            assertThat(f.runtime()).contains(s("python3.12"));
            assertThat(f.memorySize()).contains(n("512"));
            assertThat(f.timeout()).contains(n("30"));
            assertThat(f.ephemeralStorage()).contains(n("1024"));
            assertThat(f.architectures()).contains(list(s("arm64")));
            assertThat(f.reservedConcurrency()).contains(n("10"));
            assertThat(f.tracing()).contains(s("Active"));
            assertThat(f.vpc()).contains(new VpcConfig(Optional.of(list(s("subnet-1"))), Optional.of(list(s("sg-1"))),
                    Optional.of(new Expr.BooleanLiteral(false))));
            assertThat(f.logging()).contains(new LoggingConfig(Optional.of(s("JSON")), Optional.of(s("INFO")),
                    Optional.of(s("WARN")), Optional.of(new Expr.ResourceRef("Logs"))));
            assertThat(f.environment()).containsExactly(entry("TABLE", new Expr.ResourceRef("Table")),
                    entry("ACCOUNT", s("012345678901")), entry("FLAG", s("no")));
            assertThat(f.layers()).containsExactly(new Expr.ResourceRef("Layer"));
            assertThat(f.tags()).containsExactly(entry("team", s("core")));
            assertThat(f.role()).isEmpty();
            assertThat(f.permissionsBoundary()).contains(s("arn:aws:iam::123456789012:policy/boundary"));
        }

        @Test
        void propertyLocationsPointAtTheKeys() throws Exception {
            Function f = orders();
            assertThat(f.locationOf("FunctionName")).isEqualTo(at(14, 7));
            assertThat(f.locationOf("Handler")).isEqualTo(at(17, 7));
            assertThat(f.locationOf("Events")).isEqualTo(at(89, 7));
            assertThat(f.locationOf("NotWritten")).isEqualTo(f.location());
        }

        /** SAM names the alias it publishes {FunctionId}Alias{AliasName} (MinimalFunctionAliaslive). */
        @Test
        void autoPublishAliasWithProvisionedConcurrency() throws Exception {
            Function f = orders();
            assertThat(f.autoPublishAlias()).contains(s("live"));
            assertThat(f.provisionedConcurrency()).contains(n("5"));
            assertThat(f.aliases()).containsExactly(new FunctionAlias("OrdersAliaslive", s("live"),
                    Optional.of(n("5")), Optional.empty(), at(25, 7)));
        }

        @Test
        void deploymentPreference() throws Exception {
            assertThat(orders().deploymentPreference()).contains(new DeploymentPreference(
                    Optional.of(s("Canary10Percent5Minutes")), Optional.of(new Expr.BooleanLiteral(true)),
                    Optional.of(list(new Expr.ParameterRef("AlarmName"))),
                    Optional.of(map("PreTraffic", new Expr.ResourceRef("PreHook"))), at(28, 7)));
        }

        @Test
        void deadLetterQueueAndEventInvokeConfig() throws Exception {
            Function f = orders();
            assertThat(f.deadLetter()).contains(new Destination(Optional.of(s("SQS")), att("Dlq", "Arn")));
            assertThat(f.asyncInvokeConfig()).contains(new AsyncInvokeConfig(Optional.of(n("600")), Optional.of(n("1")),
                    Optional.of(new Destination(Optional.of(s("SQS")), att("Dlq", "Arn"))),
                    Optional.of(new Destination(Optional.of(s("Lambda")), new Expr.NullLiteral())), at(37, 7)));
        }

        @Test
        void policiesOfEveryKind() throws Exception {
            assertThat(orders().policies()).containsExactly(
                    new FunctionPolicy.ManagedPolicy(s("AWSLambdaBasicExecutionRole"), at(52, 11)),
                    new FunctionPolicy.ManagedPolicy(new Expr.ParameterRef("ManagedPolicyArn"), at(53, 11)),
                    new FunctionPolicy.PolicyTemplate("SQSPollerPolicy", map("QueueName", att("Dlq", "QueueName")),
                            at(54, 11)),
                    new FunctionPolicy.InlineStatements(List.of(
                            new PolicyStatement(Optional.of("ReadTable"), true,
                                    List.of(s("dynamodb:GetItem"), s("dynamodb:Query")), false,
                                    List.of(att("Table", "Arn")), false, Optional.empty(), at(57, 15)),
                            new PolicyStatement(Optional.empty(), false, List.of(s("s3:*")), true, List.of(s("*")), true,
                                    Optional.of(map("Bool", map("aws:SecureTransport", s("false")))), at(61, 15))),
                            at(56, 11)),
                    new FunctionPolicy.Symbolic(new Expr.Conditional("IsProd", s("AmazonS3ReadOnlyAccess"),
                            new Expr.PseudoRef(Pseudo.NO_VALUE)), at(66, 11)));
        }

        @Test
        void functionUrlConfigIsAnHttpEventBeforeTheDeclaredEvents() throws Exception {
            assertThat(orders().events()).containsExactly(
                    new EventSource.Http("OrdersUrl", EventOrigin.FUNCTION_URL, Optional.of("IsProd"),
                            HttpApiKind.FUNCTION_URL, Optional.empty(), "/", "ANY",
                            Optional.of(new HttpAuth(Optional.of(s("AWS_IAM")), Optional.empty(), Optional.empty(),
                                    Optional.empty())),
                            Optional.of(map("AllowOrigins", list(s("*")))), at(81, 7)),
                    new EventSource.Queue("FromQueue", EventOrigin.SAM_EVENT, Optional.of("IsProd"), att("Dlq", "Arn"),
                            PollingSettings.NONE, at(90, 9)));
        }

        @Test
        void unmappedPropertiesAreRecordedWithPathValueAndLocation() throws Exception {
            String type = "AWS::Serverless::Function";
            assertThat(parse(TEMPLATE).unmappedProperties()).containsExactly(
                    new UnmappedProperty("Orders", type, "FunctionUrlConfig.InvokeMode", s("RESPONSE_STREAM"), at(85, 9)),
                    new UnmappedProperty("Orders", type, "SnapStart", map("ApplyOn", s("PublishedVersions")), at(86, 7)),
                    new UnmappedProperty("Orders", type, "KmsKeyArn", att("Key", "Arn"), at(88, 7)),
                    new UnmappedProperty("Orders", type, "Events.FromQueue.Properties.Foo", s("bar"), at(94, 13)));
        }

        @Test
        void aFunctionWithAnExplicitRoleAndItsRole() throws Exception {
            ServerlessApp app = parse(TEMPLATE);
            Function hook = function(app, "PreHook");
            assertThat(hook.role()).contains(att("HookRole", "Arn"));
            assertThat(hook.policies()).isEmpty();
            assertThat(hook.code()).contains(new FunctionCode.InlineSource(s("exports.handler = async () => {};")));
            assertThat(hook.condition()).isEmpty();
            assertThat(app.roles()).containsExactly(new Role("HookRole", Optional.empty(),
                    List.of(s("lambda.amazonaws.com")), List.of(), List.of(), Optional.empty(), at(102, 3)));
        }

        @Test
        void noValueLeavesAPropertyOut() throws Exception {
            Function f = function(parse("""
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          InlineCode: x
                          Timeout: !Ref AWS::NoValue
                          Description: !Ref AWS::NoValue
                    """), "Fn");
            assertThat(f.timeout()).isEmpty();
            assertThat(f.description()).isEmpty();
        }

        @Test
        void policiesMayBeASingleName() throws Exception {
            Function f = function(parse("""
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          InlineCode: x
                          Policies: AmazonDynamoDBReadOnlyAccess
                    """), "Fn");
            assertThat(f.policies()).containsExactly(
                    new FunctionPolicy.ManagedPolicy(s("AmazonDynamoDBReadOnlyAccess"), at(7, 17)));
        }
    }

    @Nested
    class Code {

        static final String CODES = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Zip:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/
                      Handler: app.handler
                      Runtime: python3.12
                  ZipMap:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri:
                        Bucket: artifacts
                        Key: orders.zip
                        Version: '3'
                      Handler: app.handler
                      Runtime: python3.12
                  Inline:
                    Type: AWS::Serverless::Function
                    Properties:
                      InlineCode: |
                        def handler(event, context):
                            return event
                      Handler: index.handler
                      Runtime: python3.12
                  Image:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                      ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:latest
                      ImageConfig:
                        Command: [app.handler]
                  ImageBuilt:
                    Type: AWS::Serverless::Function
                    Properties:
                      PackageType: Image
                    Metadata:
                      Dockerfile: Dockerfile
                      DockerContext: ./src
                  NoCode:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                """;

        @Test
        void everyKindOfCode() throws Exception {
            ServerlessApp app = parse(CODES);
            assertThat(function(app, "Zip").code()).contains(new FunctionCode.ZipArchive(s("src/")));
            Map<String, Expr> s3 = new java.util.LinkedHashMap<>();
            s3.put("Bucket", s("artifacts"));
            s3.put("Key", s("orders.zip"));
            s3.put("Version", s("3"));
            assertThat(function(app, "ZipMap").code()).contains(new FunctionCode.ZipArchive(new Expr.MapExpr(s3)));
            assertThat(function(app, "Inline").code()).contains(new FunctionCode.InlineSource(
                    s("def handler(event, context):\n    return event\n")));
            assertThat(function(app, "Image").code()).contains(new FunctionCode.ContainerImage(
                    Optional.of(s("123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:latest")),
                    Optional.of(map("Command", list(s("app.handler"))))));
            assertThat(function(app, "ImageBuilt").code()).contains(
                    new FunctionCode.ContainerImage(Optional.empty(), Optional.empty()));
            assertThat(function(app, "NoCode").code()).isEmpty();
            assertThat(app.unmappedProperties()).isEmpty();
        }
    }

    @Nested
    class Unsupported {

        static final String UNSUPPORTED = """
                Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
                Resources:
                  Machine:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: statemachine.asl.json
                  Nested:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: app/template.yaml
                  Dashboard:
                    Type: AWS::CloudWatch::Dashboard
                    Properties:
                      DashboardBody: '{}'
                  Fn::ForEach::Handlers:
                    - Name
                    - [Orders, Payments]
                    - Topic${Name}:
                        Type: AWS::SNS::Topic
                      Handler${Name}:
                        Type: AWS::Serverless::Function
                        Properties:
                          InlineCode: x
                          Events:
                            Topic:
                              Type: SNS
                              Properties:
                                Topic: !Ref
                                  Fn::Sub: Topic${Name}
                      Legacy${Name}:
                        Type: AWS::Lambda::Function
                  Uses:
                    Type: AWS::Serverless::Function
                    Properties:
                      InlineCode: x
                      Environment:
                        Variables:
                          TOPIC: !Ref TopicOrders
                """;

        @Test
        void unsupportedResourcesAreKeptInInputOrderWithTheirLocation() throws Exception {
            ServerlessApp app = parse(UNSUPPORTED);
            assertThat(app.unsupportedResources()).containsExactly(
                    new UnsupportedResource("Machine", "AWS::Serverless::StateMachine", "Step Functions state machines"
                            + " have no generated Azure counterpart; consider Durable Functions orchestrations or Logic"
                            + " Apps", List.of(), at(3, 3)),
                    new UnsupportedResource("Nested", "AWS::Serverless::Application", "nested SAM applications are not"
                            + " read; convert the nested application's own template", List.of(), at(7, 3)),
                    new UnsupportedResource("Dashboard", "AWS::CloudWatch::Dashboard", "no mapping for"
                            + " AWS::CloudWatch::Dashboard in this version of lambda2azure", List.of(), at(11, 3)),
                    new UnsupportedResource("Fn::ForEach::Handlers", "Fn::ForEach", "resources generated by the"
                            + " AWS::LanguageExtensions loop Fn::ForEach are not expanded; write them out, or convert"
                            + " the template after `sam build`/`aws cloudformation package` expands them",
                            List.of("Handler${Name}", "Legacy${Name}"), at(15, 3)));
        }

        @Test
        void forEachFunctionsAreNotInTheModelAndReferencesIntoTheLoopAreAccepted() throws Exception {
            ServerlessApp app = parse(UNSUPPORTED);
            assertThat(app.functions()).extracting(Function::logicalId).containsExactly("Uses");
            assertThat(function(app, "Uses").environment()).containsExactly(
                    entry("TOPIC", new Expr.ResourceRef("TopicOrders")));
            // the properties of unsupported resources are reported with the resource, not one by one
            assertThat(app.unmappedProperties()).isEmpty();
        }
    }

    @Nested
    class YamlAndJson {

        @Test
        void aSamFunctionReadsTheSameFromJson() throws Exception {
            ServerlessApp yaml = CloudFormationReader.parse("t", """
                    Transform: AWS::Serverless-2016-10-31
                    Globals:
                      Function:
                        Runtime: python3.12
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          CodeUri: src/
                          Handler: app.handler
                          Policies:
                            - SQSSendMessagePolicy: {QueueName: !GetAtt Q.QueueName}
                          Events:
                            Poll:
                              Type: SQS
                              Properties:
                                Queue: !GetAtt Q.Arn
                                BatchSize: 10
                      Q:
                        Type: AWS::SQS::Queue
                    """);
            ServerlessApp json = CloudFormationReader.parse("t", """
                    {
                      "Transform": "AWS::Serverless-2016-10-31",
                      "Globals": {"Function": {"Runtime": "python3.12"}},
                      "Resources": {
                        "Fn": {
                          "Type": "AWS::Serverless::Function",
                          "Properties": {
                            "CodeUri": "src/",
                            "Handler": "app.handler",
                            "Policies": [{"SQSSendMessagePolicy": {"QueueName": {"Fn::GetAtt": ["Q", "QueueName"]}}}],
                            "Events": {
                              "Poll": {"Type": "SQS", "Properties": {"Queue": {"Fn::GetAtt": "Q.Arn"}, "BatchSize": 10}}
                            }
                          }
                        },
                        "Q": {"Type": "AWS::SQS::Queue"}
                      }
                    }
                    """);
            assertThat(json).usingRecursiveComparison().ignoringFieldsOfTypes(SourceLocation.class).isEqualTo(yaml);
            assertThat(json.functions().get(0).propertyLocations().keySet())
                    .containsExactlyElementsOf(yaml.functions().get(0).propertyLocations().keySet());
        }
    }
}
