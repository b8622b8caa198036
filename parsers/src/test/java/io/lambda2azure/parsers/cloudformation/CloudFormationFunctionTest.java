package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.expr.Pseudo;
import io.lambda2azure.core.model.Destination;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.FunctionCode;
import io.lambda2azure.core.model.InputKind;
import io.lambda2azure.core.model.LoggingConfig;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.VpcConfig;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.identity.ManagedPolicyResource;
import io.lambda2azure.core.model.identity.PolicyStatement;
import io.lambda2azure.core.model.identity.Role;
import io.lambda2azure.core.model.resource.DependencyResource;
import io.lambda2azure.core.model.resource.KeyAttribute;
import io.lambda2azure.core.source.InvalidInputException;
import io.lambda2azure.core.source.Problem;
import io.lambda2azure.core.source.SourceLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

/** Plain CloudFormation: AWS::Lambda::Function, the resources functions use, and IAM. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudFormationFunctionTest {

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

    private static Expr bool(boolean value) {
        return new Expr.BooleanLiteral(value);
    }

    private static Expr list(Expr... items) {
        return new Expr.ListExpr(List.of(items));
    }

    private static Expr map(Object... keysAndValues) {
        Map<String, Expr> entries = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            entries.put((String) keysAndValues[i], (Expr) keysAndValues[i + 1]);
        }
        return new Expr.MapExpr(entries);
    }

    private static Expr ref(String id) {
        return new Expr.ResourceRef(id);
    }

    private static Expr att(String id, String attribute) {
        return new Expr.AttributeRef(id, attribute);
    }

    private static Expr sub(Expr... parts) {
        return new Expr.Interpolation(List.of(parts));
    }

    static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Stage:
                Type: String
            Resources:
              Inline:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Sub 'orders-${Stage}'
                  Description: inline handler
                  Runtime: python3.12
                  Handler: index.handler
                  Role: !GetAtt ExecRole.Arn
                  Code:
                    ZipFile: |
                      def handler(event, context):
                          return 'ok'
                  MemorySize: 256
                  Timeout: 10
                  EphemeralStorage:
                    Size: 2048
                  Architectures: [x86_64]
                  ReservedConcurrentExecutions: 2
                  TracingConfig:
                    Mode: Active
                  DeadLetterConfig:
                    TargetArn: !GetAtt DeadLetters.Arn
                  Environment:
                    Variables:
                      QUEUE_URL: !Ref Jobs
                      STAGE: !Ref Stage
                  Layers: [!Ref SharedLayer]
                  VpcConfig:
                    SubnetIds: [subnet-1, subnet-2]
                    SecurityGroupIds: [sg-1]
                  LoggingConfig:
                    LogFormat: Text
                    LogGroup: !Ref Logs
                  Tags:
                    - Key: team
                      Value: core
                    - Key: cost-center
                      Value: '42'
                  KmsKeyArn: !GetAtt Key.Arn
                  FileSystemConfigs:
                    - Arn: arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-1
                      LocalMountPath: /mnt/efs
              FromS3:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: java21
                  Handler: com.example.Handler::handleRequest
                  Role: !GetAtt ExecRole.Arn
                  Code:
                    S3Bucket: artifacts
                    S3Key: !Sub 'orders/${Stage}.zip'
                    S3ObjectVersion: '7'
              FromImage:
                Type: AWS::Lambda::Function
                Properties:
                  PackageType: Image
                  Role: !GetAtt ExecRole.Arn
                  Code:
                    ImageUri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1
                  ImageConfig:
                    Command: [app.handler]
              ExecRole:
                Type: AWS::IAM::Role
                Properties:
                  RoleName: orders-exec
                  AssumeRolePolicyDocument:
                    Version: '2012-10-17'
                    Statement:
                      - Effect: Allow
                        Principal:
                          Service: [lambda.amazonaws.com, edgelambda.amazonaws.com]
                        Action: sts:AssumeRole
                  ManagedPolicyArns:
                    - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
                  PermissionsBoundary: !Sub 'arn:aws:iam::${AWS::AccountId}:policy/boundary'
                  Policies:
                    - PolicyName: queue
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: [sqs:SendMessage]
                            Resource: !GetAtt Jobs.Arn
              TablePolicy:
                Type: AWS::IAM::Policy
                Properties:
                  PolicyName: table
                  Roles: [!Ref ExecRole]
                  PolicyDocument:
                    Statement:
                      - Sid: Read
                        Effect: Allow
                        Action: dynamodb:GetItem
                        Resource: !GetAtt Orders.Arn
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: jobs.fifo
                  FifoQueue: true
                  ContentBasedDeduplication: true
                  VisibilityTimeout: 60
                  MessageRetentionPeriod: 345600
                  DelaySeconds: 0
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt DeadLetters.Arn
                    maxReceiveCount: 5
                  KmsMasterKeyId: alias/aws/sqs
              DeadLetters:
                Type: AWS::SQS::Queue
              Alerts:
                Type: AWS::SNS::Topic
                Properties:
                  TopicName: alerts
                  FifoTopic: false
                  KmsMasterKeyId: !Ref Key
              Uploads:
                Type: AWS::S3::Bucket
                Properties:
                  BucketName: !Sub 'uploads-${AWS::AccountId}'
                  VersioningConfiguration:
                    Status: Enabled
              Orders:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: orders
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - AttributeName: pk
                      AttributeType: S
                    - AttributeName: sk
                      AttributeType: N
                  KeySchema:
                    - AttributeName: pk
                      KeyType: HASH
                    - AttributeName: sk
                      KeyType: RANGE
                  StreamSpecification:
                    StreamViewType: NEW_AND_OLD_IMAGES
                  TimeToLiveSpecification:
                    AttributeName: expires
                    Enabled: true
              Clicks:
                Type: AWS::Kinesis::Stream
                Properties:
                  Name: clicks
                  ShardCount: 2
                  RetentionPeriodHours: 48
                  StreamModeDetails:
                    StreamMode: PROVISIONED
                  StreamEncryption:
                    EncryptionType: KMS
                    KeyId: alias/aws/kinesis
              Bus:
                Type: AWS::Events::EventBus
                Properties:
                  Name: orders-bus
              ApiKey:
                Type: AWS::SecretsManager::Secret
                Properties:
                  Name: api-key
                  Description: third-party key
                  GenerateSecretString:
                    PasswordLength: 32
                  KmsKeyId: !Ref Key
              Config:
                Type: AWS::SSM::Parameter
                Properties:
                  Name: /orders/config
                  Type: String
                  Value: '{"retries": 3}'
                  Description: settings
              Key:
                Type: AWS::KMS::Key
                Properties:
                  Description: orders key
                  EnableKeyRotation: true
                  KeyPolicy:
                    Version: '2012-10-17'
                    Statement: []
              Logs:
                Type: AWS::Logs::LogGroup
                Properties:
                  LogGroupName: /aws/lambda/orders
                  RetentionInDays: 14
                  KmsKeyId: !GetAtt Key.Arn
              RestApi:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  Name: orders-api
                  BodyS3Location:
                    Bucket: artifacts
                    Key: openapi.yaml
              HttpApi:
                Type: AWS::ApiGatewayV2::Api
                Properties:
                  Name: orders-http
                  ProtocolType: HTTP
                  CorsConfiguration:
                    AllowOrigins: ['*']
              Socket:
                Type: AWS::ApiGatewayV2::Api
                Properties:
                  Name: orders-ws
                  ProtocolType: WEBSOCKET
                  RouteSelectionExpression: $request.body.action
              SharedLayer:
                Type: AWS::Lambda::LayerVersion
                Properties:
                  LayerName: shared
                  Content:
                    S3Bucket: artifacts
                    S3Key: layer.zip
                  CompatibleRuntimes: [python3.12]
                  CompatibleArchitectures: [x86_64, arm64]
            """;

    private ServerlessApp app;

    @BeforeAll
    void read() throws Exception {
        app = parse(TEMPLATE);
    }

    private Function function(String id) {
        return app.function(id).orElseThrow(() -> new AssertionError("no function " + id));
    }

    @SuppressWarnings("unchecked")
    private <T extends DependencyResource> T resource(String id, Class<T> type) {
        DependencyResource resource = app.resource(id).orElseThrow(() -> new AssertionError("no resource " + id));
        assertThat(resource).isInstanceOf(type);
        return (T) resource;
    }

    @Nested
    class Functions {

        @Test
        void kindAndOrder() {
            assertThat(app.inputKind()).isEqualTo(InputKind.CLOUDFORMATION);
            assertThat(app.functions()).extracting(Function::logicalId).containsExactly("Inline", "FromS3", "FromImage");
            assertThat(app.functions()).extracting(Function::resourceType).containsOnly("AWS::Lambda::Function");
            assertThat(app.functions()).extracting(Function::location).containsExactly(at(6, 3), at(48, 3), at(58, 3));
        }

        @Test
        void everySettingOfAnInlineFunction() {
            Function f = function("Inline");
            assertThat(f.name()).contains(sub(s("orders-"), new Expr.ParameterRef("Stage")));
            assertThat(f.description()).contains(s("inline handler"));
            assertThat(f.runtime()).contains(s("python3.12"));
            assertThat(f.handler()).contains(s("index.handler"));
            assertThat(f.role()).contains(att("ExecRole", "Arn"));
            assertThat(f.code()).contains(new FunctionCode.InlineSource(
                    s("def handler(event, context):\n    return 'ok'\n")));
            assertThat(f.memorySize()).contains(n("256"));
            assertThat(f.timeout()).contains(n("10"));
            assertThat(f.ephemeralStorage()).contains(n("2048"));
            assertThat(f.architectures()).contains(list(s("x86_64")));
            assertThat(f.reservedConcurrency()).contains(n("2"));
            assertThat(f.tracing()).contains(s("Active"));
            assertThat(f.deadLetter()).contains(new Destination(Optional.empty(), att("DeadLetters", "Arn")));
            assertThat(f.environment()).containsExactly(entry("QUEUE_URL", ref("Jobs")),
                    entry("STAGE", new Expr.ParameterRef("Stage")));
            assertThat(f.layers()).containsExactly(ref("SharedLayer"));
            assertThat(f.vpc()).contains(new VpcConfig(Optional.of(list(s("subnet-1"), s("subnet-2"))),
                    Optional.of(list(s("sg-1"))), Optional.empty()));
            assertThat(f.logging()).contains(new LoggingConfig(Optional.of(s("Text")), Optional.empty(), Optional.empty(),
                    Optional.of(ref("Logs"))));
            assertThat(f.tags()).containsExactly(entry("team", s("core")), entry("cost-center", s("42")));
            assertThat(f.policies()).isEmpty();
            assertThat(f.autoPublishAlias()).isEmpty();
            assertThat(f.aliases()).isEmpty();
            assertThat(f.events()).isEmpty();
            assertThat(f.condition()).isEmpty();
            assertThat(f.locationOf("Code")).isEqualTo(at(14, 7));
            assertThat(f.locationOf("Tags")).isEqualTo(at(39, 7));
        }

        @Test
        void codeFromS3IsAZipArchiveWithItsLocation() {
            assertThat(function("FromS3").code()).contains(new FunctionCode.ZipArchive(map(
                    "S3Bucket", s("artifacts"),
                    "S3Key", sub(s("orders/"), new Expr.ParameterRef("Stage"), s(".zip")),
                    "S3ObjectVersion", s("7"))));
        }

        @Test
        void codeFromAnImage() {
            assertThat(function("FromImage").code()).contains(new FunctionCode.ContainerImage(
                    Optional.of(s("123456789012.dkr.ecr.us-east-1.amazonaws.com/orders:1")),
                    Optional.of(map("Command", list(s("app.handler"))))));
            assertThat(function("FromImage").runtime()).isEmpty();
        }

        @Test
        void unmappedPropertiesInInputOrder() {
            assertThat(app.unmappedProperties()).containsExactly(
                    new UnmappedProperty("Inline", "AWS::Lambda::Function", "KmsKeyArn", att("Key", "Arn"), at(44, 7)),
                    new UnmappedProperty("Inline", "AWS::Lambda::Function", "FileSystemConfigs",
                            list(map("Arn", s("arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-1"),
                                    "LocalMountPath", s("/mnt/efs"))), at(45, 7)),
                    new UnmappedProperty("ExecRole", "AWS::IAM::Role", "RoleName", s("orders-exec"), at(70, 7)));
        }
    }

    @Nested
    class Dependencies {

        @Test
        void everyDependencyInInputOrder() {
            assertThat(app.resources()).extracting(DependencyResource::logicalId).containsExactly("Jobs", "DeadLetters",
                    "Alerts", "Uploads", "Orders", "Clicks", "Bus", "ApiKey", "Config", "Key", "Logs", "RestApi",
                    "HttpApi", "SharedLayer");
        }

        @Test
        void queue() {
            assertThat(resource("Jobs", DependencyResource.Queue.class)).isEqualTo(new DependencyResource.Queue("Jobs",
                    "AWS::SQS::Queue", Optional.empty(), Optional.of(s("jobs.fifo")), Optional.of(bool(true)),
                    Optional.of(bool(true)), Optional.of(n("60")), Optional.of(n("345600")), Optional.of(n("0")),
                    Optional.of(map("deadLetterTargetArn", att("DeadLetters", "Arn"), "maxReceiveCount", n("5"))),
                    Optional.of(s("alias/aws/sqs")), at(99, 3)));
            assertThat(resource("DeadLetters", DependencyResource.Queue.class)).isEqualTo(new DependencyResource.Queue(
                    "DeadLetters", "AWS::SQS::Queue", Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), at(112, 3)));
        }

        @Test
        void topic() {
            assertThat(resource("Alerts", DependencyResource.Topic.class)).isEqualTo(new DependencyResource.Topic(
                    "Alerts", "AWS::SNS::Topic", Optional.empty(), Optional.of(s("alerts")), Optional.of(bool(false)),
                    Optional.of(ref("Key")), at(114, 3)));
        }

        @Test
        void bucket() {
            assertThat(resource("Uploads", DependencyResource.Bucket.class)).isEqualTo(new DependencyResource.Bucket(
                    "Uploads", "AWS::S3::Bucket", Optional.empty(),
                    Optional.of(sub(s("uploads-"), new Expr.PseudoRef(Pseudo.ACCOUNT_ID))), Optional.of(s("Enabled")),
                    at(120, 3)));
        }

        @Test
        void tableWithKeySchemaAndStream() {
            assertThat(resource("Orders", DependencyResource.Table.class)).isEqualTo(new DependencyResource.Table(
                    "Orders", "AWS::DynamoDB::Table", Optional.empty(), Optional.of(s("orders")),
                    List.of(new KeyAttribute(s("pk"), "HASH", Optional.of(s("S"))),
                            new KeyAttribute(s("sk"), "RANGE", Optional.of(s("N")))),
                    Optional.of(s("PAY_PER_REQUEST")), Optional.of(s("NEW_AND_OLD_IMAGES")),
                    Optional.of(map("AttributeName", s("expires"), "Enabled", bool(true))), at(126, 3)));
        }

        @Test
        void kinesisStream() {
            assertThat(resource("Clicks", DependencyResource.Stream.class)).isEqualTo(new DependencyResource.Stream(
                    "Clicks", "AWS::Kinesis::Stream", Optional.empty(), Optional.of(s("clicks")), Optional.of(n("2")),
                    Optional.of(n("48")), Optional.of(s("PROVISIONED")),
                    Optional.of(map("EncryptionType", s("KMS"), "KeyId", s("alias/aws/kinesis"))), at(146, 3)));
        }

        @Test
        void eventBus() {
            assertThat(resource("Bus", DependencyResource.EventBus.class)).isEqualTo(new DependencyResource.EventBus(
                    "Bus", "AWS::Events::EventBus", Optional.empty(), Optional.of(s("orders-bus")), at(157, 3)));
        }

        @Test
        void secret() {
            assertThat(resource("ApiKey", DependencyResource.Secret.class)).isEqualTo(new DependencyResource.Secret(
                    "ApiKey", "AWS::SecretsManager::Secret", Optional.empty(), Optional.of(s("api-key")),
                    Optional.of(s("third-party key")), Optional.empty(), Optional.of(map("PasswordLength", n("32"))),
                    Optional.of(ref("Key")), at(161, 3)));
        }

        @Test
        void ssmParameter() {
            assertThat(resource("Config", DependencyResource.ConfigParameter.class)).isEqualTo(
                    new DependencyResource.ConfigParameter("Config", "AWS::SSM::Parameter", Optional.empty(),
                            Optional.of(s("/orders/config")), Optional.of(s("String")), Optional.of(s("{\"retries\": 3}")),
                            Optional.of(s("settings")), at(169, 3)));
        }

        @Test
        void kmsKey() {
            assertThat(resource("Key", DependencyResource.EncryptionKey.class)).isEqualTo(
                    new DependencyResource.EncryptionKey("Key", "AWS::KMS::Key", Optional.empty(),
                            Optional.of(s("orders key")), Optional.of(bool(true)),
                            Optional.of(map("Version", s("2012-10-17"), "Statement", list())), at(176, 3)));
        }

        @Test
        void logGroup() {
            assertThat(resource("Logs", DependencyResource.LogGroup.class)).isEqualTo(new DependencyResource.LogGroup(
                    "Logs", "AWS::Logs::LogGroup", Optional.empty(), Optional.of(s("/aws/lambda/orders")),
                    Optional.of(n("14")), Optional.of(att("Key", "Arn")), at(184, 3)));
        }

        @Test
        void restAndHttpApis() {
            assertThat(resource("RestApi", DependencyResource.Api.class)).isEqualTo(new DependencyResource.Api(
                    "RestApi", "AWS::ApiGateway::RestApi", Optional.empty(), HttpApiKind.REST_API,
                    Optional.of(s("orders-api")), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of(map("Bucket", s("artifacts"), "Key", s("openapi.yaml"))), Optional.empty(), at(190, 3)));
            assertThat(resource("HttpApi", DependencyResource.Api.class)).isEqualTo(new DependencyResource.Api(
                    "HttpApi", "AWS::ApiGatewayV2::Api", Optional.empty(), HttpApiKind.HTTP_API,
                    Optional.of(s("orders-http")), Optional.empty(), Optional.of(map("AllowOrigins", list(s("*")))),
                    Optional.empty(), Optional.empty(), Optional.empty(), at(197, 3)));
        }

        @Test
        void webSocketApiIsUnsupported() {
            assertThat(app.unsupportedResources()).containsExactly(new UnsupportedResource("Socket",
                    "AWS::ApiGatewayV2::Api", "WebSocket APIs have no generated Azure counterpart; consider Azure Web"
                    + " PubSub", List.of(), at(204, 3)));
        }

        @Test
        void layer() {
            assertThat(resource("SharedLayer", DependencyResource.Layer.class)).isEqualTo(new DependencyResource.Layer(
                    "SharedLayer", "AWS::Lambda::LayerVersion", Optional.empty(), Optional.of(s("shared")),
                    Optional.of(map("S3Bucket", s("artifacts"), "S3Key", s("layer.zip"))),
                    Optional.of(list(s("python3.12"))), Optional.of(list(s("x86_64"), s("arm64"))), at(210, 3)));
        }
    }

    @Nested
    class Identity {

        private final PolicyStatement sendMessage = new PolicyStatement(Optional.empty(), true,
                List.of(s("sqs:SendMessage")), false, List.of(att("Jobs", "Arn")), false, Optional.empty(), at(85, 17));
        private final PolicyStatement readTable = new PolicyStatement(Optional.of("Read"), true,
                List.of(s("dynamodb:GetItem")), false, List.of(att("Orders", "Arn")), false, Optional.empty(), at(95, 13));

        @Test
        void roleWithInlineAndAttachedPolicies() {
            assertThat(app.roles()).containsExactly(new Role("ExecRole", Optional.empty(),
                    List.of(s("lambda.amazonaws.com"), s("edgelambda.amazonaws.com")),
                    List.of(s("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")),
                    List.of(sendMessage, readTable),
                    Optional.of(sub(s("arn:aws:iam::"), new Expr.PseudoRef(Pseudo.ACCOUNT_ID), s(":policy/boundary"))),
                    at(67, 3)));
        }

        @Test
        void policyResourceIsKeptOnItsOwnToo() {
            assertThat(app.policies()).containsExactly(new ManagedPolicyResource("TablePolicy", "AWS::IAM::Policy",
                    Optional.empty(), List.of(ref("ExecRole")), List.of(readTable), at(88, 3)));
        }

        @Test
        void managedPolicyAttachedToARoleDeclaredAfterIt() throws Exception {
            ServerlessApp app = parse("""
                    Resources:
                      Managed:
                        Type: AWS::IAM::ManagedPolicy
                        Properties:
                          ManagedPolicyName: read-bucket
                          Roles: [!Ref Later, external-role]
                          PolicyDocument:
                            Statement:
                              Effect: Allow
                              Action: s3:GetObject
                              NotResource: arn:aws:s3:::private/*
                      Later:
                        Type: AWS::IAM::Role
                        Properties:
                          AssumeRolePolicyDocument:
                            Statement:
                              - Effect: Allow
                                Principal: {Service: lambda.amazonaws.com}
                                Action: sts:AssumeRole
                    """);
            PolicyStatement statement = new PolicyStatement(Optional.empty(), true, List.of(s("s3:GetObject")), false,
                    List.of(s("arn:aws:s3:::private/*")), true, Optional.empty(), at(9, 11));
            assertThat(app.policies()).containsExactly(new ManagedPolicyResource("Managed", "AWS::IAM::ManagedPolicy",
                    Optional.empty(), List.of(ref("Later"), s("external-role")), List.of(statement), at(2, 3)));
            assertThat(app.roles()).singleElement().satisfies(role -> {
                assertThat(role.logicalId()).isEqualTo("Later");
                assertThat(role.statements()).containsExactly(statement);
            });
        }

        @Test
        void statementWithAnInvalidEffect() {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> parse("""
                    Resources:
                      P:
                        Type: AWS::IAM::Policy
                        Properties:
                          PolicyName: p
                          PolicyDocument:
                            Statement:
                              - Effect: allow
                                Action: '*'
                                Resource: '*'
                    """));
            assertThat(e).isNotNull();
            assertThat(e.problems()).containsExactly(new Problem(at(8, 13),
                    "a policy statement's Effect must be Allow or Deny; found 'allow'"));
        }
    }
}
