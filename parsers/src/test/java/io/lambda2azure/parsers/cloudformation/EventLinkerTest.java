package io.lambda2azure.parsers.cloudformation;

import io.lambda2azure.core.expr.Expr;
import io.lambda2azure.core.model.Function;
import io.lambda2azure.core.model.ServerlessApp;
import io.lambda2azure.core.model.UnmappedProperty;
import io.lambda2azure.core.model.UnsupportedResource;
import io.lambda2azure.core.model.event.EventKind;
import io.lambda2azure.core.model.event.EventOrigin;
import io.lambda2azure.core.model.event.EventSource;
import io.lambda2azure.core.model.event.HttpApiKind;
import io.lambda2azure.core.model.event.PollingSetting;
import io.lambda2azure.core.source.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EventLinkerTest {

    private static final String FUNCTION = """
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code:
                    ZipFile: print(1)
            """;

    /** A CloudFormation template with the function {@code Fn} and the given resources. */
    private static ServerlessApp cfn(String resources) throws InvalidInputException {
        return CloudFormationReader.parse("t.yaml", "Resources:\n" + FUNCTION + resources.stripTrailing() + "\n");
    }

    private static ServerlessApp parse(String template) throws InvalidInputException {
        return CloudFormationReader.parse("t.yaml", template);
    }

    private static Function fn(ServerlessApp app) {
        return app.function("Fn").orElseThrow();
    }

    private static List<EventSource> events(ServerlessApp app) {
        return fn(app).events();
    }

    @SuppressWarnings("unchecked")
    private static <T extends EventSource> T only(ServerlessApp app, Class<T> type) {
        assertThat(events(app)).hasSize(1);
        assertThat(events(app).get(0)).isInstanceOf(type);
        return (T) events(app).get(0);
    }

    private static List<String> unmapped(ServerlessApp app, String resourceId) {
        return app.unmappedProperties().stream().filter(u -> u.resourceId().equals(resourceId))
                .map(UnmappedProperty::path).toList();
    }

    private static Optional<UnsupportedResource> unsupported(ServerlessApp app, String resourceId) {
        return app.unsupportedResources().stream().filter(u -> u.logicalId().equals(resourceId)).findFirst();
    }

    private static Expr str(String value) {
        return new Expr.StringLiteral(value);
    }

    private static Expr num(long value) {
        return new Expr.NumberLiteral(BigDecimal.valueOf(value));
    }

    @Test
    void ownedTypesAreSkippedByTheResourceDispatcher() {
        assertThat(EventLinker.OWNED_TYPES).contains("AWS::Lambda::EventSourceMapping", "AWS::Lambda::Permission",
                "AWS::Lambda::Url", "AWS::Lambda::Alias", "AWS::Lambda::Version", "AWS::Lambda::EventInvokeConfig",
                "AWS::ApiGateway::Method", "AWS::ApiGateway::Resource", "AWS::ApiGatewayV2::Route",
                "AWS::ApiGatewayV2::Integration", "AWS::SNS::Subscription", "AWS::Events::Rule",
                "AWS::Scheduler::Schedule", "AWS::Logs::SubscriptionFilter", "AWS::IoT::TopicRule",
                "AWS::Cognito::UserPool");
        assertThat(EventLinker.OWNED_TYPES).doesNotContain("AWS::S3::Bucket", "AWS::SNS::Topic",
                "AWS::ApiGateway::RestApi", "AWS::ApiGatewayV2::Api", "AWS::Serverless::Api");
    }

    @Nested
    class EventSourceMappings {

        @Test
        void sqsQueueOfTheTemplate() throws Exception {
            ServerlessApp app = cfn("""
                      Queue:
                        Type: AWS::SQS::Queue
                      Mapping:
                        Type: AWS::Lambda::EventSourceMapping
                        Condition: C
                        Properties:
                          FunctionName: !Ref Fn
                          EventSourceArn: !GetAtt Queue.Arn
                          BatchSize: 5
                          Enabled: false
                          ScalingConfig:
                            MaximumConcurrency: 3
                          Tags:
                            - Key: k
                              Value: v
                    Conditions:
                      C: !Equals [a, a]
                    """);
            EventSource.Queue queue = only(app, EventSource.Queue.class);
            assertThat(queue.id()).isEqualTo("Mapping");
            assertThat(queue.origin()).isEqualTo(EventOrigin.EVENT_SOURCE_MAPPING);
            assertThat(queue.condition()).contains("C");
            assertThat(queue.queue()).isEqualTo(new Expr.AttributeRef("Queue", "Arn"));
            assertThat(queue.settings().values()).containsOnlyKeys(PollingSetting.BATCH_SIZE, PollingSetting.ENABLED,
                    PollingSetting.MAXIMUM_CONCURRENCY);
            assertThat(queue.settings().get(PollingSetting.BATCH_SIZE)).contains(num(5));
            assertThat(queue.location().line()).isEqualTo(12);
            assertThat(unmapped(app, "Mapping")).containsExactly("Tags");
        }

        @Test
        void streamsAndTablesByReferenceOrArnText() throws Exception {
            ServerlessApp app = cfn("""
                      Table:
                        Type: AWS::DynamoDB::Table
                        Properties:
                          KeySchema: [{AttributeName: id, KeyType: HASH}]
                          AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      TableMapping:
                        Type: AWS::Lambda::EventSourceMapping
                        Properties:
                          FunctionName: !GetAtt Fn.Arn
                          EventSourceArn: !GetAtt Table.StreamArn
                          StartingPosition: LATEST
                      KinesisMapping:
                        Type: AWS::Lambda::EventSourceMapping
                        Properties:
                          FunctionName: !Ref Fn
                          EventSourceArn: !Sub arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/s
                          StartingPosition: TRIM_HORIZON
                          DestinationConfig:
                            OnFailure:
                              Destination: arn:aws:sqs:us-east-1:123456789012:dlq
                    """);
            assertThat(events(app)).extracting(EventSource::kind)
                    .containsExactly(EventKind.TABLE_STREAM, EventKind.STREAM);
            EventSource.Stream stream = (EventSource.Stream) events(app).get(1);
            assertThat(stream.settings().get(PollingSetting.ON_FAILURE_DESTINATION)).isPresent();
            assertThat(stream.settings().get(PollingSetting.STARTING_POSITION)).contains(str("TRIM_HORIZON"));
        }

        @Test
        void managedAndSelfManagedKafka() throws Exception {
            ServerlessApp app = cfn("""
                      Msk:
                        Type: AWS::Lambda::EventSourceMapping
                        Properties:
                          FunctionName: !Ref Fn
                          EventSourceArn: arn:aws:kafka:us-east-1:123456789012:cluster/c/abc
                          Topics: [orders]
                          StartingPosition: LATEST
                          AmazonManagedKafkaEventSourceConfig:
                            ConsumerGroupId: group1
                            SchemaRegistryConfig:
                              SchemaRegistryURI: https://registry
                      SelfManaged:
                        Type: AWS::Lambda::EventSourceMapping
                        Properties:
                          FunctionName: !Ref Fn
                          Topics: [Topic1]
                          SelfManagedEventSource:
                            Endpoints:
                              KafkaBootstrapServers: [abc.xyz.com:9092]
                          SelfManagedKafkaEventSourceConfig:
                            ConsumerGroupId: group2
                          SourceAccessConfigurations:
                            - Type: SASL_SCRAM_512_AUTH
                              URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:s
                    """);
            EventSource.Kafka msk = (EventSource.Kafka) events(app).get(0);
            assertThat(msk.managed()).isTrue();
            assertThat(msk.cluster()).contains(str("arn:aws:kafka:us-east-1:123456789012:cluster/c/abc"));
            assertThat(msk.topics()).isEqualTo(new Expr.ListExpr(List.of(str("orders"))));
            assertThat(msk.consumerGroupId()).contains(str("group1"));
            assertThat(unmapped(app, "Msk")).containsExactly("AmazonManagedKafkaEventSourceConfig.SchemaRegistryConfig");

            EventSource.Kafka self = (EventSource.Kafka) events(app).get(1);
            assertThat(self.managed()).isFalse();
            assertThat(self.cluster()).isEmpty();
            assertThat(self.bootstrapServers()).contains(new Expr.ListExpr(List.of(str("abc.xyz.com:9092"))));
            assertThat(self.consumerGroupId()).contains(str("group2"));
            assertThat(self.settings().values()).containsOnlyKeys(PollingSetting.SOURCE_ACCESS_CONFIGURATIONS);
            assertThat(unmapped(app, "SelfManaged")).isEmpty();
        }

        @Test
        void brokerAndDocumentDb() throws Exception {
            ServerlessApp app = cfn("""
                      Mq:
                        Type: AWS::Lambda::EventSourceMapping
                        Properties:
                          FunctionName: !Ref Fn
                          EventSourceArn: arn:aws:mq:us-east-1:123456789012:broker:b:id
                          Queues: [q1]
                      Docs:
                        Type: AWS::Lambda::EventSourceMapping
                        Properties:
                          FunctionName: !Ref Fn
                          EventSourceArn: arn:aws:rds:us-east-1:123456789012:cluster:docs
                          DocumentDBEventSourceConfig:
                            DatabaseName: db1
                            CollectionName: c1
                            FullDocument: UpdateLookup
                    """);
            EventSource.Broker broker = (EventSource.Broker) events(app).get(0);
            assertThat(broker.queues()).isEqualTo(new Expr.ListExpr(List.of(str("q1"))));
            EventSource.DocumentDbStream docs = (EventSource.DocumentDbStream) events(app).get(1);
            assertThat(docs.database()).isEqualTo(str("db1"));
            assertThat(docs.collection()).contains(str("c1"));
            assertThat(docs.fullDocument()).contains(str("UpdateLookup"));
            assertThat(app.unmappedProperties()).isEmpty();
        }

        @Test
        void anArnThatDoesNotShowItsServiceIsNotGuessed() throws Exception {
            ServerlessApp app = parse("""
                    Parameters:
                      SourceArn: {Type: String}
                    Resources:
                    """ + FUNCTION + """
                      Mapping:
                        Type: AWS::Lambda::EventSourceMapping
                        Properties:
                          FunctionName: !Ref Fn
                          EventSourceArn: !Ref SourceArn
                          BatchSize: 10
                    """);
            assertThat(events(app)).isEmpty();
            assertThat(unsupported(app, "Mapping")).hasValueSatisfying(u ->
                    assertThat(u.reason()).contains("EventSourceArn"));
            assertThat(unmapped(app, "Mapping")).isEmpty();
        }

        @Test
        void aMappingForAFunctionOutsideTheTemplateIsUnsupported() throws Exception {
            ServerlessApp app = cfn("""
                      Mapping:
                        Type: AWS::Lambda::EventSourceMapping
                        Properties:
                          FunctionName: other-function
                          EventSourceArn: arn:aws:sqs:us-east-1:123456789012:q
                    """);
            assertThat(events(app)).isEmpty();
            assertThat(unsupported(app, "Mapping")).isPresent();
        }

        @Test
        void aMappingThroughAnAliasLinksToTheFunction() throws Exception {
            ServerlessApp app = cfn("""
                      Version:
                        Type: AWS::Lambda::Version
                        Properties:
                          FunctionName: !Ref Fn
                      Live:
                        Type: AWS::Lambda::Alias
                        Properties:
                          FunctionName: !Ref Fn
                          FunctionVersion: !GetAtt Version.Version
                          Name: live
                      Mapping:
                        Type: AWS::Lambda::EventSourceMapping
                        Properties:
                          FunctionName: !Ref Live
                          EventSourceArn: arn:aws:sqs:us-east-1:123456789012:q
                    """);
            assertThat(only(app, EventSource.Queue.class).queue()).isEqualTo(str("arn:aws:sqs:us-east-1:123456789012:q"));
        }
    }

    @Nested
    class SameAsSam {

        /** The event of a SAM template and of its plain CloudFormation form, without their provenance. */
        private void assertSame(String sam, String cloudFormation) throws Exception {
            EventSource samEvent = only(parse("Transform: AWS::Serverless-2016-10-31\nResources:\n" + sam),
                    EventSource.class);
            EventSource cfnEvent = only(cfn(cloudFormation), EventSource.class);
            assertThat(cfnEvent.origin()).isNotEqualTo(EventOrigin.SAM_EVENT);
            assertThat(withoutProvenance(cfnEvent)).isEqualTo(withoutProvenance(samEvent));
        }

        private String withoutProvenance(EventSource event) {
            return event.toString().replaceAll("id=[^,]*, origin=[^,]*, ", "").replaceAll(", location=[^\\]]*\\]$", "]");
        }

        private static String samFunction(String events) {
            return """
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          Runtime: python3.12
                          Handler: app.handler
                          CodeUri: s3://bucket/key
                          Events:
                    """ + events.stripTrailing().indent(8);
        }

        @Test
        void sqs() throws Exception {
            assertSame(samFunction("""
                    Q:
                      Type: SQS
                      Properties:
                        Queue: arn:aws:sqs:us-east-1:123456789012:q
                        BatchSize: 10
                        Enabled: false
                    """), """
                      FnQ:
                        Type: AWS::Lambda::EventSourceMapping
                        Properties:
                          BatchSize: 10
                          Enabled: false
                          EventSourceArn: arn:aws:sqs:us-east-1:123456789012:q
                          FunctionName: !Ref Fn
                    """);
        }

        @Test
        void msk() throws Exception {
            assertSame(samFunction("""
                    K:
                      Type: MSK
                      Properties:
                        StartingPosition: LATEST
                        Stream: arn:aws:kafka:us-east-1:123456789012:cluster/c/1
                        Topics: [t]
                        ConsumerGroupId: g
                    """), """
                      FnK:
                        Type: AWS::Lambda::EventSourceMapping
                        Properties:
                          AmazonManagedKafkaEventSourceConfig: {ConsumerGroupId: g}
                          EventSourceArn: arn:aws:kafka:us-east-1:123456789012:cluster/c/1
                          FunctionName: !Ref Fn
                          StartingPosition: LATEST
                          Topics: [t]
                    """);
        }

        @Test
        void sns() throws Exception {
            assertSame(samFunction("""
                    T:
                      Type: SNS
                      Properties:
                        Topic: !Ref Topic
                        FilterPolicy: {store: [a]}
                    """) + """
                      Topic:
                        Type: AWS::SNS::Topic
                    """, """
                      Topic:
                        Type: AWS::SNS::Topic
                      FnT:
                        Type: AWS::SNS::Subscription
                        Properties:
                          Endpoint: !GetAtt Fn.Arn
                          FilterPolicy: {store: [a]}
                          Protocol: lambda
                          TopicArn: !Ref Topic
                      FnTPermission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: sns.amazonaws.com
                          SourceArn: !Ref Topic
                    """);
        }

        @Test
        void s3WithSeveralEventNames() throws Exception {
            assertSame(samFunction("""
                    Up:
                      Type: S3
                      Properties:
                        Bucket: !Ref Images
                        Events: [s3:ObjectCreated:*, s3:ObjectRemoved:*]
                    """) + """
                      Images:
                        Type: AWS::S3::Bucket
                    """, """
                      Images:
                        Type: AWS::S3::Bucket
                        Properties:
                          NotificationConfiguration:
                            LambdaConfigurations:
                              - Event: s3:ObjectCreated:*
                                Function: !GetAtt Fn.Arn
                              - Event: s3:ObjectRemoved:*
                                Function: !GetAtt Fn.Arn
                      FnUpPermission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: s3.amazonaws.com
                          SourceAccount: !Ref AWS::AccountId
                    """);
        }

        @Test
        void schedule() throws Exception {
            assertSame(samFunction("""
                    Tick:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 minute)
                        State: ENABLED
                        Input: '{"a": 1}'
                    """), """
                      FnTick:
                        Type: AWS::Events::Rule
                        Properties:
                          ScheduleExpression: rate(1 minute)
                          State: ENABLED
                          Targets:
                            - Arn: !GetAtt Fn.Arn
                              Id: FnTickLambdaTarget
                              Input: '{"a": 1}'
                      FnTickPermission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: events.amazonaws.com
                          SourceArn: !GetAtt FnTick.Arn
                    """);
        }

        @Test
        void scheduleV2WithTheDefaultTimeWindow() throws Exception {
            assertSame(samFunction("""
                    Tick:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: rate(1 minute)
                    """), """
                      FnTick:
                        Type: AWS::Scheduler::Schedule
                        Properties:
                          FlexibleTimeWindow: {Mode: 'OFF'}
                          ScheduleExpression: rate(1 minute)
                          Target:
                            Arn: !GetAtt Fn.Arn
                            RoleArn: arn:aws:iam::123456789012:role/scheduler
                    """);
        }

        @Test
        void eventBridgeRule() throws Exception {
            assertSame(samFunction("""
                    OnTerminate:
                      Type: EventBridgeRule
                      Properties:
                        EventBusName: bus
                        Pattern: {detail: {state: [terminated]}}
                        InputPath: $.detail
                    """), """
                      FnOnTerminate:
                        Type: AWS::Events::Rule
                        Properties:
                          EventBusName: bus
                          EventPattern: {detail: {state: [terminated]}}
                          Targets:
                            - Arn: !GetAtt Fn.Arn
                              Id: target
                              InputPath: $.detail
                    """);
        }

        @Test
        void cloudWatchLogs() throws Exception {
            assertSame(samFunction("""
                    Logs:
                      Type: CloudWatchLogs
                      Properties:
                        LogGroupName: group
                        FilterPattern: ERROR
                    """), """
                      FnLogs:
                        Type: AWS::Logs::SubscriptionFilter
                        Properties:
                          DestinationArn: !GetAtt Fn.Arn
                          FilterPattern: ERROR
                          LogGroupName: group
                      FnLogsPermission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: logs.amazonaws.com
                          SourceArn: !Sub
                            - arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:${__LogGroupName__}:*
                            - __LogGroupName__: group
                    """);
        }

        @Test
        void iotRule() throws Exception {
            assertSame(samFunction("""
                    Iot:
                      Type: IoTRule
                      Properties:
                        Sql: SELECT * FROM 'topic'
                        AwsIotSqlVersion: beta
                    """), """
                      FnIot:
                        Type: AWS::IoT::TopicRule
                        Properties:
                          TopicRulePayload:
                            Actions:
                              - Lambda:
                                  FunctionArn: !GetAtt Fn.Arn
                            AwsIotSqlVersion: beta
                            Sql: SELECT * FROM 'topic'
                      FnIotPermission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: iot.amazonaws.com
                          SourceAccount: !Sub ${AWS::AccountId}
                          SourceArn: !Sub
                            - arn:aws:iot:${AWS::Region}:${AWS::AccountId}:rule/${RuleName}
                            - RuleName: !Ref FnIot
                    """);
        }

        @Test
        void alexa() throws Exception {
            assertSame(samFunction("""
                    Skill:
                      Type: AlexaSkill
                      Properties:
                        SkillId: amzn1.ask.skill.1
                    """), """
                      FnSkillPermission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          EventSourceToken: amzn1.ask.skill.1
                          FunctionName: !Ref Fn
                          Principal: alexa-appkit.amazon.com
                    """);
        }

        @Test
        void cognito() throws Exception {
            assertSame(samFunction("""
                    Trigger:
                      Type: Cognito
                      Properties:
                        UserPool: !Ref Pool
                        Trigger: [PreSignUp, PostConfirmation]
                    """) + """
                      Pool:
                        Type: AWS::Cognito::UserPool
                    """, """
                      Pool:
                        Type: AWS::Cognito::UserPool
                        Properties:
                          LambdaConfig:
                            PreSignUp: !GetAtt Fn.Arn
                            PostConfirmation: !GetAtt Fn.Arn
                      FnCognitoPermission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: cognito-idp.amazonaws.com
                          SourceArn: !GetAtt Pool.Arn
                    """);
        }

        @Test
        void restApiRoute() throws Exception {
            assertSame(samFunction("""
                    Get:
                      Type: Api
                      Properties:
                        RestApiId: !Ref MyApi
                        Path: /items/{id}
                        Method: get
                    """) + """
                      MyApi:
                        Type: AWS::Serverless::Api
                        Properties:
                          StageName: prod
                    """, """
                      MyApi:
                        Type: AWS::ApiGateway::RestApi
                        Properties:
                          Body:
                            swagger: '2.0'
                            paths:
                              /items/{id}:
                                get:
                                  x-amazon-apigateway-integration:
                                    httpMethod: POST
                                    type: aws_proxy
                                    uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                      FnGetPermissionProd:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: apigateway.amazonaws.com
                          SourceArn: !Sub
                            - arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/GET/items/*
                            - __ApiId__: !Ref MyApi
                              __Stage__: '*'
                    """);
        }

        @Test
        void httpApiDefaultRoute() throws Exception {
            assertSame(samFunction("""
                    Default:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref MyApi
                    """) + """
                      MyApi:
                        Type: AWS::Serverless::HttpApi
                    """, """
                      MyApi:
                        Type: AWS::ApiGatewayV2::Api
                        Properties:
                          Body:
                            openapi: 3.0.1
                            paths:
                              /$default:
                                x-amazon-apigateway-any-method:
                                  isDefaultRoute: true
                                  x-amazon-apigateway-integration:
                                    httpMethod: POST
                                    type: aws_proxy
                                    payloadFormatVersion: '2.0'
                                    uri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                      FnDefaultPermission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: apigateway.amazonaws.com
                          SourceArn: !Sub
                            - arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/${__Stage__}/*
                            - __ApiId__: !Ref MyApi
                              __Stage__: '*'
                    """);
        }

        @Test
        void functionUrl() throws Exception {
            assertSame("""
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          Runtime: python3.12
                          Handler: app.handler
                          CodeUri: s3://bucket/key
                          FunctionUrlConfig:
                            AuthType: NONE
                            Cors: {AllowOrigins: ['*']}
                    """, """
                      FnUrl:
                        Type: AWS::Lambda::Url
                        Properties:
                          AuthType: NONE
                          Cors: {AllowOrigins: ['*']}
                          TargetFunctionArn: !Ref Fn
                      FnUrlPublicPermissions:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunctionUrl
                          FunctionName: !Ref Fn
                          FunctionUrlAuthType: NONE
                          Principal: '*'
                      FnURLInvokeAllowPublicAccess:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          InvokedViaFunctionUrl: true
                          Principal: '*'
                    """);
        }

        @Test
        void snsThroughAQueue() throws Exception {
            ServerlessApp app = cfn("""
                      Topic:
                        Type: AWS::SNS::Topic
                      FnTQueue:
                        Type: AWS::SQS::Queue
                      FnT:
                        Type: AWS::SNS::Subscription
                        Properties:
                          Endpoint: !GetAtt FnTQueue.Arn
                          Protocol: sqs
                          TopicArn: !Ref Topic
                      FnTEventSourceMapping:
                        Type: AWS::Lambda::EventSourceMapping
                        Properties:
                          BatchSize: 10
                          Enabled: true
                          EventSourceArn: !GetAtt FnTQueue.Arn
                          FunctionName: !Ref Fn
                    """);
            EventSource.Topic topic = only(app, EventSource.Topic.class);
            assertThat(topic.id()).isEqualTo("FnT");
            assertThat(topic.topic()).isEqualTo(new Expr.ResourceRef("Topic"));
            assertThat(topic.viaQueue()).contains(new Expr.MapExpr(Map.of("QueueArn",
                    new Expr.AttributeRef("FnTQueue", "Arn"), "BatchSize", num(10), "Enabled",
                    new Expr.BooleanLiteral(true))));
            assertThat(app.unsupportedResources()).isEmpty();
            assertThat(app.unmappedProperties()).isEmpty();
        }
    }

    @Nested
    class Permissions {

        @Test
        void aPermissionNamingARouteOfAnApiWithoutInlineDefinitionIsThatRoute() throws Exception {
            ServerlessApp app = cfn("""
                      Api:
                        Type: AWS::ApiGateway::RestApi
                        Properties:
                          BodyS3Location: {Bucket: b, Key: k}
                      Permission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: apigateway.amazonaws.com
                          SourceArn: !Sub arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/prod/POST/orders
                    """);
            EventSource.Http http = only(app, EventSource.Http.class);
            assertThat(http.origin()).isEqualTo(EventOrigin.PERMISSION);
            assertThat(http.apiKind()).isEqualTo(HttpApiKind.REST_API);
            assertThat(http.apiId()).contains("Api");
            assertThat(http.path()).isEqualTo("/orders");
            assertThat(http.method()).isEqualTo("POST");
        }

        @Test
        void joinedSourceArnOfAnHttpApiWithAnyMethod() throws Exception {
            ServerlessApp app = cfn("""
                      Api:
                        Type: AWS::ApiGatewayV2::Api
                        Properties:
                          Name: api
                          ProtocolType: HTTP
                      Permission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !GetAtt Fn.Arn
                          Principal: apigateway.amazonaws.com
                          SourceArn: !Join ['', ['arn:aws:execute-api:', !Ref AWS::Region, ':', !Ref AWS::AccountId, ':', !Ref Api, '/*/*/items']]
                    """);
            EventSource.Http http = only(app, EventSource.Http.class);
            assertThat(http.apiKind()).isEqualTo(HttpApiKind.HTTP_API);
            assertThat(http.method()).isEqualTo("ANY");
            assertThat(http.path()).isEqualTo("/items");
        }

        @Test
        void aPermissionForAWholeApiIsAnInvokePermission() throws Exception {
            ServerlessApp app = cfn("""
                      Api:
                        Type: AWS::ApiGateway::RestApi
                        Properties:
                          Name: api
                      Permission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: apigateway.amazonaws.com
                          SourceArn: !Sub arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Api}/*
                    """);
            EventSource.InvokePermission permission = only(app, EventSource.InvokePermission.class);
            assertThat(permission.principal()).isEqualTo(str("apigateway.amazonaws.com"));
            assertThat(permission.sourceArn()).isPresent();
        }

        @Test
        void anUnknownServiceIsAnInvokePermission() throws Exception {
            ServerlessApp app = cfn("""
                      Permission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: config.amazonaws.com
                          SourceAccount: !Ref AWS::AccountId
                          PrincipalOrgID: o-123
                    """);
            EventSource.InvokePermission permission = only(app, EventSource.InvokePermission.class);
            assertThat(permission.id()).isEqualTo("Permission");
            assertThat(permission.origin()).isEqualTo(EventOrigin.PERMISSION);
            assertThat(permission.sourceAccount()).isPresent();
            assertThat(app.unmappedProperties()).isEmpty();
        }

        @Test
        void aPermissionForAnotherSourceOfTheSameServiceIsKept() throws Exception {
            ServerlessApp app = cfn("""
                      TopicA:
                        Type: AWS::SNS::Topic
                      TopicB:
                        Type: AWS::SNS::Topic
                      Subscription:
                        Type: AWS::SNS::Subscription
                        Properties:
                          Endpoint: !GetAtt Fn.Arn
                          Protocol: lambda
                          TopicArn: !Ref TopicA
                      PermissionA:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: sns.amazonaws.com
                          SourceArn: !Ref TopicA
                      PermissionB:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: sns.amazonaws.com
                          SourceArn: !Ref TopicB
                    """);
            assertThat(events(app)).extracting(EventSource::kind)
                    .containsExactly(EventKind.TOPIC, EventKind.INVOKE_PERMISSION);
            assertThat(events(app).get(1).id()).isEqualTo("PermissionB");
        }

        @Test
        void anAuthorizerPermissionIsPartOfTheApi() throws Exception {
            ServerlessApp app = cfn("""
                      Api:
                        Type: AWS::ApiGateway::RestApi
                        Properties:
                          Body:
                            swagger: '2.0'
                            paths: {}
                            securityDefinitions:
                              Auth:
                                type: apiKey
                                x-amazon-apigateway-authtype: custom
                                x-amazon-apigateway-authorizer:
                                  type: token
                                  authorizerUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                      AuthorizerPermission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !GetAtt Fn.Arn
                          Principal: apigateway.amazonaws.com
                          SourceArn: !Sub
                            - arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${__ApiId__}/authorizers/*
                            - __ApiId__: !Ref Api
                    """);
            assertThat(events(app)).isEmpty();
            assertThat(app.unsupportedResources()).isEmpty();
        }

        @Test
        void aPermissionForAFunctionOutsideTheTemplateIsUnsupported() throws Exception {
            ServerlessApp app = cfn("""
                      Permission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: arn:aws:lambda:us-east-1:123456789012:function:other
                          Principal: sns.amazonaws.com
                    """);
            assertThat(events(app)).isEmpty();
            assertThat(unsupported(app, "Permission")).hasValueSatisfying(u ->
                    assertThat(u.reason()).contains("not a function of this template"));
        }

        @Test
        void aUrlPermissionWithoutUrlIsAnInvokePermission() throws Exception {
            ServerlessApp app = cfn("""
                      Permission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunctionUrl
                          FunctionName: !Ref Fn
                          FunctionUrlAuthType: AWS_IAM
                          Principal: '123456789012'
                    """);
            assertThat(only(app, EventSource.InvokePermission.class).principal()).isEqualTo(str("123456789012"));
        }
    }

    @Nested
    class FunctionSettings {

        @Test
        void urlAliasVersionAndInvokeConfig() throws Exception {
            ServerlessApp app = cfn("""
                      Url:
                        Type: AWS::Lambda::Url
                        Properties:
                          TargetFunctionArn: !GetAtt Fn.Arn
                          AuthType: AWS_IAM
                          InvokeMode: RESPONSE_STREAM
                      Version:
                        Type: AWS::Lambda::Version
                        Properties:
                          FunctionName: !Ref Fn
                          Description: v1
                          CodeSha256: abc
                      Alias:
                        Type: AWS::Lambda::Alias
                        Properties:
                          FunctionName: !Ref Fn
                          FunctionVersion: !GetAtt Version.Version
                          Name: live
                          Description: the live alias
                          ProvisionedConcurrencyConfig:
                            ProvisionedConcurrentExecutions: 5
                          RoutingConfig:
                            AdditionalVersionWeights: [{FunctionVersion: '2', FunctionWeight: 0.1}]
                      Async:
                        Type: AWS::Lambda::EventInvokeConfig
                        Properties:
                          FunctionName: !Ref Fn
                          Qualifier: $LATEST
                          MaximumRetryAttempts: 0
                          MaximumEventAgeInSeconds: 60
                          DestinationConfig:
                            OnFailure:
                              Destination: arn:aws:sqs:us-east-1:123456789012:dlq
                    """);
            Function f = fn(app);
            EventSource.Http url = only(app, EventSource.Http.class);
            assertThat(url.apiKind()).isEqualTo(HttpApiKind.FUNCTION_URL);
            assertThat(url.origin()).isEqualTo(EventOrigin.FUNCTION_URL);
            assertThat(url.path()).isEqualTo("/");
            assertThat(url.method()).isEqualTo("ANY");
            assertThat(url.auth().orElseThrow().type()).contains(str("AWS_IAM"));

            assertThat(f.aliases()).singleElement().satisfies(alias -> {
                assertThat(alias.id()).isEqualTo("Alias");
                assertThat(alias.name()).isEqualTo(str("live"));
                assertThat(alias.provisionedConcurrency()).contains(num(5));
                assertThat(alias.routing()).isPresent();
            });
            assertThat(f.provisionedConcurrency()).contains(num(5));
            assertThat(f.asyncInvokeConfig()).hasValueSatisfying(c -> {
                assertThat(c.maximumRetryAttempts()).contains(num(0));
                assertThat(c.maximumEventAgeInSeconds()).contains(num(60));
                assertThat(c.onFailure().orElseThrow().type()).isEmpty();
                assertThat(c.onFailure().orElseThrow().target()).isEqualTo(str("arn:aws:sqs:us-east-1:123456789012:dlq"));
                assertThat(c.onSuccess()).isEmpty();
            });
            assertThat(app.unsupportedResources()).isEmpty();
            assertThat(app.unmappedProperties()).extracting(u -> u.resourceId() + "." + u.path())
                    .containsExactlyInAnyOrder("Url.InvokeMode", "Alias.Description");
        }

        @Test
        void anAliasOfAFunctionOutsideTheTemplateIsUnsupported() throws Exception {
            ServerlessApp app = cfn("""
                      Alias:
                        Type: AWS::Lambda::Alias
                        Properties:
                          FunctionName: other
                          FunctionVersion: '1'
                          Name: live
                    """);
            assertThat(fn(app).aliases()).isEmpty();
            assertThat(unsupported(app, "Alias")).isPresent();
        }
    }

    @Nested
    class ApiGateway {

        @Test
        void methodsAndResourcesGiveFullPaths() throws Exception {
            ServerlessApp app = cfn("""
                      Api:
                        Type: AWS::ApiGateway::RestApi
                        Properties:
                          Name: api
                      Items:
                        Type: AWS::ApiGateway::Resource
                        Properties:
                          RestApiId: !Ref Api
                          ParentId: !GetAtt Api.RootResourceId
                          PathPart: items
                      Item:
                        Type: AWS::ApiGateway::Resource
                        Properties:
                          RestApiId: !Ref Api
                          ParentId: !Ref Items
                          PathPart: '{id}'
                      GetItem:
                        Type: AWS::ApiGateway::Method
                        Properties:
                          RestApiId: !Ref Api
                          ResourceId: !Ref Item
                          HttpMethod: get
                          AuthorizationType: COGNITO_USER_POOLS
                          AuthorizerId: !Ref Authorizer
                          ApiKeyRequired: true
                          Integration:
                            Type: AWS_PROXY
                            IntegrationHttpMethod: POST
                            Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                      RootAny:
                        Type: AWS::ApiGateway::Method
                        Properties:
                          RestApiId: !Ref Api
                          ResourceId: !GetAtt Api.RootResourceId
                          HttpMethod: ANY
                          AuthorizationType: NONE
                          Integration:
                            Type: AWS_PROXY
                            IntegrationHttpMethod: POST
                            Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                      Options:
                        Type: AWS::ApiGateway::Method
                        Properties:
                          RestApiId: !Ref Api
                          ResourceId: !Ref Items
                          HttpMethod: OPTIONS
                          AuthorizationType: NONE
                          Integration:
                            Type: MOCK
                      Authorizer:
                        Type: AWS::ApiGateway::Authorizer
                        Properties:
                          RestApiId: !Ref Api
                          Name: cognito
                          Type: COGNITO_USER_POOLS
                          ProviderARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/p]
                    """);
            assertThat(events(app)).hasSize(2);
            EventSource.Http get = (EventSource.Http) events(app).get(0);
            assertThat(get.id()).isEqualTo("GetItem");
            assertThat(get.origin()).isEqualTo(EventOrigin.API_GATEWAY);
            assertThat(get.apiId()).contains("Api");
            assertThat(get.path()).isEqualTo("/items/{id}");
            assertThat(get.method()).isEqualTo("GET");
            assertThat(get.auth()).hasValueSatisfying(auth -> {
                assertThat(auth.type()).contains(str("COGNITO_USER_POOLS"));
                // The authorizer's Name, as SAM keys its Auth.Authorizers.
                assertThat(auth.authorizer()).contains("cognito");
                assertThat(auth.apiKeyRequired()).contains(new Expr.BooleanLiteral(true));
            });
            EventSource.Http root = (EventSource.Http) events(app).get(1);
            assertThat(root.path()).isEqualTo("/");
            assertThat(root.method()).isEqualTo("ANY");
            assertThat(unsupported(app, "Options")).isPresent();
            assertThat(unsupported(app, "Items")).isEmpty();
            assertThat(unsupported(app, "Item")).isEmpty();
            assertThat(unmapped(app, "Items")).isEmpty();
            assertThat(unmapped(app, "GetItem")).containsExactlyInAnyOrder("Integration.Type",
                    "Integration.IntegrationHttpMethod");
        }

        @Test
        void openApiBodyWithSecurityAndAnyMethod() throws Exception {
            ServerlessApp app = cfn("""
                      Api:
                        Type: AWS::ApiGateway::RestApi
                        Properties:
                          Body:
                            swagger: '2.0'
                            paths:
                              /orders:
                                post:
                                  security: [{UserPool: [orders/write]}, {api_key: []}]
                                  x-amazon-apigateway-integration:
                                    type: aws_proxy
                                    httpMethod: POST
                                    uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                              /{proxy+}:
                                x-amazon-apigateway-any-method:
                                  x-amazon-apigateway-integration:
                                    type: aws_proxy
                                    httpMethod: POST
                                    uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                              /health:
                                get:
                                  x-amazon-apigateway-integration:
                                    type: mock
                            securityDefinitions:
                              UserPool:
                                type: apiKey
                                x-amazon-apigateway-authtype: cognito_user_pools
                                x-amazon-apigateway-authorizer:
                                  type: cognito_user_pools
                                  providerARNs: [arn:aws:cognito-idp:us-east-1:123456789012:userpool/p]
                              api_key:
                                type: apiKey
                                name: x-api-key
                                in: header
                    """);
            assertThat(events(app)).hasSize(2);
            EventSource.Http post = (EventSource.Http) events(app).get(0);
            assertThat(post.id()).isEqualTo("Api[POST /orders]");
            assertThat(post.apiId()).contains("Api");
            assertThat(post.location().line()).isEqualTo(17);
            assertThat(post.auth()).hasValueSatisfying(auth -> {
                assertThat(auth.authorizer()).contains("UserPool");
                assertThat(auth.type()).contains(str("COGNITO_USER_POOLS"));
                assertThat(auth.scopes()).contains(new Expr.ListExpr(List.of(str("orders/write"))));
                assertThat(auth.apiKeyRequired()).contains(new Expr.BooleanLiteral(true));
            });
            EventSource.Http any = (EventSource.Http) events(app).get(1);
            assertThat(any.path()).isEqualTo("/{proxy+}");
            assertThat(any.method()).isEqualTo("ANY");
            assertThat(any.auth()).isEmpty();
            assertThat(unmapped(app, "Api")).doesNotContain("Body");
        }

        @Test
        void conditionalRoutesAsTheSamTranslatorWritesThem() throws Exception {
            ServerlessApp app = parse("""
                    Conditions:
                      C: !Equals [a, a]
                    Resources:
                    """ + FUNCTION + """
                      Api:
                        Type: AWS::ApiGatewayV2::Api
                        Properties:
                          Body:
                            openapi: 3.0.1
                            paths:
                              /hello:
                                Fn::If:
                                  - C
                                  - get:
                                      Fn::If:
                                        - C
                                        - x-amazon-apigateway-integration:
                                            type: aws_proxy
                                            uri:
                                              Fn::If:
                                                - C
                                                - !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                                                - !Ref AWS::NoValue
                                        - !Ref AWS::NoValue
                                  - !Ref AWS::NoValue
                    """);
            EventSource.Http http = only(app, EventSource.Http.class);
            assertThat(http.condition()).contains("C");
            assertThat(http.apiKind()).isEqualTo(HttpApiKind.HTTP_API);
            assertThat(http.path()).isEqualTo("/hello");
            assertThat(http.method()).isEqualTo("GET");
        }

        @Test
        void samDefinitionBodyRoutesAreAddedOnlyWhenEventsDoNotDeclareThem() throws Exception {
            ServerlessApp app = parse("""
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          Runtime: python3.12
                          Handler: app.handler
                          CodeUri: s3://bucket/key
                          Events:
                            Get:
                              Type: Api
                              Properties:
                                RestApiId: !Ref MyApi
                                Path: /items
                                Method: get
                      MyApi:
                        Type: AWS::Serverless::Api
                        Properties:
                          StageName: prod
                          DefinitionBody:
                            swagger: '2.0'
                            paths:
                              /items:
                                get:
                                  x-amazon-apigateway-integration:
                                    type: aws_proxy
                                    httpMethod: POST
                                    uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                              /other:
                                put:
                                  x-amazon-apigateway-integration:
                                    type: aws_proxy
                                    httpMethod: POST
                                    uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                    """);
            assertThat(events(app)).extracting(e -> ((EventSource.Http) e).method() + " " + ((EventSource.Http) e).path()
                    + " " + e.origin()).containsExactly("GET /items SAM_EVENT", "PUT /other API_GATEWAY");
            assertThat(unmapped(app, "MyApi")).doesNotContain("DefinitionBody");
        }

        @Test
        void httpApiRoutesIntegrationsAndQuickCreate() throws Exception {
            ServerlessApp app = cfn("""
                      Api:
                        Type: AWS::ApiGatewayV2::Api
                        Properties:
                          Name: api
                          ProtocolType: HTTP
                      Integration:
                        Type: AWS::ApiGatewayV2::Integration
                        Properties:
                          ApiId: !Ref Api
                          IntegrationType: AWS_PROXY
                          IntegrationUri: !GetAtt Fn.Arn
                          PayloadFormatVersion: '2.0'
                      Route:
                        Type: AWS::ApiGatewayV2::Route
                        Properties:
                          ApiId: !Ref Api
                          RouteKey: GET /items/{id}
                          AuthorizationType: JWT
                          AuthorizerId: !Ref Jwt
                          AuthorizationScopes: [read]
                          Target: !Join [/, [integrations, !Ref Integration]]
                      DefaultRoute:
                        Type: AWS::ApiGatewayV2::Route
                        Properties:
                          ApiId: !Ref Api
                          RouteKey: $default
                          Target: !Sub integrations/${Integration}
                      Jwt:
                        Type: AWS::ApiGatewayV2::Authorizer
                        Properties:
                          ApiId: !Ref Api
                          AuthorizerType: JWT
                          Name: jwt
                      Quick:
                        Type: AWS::ApiGatewayV2::Api
                        Properties:
                          Name: quick
                          ProtocolType: HTTP
                          Target: !GetAtt Fn.Arn
                    """);
            assertThat(events(app)).extracting(e -> e.id() + " " + ((EventSource.Http) e).apiId().orElse("-") + " "
                    + ((EventSource.Http) e).method() + " " + ((EventSource.Http) e).path())
                    .containsExactly("Route Api GET /items/{id}", "DefaultRoute Api ANY $default",
                            "Quick Quick ANY $default");
            EventSource.Http route = (EventSource.Http) events(app).get(0);
            assertThat(route.apiKind()).isEqualTo(HttpApiKind.HTTP_API);
            assertThat(route.auth()).hasValueSatisfying(auth -> {
                assertThat(auth.type()).contains(str("JWT"));
                assertThat(auth.authorizer()).contains("jwt");
                assertThat(auth.scopes()).isPresent();
            });
            assertThat(unsupported(app, "Integration")).isEmpty();
            assertThat(unmapped(app, "Integration")).isEmpty();
            assertThat(unmapped(app, "Route")).isEmpty();
        }

        @Test
        void webSocketRoutesAreUnsupportedWithTheirApi() throws Exception {
            ServerlessApp app = cfn("""
                      Ws:
                        Type: AWS::ApiGatewayV2::Api
                        Properties:
                          Name: ws
                          ProtocolType: WEBSOCKET
                          RouteSelectionExpression: $request.body.action
                      Integration:
                        Type: AWS::ApiGatewayV2::Integration
                        Properties:
                          ApiId: !Ref Ws
                          IntegrationType: AWS_PROXY
                          IntegrationUri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations
                      Default:
                        Type: AWS::ApiGatewayV2::Route
                        Properties:
                          ApiId: !Ref Ws
                          RouteKey: $default
                          Target: !Sub integrations/${Integration}
                      Permission:
                        Type: AWS::Lambda::Permission
                        Properties:
                          Action: lambda:InvokeFunction
                          FunctionName: !Ref Fn
                          Principal: apigateway.amazonaws.com
                          SourceArn: !Sub arn:aws:execute-api:${AWS::Region}:${AWS::AccountId}:${Ws}/*
                    """);
            // The permission belongs to the WebSocket API, which is reported as unsupported with its reason.
            assertThat(events(app)).isEmpty();
            assertThat(unsupported(app, "Permission")).isEmpty();
            assertThat(unsupported(app, "Default")).hasValueSatisfying(u -> assertThat(u.reason()).contains("Ws"));
            assertThat(unsupported(app, "Integration")).isPresent();
        }
    }

    @Nested
    class SourceResources {

        @Test
        void bucketNotificationsAreMergedPerFunctionAndFilter() throws Exception {
            ServerlessApp app = cfn("""
                      Bucket:
                        Type: AWS::S3::Bucket
                        Properties:
                          BucketName: b
                          NotificationConfiguration:
                            QueueConfigurations:
                              - Event: s3:ObjectCreated:*
                                Queue: arn:aws:sqs:us-east-1:123456789012:q
                            LambdaConfigurations:
                              - Event: s3:ObjectCreated:*
                                Function: !GetAtt Fn.Arn
                              - Event: s3:ObjectRemoved:*
                                Function: !GetAtt Fn.Arn
                              - Event: s3:ObjectCreated:*
                                Function: !GetAtt Fn.Arn
                                Filter:
                                  S3Key:
                                    Rules: [{Name: suffix, Value: .jpg}]
                              - Event: s3:ObjectCreated:*
                                Function: arn:aws:lambda:us-east-1:123456789012:function:other
                    """);
            assertThat(events(app)).hasSize(2);
            EventSource.ObjectStorage all = (EventSource.ObjectStorage) events(app).get(0);
            assertThat(all.id()).isEqualTo("Bucket.LambdaConfigurations[0]");
            assertThat(all.bucket()).isEqualTo(new Expr.ResourceRef("Bucket"));
            assertThat(all.events()).isEqualTo(new Expr.ListExpr(List.of(str("s3:ObjectCreated:*"),
                    str("s3:ObjectRemoved:*"))));
            assertThat(all.filter()).isEmpty();
            EventSource.ObjectStorage images = (EventSource.ObjectStorage) events(app).get(1);
            assertThat(images.id()).isEqualTo("Bucket.LambdaConfigurations[2]");
            assertThat(images.filter()).isPresent();
            assertThat(unmapped(app, "Bucket")).containsExactlyInAnyOrder(
                    "NotificationConfiguration.QueueConfigurations",
                    "NotificationConfiguration.LambdaConfigurations[3].Event",
                    "NotificationConfiguration.LambdaConfigurations[3].Function");
        }

        @Test
        void aConditionalNotificationAsTheSamTranslatorWritesIt() throws Exception {
            ServerlessApp app = parse("""
                    Conditions:
                      C: !Equals [a, a]
                    Resources:
                    """ + FUNCTION + """
                      Bucket:
                        Type: AWS::S3::Bucket
                        Properties:
                          NotificationConfiguration:
                            LambdaConfigurations:
                              - Fn::If:
                                  - C
                                  - Event: s3:ObjectCreated:*
                                    Function: !GetAtt Fn.Arn
                                  - !Ref AWS::NoValue
                    """);
            EventSource.ObjectStorage storage = only(app, EventSource.ObjectStorage.class);
            assertThat(storage.condition()).contains("C");
            assertThat(storage.id()).isEqualTo("Bucket");
            assertThat(unmapped(app, "Bucket")).isEmpty();
        }

        @Test
        void samS3EventAndTheSameNotificationOnTheBucketAreOneEvent() throws Exception {
            ServerlessApp app = parse("""
                    Transform: AWS::Serverless-2016-10-31
                    Resources:
                      Fn:
                        Type: AWS::Serverless::Function
                        Properties:
                          Runtime: python3.12
                          Handler: app.handler
                          CodeUri: s3://bucket/key
                          Events:
                            Up:
                              Type: S3
                              Properties:
                                Bucket: !Ref Images
                                Events: s3:ObjectCreated:*
                      Images:
                        Type: AWS::S3::Bucket
                        Properties:
                          NotificationConfiguration:
                            LambdaConfigurations:
                              - Function: !GetAtt Fn.Arn
                                Event: s3:ObjectCreated:*
                    """);
            assertThat(only(app, EventSource.ObjectStorage.class).origin()).isEqualTo(EventOrigin.SAM_EVENT);
            assertThat(unmapped(app, "Images")).isEmpty();
        }

        @Test
        void ruleTargets() throws Exception {
            ServerlessApp app = cfn("""
                      Rule:
                        Type: AWS::Events::Rule
                        Properties:
                          EventPattern: {source: [aws.ec2]}
                          State: DISABLED
                          Targets:
                            - Arn: arn:aws:sqs:us-east-1:123456789012:q
                              Id: queue
                            - Arn: !GetAtt Fn.Arn
                              Id: fn
                              InputTransformer:
                                InputPathsMap: {i: $.detail.instance-id}
                                InputTemplate: '"<i>"'
                              RetryPolicy: {MaximumRetryAttempts: 2}
                      NoFunction:
                        Type: AWS::Events::Rule
                        Properties:
                          ScheduleExpression: rate(1 hour)
                          Targets:
                            - Arn: arn:aws:sqs:us-east-1:123456789012:q
                              Id: queue
                    """);
            EventSource.EventBusRule rule = only(app, EventSource.EventBusRule.class);
            assertThat(rule.id()).isEqualTo("Rule.Targets[1]");
            assertThat(rule.enabled()).contains(str("DISABLED"));
            assertThat(rule.eventBus()).isEmpty();
            assertThat(rule.input()).isPresent();
            assertThat(rule.location().line()).isEqualTo(18);
            assertThat(unmapped(app, "Rule")).containsExactlyInAnyOrder("Targets[0].Arn", "Targets[0].Id",
                    "Targets[1].RetryPolicy");
            assertThat(unsupported(app, "NoFunction")).isPresent();
        }

        @Test
        void schedulerSchedule() throws Exception {
            ServerlessApp app = cfn("""
                      Schedule:
                        Type: AWS::Scheduler::Schedule
                        Properties:
                          ScheduleExpression: cron(0 12 * * ? *)
                          ScheduleExpressionTimezone: Europe/Berlin
                          State: ENABLED
                          FlexibleTimeWindow: {Mode: FLEXIBLE, MaximumWindowInMinutes: 5}
                          Target:
                            Arn: !GetAtt Fn.Arn
                            RoleArn: arn:aws:iam::123456789012:role/r
                            Input: '{}'
                    """);
            EventSource.Schedule schedule = only(app, EventSource.Schedule.class);
            assertThat(schedule.scheduler()).isTrue();
            assertThat(schedule.timezone()).contains(str("Europe/Berlin"));
            assertThat(schedule.flexibleTimeWindow()).isPresent();
            assertThat(schedule.input()).contains(str("{}"));
            assertThat(unmapped(app, "Schedule")).containsExactly("Target.RoleArn");
        }

        @Test
        void cognitoTriggersPerFunction() throws Exception {
            ServerlessApp app = cfn("""
                      Other:
                        Type: AWS::Lambda::Function
                        Properties:
                          Runtime: python3.12
                          Handler: app.handler
                          Role: arn:aws:iam::123456789012:role/r
                          Code: {ZipFile: print(2)}
                      Pool:
                        Type: AWS::Cognito::UserPool
                        Properties:
                          UserPoolName: pool
                          LambdaConfig:
                            PreSignUp: !GetAtt Fn.Arn
                            PostConfirmation: !GetAtt Other.Arn
                            CustomMessage: !GetAtt Fn.Arn
                            CustomEmailSender:
                              LambdaArn: !GetAtt Other.Arn
                              LambdaVersion: V1_0
                            KMSKeyID: arn:aws:kms:us-east-1:123456789012:key/k
                      Lonely:
                        Type: AWS::Cognito::UserPool
                        Properties:
                          UserPoolName: lonely
                    """);
            EventSource.Cognito cognito = only(app, EventSource.Cognito.class);
            assertThat(cognito.id()).isEqualTo("Pool[Fn]");
            assertThat(cognito.userPool()).isEqualTo(new Expr.ResourceRef("Pool"));
            assertThat(cognito.triggers()).containsExactly(str("PreSignUp"), str("CustomMessage"));
            EventSource.Cognito other = (EventSource.Cognito) app.function("Other").orElseThrow().events().get(0);
            assertThat(other.triggers()).containsExactly(str("PostConfirmation"), str("CustomEmailSender"));
            assertThat(unmapped(app, "Pool")).containsExactlyInAnyOrder("UserPoolName", "LambdaConfig.KMSKeyID",
                    "LambdaConfig.CustomEmailSender.LambdaVersion");
            assertThat(unsupported(app, "Lonely")).hasValueSatisfying(u ->
                    assertThat(u.reason()).startsWith("Cognito user pool: no Azure equivalent is generated"));
        }

        @Test
        void iotRuleWithSeveralActions() throws Exception {
            ServerlessApp app = cfn("""
                      Rule:
                        Type: AWS::IoT::TopicRule
                        Properties:
                          TopicRulePayload:
                            Sql: SELECT * FROM 't'
                            RuleDisabled: false
                            Actions:
                              - S3: {BucketName: b, Key: k, RoleArn: arn:aws:iam::123456789012:role/r}
                              - Lambda: {FunctionArn: !GetAtt Fn.Arn}
                    """);
            EventSource.IotRule rule = only(app, EventSource.IotRule.class);
            assertThat(rule.id()).isEqualTo("Rule.Actions[1]");
            assertThat(rule.sql()).isEqualTo(str("SELECT * FROM 't'"));
            assertThat(rule.sqlVersion()).isEmpty();
            assertThat(unmapped(app, "Rule")).containsExactlyInAnyOrder("TopicRulePayload.RuleDisabled",
                    "TopicRulePayload.Actions[0].S3");
        }

        @Test
        void snsSubscriptionsOfOtherProtocolsAreUnsupported() throws Exception {
            ServerlessApp app = cfn("""
                      Topic:
                        Type: AWS::SNS::Topic
                        Properties:
                          Subscription:
                            - Protocol: lambda
                              Endpoint: !GetAtt Fn.Arn
                            - Protocol: email
                              Endpoint: ops@example.com
                      Mail:
                        Type: AWS::SNS::Subscription
                        Properties:
                          Protocol: email
                          Endpoint: ops@example.com
                          TopicArn: !Ref Topic
                    """);
            EventSource.Topic topic = only(app, EventSource.Topic.class);
            assertThat(topic.id()).isEqualTo("Topic.Subscription[0]");
            assertThat(topic.topic()).isEqualTo(new Expr.ResourceRef("Topic"));
            assertThat(unmapped(app, "Topic")).containsExactlyInAnyOrder("Subscription[1].Protocol",
                    "Subscription[1].Endpoint");
            assertThat(unsupported(app, "Mail")).hasValueSatisfying(u -> assertThat(u.reason()).contains("email"));
        }

        @Test
        void logSubscriptionToAnotherDestinationIsUnsupported() throws Exception {
            ServerlessApp app = cfn("""
                      Filter:
                        Type: AWS::Logs::SubscriptionFilter
                        Properties:
                          DestinationArn: arn:aws:kinesis:us-east-1:123456789012:stream/s
                          FilterPattern: ''
                          LogGroupName: g
                    """);
            assertThat(events(app)).isEmpty();
            assertThat(unsupported(app, "Filter")).isPresent();
        }
    }
}
